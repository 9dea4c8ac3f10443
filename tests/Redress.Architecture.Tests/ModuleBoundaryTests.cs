using System.Reflection;
using Microsoft.EntityFrameworkCore;
using NetArchTest.Rules;
using Redress.Access;
using Redress.Complaints;
using Redress.Notifications;
using Redress.SharedKernel;
using Redress.Wallet;

namespace Redress.Architecture.Tests;

/// <summary>Keeps the modular monolith modular: modules meet only in the shared kernel and in the hosts.</summary>
public sealed class ModuleBoundaryTests
{
    private static readonly Assembly s_sharedKernel = typeof(Money).Assembly;
    private static readonly Assembly s_access = typeof(AccessModule).Assembly;
    private static readonly Assembly s_complaints = typeof(ComplaintsModule).Assembly;
    private static readonly Assembly s_notifications = typeof(NotificationsModule).Assembly;
    private static readonly Assembly s_wallet = typeof(WalletModule).Assembly;

    public static TheoryData<string, string> ForbiddenDependencies => new()
    {
        { "Redress.Complaints", "Redress.Access" },
        { "Redress.Access", "Redress.Complaints" },
        { "Redress.SharedKernel", "Redress.Access" },
        { "Redress.SharedKernel", "Redress.Complaints" },
        { "Redress.Complaints", "Redress.Web" },
        { "Redress.Access", "Redress.Web" },
        { "Redress.Complaints", "Redress.Migrations" },
        { "Redress.Access", "Redress.Migrations" },
        { "Redress.Notifications", "Redress.Complaints" },
        { "Redress.Notifications", "Redress.Access" },
        { "Redress.Notifications", "Redress.Web" },
        { "Redress.Notifications", "Redress.Migrations" },
        { "Redress.Complaints", "Redress.Notifications" },
        { "Redress.Access", "Redress.Notifications" },
        { "Redress.SharedKernel", "Redress.Notifications" },
        { "Redress.Wallet", "Redress.Complaints" },
        { "Redress.Wallet", "Redress.Access" },
        { "Redress.Complaints", "Redress.Wallet" },
        { "Redress.Access", "Redress.Wallet" },
        { "Redress.SharedKernel", "Redress.Wallet" },
        { "Redress.Wallet", "Redress.Web" },
        { "Redress.Wallet", "Redress.Migrations" },
    };

    [Theory]
    [MemberData(nameof(ForbiddenDependencies))]
    public void A_module_does_not_depend_on_another_module(string module, string forbidden)
    {
        var assembly = new[] { s_sharedKernel, s_access, s_complaints, s_notifications, s_wallet }.Single(a => a.GetName().Name == module);
        var result = Types.InAssembly(assembly).ShouldNot().HaveDependencyOn(forbidden).GetResult();
        Assert.True(result.IsSuccessful, $"{module} depends on {forbidden}: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }

    [Fact]
    public void Module_databases_and_entities_stay_inside_their_module()
    {
        // A DbContext may be public so handlers can take it, but its entity types must not leak.
        foreach (var assembly in new[] { s_access, s_complaints, s_notifications, s_wallet })
        {
            var leakingEntities = assembly.GetTypes()
                .Where(t => t.IsPublic && t.IsSubclassOf(typeof(DbContext)))
                .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance))
                .Where(p => p.PropertyType.IsGenericType && p.PropertyType.GetGenericTypeDefinition() == typeof(DbSet<>))
                .Select(p => p.PropertyType.GetGenericArguments()[0])
                .Where(entity => entity.Assembly == assembly && entity.IsPublic)
                .Select(entity => entity.FullName)
                .ToList();
            Assert.Empty(leakingEntities);
        }
    }

    [Fact]
    public void Complaint_aggregate_and_timeline_are_internal()
    {
        var publicDomainTypes = Types.InAssembly(s_complaints)
            .That().HaveName("Complaint").Or().HaveName("TimelineEvent").Or().HaveNameEndingWith("Configuration")
            .Should().NotBePublic()
            .GetResult();
        Assert.True(publicDomainTypes.IsSuccessful, string.Join(", ", publicDomainTypes.FailingTypeNames ?? []));
    }

    [Fact]
    public void Handlers_live_in_a_features_namespace()
    {
        var result = Types.InAssemblies([s_access, s_complaints, s_notifications, s_wallet])
            .That().HaveNameEndingWith("Handler")
            .Should().ResideInNamespaceEndingWith(".Features")
            .GetResult();
        Assert.True(result.IsSuccessful, string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void Only_the_hosts_reference_the_migration_assemblies()
    {
        foreach (var assembly in new[] { s_sharedKernel, s_access, s_complaints, s_notifications, s_wallet })
        {
            Assert.DoesNotContain(assembly.GetReferencedAssemblies(), reference => reference.Name!.StartsWith("Redress.Migrations", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Ledger_entities_are_internal()
    {
        var result = Types.InAssembly(s_wallet)
            .That().HaveName("WalletAccount").Or().HaveName("WalletTransaction").Or().HaveName("JournalEntry").Or().HaveName("Posting")
            .Or().HaveName("IdempotencyRecord").Or().HaveName("FundingSource").Or().HaveNameEndingWith("Configuration")
            .Should().NotBePublic()
            .GetResult();
        Assert.True(result.IsSuccessful, string.Join(", ", result.FailingTypeNames ?? []));
    }
}
