using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Assistance.Migrations.SqlServer
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
                        .Annotation("SqlServer:Identity", "1, 1"),
                    At = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Actor = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: false),
                    ActorRole = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    ActorRegion = table.Column<string>(type: "nvarchar(12)", maxLength: 12, nullable: false),
                    Action = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    EntityType = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    EntityId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    Purpose = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    TraceId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditRecords", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DepartmentBatches",
                columns: table => new
                {
                    Kind = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    BatchId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    SourceSystem = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    SubmittedBy = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: false),
                    ReceivedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    ReportJson = table.Column<string>(type: "nvarchar(max)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DepartmentBatches", x => new { x.Kind, x.BatchId });
                });

            migrationBuilder.CreateTable(
                name: "FoodAndClothingDeclarations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    HouseholdId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Secure = table.Column<bool>(type: "bit", nullable: false),
                    Note = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: false),
                    DeclaredBy = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: false),
                    DeclaredByRegion = table.Column<string>(type: "nvarchar(12)", maxLength: 12, nullable: false),
                    DeclaredAt = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FoodAndClothingDeclarations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "HouseholdGuarantees",
                columns: table => new
                {
                    HouseholdId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    RegionCode = table.Column<string>(type: "varchar(12)", unicode: false, maxLength: 12, nullable: false),
                    FoodAndClothingState = table.Column<string>(type: "nvarchar(8)", maxLength: 8, nullable: false),
                    FoodAndClothingReason = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: false),
                    FoodAndClothingRecord = table.Column<string>(type: "nvarchar(80)", maxLength: 80, nullable: false),
                    EducationState = table.Column<string>(type: "nvarchar(8)", maxLength: 8, nullable: false),
                    EducationReason = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: false),
                    EducationRecord = table.Column<string>(type: "nvarchar(80)", maxLength: 80, nullable: false),
                    MedicalState = table.Column<string>(type: "nvarchar(8)", maxLength: 8, nullable: false),
                    MedicalReason = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: false),
                    MedicalRecord = table.Column<string>(type: "nvarchar(80)", maxLength: 80, nullable: false),
                    HousingState = table.Column<string>(type: "nvarchar(8)", maxLength: 8, nullable: false),
                    HousingReason = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: false),
                    HousingRecord = table.Column<string>(type: "nvarchar(80)", maxLength: 80, nullable: false),
                    WaterState = table.Column<string>(type: "nvarchar(8)", maxLength: 8, nullable: false),
                    WaterReason = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: false),
                    WaterRecord = table.Column<string>(type: "nvarchar(80)", maxLength: 80, nullable: false),
                    AllMet = table.Column<bool>(type: "bit", nullable: false),
                    ChangedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    AssessedAt = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HouseholdGuarantees", x => x.HouseholdId);
                });

            migrationBuilder.CreateTable(
                name: "HouseholdIncomeYears",
                columns: table => new
                {
                    HouseholdId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Year = table.Column<int>(type: "int", nullable: false),
                    NetIncomeFen = table.Column<long>(type: "bigint", nullable: false),
                    PerCapitaNetIncomeFen = table.Column<long>(type: "bigint", nullable: false),
                    MemberCount = table.Column<int>(type: "int", nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HouseholdIncomeYears", x => new { x.HouseholdId, x.Year });
                });

            migrationBuilder.CreateTable(
                name: "Households",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    RegionCode = table.Column<string>(type: "varchar(12)", unicode: false, maxLength: 12, nullable: false),
                    Status = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    StatusAsOf = table.Column<DateTime>(type: "datetime2", nullable: true),
                    RegisteredAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    ExitedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    SupportUntil = table.Column<DateOnly>(type: "date", nullable: true),
                    Pathway = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    MonitoringCategory = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    MonitoringAsOf = table.Column<DateTime>(type: "datetime2", nullable: true),
                    MembersAsOf = table.Column<DateTime>(type: "datetime2", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Households", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "InboxMessages",
                columns: table => new
                {
                    MessageId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Consumer = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    ProcessedAt = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InboxMessages", x => new { x.MessageId, x.Consumer });
                });

            migrationBuilder.CreateTable(
                name: "OutboxMessages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    MessageId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    MessageType = table.Column<string>(type: "nvarchar(512)", maxLength: 512, nullable: false),
                    Body = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    AggregateKey = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    TraceParent = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: true),
                    Attempts = table.Column<int>(type: "int", nullable: false),
                    NextAttemptAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    LastError = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutboxMessages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Members",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    HouseholdId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Relationship = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    Sex = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    BirthDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Health = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    DisabilityGrade = table.Column<int>(type: "int", nullable: false),
                    LabourCapacity = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    Schooling = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    NationalIdLookup = table.Column<string>(type: "varchar(64)", unicode: false, maxLength: 64, nullable: true),
                    IsCurrent = table.Column<bool>(type: "bit", nullable: false)
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

            migrationBuilder.CreateIndex(
                name: "IX_AuditRecords_EntityType_EntityId_At",
                table: "AuditRecords",
                columns: new[] { "EntityType", "EntityId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_FoodAndClothingDeclarations_HouseholdId_DeclaredAt",
                table: "FoodAndClothingDeclarations",
                columns: new[] { "HouseholdId", "DeclaredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_HouseholdGuarantees_RegionCode_AllMet",
                table: "HouseholdGuarantees",
                columns: new[] { "RegionCode", "AllMet" });

            migrationBuilder.CreateIndex(
                name: "IX_Households_RegionCode",
                table: "Households",
                column: "RegionCode");

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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AuditRecords");

            migrationBuilder.DropTable(
                name: "DepartmentBatches");

            migrationBuilder.DropTable(
                name: "FoodAndClothingDeclarations");

            migrationBuilder.DropTable(
                name: "HouseholdGuarantees");

            migrationBuilder.DropTable(
                name: "HouseholdIncomeYears");

            migrationBuilder.DropTable(
                name: "InboxMessages");

            migrationBuilder.DropTable(
                name: "Members");

            migrationBuilder.DropTable(
                name: "OutboxMessages");

            migrationBuilder.DropTable(
                name: "Households");
        }
    }
}
