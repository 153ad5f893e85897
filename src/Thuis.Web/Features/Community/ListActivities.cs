using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Platform.Auditing;
using Thuis.Web.Platform.Localization;

namespace Thuis.Web.Features.Community;

/// <summary>One line of the calendar: no names of people, only how many take part.</summary>
public sealed record ActivityLine(Guid Id, DateOnly Date, CommunityActivityKind Kind, PresentationSetting? Setting, string Title, string Organisation,
    string Place, string Neighbourhood, int RoleModels, int Volunteers, int? Reached);

/// <summary>The activities of one month.</summary>
public sealed record ActivityMonth(DateOnly Month, IReadOnlyList<ActivityLine> Activities);

/// <summary>The calendar: the months still to come first (soonest first), then the months that have passed (latest first).</summary>
public sealed record ActivityCalendar(DateOnly Today, IReadOnlyList<ActivityMonth> Upcoming, IReadOnlyList<ActivityMonth> Past);

/// <summary>One activity with who spoke and who helped, for its own page.</summary>
public sealed record ActivityView(CommunityActivity Activity, string Organisation, IReadOnlyList<Pick> RoleModels, IReadOnlyList<Pick> Volunteers, DateOnly Today)
{
    public bool HasHappened => Activity.Date <= Today;
}

/// <summary>Reads the draagvlak calendar and one activity; the names of role models are a look at their data, and audited.</summary>
public sealed class ListActivities(AppDbContext db, TimeProvider clock)
{
    public const string Purpose = "Draagvlakactiviteiten: wie als rolmodel meedoet";

    public async Task<ActivityCalendar> CalendarAsync(CancellationToken cancellationToken)
    {
        var today = clock.InTheNetherlands();
        var lines = await (from a in db.CommunityActivities.AsNoTracking()
                           join o in db.Organisations on a.OrganisationId equals o.Id
                           select new ActivityLine(a.Id, a.Date, a.Kind, a.Setting, a.Title, o.Name, a.Place,
                               a.Neighbourhood == null ? a.PostcodeArea : a.PostcodeArea + " " + a.Neighbourhood,
                               a.RoleModels.Count, a.Volunteers.Count, a.Reached)).ToListAsync(cancellationToken);
        static DateOnly MonthOf(DateOnly d) => new(d.Year, d.Month, 1);
        var upcoming = lines.Where(l => l.Date >= today).OrderBy(l => l.Date).ThenBy(l => l.Title, StringComparer.CurrentCulture)
            .GroupBy(l => MonthOf(l.Date)).Select(g => new ActivityMonth(g.Key, [.. g])).ToList();
        var past = lines.Where(l => l.Date < today).OrderByDescending(l => l.Date).ThenBy(l => l.Title, StringComparer.CurrentCulture)
            .GroupBy(l => MonthOf(l.Date)).Select(g => new ActivityMonth(g.Key, [.. g])).ToList();
        return new ActivityCalendar(today, upcoming, past);
    }

    public async Task<ActivityView?> ViewAsync(Guid activityId, CancellationToken cancellationToken)
    {
        var activity = await db.CommunityActivities.AsNoTracking().Include(a => a.RoleModels).Include(a => a.Volunteers)
            .SingleOrDefaultAsync(a => a.Id == activityId, cancellationToken);
        if (activity is null)
        {
            return null;
        }
        var organisation = await db.Organisations.Where(o => o.Id == activity.OrganisationId).Select(o => o.Name).SingleAsync(cancellationToken);
        var ids = activity.RoleModels.Select(r => r.NewcomerId).ToList();
        var people = await db.Newcomers.AsNoTracking().Where(n => ids.Contains(n.Id)).OrderBy(n => n.GivenNames)
            .Select(n => new Pick(n.Id, n.GivenNames + " " + n.FamilyName)).ToListAsync(cancellationToken);
        foreach (var person in people)
        {
            db.RecordAudit(AuditAction.View, nameof(ActivityRoleModel), person.Id.ToString(), AuditResult.Success, Purpose, person.Id);
        }
        await db.SaveChangesAsync(cancellationToken);
        var volunteerIds = activity.Volunteers.Select(v => v.VolunteerId).ToList();
        var volunteers = await db.Volunteers.AsNoTracking().Where(v => volunteerIds.Contains(v.Id)).OrderBy(v => v.Name)
            .Select(v => new Pick(v.Id, v.Name)).ToListAsync(cancellationToken);
        return new ActivityView(activity, organisation, people, volunteers, clock.InTheNetherlands());
    }
}
