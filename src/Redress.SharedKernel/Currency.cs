using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace Redress.SharedKernel;

/// <summary>An active ISO 4217 currency and the number of its minor-unit digits.</summary>
public readonly record struct Currency
{
    // Active codes from ISO 4217 list one, without funds, precious metals and testing codes.
    // Kept as data here because .NET has no complete list of codes with their minor units.
    private const string TwoDigitCodes =
        "AED AFN ALL AMD AOA ARS AUD AWG AZN BAM BBD BDT BMD BND BOB BRL BSD BTN BWP BYN BZD CAD CDF CHF CNY COP " +
        "CRC CUP CVE CZK DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GTQ GYD HKD HNL HTG HUF IDR ILS " +
        "INR IRR JMD KES KGS KHR KPW KYD KZT LAK LBP LKR LRD LSL MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN " +
        "MYR MZN NAD NGN NIO NOK NPR NZD PAB PEN PGK PHP PKR PLN QAR RON RSD RUB SAR SBD SCR SDG SEK SGD SHP SLE " +
        "SOS SRD SSP STN SVC SYP SZL THB TJS TMT TOP TRY TTD TWD TZS UAH USD UYU UZS VED VES WST XCD XCG YER ZAR " +
        "ZMW ZWG";

    private const string ZeroDigitCodes = "BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX VND VUV XAF XOF XPF";
    private const string ThreeDigitCodes = "BHD IQD JOD KWD LYD OMR TND";

    private static readonly FrozenDictionary<string, int> s_minorUnits = BuildTable();

    private Currency(string code, int minorUnits)
    {
        Code = code;
        MinorUnits = minorUnits;
    }

    public string Code { get; }

    /// <summary>Digits after the decimal point: 2 for CNY, 0 for JPY, 3 for KWD.</summary>
    public int MinorUnits { get; }

    public static Currency Cny => From("CNY");

    public static Currency Usd => From("USD");

    public static Currency Eur => From("EUR");

    public static Currency Gbp => From("GBP");

    public static bool TryFind(string? code, [NotNullWhen(true)] out Currency? currency)
    {
        currency = null;
        if (string.IsNullOrWhiteSpace(code))
        {
            return false;
        }

        var normalised = code.Trim().ToUpperInvariant();
        if (!s_minorUnits.TryGetValue(normalised, out var digits))
        {
            return false;
        }

        currency = new Currency(normalised, digits);
        return true;
    }

    public static Currency From(string code) =>
        TryFind(code, out var currency) ? currency.Value : throw new ArgumentException($"'{code}' is not an active ISO 4217 currency.", nameof(code));

    public override string ToString() => Code;

    private static FrozenDictionary<string, int> BuildTable()
    {
        var table = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (codes, digits) in new[] { (TwoDigitCodes, 2), (ZeroDigitCodes, 0), (ThreeDigitCodes, 3) })
        {
            foreach (var code in codes.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                table.Add(code, digits);
            }
        }

        return table.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
