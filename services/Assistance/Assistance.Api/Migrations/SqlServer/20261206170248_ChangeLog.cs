using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Assistance.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class ChangeLog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ChangeRecords",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Sequence = table.Column<long>(type: "bigint", nullable: true),
                    Kind = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    RegionCode = table.Column<string>(type: "nvarchar(12)", maxLength: 12, nullable: false),
                    CountyCode = table.Column<string>(type: "nvarchar(6)", maxLength: 6, nullable: false),
                    SubjectId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Body = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChangeRecords", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ChangeRecords_CountyCode_Sequence",
                table: "ChangeRecords",
                columns: new[] { "CountyCode", "Sequence" });

            migrationBuilder.CreateIndex(
                name: "IX_ChangeRecords_CreatedAt",
                table: "ChangeRecords",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_ChangeRecords_Sequence",
                table: "ChangeRecords",
                column: "Sequence",
                unique: true,
                filter: "[Sequence] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_ChangeRecords_Unsequenced",
                table: "ChangeRecords",
                column: "Id",
                filter: "\"Sequence\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ChangeRecords");
        }
    }
}
