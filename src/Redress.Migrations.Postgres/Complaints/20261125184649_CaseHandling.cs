using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Redress.Migrations.Postgres.Complaints
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
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "Customer"); // entries written before visibility existed were all shown to the customer

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "AppealedAt",
                table: "complaints",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "AssigneeId",
                table: "complaints",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ClosureCode",
                table: "complaints",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "LastNudgedAt",
                table: "complaints",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MergedIntoNumber",
                table: "complaints",
                type: "character varying(9)",
                maxLength: 9,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Outcome",
                table: "complaints",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ResolvedAt",
                table: "complaints",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ResolvedById",
                table: "complaints",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ReviewerId",
                table: "complaints",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "complaints",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "agent_skills",
                columns: table => new
                {
                    AgentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Category = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_agent_skills", x => new { x.AgentId, x.Category });
                });

            migrationBuilder.CreateTable(
                name: "complaint_messages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PublicId = table.Column<Guid>(type: "uuid", nullable: false),
                    ComplaintId = table.Column<long>(type: "bigint", nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Visibility = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    AuthorId = table.Column<Guid>(type: "uuid", nullable: false),
                    AuthorRole = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Body = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    BodySha256 = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    SentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ComplaintId = table.Column<long>(type: "bigint", nullable: false),
                    MessageId = table.Column<long>(type: "bigint", nullable: false),
                    FileName = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SizeBytes = table.Column<long>(type: "bigint", nullable: false),
                    Sha256 = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    UploadedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
