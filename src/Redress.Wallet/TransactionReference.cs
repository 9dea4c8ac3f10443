using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;

namespace Redress.Wallet;

/// <summary>
/// The reference a customer sees and reads out: "TX", the booking date, and ten random Crockford base32
/// characters (50 bits), so references say when and cannot be enumerated.
/// </summary>
internal static class TransactionReference
{
    public const int MaxLength = 20;
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static readonly SearchValues<char> s_alphabet = SearchValues.Create(Alphabet);

    public static string New(DateTimeOffset bookedAt)
    {
        Span<char> random = stackalloc char[10];
        for (var i = 0; i < random.Length; i++)
        {
            random[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }

        return "TX" + bookedAt.UtcDateTime.ToString("yyMMdd", CultureInfo.InvariantCulture) + random.ToString();
    }

    /// <summary>Cheap shape check before a lookup: anything else cannot be one of ours.</summary>
    public static bool IsWellFormed(string? reference) =>
        reference is { Length: 18 } && reference.StartsWith("TX", StringComparison.Ordinal) && !reference.AsSpan(2).ContainsAnyExcept(s_alphabet);
}
