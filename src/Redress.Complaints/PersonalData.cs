using System.Security.Cryptography;
using System.Text;

namespace Redress.Complaints;

/// <summary>
/// The random salt of one item of personal data, kept outside the hash chain (ADR 21). The chain holds
/// HMAC-SHA256(salt, content); deleting the content and this salt leaves a digest that reveals nothing and can no
/// longer be tested against a guess, while every entry's hash still verifies.
/// </summary>
internal sealed class PersonalDataSalt
{
    public const int SaltBytes = 32;

    private PersonalDataSalt()
    {
    }

    public long ComplaintId { get; private set; }

    /// <summary>Which item the salt belongs to (<see cref="PersonalDataItems"/>).</summary>
    public string Item { get; private set; } = string.Empty;

    public byte[] Salt { get; private set; } = [];

    public static PersonalDataSalt Draw(string item) => new() { Item = item, Salt = RandomNumberGenerator.GetBytes(SaltBytes) };

    public string DigestOf(string text) => PersonalDataItems.Digest(Salt, Encoding.UTF8.GetBytes(text));

    public string DigestOf(ReadOnlySpan<byte> content) => PersonalDataItems.Digest(Salt, content);
}

/// <summary>The names salts are stored under, one per item of personal data on a complaint.</summary>
internal static class PersonalDataItems
{
    public const string Description = "description";
    public const string DesiredOutcome = "desired-outcome";

    public static string MessageBody(Guid message) => $"message:{message:N}";

    public static string Attachment(Guid attachment) => $"attachment:{attachment:N}";

    public static string LetterDocument(Guid document) => $"letter:{document:N}";

    /// <summary>Lower-case hex of HMAC-SHA256 keyed with the salt over the content's bytes (UTF-8 for text).</summary>
    public static string Digest(ReadOnlySpan<byte> salt, ReadOnlySpan<byte> content) => Convert.ToHexStringLower(HMACSHA256.HashData(salt, content));
}
