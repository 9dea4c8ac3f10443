using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Redress.Migrations.Postgres.Complaints
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
                name: "complaints",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Number = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    CustomerId = table.Column<Guid>(type: "uuid", nullable: false),
                    Category = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Channel = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Stage = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    WaitingOn = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Priority = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Jurisdiction = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Culture = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    DesiredOutcome = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    OccurredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    TransactionReference = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    AmountMinorUnits = table.Column<long>(type: "bigint", nullable: true),
                    Currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: true),
                    FiledAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AssigneeId = table.Column<Guid>(type: "uuid", nullable: true),
                    Outcome = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    ClosureCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    ResolvedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ResolvedById = table.Column<Guid>(type: "uuid", nullable: true),
                    AppealedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ReviewerId = table.Column<Guid>(type: "uuid", nullable: true),
                    LastNudgedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    MergedIntoNumber = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: true),
                    DeadlinePolicy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    AcknowledgeBy = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    HoldingReplyBy = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ExtendedFinalBy = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    HoldingReplySentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CalendarComplete = table.Column<bool>(type: "boolean", nullable: false),
                    DeadlinesPauseForCustomer = table.Column<bool>(type: "boolean", nullable: false),
                    PausedSince = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    PausedBusinessDays = table.Column<int>(type: "integer", nullable: false),
                    PausedCalendarDays = table.Column<int>(type: "integer", nullable: false),
                    AutoCheckDueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    AutoDecision = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    AutoRule = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_complaints", x => x.Id);
                })
                .Annotation("Npgsql:StorageParameter:fillfactor", 85);

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
                    BodyErasedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
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
                name: "complaint_sla_schedule",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false),
                    FinalDueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    SlaWarningsSent = table.Column<int>(type: "integer", nullable: false),
                    HoldingReplyPromptedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    BreachedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    AtRisk = table.Column<bool>(type: "boolean", nullable: false),
                    NextSlaCheckAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
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

            migrationBuilder.CreateTable(
                name: "personal_data_salts",
                columns: table => new
                {
                    ComplaintId = table.Column<long>(type: "bigint", nullable: false),
                    Item = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Salt = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_personal_data_salts", x => new { x.ComplaintId, x.Item });
                    table.ForeignKey(
                        name: "FK_personal_data_salts_complaints_ComplaintId",
                        column: x => x.ComplaintId,
                        principalTable: "complaints",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "remedies",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ComplaintId = table.Column<long>(type: "bigint", nullable: false),
                    ComplaintNumber = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    AmountMinorUnits = table.Column<long>(type: "bigint", nullable: true),
                    Currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: true),
                    Points = table.Column<long>(type: "bigint", nullable: true),
                    TransactionReference = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    AccountId = table.Column<Guid>(type: "uuid", nullable: true),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    RequiresApproval = table.Column<bool>(type: "boolean", nullable: false),
                    ProposedById = table.Column<Guid>(type: "uuid", nullable: false),
                    ProposedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ApprovedById = table.Column<Guid>(type: "uuid", nullable: true),
                    ApprovedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RequestedById = table.Column<Guid>(type: "uuid", nullable: true),
                    RequestedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CompletedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LedgerReference = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    FailureCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Rule = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Explanation = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ReversalReference = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ReversedById = table.Column<Guid>(type: "uuid", nullable: true),
                    ReversedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_remedies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_remedies_complaints_ComplaintId",
                        column: x => x.ComplaintId,
                        principalTable: "complaints",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "timeline_events",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ComplaintId = table.Column<long>(type: "bigint", nullable: false),
                    Sequence = table.Column<int>(type: "integer", nullable: false),
                    Type = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SchemaVersion = table.Column<int>(type: "integer", nullable: false),
                    OccurredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ActorId = table.Column<Guid>(type: "uuid", nullable: true),
                    ActorRole = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Payload = table.Column<string>(type: "text", nullable: false),
                    Visibility = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    PreviousHash = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    Hash = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_timeline_events", x => x.Id);
                    table.ForeignKey(
                        name: "FK_timeline_events_complaints_ComplaintId",
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

            migrationBuilder.CreateTable(
                name: "outbox_deliveries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Consumer = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    EventId = table.Column<long>(type: "bigint", nullable: false),
                    AvailableAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LeasedUntil = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    CompletedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LastReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
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

            migrationBuilder.CreateIndex(
                name: "IX_complaint_sla_schedule_AtRisk_FinalDueAt_Id",
                table: "complaint_sla_schedule",
                columns: new[] { "AtRisk", "FinalDueAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_complaint_sla_schedule_NextSlaCheckAt",
                table: "complaint_sla_schedule",
                column: "NextSlaCheckAt");

            migrationBuilder.CreateIndex(
                name: "IX_complaints_AssigneeId_Id",
                table: "complaints",
                columns: new[] { "AssigneeId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_complaints_AutoCheckDueAt",
                table: "complaints",
                column: "AutoCheckDueAt");

            migrationBuilder.CreateIndex(
                name: "IX_complaints_AutoDecision_Id",
                table: "complaints",
                columns: new[] { "AutoDecision", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_complaints_Category_Id",
                table: "complaints",
                columns: new[] { "Category", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_complaints_CustomerId_Id",
                table: "complaints",
                columns: new[] { "CustomerId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_complaints_CustomerId_TransactionReference",
                table: "complaints",
                columns: new[] { "CustomerId", "TransactionReference" });

            migrationBuilder.CreateIndex(
                name: "IX_complaints_Number",
                table: "complaints",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_complaints_Priority_Id",
                table: "complaints",
                columns: new[] { "Priority", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_complaints_Stage_Category_Id",
                table: "complaints",
                columns: new[] { "Stage", "Category", "Id" });

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

            migrationBuilder.CreateIndex(
                name: "IX_remedies_ComplaintId_ProposedAt",
                table: "remedies",
                columns: new[] { "ComplaintId", "ProposedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_remedies_Status_RequestedAt",
                table: "remedies",
                columns: new[] { "Status", "RequestedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_timeline_events_ComplaintId_Sequence",
                table: "timeline_events",
                columns: new[] { "ComplaintId", "Sequence" },
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
                name: "complaint_sla_schedule");

            migrationBuilder.DropTable(
                name: "outbox_deliveries");

            migrationBuilder.DropTable(
                name: "personal_data_salts");

            migrationBuilder.DropTable(
                name: "remedies");

            migrationBuilder.DropTable(
                name: "complaint_messages");

            migrationBuilder.DropTable(
                name: "timeline_events");

            migrationBuilder.DropTable(
                name: "complaints");
        }
    }
}
