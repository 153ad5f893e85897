namespace Thuis.Web.Features.Dossiers;

/// <summary>Countries of origin that case managers type most, offered as suggestions; any other may be typed.</summary>
public static class Countries
{
    public static IReadOnlyList<string> Common { get; } =
    [
        "Syrië", "Eritrea", "Afghanistan", "Turkije", "Jemen", "Oekraïne", "Irak", "Iran", "Somalië", "Ethiopië",
        "Soedan", "Zuid-Soedan", "Congo (DRC)", "Nigeria", "Libië", "Marokko", "Palestijnse gebieden", "Sri Lanka", "Rusland", "Georgië",
        "Staatloos", "Onbekend",
    ];
}
