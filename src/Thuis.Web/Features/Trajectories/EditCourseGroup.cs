using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Platform.Editing;

namespace Thuis.Web.Features.Trajectories;

/// <summary>Changes a group's details; refused when someone else changed the group since the form was loaded.</summary>
public sealed class EditCourseGroup(AppDbContext db)
{
    public const string ChangedMeanwhile =
        "Iemand anders heeft deze groep intussen gewijzigd. Uw invoer staat hieronder nog; open de groep opnieuw om de nieuwe gegevens te zien en voer uw wijziging dan opnieuw in.";

    public async Task<CourseGroupForm?> LoadAsync(Guid groupId, CancellationToken cancellationToken)
    {
        var group = await db.CourseGroups.AsNoTracking().SingleOrDefaultAsync(g => g.Id == groupId, cancellationToken);
        return group is null ? null : CourseGroupForm.From(group);
    }

    public async Task<Outcome> HandleAsync(Guid groupId, CourseGroupForm form, CancellationToken cancellationToken)
    {
        var group = await db.CourseGroups.SingleOrDefaultAsync(g => g.Id == groupId, cancellationToken);
        if (group is null)
        {
            return Outcome.NotFound();
        }
        if (form.CheckPrices() is { Count: > 0 } errors)
        {
            return Outcome.Invalid(errors);
        }
        return await SaveVersionedChange.HandleAsync(db, group, form.Version, g =>
        {
            g.Update(form.ToDetails());
            g.SetPrices(form.ToPrices());
        }, ChangedMeanwhile, cancellationToken);
    }
}
