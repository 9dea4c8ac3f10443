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
