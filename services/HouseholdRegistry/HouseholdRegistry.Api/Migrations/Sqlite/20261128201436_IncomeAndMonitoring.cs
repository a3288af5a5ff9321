using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.HouseholdRegistry.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class IncomeAndMonitoring : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "GuaranteeSnapshots",
                columns: table => new
                {
                    HouseholdSeq = table.Column<long>(type: "INTEGER", nullable: false),
                    FoodAndClothing = table.Column<int>(type: "INTEGER", nullable: false),
                    Education = table.Column<int>(type: "INTEGER", nullable: false),
                    Medical = table.Column<int>(type: "INTEGER", nullable: false),
                    Housing = table.Column<int>(type: "INTEGER", nullable: false),
                    Water = table.Column<int>(type: "INTEGER", nullable: false),
                    ReasonsJson = table.Column<string>(type: "TEXT", nullable: false),
                    ChangedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ReceivedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GuaranteeSnapshots", x => x.HouseholdSeq);
                    table.ForeignKey(
                        name: "FK_GuaranteeSnapshots_Households_HouseholdSeq",
                        column: x => x.HouseholdSeq,
                        principalTable: "Households",
                        principalColumn: "Seq",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IncomeEntries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    HouseholdSeq = table.Column<long>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    SourceReference = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    AmountFen = table.Column<long>(type: "INTEGER", nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IncomeEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IncomeEntries_Households_HouseholdSeq",
                        column: x => x.HouseholdSeq,
                        principalTable: "Households",
                        principalColumn: "Seq",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IncomeYears",
                columns: table => new
                {
                    HouseholdSeq = table.Column<long>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    NetIncomeFen = table.Column<long>(type: "INTEGER", nullable: false),
                    RigidExpenditureFen = table.Column<long>(type: "INTEGER", nullable: false),
                    MemberCount = table.Column<int>(type: "INTEGER", nullable: false),
                    PerCapitaNetIncomeFen = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpenditureAdjustedPerCapitaFen = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IncomeYears", x => new { x.HouseholdSeq, x.Year });
                    table.ForeignKey(
                        name: "FK_IncomeYears_Households_HouseholdSeq",
                        column: x => x.HouseholdSeq,
                        principalTable: "Households",
                        principalColumn: "Seq",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MonitoringHistory",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    HouseholdSeq = table.Column<long>(type: "INTEGER", nullable: false),
                    PreviousCategory = table.Column<int>(type: "INTEGER", nullable: false),
                    Category = table.Column<int>(type: "INTEGER", nullable: false),
                    Trigger = table.Column<int>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    AmountFen = table.Column<long>(type: "INTEGER", nullable: true),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    By = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MonitoringHistory", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MonitoringHistory_Households_HouseholdSeq",
                        column: x => x.HouseholdSeq,
                        principalTable: "Households",
                        principalColumn: "Seq",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MonitoringRecords",
                columns: table => new
                {
                    HouseholdSeq = table.Column<long>(type: "INTEGER", nullable: false),
                    IncomeAboveBandSince = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MonitoringRecords", x => x.HouseholdSeq);
                    table.ForeignKey(
                        name: "FK_MonitoringRecords_Households_HouseholdSeq",
                        column: x => x.HouseholdSeq,
                        principalTable: "Households",
                        principalColumn: "Seq",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Reentries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    HouseholdSeq = table.Column<long>(type: "INTEGER", nullable: false),
                    ExitedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SupportUntil = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ReenteredAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    By = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Reentries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Reentries_Households_HouseholdSeq",
                        column: x => x.HouseholdSeq,
                        principalTable: "Households",
                        principalColumn: "Seq",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_IncomeEntries_HouseholdSeq_Source_SourceReference",
                table: "IncomeEntries",
                columns: new[] { "HouseholdSeq", "Source", "SourceReference" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IncomeEntries_HouseholdSeq_Year",
                table: "IncomeEntries",
                columns: new[] { "HouseholdSeq", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_MonitoringHistory_HouseholdSeq_Id",
                table: "MonitoringHistory",
                columns: new[] { "HouseholdSeq", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Reentries_HouseholdSeq",
                table: "Reentries",
                column: "HouseholdSeq");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "GuaranteeSnapshots");

            migrationBuilder.DropTable(
                name: "IncomeEntries");

            migrationBuilder.DropTable(
                name: "IncomeYears");

            migrationBuilder.DropTable(
                name: "MonitoringHistory");

            migrationBuilder.DropTable(
                name: "MonitoringRecords");

            migrationBuilder.DropTable(
                name: "Reentries");
        }
    }
}
