using PhoneNumbers;

namespace Redress.Access;

/// <summary>Phone numbers in E.164, parsed and checked by libphonenumber, and masked for display.</summary>
public static class Phones
{
    private static readonly PhoneNumberUtil s_util = PhoneNumberUtil.GetInstance();

    /// <summary>Normalises to E.164; <paramref name="defaultRegion"/> applies to numbers written without a country code.</summary>
    public static bool TryNormalise(string? input, string defaultRegion, out string e164)
    {
        e164 = string.Empty;
        if (string.IsNullOrWhiteSpace(input))
        {
            return false;
        }

        try
        {
            var number = s_util.Parse(input, defaultRegion);
            if (!s_util.IsValidNumber(number))
            {
                return false;
            }

            e164 = s_util.Format(number, PhoneNumberFormat.E164);
            return true;
        }
        catch (NumberParseException)
        {
            return false;
        }
    }

    /// <summary>Keeps the country code and the last four digits: +86 *** **** 5678.</summary>
    public static string Mask(string? e164)
    {
        if (string.IsNullOrEmpty(e164) || e164.Length < 8)
        {
            return string.Empty;
        }

        try
        {
            var number = s_util.Parse(e164, null);
            return $"+{number.CountryCode} ••• {e164[^4..]}";
        }
        catch (NumberParseException)
        {
            return string.Empty;
        }
    }
}
