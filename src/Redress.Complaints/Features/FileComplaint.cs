using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Redress.Complaints.Data;
using Redress.Complaints.Deadlines;
using Redress.Complaints.Resources;
using Redress.SharedKernel;
using Redress.SharedKernel.Http;
using Redress.SharedKernel.Security;

namespace Redress.Complaints.Features;

/// <summary>What a customer sends to file a complaint. Amount and currency go together.</summary>
/// <remarks>Nullable here so that a missing field reaches validation, which names it; the API contract marks the required ones.</remarks>
public sealed record FileComplaintRequest(
    [Required, EnumDataType(typeof(ComplaintCategory))] string? Category,
    [Required] string? Description,
    [Required] DateTimeOffset? OccurredAt,
    string? TransactionReference,
    decimal? Amount,
    string? Currency,
    [Required] string? DesiredOutcome,
    bool? FreezeWallet = null);

/// <summary>Files a complaint for the signed-in customer: validates, numbers, and stores it with its first timeline entry in one transaction.</summary>
public sealed partial class FileComplaintHandler(
    ComplaintsDbContext db,
    TimeProvider time,
    DeadlineClock clock,
    IStringLocalizer<ComplaintMessages> text,
    WalletFreezeHandler freezes,
    IOptions<AutoResolutionOptions> autoResolution,
    ILogger<FileComplaintHandler> logger)
{
    public const int DescriptionMinLength = 10;
    private const int MaxYearsBack = 6;
    private const int NumberAttempts = 3;
    private static readonly TimeSpan s_clockSkew = TimeSpan.FromMinutes(5);

    public async Task<Result<ComplaintDetails>> HandleAsync(Actor customer, FileComplaintRequest request, ComplaintChannel channel, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var validated = Validate(request, now);
        if (!validated.IsSuccess)
        {
            return validated.Error;
        }

        // One connection for the insert and the duplicate lookup after it: opening is not free (a pool round trip
        // and, on SQLite, the connection's PRAGMAs), and filing is the hottest write path there is.
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            return await FileAsync(customer, request, validated.Value, channel, now, cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task<Result<ComplaintDetails>> FileAsync(
        Actor customer, FileComplaintRequest request, ValidComplaint valid, ComplaintChannel channel, DateTimeOffset now, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var number = ComplaintNumber.New();
            var complaint = Complaint.File(valid, customer, channel, number, now);
            await clock.StartAsync(complaint, cancellationToken);
            if (autoResolution.Value.For(complaint.Jurisdiction) is not null)
            {
                // Only marked here; the worker asks the ledger, so filing stays fast and works while the ledger is down.
                complaint.ScheduleAutoCheck(now);
            }

            db.Complaints.Add(complaint);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                var details = complaint.ToDetails(customer, complaint.Timeline, complaint.Messages, now, CaseHandlingOptions.Default, []);
                LogFiled(logger, details.Number, complaint.Category, channel);
                if (request.FreezeWallet == true)
                {
                    // Filed first, so that the complaint stands even if the ledger is unreachable; the freeze outcome is on its timeline.
                    var frozen = await freezes.ChangeAsync(customer, details.Number, freeze: true, cancellationToken);
                    details = frozen.IsSuccess ? frozen.Value : details;
                }

                return details with { PossibleDuplicateOf = await OpenDuplicateAsync(complaint, cancellationToken) };
            }
            catch (DbUpdateException) when (attempt < NumberAttempts)
            {
                // Forty random bits rarely collide, but when they do the customer still gets a complaint, under another number.
                if (!await NumberTakenAsync(number, cancellationToken))
                {
                    throw;
                }
            }
        }
    }

    internal Result<ValidComplaint> Validate(FileComplaintRequest request, DateTimeOffset now)
    {
        var errors = new ValidationErrors();

        ComplaintCategory category = default;
        if (string.IsNullOrWhiteSpace(request.Category))
        {
            errors.Add("category", text["CategoryRequired"]);
        }
        else if (!TryParseCategory(request.Category, out category))
        {
            errors.Add("category", text["CategoryUnknown", string.Join(", ", Enum.GetNames<ComplaintCategory>())]);
        }

        var description = errors.CheckText(text, "description", request.Description, ComplaintConfiguration.DescriptionMaxLength, "DescriptionRequired");
        if (description is not null && description.Length < DescriptionMinLength)
        {
            errors.Add("description", text["DescriptionTooShort", DescriptionMinLength]);
        }

        var desiredOutcome = errors.CheckText(text, "desiredOutcome", request.DesiredOutcome, ComplaintConfiguration.DesiredOutcomeMaxLength, "DesiredOutcomeRequired");

        if (request.OccurredAt is not { } occurredAt)
        {
            errors.Add("occurredAt", text["OccurredAtRequired"]);
        }
        else if (occurredAt > now + s_clockSkew)
        {
            errors.Add("occurredAt", text["OccurredAtInFuture"]);
        }
        else if (occurredAt < now.AddYears(-MaxYearsBack))
        {
            errors.Add("occurredAt", text["OccurredAtTooOld", MaxYearsBack]);
        }

        var reference = string.IsNullOrWhiteSpace(request.TransactionReference) ? null : request.TransactionReference.Trim();
        if (reference is not null && !IsTransactionReference(reference))
        {
            errors.Add("transactionReference", text["TransactionReferenceInvalid", ComplaintConfiguration.TransactionReferenceMaxLength]);
        }

        var amount = CheckAmount(errors, request.Amount, request.Currency);
        if (request.FreezeWallet == true && category != ComplaintCategory.AccountSecurity)
        {
            errors.Add("freezeWallet", text["FreezeOnlyForAccountSecurity"]);
        }

        if (errors.Any)
        {
            return errors.ToError();
        }

        return new ValidComplaint(category, description!, desiredOutcome!, request.OccurredAt!.Value.ToUniversalTime(), reference, amount);
    }

    private Money? CheckAmount(ValidationErrors errors, decimal? value, string? currencyCode)
    {
        var hasCurrency = !string.IsNullOrWhiteSpace(currencyCode);
        Currency? currency = null;
        if (hasCurrency && !Currency.TryFind(currencyCode, out currency))
        {
            errors.Add("currency", text["CurrencyUnknown", currencyCode!.Trim()]);
        }

        if (value is not { } amount)
        {
            if (hasCurrency)
            {
                errors.Add("amount", text["CurrencyWithoutAmount"]);
            }

            return null;
        }

        if (amount <= 0)
        {
            errors.Add("amount", text["AmountNotPositive"]);
            return null;
        }

        if (!hasCurrency)
        {
            errors.Add("currency", text["AmountWithoutCurrency"]);
            return null;
        }

        if (currency is not { } known)
        {
            return null;
        }

        if (amount > 1_000_000_000_000m)
        {
            errors.Add("amount", text["AmountTooLarge"]);
            return null;
        }

        if (!Money.TryFromDecimal(amount, known, out var money))
        {
            errors.Add("amount", text["AmountTooPrecise", known.Code, known.MinorUnits]);
            return null;
        }

        return money;
    }

    internal static bool TryParseCategory(string? value, out ComplaintCategory category) =>
        Enum.TryParse(value?.Trim(), ignoreCase: true, out category) && Enum.IsDefined(category) && !int.TryParse(value, out _);

    private static bool IsTransactionReference(string reference) =>
        reference.Length <= ComplaintConfiguration.TransactionReferenceMaxLength
        && reference.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    /// <summary>Another open complaint of the same customer about the same transaction, which the customer may prefer to add to.</summary>
    private async Task<string?> OpenDuplicateAsync(Complaint complaint, CancellationToken cancellationToken)
    {
        if (complaint.TransactionReference is null)
        {
            return null;
        }

        var existing = await db.Complaints.AsNoTracking()
            .Where(c => c.CustomerId == complaint.CustomerId && c.TransactionReference == complaint.TransactionReference
                && c.Id != complaint.Id && CaseRules.OpenStages.Contains(c.Stage))
            .OrderBy(c => c.Id)
            .Select(c => c.Number)
            .FirstOrDefaultAsync(cancellationToken);
        return existing is null ? null : ComplaintProjections.DisplayNumber(existing);
    }

    private Task<bool> NumberTakenAsync(ComplaintNumber number, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        return db.Complaints.AnyAsync(c => c.Number == number.Value, cancellationToken);
    }

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Complaint {ComplaintNumber} filed in category {Category} via {Channel}")]
    private static partial void LogFiled(ILogger logger, string complaintNumber, ComplaintCategory category, ComplaintChannel channel);
}

internal static class FileComplaintEndpoint
{
    public static void MapFileComplaint(this RouteGroupBuilder group) =>
        group.MapPost("/", HandleAsync)
            .RequireAuthorization(RedressPolicies.Customer)
            .RequireRateLimiting("intake")
            .WithName("FileComplaint")
            .WithSummary("File a complaint as the signed-in customer")
            .Accepts<FileComplaintRequest>("application/json")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

    private static async Task<Results<Created<ComplaintDetails>, ProblemHttpResult>> HandleAsync(
        FileComplaintRequest request, HttpContext context, FileComplaintHandler handler, CancellationToken cancellationToken)
    {
        var actor = Actor.FromPrincipal(context.User)!;
        var result = await handler.HandleAsync(actor, request, ComplaintChannel.InApp, cancellationToken);
        return result.IsSuccess
            ? TypedResults.Created($"/api/complaints/{result.Value.Number}", result.Value)
            : result.Error.ToProblem();
    }
}
