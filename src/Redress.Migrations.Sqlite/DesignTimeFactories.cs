using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Redress.Access.Data;
using Redress.Calendars.Data;
using Redress.Complaints.Data;
using Redress.Notifications.Data;
using Redress.SharedKernel.Persistence;
using Redress.Wallet.Data;

namespace Redress.Migrations.Sqlite;

// Used only by `dotnet ef migrations add`; the database named here is never opened.
internal static class DesignTime
{
    public static readonly DatabaseSettings Settings = new() { Provider = DatabaseProvider.Sqlite, ConnectionString = "Data Source=design-time.db" };
}

internal sealed class AccessContextFactory : IDesignTimeDbContextFactory<AccessDbContext>
{
    public AccessDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<AccessDbContext>().UseRedressDatabase(DesignTime.Settings, "access").Options);
}

internal sealed class ComplaintsContextFactory : IDesignTimeDbContextFactory<ComplaintsDbContext>
{
    public ComplaintsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<ComplaintsDbContext>().UseRedressDatabase(DesignTime.Settings, "complaints").Options);
}

internal sealed class CalendarsContextFactory : IDesignTimeDbContextFactory<CalendarsDbContext>
{
    public CalendarsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<CalendarsDbContext>().UseRedressDatabase(DesignTime.Settings, "calendars").Options);
}

internal sealed class NotificationsContextFactory : IDesignTimeDbContextFactory<NotificationsDbContext>
{
    public NotificationsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<NotificationsDbContext>().UseRedressDatabase(DesignTime.Settings, "notifications").Options);
}

internal sealed class WalletContextFactory : IDesignTimeDbContextFactory<WalletDbContext>
{
    public WalletDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<WalletDbContext>().UseRedressDatabase(DesignTime.Settings, "wallet").Options);
}
