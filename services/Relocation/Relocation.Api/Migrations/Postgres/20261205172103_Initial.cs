using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Platform.Relocation.Migrations.Postgres
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
                name: "FollowUpCases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    HouseholdId = table.Column<Guid>(type: "uuid", nullable: false),
                    SiteId = table.Column<Guid>(type: "uuid", nullable: false),
                    SiteRegionCode = table.Column<string>(type: "character varying(12)", unicode: false, maxLength: 12, nullable: false),
                    OpenedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    AssignedTo = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    AssigneeName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    AssignedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Outcome = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    ClosedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ClosingEmploymentId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FollowUpCases", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Households",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(12)", unicode: false, maxLength: 12, nullable: false),
                    Pathway = table.Column<string>(type: "character varying(32)", unicode: false, maxLength: 32, nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    StatusAsOf = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    MembersAsOf = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    IncomeYear = table.Column<int>(type: "integer", nullable: true),
                    PerCapitaNetIncomeFen = table.Column<long>(type: "bigint", nullable: true),
                    IncomeAsOf = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    GuaranteeReasons = table.Column<List<string>>(type: "text[]", nullable: false),
                    GuaranteesAsOf = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Guarantees_Education = table.Column<string>(type: "character varying(8)", unicode: false, maxLength: 8, nullable: false),
                    Guarantees_FoodAndClothing = table.Column<string>(type: "character varying(8)", unicode: false, maxLength: 8, nullable: false),
                    Guarantees_Housing = table.Column<string>(type: "character varying(8)", unicode: false, maxLength: 8, nullable: false),
                    Guarantees_Medical = table.Column<string>(type: "character varying(8)", unicode: false, maxLength: 8, nullable: false),
                    Guarantees_Water = table.Column<string>(type: "character varying(8)", unicode: false, maxLength: 8, nullable: false)
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
                name: "MemberJobs",
                columns: table => new
                {
                    EmploymentId = table.Column<Guid>(type: "uuid", nullable: false),
                    HouseholdId = table.Column<Guid>(type: "uuid", nullable: false),
                    MemberId = table.Column<Guid>(type: "uuid", nullable: false),
                    EmploymentType = table.Column<string>(type: "character varying(40)", unicode: false, maxLength: 40, nullable: true),
                    StartedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    EndedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    StartedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    EndedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MemberJobs", x => x.EmploymentId);
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
                name: "PlanCancellations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    HouseholdId = table.Column<Guid>(type: "uuid", nullable: false),
                    SiteId = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    PlannedMoveOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    CancelledBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CancelledAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanCancellations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RelocationPlans",
                columns: table => new
                {
                    HouseholdId = table.Column<Guid>(type: "uuid", nullable: false),
                    OriginRegionCode = table.Column<string>(type: "character varying(12)", unicode: false, maxLength: 12, nullable: false),
                    Reason = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    SiteId = table.Column<Guid>(type: "uuid", nullable: false),
                    SiteRegionCode = table.Column<string>(type: "character varying(12)", unicode: false, maxLength: 12, nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    People = table.Column<int>(type: "integer", nullable: false),
                    AreaSqm = table.Column<decimal>(type: "numeric(7,2)", precision: 7, scale: 2, nullable: false),
                    SubsidyFen = table.Column<long>(type: "bigint", nullable: false),
                    PlannedMoveOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Stage = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    MovedInOn = table.Column<DateOnly>(type: "date", nullable: true),
                    HomesteadReclaimedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ReclamationEvidence = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    PlannedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    PlannedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    MembersSeekingWork = table.Column<int>(type: "integer", nullable: false),
                    MembersEmployed = table.Column<int>(type: "integer", nullable: false),
                    IsZeroEmployment = table.Column<bool>(type: "boolean", nullable: false),
                    FollowUpAsOf = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    FollowUpVersion = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RelocationPlans", x => x.HouseholdId);
                });

            migrationBuilder.CreateTable(
                name: "Sites",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(12)", unicode: false, maxLength: 12, nullable: false),
                    Type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    CapacityHouseholds = table.Column<int>(type: "integer", nullable: false),
                    CapacityPeople = table.Column<int>(type: "integer", nullable: false),
                    CaseOfficerSubject = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    CaseOfficerName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Services_Clinic = table.Column<bool>(type: "boolean", nullable: false),
                    Services_CommunityServiceCentre = table.Column<bool>(type: "boolean", nullable: false),
                    Services_EmploymentServiceStation = table.Column<bool>(type: "boolean", nullable: false),
                    Services_School = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Sites", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CaseActions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    Details = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    TakenOn = table.Column<DateOnly>(type: "date", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseActions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseActions_FollowUpCases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "FollowUpCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Members",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    HouseholdId = table.Column<Guid>(type: "uuid", nullable: false),
                    BirthDate = table.Column<DateOnly>(type: "date", nullable: false),
                    LabourCapacity = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    IsCurrent = table.Column<bool>(type: "boolean", nullable: false),
                    WorkWish = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    WorkWishReason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    WorkWishAsOf = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
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
                name: "HousingUnits",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SiteId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    AreaSqm = table.Column<decimal>(type: "numeric(7,2)", precision: 7, scale: 2, nullable: false),
                    HouseholdId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HousingUnits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HousingUnits_Sites_SiteId",
                        column: x => x.SiteId,
                        principalTable: "Sites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SiteIndustries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SiteId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    AddedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SiteIndustries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SiteIndustries_Sites_SiteId",
                        column: x => x.SiteId,
                        principalTable: "Sites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IndustryLinks",
                columns: table => new
                {
                    IndustryId = table.Column<Guid>(type: "uuid", nullable: false),
                    HouseholdId = table.Column<Guid>(type: "uuid", nullable: false),
                    LinkedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    LinkedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndustryLinks", x => new { x.IndustryId, x.HouseholdId });
                    table.ForeignKey(
                        name: "FK_IndustryLinks_SiteIndustries_IndustryId",
                        column: x => x.IndustryId,
                        principalTable: "SiteIndustries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AuditRecords_EntityType_EntityId_At",
                table: "AuditRecords",
                columns: new[] { "EntityType", "EntityId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseActions_CaseId",
                table: "CaseActions",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpCases_HouseholdId",
                table: "FollowUpCases",
                column: "HouseholdId");

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpCases_SiteId_ClosedAt",
                table: "FollowUpCases",
                columns: new[] { "SiteId", "ClosedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Households_RegionCode",
                table: "Households",
                column: "RegionCode");

            migrationBuilder.CreateIndex(
                name: "IX_HousingUnits_HouseholdId",
                table: "HousingUnits",
                column: "HouseholdId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_HousingUnits_SiteId_Number",
                table: "HousingUnits",
                columns: new[] { "SiteId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_InboxMessages_ProcessedAt",
                table: "InboxMessages",
                column: "ProcessedAt");

            migrationBuilder.CreateIndex(
                name: "IX_IndustryLinks_HouseholdId",
                table: "IndustryLinks",
                column: "HouseholdId");

            migrationBuilder.CreateIndex(
                name: "IX_MemberJobs_HouseholdId",
                table: "MemberJobs",
                column: "HouseholdId");

            migrationBuilder.CreateIndex(
                name: "IX_Members_HouseholdId",
                table: "Members",
                column: "HouseholdId");

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
                name: "IX_PlanCancellations_HouseholdId",
                table: "PlanCancellations",
                column: "HouseholdId");

            migrationBuilder.CreateIndex(
                name: "IX_RelocationPlans_OriginRegionCode",
                table: "RelocationPlans",
                column: "OriginRegionCode");

            migrationBuilder.CreateIndex(
                name: "IX_RelocationPlans_SiteId",
                table: "RelocationPlans",
                column: "SiteId");

            migrationBuilder.CreateIndex(
                name: "IX_RelocationPlans_SiteRegionCode",
                table: "RelocationPlans",
                column: "SiteRegionCode");

            migrationBuilder.CreateIndex(
                name: "IX_RelocationPlans_UnitId",
                table: "RelocationPlans",
                column: "UnitId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SiteIndustries_SiteId_Name",
                table: "SiteIndustries",
                columns: new[] { "SiteId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Sites_RegionCode",
                table: "Sites",
                column: "RegionCode");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AuditRecords");

            migrationBuilder.DropTable(
                name: "CaseActions");

            migrationBuilder.DropTable(
                name: "HousingUnits");

            migrationBuilder.DropTable(
                name: "InboxMessages");

            migrationBuilder.DropTable(
                name: "IndustryLinks");

            migrationBuilder.DropTable(
                name: "Leases");

            migrationBuilder.DropTable(
                name: "MemberJobs");

            migrationBuilder.DropTable(
                name: "Members");

            migrationBuilder.DropTable(
                name: "OutboxMessages");

            migrationBuilder.DropTable(
                name: "PlanCancellations");

            migrationBuilder.DropTable(
                name: "RelocationPlans");

            migrationBuilder.DropTable(
                name: "FollowUpCases");

            migrationBuilder.DropTable(
                name: "SiteIndustries");

            migrationBuilder.DropTable(
                name: "Households");

            migrationBuilder.DropTable(
                name: "Sites");
        }
    }
}
