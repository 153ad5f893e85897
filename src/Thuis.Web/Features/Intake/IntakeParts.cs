namespace Thuis.Web.Features.Intake;

/// <summary>The parts of the broad intake, in the order of the conversation, with their address and Dutch title.</summary>
public sealed record IntakePart(string Slug, string Title, string Summary, Type Section, bool Restricted = false)
{
    public static IReadOnlyList<IntakePart> All { get; } =
    [
        new("huishouden", "Huishouden en gezinshereniging", "partner, kinderen, school, gezinshereniging", typeof(HouseholdSection)),
        new("leerbaarheid", "Leerbaarheidstoets", "datum, score, uitkomst, ontheffing", typeof(LearnabilitySection)),
        new("talen", "Talen", "talen met niveau per vaardigheid, alfabetisering", typeof(LanguagesSection)),
        new("opleiding", "Opleiding", "hoogste niveau, richting, diploma en diplomawaardering", typeof(EducationSection)),
        new("werkervaring", "Werkervaring", "beroepen (ESCO), jaren, rol", typeof(WorkExperienceSection)),
        new("eigen-kracht", "Eigen kracht", "talenten, vaardigheden, hobby's, waar iemand goed in was", typeof(StrengthsSection)),
        new("netwerk", "Informeel netwerk", "familie, vrienden, landgenoten, buren, clubs", typeof(NetworkSection)),
        new("wederkerigheid", "Wederkerigheid", "wat iemand kan en wil geven", typeof(ReciprocitySection)),
        new("wensen", "Wensen en dromen", "korte en lange termijn, in eigen woorden", typeof(AspirationsSection)),
        new("persoonlijke-omstandigheden", "Persoonlijke omstandigheden", "gezondheid, zorg, praktische beperkingen", typeof(CircumstancesSection), Restricted: true),
        new("financien", "Financiën", "inkomen, schulden, bankrekening, ontzorgen", typeof(FinancesSection)),
        new("uitnodigingen", "Uitnodigingen voor de intake", "uitnodigingen, niet verschenen, waarschuwing, boetes", typeof(InvitationsSection)),
    ];

    public static IntakePart? Find(string slug) => All.FirstOrDefault(p => p.Slug == slug);
}
