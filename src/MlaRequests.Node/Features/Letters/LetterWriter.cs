using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace MlaRequests.Node.Features.Letters;

/// <summary>Lays out headings and wrapped paragraphs on A4 pages, starting a new page when one is full.</summary>
public sealed class LetterWriter
{
    const double Margin = 56;
    readonly PdfDocument _document = new();
    readonly XFont _body = new(LetterFonts.Family, 10);
    readonly XFont _label = new(LetterFonts.Family, 10, XFontStyleEx.Bold);
    readonly XFont _title = new(LetterFonts.Family, 15, XFontStyleEx.Bold);
    XGraphics _page = null!;
    double _y;

    /// <summary>A new document with its first page.</summary>
    public LetterWriter(string title)
    {
        _document.Info.Title = title;
        NewPage();
    }

    /// <summary>The document title line.</summary>
    public void Title(string text) => Write(text, _title, 0, 22);

    /// <summary>A bold label with its value on the following lines (a dash when empty).</summary>
    public void Field(string label, string? value)
    {
        Write(label, _label, 0, 14);
        Write(string.IsNullOrWhiteSpace(value) ? "—" : value, _body, 12, 13);
        _y += 4;
    }

    /// <summary>A plain paragraph.</summary>
    public void Paragraph(string text) => Write(text, _body, 0, 13);

    /// <summary>The finished PDF.</summary>
    public byte[] ToArray()
    {
        using var stream = new MemoryStream();
        _document.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    void NewPage()
    {
        var page = _document.AddPage();
        page.Size = PdfSharp.PageSize.A4;
        _page = XGraphics.FromPdfPage(page);
        _y = Margin;
    }

    void Write(string text, XFont font, double indent, double lineHeight)
    {
        var width = _page.PageSize.Width - 2 * Margin - indent;
        foreach (var paragraph in text.Replace("\r", string.Empty, StringComparison.Ordinal).Split('\n'))
        {
            foreach (var line in Wrap(paragraph, font, width))
            {
                if (_y + lineHeight > _page.PageSize.Height - Margin)
                    NewPage();
                _page.DrawString(line, font, XBrushes.Black, new XPoint(Margin + indent, _y + lineHeight * 0.8));
                _y += lineHeight;
            }
        }
    }

    IEnumerable<string> Wrap(string paragraph, XFont font, double width)
    {
        var line = string.Empty;
        foreach (var word in paragraph.Split(' '))
        {
            var candidate = line.Length == 0 ? word : line + " " + word;
            if (line.Length > 0 && _page.MeasureString(candidate, font).Width > width)
            {
                yield return line;
                line = word;
            }
            else
                line = candidate;
        }
        yield return line;
    }
}
