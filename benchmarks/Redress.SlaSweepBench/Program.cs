using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Redress.Complaints.Data;
using Redress.Complaints.Deadlines;
using Redress.Complaints.Features;
using Redress.SharedKernel.Persistence;

// Usage: sqlite <folder> | postgres <connection string>, then optionally the open and due counts.
if (args.Length < 2)
{
    Console.Error.WriteLine("usage: Redress.SlaSweepBench sqlite <folder>|postgres <connection string> [open=1000000] [due=1000] [runs=5]");
    return 2;
}

var postgres = args[0] == "postgres";
var settings = postgres
    ? new DatabaseSettings { Provider = DatabaseProvider.Postgres, ConnectionString = args[1] }
    : new DatabaseSettings { Provider = DatabaseProvider.Sqlite, DataDirectory = args[1] };
var open = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 1_000_000;
var due = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 1_000;
var runs = args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 5;

var now = new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
var time = new FakeTimeProvider(now);
ComplaintsDbContext NewContext() => new(new DbContextOptionsBuilder<ComplaintsDbContext>().UseRedressDatabase(settings, "complaints").Options);

await using (var db = NewContext())
{
    await db.Database.EnsureDeletedAsync();
    await db.Database.MigrateAsync();
    var load = Stopwatch.StartNew();
    db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
    await db.Database.ExecuteSqlRawAsync(BulkLoad.Complaints(postgres, open, due, now));
    await db.Database.ExecuteSqlRawAsync(BulkLoad.Heads(postgres, due, now));
    await db.Database.ExecuteSqlRawAsync(postgres ? "ANALYZE" : "ANALYZE");
    Console.WriteLine($"{settings.Provider}: loaded {open:N0} open complaints, {due:N0} due, in {load.Elapsed.TotalSeconds:F1} s");
}

var options = Options.Create(new SlaMonitorOptions { BatchSize = due });
var select = new List<double>();
var sweep = new List<double>();
for (var run = 0; run <= runs; run++)
{
    await using (var db = NewContext())
    {
        // Every run starts from the same state: the due rows due, nothing announced.
        await db.Database.ExecuteSqlRawAsync(BulkLoad.Reset(postgres, due, now));
    }

    await using (var db = NewContext())
    {
        var watch = Stopwatch.StartNew();
        var ids = await db.Database.SqlQueryRaw<long>(BulkLoad.DueQuery(postgres, due), BulkLoad.Now(postgres, now)).ToListAsync();
        watch.Stop();
        if (ids.Count != due)
        {
            throw new InvalidOperationException($"expected {due} due, found {ids.Count}");
        }

        if (run > 0)
        {
            select.Add(watch.Elapsed.TotalMilliseconds);
        }
    }

    await using (var db = NewContext())
    {
        var handler = new SlaSweep(db, time, options, NullLogger<SlaSweep>.Instance);
        var watch = Stopwatch.StartNew();
        var handled = await handler.RunOnceAsync(CancellationToken.None);
        watch.Stop();
        if (handled != due)
        {
            throw new InvalidOperationException($"expected {due} handled, got {handled}");
        }

        // The first run warms up the JIT and the caches and is not counted.
        if (run > 0)
        {
            sweep.Add(watch.Elapsed.TotalMilliseconds);
        }
    }
}

await using (var db = NewContext())
{
    var connection = db.Database.GetDbConnection();
    await connection.OpenAsync();
    await using var command = connection.CreateCommand();
    command.CommandText = BulkLoad.Explain(postgres, due);
    command.Parameters.Add(BulkLoad.Now(postgres, now));
    var plan = new List<string>();
    await using var reader = await command.ExecuteReaderAsync();
    while (await reader.ReadAsync())
    {
        // PostgreSQL answers one text column; SQLite's plan detail is the last of four.
        plan.Add(reader.GetString(reader.FieldCount - 1));
    }

    Console.WriteLine("plan of the due query: " + string.Join(" | ", plan));
}

Console.WriteLine($"select due ids (index):    median {Median(select):F2} ms, min {select.Min():F2} ms over {runs} runs");
Console.WriteLine($"full sweep ({due:N0} complaints): median {Median(sweep):F0} ms, min {sweep.Min():F0} ms over {runs} runs");
return 0;

static double Median(List<double> values)
{
    var sorted = values.Order().ToList();
    return sorted[sorted.Count / 2];
}
