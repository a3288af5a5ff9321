using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.HouseholdRegistry.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class HouseholdLifecycle : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "CurrentIncomePerCapitaFen",
                table: "Households",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "CurrentIncomeYear",
                table: "Households",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ExitedAt",
                table: "Households",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FactsJson",
                table: "Households",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<Guid>(
                name: "HelperId",
                table: "Households",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "IncomePerCapitaAtRegistrationFen",
                table: "Households",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "MonitoringCategory",
                table: "Households",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Pathway",
                table: "Households",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "PlannedExitYear",
                table: "Households",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PreExitMarkedYear",
                table: "Households",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "RegisteredAt",
                table: "Households",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "SupportUntil",
                table: "Households",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "Households",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateIndex(
                name: "IX_Households_RegionCode_Status",
                table: "Households",
                columns: new[] { "RegionCode", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Households_RegionCode_Status",
                table: "Households");

            migrationBuilder.DropColumn(
                name: "CurrentIncomePerCapitaFen",
                table: "Households");

            migrationBuilder.DropColumn(
                name: "CurrentIncomeYear",
                table: "Households");

            migrationBuilder.DropColumn(
                name: "ExitedAt",
                table: "Households");

            migrationBuilder.DropColumn(
                name: "FactsJson",
                table: "Households");

            migrationBuilder.DropColumn(
                name: "HelperId",
                table: "Households");

            migrationBuilder.DropColumn(
                name: "IncomePerCapitaAtRegistrationFen",
                table: "Households");

            migrationBuilder.DropColumn(
                name: "MonitoringCategory",
                table: "Households");

            migrationBuilder.DropColumn(
                name: "Pathway",
                table: "Households");

            migrationBuilder.DropColumn(
                name: "PlannedExitYear",
                table: "Households");

            migrationBuilder.DropColumn(
                name: "PreExitMarkedYear",
                table: "Households");

            migrationBuilder.DropColumn(
                name: "RegisteredAt",
                table: "Households");

            migrationBuilder.DropColumn(
                name: "SupportUntil",
                table: "Households");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "Households");
        }
    }
}
