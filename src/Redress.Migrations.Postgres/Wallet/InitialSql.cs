using Microsoft.EntityFrameworkCore.Migrations;

namespace Redress.Migrations.Postgres.Wallet;

/// <summary>The staff ledger audit trail is append-only in the database as well as in the code (ADR 23).</summary>
public partial class Initial
{
    partial void UpSql(MigrationBuilder migrationBuilder);

    partial void UpSql(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            CREATE FUNCTION staff_ledger_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION 'staff_ledger_audit is append-only';
            END $$;
            """);
        migrationBuilder.Sql("CREATE TRIGGER staff_ledger_audit_append_only BEFORE UPDATE OR DELETE ON staff_ledger_audit FOR EACH ROW EXECUTE FUNCTION staff_ledger_audit_append_only();");
    }
}
