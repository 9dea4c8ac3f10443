using System.Globalization;

namespace Redress.SharedKernel.Tests;

public sealed class MoneyTests
{
    [Theory]
    [InlineData("CNY", 2)]
    [InlineData("jpy", 0)]
    [InlineData(" KWD ", 3)]
    [InlineData("EUR", 2)]
    public void Known_currencies_carry_their_minor_units(string code, int digits)
    {
        Assert.True(Currency.TryFind(code, out var currency));
        Assert.Equal(digits, currency.Value.MinorUnits);
        Assert.Equal(code.Trim().ToUpperInvariant(), currency.Value.Code);
    }

    [Theory]
    [InlineData("XXX")]
    [InlineData("RMB")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("XAU")]
    public void Unknown_or_non_money_codes_are_refused(string? code) =>
        Assert.False(Currency.TryFind(code, out _));

    [Fact]
    public void Decimal_amounts_convert_to_exact_minor_units()
    {
        Assert.True(Money.TryFromDecimal(120.5m, Currency.Cny, out var money));
        Assert.Equal(12050, money.MinorUnits);
        Assert.Equal(120.50m, money.Amount);
    }

    [Theory]
    [InlineData("CNY", "1.234")]
    [InlineData("JPY", "100.5")]
    public void More_decimals_than_the_currency_allows_are_refused(string code, string amount) =>
        Assert.False(Money.TryFromDecimal(decimal.Parse(amount, CultureInfo.InvariantCulture), Currency.From(code), out _));

    [Fact]
    public void Formatting_always_shows_the_currency()
    {
        var money = new Money(123450, Currency.Cny);
        Assert.Equal("CNY 1,234.50", money.ToString(CultureInfo.InvariantCulture));
        Assert.Equal("JPY 500", new Money(500, Currency.From("JPY")).ToString(CultureInfo.InvariantCulture));
    }
}
