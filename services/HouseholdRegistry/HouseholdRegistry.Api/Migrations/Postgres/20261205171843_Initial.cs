using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Platform.HouseholdRegistry.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AssistanceMeasures",
                columns: table => new
                {
                    Seq = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    HouseholdId = table.Column<Guid>(type: "uuid", nullable: false),
                    VillageCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Description = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    PlannedYear = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    DoneAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DoneBy = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssistanceMeasures", x => x.Seq);
                });

            migrationBuilder.CreateTable(
                name: "AssistanceRollBatches",
                columns: table => new
                {
                    BatchId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    CountyCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    AsOf = table.Column<DateOnly>(type: "date", nullable: false),
                    ImportedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ImportedBy = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    ResultJson = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssistanceRollBatches", x => x.BatchId);
                });

            migrationBuilder.CreateTable(
                name: "AssistanceRollEntries",
                columns: table => new
                {
                    Seq = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    CountyCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    VillageCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    HeadName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    HeadNationalIdCipher = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    HeadNationalIdHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    MemberCount = table.Column<int>(type: "integer", nullable: false),
                    PerCapitaIncomeFen = table.Column<long>(type: "bigint", nullable: false),
                    MonthlyAllowanceFen = table.Column<long>(type: "bigint", nullable: false),
                    ListedSince = table.Column<DateOnly>(type: "date", nullable: false),
                    AsOf = table.Column<DateOnly>(type: "date", nullable: false),
                    EndedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    LastBatchId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssistanceRollEntries", x => x.Seq);
                });

            migrationBuilder.CreateTable(
                name: "AuditRecords",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Actor = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    ActorRole = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ActorRegion = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Action = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    EntityType = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    EntityId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Purpose = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    TraceId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditRecords", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "HelperPairings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    HelperId = table.Column<Guid>(type: "uuid", nullable: false),
                    HouseholdId = table.Column<Guid>(type: "uuid", nullable: false),
                    From = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    To = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HelperPairings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Helpers",
                columns: table => new
                {
                    Seq = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    WorkUnit = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    PhoneCipher = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Active = table.Column<bool>(type: "boolean", nullable: false),
                    RegisteredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Helpers", x => x.Seq);
                });

            migrationBuilder.CreateTable(
                name: "Households",
                columns: table => new
                {
                    Seq = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Address = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    PrimaryCause = table.Column<int>(type: "integer", nullable: false),
                    OtherCauses = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    DeclaredIncomePerCapitaFen = table.Column<long>(type: "bigint", nullable: false),
                    AppliedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    AppliedBy = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    RegisteredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ExitedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    SupportUntil = table.Column<DateOnly>(type: "date", nullable: true),
                    PlannedExitYear = table.Column<int>(type: "integer", nullable: true),
                    Pathway = table.Column<int>(type: "integer", nullable: false),
                    MonitoringCategory = table.Column<int>(type: "integer", nullable: false),
                    IncomePerCapitaAtRegistrationFen = table.Column<long>(type: "bigint", nullable: true),
                    CurrentIncomePerCapitaFen = table.Column<long>(type: "bigint", nullable: true),
                    CurrentIncomeYear = table.Column<int>(type: "integer", nullable: true),
                    HelperId = table.Column<Guid>(type: "uuid", nullable: true),
                    FactsJson = table.Column<string>(type: "text", nullable: false),
                    PreExitMarkedYear = table.Column<int>(type: "integer", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    ScreeningOverrideJson = table.Column<string>(type: "text", nullable: true),
                    PriorityFlags = table.Column<int>(type: "integer", nullable: false),
                    PriorityCount = table.Column<int>(type: "integer", nullable: false),
                    ConflictOfInterest = table.Column<bool>(type: "boolean", nullable: false),
                    ImportBatchId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ImportPosition = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Households", x => x.Seq);
                });

            migrationBuilder.CreateTable(
                name: "ImportBatches",
                columns: table => new
                {
                    BatchId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Source = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Actor = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    ActorRole = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ActorRegion = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    StartedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    FinishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Received = table.Column<long>(type: "bigint", nullable: false),
                    Imported = table.Column<long>(type: "bigint", nullable: false),
                    Bad = table.Column<long>(type: "bigint", nullable: false),
                    ResultJson = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImportBatches", x => x.BatchId);
                });

            migrationBuilder.CreateTable(
                name: "InboxMessages",
                columns: table => new
                {
                    MessageId = table.Column<Guid>(type: "uuid", nullable: false),
                    Consumer = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    ProcessedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InboxMessages", x => new { x.MessageId, x.Consumer });
                });

            migrationBuilder.CreateTable(
                name: "Leases",
                columns: table => new
                {
                    Name = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Holder = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Leases", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "OutboxMessages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MessageId = table.Column<Guid>(type: "uuid", nullable: false),
                    MessageType = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    Body = table.Column<string>(type: "text", nullable: false),
                    AggregateKey = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    TraceParent = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    NextAttemptAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastError = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Unpublishable = table.Column<bool>(type: "boolean", nullable: false),
                    ParkedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutboxMessages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Regions",
                columns: table => new
                {
                    Code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Level = table.Column<int>(type: "integer", nullable: false),
                    ParentCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    RuralPopulation = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Regions", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "RegionTallies",
                columns: table => new
                {
                    VillageCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
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
                    table.PrimaryKey("PK_RegionTallies", x => new { x.VillageCode, x.Status, x.PrimaryCause, x.MonitoringCategory, x.PlannedExitYear, x.ExitYear });
                });

            migrationBuilder.CreateTable(
                name: "Verifications",
                columns: table => new
                {
                    Seq = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    HouseholdId = table.Column<Guid>(type: "uuid", nullable: false),
                    VillageCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Method = table.Column<int>(type: "integer", nullable: false),
                    InspectorName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    MembersStatedJson = table.Column<string>(type: "text", nullable: false),
                    HelperNameStated = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Notes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    MismatchesJson = table.Column<string>(type: "text", nullable: false),
                    MismatchCount = table.Column<int>(type: "integer", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Verifications", x => x.Seq);
                });

            migrationBuilder.CreateTable(
                name: "Visits",
                columns: table => new
                {
                    Seq = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    HouseholdId = table.Column<Guid>(type: "uuid", nullable: false),
                    HelperId = table.Column<Guid>(type: "uuid", nullable: false),
                    VisitDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Content = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    FollowUp = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Visits", x => x.Seq);
                });

            migrationBuilder.CreateTable(
                name: "WorkTeams",
                columns: table => new
                {
                    Seq = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    VillageCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    PairedUnit = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    FirstSecretaryName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    MemberNamesJson = table.Column<string>(type: "text", nullable: false),
                    From = table.Column<DateOnly>(type: "date", nullable: false),
                    To = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkTeams", x => x.Seq);
                });

            migrationBuilder.CreateTable(
                name: "Cases",
                columns: table => new
                {
                    Seq = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    HouseholdSeq = table.Column<long>(type: "bigint", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Stage = table.Column<int>(type: "integer", nullable: false),
                    Outcome = table.Column<int>(type: "integer", nullable: false),
                    OpenedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ClosedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ClosingReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    ExcludedRules = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    OpenForHouseholdId = table.Column<Guid>(type: "uuid", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
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
                    HouseholdSeq = table.Column<long>(type: "bigint", nullable: false),
                    FoodAndClothing = table.Column<int>(type: "integer", nullable: false),
                    Education = table.Column<int>(type: "integer", nullable: false),
                    Medical = table.Column<int>(type: "integer", nullable: false),
                    Housing = table.Column<int>(type: "integer", nullable: false),
                    Water = table.Column<int>(type: "integer", nullable: false),
                    ReasonsJson = table.Column<string>(type: "text", nullable: false),
                    ChangedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ReceivedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    HouseholdSeq = table.Column<long>(type: "bigint", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Category = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Source = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    SourceReference = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    AmountFen = table.Column<long>(type: "bigint", nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false)
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
                    HouseholdSeq = table.Column<long>(type: "bigint", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    NetIncomeFen = table.Column<long>(type: "bigint", nullable: false),
                    RigidExpenditureFen = table.Column<long>(type: "bigint", nullable: false),
                    MemberCount = table.Column<int>(type: "integer", nullable: false),
                    PerCapitaNetIncomeFen = table.Column<long>(type: "bigint", nullable: false),
                    ExpenditureAdjustedPerCapitaFen = table.Column<long>(type: "bigint", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
                name: "Members",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    HouseholdSeq = table.Column<long>(type: "bigint", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    NationalIdCipher = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    NationalIdHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Relationship = table.Column<int>(type: "integer", nullable: false),
                    Sex = table.Column<int>(type: "integer", nullable: false),
                    BirthDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Health = table.Column<int>(type: "integer", nullable: false),
                    DisabilityGrade = table.Column<int>(type: "integer", nullable: false),
                    LabourCapacity = table.Column<int>(type: "integer", nullable: false),
                    Schooling = table.Column<int>(type: "integer", nullable: false),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false),
                    RemovedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    RemovalReason = table.Column<int>(type: "integer", nullable: false),
                    RemovalNote = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Members", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Members_Households_HouseholdSeq",
                        column: x => x.HouseholdSeq,
                        principalTable: "Households",
                        principalColumn: "Seq",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MonitoringHistory",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    HouseholdSeq = table.Column<long>(type: "bigint", nullable: false),
                    PreviousCategory = table.Column<int>(type: "integer", nullable: false),
                    Category = table.Column<int>(type: "integer", nullable: false),
                    Trigger = table.Column<int>(type: "integer", nullable: false),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    AmountFen = table.Column<long>(type: "bigint", nullable: true),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    By = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false)
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
                    HouseholdSeq = table.Column<long>(type: "bigint", nullable: false),
                    IncomeAboveBandSince = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    HouseholdSeq = table.Column<long>(type: "bigint", nullable: false),
                    ExitedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    SupportUntil = table.Column<DateOnly>(type: "date", nullable: true),
                    ReenteredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    By = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false)
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
                name: "CaseSteps",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CaseSeq = table.Column<long>(type: "bigint", nullable: false),
                    Stage = table.Column<int>(type: "integer", nullable: false),
                    Decision = table.Column<int>(type: "integer", nullable: false),
                    Actor = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    ActorRole = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ActorRegion = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    VotesInFavour = table.Column<int>(type: "integer", nullable: true),
                    VotesAgainst = table.Column<int>(type: "integer", nullable: true),
                    VotesAbstaining = table.Column<int>(type: "integer", nullable: true),
                    Minutes = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false)
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
                    Seq = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseSeq = table.Column<long>(type: "bigint", nullable: false),
                    VillageCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    StartDate = table.Column<DateOnly>(type: "date", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false)
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
                    Seq = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    NoticeSeq = table.Column<long>(type: "bigint", nullable: false),
                    FiledBy = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    FiledByRole = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ObjectorName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Content = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Evidence = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    FiledAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Finding = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    ResolvedBy = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    ResolvedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
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

            migrationBuilder.InsertData(
                table: "Regions",
                columns: new[] { "Code", "Level", "Name", "ParentCode", "RuralPopulation" },
                values: new object[,]
                {
                    { "340000000000", 1, "安徽省", null, null },
                    { "341500000000", 2, "六安市", "340000000000", null },
                    { "341522000000", 3, "霍邱县", "341500000000", null },
                    { "341522100000", 4, "城关镇", "341522000000", null },
                    { "341522100201", 5, "东湖村", "341522100000", 2856 },
                    { "341522100202", 5, "西湖村", "341522100000", 3120 },
                    { "341522101000", 4, "河口镇", "341522000000", null },
                    { "341522101201", 5, "河口村", "341522101000", 2470 },
                    { "341522101202", 5, "杨湾村", "341522101000", 2215 },
                    { "341522104000", 4, "长集镇", "341522000000", null },
                    { "341522104201", 5, "七里棚村", "341522104000", 2630 },
                    { "341522104202", 5, "长集村", "341522104000", 3305 },
                    { "530000000000", 1, "云南省", null, null },
                    { "532900000000", 2, "大理白族自治州", "530000000000", null },
                    { "532927000000", 3, "巍山彝族回族自治县", "532900000000", null },
                    { "532927100000", 4, "南诏镇", "532927000000", null },
                    { "532927100201", 5, "新村", "532927100000", 1782 },
                    { "532927100202", 5, "古城村", "532927100000", 2140 },
                    { "532927101000", 4, "庙街镇", "532927000000", null },
                    { "532927101201", 5, "庙街村", "532927101000", 2760 },
                    { "532927101202", 5, "古富村", "532927101000", 1935 },
                    { "532927102000", 4, "大仓镇", "532927000000", null },
                    { "532927102201", 5, "大仓村", "532927102000", 2510 },
                    { "532927102202", 5, "甸中村", "532927102000", 2290 }
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
                name: "IX_AuditRecords_EntityType_EntityId_At",
                table: "AuditRecords",
                columns: new[] { "EntityType", "EntityId", "At" });

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
                name: "IX_Households_Id",
                table: "Households",
                column: "Id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Households_ImportBatchId_ImportPosition",
                table: "Households",
                columns: new[] { "ImportBatchId", "ImportPosition" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Households_RegionCode_Seq",
                table: "Households",
                columns: new[] { "RegionCode", "Seq" });

            migrationBuilder.CreateIndex(
                name: "IX_Households_RegionCode_Status",
                table: "Households",
                columns: new[] { "RegionCode", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_InboxMessages_ProcessedAt",
                table: "InboxMessages",
                column: "ProcessedAt");

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
                name: "IX_Members_ActiveNationalId",
                table: "Members",
                column: "NationalIdHash",
                unique: true,
                filter: "\"IsActive\"");

            migrationBuilder.CreateIndex(
                name: "IX_Members_HouseholdSeq",
                table: "Members",
                column: "HouseholdSeq");

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
                name: "IX_OutboxMessages_AggregateKey",
                table: "OutboxMessages",
                column: "AggregateKey");

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_MessageId",
                table: "OutboxMessages",
                column: "MessageId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_NextAttemptAt",
                table: "OutboxMessages",
                column: "NextAttemptAt");

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_ParkedAt",
                table: "OutboxMessages",
                column: "ParkedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Reentries_HouseholdSeq",
                table: "Reentries",
                column: "HouseholdSeq");

            migrationBuilder.CreateIndex(
                name: "IX_Regions_ParentCode",
                table: "Regions",
                column: "ParentCode");

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
                name: "AuditRecords");

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
                name: "InboxMessages");

            migrationBuilder.DropTable(
                name: "IncomeEntries");

            migrationBuilder.DropTable(
                name: "IncomeYears");

            migrationBuilder.DropTable(
                name: "Leases");

            migrationBuilder.DropTable(
                name: "Members");

            migrationBuilder.DropTable(
                name: "MonitoringHistory");

            migrationBuilder.DropTable(
                name: "MonitoringRecords");

            migrationBuilder.DropTable(
                name: "Objections");

            migrationBuilder.DropTable(
                name: "OutboxMessages");

            migrationBuilder.DropTable(
                name: "Reentries");

            migrationBuilder.DropTable(
                name: "Regions");

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

            migrationBuilder.DropTable(
                name: "Households");
        }
    }
}
