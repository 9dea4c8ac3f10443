namespace Redress.Wallet;

/// <summary>One movement of money: postings that sum to zero per currency, written together or not at all.</summary>
internal sealed class JournalEntry
{
    private readonly List<Posting> _postings = [];

    private JournalEntry()
    {
    }

    /// <summary>Made here rather than by the database, so that an entry and its postings go in one batch.</summary>
    public Guid Id { get; private set; }

    public DateTimeOffset BookedAt { get; private set; }

    public IReadOnlyList<Posting> Postings => _postings;

    /// <summary>Builds a balanced entry; an unbalanced one is a programming error, never a customer's input.</summary>
    public static JournalEntry Create(DateTimeOffset bookedAt, params IEnumerable<Posting> postings)
    {
        var entry = new JournalEntry { Id = Guid.CreateVersion7(bookedAt), BookedAt = bookedAt };
        entry._postings.AddRange(postings);
        if (entry._postings.Count < 2 || entry._postings.Any(p => p.AmountMinor == 0))
        {
            throw new InvalidOperationException("A journal entry needs at least two non-zero postings.");
        }

        if (entry._postings.GroupBy(p => p.Currency, StringComparer.Ordinal).Any(g => g.Sum(p => p.AmountMinor) != 0))
        {
            throw new InvalidOperationException("A journal entry's postings must sum to zero in each currency.");
        }

        return entry;
    }
}

/// <summary>One line of a journal entry: a signed amount on one account (positive raises the account's balance).</summary>
internal sealed class Posting
{
    private Posting()
    {
        Currency = string.Empty;
        Transaction = null!;
    }

    public Guid Id { get; private set; }

    public Guid EntryId { get; private set; }

    public long TransactionId { get; private set; }

    /// <summary>The transaction whose history shows this line; a transfer's two wallet lines belong to two transactions.</summary>
    public WalletTransaction Transaction { get; private set; }

    public Guid AccountId { get; private set; }

    public long AmountMinor { get; private set; }

    public string Currency { get; private set; }

    public static Posting To(WalletTransaction transaction, Guid accountId, long amountMinor) => new()
    {
        Id = Guid.CreateVersion7(),
        Transaction = transaction,
        AccountId = accountId,
        AmountMinor = amountMinor,
        Currency = transaction.Currency,
    };
}
