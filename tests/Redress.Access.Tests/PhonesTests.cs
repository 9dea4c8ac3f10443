namespace Redress.Access.Tests;

public sealed class PhonesTests
{
    [Theory]
    [InlineData("138 0013 8000", "CN", "+8613800138000")]
    [InlineData("+86 139-1234-5678", "GB", "+8613912345678")]
    [InlineData("07911 123456", "GB", "+447911123456")]
    [InlineData("(415) 555-2671", "US", "+14155552671")]
    public void Numbers_are_normalised_to_e164(string input, string region, string expected)
    {
        Assert.True(Phones.TryNormalise(input, region, out var e164));
        Assert.Equal(expected, e164);
    }

    [Theory]
    [InlineData("12345", "CN")]
    [InlineData("not a phone", "GB")]
    [InlineData("", "CN")]
    [InlineData("+86 138", "CN")]
    public void Invalid_numbers_are_refused(string input, string region) =>
        Assert.False(Phones.TryNormalise(input, region, out _));

    [Fact]
    public void Masking_keeps_only_the_country_code_and_last_four_digits()
    {
        var masked = Phones.Mask("+8613800138000");
        Assert.Equal("+86 ••• 8000", masked);
        Assert.DoesNotContain("1380013", masked, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_demo_account_has_a_valid_phone_and_a_known_role()
    {
        foreach (var account in Features.DemoUsersSeeder.Accounts)
        {
            Assert.True(Phones.TryNormalise(account.Phone, "CN", out var e164), account.Email);
            Assert.Equal(account.Phone, e164);
            Assert.Contains(account.Role, Redress.SharedKernel.Security.RedressRoles.All);
        }

        Assert.Contains(Features.DemoUsersSeeder.Accounts, a => a.DisplayName.Any(c => c >= '\u4e00' && c <= '\u9fff'));
        Assert.Contains(Features.DemoUsersSeeder.Accounts, a => a.Phone.StartsWith("+86", StringComparison.Ordinal));
        Assert.Contains(Features.DemoUsersSeeder.Accounts, a => !a.Phone.StartsWith("+86", StringComparison.Ordinal));
    }
}
