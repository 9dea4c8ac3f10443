namespace Redress.SharedKernel.Demo;

/// <summary>A customer created by the demo seed, handed to later seeders so they can give it data.</summary>
public sealed record DemoCustomer(Guid UserId, string Email, string DisplayName, string Jurisdiction, string Culture);

/// <summary>A member of staff created by the demo seed, with their role.</summary>
public sealed record DemoStaffMember(Guid UserId, string Email, string Role);

/// <summary>What earlier seeders produced; later seeders read it.</summary>
public sealed class DemoSeedContext
{
    public List<DemoCustomer> Customers { get; } = [];

    public List<DemoStaffMember> Staff { get; } = [];
}

/// <summary>Seeds one module's demo data. Seeders run by <see cref="Order"/> and must be safe to run twice.</summary>
public interface IDemoSeeder
{
    int Order { get; }

    Task SeedAsync(DemoSeedContext context, CancellationToken cancellationToken);
}
