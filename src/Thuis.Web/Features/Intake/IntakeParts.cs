using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;

namespace Thuis.Web.Features.Intake;

/// <summary>Who recorded a part of a newcomer's intake last, and when; never its content.</summary>
public sealed record RecordedMark(Guid NewcomerId, string RecordedBy, DateTimeOffset RecordedAt);

/// <summary>The parts of the broad intake, in the order of the conversation, with their address and Dutch title.</summary>
public sealed record IntakePart(string Slug, string Title, string Summary, Type Section, bool Restricted = false)
{
    /// <summary>Which of these newcomers have this part recorded, by whom and when.</summary>
    public Task<List<RecordedMark>> ReadMarksAsync(AppDbContext db, IReadOnlyCollection<Guid> newcomerIds, CancellationToken cancellationToken) =>
        (Task<List<RecordedMark>>)typeof(IntakePart).GetMethod(nameof(MarksOf), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .MakeGenericMethod(Section).Invoke(null, [db, newcomerIds, cancellationToken])!;

    private static Task<List<RecordedMark>> MarksOf<TSection>(AppDbContext db, IReadOnlyCollection<Guid> newcomerIds, CancellationToken cancellationToken)
        where TSection : IntakeSection =>
        db.Set<TSection>().Where(s => newcomerIds.Contains(s.NewcomerId))
            .Select(s => new RecordedMark(s.NewcomerId, s.RecordedBy, s.RecordedAt))
            .ToListAsync(cancellationToken);

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
