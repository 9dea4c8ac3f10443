using Redress.SharedKernel;
using Redress.SharedKernel.Ledger;

namespace Redress.Complaints.Tests;

/// <summary>An in-memory ledger with the interface's idempotency contract: a replayed key returns the first result.</summary>
internal sealed class FakeLedger : ILedger
{
    private readonly Dictionary<Guid, LedgerAccount> _accounts = [];
    private readonly List<LedgerTransaction> _transactions = [];
    private readonly Dictionary<string, object> _keys = new(StringComparer.Ordinal);

    public IReadOnlyList<LedgerTransaction> Transactions => _transactions;

    public LedgerAccount OpenWallet(Guid customerId, long balance)
    {
        var account = new LedgerAccount(Guid.NewGuid(), customerId, new Money(balance, Currency.Cny), LedgerAccountStatus.Active);
        _accounts[account.AccountId] = account;
        return account;
    }

    public LedgerAccount Account(Guid accountId) => _accounts[accountId];

    public LedgerTransaction Add(Guid accountId, LedgerTransactionType type, LedgerTransactionStatus status, long amount, string? counterparty, DateTimeOffset at, bool posted = true)
    {
        var transaction = new LedgerTransaction(
            $"TX{_transactions.Count + 1:D16}", accountId, type, status, LedgerDirection.Debit, new Money(amount, Currency.Cny), counterparty, null, at, at, null, null, null, posted);
        _transactions.Add(transaction);
        return transaction;
    }

    public Task<Result<LedgerTransaction>> SettlePendingRefundAsync(SettleRefundRequest request, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<Result<LedgerTransaction>> ReverseAsync(ReversalRequest request, CancellationToken cancellationToken) => throw new NotSupportedException();

    /// <summary>When set, history reads fail as an unreachable ledger's would.</summary>
    public bool HistoryUnavailable { get; set; }

    public Task<Result<Page<LedgerTransaction>>> HistoryAsync(HistoryQuery query, CancellationToken cancellationToken) =>
        HistoryUnavailable
            ? Task.FromResult<Result<Page<LedgerTransaction>>>(Error.Conflict("ledger_unavailable", "The ledger did not answer."))
            : Task.FromResult<Result<Page<LedgerTransaction>>>(new Page<LedgerTransaction>(
            [.. _transactions.Where(t => t.AccountId == query.AccountId && (query.From is null || t.CreatedAt >= query.From) && (query.To is null || t.CreatedAt < query.To)).Reverse()],
            null));

    public Task<Result<LedgerTransaction>> FindAsync(string reference, CancellationToken cancellationToken) =>
        Task.FromResult(_transactions.FirstOrDefault(t => t.Reference == reference) is { } found
            ? (Result<LedgerTransaction>)found
            : Error.NotFound("transaction_not_found", "No such transaction."));

    public Task<IReadOnlyList<LedgerAccount>> AccountsOfAsync(Guid customerId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<LedgerAccount>>([.. _accounts.Values.Where(a => a.CustomerId == customerId)]);

    public Task<Result<LedgerTransaction>> RefundAsync(RefundRequest request, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<Result<LedgerTransaction>> CreditCompensationAsync(CompensationRequest request, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<Result<LedgerTransaction>> ReverseFeeAsync(FeeReversalRequest request, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<Result<LedgerAccount>> FreezeAsync(AccountStatusRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(ChangeStatus(request, LedgerAccountStatus.Active, LedgerAccountStatus.Frozen));

    public Task<Result<LedgerAccount>> UnfreezeAsync(AccountStatusRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(ChangeStatus(request, LedgerAccountStatus.Frozen, LedgerAccountStatus.Active));

    private Result<LedgerAccount> ChangeStatus(AccountStatusRequest request, LedgerAccountStatus from, LedgerAccountStatus to)
    {
        if (_keys.TryGetValue(request.IdempotencyKey, out var earlier))
        {
            return (LedgerAccount)earlier;
        }

        var account = _accounts[request.AccountId];
        if (account.Status != from)
        {
            return Error.Conflict("account_status_unchanged", "Unchanged.");
        }

        _accounts[request.AccountId] = account with { Status = to };
        _keys[request.IdempotencyKey] = _accounts[request.AccountId];
        return _accounts[request.AccountId];
    }
}
