using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Employment.Migrations.SqlServer
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
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ZeroEmploymentCaseId",
                table: "Households",
                type: "uniqueidentifier",
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
