using System.Globalization;

namespace Redress.SharedKernel;

/// <summary>An amount in integer minor units of one currency; never a floating-point number.</summary>
public readonly record struct Money(long MinorUnits, Currency Currency)
{
    public decimal Amount => MinorUnits / Pow10(Currency.MinorUnits);

    /// <summary>Converts a decimal amount; fails when it has more decimals than the currency allows or is out of range.</summary>
    public static bool TryFromDecimal(decimal amount, Currency currency, out Money money)
    {
        money = default;
        var scaled = amount * Pow10(currency.MinorUnits);
        if (scaled != decimal.Truncate(scaled) || scaled > long.MaxValue || scaled < long.MinValue)
        {
            return false;
        }

        money = new Money((long)scaled, currency);
        return true;
    }

    /// <summary>Formats with the currency code and tabular digits, for instance "CNY 1,234.50".</summary>
    public string ToString(IFormatProvider? provider)
    {
        var format = "N" + Currency.MinorUnits.ToString(CultureInfo.InvariantCulture);
        return $"{Currency.Code} {Amount.ToString(format, provider)}";
    }

    public override string ToString() => ToString(CultureInfo.InvariantCulture);

    private static decimal Pow10(int digits)
    {
        var result = 1m;
        for (var i = 0; i < digits; i++)
        {
            result *= 10;
        }

        return result;
    }
}
