using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Redress.Migrations.Sqlite.Complaints
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
                    AgentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_agent_skills", x => new { x.AgentId, x.Category });
                });

            migrationBuilder.CreateTable(
                name: "complaints",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Number = table.Column<string>(type: "TEXT", maxLength: 9, nullable: false),
                    CustomerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Stage = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    WaitingOn = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Priority = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Jurisdiction = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Culture = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    DesiredOutcome = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    OccurredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    TransactionReference = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    AmountMinorUnits = table.Column<long>(type: "INTEGER", nullable: true),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: true),
                    FiledAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    AssigneeId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    ClosureCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    ResolvedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ResolvedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    AppealedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReviewerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    LastNudgedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    MergedIntoNumber = table.Column<string>(type: "TEXT", maxLength: 9, nullable: true),
                    DeadlinePolicy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    AcknowledgeBy = table.Column<long>(type: "INTEGER", nullable: true),
                    HoldingReplyBy = table.Column<long>(type: "INTEGER", nullable: true),
                    ExtendedFinalBy = table.Column<long>(type: "INTEGER", nullable: true),
                    HoldingReplySentAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CalendarComplete = table.Column<bool>(type: "INTEGER", nullable: false),
                    DeadlinesPauseForCustomer = table.Column<bool>(type: "INTEGER", nullable: false),
                    PausedSince = table.Column<long>(type: "INTEGER", nullable: true),
                    PausedBusinessDays = table.Column<int>(type: "INTEGER", nullable: false),
                    PausedCalendarDays = table.Column<int>(type: "INTEGER", nullable: false),
                    AutoCheckDueAt = table.Column<long>(type: "INTEGER", nullable: true),
                    AutoDecision = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    AutoRule = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_complaints", x => x.Id);
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
                    BodyErasedAt = table.Column<long>(type: "INTEGER", nullable: true),
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

            migrationBuilder.CreateTable(
                name: "personal_data_salts",
                columns: table => new
                {
                    ComplaintId = table.Column<long>(type: "INTEGER", nullable: false),
                    Item = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Salt = table.Column<byte[]>(type: "BLOB", maxLength: 32, nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ComplaintId = table.Column<long>(type: "INTEGER", nullable: false),
                    ComplaintNumber = table.Column<string>(type: "TEXT", maxLength: 9, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    AmountMinorUnits = table.Column<long>(type: "INTEGER", nullable: true),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: true),
                    Points = table.Column<long>(type: "INTEGER", nullable: true),
                    TransactionReference = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    AccountId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    RequiresApproval = table.Column<bool>(type: "INTEGER", nullable: false),
                    ProposedById = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProposedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ApprovedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    ApprovedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RequestedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    RequestedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CompletedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LedgerReference = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    FailureCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Rule = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Explanation = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ReversalReference = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ReversedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    ReversedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ComplaintId = table.Column<long>(type: "INTEGER", nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SchemaVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    OccurredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ActorId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ActorRole = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Payload = table.Column<string>(type: "TEXT", nullable: false),
                    Visibility = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    PreviousHash = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: false),
                    Hash = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: false)
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
