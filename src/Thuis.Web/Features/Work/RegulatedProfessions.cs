using Thuis.Web.Features.Intake;

namespace Thuis.Web.Features.Work;

/// <summary>Who in the Netherlands recognises a foreign qualification for a regulated profession.</summary>
public enum RecognitionAuthority
{
    /// <summary>CIBG, for the professions of the BIG-register (Wet BIG).</summary>
    Cibg,

    /// <summary>DUO, for teachers.</summary>
    Duo,

    /// <summary>The Nederlandse orde van advocaten, for lawyers.</summary>
    Nova,
}

/// <summary>A regulated profession (gereglementeerd beroep): the work may only be done once the qualification is recognised.</summary>
public sealed record RegulatedProfession(string Name, RecognitionAuthority Authority, string Route, string Source);

/// <summary>
/// The regulated professions Thuis knows, by their ISCO-08 unit group, with the route to recognition for a qualification
/// from outside the EU, as the authorities describe it (sources in each entry; see docs/work.md). A diploma valuation
/// (IDW) alone does not give the right to work in these professions.
/// </summary>
public static class RegulatedProfessions
{
    private const string BigSource = "https://www.bigregister.nl/buitenlands-diploma/procedures/erkenning-beroepskwalificaties";
    private const string DuoSource = "https://duo.nl/particulier/buitenlands-diploma-in-nederland/werken-als-leraar.jsp";
    private const string NovaSource = "https://www.advocatenorde.nl/starten-als-advocaat/rechtenstudie-buiten-nederland";

    private const string BigRoute =
        "Erkenning van het buitenlandse diploma aanvragen bij het CIBG. De Commissie Buitenslands Gediplomeerden Volksgezondheid geeft advies; "
        + "soms is eerst een aanpassingsstage of een proeve van vakbekwaamheid nodig. Na erkenning volgt de inschrijving in het BIG-register, "
        + "waarvoor ook bewijs van voldoende Nederlands nodig is.";

    private const string DuoRoute =
        "Erkenning van de beroepskwalificatie als leraar aanvragen bij DUO, met het formulier voor diploma's van buiten de EU. "
        + "De opleiding moet gelijkwaardig zijn en in het land van herkomst lesbevoegdheid geven; voor het basis- en speciaal onderwijs geldt ook een taaleis.";

    private const string NovaRoute =
        "Met een rechtenstudie van buiten de EU eerst een Nederlandse bachelor en master in de rechten halen; een diplomawaardering kan vrijstellingen geven "
        + "(vraag het de universiteit vooraf). Daarna volgt de beëdiging als advocaat via de Nederlandse orde van advocaten.";

    private static readonly Dictionary<string, RegulatedProfession> ByIsco = new(StringComparer.Ordinal)
    {
        ["2211"] = new("arts", RecognitionAuthority.Cibg, BigRoute, BigSource),
        ["2212"] = new("medisch specialist", RecognitionAuthority.Cibg, BigRoute, BigSource),
        ["2221"] = new("verpleegkundige", RecognitionAuthority.Cibg, BigRoute, BigSource),
        ["3221"] = new("verpleegkundige", RecognitionAuthority.Cibg, BigRoute, BigSource),
        ["2222"] = new("verloskundige", RecognitionAuthority.Cibg, BigRoute, BigSource),
        ["3222"] = new("verloskundige", RecognitionAuthority.Cibg, BigRoute, BigSource),
        ["2261"] = new("tandarts", RecognitionAuthority.Cibg, BigRoute, BigSource),
        ["2262"] = new("apotheker", RecognitionAuthority.Cibg, BigRoute, BigSource),
        ["2264"] = new("fysiotherapeut", RecognitionAuthority.Cibg, BigRoute, BigSource),
        ["2634"] = new("GZ-psycholoog of psychotherapeut", RecognitionAuthority.Cibg, BigRoute, BigSource),
        ["2320"] = new("docent beroepsonderwijs", RecognitionAuthority.Duo, DuoRoute, DuoSource),
        ["2330"] = new("leraar voortgezet onderwijs", RecognitionAuthority.Duo, DuoRoute, DuoSource),
        ["2341"] = new("leraar basisonderwijs", RecognitionAuthority.Duo, DuoRoute, DuoSource),
        ["2342"] = new("leraar basisonderwijs (jonge kind)", RecognitionAuthority.Duo, DuoRoute, DuoSource),
        ["2352"] = new("leraar speciaal onderwijs", RecognitionAuthority.Duo, DuoRoute, DuoSource),
        ["2611"] = new("advocaat", RecognitionAuthority.Nova, NovaRoute, NovaSource),
    };

    /// <summary>The regulated profession of an ISCO-08 unit group, or null when the work is not regulated.</summary>
    public static RegulatedProfession? Of(string? iscoGroup) => iscoGroup is null ? null : ByIsco.GetValueOrDefault(iscoGroup);

    public static string Dutch(this RecognitionAuthority authority) => authority switch
    {
        RecognitionAuthority.Cibg => "het CIBG (BIG-register)",
        RecognitionAuthority.Duo => "DUO",
        _ => "de Nederlandse orde van advocaten",
    };

    public static string Dutch(this RecognitionStatus status) => status switch
    {
        RecognitionStatus.NotApplied => "nog niet aangevraagd",
        RecognitionStatus.Applied => "aangevraagd",
        RecognitionStatus.Conditions => "aanpassingsstage of proeve van bekwaamheid",
        RecognitionStatus.Recognised => "erkend",
        RecognitionStatus.Refused => "afgewezen",
        _ => status.ToString(),
    };
}
