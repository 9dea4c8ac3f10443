using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Redress.Access.Data;
using Redress.Access.Features;
using Redress.SharedKernel.Demo;
using Redress.SharedKernel.People;
using Redress.SharedKernel.Persistence;
using Redress.SharedKernel.Security;

namespace Redress.Access;

public static class AccessModule
{
    /// <summary>The default scheme: bearer when the request carries a bearer token, else the sign-in cookie.</summary>
    public const string CookieOrBearerScheme = "Redress.CookieOrBearer";

    /// <summary>Users, roles and their store: enough for the CLI. The web host adds <see cref="AddAccessAuthentication"/>.</summary>
    public static IServiceCollection AddAccessData(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddDbContext<AccessDbContext>((provider, options) =>
            options.UseRedressDatabase(provider.GetRequiredService<IOptions<DatabaseSettings>>().Value, "access"));
        services.AddModuleDatabase<AccessDbContext>("access");

        services.AddIdentityCore<RedressUser>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 10;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = configuration.GetValue("Access:MaxFailedSignIns", 5);
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(configuration.GetValue("Access:LockoutMinutes", 15));
            })
            .AddRoles<IdentityRole<Guid>>()
            .AddEntityFrameworkStores<AccessDbContext>()
            .AddClaimsPrincipalFactory<RedressClaimsFactory>();

        services.AddScoped<IUserDirectory, UserDirectory>();
        services.AddScoped<IDemoSeeder, DemoUsersSeeder>();
        return services;
    }

    /// <summary>Cookie sign-in for pages, bearer tokens for the API, and the role policies.</summary>
    public static IServiceCollection AddAccessAuthentication(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment, TimeProvider time)
    {
        var certificate = KeyRingCertificate.Load(
            configuration.GetSection(KeyRingCertificateSettings.SectionName).Get<KeyRingCertificateSettings>() ?? new KeyRingCertificateSettings(),
            configuration.GetSection(DatabaseSettings.SectionName).Get<DatabaseSettings>()?.DataDirectory ?? new DatabaseSettings().DataDirectory,
            environment,
            time);
        services.AddDataProtection().SetApplicationName("Redress").PersistKeysToDbContext<AccessDbContext>().ProtectKeysWithCertificate(certificate);

        // Signing in needs HTTP authentication and data protection, which only the web host has.
        new IdentityBuilder(typeof(RedressUser), typeof(IdentityRole<Guid>), services)
            .AddSignInManager()
            .AddDefaultTokenProviders();
        services.AddAuthentication(options =>
            {
                options.DefaultScheme = CookieOrBearerScheme;
                options.DefaultChallengeScheme = CookieOrBearerScheme;
            })
            .AddPolicyScheme(CookieOrBearerScheme, "Cookie or bearer token", options =>
                options.ForwardDefaultSelector = context =>
                    context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                        ? IdentityConstants.BearerScheme
                        : IdentityConstants.ApplicationScheme)
            .AddBearerToken(IdentityConstants.BearerScheme, options => options.BearerTokenExpiration = TimeSpan.FromHours(1))
            .AddIdentityCookies();

        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/signin";
            options.LogoutPath = "/signout";
            options.AccessDeniedPath = "/forbidden";
            options.Cookie.Name = "redress.auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
            // An API client gets a status code, not a redirect to an HTML page.
            options.Events.OnRedirectToLogin = context => RedirectOrStatus(context, StatusCodes.Status401Unauthorized);
            options.Events.OnRedirectToAccessDenied = context => RedirectOrStatus(context, StatusCodes.Status403Forbidden);
        });

        services.AddAuthorizationBuilder()
            .AddPolicy(RedressPolicies.SignedIn, policy => policy.RequireAuthenticatedUser())
            .AddPolicy(RedressPolicies.Customer, policy => policy.RequireRole(RedressRoles.Customer))
            .AddPolicy(RedressPolicies.CaseWorker, policy => policy.RequireRole([.. RedressRoles.CaseWorkers]))
            .AddPolicy(RedressPolicies.Compliance, policy => policy.RequireRole(RedressRoles.ComplianceOfficer));
        return services;
    }

    public static IEndpointRouteBuilder MapAccessApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/auth").WithTags("Sign-in");
        group.MapIssueToken();
        group.MapCurrentUser();
        return endpoints;
    }

    private static Task RedirectOrStatus(RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.StatusCode = status;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }

        return Task.CompletedTask;
    }
}
