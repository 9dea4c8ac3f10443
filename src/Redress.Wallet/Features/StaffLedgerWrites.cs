using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Redress.SharedKernel;
using Redress.SharedKernel.Http;
using Redress.SharedKernel.Ledger;
using Redress.SharedKernel.Security;

namespace Redress.Wallet.Features;

/// <summary>
/// A money movement as a supervisor proposes it over HTTP: a decimal amount in a currency, and a reason the customer sees.
/// Refunds and compensation need the amount and currency; a fee reversal takes neither (it reverses the whole fee).
/// </summary>
public sealed record MoneyRemedyRequest(decimal? Amount, string? Currency, [Required] string? Reason);

public sealed record AccountActionRequest([Required] string? Reason);

/// <summary>Why a supervisor turns a proposal down.</summary>
public sealed record RejectStaffOperationRequest([Required] string? Reason);

/// <summary>
/// Supervisors' HTTP route to the ledger. Refunds, compensation credits and fee reversals are proposals that a second
/// supervisor approves before any money moves (ADR 23); freeze and unfreeze move no money and call
/// <see cref="ILedger"/> directly. Every write is under the <c>Idempotency-Key</c> header.
/// </summary>
internal static class StaffLedgerWrites
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    public static void MapStaffLedgerWrites(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/wallets")
            .WithTags("Wallet")
            .RequireAuthorization(policy => policy.RequireRole(RedressRoles.Supervisor))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/transactions/{reference}/refunds", RefundAsync).WithName("ProposeRefund").WithSummary("Propose a refund of a debit in full or in part; another supervisor approves it");
        group.MapPost("/accounts/{accountId:guid}/compensation", CompensateAsync).WithName("ProposeCompensation").WithSummary("Propose a compensation credit to a wallet; another supervisor approves it");
        group.MapPost("/transactions/{reference}/fee-reversal", ReverseFeeAsync).WithName("ProposeFeeReversal").WithSummary("Propose returning a fee in full; another supervisor approves it");
        group.MapPost("/accounts/{accountId:guid}/freeze", FreezeAsync).WithName("FreezeWallet").WithSummary("Stop money leaving a wallet");
        group.MapPost("/accounts/{accountId:guid}/unfreeze", UnfreezeAsync).WithName("UnfreezeWallet").WithSummary("Let money leave a wallet again");

        var operations = group.MapGroup("/operations");
        operations.MapGet("/", ListAsync).WithName("ListStaffLedgerOperations").WithSummary("Staff ledger operations newest first, by state (pending, executing, executed, failed, rejected)");
        operations.MapGet("/{id:long}", GetAsync).WithName("GetStaffLedgerOperation").WithSummary("One staff ledger operation with its audit trail");
        operations.MapPost("/{id:long}/approve", ApproveAsync).WithName("ApproveStaffLedgerOperation").WithSummary("A supervisor other than the proposer approves, and the ledger pays exactly once")
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        operations.MapPost("/{id:long}/retry", RetryAsync).WithName("RetryStaffLedgerOperation").WithSummary("Ask the ledger again for an approved operation it gave no answer for; pays at most once")
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        operations.MapPost("/{id:long}/reject", RejectAsync).WithName("RejectStaffLedgerOperation").WithSummary("Turn a pending operation down; nothing moves");
    }

    private static Task<Results<Accepted<StaffOperationView>, ProblemHttpResult>> RefundAsync(
        string reference, MoneyRemedyRequest request, [FromHeader(Name = IdempotencyKeyHeader)] string? key,
        HttpContext context, StaffLedgerOperations operations, CancellationToken cancellationToken) =>
        ProposeAsync(context, operations, new StaffProposal(StaffOperationKind.Refund, reference, null, request.Amount, request.Currency, request.Reason, key), cancellationToken);

    private static Task<Results<Accepted<StaffOperationView>, ProblemHttpResult>> CompensateAsync(
        Guid accountId, MoneyRemedyRequest request, [FromHeader(Name = IdempotencyKeyHeader)] string? key,
        HttpContext context, StaffLedgerOperations operations, CancellationToken cancellationToken) =>
        ProposeAsync(context, operations, new StaffProposal(StaffOperationKind.Compensation, null, accountId, request.Amount, request.Currency, request.Reason, key), cancellationToken);

    private static Task<Results<Accepted<StaffOperationView>, ProblemHttpResult>> ReverseFeeAsync(
        string reference, AccountActionRequest request, [FromHeader(Name = IdempotencyKeyHeader)] string? key,
        HttpContext context, StaffLedgerOperations operations, CancellationToken cancellationToken) =>
        ProposeAsync(context, operations, new StaffProposal(StaffOperationKind.FeeReversal, reference, null, null, null, request.Reason, key), cancellationToken);

    private static async Task<Results<Accepted<StaffOperationView>, ProblemHttpResult>> ProposeAsync(
        HttpContext context, StaffLedgerOperations operations, StaffProposal proposal, CancellationToken cancellationToken)
    {
        var result = await operations.ProposeAsync(Actor.FromPrincipal(context.User)!, proposal, cancellationToken);
        return result.IsSuccess
            ? TypedResults.Accepted($"/api/wallets/operations/{result.Value.Id}", result.Value)
            : result.Error.ToProblem();
    }

    private static async Task<Results<Ok<Page<StaffOperationView>>, ProblemHttpResult>> ListAsync(
        StaffLedgerOperations operations, CancellationToken cancellationToken, string? state = null, string? cursor = null, int? limit = null) =>
        Answer(await operations.ListAsync(state, cursor, limit, cancellationToken));

    private static async Task<Results<Ok<StaffOperationView>, ProblemHttpResult>> GetAsync(long id, StaffLedgerOperations operations, CancellationToken cancellationToken) =>
        Answer(await operations.GetAsync(id, cancellationToken));

    private static async Task<Results<Ok<StaffOperationView>, ProblemHttpResult>> ApproveAsync(
        long id, HttpContext context, StaffLedgerOperations operations, CancellationToken cancellationToken) =>
        Answer(await operations.ApproveAsync(Actor.FromPrincipal(context.User)!, id, cancellationToken));

    private static async Task<Results<Ok<StaffOperationView>, ProblemHttpResult>> RetryAsync(
        long id, HttpContext context, StaffLedgerOperations operations, CancellationToken cancellationToken) =>
        Answer(await operations.RetryAsync(Actor.FromPrincipal(context.User)!, id, cancellationToken));

    private static async Task<Results<Ok<StaffOperationView>, ProblemHttpResult>> RejectAsync(
        long id, RejectStaffOperationRequest request, HttpContext context, StaffLedgerOperations operations, CancellationToken cancellationToken) =>
        Answer(await operations.RejectAsync(Actor.FromPrincipal(context.User)!, id, request.Reason, cancellationToken));

    private static async Task<Results<Ok<LedgerAccountView>, ProblemHttpResult>> FreezeAsync(
        Guid accountId, AccountActionRequest request, [FromHeader(Name = IdempotencyKeyHeader)] string? key, ILedger ledger, CancellationToken cancellationToken) =>
        Answer(await ledger.FreezeAsync(new AccountStatusRequest(key ?? string.Empty, accountId, request.Reason ?? string.Empty), cancellationToken));

    private static async Task<Results<Ok<LedgerAccountView>, ProblemHttpResult>> UnfreezeAsync(
        Guid accountId, AccountActionRequest request, [FromHeader(Name = IdempotencyKeyHeader)] string? key, ILedger ledger, CancellationToken cancellationToken) =>
        Answer(await ledger.UnfreezeAsync(new AccountStatusRequest(key ?? string.Empty, accountId, request.Reason ?? string.Empty), cancellationToken));

    private static Results<Ok<T>, ProblemHttpResult> Answer<T>(Result<T> result) => result.ToHttp();

    private static Results<Ok<LedgerAccountView>, ProblemHttpResult> Answer(Result<LedgerAccount> result) =>
        result.IsSuccess ? TypedResults.Ok(result.Value.ToView()) : result.Error.ToProblem();
}
