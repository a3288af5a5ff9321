using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.HouseholdRegistry.Migrations.Sqlite
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
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ImportPosition",
                table: "Households",
                type: "INTEGER",
                nullable: true);

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

            migrationBuilder.CreateIndex(
                name: "IX_Households_ImportBatchId_ImportPosition",
                table: "Households",
                columns: new[] { "ImportBatchId", "ImportPosition" },
                unique: true);
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
