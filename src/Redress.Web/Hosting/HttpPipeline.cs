using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Redress.SharedKernel.Persistence;
using Redress.SharedKernel.Security;

namespace Redress.Web.Hosting;

internal static class HttpPipeline
{
    /// <summary>JSON bodies of the API are small; anything larger is refused before it is read.</summary>
    public const long ApiBodyLimitBytes = 64 * 1024;

    public static IServiceCollection AddRedressRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var signInPerMinute = configuration.GetValue("RateLimits:SignInPerMinute", 20);
        var intakePerMinute = configuration.GetValue("RateLimits:IntakePerMinute", 10);
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy("sign-in", context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "local",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = signInPerMinute, Window = TimeSpan.FromMinutes(1) }));
            options.AddPolicy("intake", context => RateLimitPartition.GetFixedWindowLimiter(
                Actor.FromPrincipal(context.User)?.UserId.ToString() ?? context.Connection.RemoteIpAddress?.ToString() ?? "anonymous",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = intakePerMinute, Window = TimeSpan.FromMinutes(1) }));
            options.OnRejected = async (context, cancellationToken) =>
            {
                var problems = context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>();
                await problems.WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context.HttpContext,
                    ProblemDetails = { Status = StatusCodes.Status429TooManyRequests, Title = "Too many requests.", Detail = "Wait a minute and try again." },
                });
            };
        });
        return services;
    }

    public static IServiceCollection AddRedressHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
        return services;
    }

    public static void MapRedressHealthChecks(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).WithTags("Health");
        endpoints.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") }).WithTags("Health");
    }

    public static IApplicationBuilder UseRequestBodyLimits(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            // Endpoints that declare their own limit (file uploads) get it from routing instead.
            if (!context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
                || context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>() is not null)
            {
                return next(context);
            }

            // A declared length is refused before reading; a chunked body is cut off by the server while it reads.
            if (context.Request.ContentLength > ApiBodyLimitBytes)
            {
                throw new BadHttpRequestException("Request body too large.", StatusCodes.Status413PayloadTooLarge);
            }

            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            {
                limit.MaxRequestBodySize = ApiBodyLimitBytes;
            }

            return next(context);
        });

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            // The API reference page runs its own inline scripts; every other page is served under a strict policy.
            if (!context.Request.Path.StartsWithSegments("/api/reference", StringComparison.OrdinalIgnoreCase))
            {
                headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; style-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'";
            }

            return next(context);
        });
}

/// <summary>Ready only when every module's database answers.</summary>
internal sealed class DatabaseHealthCheck(IEnumerable<IModuleDatabase> databases) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        foreach (var database in databases)
        {
            if (!await database.CanConnectAsync(cancellationToken))
            {
                return HealthCheckResult.Unhealthy($"The {database.Module} database does not answer.");
            }
        }

        return HealthCheckResult.Healthy();
    }
}
