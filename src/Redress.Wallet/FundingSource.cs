namespace Redress.Wallet;

internal enum FundingSourceKind
{
    Card,
    BankAccount,
}

/// <summary>A card or bank account linked to a wallet. Only the last four digits are ever stored.</summary>
internal sealed class FundingSource
{
    private FundingSource()
    {
        Issuer = string.Empty;
        LastFour = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid AccountId { get; private set; }

    public FundingSourceKind Kind { get; private set; }

    public string Issuer { get; private set; }

    public string LastFour { get; private set; }

    public DateTimeOffset LinkedAt { get; private set; }

    public static FundingSource Create(Guid accountId, FundingSourceKind kind, string issuer, string lastFour, DateTimeOffset now)
    {
        if (lastFour.Length != 4 || !lastFour.All(char.IsAsciiDigit))
        {
            throw new ArgumentException("Only the last four digits of a card or account number are kept.", nameof(lastFour));
        }

        return new FundingSource
        {
            Id = Guid.CreateVersion7(now),
            AccountId = accountId,
            Kind = kind,
            Issuer = issuer,
            LastFour = lastFour,
            LinkedAt = now,
        };
    }
}
