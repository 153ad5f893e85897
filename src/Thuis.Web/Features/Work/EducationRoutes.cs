using Thuis.Web.Features.Intake;

namespace Thuis.Web.Features.Work;

/// <summary>
/// One level of Dutch vocational education on the road from the entree course up: its NLQF level, the usual length
/// (the longer end of the range the source gives, so due dates are not too tight), what admits to it, and the Dutch
/// it usually asks at the start where the source says so.
/// </summary>
public sealed record EducationLevelStep(
    string Key, string Name, string ShortName, int Nlqf, int Months, string Duration, string Admission, string DutchAtStart, string Source, string DutchSource);

/// <summary>
/// The education route of seed 003 ("na de inburgering gaat de vluchteling vaak naar een entreeopleiding, waarna hopelijk
/// kan worden doorgestroomd naar niveau 2") and on: entree → mbo 2 → mbo 3 → mbo 4 → hbo, each level admitting to the
/// next. Sources are listed in docs/work.md.
/// </summary>
public static class EducationRoutes
{
    private const string MboLevels = "https://www.rijksoverheid.nl/onderwerpen/middelbaar-beroepsonderwijs/opleidingen-niveaus-en-leerwegen-in-het-mbo";
    private const string Nt2Programmes = "https://www.staatsexamensnt2.nl/item/programma-i-en-ii";
    private const string Nt2InMbo = "https://www.staatsexamensnt2.nl/nieuws/20160601/-benut-het-potentieel-en-investeer";
    private const string InspectionOnDutch = "https://www.onderwijsinspectie.nl/onderwerpen/onderwijs-aan-nieuwkomers/vraag-en-antwoord/over-welk-taalniveau-moeten-studenten-beschikken-om-tot-de-opleiding-te-worden-toegelaten";
    private const string HboAdmission = "https://www.onderwijsconsument.nl/kan-ik-doorstromen-van-mbo-naar-hbo/";

    public static readonly IReadOnlyList<EducationLevelStep> Levels =
    [
        new("entree", "entreeopleiding (mbo 1)", "entree", 1, 12, "1 jaar",
            "geen diploma nodig; voor wie (nog) niet toelaatbaar is tot mbo 2",
            "geen vaste taaleis; tijdens de opleiding werkt de student naar het inburgeringsexamen of het Staatsexamen NT2",
            MboLevels, Nt2InMbo),
        new("mbo2", "basisberoepsopleiding (mbo 2)", "mbo 2", 2, 24, "1 tot 2 jaar",
            "diploma entreeopleiding of vmbo",
            "geen vaste taaleis; de school beoordeelt of het Nederlands genoeg is, en het diploma vraagt Nederlands op niveau 2F",
            MboLevels, InspectionOnDutch),
        new("mbo3", "vakopleiding (mbo 3)", "mbo 3", 3, 36, "2 tot 3 jaar",
            "diploma mbo 2, vmbo kader, gemengde of theoretische leerweg, of havo",
            "Nederlands op B1 (Staatsexamen NT2 programma I)",
            MboLevels, Nt2Programmes),
        new("mbo4", "middenkaderopleiding (mbo 4)", "mbo 4", 4, 36, "3 jaar, bij sommige opleidingen 4",
            "diploma mbo 2 of mbo 3, vmbo kader, gemengde of theoretische leerweg, of havo",
            "Nederlands op B1 (Staatsexamen NT2 programma I)",
            MboLevels, Nt2Programmes),
        new("hbo", "hbo-bachelor", "hbo", 6, 48, "4 jaar (associate degree 2 jaar)",
            "diploma mbo 4, havo of vwo, of een buitenlands diploma dat de hogeschool gelijkwaardig vindt",
            "Nederlands op B2 (Staatsexamen NT2 programma II)",
            HboAdmission, Nt2Programmes),
    ];

    /// <summary>Fields people often choose; the case manager may type any other.</summary>
    public static readonly IReadOnlyList<string> CommonFields =
    [
        "zorg en welzijn", "techniek", "bouw en infra", "logistiek", "horeca en bakkerij", "handel en ondernemen",
        "ict", "economie en administratie", "groen (landbouw en voedsel)", "schoonmaak en facilitair", "onderwijs en kinderopvang",
        "uiterlijke verzorging", "transport",
    ];

    public static EducationLevelStep? Find(string? key) => Levels.SingleOrDefault(l => l.Key == key);

    public static int IndexOf(EducationLevelStep level) => Levels.ToList().IndexOf(level);

    /// <summary>The levels from <paramref name="start"/> up to and including <paramref name="aim"/>, in order.</summary>
    public static IReadOnlyList<EducationLevelStep> Path(EducationLevelStep start, EducationLevelStep aim) =>
        [.. Levels.Skip(IndexOf(start)).Take(IndexOf(aim) - IndexOf(start) + 1)];

    /// <summary>
    /// Where the route usually starts for someone, from their education: the valued Dutch level (NLQF) first, as the
    /// level above the one they have; else the education as recorded in the intake.
    /// </summary>
    public static EducationLevelStep StartFor(EducationLevel education, int? valuedNlqf) => Find(valuedNlqf switch
    {
        1 => "mbo2",
        2 => "mbo3",
        3 => "mbo4",
        >= 4 => "hbo",
        _ => education switch
        {
            EducationLevel.LowerSecondary => "mbo2",
            EducationLevel.UpperSecondary => "mbo3",
            EducationLevel.Vocational => "mbo4",
            EducationLevel.Bachelor or EducationLevel.Master or EducationLevel.Doctorate => "hbo",
            _ => "entree",
        },
    })!;
}
