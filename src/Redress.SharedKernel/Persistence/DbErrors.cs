using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Redress.SharedKernel.Persistence;

/// <summary>Recognises constraint failures the same way on both providers, so handlers can turn them into typed errors.</summary>
public static class DbErrors
{
    private const int SqliteConstraint = 19;

    public static bool IsUniqueViolation(this DbUpdateException exception) => exception.InnerException switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode == SqliteConstraint,
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
        _ => false,
    };
}
