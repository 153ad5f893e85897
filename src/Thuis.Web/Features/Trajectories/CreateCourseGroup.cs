using Thuis.Web.Data;
using Thuis.Web.Platform.Editing;
using Thuis.Web.Platform.Security;

namespace Thuis.Web.Features.Trajectories;

/// <summary>The new group, and how many sessions the PVT template planned for it.</summary>
public sealed record CreatedGroup(Guid GroupId, int SessionsPlanned);

/// <summary>Makes a course group; a PVT group can get its sessions from the PVT template in the same save.</summary>
public sealed class CreateCourseGroup(AppDbContext db, CurrentUser currentUser)
{
    /// <summary>The municipality's PVT practice, which the template plans to.</summary>
    public Task<PvtPractice> PracticeAsync(CancellationToken cancellationToken) =>
        TrajectoryRequirements.PracticeAsync(db, currentUser.MunicipalityId, cancellationToken);

    public async Task<Outcome<CreatedGroup>> HandleAsync(CourseGroupForm form, CancellationToken cancellationToken)
    {
        var municipalityId = currentUser.MunicipalityId ?? throw new InvalidOperationException("Geen gemeente.");
        var errors = form.CheckPrices();
        PlannedSessions? planned = null;
        if (form.Kind == CourseKind.Pvt && form.UseTemplate && form.StartDate is { } start)
        {
            if (form.LessonStart is not { } lessonStart || form.LessonEnd is not { } lessonEnd
                || form.WorkshopStart is not { } workshopStart || form.WorkshopEnd is not { } workshopEnd)
            {
                errors[nameof(CourseGroupForm.UseTemplate)] = "Vul de tijden van de lessen en de workshops in.";
            }
            else
            {
                planned = TrajectoryRequirements.PlanPvt(new PvtTemplate(start, form.LessonDays, lessonStart, lessonEnd, workshopStart, workshopEnd),
                    await PracticeAsync(cancellationToken));
                if (planned.Refusal is { } refusal)
                {
                    errors[nameof(CourseGroupForm.UseTemplate)] = refusal;
                }
            }
        }
        if (errors.Count > 0)
        {
            return Outcome.Invalid(errors);
        }

        var group = new CourseGroup(municipalityId, form.ToDetails());
        group.SetPrices(form.ToPrices());
        db.CourseGroups.Add(group);
        foreach (var details in planned?.Sessions ?? [])
        {
            db.Sessions.Add(new Session(group, details));
        }
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Saved(new CreatedGroup(group.Id, planned?.Sessions.Count ?? 0));
    }
}
