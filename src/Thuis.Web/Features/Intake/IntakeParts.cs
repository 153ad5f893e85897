using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;

namespace Thuis.Web.Features.Intake;

/// <summary>Who recorded a part of a newcomer's intake last, and when; never its content.</summary>
public sealed record RecordedMark(Guid NewcomerId, string RecordedBy, DateTimeOffset RecordedAt);

/// <summary>That part number <see cref="Part"/> of <see cref="IntakePart.All"/> is recorded for a newcomer, by whom and when.</summary>
public sealed class PartRecorded
{
    public int Part { get; init; }

    public Guid NewcomerId { get; init; }

    public string RecordedBy { get; init; } = "";

    public DateTimeOffset RecordedAt { get; init; }

    public bool ByNewcomer { get; init; }
}

/// <summary>A part of a newcomer's intake that is recorded, by whom and when; never its content.</summary>
public sealed record RecordedPart(IntakePart Part, string RecordedBy, DateTimeOffset RecordedAt, bool ByNewcomer = false)
{
    /// <summary>"Karin Klantregisseur", or "Amina zelf" when the person wrote it in their own Thuis.</summary>
    public string By => IntakeSection.RecordedByText(RecordedBy, ByNewcomer);
}

/// <summary>The parts of the broad intake, in the order of the conversation, with their address and Dutch title.</summary>
public sealed record IntakePart(string Slug, string Title, string Summary, Type Section, bool Restricted,
    Func<AppDbContext, IQueryable<Guid>, CancellationToken, Task<List<RecordedMark>>> MarksAmong,
    Func<AppDbContext, IReadOnlyCollection<Guid>, int, IQueryable<PartRecorded>> RecordedAmong)
{
    public static IReadOnlyList<IntakePart> All { get; } =
    [
        Of<HouseholdSection>("huishouden", "Huishouden en gezinshereniging", "partner, kinderen, school, gezinshereniging"),
        Of<LearnabilitySection>("leerbaarheid", "Leerbaarheidstoets", "datum, score, uitkomst, ontheffing"),
        Of<LanguagesSection>("talen", "Talen", "talen met niveau per vaardigheid, alfabetisering"),
        Of<EducationSection>("opleiding", "Opleiding", "hoogste niveau, richting, diploma en diplomawaardering"),
        Of<WorkExperienceSection>("werkervaring", "Werkervaring", "beroepen (ESCO), jaren, rol"),
        Of<StrengthsSection>("eigen-kracht", "Eigen kracht", "talenten, vaardigheden, hobby's, waar iemand goed in was"),
        Of<NetworkSection>("netwerk", "Informeel netwerk", "familie, vrienden, landgenoten, buren, clubs"),
        Of<ReciprocitySection>("wederkerigheid", "Wederkerigheid", "wat iemand kan en wil geven"),
        Of<AspirationsSection>("wensen", "Wensen en dromen", "korte en lange termijn, in eigen woorden"),
        Of<CircumstancesSection>("persoonlijke-omstandigheden", "Persoonlijke omstandigheden", "gezondheid, zorg, praktische beperkingen", restricted: true),
        Of<FinancesSection>("financien", "Financiën", "inkomen, schulden, bankrekening, ontzorgen"),
        Of<InvitationsSection>("uitnodigingen", "Uitnodigingen voor de intake", "uitnodigingen, niet verschenen, waarschuwing, boetes"),
    ];

    /// <summary>
    /// Which of the newcomers a query selects, such as a report's cohort, have this part recorded, by whom and when:
    /// the database joins the two, where a list of thousands of ids would be sent as thousands of parameters.
    /// </summary>
    public Task<List<RecordedMark>> ReadMarksAsync(AppDbContext db, IQueryable<Guid> newcomerIds, CancellationToken cancellationToken) =>
        MarksAmong(db, newcomerIds, cancellationToken);

    /// <summary>
    /// Which parts are recorded for these newcomers, by whom and when, read in one query for all parts together, in
    /// the order of the conversation (a list page shows what is still missing for each of its people, a dossier and
    /// its journey show who recorded what; twelve round trips per page view are what made those pages slow).
    /// </summary>
    public static async Task<ILookup<Guid, RecordedPart>> RecordedAsync(AppDbContext db, IReadOnlyCollection<Guid> newcomerIds, CancellationToken cancellationToken)
    {
        var query = All[0].RecordedAmong(db, newcomerIds, 0);
        for (var i = 1; i < All.Count; i++)
        {
            query = query.Concat(All[i].RecordedAmong(db, newcomerIds, i));
        }
        return (await query.ToListAsync(cancellationToken)).OrderBy(r => r.Part)
            .ToLookup(r => r.NewcomerId, r => new RecordedPart(All[r.Part], r.RecordedBy, r.RecordedAt, r.ByNewcomer));
    }

    private static IntakePart Of<TSection>(string slug, string title, string summary, bool restricted = false) where TSection : IntakeSection =>
        new(slug, title, summary, typeof(TSection), restricted,
            (db, ids, cancellationToken) => db.Set<TSection>().Where(s => ids.Contains(s.NewcomerId))
                .Select(s => new RecordedMark(s.NewcomerId, s.RecordedBy, s.RecordedAt))
                .ToListAsync(cancellationToken),
            (db, ids, part) => db.Set<TSection>().Where(s => ids.Contains(s.NewcomerId))
                .Select(s => new PartRecorded { Part = part, NewcomerId = s.NewcomerId, RecordedBy = s.RecordedBy, RecordedAt = s.RecordedAt, ByNewcomer = s.RecordedByNewcomer }));
}
