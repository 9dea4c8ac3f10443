using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Redress.Migrations.Sqlite.Complaints
{
    /// <inheritdoc />
    public partial class SlaScheduleTable : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_complaint_messages_complaints_ComplaintId",
                table: "complaint_messages");

            migrationBuilder.DropForeignKey(
                name: "FK_remedies_complaints_ComplaintId",
                table: "remedies");

            migrationBuilder.DropForeignKey(
                name: "FK_timeline_events_complaints_ComplaintId",
                table: "timeline_events");

            migrationBuilder.CreateTable(
                name: "complaint_sla_schedule",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false),
                    FinalDueAt = table.Column<long>(type: "INTEGER", nullable: true),
                    SlaWarningsSent = table.Column<int>(type: "INTEGER", nullable: false),
                    HoldingReplyPromptedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    BreachedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    AtRisk = table.Column<bool>(type: "INTEGER", nullable: false),
                    NextSlaCheckAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_complaint_sla_schedule", x => x.Id);
                    table.ForeignKey(
                        name: "FK_complaint_sla_schedule_complaints_Id",
                        column: x => x.Id,
                        principalTable: "complaints",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            // Copy the schedule before its columns go, so that existing complaints keep their SLA state.
            migrationBuilder.Sql(
                """
                INSERT INTO complaint_sla_schedule ("Id", "FinalDueAt", "SlaWarningsSent", "HoldingReplyPromptedAt", "BreachedAt", "AtRisk", "NextSlaCheckAt")
                SELECT "Id", "FinalDueAt", "SlaWarningsSent", "HoldingReplyPromptedAt", "BreachedAt", "AtRisk", "NextSlaCheckAt" FROM complaints
                """);

            migrationBuilder.CreateIndex(
                name: "IX_complaint_sla_schedule_AtRisk_FinalDueAt_Id",
                table: "complaint_sla_schedule",
                columns: new[] { "AtRisk", "FinalDueAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_complaint_sla_schedule_NextSlaCheckAt",
                table: "complaint_sla_schedule",
                column: "NextSlaCheckAt");

            migrationBuilder.DropIndex(
                name: "IX_complaints_AtRisk_FinalDueAt_Id",
                table: "complaints");

            migrationBuilder.DropIndex(
                name: "IX_complaints_NextSlaCheckAt",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "AtRisk",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "BreachedAt",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "FinalDueAt",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "HoldingReplyPromptedAt",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "NextSlaCheckAt",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "SlaWarningsSent",
                table: "complaints");

            migrationBuilder.AlterColumn<long>(
                name: "Id",
                table: "complaints",
                type: "INTEGER",
                nullable: false,
                oldClrType: typeof(long),
                oldType: "INTEGER")
                .OldAnnotation("Sqlite:Autoincrement", true);

            migrationBuilder.AddForeignKey(
                name: "FK_complaint_messages_complaint_sla_schedule_ComplaintId",
                table: "complaint_messages",
                column: "ComplaintId",
                principalTable: "complaint_sla_schedule",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_remedies_complaint_sla_schedule_ComplaintId",
                table: "remedies",
                column: "ComplaintId",
                principalTable: "complaint_sla_schedule",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_timeline_events_complaint_sla_schedule_ComplaintId",
                table: "timeline_events",
                column: "ComplaintId",
                principalTable: "complaint_sla_schedule",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_complaint_messages_complaint_sla_schedule_ComplaintId",
                table: "complaint_messages");

            migrationBuilder.DropForeignKey(
                name: "FK_remedies_complaint_sla_schedule_ComplaintId",
                table: "remedies");

            migrationBuilder.DropForeignKey(
                name: "FK_timeline_events_complaint_sla_schedule_ComplaintId",
                table: "timeline_events");

            migrationBuilder.AlterColumn<long>(
                name: "Id",
                table: "complaints",
                type: "INTEGER",
                nullable: false,
                oldClrType: typeof(long),
                oldType: "INTEGER")
                .Annotation("Sqlite:Autoincrement", true);

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

            migrationBuilder.AddColumn<long>(
                name: "FinalDueAt",
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

            migrationBuilder.Sql(
                """
                UPDATE complaints SET "FinalDueAt" = (SELECT s."FinalDueAt" FROM complaint_sla_schedule s WHERE s."Id" = complaints."Id"), "SlaWarningsSent" = (SELECT s."SlaWarningsSent" FROM complaint_sla_schedule s WHERE s."Id" = complaints."Id"), "HoldingReplyPromptedAt" = (SELECT s."HoldingReplyPromptedAt" FROM complaint_sla_schedule s WHERE s."Id" = complaints."Id"), "BreachedAt" = (SELECT s."BreachedAt" FROM complaint_sla_schedule s WHERE s."Id" = complaints."Id"), "AtRisk" = (SELECT s."AtRisk" FROM complaint_sla_schedule s WHERE s."Id" = complaints."Id"), "NextSlaCheckAt" = (SELECT s."NextSlaCheckAt" FROM complaint_sla_schedule s WHERE s."Id" = complaints."Id")
                """);

            migrationBuilder.DropTable(
                name: "complaint_sla_schedule");

            migrationBuilder.AddForeignKey(
                name: "FK_complaint_messages_complaints_ComplaintId",
                table: "complaint_messages",
                column: "ComplaintId",
                principalTable: "complaints",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_remedies_complaints_ComplaintId",
                table: "remedies",
                column: "ComplaintId",
                principalTable: "complaints",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_timeline_events_complaints_ComplaintId",
                table: "timeline_events",
                column: "ComplaintId",
                principalTable: "complaints",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }
    }
}
