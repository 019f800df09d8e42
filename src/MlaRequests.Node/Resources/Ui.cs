using System.Globalization;
using System.Resources;

namespace MlaRequests.Node.Resources;

/// <summary>
/// The UI's texts in English (<c>Ui.resx</c>) and Russian (<c>Ui.ru.resx</c>); pages use
/// <c>IStringLocalizer&lt;Ui&gt;</c>, the letter asks for a language explicitly.
/// </summary>
public sealed class Ui
{
    static readonly ResourceManager Texts = new("MlaRequests.Node.Resources.Ui", typeof(Ui).Assembly);

    /// <summary>The text for <paramref name="key"/> in <paramref name="culture"/>; the key itself when none is defined.</summary>
    public static string Get(string key, CultureInfo culture) => Texts.GetString(key, culture) ?? key;
}
