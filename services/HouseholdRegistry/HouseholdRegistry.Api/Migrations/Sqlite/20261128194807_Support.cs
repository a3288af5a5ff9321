using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.HouseholdRegistry.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Support : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AssistanceMeasures",
                columns: table => new
                {
                    Seq = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    HouseholdId = table.Column<Guid>(type: "TEXT", nullable: false),
                    VillageCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    PlannedYear = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    DoneAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DoneBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssistanceMeasures", x => x.Seq);
                });

            migrationBuilder.CreateTable(
                name: "HelperPairings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    HelperId = table.Column<Guid>(type: "TEXT", nullable: false),
                    HouseholdId = table.Column<Guid>(type: "TEXT", nullable: false),
                    From = table.Column<DateTime>(type: "TEXT", nullable: false),
                    To = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HelperPairings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Helpers",
                columns: table => new
                {
                    Seq = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    WorkUnit = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    PhoneCipher = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false),
                    RegisteredAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Helpers", x => x.Seq);
                });

            migrationBuilder.CreateTable(
                name: "RegionTallies",
                columns: table => new
                {
                    VillageCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    PrimaryCause = table.Column<int>(type: "INTEGER", nullable: false),
                    MonitoringCategory = table.Column<int>(type: "INTEGER", nullable: false),
                    PlannedExitYear = table.Column<int>(type: "INTEGER", nullable: false),
                    ExitYear = table.Column<int>(type: "INTEGER", nullable: false),
                    Households = table.Column<int>(type: "INTEGER", nullable: false),
                    People = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RegionTallies", x => new { x.VillageCode, x.Status, x.PrimaryCause, x.MonitoringCategory, x.PlannedExitYear, x.ExitYear });
                });

            migrationBuilder.CreateTable(
                name: "Verifications",
                columns: table => new
                {
                    Seq = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    HouseholdId = table.Column<Guid>(type: "TEXT", nullable: false),
                    VillageCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Method = table.Column<int>(type: "INTEGER", nullable: false),
                    InspectorName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    MembersStatedJson = table.Column<string>(type: "TEXT", nullable: false),
                    HelperNameStated = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    MismatchesJson = table.Column<string>(type: "TEXT", nullable: false),
                    MismatchCount = table.Column<int>(type: "INTEGER", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Verifications", x => x.Seq);
                });

            migrationBuilder.CreateTable(
                name: "Visits",
                columns: table => new
                {
                    Seq = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    HouseholdId = table.Column<Guid>(type: "TEXT", nullable: false),
                    HelperId = table.Column<Guid>(type: "TEXT", nullable: false),
                    VisitDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Content = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    FollowUp = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Visits", x => x.Seq);
                });

            migrationBuilder.CreateTable(
                name: "WorkTeams",
                columns: table => new
                {
                    Seq = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    VillageCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    PairedUnit = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    FirstSecretaryName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    MemberNamesJson = table.Column<string>(type: "TEXT", nullable: false),
                    From = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    To = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkTeams", x => x.Seq);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AssistanceMeasures_HouseholdId_Seq",
                table: "AssistanceMeasures",
                columns: new[] { "HouseholdId", "Seq" });

            migrationBuilder.CreateIndex(
                name: "IX_AssistanceMeasures_Id",
                table: "AssistanceMeasures",
                column: "Id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AssistanceMeasures_VillageCode_Status",
                table: "AssistanceMeasures",
                columns: new[] { "VillageCode", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_HelperPairings_HelperId_To",
                table: "HelperPairings",
                columns: new[] { "HelperId", "To" });

            migrationBuilder.CreateIndex(
                name: "IX_HelperPairings_HouseholdId_To",
                table: "HelperPairings",
                columns: new[] { "HouseholdId", "To" });

            migrationBuilder.CreateIndex(
                name: "IX_Helpers_Id",
                table: "Helpers",
                column: "Id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Helpers_RegionCode_Seq",
                table: "Helpers",
                columns: new[] { "RegionCode", "Seq" });

            migrationBuilder.CreateIndex(
                name: "IX_Verifications_HouseholdId",
                table: "Verifications",
                column: "HouseholdId");

            migrationBuilder.CreateIndex(
                name: "IX_Verifications_Id",
                table: "Verifications",
                column: "Id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Verifications_VillageCode_MismatchCount_Seq",
                table: "Verifications",
                columns: new[] { "VillageCode", "MismatchCount", "Seq" });

            migrationBuilder.CreateIndex(
                name: "IX_Visits_HouseholdId_Seq",
                table: "Visits",
                columns: new[] { "HouseholdId", "Seq" });

            migrationBuilder.CreateIndex(
                name: "IX_Visits_Id",
                table: "Visits",
                column: "Id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WorkTeams_Id",
                table: "WorkTeams",
                column: "Id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WorkTeams_VillageCode_To",
                table: "WorkTeams",
                columns: new[] { "VillageCode", "To" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AssistanceMeasures");

            migrationBuilder.DropTable(
                name: "HelperPairings");

            migrationBuilder.DropTable(
                name: "Helpers");

            migrationBuilder.DropTable(
                name: "RegionTallies");

            migrationBuilder.DropTable(
                name: "Verifications");

            migrationBuilder.DropTable(
                name: "Visits");

            migrationBuilder.DropTable(
                name: "WorkTeams");
        }
    }
}
