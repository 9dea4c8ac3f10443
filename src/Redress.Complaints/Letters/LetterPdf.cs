using System.Globalization;
using System.Text;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;

namespace Redress.Complaints.Letters;

/// <summary>Lays a composed letter out on A4 pages: letterhead, reference block, then the paragraphs, wrapped to the measure.</summary>
internal static class LetterPdf
{
    private const double Margin = 56.7; // 20 mm
    private const double BodySize = 10.5;

    private static readonly Lock s_setup = new();
    private static bool s_resolverSet;

    public static byte[] Render(FinalResponseLetter letter)
    {
        EnsureFontResolver();
        var document = new PdfDocument();
        document.Info.Title = letter.Title;
        document.Info.Creator = "Redress";
        var options = new XPdfFontOptions(PdfFontEncoding.Unicode);
        var body = new XFont(LetterFontResolver.FamilyName, BodySize, XFontStyleEx.Regular, options);
        var heading = new XFont(LetterFontResolver.FamilyName, 13, XFontStyleEx.Bold, options);
        var letterhead = new XFont(LetterFontResolver.FamilyName, 20, XFontStyleEx.Bold, options);
        var small = new XFont(LetterFontResolver.FamilyName, 9, XFontStyleEx.Regular, options);

        var writer = new PageWriter(document);
        writer.Line(letterhead, "Redress", XBrushes.DarkSlateBlue, after: 4);
        writer.Rule();
        writer.Line(small, letter.ReferenceLine, XBrushes.DimGray, after: 0);
        writer.Line(small, letter.DateLine, XBrushes.DimGray, after: 14);
        writer.Paragraph(heading, letter.Title, after: 10);
        writer.Line(body, letter.Addressee, XBrushes.Black, after: 8);
        foreach (var paragraph in letter.Paragraphs)
        {
            writer.Paragraph(body, paragraph, after: 7);
        }

        writer.Finish();
        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }

    /// <summary>Text broken into pieces a line may end after: each CJK character stands alone, Latin words stay whole.</summary>
    internal static IEnumerable<string> BreakOpportunities(string text)
    {
        var word = new StringBuilder();
        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.IsWhiteSpace(rune) || IsCjk(rune))
            {
                if (word.Length > 0)
                {
                    yield return word.ToString();
                    word.Clear();
                }

                yield return rune.ToString();
            }
            else
            {
                word.Append(rune.ToString());
            }
        }

        if (word.Length > 0)
        {
            yield return word.ToString();
        }
    }

    private static bool IsCjk(Rune rune) => rune.Value is
        (>= 0x2E80 and <= 0x9FFF) or (>= 0xAC00 and <= 0xD7AF) or (>= 0xF900 and <= 0xFAFF) or (>= 0xFE30 and <= 0xFE4F) or (>= 0xFF00 and <= 0xFFEF) or (>= 0x20000 and <= 0x3FFFF);

    // PDFsharp's font resolver is process-wide and may be set only once.
    private static void EnsureFontResolver()
    {
        lock (s_setup)
        {
            if (!s_resolverSet)
            {
                GlobalFontSettings.FontResolver = new LetterFontResolver();
                s_resolverSet = true;
            }
        }
    }

    private sealed class PageWriter
    {
        private readonly PdfDocument _document;
        private XGraphics _graphics = null!;
        private double _width;
        private double _bottom;
        private double _y;

        public PageWriter(PdfDocument document)
        {
            _document = document;
            NewPage();
        }

        public void Line(XFont font, string text, XBrush brush, double after)
        {
            var height = font.GetHeight();
            MakeRoom(height);
            _graphics.DrawString(text, font, brush, new XRect(Margin, _y, _width, height), XStringFormats.TopLeft);
            _y += height + after;
        }

        public void Rule()
        {
            _graphics.DrawLine(new XPen(XColors.DarkSlateBlue, 0.8), Margin, _y, Margin + _width, _y);
            _y += 8;
        }

        public void Paragraph(XFont font, string text, double after)
        {
            foreach (var block in text.Split('\n'))
            {
                foreach (var line in Wrap(font, block.TrimEnd('\r')))
                {
                    Line(font, line, XBrushes.Black, after: 1.5);
                }
            }

            _y += after;
        }

        public void Finish() => _graphics.Dispose();

        private List<string> Wrap(XFont font, string text)
        {
            var lines = new List<string>();
            var current = new StringBuilder();
            // A word wider than the measure (a long URL or reference) is broken between characters rather than cut off.
            var pieces = BreakOpportunities(text).SelectMany(piece => _graphics.MeasureString(piece, font).Width <= _width
                ? [piece]
                : piece.EnumerateRunes().Select(rune => rune.ToString()));
            foreach (var piece in pieces)
            {
                var candidate = current + piece;
                if (current.Length == 0 || _graphics.MeasureString(candidate, font).Width <= _width)
                {
                    current.Append(piece);
                    continue;
                }

                lines.Add(current.ToString().TrimEnd());
                current.Clear();
                if (!string.IsNullOrWhiteSpace(piece))
                {
                    current.Append(piece);
                }
            }

            lines.Add(current.ToString().TrimEnd());
            return lines;
        }

        private void MakeRoom(double height)
        {
            if (_y + height > _bottom)
            {
                _graphics.Dispose();
                NewPage();
            }
        }

        private void NewPage()
        {
            var page = _document.AddPage();
            page.Size = PageSize.A4;
            _graphics = XGraphics.FromPdfPage(page);
            _width = page.Width.Point - (2 * Margin);
            _bottom = page.Height.Point - Margin;
            _y = Margin;
            if (_document.PageCount > 1)
            {
                var footer = new XFont(LetterFontResolver.FamilyName, 8, XFontStyleEx.Regular, new XPdfFontOptions(PdfFontEncoding.Unicode));
                _graphics.DrawString(_document.PageCount.ToString(CultureInfo.InvariantCulture), footer, XBrushes.Gray, new XPoint(Margin + _width, _bottom + 20), XStringFormats.TopRight);
            }
        }
    }
}
