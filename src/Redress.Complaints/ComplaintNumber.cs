using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace Redress.Complaints;

/// <summary>
/// A complaint number such as <c>K7QM-4XR2-H</c>: eight random symbols (40 bits, so another customer's number
/// cannot be guessed from one's own) and a Luhn mod 32 check symbol that catches a mistyped or swapped symbol.
/// The Crockford alphabet leaves out I, L, O and U, so the number reads aloud without confusion; when typed,
/// O is taken as 0 and I or L as 1, case and separators are ignored.
/// </summary>
public readonly record struct ComplaintNumber
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private const int PayloadLength = 8;

    private ComplaintNumber(string value) => Value = value;

    /// <summary>The canonical form stored in the database: nine symbols, no separators.</summary>
    public string Value { get; }

    public static ComplaintNumber New()
    {
        Span<byte> random = stackalloc byte[5];
        RandomNumberGenerator.Fill(random);
        ulong bits = 0;
        foreach (var b in random)
        {
            bits = (bits << 8) | b;
        }

        Span<char> symbols = stackalloc char[PayloadLength + 1];
        for (var i = PayloadLength - 1; i >= 0; i--)
        {
            symbols[i] = Alphabet[(int)(bits & 31)];
            bits >>= 5;
        }

        symbols[PayloadLength] = CheckSymbol(symbols[..PayloadLength]);
        return new ComplaintNumber(new string(symbols));
    }

    public static bool TryParse(string? input, [NotNullWhen(true)] out ComplaintNumber? number)
    {
        number = null;
        if (string.IsNullOrWhiteSpace(input) || input.Length > 32)
        {
            return false;
        }

        Span<char> symbols = stackalloc char[PayloadLength + 1];
        var count = 0;
        foreach (var raw in input)
        {
            if (raw is '-' or ' ')
            {
                continue;
            }

            var symbol = char.ToUpperInvariant(raw) switch
            {
                'O' => '0',
                'I' or 'L' => '1',
                var other => other,
            };
            if (count == symbols.Length || !Alphabet.Contains(symbol, StringComparison.Ordinal))
            {
                return false;
            }

            symbols[count++] = symbol;
        }

        if (count != symbols.Length || CheckSymbol(symbols[..PayloadLength]) != symbols[PayloadLength])
        {
            return false;
        }

        number = new ComplaintNumber(new string(symbols));
        return true;
    }

    /// <summary>Restores a number read from storage, where it was validated on the way in.</summary>
    internal static ComplaintNumber FromStorage(string value) => new(value);

    /// <summary>Grouped for reading aloud: <c>K7QM-4XR2-H</c>.</summary>
    public override string ToString() => Value is null ? string.Empty : $"{Value[..4]}-{Value[4..8]}-{Value[8..]}";

    // Luhn mod N over the Crockford alphabet: every single-symbol error and most adjacent swaps change the check symbol.
    private static char CheckSymbol(ReadOnlySpan<char> payload)
    {
        const int n = 32;
        var factor = 2;
        var sum = 0;
        for (var i = payload.Length - 1; i >= 0; i--)
        {
            var addend = factor * Alphabet.IndexOf(payload[i], StringComparison.Ordinal);
            factor = factor == 2 ? 1 : 2;
            sum += (addend / n) + (addend % n);
        }

        var remainder = sum % n;
        return Alphabet[(n - remainder) % n];
    }
}
