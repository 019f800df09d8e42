using PdfSharp.Fonts;

namespace MlaRequests.Node.Features.Letters;

/// <summary>
/// DejaVu Sans from the Debian package <c>fonts-dejavu-core</c> for the letter: it has Cyrillic, and
/// PDFsharp finds no system fonts on Linux by itself. Without the files the letter fails with a
/// message naming the package.
/// </summary>
public sealed class LetterFonts : IFontResolver
{
    /// <summary>The family name the letter uses.</summary>
    public const string Family = "DejaVu Sans";

    const string Directory = "/usr/share/fonts/truetype/dejavu";
    static readonly object Gate = new();
    static bool _installed;

    /// <summary>Installs this resolver for PDFsharp once per process.</summary>
    public static void Install()
    {
        lock (Gate)
        {
            if (_installed)
                return;
            GlobalFontSettings.FontResolver = new LetterFonts();
            _installed = true;
        }
    }

    /// <inheritdoc />
    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? "DejaVuSans-Bold" : "DejaVuSans");

    /// <inheritdoc />
    public byte[]? GetFont(string faceName)
    {
        var path = Path.Combine(Directory, faceName + ".ttf");
        if (!File.Exists(path))
            throw new InvalidOperationException($"The letter needs the font {path}: install the Debian package fonts-dejavu-core (apt-get install fonts-dejavu-core).");
        return File.ReadAllBytes(path);
    }
}
