using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Redress.Calendars.Data;
using Redress.Calendars.Features;
using Redress.SharedKernel.Persistence;

namespace Redress.Calendars.Tests;

public sealed class LoadCalendarYearTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "redress-tests", Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    private ServiceProvider _services = null!;

    public async ValueTask InitializeAsync()
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(_time);
        services.AddLogging();
        services.AddSingleton(Options.Create(new DatabaseSettings { Provider = DatabaseProvider.Sqlite, DataDirectory = _folder }));
        services.AddCalendars();
        _services = services.BuildServiceProvider();
        foreach (var database in _services.GetServices<IModuleDatabase>())
        {
            await database.MigrateAsync(_ct);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Migrating_puts_every_shipped_year_in_force()
    {
        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CalendarsDbContext>();
        Assert.Equal(12, await db.Years.CountAsync(_ct));
        Assert.All(await db.Years.ToListAsync(_ct), y => Assert.Equal("shipped", y.Source));
    }

    [Fact]
    public async Task A_loaded_year_replaces_the_shipped_one_and_survives_the_next_migration()
    {
        const string official2027 = "date,kind,name\n2027-01-01,holiday,元旦\n2027-02-06,workday,春节调休\n2027-02-07,holiday,春节\n";
        await using (var scope = _services.CreateAsyncScope())
        {
            var handler = scope.ServiceProvider.GetRequiredService<LoadCalendarYearHandler>();
            var loaded = await handler.HandleAsync("CN", 2027, new StringReader(official2027), "CN-2027.csv", Guid.NewGuid(), _ct);
            Assert.True(loaded.IsSuccess);
            Assert.Equal((2, 1), (loaded.Value.Holidays, loaded.Value.WorkedWeekendDays));
        }

        foreach (var database in _services.GetServices<IModuleDatabase>())
        {
            await database.MigrateAsync(_ct);
        }

        var calendar = await _services.GetRequiredService<StoredCalendars>().ForAsync("CN", _ct);
        Assert.True(calendar.IsBusinessDay(new DateOnly(2027, 2, 6)));
        Assert.True(calendar.IsBusinessDay(new DateOnly(2027, 2, 8)));   // a provisional shipped holiday, no longer in force
        await using var check = _services.CreateAsyncScope();
        Assert.Equal(3, await check.ServiceProvider.GetRequiredService<CalendarsDbContext>().Days.CountAsync(d => d.Jurisdiction == "CN" && d.Year == 2027, _ct));
    }

    [Fact]
    public async Task A_malformed_file_changes_nothing()
    {
        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CalendarsDbContext>();
        var before = await db.Days.Where(d => d.Jurisdiction == "GB" && d.Year == 2026).OrderBy(d => d.Date).Select(d => d.Date).ToListAsync(_ct);

        var result = await scope.ServiceProvider.GetRequiredService<LoadCalendarYearHandler>()
            .HandleAsync("GB", 2026, new StringReader("date,kind,name\n2026-01-01,holiday,New Year\n2026-02-30,holiday,Nonsense\n"), "GB-2026.csv", null, _ct);

        Assert.False(result.IsSuccess);
        Assert.Equal(["line 3"], result.Error.Fields!.Keys);
        Assert.Equal(before, await db.Days.Where(d => d.Jurisdiction == "GB" && d.Year == 2026).OrderBy(d => d.Date).Select(d => d.Date).ToListAsync(_ct));
    }

    [Fact]
    public async Task An_unknown_jurisdiction_is_refused()
    {
        await using var scope = _services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<LoadCalendarYearHandler>()
            .HandleAsync("XX", 2026, new StringReader("date,kind,name\n2026-01-01,holiday,x\n"), "XX-2026.csv", null, _ct);
        Assert.Equal(["jurisdiction"], result.Error!.Fields!.Keys);
    }
}
