using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Features.Dossiers;
using Thuis.Web.Features.Occupations;
using Thuis.Web.Platform.Editing;
using Thuis.Web.Platform.Localization;
using Thuis.Web.Platform.Security;

namespace Thuis.Web.Features.Work;

public sealed class CvForm
{
    public string? Profile { get; set; }

    public bool LeaveOutContact { get; set; }

    public bool LeaveOutWork { get; set; }

    public bool LeaveOutEducation { get; set; }

    public bool LeaveOutLanguages { get; set; }

    public bool LeaveOutSkills { get; set; }

    public bool LeaveOutVolunteering { get; set; }

    public bool LeaveOutCourses { get; set; }

    public Guid Version { get; set; }

    public static CvForm From(CurriculumVitae cv) => new()
    {
        Profile = cv.Profile,
        LeaveOutContact = cv.Choices.LeftOut.Contains(CvPart.Contact),
        LeaveOutWork = cv.Choices.LeftOut.Contains(CvPart.Work),
        LeaveOutEducation = cv.Choices.LeftOut.Contains(CvPart.Education),
        LeaveOutLanguages = cv.Choices.LeftOut.Contains(CvPart.Languages),
        LeaveOutSkills = cv.Choices.LeftOut.Contains(CvPart.Skills),
        LeaveOutVolunteering = cv.Choices.LeftOut.Contains(CvPart.Volunteering),
        LeaveOutCourses = cv.Choices.LeftOut.Contains(CvPart.Courses),
        Version = cv.Version,
    };

    /// <summary>The form's field that leaves a part out, e.g. "LeaveOutWork".</summary>
    public static string FieldOf(CvPart part) => $"LeaveOut{part}";

    public bool LeavesOut(CvPart part) => part switch
    {
        CvPart.Contact => LeaveOutContact,
        CvPart.Work => LeaveOutWork,
        CvPart.Education => LeaveOutEducation,
        CvPart.Languages => LeaveOutLanguages,
        CvPart.Skills => LeaveOutSkills,
        CvPart.Volunteering => LeaveOutVolunteering,
        CvPart.Courses => LeaveOutCourses,
        _ => false,
    };

    public CvChoices Choices => new(Profile, new HashSet<CvPart>(Enum.GetValues<CvPart>().Where(LeavesOut)));
}

/// <summary>What the edit page shows: the CV as it stands and the form to change it.</summary>
public sealed record CvEditing(CurriculumVitae Cv, CvForm Form);

/// <summary>
/// Changes the CV with the person: "Over mij" in their words and which parts to leave out. The rest comes from the
/// intake and is changed there. A save from a page loaded before someone else's save is refused, also when both
/// made the CV at once.
/// </summary>
public sealed class EditCv(AppDbContext db, OccupationCatalogue catalogue, CurrentUser currentUser, TimeProvider clock)
{
    public const string Purpose = "Cv bewerken met de statushouder (weg naar werk)";

    public const string ChangedMeanwhile =
        "Iemand anders heeft dit cv gewijzigd nadat u het opende. Uw wijziging is niet opgeslagen; hieronder staat het cv zoals het nu is.";

    /// <summary>The CV and a form holding what was saved; null for a dossier the user cannot see.</summary>
    public async Task<CvEditing?> LoadAsync(Guid newcomerId, CancellationToken cancellationToken)
    {
        var person = await ReadDossier.NewcomerAsync(db, newcomerId, nameof(Cv), Purpose, cancellationToken);
        if (person is null)
        {
            return null;
        }
        var cv = await CvContents.ReadAsync(db, catalogue, person, clock.InTheNetherlands(), cancellationToken);
        return new CvEditing(cv, CvForm.From(cv));
    }

    public async Task<Outcome> HandleAsync(Guid newcomerId, CvForm form, CancellationToken cancellationToken)
    {
        var newcomer = await db.Newcomers.Where(n => n.Id == newcomerId).Select(n => new { n.MunicipalityId }).SingleOrDefaultAsync(cancellationToken);
        if (newcomer is null)
        {
            return Outcome.NotFound();
        }
        if (Cv.ProfileRefusal(form.Profile) is { } tooLong)
        {
            return Outcome.Invalid(nameof(CvForm.Profile), tooLong);
        }
        db.AuditPurpose = Purpose;
        var cv = await db.Cvs.SingleOrDefaultAsync(c => c.NewcomerId == newcomerId, cancellationToken);
        if (cv is null)
        {
            return await SaveVersionedChange.AddAsync(db, () =>
            {
                var made = new Cv(newcomerId, newcomer.MunicipalityId);
                made.Change(form.Choices, currentUser.DisplayName, clock.GetUtcNow());
                return made;
            }, form.Version, ChangedMeanwhile, cancellationToken);
        }
        return await SaveVersionedChange.HandleAsync(db, cv, form.Version,
            c => c.Change(form.Choices, currentUser.DisplayName, clock.GetUtcNow()), ChangedMeanwhile, cancellationToken);
    }
}
