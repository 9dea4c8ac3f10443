using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Redress.Complaints.Data;
using Redress.Complaints.Deadlines;
using Redress.Complaints.Features;
using Redress.Complaints.Resources;
using Redress.SharedKernel.Persistence;

namespace Redress.Complaints.Tests;

/// <summary>A migrated SQLite file of the complaints module, fresh for each test class.</summary>
public sealed class SqliteComplaintsDatabase : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "redress-tests", Guid.NewGuid().ToString("N"));

    public SqliteComplaintsDatabase()
        : this(new DateTimeOffset(2026, 11, 25, 9, 30, 0, TimeSpan.Zero))
    {
    }

    internal SqliteComplaintsDatabase(DateTimeOffset start) => Time = new FakeTimeProvider(start);

    public FakeTimeProvider Time { get; }

    public SlaMonitorOptions Sla { get; } = new();

    internal DeadlineClock Clock => new(new ShippedBusinessCalendars(), Options.Create(ShippedDeadlines.Settings), Options.Create(Sla));

    public IStringLocalizer<ComplaintMessages> Text { get; } = new StringLocalizer<ComplaintMessages>(
        new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance));

    public ComplaintsDbContext NewContext()
    {
        var settings = new DatabaseSettings { Provider = DatabaseProvider.Sqlite, DataDirectory = _folder };
        return new ComplaintsDbContext(new DbContextOptionsBuilder<ComplaintsDbContext>().UseRedressDatabase(settings, "complaints").Options);
    }

    public string Folder => _folder;

    public FileComplaintHandler NewFileHandler(ComplaintsDbContext db) =>
        new(db, Time, Clock, Text, NullLogger<FileComplaintHandler>.Instance);

    public CaseWork NewCaseWork(ComplaintsDbContext db) =>
        new(db, Time, Clock, Text, Options.Create(new CaseHandlingOptions()), Options.Create(new ExternalRoutesOptions()), NullLogger<CaseWork>.Instance);

    public SlaSweep NewSweep(ComplaintsDbContext db) => new(db, Time, Options.Create(Sla), NullLogger<SlaSweep>.Instance);

    public CaseLifecycleHandler NewLifecycle(ComplaintsDbContext db) => new(NewCaseWork(db));

    public ConversationHandler NewConversation(ComplaintsDbContext db)
    {
        var work = NewCaseWork(db);
        var store = new FileSystemAttachmentStore(Options.Create(new DatabaseSettings { DataDirectory = _folder }));
        return new ConversationHandler(work, new CaseLifecycleHandler(work), store);
    }

    public async ValueTask InitializeAsync()
    {
        await using var db = NewContext();
        await db.Database.MigrateAsync(TestContext.Current.CancellationToken);
    }

    public ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        return ValueTask.CompletedTask;
    }
}
