using PdfSharp.Fonts;

namespace Redress.Complaints.Letters;

/// <summary>
/// Gives PDFsharp one face that has both Latin and CJK glyphs, so a letter in either language renders with the same
/// font. The face is taken from an installed TrueType collection at first use; font files are not shipped (ADR 15).
/// </summary>
internal sealed class LetterFontResolver : IFontResolver
{
    public const string FamilyName = "Redress Letter";

    private const string FaceName = "redress-letter-regular";

    /// <summary>Face 0 of each is a TrueType (glyf) face with Latin and CJK glyphs; Noto CJK is CFF and will not do.</summary>
    private static readonly string[] s_candidates =
    [
        "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
        "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    ];

    private readonly Lazy<byte[]> _face = new(LoadFace);

    /// <summary>Whether this machine has a face the letters can be rendered with.</summary>
    public static bool IsAvailable => s_candidates.Any(File.Exists);

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        string.Equals(familyName, FamilyName, StringComparison.Ordinal) ? new FontResolverInfo(FaceName, bold, italic) : null;

    public byte[]? GetFont(string faceName) => string.Equals(faceName, FaceName, StringComparison.Ordinal) ? _face.Value : null;

    private static byte[] LoadFace()
    {
        var path = s_candidates.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException(
                "No font with Chinese glyphs for final response letters: install the Debian package fonts-wqy-microhei (looked for "
                + string.Join(", ", s_candidates) + ").");
        return TrueTypeCollection.ExtractFace(File.ReadAllBytes(path), 0);
    }
}
