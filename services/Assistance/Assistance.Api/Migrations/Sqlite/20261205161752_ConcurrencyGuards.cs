using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Assistance.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ConcurrencyGuards : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_RenovationProjects_OpenPerHousehold",
                table: "RenovationProjects",
                column: "HouseholdId",
                unique: true,
                filter: "\"Status\" <> 'Accepted' AND \"Status\" <> 'Cancelled'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_RenovationProjects_OpenPerHousehold",
                table: "RenovationProjects");
        }
    }
}
