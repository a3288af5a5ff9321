using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.HouseholdRegistry.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RegistryCycle : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "RemovalNote",
                table: "Members",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "RemovalReason",
                table: "Members",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "RemovedAt",
                table: "Members",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "ConflictOfInterest",
                table: "Households",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "ImportBatchId",
                table: "Households",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ImportPosition",
                table: "Households",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PriorityCount",
                table: "Households",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "PriorityFlags",
                table: "Households",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "ScreeningOverrideJson",
                table: "Households",
                type: "TEXT",
                nullable: true);

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
                name: "AssistanceRollBatches",
                columns: table => new
                {
                    BatchId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    CountyCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    AsOf = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ImportedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ImportedBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    ResultJson = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssistanceRollBatches", x => x.BatchId);
                });

            migrationBuilder.CreateTable(
                name: "AssistanceRollEntries",
                columns: table => new
                {
                    Seq = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    CountyCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    VillageCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    HeadName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    HeadNationalIdCipher = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    HeadNationalIdHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    MemberCount = table.Column<int>(type: "INTEGER", nullable: false),
                    PerCapitaIncomeFen = table.Column<long>(type: "INTEGER", nullable: false),
                    MonthlyAllowanceFen = table.Column<long>(type: "INTEGER", nullable: false),
                    ListedSince = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AsOf = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    LastBatchId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssistanceRollEntries", x => x.Seq);
                });

            migrationBuilder.CreateTable(
                name: "Cases",
                columns: table => new
                {
                    Seq = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    HouseholdSeq = table.Column<long>(type: "INTEGER", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Stage = table.Column<int>(type: "INTEGER", nullable: false),
                    Outcome = table.Column<int>(type: "INTEGER", nullable: false),
                    OpenedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ClosedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ClosingReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    ExcludedRules = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    OpenForHouseholdId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Cases", x => x.Seq);
                    table.ForeignKey(
                        name: "FK_Cases_Households_HouseholdSeq",
                        column: x => x.HouseholdSeq,
                        principalTable: "Households",
                        principalColumn: "Seq",
                        onDelete: ReferentialAction.Restrict);
                });

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
                name: "ImportBatches",
                columns: table => new
                {
                    BatchId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    ActorRole = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ActorRegion = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    FinishedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Received = table.Column<long>(type: "INTEGER", nullable: false),
                    Imported = table.Column<long>(type: "INTEGER", nullable: false),
                    Bad = table.Column<long>(type: "INTEGER", nullable: false),
                    ResultJson = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImportBatches", x => x.BatchId);
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

            migrationBuilder.CreateTable(
                name: "CaseSteps",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseSeq = table.Column<long>(type: "INTEGER", nullable: false),
                    Stage = table.Column<int>(type: "INTEGER", nullable: false),
                    Decision = table.Column<int>(type: "INTEGER", nullable: false),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    ActorRole = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ActorRegion = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    VotesInFavour = table.Column<int>(type: "INTEGER", nullable: true),
                    VotesAgainst = table.Column<int>(type: "INTEGER", nullable: true),
                    VotesAbstaining = table.Column<int>(type: "INTEGER", nullable: true),
                    Minutes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseSteps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseSteps_Cases_CaseSeq",
                        column: x => x.CaseSeq,
                        principalTable: "Cases",
                        principalColumn: "Seq",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Notices",
                columns: table => new
                {
                    Seq = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseSeq = table.Column<long>(type: "INTEGER", nullable: false),
                    VillageCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Notices", x => x.Seq);
                    table.ForeignKey(
                        name: "FK_Notices_Cases_CaseSeq",
                        column: x => x.CaseSeq,
                        principalTable: "Cases",
                        principalColumn: "Seq",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Objections",
                columns: table => new
                {
                    Seq = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    NoticeSeq = table.Column<long>(type: "INTEGER", nullable: false),
                    FiledBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    FiledByRole = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ObjectorName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Content = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Evidence = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    FiledAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Finding = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    ResolvedBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    ResolvedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Objections", x => x.Seq);
                    table.ForeignKey(
                        name: "FK_Objections_Notices_NoticeSeq",
                        column: x => x.NoticeSeq,
                        principalTable: "Notices",
                        principalColumn: "Seq",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.UpdateData(
                table: "Regions",
                keyColumn: "Code",
                keyValue: "341522100201",
                column: "RuralPopulation",
                value: 2856);

            migrationBuilder.UpdateData(
                table: "Regions",
                keyColumn: "Code",
                keyValue: "341522100202",
                column: "RuralPopulation",
                value: 3120);

            migrationBuilder.UpdateData(
                table: "Regions",
                keyColumn: "Code",
                keyValue: "341522101201",
                column: "RuralPopulation",
                value: 2470);

            migrationBuilder.UpdateData(
                table: "Regions",
                keyColumn: "Code",
                keyValue: "341522101202",
                column: "RuralPopulation",
                value: 2215);

            migrationBuilder.UpdateData(
                table: "Regions",
                keyColumn: "Code",
                keyValue: "341522104201",
                column: "RuralPopulation",
                value: 2630);

            migrationBuilder.UpdateData(
                table: "Regions",
                keyColumn: "Code",
                keyValue: "341522104202",
                column: "RuralPopulation",
                value: 3305);

            migrationBuilder.UpdateData(
                table: "Regions",
                keyColumn: "Code",
                keyValue: "532927100202",
                column: "RuralPopulation",
                value: 2140);

            migrationBuilder.UpdateData(
                table: "Regions",
                keyColumn: "Code",
                keyValue: "532927101201",
                column: "RuralPopulation",
                value: 2760);

            migrationBuilder.UpdateData(
                table: "Regions",
                keyColumn: "Code",
                keyValue: "532927101202",
                column: "RuralPopulation",
                value: 1935);

            migrationBuilder.UpdateData(
                table: "Regions",
                keyColumn: "Code",
                keyValue: "532927102201",
                column: "RuralPopulation",
                value: 2510);

            migrationBuilder.UpdateData(
                table: "Regions",
                keyColumn: "Code",
                keyValue: "532927102202",
                column: "RuralPopulation",
                value: 2290);

            migrationBuilder.CreateIndex(
                name: "IX_Households_ImportBatchId_ImportPosition",
                table: "Households",
                columns: new[] { "ImportBatchId", "ImportPosition" },
                unique: true);

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
                name: "IX_AssistanceRollBatches_Kind_CountyCode_AsOf",
                table: "AssistanceRollBatches",
                columns: new[] { "Kind", "CountyCode", "AsOf" });

            migrationBuilder.CreateIndex(
                name: "IX_AssistanceRollEntries_Id",
                table: "AssistanceRollEntries",
                column: "Id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AssistanceRollEntries_Kind_CountyCode_EndedOn",
                table: "AssistanceRollEntries",
                columns: new[] { "Kind", "CountyCode", "EndedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_AssistanceRollEntries_Kind_HeadNationalIdHash",
                table: "AssistanceRollEntries",
                columns: new[] { "Kind", "HeadNationalIdHash" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AssistanceRollEntries_VillageCode_PerCapitaIncomeFen",
                table: "AssistanceRollEntries",
                columns: new[] { "VillageCode", "PerCapitaIncomeFen" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_HouseholdSeq",
                table: "Cases",
                column: "HouseholdSeq");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_Id",
                table: "Cases",
                column: "Id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Cases_OpenForHouseholdId",
                table: "Cases",
                column: "OpenForHouseholdId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Cases_RegionCode_Seq",
                table: "Cases",
                columns: new[] { "RegionCode", "Seq" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseSteps_CaseSeq",
                table: "CaseSteps",
                column: "CaseSeq");

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
                name: "IX_Notices_CaseSeq",
                table: "Notices",
                column: "CaseSeq");

            migrationBuilder.CreateIndex(
                name: "IX_Notices_Id",
                table: "Notices",
                column: "Id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Notices_VillageCode_Seq",
                table: "Notices",
                columns: new[] { "VillageCode", "Seq" });

            migrationBuilder.CreateIndex(
                name: "IX_Objections_Id",
                table: "Objections",
                column: "Id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Objections_NoticeSeq",
                table: "Objections",
                column: "NoticeSeq");

            migrationBuilder.CreateIndex(
                name: "IX_Reentries_HouseholdSeq",
                table: "Reentries",
                column: "HouseholdSeq");

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
                name: "AssistanceRollBatches");

            migrationBuilder.DropTable(
                name: "AssistanceRollEntries");

            migrationBuilder.DropTable(
                name: "CaseSteps");

            migrationBuilder.DropTable(
                name: "GuaranteeSnapshots");

            migrationBuilder.DropTable(
                name: "HelperPairings");

            migrationBuilder.DropTable(
                name: "Helpers");

            migrationBuilder.DropTable(
                name: "ImportBatches");

            migrationBuilder.DropTable(
                name: "IncomeEntries");

            migrationBuilder.DropTable(
                name: "IncomeYears");

            migrationBuilder.DropTable(
                name: "MonitoringHistory");

            migrationBuilder.DropTable(
                name: "MonitoringRecords");

            migrationBuilder.DropTable(
                name: "Objections");

            migrationBuilder.DropTable(
                name: "Reentries");

            migrationBuilder.DropTable(
                name: "RegionTallies");

            migrationBuilder.DropTable(
                name: "Verifications");

            migrationBuilder.DropTable(
                name: "Visits");

            migrationBuilder.DropTable(
                name: "WorkTeams");

            migrationBuilder.DropTable(
                name: "Notices");

            migrationBuilder.DropTable(
                name: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Households_ImportBatchId_ImportPosition",
                table: "Households");

            migrationBuilder.DropColumn(
                name: "RemovalNote",
                table: "Members");

            migrationBuilder.DropColumn(
                name: "RemovalReason",
                table: "Members");

            migrationBuilder.DropColumn(
                name: "RemovedAt",
                table: "Members");

            migrationBuilder.DropColumn(
                name: "ConflictOfInterest",
                table: "Households");

            migrationBuilder.DropColumn(
                name: "ImportBatchId",
                table: "Households");

            migrationBuilder.DropColumn(
                name: "ImportPosition",
                table: "Households");

            migrationBuilder.DropColumn(
                name: "PriorityCount",
                table: "Households");

            migrationBuilder.DropColumn(
                name: "PriorityFlags",
                table: "Households");

            migrationBuilder.DropColumn(
                name: "ScreeningOverrideJson",
                table: "Households");

            migrationBuilder.UpdateData(
                table: "Regions",
                keyColumn: "Code",
                keyValue: "341522100201",
                column: "RuralPopulation",
                value: null);

            migrationBuilder.UpdateData(
                table: "Regions",
                keyColumn: "Code",
                keyValue: "341522100202",
                column: "RuralPopulation",
                value: null);

            migrationBuilder.UpdateData(
                table: "Regions",
                keyColumn: "Code",
                keyValue: "341522101201",
                column: "RuralPopulation",
                value: null);

            migrationBuilder.UpdateData(
                table: "Regions",
                keyColumn: "Code",
                keyValue: "341522101202",
                column: "RuralPopulation",
                value: null);

            migrationBuilder.UpdateData(
                table: "Regions",
                keyColumn: "Code",
                keyValue: "341522104201",
                column: "RuralPopulation",
                value: null);

            migrationBuilder.UpdateData(
                table: "Regions",
                keyColumn: "Code",
                keyValue: "341522104202",
                column: "RuralPopulation",
                value: null);

            migrationBuilder.UpdateData(
                table: "Regions",
                keyColumn: "Code",
                keyValue: "532927100202",
                column: "RuralPopulation",
                value: null);

            migrationBuilder.UpdateData(
                table: "Regions",
                keyColumn: "Code",
                keyValue: "532927101201",
                column: "RuralPopulation",
                value: null);

            migrationBuilder.UpdateData(
                table: "Regions",
                keyColumn: "Code",
                keyValue: "532927101202",
                column: "RuralPopulation",
                value: null);

            migrationBuilder.UpdateData(
                table: "Regions",
                keyColumn: "Code",
                keyValue: "532927102201",
                column: "RuralPopulation",
                value: null);

            migrationBuilder.UpdateData(
                table: "Regions",
                keyColumn: "Code",
                keyValue: "532927102202",
                column: "RuralPopulation",
                value: null);
        }
    }
}
