using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Redress.Migrations.Sqlite.Complaints
{
    /// <inheritdoc />
    public partial class Deadlines : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "AcknowledgeBy",
                table: "complaints",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "AtRisk",
                table: "complaints",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<long>(
                name: "BreachedAt",
                table: "complaints",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "CalendarComplete",
                table: "complaints",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "DeadlinePolicy",
                table: "complaints",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "DeadlinesPauseForCustomer",
                table: "complaints",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<long>(
                name: "ExtendedFinalBy",
                table: "complaints",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "FinalDueAt",
                table: "complaints",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "HoldingReplyBy",
                table: "complaints",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "HoldingReplyPromptedAt",
                table: "complaints",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "NextSlaCheckAt",
                table: "complaints",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PausedBusinessDays",
                table: "complaints",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "PausedCalendarDays",
                table: "complaints",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "PausedSince",
                table: "complaints",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "SlaWarningsSent",
                table: "complaints",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateIndex(
                name: "IX_complaints_AtRisk_FinalDueAt_Id",
                table: "complaints",
                columns: new[] { "AtRisk", "FinalDueAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_complaints_NextSlaCheckAt",
                table: "complaints",
                column: "NextSlaCheckAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_complaints_AtRisk_FinalDueAt_Id",
                table: "complaints");

            migrationBuilder.DropIndex(
                name: "IX_complaints_NextSlaCheckAt",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "AcknowledgeBy",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "AtRisk",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "BreachedAt",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "CalendarComplete",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "DeadlinePolicy",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "DeadlinesPauseForCustomer",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "ExtendedFinalBy",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "FinalDueAt",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "HoldingReplyBy",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "HoldingReplyPromptedAt",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "NextSlaCheckAt",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "PausedBusinessDays",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "PausedCalendarDays",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "PausedSince",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "SlaWarningsSent",
                table: "complaints");
        }
    }
}
