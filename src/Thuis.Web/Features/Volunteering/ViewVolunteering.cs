using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Platform.Auditing;
using Thuis.Web.Platform.Localization;
using Thuis.Web.Platform.Security;

namespace Thuis.Web.Features.Volunteering;

/// <summary>One volunteer's work: running matches, meetings and hours in the recent weeks and in all.</summary>
public sealed record VolunteerEffort(Guid VolunteerId, string Name, int RunningMatches, int RecentMeetings, int RecentMinutes, int Meetings, int Minutes,
    DateOnly? LastMeeting, bool HasOwnView, DateOnly? VogValidUntil);

/// <summary>A pair that has gone quiet: no meeting logged for the municipality's number of weeks.</summary>
public sealed record QuietPair(Guid VolunteerId, string VolunteerName, string PersonFirstName, string What, DateOnly StartedOn, DateOnly? LastMeeting,
    DateOnly QuietFrom);

public sealed record VolunteeringOverview(IReadOnlyList<VolunteerEffort> Volunteers, IReadOnlyList<QuietPair> Quiet, int QuietWeeks, int RecentWeeks,
    DateOnly Today);

/// <summary>
/// The volunteer coordinator's view of the volunteers' work: hours and meetings per volunteer, and the pairs that have
/// gone quiet. People are named by first name only; the view is audited like a list of people.
/// </summary>
public sealed class ViewVolunteering(AppDbContext db, CurrentUser currentUser, TimeProvider clock)
{
    public const string Purpose = "Inzet van vrijwilligers en stille koppelingen bekijken";
    public const int RecentWeeks = 12;

    public async Task<VolunteeringOverview> HandleAsync(CancellationToken cancellationToken)
    {
        var today = clock.InTheNetherlands();
        var settings = await ViewOwnMatches.SettingsAsync(db, currentUser, cancellationToken);
        var volunteers = await db.Volunteers.AsNoTracking().ToListAsync(cancellationToken);
        var withView = (await db.Users.AsNoTracking().Where(u => u.VolunteerId != null && u.DeactivatedAt == null && u.PasswordHash != null)
            .Select(u => u.VolunteerId!.Value).ToListAsync(cancellationToken)).ToHashSet();
        var matches = await VolunteerMatches.ActiveAsync(db, db.Newcomers, today, null, cancellationToken);
        var meetings = await db.VolunteerMeetings.AsNoTracking().Select(m => new { m.VolunteerId, m.ProposalId, m.On, m.Minutes }).ToListAsync(cancellationToken);
        var since = today.AddDays(-7 * RecentWeeks);
        var perMatch = meetings.GroupBy(m => m.ProposalId).ToDictionary(g => g.Key, g => g.Max(m => m.On));
        var efforts = volunteers
            .Select(v =>
            {
                var own = meetings.Where(m => m.VolunteerId == v.Id).ToList();
                var recent = own.Where(m => m.On > since).ToList();
                return new VolunteerEffort(v.Id, v.Name, matches.Count(m => m.VolunteerId == v.Id), recent.Count, recent.Sum(m => m.Minutes), own.Count,
                    own.Sum(m => m.Minutes), own.Count == 0 ? null : own.Max(m => m.On), withView.Contains(v.Id),
                    ViewOwnMatches.VogOf(v, settings.VogValidMonths, today).ValidUntil);
            })
            .Where(e => e.RunningMatches > 0 || e.Meetings > 0 || e.HasOwnView)
            .OrderBy(e => e.Name, StringComparer.CurrentCulture)
            .ToList();
        var names = volunteers.ToDictionary(v => v.Id, v => v.Name);
        var quiet = matches
            .Select(m => (Match: m, Last: perMatch.TryGetValue(m.ProposalId, out var last) ? last : (DateOnly?)null))
            .Where(p => VolunteerMatches.IsQuiet(p.Match.StartedOn, p.Last, settings.MatchQuietWeeks, today))
            .Select(p => new QuietPair(p.Match.VolunteerId, names.GetValueOrDefault(p.Match.VolunteerId, "?"), p.Match.FirstName, p.Match.What,
                p.Match.StartedOn, p.Last, VolunteerMatches.QuietFrom(p.Match.StartedOn, p.Last, settings.MatchQuietWeeks)))
            .OrderBy(p => p.QuietFrom)
            .ToList();
        db.RecordAudit(AuditAction.View, "Volunteer", "inzet", AuditResult.Success, Purpose);
        await db.SaveChangesAsync(cancellationToken);
        return new VolunteeringOverview(efforts, quiet, settings.MatchQuietWeeks, RecentWeeks, today);
    }
}
