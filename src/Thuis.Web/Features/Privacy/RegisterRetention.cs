namespace Thuis.Web.Features.Privacy;

/// <summary>
/// The retention column of the processing register, per category (<see cref="DataCategory.Key"/>).
/// FOR NOW a static table: when the retention rules (Features/Retention) arrive, the register reads their periods and
/// sources here instead, and this table goes. Keep one row per category; a test checks that none is missing.
/// </summary>
public static class RegisterRetention
{
    public const string Pending = "nog vast te stellen in de bewaarregels van Thuis";

    public static IReadOnlyDictionary<string, string> ByCategory { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["identiteit"] = $"zolang het dossier loopt; daarna {Pending}",
        ["intake"] = $"zolang het dossier loopt; daarna {Pending}",
        ["gezondheid"] = $"zolang het nodig is voor de begeleiding; {Pending}",
        ["financien"] = $"zolang het dossier loopt; daarna {Pending}",
        ["plan"] = $"zolang het dossier loopt, elke versie; daarna {Pending}",
        ["lessen"] = $"zolang het dossier loopt; daarna {Pending}",
        ["vestigen"] = $"zolang het dossier loopt; daarna {Pending}",
        ["participatie"] = $"een toestemming tot haar einddatum of intrekking; het overige {Pending}",
        ["signalen"] = $"zolang het dossier loopt; {Pending}",
        ["eigen-thuis"] = $"zolang de persoon toegang heeft of het dossier loopt; {Pending}",
        ["overdracht"] = $"zolang het dossier loopt; {Pending}",
        ["audittrail"] = $"niet gewijzigd of verwijderd (de keten bewijst dat); {Pending}",
    };

    public static string Of(string categoryKey) => ByCategory.GetValueOrDefault(categoryKey) ?? Pending;
}
