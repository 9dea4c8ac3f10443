using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Redress.Migrations.Sqlite.Wallet
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "journal_entries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    BookedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_journal_entries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "wallet_accounts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CustomerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Currency = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 3, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    BalanceMinor = table.Column<long>(type: "INTEGER", nullable: false),
                    OpenedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_wallet_accounts", x => x.Id);
                    table.CheckConstraint("ck_wallet_accounts_balance_not_negative", "\"BalanceMinor\" >= 0");
                });

            migrationBuilder.CreateTable(
                name: "funding_sources",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Issuer = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    LastFour = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 4, nullable: false),
                    LinkedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_funding_sources", x => x.Id);
                    table.CheckConstraint("ck_funding_sources_last_four", "length(\"LastFour\") = 4");
                    table.ForeignKey(
                        name: "FK_funding_sources_wallet_accounts_AccountId",
                        column: x => x.AccountId,
                        principalTable: "wallet_accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "staff_ledger_operations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    TransactionReference = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    AccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AmountMinor = table.Column<long>(type: "INTEGER", nullable: false),
                    Currency = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 3, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    IdempotencyKey = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    RequestHash = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: false),
                    ProposedById = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProposedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DecidedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RejectionReason = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    LedgerReference = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    FailureCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    CompletedAt = table.Column<long>(type: "INTEGER", nullable: true)
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
                name: "wallet_transactions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    AccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Direction = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    AmountMinor = table.Column<long>(type: "INTEGER", nullable: false),
                    Currency = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 3, nullable: false),
                    Counterparty = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    Description = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CompletedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    FailureReason = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    OriginalTransactionId = table.Column<long>(type: "INTEGER", nullable: true),
                    OriginalReference = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    PromisedBy = table.Column<long>(type: "INTEGER", nullable: true),
                    Posted = table.Column<bool>(type: "INTEGER", nullable: false),
                    FundingSourceId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_wallet_transactions", x => x.Id);
                    table.CheckConstraint("ck_wallet_transactions_amount_positive", "\"AmountMinor\" > 0");
                    table.ForeignKey(
                        name: "FK_wallet_transactions_funding_sources_FundingSourceId",
                        column: x => x.FundingSourceId,
                        principalTable: "funding_sources",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_wallet_transactions_wallet_accounts_AccountId",
                        column: x => x.AccountId,
                        principalTable: "wallet_accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_wallet_transactions_wallet_transactions_OriginalTransactionId",
                        column: x => x.OriginalTransactionId,
                        principalTable: "wallet_transactions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "staff_ledger_audit",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OperationId = table.Column<long>(type: "INTEGER", nullable: false),
                    Step = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ActorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Data = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: false)
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

            migrationBuilder.CreateTable(
                name: "idempotency_keys",
                columns: table => new
                {
                    Key = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Operation = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    RequestHash = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: false),
                    TransactionId = table.Column<long>(type: "INTEGER", nullable: true),
                    AccountId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_idempotency_keys", x => x.Key);
                    table.ForeignKey(
                        name: "FK_idempotency_keys_wallet_accounts_AccountId",
                        column: x => x.AccountId,
                        principalTable: "wallet_accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_idempotency_keys_wallet_transactions_TransactionId",
                        column: x => x.TransactionId,
                        principalTable: "wallet_transactions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "postings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    EntryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TransactionId = table.Column<long>(type: "INTEGER", nullable: false),
                    AccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AmountMinor = table.Column<long>(type: "INTEGER", nullable: false),
                    Currency = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 3, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_postings", x => x.Id);
                    table.CheckConstraint("ck_postings_amount_not_zero", "\"AmountMinor\" <> 0");
                    table.ForeignKey(
                        name: "FK_postings_journal_entries_EntryId",
                        column: x => x.EntryId,
                        principalTable: "journal_entries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_postings_wallet_accounts_AccountId",
                        column: x => x.AccountId,
                        principalTable: "wallet_accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_postings_wallet_transactions_TransactionId",
                        column: x => x.TransactionId,
                        principalTable: "wallet_transactions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_funding_sources_AccountId",
                table: "funding_sources",
                column: "AccountId");

            migrationBuilder.CreateIndex(
                name: "IX_idempotency_keys_AccountId",
                table: "idempotency_keys",
                column: "AccountId");

            migrationBuilder.CreateIndex(
                name: "IX_idempotency_keys_TransactionId",
                table: "idempotency_keys",
                column: "TransactionId");

            migrationBuilder.CreateIndex(
                name: "IX_postings_AccountId_AmountMinor",
                table: "postings",
                columns: new[] { "AccountId", "AmountMinor" });

            migrationBuilder.CreateIndex(
                name: "IX_postings_EntryId",
                table: "postings",
                column: "EntryId");

            migrationBuilder.CreateIndex(
                name: "IX_postings_TransactionId",
                table: "postings",
                column: "TransactionId");

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

            migrationBuilder.CreateIndex(
                name: "IX_wallet_accounts_CustomerId_Currency",
                table: "wallet_accounts",
                columns: new[] { "CustomerId", "Currency" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_wallet_transactions_AccountId_CreatedAt_Id",
                table: "wallet_transactions",
                columns: new[] { "AccountId", "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_wallet_transactions_FundingSourceId",
                table: "wallet_transactions",
                column: "FundingSourceId");

            migrationBuilder.CreateIndex(
                name: "IX_wallet_transactions_OriginalTransactionId",
                table: "wallet_transactions",
                column: "OriginalTransactionId");

            migrationBuilder.CreateIndex(
                name: "IX_wallet_transactions_Reference",
                table: "wallet_transactions",
                column: "Reference",
                unique: true);
            UpSql(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "idempotency_keys");

            migrationBuilder.DropTable(
                name: "postings");

            migrationBuilder.DropTable(
                name: "staff_ledger_audit");

            migrationBuilder.DropTable(
                name: "journal_entries");

            migrationBuilder.DropTable(
                name: "wallet_transactions");

            migrationBuilder.DropTable(
                name: "staff_ledger_operations");

            migrationBuilder.DropTable(
                name: "funding_sources");

            migrationBuilder.DropTable(
                name: "wallet_accounts");
        }
    }
}
