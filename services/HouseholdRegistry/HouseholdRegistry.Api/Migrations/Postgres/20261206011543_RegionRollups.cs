using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.HouseholdRegistry.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class RegionRollups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "RegionRollups",
                columns: table => new
                {
                    RegionCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    PrimaryCause = table.Column<int>(type: "integer", nullable: false),
                    MonitoringCategory = table.Column<int>(type: "integer", nullable: false),
                    PlannedExitYear = table.Column<int>(type: "integer", nullable: false),
                    ExitYear = table.Column<int>(type: "integer", nullable: false),
                    Households = table.Column<int>(type: "integer", nullable: false),
                    People = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RegionRollups", x => new { x.RegionCode, x.Status, x.PrimaryCause, x.MonitoringCategory, x.PlannedExitYear, x.ExitYear });
                });

            // The villages' existing tallies summed into their township, county, city and province.
            foreach (var (length, zeros) in new[] { (9, "000"), (6, "000000"), (4, "00000000"), (2, "0000000000") })
            {
                migrationBuilder.Sql($"""
                    INSERT INTO "RegionRollups" ("RegionCode", "Status", "PrimaryCause", "MonitoringCategory", "PlannedExitYear", "ExitYear", "Households", "People")
                    SELECT substr("VillageCode", 1, {length}) || '{zeros}', "Status", "PrimaryCause", "MonitoringCategory", "PlannedExitYear", "ExitYear", SUM("Households"), SUM("People")
                    FROM "RegionTallies"
                    GROUP BY substr("VillageCode", 1, {length}), "Status", "PrimaryCause", "MonitoringCategory", "PlannedExitYear", "ExitYear"
                    HAVING SUM("Households") <> 0 OR SUM("People") <> 0
                    """);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RegionRollups");
        }
    }
}
