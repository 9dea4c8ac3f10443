using System.Text.RegularExpressions;

namespace Redress.Complaints.Tests;

public sealed partial class ComplaintNumberTests
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    [Fact]
    public void New_numbers_are_grouped_for_reading_aloud_and_parse_back()
    {
        var number = ComplaintNumber.New();
        Assert.Matches(DisplayForm(), number.ToString());
        Assert.True(ComplaintNumber.TryParse(number.ToString(), out var parsed));
        Assert.Equal(number, parsed);
    }

    [Fact]
    public void New_numbers_do_not_repeat_or_follow_a_sequence()
    {
        var numbers = Enumerable.Range(0, 20_000).Select(_ => ComplaintNumber.New().Value).ToList();
        Assert.Equal(numbers.Count, numbers.Distinct(StringComparer.Ordinal).Count());
        // Sequential numbering would make consecutive numbers share their leading symbols.
        var sharedPrefixes = numbers.Zip(numbers.Skip(1)).Count(pair => pair.First[..4] == pair.Second[..4]);
        Assert.True(sharedPrefixes < 5, $"{sharedPrefixes} consecutive numbers shared a prefix");
    }

    [Fact]
    public void Every_single_mistyped_symbol_is_caught()
    {
        var number = ComplaintNumber.New().Value;
        for (var position = 0; position < number.Length; position++)
        {
            foreach (var symbol in Alphabet.Where(s => s != number[position]))
            {
                var typo = string.Concat(number.AsSpan(0, position), symbol.ToString(), number.AsSpan(position + 1));
                Assert.False(ComplaintNumber.TryParse(typo, out _), $"{typo} was accepted for {number}");
            }
        }
    }

    [Fact]
    public void Most_swapped_neighbours_are_caught()
    {
        var swaps = 0;
        var caught = 0;
        for (var i = 0; i < 2_000; i++)
        {
            var number = ComplaintNumber.New().Value;
            for (var position = 0; position < number.Length - 1; position++)
            {
                if (number[position] == number[position + 1])
                {
                    continue;
                }

                var chars = number.ToCharArray();
                (chars[position], chars[position + 1]) = (chars[position + 1], chars[position]);
                swaps++;
                if (!ComplaintNumber.TryParse(new string(chars), out _))
                {
                    caught++;
                }
            }
        }

        Assert.True(caught >= swaps * 0.95, $"only {caught} of {swaps} swaps caught");
    }

    [Fact]
    public void Typing_is_forgiving_about_case_separators_and_look_alike_letters()
    {
        var number = ComplaintNumber.New();
        var typed = number.Value.ToLowerInvariant().Replace('0', 'o').Replace('1', 'l');
        Assert.True(ComplaintNumber.TryParse($" {typed[..4]} {typed[4..]} ", out var parsed));
        Assert.Equal(number, parsed);
    }

    [Theory]
    [InlineData("")]
    [InlineData("ABCD-EFGH")]
    [InlineData("ABCD-EFGH-JK")]
    [InlineData("ABCD-EFGH-U")]
    [InlineData("<script>")]
    public void Malformed_numbers_are_refused(string input) => Assert.False(ComplaintNumber.TryParse(input, out _));

    [GeneratedRegex("^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]$")]
    private static partial Regex DisplayForm();
}
