using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Redress.Migrations.Postgres.Wallet
{
    /// <inheritdoc />
    public partial class StaffLedgerOperations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "staff_ledger_operations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    State = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    TransactionReference = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    AccountId = table.Column<Guid>(type: "uuid", nullable: false),
                    AmountMinor = table.Column<long>(type: "bigint", nullable: false),
                    Currency = table.Column<string>(type: "character(3)", fixedLength: true, maxLength: 3, nullable: false),
                    Reason = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    IdempotencyKey = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    RequestHash = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    ProposedById = table.Column<Guid>(type: "uuid", nullable: false),
                    ProposedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DecidedById = table.Column<Guid>(type: "uuid", nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RejectionReason = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    LedgerReference = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    FailureCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    CompletedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_staff_ledger_operations", x => x.Id);
                    table.CheckConstraint("ck_staff_ledger_operations_amount_positive", "\"AmountMinor\" > 0");
                    table.ForeignKey(
                        name: "FK_staff_ledger_operations_wallet_accounts_AccountId",
                        column: x => x.AccountId,
                        principalTable: "wallet_accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "staff_ledger_audit",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OperationId = table.Column<long>(type: "bigint", nullable: false),
                    Step = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ActorId = table.Column<Guid>(type: "uuid", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Data = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_staff_ledger_audit", x => x.Id);
                    table.ForeignKey(
                        name: "FK_staff_ledger_audit_staff_ledger_operations_OperationId",
                        column: x => x.OperationId,
                        principalTable: "staff_ledger_operations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_staff_ledger_audit_OperationId_Id",
                table: "staff_ledger_audit",
                columns: new[] { "OperationId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_staff_ledger_operations_AccountId",
                table: "staff_ledger_operations",
                column: "AccountId");

            migrationBuilder.CreateIndex(
                name: "IX_staff_ledger_operations_IdempotencyKey",
                table: "staff_ledger_operations",
                column: "IdempotencyKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_staff_ledger_operations_State_Id",
                table: "staff_ledger_operations",
                columns: new[] { "State", "Id" });

            // The audit trail is append-only in the database too, whatever client writes to it.
            migrationBuilder.Sql("""
                CREATE FUNCTION staff_ledger_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'staff_ledger_audit is append-only';
                END $$;
                """);
            migrationBuilder.Sql("CREATE TRIGGER staff_ledger_audit_append_only BEFORE UPDATE OR DELETE ON staff_ledger_audit FOR EACH ROW EXECUTE FUNCTION staff_ledger_audit_append_only();");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER staff_ledger_audit_append_only ON staff_ledger_audit;");
            migrationBuilder.Sql("DROP FUNCTION staff_ledger_audit_append_only();");

            migrationBuilder.DropTable(
                name: "staff_ledger_audit");

            migrationBuilder.DropTable(
                name: "staff_ledger_operations");
        }
    }
}
