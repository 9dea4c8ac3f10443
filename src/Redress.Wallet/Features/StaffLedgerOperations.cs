using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.Extensions.Logging;
using Redress.SharedKernel;
using Redress.SharedKernel.Ledger;
using Redress.SharedKernel.Security;
using Redress.Wallet.Data;

namespace Redress.Wallet.Features;

/// <summary>A staff ledger operation as supervisors see it, with its audit trail when read one at a time.</summary>
public sealed record StaffOperationView(
    long Id,
    string Kind,
    string State,
    string? TransactionReference,
    Guid AccountId,
    AmountView Amount,
    string Reason,
    Guid ProposedById,
    DateTimeOffset ProposedAt,
    Guid? DecidedById,
    DateTimeOffset? DecidedAt,
    string? RejectionReason,
    string? LedgerReference,
    string? FailureCode,
    DateTimeOffset? CompletedAt)
{
    public IReadOnlyList<StaffAuditView>? Trail { get; init; }

    internal static StaffOperationView Of(StaffLedgerOperation o) => new(
        o.Id, o.Kind.ToString(), o.State.ToString(), o.TransactionReference, o.AccountId,
        AmountView.From(new Money(o.AmountMinor, Currency.From(o.Currency))), o.Reason, o.ProposedById, o.ProposedAt,
        o.DecidedById, o.DecidedAt, o.RejectionReason, o.LedgerReference, o.FailureCode, o.CompletedAt);
}

/// <summary>One audit entry: the step, who took it, when, and what it recorded.</summary>
public sealed record StaffAuditView(string Step, Guid ActorId, DateTimeOffset At, JsonElement Data);

/// <summary>A proposal as it arrives: which kind, its target (a reference or an account), the money and the reason.</summary>
internal sealed record StaffProposal(StaffOperationKind Kind, string? Reference, Guid? AccountId, decimal? Amount, string? Currency, string? Reason, string? IdempotencyKey);

/// <summary>
/// Staff money movements outside a complaint need two supervisors (ADR 23): one proposes, another approves, and only
/// the approval calls <see cref="ILedger"/>, under a key derived from the operation's id. Every step is appended to
/// <c>staff_ledger_audit</c> in the transaction that takes it.
/// </summary>
internal sealed partial class StaffLedgerOperations(LedgerWriter writer, ILedger ledger, ILogger<StaffLedgerOperations> logger)
{
    private WalletDbContext Db => writer.Db;

    public async Task<Result<StaffOperationView>> ProposeAsync(Actor actor, StaffProposal proposal, CancellationToken cancellationToken)
    {
        var text = writer.Text;
        var errors = new ValidationErrors();
        errors.CheckKey(text, proposal.IdempotencyKey);
        var reference = proposal.Kind == StaffOperationKind.Compensation ? null : errors.CheckReference(text, "reference", proposal.Reference);
        var money = proposal.Kind == StaffOperationKind.FeeReversal ? null : ParseMoney(errors, proposal.Amount, proposal.Currency);
        var reason = errors.CheckReason(text, proposal.Reason);
        if (errors.Any)
        {
            return errors.ToError();
        }

        var key = proposal.IdempotencyKey!;
        var hash = IdempotentWrite.Of(key, "staff-" + proposal.Kind, reference, proposal.AccountId, money?.MinorUnits, money?.Currency.Code, reason).RequestHash;
        if (await ReplayAsync(key, hash, cancellationToken) is { } replayed)
        {
            return replayed;
        }

        var target = await TargetAsync(proposal.Kind, reference, proposal.AccountId, money, cancellationToken);
        if (!target.IsSuccess)
        {
            return target.Error;
        }

        var (accountId, amount) = target.Value;
        var operation = StaffLedgerOperation.Propose(proposal.Kind, reference, accountId, amount.MinorUnits, amount.Currency.Code, reason!, key, hash, actor.UserId, writer.Now);
        await using var transaction = await Db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            Db.StaffOperations.Add(operation);
            await Db.SaveChangesAsync(cancellationToken);
            Db.StaffAudit.Add(StaffLedgerAuditEntry.Proposed(operation.Id, actor.UserId, writer.Now, new OperationProposed(
                operation.Kind.ToString(), reference, accountId, amount.MinorUnits, amount.Currency.Code, operation.Reason, key)));
            await Db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Most likely the same submit arrived twice at once and the other committed first: answer with its proposal.
            await transaction.RollbackAsync(CancellationToken.None);
            Db.ChangeTracker.Clear();
            return await ReplayAsync(key, hash, cancellationToken)
                ?? throw new InvalidOperationException("A staff operation failed to save and no other holds its idempotency key.");
        }

        Db.ChangeTracker.Clear();
        LogProposed(logger, operation.Id, operation.Kind, operation.AmountMinor, operation.Currency);
        return StaffOperationView.Of(operation);
    }

    public async Task<Result<StaffOperationView>> ApproveAsync(Actor actor, long id, CancellationToken cancellationToken)
    {
        var found = await FindForDecisionAsync(actor, id, StaffOperationState.Pending, cancellationToken);
        if (!found.IsSuccess)
        {
            return found.Error;
        }

        var now = writer.Now;
        var claimed = await MoveAsync(
            id,
            StaffOperationState.Pending,
            set => set.SetProperty(o => o.State, StaffOperationState.Executing).SetProperty(o => o.DecidedById, actor.UserId).SetProperty(o => o.DecidedAt, now),
            StaffLedgerAuditEntry.Approved(id, actor.UserId, now, new OperationApproved(StaffLedgerOperation.LedgerKeyOf(id))),
            cancellationToken);
        if (!claimed)
        {
            return NotIn(StaffOperationState.Pending);
        }

        LogApproved(logger, id);
        return await PayAsync(actor, id, retried: false, cancellationToken);
    }

    /// <summary>Calls the ledger again for an operation whose approval got no answer from it; the derived key makes it pay at most once.</summary>
    public async Task<Result<StaffOperationView>> RetryAsync(Actor actor, long id, CancellationToken cancellationToken)
    {
        var found = await FindForDecisionAsync(actor, id, StaffOperationState.Executing, cancellationToken);
        return found.IsSuccess ? await PayAsync(actor, id, retried: true, cancellationToken) : found.Error;
    }

    /// <summary>Any supervisor may reject a pending operation, its proposer included (a withdrawal): rejecting moves nothing.</summary>
    public async Task<Result<StaffOperationView>> RejectAsync(Actor actor, long id, string? reason, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var checkedReason = errors.CheckReason(writer.Text, reason);
        if (errors.Any)
        {
            return errors.ToError();
        }

        var operation = await FindAsync(id, cancellationToken);
        if (operation is null)
        {
            return NotFound();
        }

        var now = writer.Now;
        var rejected = await MoveAsync(
            id,
            StaffOperationState.Pending,
            set => set.SetProperty(o => o.State, StaffOperationState.Rejected).SetProperty(o => o.DecidedById, actor.UserId)
                .SetProperty(o => o.DecidedAt, now).SetProperty(o => o.RejectionReason, checkedReason),
            StaffLedgerAuditEntry.Rejected(id, actor.UserId, now, new OperationRejected(checkedReason!)),
            cancellationToken);
        if (!rejected)
        {
            return NotIn(StaffOperationState.Pending);
        }

        LogRejected(logger, id);
        return StaffOperationView.Of((await FindAsync(id, cancellationToken))!);
    }

    public async Task<Result<StaffOperationView>> GetAsync(long id, CancellationToken cancellationToken)
    {
        var operation = await FindAsync(id, cancellationToken);
        if (operation is null)
        {
            return NotFound();
        }

        var trail = await Db.StaffAudit.AsNoTracking().Where(e => e.OperationId == id).OrderBy(e => e.Id).ToListAsync(cancellationToken);
        return StaffOperationView.Of(operation) with
        {
            Trail = [.. trail.Select(e => new StaffAuditView(e.Step.ToString(), e.ActorId, e.At, JsonDocument.Parse(e.Data).RootElement.Clone()))],
        };
    }

    public async Task<Result<Page<StaffOperationView>>> ListAsync(string? state, string? cursor, int? limit, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        StaffOperationState? wanted = null;
        if (!string.IsNullOrWhiteSpace(state))
        {
            if (Enum.TryParse<StaffOperationState>(state.Trim(), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(state, out _))
            {
                wanted = parsed;
            }
            else
            {
                errors.Add("state", writer.Text["StatusUnknown", string.Join(", ", Enum.GetNames<StaffOperationState>())]);
            }
        }

        var (after, size) = KeysetCursor.Parse(cursor, limit, errors);
        if (errors.Any)
        {
            return errors.ToError();
        }

        var query = Db.StaffOperations.AsNoTracking().Where(o => o.Id < after);
        if (wanted is { } only)
        {
            query = query.Where(o => o.State == only);
        }

        var rows = await query.OrderByDescending(o => o.Id).Take(size + 1).ToListAsync(cancellationToken);
        var page = KeysetCursor.ToPage(rows, size, o => o.Id);
        return new Page<StaffOperationView>([.. page.Items.Select(StaffOperationView.Of)], page.NextCursor);
    }

    /// <summary>
    /// Calls the ledger for an executing operation and records its answer. A ledger that throws gave no answer:
    /// the operation stays executing and the caller gets a 503 (as remedies do, ADR 17); a retry sends the same key.
    /// </summary>
    private async Task<Result<StaffOperationView>> PayAsync(Actor actor, long id, bool retried, CancellationToken cancellationToken)
    {
        var operation = (await FindAsync(id, cancellationToken))!;
        Result<LedgerTransaction> paid;
        try
        {
            paid = await CallLedgerAsync(operation, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // Whatever the ledger threw, whether it paid is unknown: only a retry with the same key can tell.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            Db.ChangeTracker.Clear();
            LogLedgerUnavailable(logger, exception, id, retried);
            return Error.Unavailable("staff_operation_ledger_unavailable", writer.Text["StaffOperationLedgerUnavailable"]);
        }

        var now = writer.Now;
        if (paid.IsSuccess)
        {
            var reference = paid.Value.Reference;
            await MoveAsync(
                id,
                StaffOperationState.Executing,
                set => set.SetProperty(o => o.State, StaffOperationState.Executed).SetProperty(o => o.LedgerReference, reference).SetProperty(o => o.CompletedAt, now),
                StaffLedgerAuditEntry.Executed(id, actor.UserId, now, new OperationExecuted(reference, retried)),
                cancellationToken);
        }
        else
        {
            var code = paid.Error.Code;
            await MoveAsync(
                id,
                StaffOperationState.Executing,
                set => set.SetProperty(o => o.State, StaffOperationState.Failed).SetProperty(o => o.FailureCode, code).SetProperty(o => o.CompletedAt, now),
                StaffLedgerAuditEntry.Failed(id, actor.UserId, now, new OperationFailed(code, retried)),
                cancellationToken);
        }

        // When the move found the operation no longer executing, a concurrent retry confirmed it: the key made it the same posting.
        var current = (await FindAsync(id, cancellationToken))!;
        LogCompleted(logger, id, current.State, retried);
        return StaffOperationView.Of(current);
    }

    private Task<Result<LedgerTransaction>> CallLedgerAsync(StaffLedgerOperation operation, CancellationToken cancellationToken)
    {
        var amount = new Money(operation.AmountMinor, Currency.From(operation.Currency));
        return operation.Kind switch
        {
            StaffOperationKind.Refund => ledger.RefundAsync(new RefundRequest(operation.LedgerKey, operation.TransactionReference!, amount, operation.Reason), cancellationToken),
            StaffOperationKind.Compensation => ledger.CreditCompensationAsync(new CompensationRequest(operation.LedgerKey, operation.AccountId, amount, operation.Reason), cancellationToken),
            StaffOperationKind.FeeReversal => ledger.ReverseFeeAsync(new FeeReversalRequest(operation.LedgerKey, operation.TransactionReference!, operation.Reason), cancellationToken),
            _ => throw new InvalidOperationException($"Unknown staff operation kind {operation.Kind}."),
        };
    }

    /// <summary>
    /// Moves an operation out of <paramref name="from"/> with a guarded UPDATE and appends its audit entry in the same
    /// transaction; false (and nothing written) when another request moved it first.
    /// </summary>
    private async Task<bool> MoveAsync(
        long id, StaffOperationState from, Action<UpdateSettersBuilder<StaffLedgerOperation>> set, StaffLedgerAuditEntry entry, CancellationToken cancellationToken)
    {
        await using var transaction = await Db.Database.BeginTransactionAsync(cancellationToken);
        var moved = await Db.StaffOperations.Where(o => o.Id == id && o.State == from).ExecuteUpdateAsync(set, cancellationToken);
        if (moved != 1)
        {
            await transaction.RollbackAsync(cancellationToken);
            return false;
        }

        Db.StaffAudit.Add(entry);
        await Db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        Db.ChangeTracker.Clear();
        return true;
    }

    private async Task<Result<StaffLedgerOperation>> FindForDecisionAsync(Actor actor, long id, StaffOperationState expected, CancellationToken cancellationToken)
    {
        var operation = await FindAsync(id, cancellationToken);
        if (operation is null)
        {
            return NotFound();
        }

        if (operation.ProposedById == actor.UserId)
        {
            return Error.Forbidden("staff_operation_approver_is_proposer", writer.Text["StaffOperationApproverIsProposer"]);
        }

        return operation.State == expected ? operation : NotIn(expected);
    }

    private Task<StaffLedgerOperation?> FindAsync(long id, CancellationToken cancellationToken) =>
        Db.StaffOperations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, cancellationToken);

    /// <summary>The proposal made earlier under this key (the same request), a conflict (another request), or null (none).</summary>
    private async Task<Result<StaffOperationView>?> ReplayAsync(string key, string hash, CancellationToken cancellationToken)
    {
        var earlier = await Db.StaffOperations.AsNoTracking().SingleOrDefaultAsync(o => o.IdempotencyKey == key, cancellationToken);
        if (earlier is null)
        {
            return null;
        }

        return string.Equals(earlier.RequestHash, hash, StringComparison.Ordinal)
            ? StaffOperationView.Of(earlier)
            : Error.Conflict("idempotency_key_reused", writer.Text["IdempotencyKeyReused"]);
    }

    /// <summary>What the proposal is about, checked now so that the approver decides on something the ledger knows.</summary>
    private async Task<Result<(Guid AccountId, Money Amount)>> TargetAsync(StaffOperationKind kind, string? reference, Guid? accountId, Money? money, CancellationToken cancellationToken)
    {
        var text = writer.Text;
        if (kind == StaffOperationKind.Compensation)
        {
            var account = await writer.FindAccountAsync(accountId!.Value, cancellationToken);
            if (account is not { Kind: AccountKind.CustomerWallet })
            {
                return writer.AccountNotFound("accountId");
            }

            return string.Equals(account.Currency, money!.Value.Currency.Code, StringComparison.Ordinal)
                ? (account.Id, money.Value)
                : LedgerWriter.Invalid("currency", text["CurrencyMismatch", money.Value.Currency.Code, account.Currency]);
        }

        var transaction = await writer.FindTransactionAsync(reference!, cancellationToken);
        if (transaction is null)
        {
            return writer.TransactionNotFound("reference");
        }

        if (kind == StaffOperationKind.FeeReversal)
        {
            if (transaction.Type != LedgerTransactionType.Fee)
            {
                return LedgerWriter.Invalid("reference", text["NotAFee"]);
            }

            return transaction.Status == LedgerTransactionStatus.Completed
                ? (transaction.AccountId, transaction.Amount)
                : Error.Conflict("fee_not_reversible", text["FeeNotReversible"]);
        }

        if (!transaction.Posted || transaction.Direction != LedgerDirection.Debit || !Ledger.RefundableTypes.Contains(transaction.Type)
            || transaction.Status == LedgerTransactionStatus.Reversed)
        {
            return Error.Conflict("not_refundable", text["NotRefundable"]);
        }

        var amount = money!.Value;
        if (!string.Equals(transaction.Currency, amount.Currency.Code, StringComparison.Ordinal))
        {
            return LedgerWriter.Invalid("amount", text["CurrencyMismatch", amount.Currency.Code, transaction.Currency]);
        }

        // The ledger checks again under the wallet's lock when the money moves; this only spares the approver a hopeless proposal.
        var refunded = await Db.Transactions
            .Where(t => t.OriginalTransactionId == transaction.Id && t.Type == LedgerTransactionType.Refund
                && (t.Status == LedgerTransactionStatus.Pending || t.Status == LedgerTransactionStatus.Completed))
            .SumAsync(t => t.AmountMinor, cancellationToken);
        if (refunded + amount.MinorUnits > transaction.AmountMinor)
        {
            var remaining = new Money(transaction.AmountMinor - refunded, amount.Currency);
            return LedgerWriter.Invalid("amount", text["RefundExceedsOriginal", remaining.ToString(CultureInfo.CurrentCulture)]);
        }

        return (transaction.AccountId, amount);
    }

    /// <summary>Reads the amount as the currency allows it: a known ISO 4217 code and no more decimals than it has.</summary>
    private Money? ParseMoney(ValidationErrors errors, decimal? amount, string? currencyCode)
    {
        var text = writer.Text;
        if (!Currency.TryFind(currencyCode, out var currency))
        {
            errors.Add("currency", string.IsNullOrWhiteSpace(currencyCode) ? text["CurrencyRequired"] : text["CurrencyUnknown", currencyCode.Trim()]);
        }

        if (amount is not { } value)
        {
            errors.Add("amount", text["AmountRequired"]);
            return null;
        }

        if (currency is not { } known)
        {
            return null;
        }

        if (value > LedgerInput.MaxAmountMinor || !Money.TryFromDecimal(value, known, out var money))
        {
            errors.Add("amount", text["AmountTooPrecise", known.Code, known.MinorUnits]);
            return null;
        }

        errors.CheckAmount(text, money);
        return money;
    }

    private Error NotFound() =>
        Error.NotFound("staff_operation_not_found", writer.Text["StaffOperationNotFound"]);

    private Error NotIn(StaffOperationState expected) =>
        Error.Conflict(
            expected == StaffOperationState.Pending ? "staff_operation_not_pending" : "staff_operation_not_executing",
            writer.Text[expected == StaffOperationState.Pending ? "StaffOperationNotPending" : "StaffOperationNotExecuting"]);

    [LoggerMessage(EventId = 3101, Level = LogLevel.Information, Message = "Staff ledger operation {OperationId} ({Kind}) proposed: {AmountMinor} minor units of {Currency}")]
    private static partial void LogProposed(ILogger logger, long operationId, StaffOperationKind kind, long amountMinor, string currency);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Information, Message = "Staff ledger operation {OperationId} approved")]
    private static partial void LogApproved(ILogger logger, long operationId);

    [LoggerMessage(EventId = 3103, Level = LogLevel.Information, Message = "Staff ledger operation {OperationId} rejected")]
    private static partial void LogRejected(ILogger logger, long operationId);

    [LoggerMessage(EventId = 3104, Level = LogLevel.Information, Message = "Staff ledger operation {OperationId} now {State} (retried: {Retried})")]
    private static partial void LogCompleted(ILogger logger, long operationId, StaffOperationState state, bool retried);

    [LoggerMessage(EventId = 3105, Level = LogLevel.Warning, Message = "Staff ledger operation {OperationId}: the ledger failed (retried: {Retried}); it stays executing until a retry")]
    private static partial void LogLedgerUnavailable(ILogger logger, Exception exception, long operationId, bool retried);
}
