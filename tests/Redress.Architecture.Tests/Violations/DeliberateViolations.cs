using Microsoft.EntityFrameworkCore;

// Deliberate breaches of the module rules, for the tests that show each rule can fail. Nothing uses them.
namespace Redress.Architecture.Tests.Violations;

public sealed class LeakyEntity
{
    public long Id { get; set; }
}

public sealed class LeakyDbContext(DbContextOptions<LeakyDbContext> options) : DbContext(options)
{
    internal DbSet<LeakyEntity> Leaks => Set<LeakyEntity>();
}

public sealed class StrayHandler
{
    // Uses the web host's namespace, as a module reaching into the host would.
    public static Type Host => typeof(Redress.Web.Components.App);
}
