using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.HouseholdRegistry.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ActiveMemberIndexAsQueried : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Members_ActiveNationalId",
                table: "Members");

            migrationBuilder.CreateIndex(
                name: "IX_Members_ActiveNationalId",
                table: "Members",
                column: "NationalIdHash",
                unique: true,
                filter: "\"IsActive\"");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Members_ActiveNationalId",
                table: "Members");

            migrationBuilder.CreateIndex(
                name: "IX_Members_ActiveNationalId",
                table: "Members",
                column: "NationalIdHash",
                unique: true,
                filter: "\"IsActive\" = 1");
        }
    }
}
