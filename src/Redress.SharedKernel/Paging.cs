using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Redress.SharedKernel;

/// <summary>One page of a keyset-paged list; <see cref="NextCursor"/> is null on the last page.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor);

/// <summary>
/// Opaque keyset cursors over a descending 64-bit key. Opaque so that clients pass them back unchanged
/// instead of building offsets, which would skip or repeat rows while new ones arrive.
/// </summary>
public static class KeysetCursor
{
    public const int DefaultPageSize = 25;
    public const int MaxPageSize = 100;

    public static string Encode(long key) => Base64Url.EncodeToString(Encoding.ASCII.GetBytes("k" + key.ToString(CultureInfo.InvariantCulture)));

    public static bool TryDecode(string? cursor, out long key)
    {
        key = long.MaxValue;
        if (string.IsNullOrEmpty(cursor))
        {
            return true;
        }

        try
        {
            var text = Encoding.ASCII.GetString(Base64Url.DecodeFromChars(cursor));
            return text.StartsWith('k') && long.TryParse(text.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out key);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>Validates paging input: the cursor must be one we issued; the limit within 1..<see cref="MaxPageSize"/>.</summary>
    public static Result<(long After, int Limit)> Parse(string? cursor, int? limit)
    {
        var errors = new ValidationErrors();
        if (!TryDecode(cursor, out var after))
        {
            errors.Add("cursor", "The cursor is not one this server issued; start again without it.");
        }

        var size = limit ?? DefaultPageSize;
        if (size is < 1 or > MaxPageSize)
        {
            errors.Add("limit", $"The limit must be between 1 and {MaxPageSize}.");
        }

        return errors.Any ? errors.ToError() : (after, size);
    }

    /// <summary>Validates paging input alongside other filters, adding any fault to <paramref name="errors"/>.</summary>
    public static (long After, int Limit) Parse(string? cursor, int? limit, ValidationErrors errors)
    {
        var parsed = Parse(cursor, limit);
        if (parsed.IsSuccess)
        {
            return parsed.Value;
        }

        foreach (var (field, messages) in parsed.Error.Fields!)
        {
            foreach (var message in messages)
            {
                errors.Add(field, message);
            }
        }

        return (long.MaxValue, DefaultPageSize);
    }

    /// <summary>Cuts a page fetched with one extra row and issues the cursor for the next page.</summary>
    public static Page<T> ToPage<T>(IReadOnlyList<T> rowsPlusOne, int limit, Func<T, long> keyOf)
    {
        if (rowsPlusOne.Count <= limit)
        {
            return new Page<T>(rowsPlusOne, null);
        }

        var items = rowsPlusOne.Take(limit).ToList();
        return new Page<T>(items, Encode(keyOf(items[^1])));
    }
}
