using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Redress.Migrations.Sqlite.Notifications
{
    /// <inheritdoc />
    public partial class DeliveriesPerRecipient : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_notification_deliveries_EventId_Channel",
                table: "notification_deliveries");

            migrationBuilder.CreateIndex(
                name: "IX_notification_deliveries_EventId_RecipientId_Channel",
                table: "notification_deliveries",
                columns: new[] { "EventId", "RecipientId", "Channel" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_notification_deliveries_EventId_RecipientId_Channel",
                table: "notification_deliveries");

            migrationBuilder.CreateIndex(
                name: "IX_notification_deliveries_EventId_Channel",
                table: "notification_deliveries",
                columns: new[] { "EventId", "Channel" },
                unique: true);
        }
    }
}
