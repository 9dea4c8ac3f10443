using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Redress.SharedKernel.Persistence;

/// <summary>Recognises constraint failures the same way on both providers, so handlers can turn them into typed errors.</summary>
public static class DbErrors
{
    private const int SqliteConstraint = 19;

    public static bool IsUniqueViolation(this DbUpdateException exception) => exception.InnerException is DbException inner && inner.IsUniqueViolation();

    /// <summary>The same for a command run outside EF's change tracking.</summary>
    public static bool IsUniqueViolation(this DbException exception) => exception switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode == SqliteConstraint,
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
        _ => false,
    };
}
