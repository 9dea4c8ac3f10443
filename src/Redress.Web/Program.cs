using Redress.Access;
using Redress.Calendars;
using Redress.Complaints;
using Redress.Notifications;
using Redress.SharedKernel.Hosting;
using Redress.Wallet;
using Redress.Web.Components;
using Redress.Web.Components.Pages.Account;
using Redress.Web.Components.Pages.Inbox;
using Redress.Web.Errors;
using Redress.Web.Hosting;
using Redress.Web.Localization;
using Scalar.AspNetCore;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddRedressPlatform(builder.Configuration);
// First hosted service: migrations must run before data protection's start-up reads the key ring from the database.
builder.Services.AddHostedService<StartupTasks>();
builder.Services.AddAccessData(builder.Configuration);
builder.Services.AddAccessAuthentication(builder.Configuration, builder.Environment, TimeProvider.System);
builder.Services.AddComplaints();
builder.Services.AddCalendars();
builder.Services.AddNotifications(builder.Configuration);
builder.Services.AddWallet();

builder.Services.AddRedressErrors();
builder.Services.AddRedressRateLimits(builder.Configuration);
builder.Services.AddRedressHealthChecks();
builder.Services.AddRedressOpenApi();
builder.Services.AddRazorComponents();
builder.Services.AddCascadingAuthenticationState();

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
// Pages explain an error status in a page of their own; the API keeps answering with problem details.
// Only for GET: a re-executed POST would reach the status page as a form post and be refused all over again.
app.UseWhen(
    context => (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
        && !context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase),
    pages => pages.UseStatusCodePagesWithReExecute("/status/{0}", createScopeForStatusCodePages: true));
// Routing after the re-execution above, so that the re-executed request finds the status page's endpoint.
app.UseRouting();
app.UseSecurityHeaders();
app.UseRequestBodyLimits();
app.UseRedressLocalization();
app.UseAuthentication();
app.UseRateLimiter();
app.UseAuthorization();
app.UseAntiforgery();

app.MapStaticAssets();
app.MapOpenApi("/openapi/{documentName}.json");
app.MapScalarApiReference("/api/reference", options => options.WithTitle("Redress API"));
app.MapRedressHealthChecks();
app.MapCultureSwitch();
app.MapAccessApi();
app.MapSignOut();
app.MapInboxForms();
app.MapComplaintsApi();
app.MapCalendarsApi();
app.MapNotificationsApi();
app.MapWalletApi();
app.MapRazorComponents<App>();

await app.RunAsync();

/// <summary>Entry point; public so that test hosts can start the real application.</summary>
public partial class Program;
