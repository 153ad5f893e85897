using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Features.Dossiers;
using Thuis.Web.Features.Plans;
using Thuis.Web.Platform.Editing;
using Thuis.Web.Platform.Security;

namespace Thuis.Web.Features.Trajectories;

public sealed class EnrolForm
{
    public Guid? NewcomerId { get; set; }

    public DateOnly? Since { get; set; }
}

public sealed record Candidate(Guid Id, string Name, DateOnly DateOfBirth, string CountryOfOrigin);

/// <summary>
/// Enrols a newcomer of the municipality in a group. The person is searched by name among the municipality's
/// own dossiers; someone of another municipality is never found and so can never be enrolled.
/// </summary>
public sealed class EnrolNewcomer(AppDbContext db, CurrentUser currentUser, TimeProvider clock)
{
    private const string AlreadyEnrolled = "Deze persoon is al ingeschreven in deze groep.";

    public async Task<List<Candidate>> SearchAsync(Guid groupId, string? query, CancellationToken cancellationToken)
    {
        var people = SearchNewcomers.Filter(db.Newcomers.AsNoTracking(), query);
        if (people is null)
        {
            return [];
        }
        return await people
            .Where(n => !db.Enrolments.Any(e => e.GroupId == groupId && e.NewcomerId == n.Id))
            .OrderBy(n => n.FamilyName).ThenBy(n => n.GivenNames)
            .Take(20)
            .Select(n => new Candidate(n.Id, n.GivenNames + " " + n.FamilyName, n.DateOfBirth, n.CountryOfOrigin))
            .ToListAsync(cancellationToken);
    }

    public async Task<Outcome> HandleAsync(Guid groupId, EnrolForm form, CancellationToken cancellationToken)
    {
        var group = await db.CourseGroups.SingleOrDefaultAsync(g => g.Id == groupId, cancellationToken);
        if (group is null)
        {
            return Outcome.NotFound();
        }
        var errors = new Dictionary<string, string>();
        // The query filter hides other municipalities' people: they are "not found" here, never enrolled.
        var newcomer = form.NewcomerId is { } id
            ? await db.Newcomers.Where(n => n.Id == id).Select(n => new { n.Id, n.MunicipalityId }).SingleOrDefaultAsync(cancellationToken)
            : null;
        if (newcomer is null)
        {
            errors[nameof(EnrolForm.NewcomerId)] = "Kies een statushouder van uw gemeente uit de zoekresultaten.";
        }
        else if (await db.Enrolments.AnyAsync(e => e.GroupId == groupId && e.NewcomerId == newcomer.Id, cancellationToken))
        {
            errors[nameof(EnrolForm.NewcomerId)] = AlreadyEnrolled;
        }
        else if (group.Kind == CourseKind.Map && await db.IntegrationPlans.AnyAsync(
            p => p.NewcomerId == newcomer.Id && p.State == PlanState.Fixed && p.LearningRoute == LearningRoute.Education, cancellationToken))
        {
            // The onderwijsroute is exempt from the MAP; study and career guidance takes its place (docs/law.md, section 7).
            errors[nameof(EnrolForm.NewcomerId)] = "Deze persoon volgt de onderwijsroute en is vrijgesteld van de MAP; studieloopbaanbegeleiding komt in de plaats daarvan.";
        }
        if (form.Since is null)
        {
            errors[nameof(EnrolForm.Since)] = "Vul in vanaf welke datum de persoon meedoet.";
        }
        if (errors.Count > 0)
        {
            return Outcome.Invalid(errors);
        }
        db.Enrolments.Add(new Enrolment(group, newcomer!.Id, newcomer.MunicipalityId, form.Since!.Value, currentUser.DisplayName, clock.GetUtcNow()));
        var saved = await SaveVersionedChange.SaveAsync(db, AlreadyEnrolled, cancellationToken);
        // Someone else enrolled the same person at the same moment; the unique index kept one enrolment.
        return saved.Kind == OutcomeKind.Conflict ? Outcome.Invalid(nameof(EnrolForm.NewcomerId), AlreadyEnrolled) : saved;
    }

    /// <summary>
    /// A warning when someone enrolled in a group can no longer meet its requirement there: even attending every
    /// session from the day they join, the lessons, hours or themes left in the group fall short. Enrolling is still
    /// allowed (they may finish in a later group); null when the requirement is within reach or the group has none.
    /// </summary>
    public async Task<string?> ShortfallAsync(Guid groupId, Guid newcomerId, CancellationToken cancellationToken)
    {
        var enrolment = await db.Enrolments.AsNoTracking()
            .Where(e => e.GroupId == groupId && e.NewcomerId == newcomerId)
            .Join(db.CourseGroups, e => e.GroupId, g => g.Id, (e, g) => new { e.Since, g.Kind })
            .SingleOrDefaultAsync(cancellationToken);
        if (enrolment is null)
        {
            return null;
        }
        var requirement = TrajectoryRequirements.For(enrolment.Kind,
            await TrajectoryRequirements.PracticeAsync(db, currentUser.MunicipalityId, cancellationToken));
        if (requirement is null)
        {
            return null;
        }
        var sessions = await db.Sessions.AsNoTracking()
            .Where(s => s.GroupId == groupId && s.Date >= enrolment.Since)
            .Select(s => new SessionFact(s.Id, s.Date, s.StartTime, s.EndTime, s.Kind, s.Theme, true))
            .ToListAsync(cancellationToken);
        // As if present at every session left: what they can reach at best in this group.
        var atBest = TrajectoryProgress.Compute(requirement, sessions, enrolment.Since, DateOnly.MaxValue,
            sessions.ToDictionary(s => s.Id, _ => Attendance.Present));
        return atBest.RequirementMet
            ? null
            : $"Let op: vanaf {Platform.Localization.DutchFormat.Date(enrolment.Since)} zijn er in deze groep nog {sessions.Count(s => s.Kind == SessionKind.LanguageLesson)} taallessen "
                + $"en {TrajectoryProgress.Hours(sessions.Sum(s => s.Hours))} uur. Ook bij aanwezigheid bij alles wordt de eis in deze groep niet gehaald ({atBest.Verdict}). "
                + "Plan de rest in een volgende groep.";
    }
}

/// <summary>Takes someone out of a group; what they attended stays recorded.</summary>
public sealed class UnenrolNewcomer(AppDbContext db)
{
    public async Task<string?> NameAsync(Guid groupId, Guid newcomerId, CancellationToken cancellationToken) =>
        await db.Enrolments.Where(e => e.GroupId == groupId && e.NewcomerId == newcomerId)
            .Join(db.Newcomers, e => e.NewcomerId, n => n.Id, (e, n) => n.GivenNames + " " + n.FamilyName)
            .SingleOrDefaultAsync(cancellationToken);

    public async Task<Outcome> HandleAsync(Guid groupId, Guid newcomerId, CancellationToken cancellationToken)
    {
        var enrolment = await db.Enrolments.SingleOrDefaultAsync(e => e.GroupId == groupId && e.NewcomerId == newcomerId, cancellationToken);
        if (enrolment is null)
        {
            return Outcome.NotFound();
        }
        db.Enrolments.Remove(enrolment);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Saved();
    }
}
