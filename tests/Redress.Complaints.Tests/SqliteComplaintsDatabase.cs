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

    internal FileComplaintHandler NewFileHandler(ComplaintsDbContext db, FakeLedger? ledger = null) =>
        new(db, Time, Clock, Text, new WalletFreezeHandler(NewCaseWork(db), ledger ?? new FakeLedger()), Options.Create(new AutoResolutionOptions()), NullLogger<FileComplaintHandler>.Instance);

    internal InvestigationHandler NewInvestigation(ComplaintsDbContext db, FakeLedger ledger) =>
        new(NewCaseWork(db), ledger, Options.Create(new InvestigationOptions()));

    public CaseWork NewCaseWork(ComplaintsDbContext db) =>
        new(db, Time, Clock, Text, Options.Create(new CaseHandlingOptions()), Options.Create(ShippedSettings.Routes()), NullLogger<CaseWork>.Instance);

    public SlaSweep NewSweep(ComplaintsDbContext db) => new(db, Time, Options.Create(Sla), NullLogger<SlaSweep>.Instance);

    public FakeUserDirectory Users { get; } = new();

    public IAttachmentStore Store => new FileSystemAttachmentStore(Options.Create(new DatabaseSettings { DataDirectory = _folder }));

    public CaseLifecycleHandler NewLifecycle(ComplaintsDbContext db)
    {
        var work = NewCaseWork(db);
        return new CaseLifecycleHandler(work, NewFinalResponses(work));
    }

    public FinalResponseHandler NewFinalResponses(CaseWork work) =>
        new(work, Store, Users, Options.Create(ShippedSettings.Deadlines()), NullLogger<FinalResponseHandler>.Instance);

    public ConversationHandler NewConversation(ComplaintsDbContext db)
    {
        var work = NewCaseWork(db);
        return new ConversationHandler(work, new CaseLifecycleHandler(work, NewFinalResponses(work)), Store);
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
