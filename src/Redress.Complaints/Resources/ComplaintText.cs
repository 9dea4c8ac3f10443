using Microsoft.Extensions.Localization;
using Redress.SharedKernel;
using Redress.SharedKernel.Validation;

namespace Redress.Complaints.Resources;

/// <summary>Free text on the complaint side (descriptions, messages, reasons) checked by the one rule, with these messages.</summary>
internal static class ComplaintText
{
    /// <summary>The trimmed text, or null after adding the field's error.</summary>
    public static string? CheckText(
        this ValidationErrors errors, IStringLocalizer<ComplaintMessages> text, string field, string? value, int maxLength, string requiredKey = "TextRequired")
    {
        switch (FreeText.Check(value, maxLength, multiline: true, out var trimmed))
        {
            case TextProblem.None:
                return trimmed;
            case TextProblem.Missing:
                errors.Add(field, text[requiredKey]);
                return null;
            case TextProblem.TooLong:
                errors.Add(field, text["TextTooLong", maxLength]);
                return null;
            default:
                errors.Add(field, text["TextInvalidCharacters"]);
                return null;
        }
    }
}
