using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Platform.Employment.Migrations.Postgres
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
                name: "CollectiveIncomes",
                columns: table => new
                {
                    VillageCode = table.Column<string>(type: "character varying(12)", unicode: false, maxLength: 12, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    AmountFen = table.Column<long>(type: "bigint", nullable: false),
                    SourcesJson = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CollectiveIncomes", x => new { x.VillageCode, x.Year });
                });

            migrationBuilder.CreateTable(
                name: "DividendPayments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RunId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    HouseholdId = table.Column<Guid>(type: "uuid", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    AmountFen = table.Column<long>(type: "bigint", nullable: false),
                    PaidAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DividendPayments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DividendRuns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    RunKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    AmountFen = table.Column<long>(type: "bigint", nullable: false),
                    TotalShares = table.Column<long>(type: "bigint", nullable: false),
                    Households = table.Column<int>(type: "integer", nullable: false),
                    BoundaryFraction = table.Column<long>(type: "bigint", nullable: false),
                    BoundaryCutoff = table.Column<Guid>(type: "uuid", nullable: false),
                    LastHouseholdId = table.Column<Guid>(type: "uuid", nullable: true),
                    ProcessedHouseholds = table.Column<int>(type: "integer", nullable: false),
                    PaidHouseholds = table.Column<int>(type: "integer", nullable: false),
                    PaidFen = table.Column<long>(type: "bigint", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    StartedBy = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    StartedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CompletedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DividendRuns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Employments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    HouseholdId = table.Column<Guid>(type: "uuid", nullable: false),
                    MemberId = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(12)", unicode: false, maxLength: 12, nullable: false),
                    Type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Employer = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    StartedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EndedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    MonthlyIncomeFen = table.Column<long>(type: "bigint", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Employments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Households",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(12)", unicode: false, maxLength: 12, nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    StatusAsOf = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    MembersAsOf = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ZeroEmploymentCaseId = table.Column<Guid>(type: "uuid", nullable: true),
                    ZeroEmploymentAsOf = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Households", x => x.Id);
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
                name: "IndustryProjects",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    VillageCode = table.Column<string>(type: "character varying(12)", unicode: false, maxLength: 12, nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Type = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ApprovedBudgetFen = table.Column<long>(type: "bigint", nullable: false),
                    ProposedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ProposedBy = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    ProposedBudgetFen = table.Column<long>(type: "bigint", nullable: false),
                    ApprovedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DecidedBy = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    RejectionReason = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    ProgressPercent = table.Column<int>(type: "integer", nullable: false),
                    DisbursedFen = table.Column<long>(type: "bigint", nullable: false),
                    StopReason = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    StatusChangedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndustryProjects", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "IndustrySubsidies",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    HouseholdId = table.Column<Guid>(type: "uuid", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Item = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Units = table.Column<int>(type: "integer", nullable: false),
                    RatePerUnitFen = table.Column<long>(type: "bigint", nullable: false),
                    AmountFen = table.Column<long>(type: "bigint", nullable: false),
                    GrantedBy = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    GrantedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndustrySubsidies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "JobWishes",
                columns: table => new
                {
                    MemberId = table.Column<Guid>(type: "uuid", nullable: false),
                    HouseholdId = table.Column<Guid>(type: "uuid", nullable: false),
                    PreferredWork = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Place = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ExpectedMonthlyIncomeFen = table.Column<long>(type: "bigint", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JobWishes", x => x.MemberId);
                });

            migrationBuilder.CreateTable(
                name: "LabourSkills",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    HouseholdId = table.Column<Guid>(type: "uuid", nullable: false),
                    MemberId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LabourSkills", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "LabourTrainings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    HouseholdId = table.Column<Guid>(type: "uuid", nullable: false),
                    MemberId = table.Column<Guid>(type: "uuid", nullable: false),
                    Course = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Provider = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    StartedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EndedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Certificate = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    RecordedBy = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LabourTrainings", x => x.Id);
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
                name: "MonthlyEarnings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    EmploymentId = table.Column<Guid>(type: "uuid", nullable: false),
                    HouseholdId = table.Column<Guid>(type: "uuid", nullable: false),
                    MemberId = table.Column<Guid>(type: "uuid", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Month = table.Column<int>(type: "integer", nullable: false),
                    AmountFen = table.Column<long>(type: "bigint", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MonthlyEarnings", x => x.Id);
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
                name: "ProjectShares",
                columns: table => new
                {
                    ProjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    HouseholdId = table.Column<Guid>(type: "uuid", nullable: false),
                    Shares = table.Column<long>(type: "bigint", nullable: false),
                    SetBy = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    SetAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProjectShares", x => new { x.ProjectId, x.HouseholdId });
                });

            migrationBuilder.CreateTable(
                name: "PublicWelfarePosts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    VillageCode = table.Column<string>(type: "character varying(12)", unicode: false, maxLength: 12, nullable: false),
                    Title = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    PayBasis = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    RateFen = table.Column<long>(type: "bigint", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PublicWelfarePosts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TransportSubsidies",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    EmploymentId = table.Column<Guid>(type: "uuid", nullable: false),
                    HouseholdId = table.Column<Guid>(type: "uuid", nullable: false),
                    MemberId = table.Column<Guid>(type: "uuid", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    AmountFen = table.Column<long>(type: "bigint", nullable: false),
                    GrantedBy = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    GrantedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TransportSubsidies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Workshops",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    VillageCode = table.Column<string>(type: "character varying(12)", unicode: false, maxLength: 12, nullable: false),
                    OperatorName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    RegisteredOn = table.Column<DateOnly>(type: "date", nullable: false),
                    RegisteredBy = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    RegisteredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Workshops", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Labourers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    HouseholdId = table.Column<Guid>(type: "uuid", nullable: false),
                    Sex = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    BirthDate = table.Column<DateOnly>(type: "date", nullable: false),
                    LabourCapacity = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    NationalIdLookup = table.Column<string>(type: "character varying(64)", unicode: false, maxLength: 64, nullable: true),
                    IsCurrent = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Labourers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Labourers_Households_HouseholdId",
                        column: x => x.HouseholdId,
                        principalTable: "Households",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IndustryProjectAcceptances",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    Passed = table.Column<bool>(type: "boolean", nullable: false),
                    Inspector = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    InspectedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Findings = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndustryProjectAcceptances", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IndustryProjectAcceptances_IndustryProjects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "IndustryProjects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IndustryProjectAdjustments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    What = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Why = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    AdjustedBy = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    AdjustedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    OldBudgetFen = table.Column<long>(type: "bigint", nullable: false),
                    NewBudgetFen = table.Column<long>(type: "bigint", nullable: false),
                    StatusAtAdjustment = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndustryProjectAdjustments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IndustryProjectAdjustments_IndustryProjects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "IndustryProjects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IndustryProjectBenefitLinks",
                columns: table => new
                {
                    ProjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    HouseholdId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    HouseholdRegionCode = table.Column<string>(type: "character varying(12)", unicode: false, maxLength: 12, nullable: false),
                    AmountPerYearFen = table.Column<long>(type: "bigint", nullable: false),
                    LinkedBy = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    LinkedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndustryProjectBenefitLinks", x => new { x.ProjectId, x.HouseholdId, x.Kind });
                    table.ForeignKey(
                        name: "FK_IndustryProjectBenefitLinks_IndustryProjects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "IndustryProjects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IndustryProjectDisbursements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    AmountFen = table.Column<long>(type: "bigint", nullable: false),
                    ProgressPercent = table.Column<int>(type: "integer", nullable: false),
                    Voucher = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    DisbursedBy = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    DisbursedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndustryProjectDisbursements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IndustryProjectDisbursements_IndustryProjects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "IndustryProjects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IndustryProjectFunding",
                columns: table => new
                {
                    Source = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ProjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    AmountFen = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndustryProjectFunding", x => new { x.ProjectId, x.Source });
                    table.ForeignKey(
                        name: "FK_IndustryProjectFunding_IndustryProjects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "IndustryProjects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IndustryProjectProgress",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    Percent = table.Column<int>(type: "integer", nullable: false),
                    VerifiedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    VerifiedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndustryProjectProgress", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IndustryProjectProgress_IndustryProjects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "IndustryProjects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PostAssignments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PostId = table.Column<Guid>(type: "uuid", nullable: false),
                    VillageCode = table.Column<string>(type: "character varying(12)", unicode: false, maxLength: 12, nullable: false),
                    LabourerId = table.Column<Guid>(type: "uuid", nullable: false),
                    HouseholdId = table.Column<Guid>(type: "uuid", nullable: false),
                    StartedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EndedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PostAssignments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PostAssignments_PublicWelfarePosts_PostId",
                        column: x => x.PostId,
                        principalTable: "PublicWelfarePosts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "WorkshopEmployees",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    WorkshopId = table.Column<Guid>(type: "uuid", nullable: false),
                    LabourerId = table.Column<Guid>(type: "uuid", nullable: false),
                    HouseholdId = table.Column<Guid>(type: "uuid", nullable: false),
                    HiredOn = table.Column<DateOnly>(type: "date", nullable: false),
                    LeftOn = table.Column<DateOnly>(type: "date", nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkshopEmployees", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WorkshopEmployees_Workshops_WorkshopId",
                        column: x => x.WorkshopId,
                        principalTable: "Workshops",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "WorkshopSubsidyGrants",
                columns: table => new
                {
                    WorkshopId = table.Column<Guid>(type: "uuid", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    PoorEmployees = table.Column<int>(type: "integer", nullable: false),
                    PerEmployeeFen = table.Column<long>(type: "bigint", nullable: false),
                    AmountFen = table.Column<long>(type: "bigint", nullable: false),
                    GrantedBy = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    GrantedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkshopSubsidyGrants", x => new { x.WorkshopId, x.Year });
                    table.ForeignKey(
                        name: "FK_WorkshopSubsidyGrants_Workshops_WorkshopId",
                        column: x => x.WorkshopId,
                        principalTable: "Workshops",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PostAttendance",
                columns: table => new
                {
                    AssignmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    WorkedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Quantity = table.Column<int>(type: "integer", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PostAttendance", x => new { x.AssignmentId, x.WorkedOn });
                    table.ForeignKey(
                        name: "FK_PostAttendance_PostAssignments_AssignmentId",
                        column: x => x.AssignmentId,
                        principalTable: "PostAssignments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PostPayslips",
                columns: table => new
                {
                    AssignmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Month = table.Column<int>(type: "integer", nullable: false),
                    PostId = table.Column<Guid>(type: "uuid", nullable: false),
                    VillageCode = table.Column<string>(type: "character varying(12)", unicode: false, maxLength: 12, nullable: false),
                    LabourerId = table.Column<Guid>(type: "uuid", nullable: false),
                    HouseholdId = table.Column<Guid>(type: "uuid", nullable: false),
                    PayBasis = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Units = table.Column<int>(type: "integer", nullable: false),
                    RateFen = table.Column<long>(type: "bigint", nullable: false),
                    GrossFen = table.Column<long>(type: "bigint", nullable: false),
                    AmountFen = table.Column<long>(type: "bigint", nullable: false),
                    Capped = table.Column<bool>(type: "boolean", nullable: false),
                    PaymentId = table.Column<Guid>(type: "uuid", nullable: false),
                    ComputedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PostPayslips", x => new { x.AssignmentId, x.Year, x.Month });
                    table.ForeignKey(
                        name: "FK_PostPayslips_PostAssignments_AssignmentId",
                        column: x => x.AssignmentId,
                        principalTable: "PostAssignments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AuditRecords_EntityType_EntityId_At",
                table: "AuditRecords",
                columns: new[] { "EntityType", "EntityId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_CollectiveIncomes_Year_VillageCode",
                table: "CollectiveIncomes",
                columns: new[] { "Year", "VillageCode" });

            migrationBuilder.CreateIndex(
                name: "IX_DividendPayments_HouseholdId",
                table: "DividendPayments",
                column: "HouseholdId");

            migrationBuilder.CreateIndex(
                name: "IX_DividendPayments_RunId",
                table: "DividendPayments",
                column: "RunId");

            migrationBuilder.CreateIndex(
                name: "IX_DividendRuns_ProjectId_RunKey",
                table: "DividendRuns",
                columns: new[] { "ProjectId", "RunKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Employments_HouseholdId",
                table: "Employments",
                column: "HouseholdId");

            migrationBuilder.CreateIndex(
                name: "IX_Employments_MemberId",
                table: "Employments",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_Employments_RegionCode",
                table: "Employments",
                column: "RegionCode");

            migrationBuilder.CreateIndex(
                name: "IX_Households_RegionCode",
                table: "Households",
                column: "RegionCode");

            migrationBuilder.CreateIndex(
                name: "IX_InboxMessages_ProcessedAt",
                table: "InboxMessages",
                column: "ProcessedAt");

            migrationBuilder.CreateIndex(
                name: "IX_IndustryProjectAcceptances_ProjectId",
                table: "IndustryProjectAcceptances",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_IndustryProjectAdjustments_ProjectId",
                table: "IndustryProjectAdjustments",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_IndustryProjectBenefitLinks_HouseholdId",
                table: "IndustryProjectBenefitLinks",
                column: "HouseholdId");

            migrationBuilder.CreateIndex(
                name: "IX_IndustryProjectDisbursements_ProjectId",
                table: "IndustryProjectDisbursements",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_IndustryProjectProgress_ProjectId",
                table: "IndustryProjectProgress",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_IndustryProjects_VillageCode",
                table: "IndustryProjects",
                column: "VillageCode");

            migrationBuilder.CreateIndex(
                name: "IX_IndustrySubsidies_HouseholdId",
                table: "IndustrySubsidies",
                column: "HouseholdId");

            migrationBuilder.CreateIndex(
                name: "IX_Labourers_HouseholdId",
                table: "Labourers",
                column: "HouseholdId");

            migrationBuilder.CreateIndex(
                name: "IX_Labourers_NationalIdLookup",
                table: "Labourers",
                column: "NationalIdLookup");

            migrationBuilder.CreateIndex(
                name: "IX_LabourSkills_MemberId_Name",
                table: "LabourSkills",
                columns: new[] { "MemberId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LabourTrainings_MemberId",
                table: "LabourTrainings",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_MonthlyEarnings_EmploymentId_Year_Month",
                table: "MonthlyEarnings",
                columns: new[] { "EmploymentId", "Year", "Month" },
                unique: true);

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
                name: "IX_PostAssignments_PostId_LabourerId",
                table: "PostAssignments",
                columns: new[] { "PostId", "LabourerId" });

            migrationBuilder.CreateIndex(
                name: "IX_PostAssignments_VillageCode",
                table: "PostAssignments",
                column: "VillageCode");

            migrationBuilder.CreateIndex(
                name: "IX_PostPayslips_PaymentId",
                table: "PostPayslips",
                column: "PaymentId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PostPayslips_VillageCode_Year_Month",
                table: "PostPayslips",
                columns: new[] { "VillageCode", "Year", "Month" });

            migrationBuilder.CreateIndex(
                name: "IX_ProjectShares_HouseholdId",
                table: "ProjectShares",
                column: "HouseholdId");

            migrationBuilder.CreateIndex(
                name: "IX_PublicWelfarePosts_VillageCode",
                table: "PublicWelfarePosts",
                column: "VillageCode");

            migrationBuilder.CreateIndex(
                name: "IX_TransportSubsidies_EmploymentId_Year",
                table: "TransportSubsidies",
                columns: new[] { "EmploymentId", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WorkshopEmployees_WorkshopId_LabourerId",
                table: "WorkshopEmployees",
                columns: new[] { "WorkshopId", "LabourerId" });

            migrationBuilder.CreateIndex(
                name: "IX_Workshops_VillageCode",
                table: "Workshops",
                column: "VillageCode");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AuditRecords");

            migrationBuilder.DropTable(
                name: "CollectiveIncomes");

            migrationBuilder.DropTable(
                name: "DividendPayments");

            migrationBuilder.DropTable(
                name: "DividendRuns");

            migrationBuilder.DropTable(
                name: "Employments");

            migrationBuilder.DropTable(
                name: "InboxMessages");

            migrationBuilder.DropTable(
                name: "IndustryProjectAcceptances");

            migrationBuilder.DropTable(
                name: "IndustryProjectAdjustments");

            migrationBuilder.DropTable(
                name: "IndustryProjectBenefitLinks");

            migrationBuilder.DropTable(
                name: "IndustryProjectDisbursements");

            migrationBuilder.DropTable(
                name: "IndustryProjectFunding");

            migrationBuilder.DropTable(
                name: "IndustryProjectProgress");

            migrationBuilder.DropTable(
                name: "IndustrySubsidies");

            migrationBuilder.DropTable(
                name: "JobWishes");

            migrationBuilder.DropTable(
                name: "Labourers");

            migrationBuilder.DropTable(
                name: "LabourSkills");

            migrationBuilder.DropTable(
                name: "LabourTrainings");

            migrationBuilder.DropTable(
                name: "Leases");

            migrationBuilder.DropTable(
                name: "MonthlyEarnings");

            migrationBuilder.DropTable(
                name: "OutboxMessages");

            migrationBuilder.DropTable(
                name: "PostAttendance");

            migrationBuilder.DropTable(
                name: "PostPayslips");

            migrationBuilder.DropTable(
                name: "ProjectShares");

            migrationBuilder.DropTable(
                name: "TransportSubsidies");

            migrationBuilder.DropTable(
                name: "WorkshopEmployees");

            migrationBuilder.DropTable(
                name: "WorkshopSubsidyGrants");

            migrationBuilder.DropTable(
                name: "IndustryProjects");

            migrationBuilder.DropTable(
                name: "Households");

            migrationBuilder.DropTable(
                name: "PostAssignments");

            migrationBuilder.DropTable(
                name: "Workshops");

            migrationBuilder.DropTable(
                name: "PublicWelfarePosts");
        }
    }
}
