using System.Buffers.Text;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Redress.SharedKernel;
using Redress.SharedKernel.Ledger;
using Redress.Wallet.Data;
using Redress.Wallet.Resources;

namespace Redress.Wallet.Features;

/// <summary>Optional narrowing of a wallet history: time window [From, To), type and status.</summary>
internal sealed record TransactionFilter(
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    LedgerTransactionType? Type = null,
    LedgerTransactionStatus? Status = null);

/// <summary>
/// Wallet history newest first, keyset-paged on (CreatedAt, Id) so that a time window is an index range of
/// (AccountId, CreatedAt, Id) and a page never skips or repeats rows while new ones arrive.
/// </summary>
internal sealed class TransactionQueries(WalletDbContext db, IStringLocalizer<WalletMessages> text)
{
    public async Task<Result<Page<WalletTransaction>>> PageAsync(
        IReadOnlyCollection<Guid> accountIds, TransactionFilter filter, string? cursor, int? limit, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        if (!TryDecode(cursor, out var after))
        {
            errors.Add("cursor", text["CursorInvalid"]);
        }

        var size = limit ?? KeysetCursor.DefaultPageSize;
        if (size is < 1 or > KeysetCursor.MaxPageSize)
        {
            errors.Add("limit", text["LimitInvalid", KeysetCursor.MaxPageSize]);
        }

        if (filter.From is { } from && filter.To is { } to && from >= to)
        {
            errors.Add("to", text["WindowInvalid"]);
        }

        if (errors.Any)
        {
            return errors.ToError();
        }

        var rows = db.Transactions.AsNoTracking();
        rows = accountIds.Count == 1
            ? rows.Where(t => t.AccountId == accountIds.First())
            : rows.Where(t => accountIds.Contains(t.AccountId));
        if (filter.From is { } since)
        {
            rows = rows.Where(t => t.CreatedAt >= since);
        }

        if (filter.To is { } until)
        {
            rows = rows.Where(t => t.CreatedAt < until);
        }

        if (filter.Type is { } type)
        {
            rows = rows.Where(t => t.Type == type);
        }

        if (filter.Status is { } status)
        {
            rows = rows.Where(t => t.Status == status);
        }

        if (after is var (at, id))
        {
            // The redundant CreatedAt <= at bounds the index range; the OR alone would not.
            rows = rows.Where(t => t.CreatedAt <= at && (t.CreatedAt < at || t.Id < id));
        }

        var items = await rows.OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id).Take(size + 1).ToListAsync(cancellationToken);
        if (items.Count <= size)
        {
            return new Page<WalletTransaction>(items, null);
        }

        items.RemoveAt(size);
        return new Page<WalletTransaction>(items, Encode(items[^1]));
    }

    private static string Encode(WalletTransaction last) =>
        Base64Url.EncodeToString(Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"w{last.CreatedAt.UtcTicks}.{last.Id}")));

    private static bool TryDecode(string? cursor, out (DateTimeOffset At, long Id)? after)
    {
        after = null;
        if (string.IsNullOrEmpty(cursor))
        {
            return true;
        }

        try
        {
            var parts = Encoding.ASCII.GetString(Base64Url.DecodeFromChars(cursor)).Split('.');
            if (parts is [['w', .. var ticksText], var idText]
                && long.TryParse(ticksText, NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                && ticks <= DateTimeOffset.MaxValue.UtcTicks
                && long.TryParse(idText, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                after = (new DateTimeOffset(ticks, TimeSpan.Zero), id);
                return true;
            }

            return false;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
