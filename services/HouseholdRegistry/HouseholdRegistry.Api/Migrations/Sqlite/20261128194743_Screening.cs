using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.HouseholdRegistry.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Screening : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "ConflictOfInterest",
                table: "Households",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AssistanceRollBatches");

            migrationBuilder.DropTable(
                name: "AssistanceRollEntries");

            migrationBuilder.DropColumn(
                name: "ConflictOfInterest",
                table: "Households");

            migrationBuilder.DropColumn(
                name: "PriorityCount",
                table: "Households");

            migrationBuilder.DropColumn(
                name: "PriorityFlags",
                table: "Households");
        }
    }
}
