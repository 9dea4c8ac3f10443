using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Internal;
using Redress.Complaints.Data;

namespace Redress.Complaints.Tests.Upgrades;

/// <summary>
/// A throwaway migration N+1 that exists only here, so that the upgrade test has a next migration to run before the
/// product has one. It does what real migrations do to a table that holds rows: adds a column, fills it from
/// existing data and indexes it. Replace it with the real migration when copying the test (docs/migrations.md).
/// </summary>
[DbContext(typeof(ComplaintsDbContext))]
[Migration(Id)]
public sealed class UpgradeProbeMigration : Migration
{
    public const string Id = "29990101000000_UpgradeProbe";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>(name: "UpgradeProbe", table: "complaints", maxLength: 32, nullable: true);
        migrationBuilder.Sql("""UPDATE complaints SET "UpgradeProbe" = "Stage" """);
        migrationBuilder.CreateIndex(name: "IX_complaints_UpgradeProbe", table: "complaints", column: "UpgradeProbe");
    }
}

/// <summary>The provider's migrations assembly plus <see cref="UpgradeProbeMigration"/>, last in line.</summary>
#pragma warning disable EF1001 // MigrationsAssembly is EF's own implementation; deriving from it keeps discovery exactly as shipped.
internal sealed class WithUpgradeProbe(
    ICurrentDbContext currentContext,
    IDbContextOptions options,
    IMigrationsIdGenerator idGenerator,
    IDiagnosticsLogger<DbLoggerCategory.Migrations> logger) : MigrationsAssembly(currentContext, options, idGenerator, logger)
{
    public override IReadOnlyDictionary<string, TypeInfo> Migrations =>
        base.Migrations.Append(new KeyValuePair<string, TypeInfo>(UpgradeProbeMigration.Id, typeof(UpgradeProbeMigration).GetTypeInfo()))
            .OrderBy(m => m.Key, StringComparer.Ordinal)
            .ToDictionary(m => m.Key, m => m.Value);
}
#pragma warning restore EF1001
