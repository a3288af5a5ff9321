using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Employment.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ZeroEmploymentFamilies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "ZeroEmploymentAsOf",
                table: "Households",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ZeroEmploymentCaseId",
                table: "Households",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ZeroEmploymentAsOf",
                table: "Households");

            migrationBuilder.DropColumn(
                name: "ZeroEmploymentCaseId",
                table: "Households");
        }
    }
}
