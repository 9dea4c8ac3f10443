using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Redress.Migrations.Sqlite.Complaints
{
    /// <inheritdoc />
    public partial class Outbox : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "outbox_deliveries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Consumer = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    EventId = table.Column<long>(type: "INTEGER", nullable: false),
                    AvailableAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LeasedUntil = table.Column<long>(type: "INTEGER", nullable: true),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    CompletedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_outbox_deliveries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_outbox_deliveries_timeline_events_EventId",
                        column: x => x.EventId,
                        principalTable: "timeline_events",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_outbox_deliveries_Consumer_CompletedAt_AvailableAt",
                table: "outbox_deliveries",
                columns: new[] { "Consumer", "CompletedAt", "AvailableAt" });

            migrationBuilder.CreateIndex(
                name: "IX_outbox_deliveries_Consumer_EventId",
                table: "outbox_deliveries",
                columns: new[] { "Consumer", "EventId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_outbox_deliveries_EventId",
                table: "outbox_deliveries",
                column: "EventId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "outbox_deliveries");
        }
    }
}
