using Microsoft.EntityFrameworkCore.Migrations;

namespace Redress.Migrations.Sqlite.Wallet;

/// <summary>The staff ledger audit trail is append-only in the database as well as in the code (ADR 23).</summary>
public partial class Initial
{
    partial void UpSql(MigrationBuilder migrationBuilder);

    partial void UpSql(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("CREATE TRIGGER staff_ledger_audit_no_update BEFORE UPDATE ON staff_ledger_audit BEGIN SELECT RAISE(ABORT, 'staff_ledger_audit is append-only'); END;");
        migrationBuilder.Sql("CREATE TRIGGER staff_ledger_audit_no_delete BEFORE DELETE ON staff_ledger_audit BEGIN SELECT RAISE(ABORT, 'staff_ledger_audit is append-only'); END;");
    }
}
