using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Relocation.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class FollowUpCasesByRegion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_FollowUpCases_SiteRegionCode",
                table: "FollowUpCases",
                column: "SiteRegionCode");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_FollowUpCases_SiteRegionCode",
                table: "FollowUpCases");
        }
    }
}
