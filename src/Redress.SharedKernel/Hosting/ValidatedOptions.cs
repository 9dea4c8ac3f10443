using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Redress.SharedKernel.Hosting;

/// <summary>
/// Binds a configuration section and checks it when the host starts, so a wrong setting stops the start with a
/// message naming its key (<c>SlaMonitor:PollInterval: ...</c>) instead of surfacing later in a worker or a request.
/// Rules are data annotations on the options class; nested sections marked <see cref="ValidateObjectMembersAttribute"/>
/// are checked too.
/// </summary>
public static class ValidatedOptions
{
    public static OptionsBuilder<TOptions> AddValidatedOptions<TOptions>(this IServiceCollection services, string sectionName)
        where TOptions : class
    {
        services.AddSingleton<IValidateOptions<TOptions>>(new SectionValidator<TOptions>(sectionName));
        return services.AddOptions<TOptions>().BindConfiguration(sectionName).ValidateOnStart();
    }

    /// <summary>The same, bound to the section of a configuration the caller holds (hosts built without one in DI).</summary>
    public static OptionsBuilder<TOptions> AddValidatedOptions<TOptions>(this IServiceCollection services, IConfiguration configuration, string sectionName)
        where TOptions : class
    {
        services.AddSingleton<IValidateOptions<TOptions>>(new SectionValidator<TOptions>(sectionName));
        return services.AddOptions<TOptions>().Bind(configuration.GetSection(sectionName)).ValidateOnStart();
    }

    /// <summary>Every rule <paramref name="options"/> breaks, each as "<c>Section:Key: message</c>".</summary>
    public static IReadOnlyList<string> Check(object options, string sectionName)
    {
        var failures = new List<string>();
        Collect(options, sectionName, failures);
        return failures;
    }

    private static void Collect(object options, string path, List<string> failures)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        foreach (var result in results)
        {
            var members = result.MemberNames.Any() ? result.MemberNames : [string.Empty];
            failures.AddRange(members.Select(member => $"{path}{(member.Length > 0 ? ":" + member : string.Empty)}: {result.ErrorMessage}"));
        }

        foreach (var property in options.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetCustomAttribute<ValidateObjectMembersAttribute>() is not null && property.GetValue(options) is { } nested)
            {
                Collect(nested, $"{path}:{property.Name}", failures);
            }
        }
    }

    private sealed class SectionValidator<TOptions>(string sectionName) : IValidateOptions<TOptions>
        where TOptions : class
    {
        public ValidateOptionsResult Validate(string? name, TOptions options)
        {
            var failures = Check(options, sectionName);
            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
        }
    }
}
