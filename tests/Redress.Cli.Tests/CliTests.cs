using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace Redress.Cli.Tests;

/// <summary>Runs the real <c>redress</c> tool as operators do, against a fresh SQLite file.</summary>
public sealed class CliTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "redress-cli-tests", Guid.NewGuid().ToString("N"));
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public CliTests() => Directory.CreateDirectory(_folder);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Migrate_creates_every_module_schema_and_is_safe_to_run_again()
    {
        var first = await RunAsync("Production", "migrate");
        var second = await RunAsync("Production", "migrate");

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("access", first.Output, StringComparison.Ordinal);
        Assert.Contains("complaints", first.Output, StringComparison.Ordinal);
        Assert.Contains("complaints", await TablesAsync(), StringComparer.Ordinal);
    }

    [Fact]
    public async Task Migrate_backs_up_only_when_migrations_are_pending_on_a_database_with_data()
    {
        Assert.Equal(0, (await RunAsync("Production", "migrate")).ExitCode);
        Assert.Empty(Backups());

        var upToDate = await RunAsync("Production", "migrate");
        Assert.Equal(0, upToDate.ExitCode);
        Assert.Contains("up to date", upToDate.Output, StringComparison.Ordinal);
        Assert.Empty(Backups());

        await MakeCalendarsPendingAsync();
        var pending = await RunAsync("Production", "migrate");

        Assert.Equal(0, pending.ExitCode);
        var backup = Assert.Single(Backups());
        Assert.Contains(backup, pending.Output, StringComparison.Ordinal);
        Assert.Contains("calendars: ", pending.Output, StringComparison.Ordinal);
        await using var copy = new SqliteConnection($"Data Source={backup};Pooling=False;Mode=ReadOnly");
        await copy.OpenAsync(_ct);
        await using var command = copy.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM complaints";
        Assert.Equal(0L, (long)(await command.ExecuteScalarAsync(_ct))!);
    }

    [Fact]
    public async Task Migrate_fails_naming_the_table_when_the_foreign_key_check_reports_rows()
    {
        Assert.Equal(0, (await RunAsync("Production", "migrate")).ExitCode);
        // A schedule row whose complaint does not exist, as a table rebuild with foreign keys off could leave behind.
        await ExecuteAsync("""PRAGMA foreign_keys = OFF; INSERT INTO complaint_sla_schedule ("Id", "SlaWarningsSent", "AtRisk") VALUES (424242, 0, 0)""");
        await MakeCalendarsPendingAsync();

        var result = await RunAsync("Production", "migrate");

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("Foreign key check failed", result.Error, StringComparison.Ordinal);
        Assert.Contains("complaint_sla_schedule (referencing complaints): 1 rows", result.Error, StringComparison.Ordinal);
        Assert.Contains(Assert.Single(Backups()), result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migrate_refuses_a_database_ahead_of_the_code_naming_the_unknown_migrations()
    {
        Assert.Equal(0, (await RunAsync("Production", "migrate")).ExitCode);
        await ExecuteAsync("""INSERT INTO __migrations_complaints ("MigrationId", "ProductVersion") VALUES ('29991231000000_FromTheFuture', '10.0.0')""");

        var result = await RunAsync("Production", "migrate");

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("ahead of this version", result.Error, StringComparison.Ordinal);
        Assert.Contains("complaints: 29991231000000_FromTheFuture", result.Error, StringComparison.Ordinal);
        Assert.Empty(Backups());
    }

    [Fact]
    public async Task Seed_demo_is_refused_under_production_and_creates_no_account()
    {
        var result = await RunAsync("Production", "seed-demo");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Demo accounts", result.Error, StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync("SELECT COUNT(*) FROM AspNetUsers"));
    }

    [Fact]
    public async Task Seed_demo_in_development_creates_customers_and_staff()
    {
        var result = await RunAsync("Development", "seed-demo");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(10, await CountAsync("SELECT COUNT(*) FROM AspNetUsers"));
        Assert.True(await CountAsync("SELECT COUNT(*) FROM complaints") > 0);
    }

    [Fact]
    public async Task A_malformed_calendar_is_refused_naming_the_line_and_changes_nothing()
    {
        Assert.Equal(0, (await RunAsync("Production", "migrate")).ExitCode);
        var before = await CountAsync("SELECT COUNT(*) FROM calendar_days WHERE Jurisdiction = 'GB' AND Year = 2026");
        var file = Path.Combine(_folder, "GB-2026.csv");
        await File.WriteAllTextAsync(file, "date,kind,name\n2026-01-01,holiday,New Year\n2026-01-05,workday,Monday\n", _ct);

        var result = await RunAsync("Production", "calendars", "load", file);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("line 3", result.Error, StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync("SELECT COUNT(*) FROM calendar_days WHERE Jurisdiction = 'GB' AND Year = 2026"));
    }

    [Fact]
    public async Task A_published_calendar_year_is_put_in_force()
    {
        var file = Path.Combine(_folder, "CN-2028.csv");
        await File.WriteAllTextAsync(file, "date,kind,name\n2028-01-01,holiday,元旦\n2028-01-29,workday,春节调休\n", _ct);

        var result = await RunAsync("Production", "calendars", "load", file);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(2, await CountAsync("SELECT COUNT(*) FROM calendar_days WHERE Jurisdiction = 'CN' AND Year = 2028"));
    }

    private async Task<(int ExitCode, string Output, string Error)> RunAsync(string environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = _folder,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "redress.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_ENVIRONMENT"] = environment;
        start.Environment["Database__DataDirectory"] = _folder;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(_ct);
        var error = process.StandardError.ReadToEndAsync(_ct);
        await process.WaitForExitAsync(_ct);
        return (process.ExitCode, await output, await error);
    }

    private string[] Backups() => Directory.GetFiles(_folder, "redress-before-migrate-*.db");

    /// <summary>As if the calendars module were new in this version: its tables and history are gone, the others stay.</summary>
    private Task MakeCalendarsPendingAsync() =>
        ExecuteAsync("DROP TABLE calendar_days; DROP TABLE calendar_years; DROP TABLE __migrations_calendars;");

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_folder, "redress.db")};Pooling=False");
        await connection.OpenAsync(_ct);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(_ct);
    }

    private async Task<long> CountAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_folder, "redress.db")};Pooling=False");
        await connection.OpenAsync(_ct);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync(_ct))!;
    }

    private async Task<List<string>> TablesAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_folder, "redress.db")};Pooling=False");
        await connection.OpenAsync(_ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table'";
        var tables = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(_ct);
        while (await reader.ReadAsync(_ct))
        {
            tables.Add(reader.GetString(0));
        }

        return tables;
    }
}
