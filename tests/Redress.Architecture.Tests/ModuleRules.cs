using System.Reflection;
using Microsoft.EntityFrameworkCore;
using NetArchTest.Rules;

namespace Redress.Architecture.Tests;

/// <summary>
/// The rules the architecture tests apply, written as functions of an assembly so each one can also be run on a
/// deliberate violation (see <c>Violations/</c>) and be seen to fail.
/// </summary>
internal static class ModuleRules
{
    private static readonly string[] s_notModules = ["Redress.SharedKernel", "Redress.Web", "Redress.Client"];

    /// <summary>
    /// Every module the hosts load, found by convention: a product assembly that is not the shared kernel, a host,
    /// the generated client or a migrations assembly. A new module joins every rule without editing a test.
    /// </summary>
    public static IReadOnlyList<Assembly> Modules { get; } =
        [.. LogEventIdTests.ProductAssemblies()
            .Where(a => a.GetName().Name is { } name
                && name.StartsWith("Redress.", StringComparison.Ordinal)
                && !s_notModules.Contains(name)
                && !name.StartsWith("Redress.Migrations", StringComparison.Ordinal))
            .OrderBy(a => a.GetName().Name, StringComparer.Ordinal)];

    public static Assembly SharedKernel { get; } = LogEventIdTests.ProductAssemblies().Single(a => a.GetName().Name == "Redress.SharedKernel");

    /// <summary>Names of the assemblies among <paramref name="forbidden"/> that <paramref name="assembly"/> references or whose namespaces its types use.</summary>
    public static IReadOnlyList<string> ForbiddenDependencies(Assembly assembly, IEnumerable<string> forbidden)
    {
        var found = new List<string>();
        foreach (var name in forbidden)
        {
            var referenced = assembly.GetReferencedAssemblies().Any(r => r.Name == name);
            // The operator tool's assembly is "redress"; its namespace is Redress.Cli (a bare "redress" would match every namespace).
            var used = Types.InAssembly(assembly).ShouldNot().HaveDependencyOn(name == "redress" ? "Redress.Cli" : name).GetResult();
            if (referenced || !used.IsSuccessful)
            {
                found.Add($"{assembly.GetName().Name} -> {name}: {string.Join(", ", used.FailingTypeNames ?? [])}");
            }
        }

        return found;
    }

    /// <summary>
    /// Entities that are public on purpose. The Identity user is the access module's contract with the hosts: the
    /// web host's sign-in and the operator tool's create-user go through Identity's managers, which are typed by it.
    /// </summary>
    private static readonly string[] s_publicEntitiesByDesign = ["Redress.Access.RedressUser"];

    /// <summary>
    /// Entity types a module's database maps that are public (other than <see cref="s_publicEntitiesByDesign"/>). Every <c>DbSet</c> is looked at, whatever its own
    /// visibility: the sets are internal, and the entities must be too.
    /// </summary>
    public static IReadOnlyList<string> PublicEntities(Assembly assembly) =>
        [.. assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(DbContext)))
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance))
            .Where(p => p.PropertyType.IsGenericType && p.PropertyType.GetGenericTypeDefinition() == typeof(DbSet<>))
            .Select(p => p.PropertyType.GetGenericArguments()[0])
            .Where(entity => entity.Assembly == assembly && entity.IsVisible)
            .Select(entity => entity.FullName!)
            .Where(name => !s_publicEntitiesByDesign.Contains(name))
            .Distinct()
            .Order(StringComparer.Ordinal)];

    /// <summary>The number of entity types found behind the module's sets, to show the rule above looks at something.</summary>
    public static int EntityCount(Assembly assembly) =>
        assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(DbContext)))
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance))
            .Count(p => p.PropertyType.IsGenericType && p.PropertyType.GetGenericTypeDefinition() == typeof(DbSet<>));

    /// <summary>Types named <c>*Handler</c> outside a <c>.Features</c> namespace.</summary>
    public static IReadOnlyList<string> HandlersOutsideFeatures(Assembly assembly, string? inNamespace = null)
    {
        var types = Types.InAssembly(assembly).That();
        var selection = inNamespace is null
            ? types.HaveNameEndingWith("Handler")
            : types.ResideInNamespaceStartingWith(inNamespace).And().HaveNameEndingWith("Handler");
        var result = selection.Should().ResideInNamespaceEndingWith(".Features").GetResult();
        return [.. result.FailingTypeNames ?? []];
    }

    /// <summary>The public surface of an assembly: every visible type, by full name, sorted.</summary>
    public static IReadOnlyList<string> PublicTypes(Assembly assembly, string? inNamespace = null) =>
        [.. assembly.GetExportedTypes()
            .Where(t => inNamespace is null || (t.Namespace ?? string.Empty).StartsWith(inNamespace, StringComparison.Ordinal))
            .Select(t => t.FullName!.Replace('+', '.'))
            .Order(StringComparer.Ordinal)];
}
