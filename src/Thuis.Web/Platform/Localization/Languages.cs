using System.Globalization;

namespace Thuis.Web.Platform.Localization;

/// <summary>A language Thuis speaks: its culture, the tag for <c>lang</c>, and its name in itself.</summary>
public sealed record Language(string Name, string Tag, string NativeName, CultureInfo Culture)
{
    public bool RightToLeft => Culture.TextInfo.IsRightToLeft;

    public string Direction => RightToLeft ? "rtl" : "ltr";
}

/// <summary>
/// The languages of Thuis. Staff pages speak Dutch with an English frame; the newcomer's own pages (under
/// <c>/mijn</c>) speak every language below. Plain Dutch is the source; dates are always on the Gregorian calendar,
/// as every letter, lesson and deadline in the Netherlands is, with month names in the person's language.
/// </summary>
public static class Languages
{
    public static Language Dutch { get; } = Make("nl-NL", "nl", "Nederlands");

    public static Language English { get; } = Make("en-GB", "en", "English");

    /// <summary>The staff's languages: Dutch pages with an English frame.</summary>
    public static IReadOnlyList<Language> Staff { get; } = [Dutch, English];

    /// <summary>The newcomer's languages, in the order they are offered. Dari is Afghan Persian (fa-AF).</summary>
    public static IReadOnlyList<Language> Newcomer { get; } =
    [
        Dutch,
        English,
        Make("ar", "ar", "العربية"),
        Make("ti", "ti", "ትግርኛ"),
        Make("fa-AF", "fa-AF", "دری"),
        Make("tr-TR", "tr", "Türkçe"),
        Make("so-SO", "so", "Soomaali"),
    ];

    public static Language? Find(string? name) => Newcomer.FirstOrDefault(l => string.Equals(l.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The language of the current request.</summary>
    public static Language Current => Find(CultureInfo.CurrentUICulture.Name) ?? Dutch;

    /// <summary>
    /// The newcomer language that matches a language as a case manager writes it in the dossier ("Arabisch",
    /// "Tigrinya", "Dari"), or null when Thuis does not speak it.
    /// </summary>
    public static Language? FromDutchName(string? language) => language?.Trim().ToLowerInvariant() switch
    {
        "nederlands" => Dutch,
        "engels" => English,
        "arabisch" => Find("ar"),
        "tigrinya" or "tigrinia" or "tigrinees" => Find("ti"),
        "dari" or "dari (perzisch)" => Find("fa-AF"),
        "turks" => Find("tr-TR"),
        "somalisch" => Find("so-SO"),
        _ => null,
    };

    private static Language Make(string name, string tag, string nativeName)
    {
        var culture = (CultureInfo)CultureInfo.GetCultureInfo(name).Clone();
        if (culture.DateTimeFormat.Calendar is not GregorianCalendar)
        {
            culture.DateTimeFormat.Calendar = new GregorianCalendar();
        }
        return new Language(name, tag, nativeName, CultureInfo.ReadOnly(culture));
    }
}
