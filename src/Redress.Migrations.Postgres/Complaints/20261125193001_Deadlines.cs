using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Redress.Migrations.Postgres.Complaints
{
    /// <inheritdoc />
    public partial class Deadlines : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "AcknowledgeBy",
                table: "complaints",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "AtRisk",
                table: "complaints",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "BreachedAt",
                table: "complaints",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "CalendarComplete",
                table: "complaints",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "DeadlinePolicy",
                table: "complaints",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "DeadlinesPauseForCustomer",
                table: "complaints",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ExtendedFinalBy",
                table: "complaints",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "FinalDueAt",
                table: "complaints",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "HoldingReplyBy",
                table: "complaints",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "HoldingReplyPromptedAt",
                table: "complaints",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "NextSlaCheckAt",
                table: "complaints",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PausedBusinessDays",
                table: "complaints",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "PausedCalendarDays",
                table: "complaints",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "PausedSince",
                table: "complaints",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "SlaWarningsSent",
                table: "complaints",
                type: "integer",
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
