using Thuis.Web.Data;
using Thuis.Web.Platform.Security;

namespace Thuis.Web.Features.Trajectories;

public sealed record CreateResult(Guid? GroupId, IReadOnlyDictionary<string, string> FieldErrors, int SessionsPlanned);

/// <summary>Makes a course group; a PVT group can get its sessions from the PVT template in the same save.</summary>
public sealed class CreateCourseGroup(AppDbContext db, CurrentUser currentUser)
{
    public async Task<CreateResult> HandleAsync(CourseGroupForm form, CancellationToken cancellationToken)
    {
        var municipalityId = currentUser.MunicipalityId ?? throw new InvalidOperationException("Geen gemeente.");
        var errors = new Dictionary<string, string>();
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
                planned = TrajectoryRequirements.PlanPvt(new PvtTemplate(start, form.LessonDays, lessonStart, lessonEnd, workshopStart, workshopEnd));
                if (planned.Refusal is { } refusal)
                {
                    errors[nameof(CourseGroupForm.UseTemplate)] = refusal;
                }
            }
        }
        if (errors.Count > 0)
        {
            return new CreateResult(null, errors, 0);
        }

        var group = new CourseGroup(municipalityId, form.ToDetails());
        db.CourseGroups.Add(group);
        foreach (var details in planned?.Sessions ?? [])
        {
            db.Sessions.Add(new Session(group, details));
        }
        await db.SaveChangesAsync(cancellationToken);
        return new CreateResult(group.Id, errors, planned?.Sessions.Count ?? 0);
    }
}
