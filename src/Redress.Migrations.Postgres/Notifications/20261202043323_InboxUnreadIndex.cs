using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Redress.Migrations.Postgres.Notifications
{
    /// <inheritdoc />
    public partial class InboxUnreadIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_inbox_messages_RecipientId_ReadAt",
                table: "inbox_messages",
                columns: new[] { "RecipientId", "ReadAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_inbox_messages_RecipientId_ReadAt",
                table: "inbox_messages");
        }
    }
}
