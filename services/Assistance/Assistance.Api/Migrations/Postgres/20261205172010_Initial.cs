using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Platform.Assistance.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
                name: "DepartmentBatches",
                columns: table => new
                {
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    BatchId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SourceSystem = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SubmittedBy = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    ReceivedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ReportJson = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DepartmentBatches", x => new { x.Kind, x.BatchId });
                });

            migrationBuilder.CreateTable(
                name: "DropoutCases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    HouseholdId = table.Column<Guid>(type: "uuid", nullable: false),
                    MemberId = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(12)", unicode: false, maxLength: 12, nullable: false),
                    Reason = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    OpenedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ClosedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ClosingReason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ClosingRecord = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DropoutCases", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "EducationExemptions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    HouseholdId = table.Column<Guid>(type: "uuid", nullable: false),
                    MemberId = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(12)", unicode: false, maxLength: 12, nullable: false),
                    Kind = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    Reason = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    ApprovedBy = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    From = table.Column<DateOnly>(type: "date", nullable: false),
                    Until = table.Column<DateOnly>(type: "date", nullable: true),
                    RecordedBy = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EducationExemptions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "EducationSubsidies",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    EnrolmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    HouseholdId = table.Column<Guid>(type: "uuid", nullable: false),
                    MemberId = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(12)", unicode: false, maxLength: 12, nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    AmountFen = table.Column<long>(type: "bigint", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    GrantedBy = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    GrantedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EducationSubsidies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Enrolments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    HouseholdId = table.Column<Guid>(type: "uuid", nullable: false),
                    MemberId = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(12)", unicode: false, maxLength: 12, nullable: false),
                    Stage = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    SchoolName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Grade = table.Column<int>(type: "integer", nullable: false),
                    SchoolYear = table.Column<int>(type: "integer", nullable: false),
                    WithdrawnOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Source = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    RecordKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    RecordedBy = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Enrolments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "FamilyDoctorContracts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    HouseholdId = table.Column<Guid>(type: "uuid", nullable: false),
                    MemberId = table.Column<Guid>(type: "uuid", nullable: false),
                    Doctor = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Clinic = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SignedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ValidUntil = table.Column<DateOnly>(type: "date", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FamilyDoctorContracts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "FoodAndClothingDeclarations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    HouseholdId = table.Column<Guid>(type: "uuid", nullable: false),
                    Secure = table.Column<bool>(type: "boolean", nullable: false),
                    Note = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    DeclaredBy = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    DeclaredByRegion = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    DeclaredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FoodAndClothingDeclarations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "HouseAppraisals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    HouseholdId = table.Column<Guid>(type: "uuid", nullable: false),
                    Grade = table.Column<string>(type: "character varying(1)", maxLength: 1, nullable: false),
                    AppraisedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    AppraiserName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    AppraiserOrganisation = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Notes = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Source = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    RecordKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    RecordedBy = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HouseAppraisals", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "HouseholdGuarantees",
                columns: table => new
                {
                    HouseholdId = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(12)", unicode: false, maxLength: 12, nullable: false),
                    AllMet = table.Column<bool>(type: "boolean", nullable: false),
                    ChangedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    AssessedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    EducationRecord = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    EducationReason = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    EducationState = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    FoodAndClothingRecord = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    FoodAndClothingReason = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    FoodAndClothingState = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    HousingRecord = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    HousingReason = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    HousingState = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    MedicalRecord = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    MedicalReason = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    MedicalState = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    WaterRecord = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    WaterReason = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    WaterState = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HouseholdGuarantees", x => x.HouseholdId);
                });

            migrationBuilder.CreateTable(
                name: "HouseholdIncomeYears",
                columns: table => new
                {
                    HouseholdId = table.Column<Guid>(type: "uuid", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    NetIncomeFen = table.Column<long>(type: "bigint", nullable: false),
                    PerCapitaNetIncomeFen = table.Column<long>(type: "bigint", nullable: false),
                    MemberCount = table.Column<int>(type: "integer", nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HouseholdIncomeYears", x => new { x.HouseholdId, x.Year });
                });

            migrationBuilder.CreateTable(
                name: "HouseholdMedicalYears",
                columns: table => new
                {
                    HouseholdId = table.Column<Guid>(type: "uuid", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(12)", unicode: false, maxLength: 12, nullable: false),
                    CompliantFen = table.Column<long>(type: "bigint", nullable: false),
                    CompliantOutOfPocketFen = table.Column<long>(type: "bigint", nullable: false),
                    FamilyPaysFen = table.Column<long>(type: "bigint", nullable: false),
                    Flagged = table.Column<bool>(type: "boolean", nullable: false),
                    LatestRecordId = table.Column<Guid>(type: "uuid", nullable: false),
                    AboveIncomeShare = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HouseholdMedicalYears", x => new { x.HouseholdId, x.Year });
                });

            migrationBuilder.CreateTable(
                name: "Households",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(12)", unicode: false, maxLength: 12, nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    StatusAsOf = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    RegisteredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ExitedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    SupportUntil = table.Column<DateOnly>(type: "date", nullable: true),
                    Pathway = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    MonitoringCategory = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    MonitoringAsOf = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    MembersAsOf = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Households", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "IllnessRecords",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    HouseholdId = table.Column<Guid>(type: "uuid", nullable: false),
                    MemberId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Category = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    DiagnosedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Source = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IllnessRecords", x => x.Id);
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
                name: "InsuranceEnrolments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    HouseholdId = table.Column<Guid>(type: "uuid", nullable: false),
                    MemberId = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(12)", unicode: false, maxLength: 12, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    PremiumFen = table.Column<long>(type: "bigint", nullable: false),
                    SubsidisedFen = table.Column<long>(type: "bigint", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Source = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    RecordKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    RecordedBy = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InsuranceEnrolments", x => x.Id);
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
                name: "MedicalExpenses",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    HouseholdId = table.Column<Guid>(type: "uuid", nullable: false),
                    MemberId = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(12)", unicode: false, maxLength: 12, nullable: false),
                    Hospital = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    AdmittedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    DischargedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    TotalFen = table.Column<long>(type: "bigint", nullable: false),
                    CompliantFen = table.Column<long>(type: "bigint", nullable: false),
                    BasicInsuranceFen = table.Column<long>(type: "bigint", nullable: false),
                    CriticalIllnessFen = table.Column<long>(type: "bigint", nullable: false),
                    MedicalAssistanceFen = table.Column<long>(type: "bigint", nullable: false),
                    OtherFen = table.Column<long>(type: "bigint", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MedicalExpenses", x => x.Id);
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
                name: "RenovationProjects",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    HouseholdId = table.Column<Guid>(type: "uuid", nullable: false),
                    AppraisalId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    SubsidyFen = table.Column<long>(type: "bigint", nullable: false),
                    Status = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    StartedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    StatusChangedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RenovationProjects", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "WaterAssessments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    HouseholdId = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(12)", unicode: false, maxLength: 12, nullable: false),
                    AssessedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Assessor = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Source = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    RecordKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    RecordedBy = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ConvenienceValue = table.Column<double>(type: "double precision", nullable: true),
                    ConvenienceMeets = table.Column<bool>(type: "boolean", nullable: false),
                    ConvenienceNote = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    QualityValue = table.Column<double>(type: "double precision", nullable: true),
                    QualityMeets = table.Column<bool>(type: "boolean", nullable: false),
                    QualityNote = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    QuantityValue = table.Column<double>(type: "double precision", nullable: true),
                    QuantityMeets = table.Column<bool>(type: "boolean", nullable: false),
                    QuantityNote = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ReliabilityValue = table.Column<double>(type: "double precision", nullable: true),
                    ReliabilityMeets = table.Column<bool>(type: "boolean", nullable: false),
                    ReliabilityNote = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WaterAssessments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "WaterProjects",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Kind = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    VillageCode = table.Column<string>(type: "character varying(12)", unicode: false, maxLength: 12, nullable: false),
                    BudgetFen = table.Column<long>(type: "bigint", nullable: false),
                    Status = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    Fixes = table.Column<int[]>(type: "integer[]", maxLength: 200, nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    StartedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CompletedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CompletedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WaterProjects", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DropoutVisits",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    VisitedBy = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    VisitedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Outcome = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    NextStep = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DropoutVisits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DropoutVisits_DropoutCases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "DropoutCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DoctorVisits",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ContractId = table.Column<Guid>(type: "uuid", nullable: false),
                    VisitedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Doctor = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Notes = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DoctorVisits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DoctorVisits_FamilyDoctorContracts_ContractId",
                        column: x => x.ContractId,
                        principalTable: "FamilyDoctorContracts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Members",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    HouseholdId = table.Column<Guid>(type: "uuid", nullable: false),
                    Relationship = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Sex = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    BirthDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Health = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    DisabilityGrade = table.Column<int>(type: "integer", nullable: false),
                    LabourCapacity = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Schooling = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    NationalIdLookup = table.Column<string>(type: "character varying(64)", unicode: false, maxLength: 64, nullable: true),
                    IsCurrent = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Members", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Members_Households_HouseholdId",
                        column: x => x.HouseholdId,
                        principalTable: "Households",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RenovationInspections",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    InspectedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Inspector = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Passed = table.Column<bool>(type: "boolean", nullable: false),
                    Findings = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    FamilyMovedIn = table.Column<bool>(type: "boolean", nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RenovationInspections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RenovationInspections_RenovationProjects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "RenovationProjects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "WaterProjectHouseholds",
                columns: table => new
                {
                    ProjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    HouseholdId = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(12)", unicode: false, maxLength: 12, nullable: false),
                    AddedBy = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    AddedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WaterProjectHouseholds", x => new { x.ProjectId, x.HouseholdId });
                    table.ForeignKey(
                        name: "FK_WaterProjectHouseholds_WaterProjects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "WaterProjects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "WaterReassessmentDuties",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    HouseholdId = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(12)", unicode: false, maxLength: 12, nullable: false),
                    CompletedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    CompletedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WaterReassessmentDuties", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WaterReassessmentDuties_WaterProjects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "WaterProjects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AuditRecords_EntityType_EntityId_At",
                table: "AuditRecords",
                columns: new[] { "EntityType", "EntityId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_DoctorVisits_ContractId",
                table: "DoctorVisits",
                column: "ContractId");

            migrationBuilder.CreateIndex(
                name: "IX_DropoutCases_HouseholdId_ClosedAt",
                table: "DropoutCases",
                columns: new[] { "HouseholdId", "ClosedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_DropoutCases_MemberId_ClosedAt",
                table: "DropoutCases",
                columns: new[] { "MemberId", "ClosedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_DropoutCases_RegionCode_ClosedAt",
                table: "DropoutCases",
                columns: new[] { "RegionCode", "ClosedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_DropoutVisits_CaseId",
                table: "DropoutVisits",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_EducationExemptions_HouseholdId",
                table: "EducationExemptions",
                column: "HouseholdId");

            migrationBuilder.CreateIndex(
                name: "IX_EducationExemptions_MemberId",
                table: "EducationExemptions",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_EducationSubsidies_EnrolmentId",
                table: "EducationSubsidies",
                column: "EnrolmentId");

            migrationBuilder.CreateIndex(
                name: "IX_EducationSubsidies_HouseholdId",
                table: "EducationSubsidies",
                column: "HouseholdId");

            migrationBuilder.CreateIndex(
                name: "IX_Enrolments_HouseholdId",
                table: "Enrolments",
                column: "HouseholdId");

            migrationBuilder.CreateIndex(
                name: "IX_Enrolments_MemberId_SchoolYear",
                table: "Enrolments",
                columns: new[] { "MemberId", "SchoolYear" });

            migrationBuilder.CreateIndex(
                name: "IX_Enrolments_RecordKey",
                table: "Enrolments",
                column: "RecordKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FamilyDoctorContracts_HouseholdId",
                table: "FamilyDoctorContracts",
                column: "HouseholdId");

            migrationBuilder.CreateIndex(
                name: "IX_FoodAndClothingDeclarations_HouseholdId_DeclaredAt",
                table: "FoodAndClothingDeclarations",
                columns: new[] { "HouseholdId", "DeclaredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_HouseAppraisals_HouseholdId_AppraisedOn",
                table: "HouseAppraisals",
                columns: new[] { "HouseholdId", "AppraisedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_HouseAppraisals_RecordKey",
                table: "HouseAppraisals",
                column: "RecordKey",
                unique: true,
                filter: "\"RecordKey\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_HouseholdGuarantees_RegionCode_AllMet",
                table: "HouseholdGuarantees",
                columns: new[] { "RegionCode", "AllMet" });

            migrationBuilder.CreateIndex(
                name: "IX_HouseholdMedicalYears_Year_Flagged",
                table: "HouseholdMedicalYears",
                columns: new[] { "Year", "Flagged" });

            migrationBuilder.CreateIndex(
                name: "IX_Households_RegionCode",
                table: "Households",
                column: "RegionCode");

            migrationBuilder.CreateIndex(
                name: "IX_IllnessRecords_HouseholdId",
                table: "IllnessRecords",
                column: "HouseholdId");

            migrationBuilder.CreateIndex(
                name: "IX_InboxMessages_ProcessedAt",
                table: "InboxMessages",
                column: "ProcessedAt");

            migrationBuilder.CreateIndex(
                name: "IX_InsuranceEnrolments_HouseholdId_Year",
                table: "InsuranceEnrolments",
                columns: new[] { "HouseholdId", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_InsuranceEnrolments_MemberId_Year",
                table: "InsuranceEnrolments",
                columns: new[] { "MemberId", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_InsuranceEnrolments_RecordKey",
                table: "InsuranceEnrolments",
                column: "RecordKey");

            migrationBuilder.CreateIndex(
                name: "IX_MedicalExpenses_HouseholdId_Year",
                table: "MedicalExpenses",
                columns: new[] { "HouseholdId", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_Members_HouseholdId",
                table: "Members",
                column: "HouseholdId");

            migrationBuilder.CreateIndex(
                name: "IX_Members_NationalIdLookup",
                table: "Members",
                column: "NationalIdLookup");

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
                name: "IX_RenovationInspections_ProjectId",
                table: "RenovationInspections",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_RenovationProjects_HouseholdId",
                table: "RenovationProjects",
                column: "HouseholdId");

            migrationBuilder.CreateIndex(
                name: "IX_RenovationProjects_OpenPerHousehold",
                table: "RenovationProjects",
                column: "HouseholdId",
                unique: true,
                filter: "\"Status\" <> 'Accepted' AND \"Status\" <> 'Cancelled'");

            migrationBuilder.CreateIndex(
                name: "IX_WaterAssessments_HouseholdId_AssessedOn",
                table: "WaterAssessments",
                columns: new[] { "HouseholdId", "AssessedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_WaterAssessments_RecordKey",
                table: "WaterAssessments",
                column: "RecordKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WaterProjectHouseholds_HouseholdId",
                table: "WaterProjectHouseholds",
                column: "HouseholdId");

            migrationBuilder.CreateIndex(
                name: "IX_WaterProjects_VillageCode",
                table: "WaterProjects",
                column: "VillageCode");

            migrationBuilder.CreateIndex(
                name: "IX_WaterReassessmentDuties_ProjectId_HouseholdId",
                table: "WaterReassessmentDuties",
                columns: new[] { "ProjectId", "HouseholdId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WaterReassessmentDuties_RegionCode",
                table: "WaterReassessmentDuties",
                column: "RegionCode");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AuditRecords");

            migrationBuilder.DropTable(
                name: "DepartmentBatches");

            migrationBuilder.DropTable(
                name: "DoctorVisits");

            migrationBuilder.DropTable(
                name: "DropoutVisits");

            migrationBuilder.DropTable(
                name: "EducationExemptions");

            migrationBuilder.DropTable(
                name: "EducationSubsidies");

            migrationBuilder.DropTable(
                name: "Enrolments");

            migrationBuilder.DropTable(
                name: "FoodAndClothingDeclarations");

            migrationBuilder.DropTable(
                name: "HouseAppraisals");

            migrationBuilder.DropTable(
                name: "HouseholdGuarantees");

            migrationBuilder.DropTable(
                name: "HouseholdIncomeYears");

            migrationBuilder.DropTable(
                name: "HouseholdMedicalYears");

            migrationBuilder.DropTable(
                name: "IllnessRecords");

            migrationBuilder.DropTable(
                name: "InboxMessages");

            migrationBuilder.DropTable(
                name: "InsuranceEnrolments");

            migrationBuilder.DropTable(
                name: "Leases");

            migrationBuilder.DropTable(
                name: "MedicalExpenses");

            migrationBuilder.DropTable(
                name: "Members");

            migrationBuilder.DropTable(
                name: "OutboxMessages");

            migrationBuilder.DropTable(
                name: "RenovationInspections");

            migrationBuilder.DropTable(
                name: "WaterAssessments");

            migrationBuilder.DropTable(
                name: "WaterProjectHouseholds");

            migrationBuilder.DropTable(
                name: "WaterReassessmentDuties");

            migrationBuilder.DropTable(
                name: "FamilyDoctorContracts");

            migrationBuilder.DropTable(
                name: "DropoutCases");

            migrationBuilder.DropTable(
                name: "Households");

            migrationBuilder.DropTable(
                name: "RenovationProjects");

            migrationBuilder.DropTable(
                name: "WaterProjects");
        }
    }
}
