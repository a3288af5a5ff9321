using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.HouseholdRegistry.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class HouseholdImport : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ImportBatchId",
                table: "Households",
                type: "nvarchar(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ImportPosition",
                table: "Households",
                type: "bigint",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ImportBatches",
                columns: table => new
                {
                    BatchId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    Source = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    Actor = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: false),
                    ActorRole = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    ActorRegion = table.Column<string>(type: "nvarchar(12)", maxLength: 12, nullable: false),
                    StartedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    FinishedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    Received = table.Column<long>(type: "bigint", nullable: false),
                    Imported = table.Column<long>(type: "bigint", nullable: false),
                    Bad = table.Column<long>(type: "bigint", nullable: false),
                    ResultJson = table.Column<string>(type: "nvarchar(max)", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImportBatches", x => x.BatchId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Households_ImportBatchId_ImportPosition",
                table: "Households",
                columns: new[] { "ImportBatchId", "ImportPosition" },
                unique: true,
                filter: "[ImportBatchId] IS NOT NULL AND [ImportPosition] IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ImportBatches");

            migrationBuilder.DropIndex(
                name: "IX_Households_ImportBatchId_ImportPosition",
                table: "Households");

            migrationBuilder.DropColumn(
                name: "ImportBatchId",
                table: "Households");

            migrationBuilder.DropColumn(
                name: "ImportPosition",
                table: "Households");
        }
    }
}
