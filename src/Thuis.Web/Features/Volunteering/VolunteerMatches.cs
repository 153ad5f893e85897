using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Features.Dossiers;
using Thuis.Web.Features.Referrals;

namespace Thuis.Web.Features.Volunteering;

/// <summary>
/// A match as a volunteer may know it: the person's first name, their language, their phone number and e-mail address
/// only when they agreed to share them, and what the match is for. Never a surname, a BSN, health, money or the dossier.
/// </summary>
public sealed record ActiveMatch(
    Guid ProposalId,
    Guid NewcomerId,
    Guid VolunteerId,
    string FirstName,
    string? Language,
    string? Phone,
    string? Email,
    string What,
    string Purpose,
    DateOnly StartedOn,
    DateOnly ConsentUntil,
    string? OrganisationName)
{
    public MatchKey Key => new(ProposalId, NewcomerId, VolunteerId);
}

/// <summary>The meetings of one match, counted.</summary>
public sealed record MatchMeetings(int Count, int Minutes, DateOnly? Last);

/// <summary>
/// The matches of volunteers with newcomers, as Thuis makes them today: a proposal of a volunteer (<see
/// cref="TargetKind.Volunteer"/>) the person said yes to, with their consent still valid. A match ends when the
/// volunteer ends it, the consent is withdrawn or expires, the arrangement is recorded as stopped, or the referral
/// through the volunteer's organisation was declined or ended.
/// </summary>
public static class VolunteerMatches
{
    public static async Task<List<ActiveMatch>> ActiveAsync(AppDbContext db, IQueryable<Newcomer> people, DateOnly today, Guid? volunteerId,
        CancellationToken cancellationToken)
    {
        var rows = await (from p in db.Proposals
                          join n in people on p.NewcomerId equals n.Id
                          join c in db.Consents on p.Id equals c.ProposalId
                          join r in db.Referrals on p.Id equals r.ProposalId into referrals
                          from r in referrals.DefaultIfEmpty()
                          join o in db.Organisations on p.OrganisationId equals o.Id into organisations
                          from o in organisations.DefaultIfEmpty()
                          where p.Kind == TargetKind.Volunteer && p.TargetId != null && p.Answer == NewcomerAnswer.Yes
                              && (volunteerId == null || p.TargetId == volunteerId)
                              && c.WithdrawnOn == null && c.GivenOn <= today && c.ExpiresOn >= today
                              && p.ArrangedEndedOn == null
                              && (r == null || (r.State != ReferralState.Declined && r.State != ReferralState.Ended))
                              && !db.MatchEndings.Any(e => e.ProposalId == p.Id)
                          select new
                          {
                              p.Id,
                              NewcomerId = n.Id,
                              VolunteerId = p.TargetId!.Value,
                              n.GivenNames,
                              n.PreferredLanguage,
                              // What the person did not agree to share never leaves the database.
                              Phone = (r != null ? r.SharesPhone : c.SharesPhone == true) ? n.Phone : null,
                              Email = (r != null ? r.SharesEmail : c.SharesEmail == true) ? n.Email : null,
                              p.What,
                              c.Purpose,
                              p.ArrangedStartedOn,
                              ReferralStartedOn = r == null ? null : r.StartedOn,
                              c.GivenOn,
                              c.ExpiresOn,
                              Organisation = o == null ? null : o.Name,
                          }).ToListAsync(cancellationToken);
        return [.. rows.Select(m => new ActiveMatch(m.Id, m.NewcomerId, m.VolunteerId, VolunteeringTexts.FirstName(m.GivenNames), m.PreferredLanguage,
                m.Phone, m.Email, m.What, m.Purpose, m.ArrangedStartedOn ?? m.ReferralStartedOn ?? m.GivenOn, m.ExpiresOn, m.Organisation))
            .OrderBy(m => m.FirstName, StringComparer.CurrentCulture).ThenBy(m => m.StartedOn)];
    }

    /// <summary>Per match (proposal), its meetings counted; matches without meetings are absent.</summary>
    public static async Task<Dictionary<Guid, MatchMeetings>> MeetingsAsync(AppDbContext db, IReadOnlyCollection<Guid> proposalIds, CancellationToken cancellationToken)
    {
        var meetings = await db.VolunteerMeetings.AsNoTracking().Where(m => proposalIds.Contains(m.ProposalId))
            .Select(m => new { m.ProposalId, m.On, m.Minutes }).ToListAsync(cancellationToken);
        return meetings.GroupBy(m => m.ProposalId)
            .ToDictionary(g => g.Key, g => new MatchMeetings(g.Count(), g.Sum(m => m.Minutes), g.Max(m => m.On)));
    }

    /// <summary>
    /// The day a match counts as gone quiet: <paramref name="weeks"/> weeks after its last logged meeting, or after its
    /// start while nothing was logged yet. On that day and after, it is quiet.
    /// </summary>
    public static DateOnly QuietFrom(DateOnly startedOn, DateOnly? lastMeeting, int weeks) =>
        (lastMeeting is { } last && last > startedOn ? last : startedOn).AddDays(7 * weeks);

    public static bool IsQuiet(DateOnly startedOn, DateOnly? lastMeeting, int weeks, DateOnly today) =>
        today >= QuietFrom(startedOn, lastMeeting, weeks);
}
