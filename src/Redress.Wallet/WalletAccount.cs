using System.Security.Cryptography;
using System.Text;
using Redress.SharedKernel;
using Redress.SharedKernel.Ledger;

namespace Redress.Wallet;

internal enum AccountKind
{
    CustomerWallet,
    FundingClearing,
    MerchantSettlement,
    FeeIncome,
    CompensationExpense,
}

/// <summary>
/// A ledger account: a customer's wallet in one currency, or one of the operator's system accounts in that
/// currency. Only customer wallets keep a stored balance (guarded so it never goes negative); a system account's
/// balance is the sum of its postings, so that every posting does not queue behind one hot system row.
/// </summary>
internal sealed class WalletAccount
{
    private readonly List<FundingSource> _fundingSources = [];

    private WalletAccount()
    {
        Currency = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid? CustomerId { get; private set; }

    public AccountKind Kind { get; private set; }

    public string Currency { get; private set; }

    public LedgerAccountStatus Status { get; private set; }

    public long BalanceMinor { get; private set; }

    public DateTimeOffset OpenedAt { get; private set; }

    public IReadOnlyList<FundingSource> FundingSources => _fundingSources;

    public Money Balance => new(BalanceMinor, SharedKernel.Currency.From(Currency));

    public static WalletAccount OpenCustomerWallet(Guid customerId, Currency currency, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        CustomerId = customerId,
        Kind = AccountKind.CustomerWallet,
        Currency = currency.Code,
        Status = LedgerAccountStatus.Active,
        OpenedAt = now,
    };

    public static WalletAccount OpenSystem(AccountKind kind, Currency currency, DateTimeOffset now) => new()
    {
        Id = SystemAccountId(kind, currency),
        Kind = kind,
        Currency = currency.Code,
        Status = LedgerAccountStatus.Active,
        OpenedAt = now,
    };

    /// <summary>
    /// System account ids are derived from kind and currency, so a posting needs no lookup and two writers
    /// creating the same system account collide on the primary key instead of creating two.
    /// </summary>
    public static Guid SystemAccountId(AccountKind kind, Currency currency)
    {
        var hash = SHA256.HashData(Encoding.ASCII.GetBytes($"redress-system-account:{kind}:{currency.Code}"));
        return new Guid(hash.AsSpan(0, 16));
    }

    public FundingSource LinkFundingSource(FundingSourceKind kind, string issuer, string lastFour, DateTimeOffset now)
    {
        var source = FundingSource.Create(Id, kind, issuer, lastFour, now);
        _fundingSources.Add(source);
        return source;
    }

    /// <summary>In-memory posting for bulk building (demo data); the live path updates the row with a guarded UPDATE instead.</summary>
    public void Apply(long delta)
    {
        if (Kind != AccountKind.CustomerWallet)
        {
            return;
        }

        if (BalanceMinor + delta < 0)
        {
            throw new InvalidOperationException("A customer wallet cannot go negative.");
        }

        BalanceMinor += delta;
    }

    public void SetStatus(LedgerAccountStatus status) => Status = status;

    public LedgerAccount ToLedgerAccount() => new(Id, CustomerId ?? Guid.Empty, Balance, Status);
}
