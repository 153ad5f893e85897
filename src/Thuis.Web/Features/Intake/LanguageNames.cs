namespace Thuis.Web.Features.Intake;

/// <summary>Languages case managers record most, offered as suggestions; any other may be typed.</summary>
public static class LanguageNames
{
    public static IReadOnlyList<string> Common { get; } =
    [
        "Nederlands", "Engels", "Arabisch", "Tigrinya", "Dari", "Pashto", "Farsi", "Turks", "Koerdisch (Kurmanji)", "Koerdisch (Sorani)",
        "Somalisch", "Amhaars", "Oekraïens", "Russisch", "Frans", "Duits", "Urdu", "Tamil", "Swahili", "Lingala",
    ];
}
