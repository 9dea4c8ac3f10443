namespace Redress.SharedKernel.Validation;

/// <summary>What is wrong with a piece of free text a person typed, if anything.</summary>
public enum TextProblem
{
    None,
    Missing,
    TooLong,
    InvalidCharacters,
}

/// <summary>
/// The one rule for free text (descriptions, messages, reasons): trimmed, not empty, within a length, and without
/// control characters, which cannot be shown or printed faithfully. Each module turns the problem into its own
/// localized message, so a control character is never reported as "too long".
/// </summary>
public static class FreeText
{
    /// <summary>
    /// Checks <paramref name="value"/>; on <see cref="TextProblem.None"/>, <paramref name="trimmed"/> is the text to store.
    /// <paramref name="multiline"/> allows line breaks and tabs (messages); without it the text must be one line (ledger reasons).
    /// <paramref name="maxLength"/> counts the trimmed text.
    /// </summary>
    public static TextProblem Check(string? value, int maxLength, bool multiline, out string trimmed)
    {
        trimmed = value?.Trim() ?? string.Empty;
        if (trimmed.Length == 0)
        {
            return TextProblem.Missing;
        }

        if (trimmed.Length > maxLength)
        {
            return TextProblem.TooLong;
        }

        foreach (var c in trimmed)
        {
            if (char.IsControl(c) && !(multiline && c is '\n' or '\r' or '\t'))
            {
                return TextProblem.InvalidCharacters;
            }
        }

        return TextProblem.None;
    }
}
