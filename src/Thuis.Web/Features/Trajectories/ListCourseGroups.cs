using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;

namespace Thuis.Web.Features.Trajectories;

public sealed record CourseGroupRow(
    Guid Id, CourseKind Kind, string Name, string? Provider, DateOnly StartDate, DateOnly? LastSession, int Sessions, int Enrolled);

/// <summary>The municipality's course groups, the newest first, with their dates and how many people take part.</summary>
public sealed class ListCourseGroups(AppDbContext db)
{
    public async Task<List<CourseGroupRow>> HandleAsync(CancellationToken cancellationToken) =>
        await db.CourseGroups.AsNoTracking()
            .OrderByDescending(g => g.StartDate).ThenBy(g => g.Name)
            .Select(g => new CourseGroupRow(
                g.Id, g.Kind, g.Name, g.Provider, g.StartDate,
                db.Sessions.Where(s => s.GroupId == g.Id).Max(s => (DateOnly?)s.Date),
                db.Sessions.Count(s => s.GroupId == g.Id),
                db.Enrolments.Count(e => e.GroupId == g.Id)))
            .ToListAsync(cancellationToken);
}
