using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Redress.SharedKernel.Persistence;

/// <summary>
/// Points a module's DbContext at the configured provider. Each provider has its own migrations assembly,
/// and each module its own history table, so modules migrate independently in one database.
/// </summary>
public static class RedressDatabase
{
    public const string SqliteMigrationsAssembly = "Redress.Migrations.Sqlite";
    public const string PostgresMigrationsAssembly = "Redress.Migrations.Postgres";

    public static TBuilder UseRedressDatabase<TBuilder>(this TBuilder options, DatabaseSettings settings, string module)
        where TBuilder : DbContextOptionsBuilder
    {
        var connectionString = settings.ResolveConnectionString();
        var historyTable = $"__migrations_{module}";
        switch (settings.Provider)
        {
            case DatabaseProvider.Sqlite:
                options.UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(SqliteMigrationsAssembly).MigrationsHistoryTable(historyTable))
                    .AddInterceptors(SqliteConnectionPragmas.Instance);
                break;
            case DatabaseProvider.Postgres:
                options.UseNpgsql(connectionString, npgsql => npgsql.MigrationsAssembly(PostgresMigrationsAssembly).MigrationsHistoryTable(historyTable));
                break;
            default:
                throw new InvalidOperationException($"Unknown database provider '{settings.Provider}'.");
        }

        return options;
    }

    /// <summary>
    /// SQLite stores DateTimeOffset as text and cannot compare or sort it in SQL; store UTC ticks instead so that
    /// deadlines and keyset paging work the same on both providers.
    /// </summary>
    public static void ApplyProviderConventions(this ModelConfigurationBuilder configuration, DatabaseFacade database)
    {
        if (database.IsSqlite())
        {
            configuration.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
            configuration.Properties<DateTimeOffset?>().HaveConversion<UtcTicksConverter>();
        }
    }
}
