using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Relocation.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class ReplicaSafeMessaging : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "ParkedAt",
                table: "OutboxMessages",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Unpublishable",
                table: "OutboxMessages",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "Leases",
                columns: table => new
                {
                    Name = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: false),
                    Holder = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Leases", x => x.Name);
                });

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_ParkedAt",
                table: "OutboxMessages",
                column: "ParkedAt");

            migrationBuilder.CreateIndex(
                name: "IX_InboxMessages_ProcessedAt",
                table: "InboxMessages",
                column: "ProcessedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Leases");

            migrationBuilder.DropIndex(
                name: "IX_OutboxMessages_ParkedAt",
                table: "OutboxMessages");

            migrationBuilder.DropIndex(
                name: "IX_InboxMessages_ProcessedAt",
                table: "InboxMessages");

            migrationBuilder.DropColumn(
                name: "ParkedAt",
                table: "OutboxMessages");

            migrationBuilder.DropColumn(
                name: "Unpublishable",
                table: "OutboxMessages");
        }
    }
}
