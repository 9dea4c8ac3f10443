using Redress.SharedKernel.Validation;

namespace Redress.SharedKernel.Tests;

public sealed class FreeTextTests
{
    [Theory]
    [InlineData(null, TextProblem.Missing)]
    [InlineData("   ", TextProblem.Missing)]
    [InlineData("  ok  ", TextProblem.None)]
    [InlineData("twelve chars", TextProblem.TooLong)]
    [InlineData("bell\u0007", TextProblem.InvalidCharacters)]
    [InlineData("nul\u0000x", TextProblem.InvalidCharacters)]
    public void Single_line_text_is_judged_in_one_order(string? value, TextProblem expected) =>
        Assert.Equal(expected, FreeText.Check(value, maxLength: 10, multiline: false, out _));

    [Fact]
    public void Line_breaks_and_tabs_are_allowed_only_in_multiline_text()
    {
        Assert.Equal(TextProblem.None, FreeText.Check("one\r\ntwo\tthree", 100, multiline: true, out var trimmed));
        Assert.Equal("one\r\ntwo\tthree", trimmed);
        Assert.Equal(TextProblem.InvalidCharacters, FreeText.Check("one\ntwo", 100, multiline: false, out _));
        Assert.Equal(TextProblem.InvalidCharacters, FreeText.Check("one\u001btwo", 100, multiline: true, out _));
    }

    [Fact]
    public void A_control_character_in_text_within_the_limit_is_not_called_too_long() =>
        Assert.Equal(TextProblem.InvalidCharacters, FreeText.Check("a\u0007", 4000, multiline: true, out _));
}
