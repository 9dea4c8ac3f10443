namespace Redress.Wallet;

/// <summary>
/// A ledger write already done under a key: what was asked (operation and request hash) and what it produced.
/// Written in the same database transaction as the postings, so a key exists exactly when its money moved.
/// </summary>
internal sealed class IdempotencyRecord
{
    private IdempotencyRecord()
    {
        Key = string.Empty;
        Operation = string.Empty;
        RequestHash = string.Empty;
    }

    public string Key { get; private set; }

    public string Operation { get; private set; }

    public string RequestHash { get; private set; }

    public long? TransactionId { get; private set; }

    public WalletTransaction? Transaction { get; private set; }

    public Guid? AccountId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public static IdempotencyRecord For(string key, string operation, string requestHash, WalletTransaction? transaction, Guid? accountId, DateTimeOffset now) => new()
    {
        Key = key,
        Operation = operation,
        RequestHash = requestHash,
        Transaction = transaction,
        AccountId = accountId,
        CreatedAt = now,
    };
}
