namespace Redress.SharedKernel.Demo;

/// <summary>
/// The <c>Demo</c> configuration section. Demo accounts have published passwords, so they may exist only in the
/// embedded demo (Development environment); hosts refuse to seed them under any production configuration.
/// </summary>
public sealed class DemoSettings
{
    public const string SectionName = "Demo";

    public bool Enabled { get; set; }

    /// <summary>Password shared by every demo account; printed at start-up in demo mode.</summary>
    public string Password { get; set; } = "Redress-demo-2026";
}
