using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.HouseholdRegistry.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LongerAuditEntityIds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {

        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
