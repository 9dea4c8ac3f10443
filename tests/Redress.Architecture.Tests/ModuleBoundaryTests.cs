using System.Reflection;
using System.Runtime.CompilerServices;
using NetArchTest.Rules;

namespace Redress.Architecture.Tests;

/// <summary>
/// Keeps the modular monolith modular: modules meet only in the shared kernel and in the hosts, keep their
/// databases and entities to themselves, and show a public surface that changes only on purpose. Modules are
/// found by convention (<see cref="ModuleRules.Modules"/>), so a new one is held to every rule here.
/// </summary>
public sealed class ModuleBoundaryTests
{
    private const string ViolationsNamespace = "Redress.Architecture.Tests.Violations";
    private static readonly Assembly s_fixtures = typeof(ModuleBoundaryTests).Assembly;

    public static TheoryData<string> ModuleNames => [.. ModuleRules.Modules.Select(m => m.GetName().Name!)];

    [Fact]
    public void Every_module_is_found()
    {
        Assert.Equal(
            ["Redress.Access", "Redress.Calendars", "Redress.Complaints", "Redress.Notifications", "Redress.Wallet"],
            ModuleRules.Modules.Select(m => m.GetName().Name!));
    }

    [Theory]
    [MemberData(nameof(ModuleNames))]
    public void A_module_depends_on_no_other_module_nor_on_a_host_or_migrations(string module)
    {
        var assembly = Module(module);
        var forbidden = ModuleRules.Modules.Where(m => m != assembly).Select(m => m.GetName().Name!)
            .Concat(["Redress.Web", "redress", "Redress.Migrations.Sqlite", "Redress.Migrations.Postgres", "Redress.Client"]);

        Assert.Empty(ModuleRules.ForbiddenDependencies(assembly, forbidden));
    }

    [Fact]
    public void The_shared_kernel_depends_on_no_module()
    {
        var forbidden = ModuleRules.Modules.Select(m => m.GetName().Name!).Concat(["Redress.Web", "redress"]);

        Assert.Empty(ModuleRules.ForbiddenDependencies(ModuleRules.SharedKernel, forbidden));
    }

    [Theory]
    [MemberData(nameof(ModuleNames))]
    public void A_module_keeps_its_entities_internal(string module)
    {
        var assembly = Module(module);

        Assert.True(ModuleRules.EntityCount(assembly) > 0, $"{module} maps no entity; the rule would look at nothing");
        Assert.Empty(ModuleRules.PublicEntities(assembly));
    }

    [Theory]
    [MemberData(nameof(ModuleNames))]
    public void Handlers_live_in_a_features_namespace(string module) =>
        Assert.Empty(ModuleRules.HandlersOutsideFeatures(Module(module)));

    [Fact]
    public void Complaint_aggregate_and_timeline_are_internal()
    {
        var result = Types.InAssembly(Module("Redress.Complaints"))
            .That().HaveName("Complaint").Or().HaveName("TimelineEvent").Or().HaveNameEndingWith("Configuration")
            .Should().NotBePublic()
            .GetResult();
        Assert.True(result.IsSuccessful, string.Join(", ", result.FailingTypeNames ?? []));
    }

    /// <summary>
    /// Each module's public types are pinned in <c>PublicSurface/&lt;module&gt;.txt</c>: a type that becomes public
    /// fails here until the file is updated with it, in the same change, where a reviewer sees it. Run with
    /// <c>REDRESS_ACCEPT_SURFACE=1</c> to rewrite the files from the build.
    /// </summary>
    [Theory]
    [MemberData(nameof(ModuleNames))]
    public void A_module_publishes_only_its_pinned_surface(string module)
    {
        var actual = ModuleRules.PublicTypes(Module(module));
        if (Environment.GetEnvironmentVariable("REDRESS_ACCEPT_SURFACE") == "1")
        {
            File.WriteAllLines(Path.Combine(SourceFolder(), "PublicSurface", module + ".txt"), actual);
            return;
        }

        // Read from the build output (a copy of the source folder's files), which does not depend on source paths.
        var file = Path.Combine(AppContext.BaseDirectory, "PublicSurface", module + ".txt");
        var pinned = File.Exists(file) ? File.ReadAllLines(file).Where(l => l.Length > 0).ToList() : [];
        var added = actual.Except(pinned, StringComparer.Ordinal).ToList();
        var removed = pinned.Except(actual, StringComparer.Ordinal).ToList();
        Assert.True(
            added.Count == 0 && removed.Count == 0,
            $"{module}'s public surface changed. Newly public: {string.Join(", ", added)}. No longer public: {string.Join(", ", removed)}. " +
            "Make the type internal, or update the pinned list (REDRESS_ACCEPT_SURFACE=1).");
    }

    // Each rule above, run on a deliberate violation, must report it: a rule that can find nothing protects nothing.

    [Fact]
    public void The_dependency_rule_reports_a_reach_into_the_host() =>
        Assert.Contains(ModuleRules.ForbiddenDependencies(s_fixtures, ["Redress.Web"]), f => f.Contains("StrayHandler", StringComparison.Ordinal));

    [Fact]
    public void The_entity_rule_reports_a_public_entity_behind_an_internal_set() =>
        Assert.Equal([typeof(Violations.LeakyEntity).FullName!], ModuleRules.PublicEntities(s_fixtures));

    [Fact]
    public void The_handler_rule_reports_a_handler_outside_features() =>
        Assert.Equal([typeof(Violations.StrayHandler).FullName!], ModuleRules.HandlersOutsideFeatures(s_fixtures, ViolationsNamespace));

    [Fact]
    public void The_surface_rule_sees_every_public_type() =>
        Assert.Equal(
            [typeof(Violations.LeakyDbContext).FullName!, typeof(Violations.LeakyEntity).FullName!, typeof(Violations.StrayHandler).FullName!],
            ModuleRules.PublicTypes(s_fixtures, ViolationsNamespace));

    private static Assembly Module(string name) => ModuleRules.Modules.Single(m => m.GetName().Name == name);

    private static string SourceFolder([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
