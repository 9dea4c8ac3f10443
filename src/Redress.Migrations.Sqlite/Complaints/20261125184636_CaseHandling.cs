using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Redress.Migrations.Sqlite.Complaints
{
    /// <inheritdoc />
    public partial class CaseHandling : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Visibility",
                table: "timeline_events",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "Customer"); // entries written before visibility existed were all shown to the customer

            migrationBuilder.AddColumn<long>(
                name: "AppealedAt",
                table: "complaints",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "AssigneeId",
                table: "complaints",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ClosureCode",
                table: "complaints",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "LastNudgedAt",
                table: "complaints",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MergedIntoNumber",
                table: "complaints",
                type: "TEXT",
                maxLength: 9,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Outcome",
                table: "complaints",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ResolvedAt",
                table: "complaints",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ResolvedById",
                table: "complaints",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ReviewerId",
                table: "complaints",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "complaints",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "agent_skills",
                columns: table => new
                {
                    AgentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_agent_skills", x => new { x.AgentId, x.Category });
                });

            migrationBuilder.CreateTable(
                name: "complaint_messages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PublicId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ComplaintId = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Visibility = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    AuthorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AuthorRole = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    BodySha256 = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: false),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_complaint_messages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_complaint_messages_complaints_ComplaintId",
                        column: x => x.ComplaintId,
                        principalTable: "complaints",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "complaint_attachments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ComplaintId = table.Column<long>(type: "INTEGER", nullable: false),
                    MessageId = table.Column<long>(type: "INTEGER", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SizeBytes = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: false),
                    UploadedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_complaint_attachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_complaint_attachments_complaint_messages_MessageId",
                        column: x => x.MessageId,
                        principalTable: "complaint_messages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_complaints_AssigneeId_Id",
                table: "complaints",
                columns: new[] { "AssigneeId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_complaints_Priority_Id",
                table: "complaints",
                columns: new[] { "Priority", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_agent_skills_Category_AgentId",
                table: "agent_skills",
                columns: new[] { "Category", "AgentId" });

            migrationBuilder.CreateIndex(
                name: "IX_complaint_attachments_ComplaintId",
                table: "complaint_attachments",
                column: "ComplaintId");

            migrationBuilder.CreateIndex(
                name: "IX_complaint_attachments_MessageId",
                table: "complaint_attachments",
                column: "MessageId");

            migrationBuilder.CreateIndex(
                name: "IX_complaint_messages_ComplaintId_Id",
                table: "complaint_messages",
                columns: new[] { "ComplaintId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_complaint_messages_PublicId",
                table: "complaint_messages",
                column: "PublicId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "agent_skills");

            migrationBuilder.DropTable(
                name: "complaint_attachments");

            migrationBuilder.DropTable(
                name: "complaint_messages");

            migrationBuilder.DropIndex(
                name: "IX_complaints_AssigneeId_Id",
                table: "complaints");

            migrationBuilder.DropIndex(
                name: "IX_complaints_Priority_Id",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "Visibility",
                table: "timeline_events");

            migrationBuilder.DropColumn(
                name: "AppealedAt",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "AssigneeId",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "ClosureCode",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "LastNudgedAt",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "MergedIntoNumber",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "Outcome",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "ResolvedAt",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "ResolvedById",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "ReviewerId",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "complaints");
        }
    }
}
