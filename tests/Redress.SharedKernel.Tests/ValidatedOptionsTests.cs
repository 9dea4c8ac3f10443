using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Redress.SharedKernel.Hosting;

namespace Redress.SharedKernel.Tests;

public sealed class ValidatedOptionsTests
{
    [Fact]
    public void Each_broken_rule_names_its_configuration_key()
    {
        using var services = Build(new() { ["Worker:BatchSize"] = "0", ["Worker:Mail:Port"] = "0", ["Worker:PollInterval"] = "00:00:30" });

        var failure = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<WorkerOptions>>().Value);

        Assert.Equal(2, failure.Failures.Count());
        Assert.Contains(failure.Failures, f => f.StartsWith("Worker:BatchSize: ", StringComparison.Ordinal));
        Assert.Contains(failure.Failures, f => f.StartsWith("Worker:Mail:Port: ", StringComparison.Ordinal));
    }

    [Fact]
    public void Valid_settings_bind()
    {
        using var services = Build(new() { ["Worker:BatchSize"] = "7" });

        var options = services.GetRequiredService<IOptions<WorkerOptions>>().Value;

        Assert.Equal(7, options.BatchSize);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddValidatedOptions<WorkerOptions>(configuration, "Worker");
        return services.BuildServiceProvider();
    }

    public sealed class WorkerOptions
    {
        [Range(1, 100)]
        public int BatchSize { get; set; } = 10;

        [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
        public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

        [ValidateObjectMembers]
        public MailOptions Mail { get; set; } = new();
    }

    public sealed class MailOptions
    {
        [Range(1, 65_535)]
        public int Port { get; set; } = 25;
    }
}
