namespace Thuis.Web.Features.Retention;

/// <summary>
/// How long one kind of record is kept, from when, on what ground, and what Thuis does when the term has passed.
/// <paramref name="Source"/> names the text the term comes from, so anyone can check it.
/// </summary>
public sealed record RetentionRule(string Kind, string Records, string Term, string From, string Source, string WhatThuisDoes);

/// <summary>
/// The retention terms of Thuis. The Besluit inburgering 2021 has its own term for everything the college keeps to carry
/// out the Wet inburgering 2021, and it goes before the municipalities' selection list of 2020 (which predates the law
/// and names the "inburgeringstraject" under result 8.1 with ten years). Details and sources: <c>docs/retention.md</c>.
/// </summary>
public static class RetentionRules
{
    /// <summary>Years after the dossier closed: "na verloop van vijf jaren na beëindiging van de inburgeringsplicht".</summary>
    public const int YearsAfterClosing = 5;

    public const string DossierSource = "Besluit inburgering 2021, art. 9.9 lid 1 sub a";

    /// <summary>The day a dossier closed on <paramref name="closedOn"/> is erased.</summary>
    public static DateOnly EraseOn(DateOnly closedOn) => closedOn.AddYears(YearsAfterClosing);

    public static IReadOnlyList<RetentionRule> All { get; } =
    [
        new("dossier", "Het dossier en alles over de persoon: persoonsgegevens, brede intake, PIP en zijn versies, vestiging en mijlpalen, lessen en aanwezigheid, voorstellen, toestemmingen, verwijzingen, signalen, reacties en de eigen toegang",
            $"{YearsAfterClosing} jaar", "na het sluiten van het dossier: de inburgeringsplicht is beëindigd of de persoon is verhuisd",
            DossierSource + " (gaat vóór de Selectielijst gemeenten 2020, resultaat 8.1: 10 jaar)",
            "De dagelijkse ronde wist elke tekst (namen, nummers, adres, notities, antwoorden) en houdt alleen datums, statussen en aantallen, zodat de rapportages blijven kloppen. Het eigen account van de persoon wordt verwijderd."),
        new("overleden", "Het dossier van iemand die is overleden", "direct", "zodra het overlijden bekend is",
            "Besluit inburgering 2021, art. 9.9 lid 1 sub b",
            "Wissen op verzoek, met reden ‘overleden’, na akkoord van twee functioneel beheerders."),
        new("verzoek", "Het dossier van iemand die vraagt om wissen", "binnen een maand beslissen", "na ontvangst van het verzoek",
            "AVG art. 17 en art. 12 lid 3",
            "Een klantregisseur of coördinator legt het verzoek vast; twee verschillende functioneel beheerders keuren het goed of wijzen het met reden af."),
        new("kern", "BSN, naam, adres, woonplaats, geboortedatum, vrijstelling, ontheffing, datum en wijze van voldoen", "ten hoogste 50 jaar",
            "na beëindiging van de inburgeringsplicht", "Besluit inburgering 2021, art. 9.9 lid 2",
            "Thuis houdt ze niet langer dan de rest van het dossier: ‘ten hoogste’ is een grens, geen plicht, en DUO houdt zijn eigen register."),
        new("audit", "De audittrail: wie wat wanneer bekeek of wijzigde", "zo lang als de gemeente bepaalt", "vanaf de regel",
            "BIO2 8.15.04 (risicogericht); Selectielijst gemeenten 2020, resultaat 19.1.24 (login-gegevens: 6 maanden)",
            "Thuis wist geen regels: de keten moet controleerbaar blijven en een regel bevat geen waarden. Na het wissen van een dossier verwijst een regel alleen nog naar het id van een gewist dossier (een pseudoniem)."),
    ];
}
