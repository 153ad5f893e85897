using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Features.Intake;
using Thuis.Web.Features.Signals;
using Thuis.Web.Features.SocialMap;
using Thuis.Web.Platform.Auditing;
using Thuis.Web.Platform.Localization;
using Thuis.Web.Platform.Security;

namespace Thuis.Web.Features.Volunteering;

/// <summary>A training the volunteer can follow: a course of a volunteer organisation on the social map.</summary>
public sealed record TrainingOffer(string Title, string Organisation, string? Description, string? Schedule, string? Place, decimal Cost);

/// <summary>The volunteer's VOG as they see it: its status, its date, and until when it counts by the municipality's term.</summary>
public sealed record OwnVog(VogStatus Status, DateOnly? Date, DateOnly? ValidUntil, int ValidMonths, DateOnly Today)
{
    public bool Expired => ValidUntil is { } until && until < Today;

    /// <summary>Expires within three months: time to ask for a new one.</summary>
    public bool ExpiresSoon => ValidUntil is { } until && !Expired && until <= Today.AddMonths(3);
}

/// <summary>One match on the volunteer's start page, with its meetings counted.</summary>
public sealed record OwnMatchLine(ActiveMatch Match, MatchMeetings Meetings, bool Quiet);

public sealed record OwnVolunteerStart(string Name, IReadOnlyList<OwnMatchLine> Matches, OwnVog Vog, string? TrainingsDone,
    IReadOnlyList<TrainingOffer> Trainings);

/// <summary>
/// The volunteer's own start: their matches (only their own, with the minimum), their VOG and the trainings on offer.
/// The volunteer comes from the signed-in account, never from the address; every match shown is an audited view of
/// that person's data.
/// </summary>
public sealed class ViewOwnMatches(AppDbContext db, CurrentUser currentUser, TimeProvider clock)
{
    public const string Purpose = "Eigen koppelingen inzien als vrijwilliger";

    public async Task<OwnVolunteerStart?> HandleAsync(CancellationToken cancellationToken)
    {
        if (currentUser.VolunteerId is not { } volunteerId
            || await db.Volunteers.AsNoTracking().SingleOrDefaultAsync(v => v.Id == volunteerId, cancellationToken) is not { } volunteer)
        {
            return null;
        }
        var today = clock.InTheNetherlands();
        var settings = await SettingsAsync(db, currentUser, cancellationToken);
        var matches = await VolunteerMatches.ActiveAsync(db, db.Newcomers, today, volunteerId, cancellationToken);
        var meetings = await VolunteerMatches.MeetingsAsync(db, [.. matches.Select(m => m.ProposalId)], cancellationToken);
        foreach (var match in matches)
        {
            db.RecordAudit(AuditAction.View, OwnMatchAudit.ObjectType, match.ProposalId.ToString(), AuditResult.Success, Purpose, match.NewcomerId);
        }
        await db.SaveChangesAsync(cancellationToken);
        var trainings = await (from o in db.Offers.AsNoTracking()
                               join org in db.Organisations on o.OrganisationId equals org.Id
                               where o.Active && o.Kind == OfferKind.Course && org.Type == OrganisationType.VolunteerOrganisation
                               orderby o.Title
                               select new TrainingOffer(o.Title, org.Name, o.Description, o.Schedule, o.Place, o.Cost)).ToListAsync(cancellationToken);
        var empty = new MatchMeetings(0, 0, null);
        return new OwnVolunteerStart(volunteer.Name,
            [.. matches.Select(m => new OwnMatchLine(m, meetings.GetValueOrDefault(m.ProposalId, empty),
                VolunteerMatches.IsQuiet(m.StartedOn, meetings.GetValueOrDefault(m.ProposalId)?.Last, settings.MatchQuietWeeks, today)))],
            VogOf(volunteer, settings.VogValidMonths, today), volunteer.Training, trainings);
    }

    public static OwnVog VogOf(Volunteer volunteer, int validMonths, DateOnly today) =>
        new(volunteer.Vog, volunteer.VogDate, volunteer.Vog == VogStatus.Received ? volunteer.VogDate?.AddMonths(validMonths) : null, validMonths, today);

    internal static async Task<SignalSettings> SettingsAsync(AppDbContext db, CurrentUser currentUser, CancellationToken cancellationToken)
    {
        var municipalityId = currentUser.MunicipalityId ?? Guid.Empty;
        return await db.SignalSettings.AsNoTracking().SingleOrDefaultAsync(s => s.MunicipalityId == municipalityId, cancellationToken)
            ?? SignalSettings.Defaults(municipalityId);
    }
}

/// <summary>How the audit trail names a view of a match.</summary>
public static class OwnMatchAudit
{
    public const string ObjectType = "VolunteerMatch";
}

/// <summary>One of the volunteer's own matches, with what they logged and the concerns they raised.</summary>
public sealed record OwnMatchView(ActiveMatch Match, IReadOnlyList<string> Languages, IReadOnlyList<VolunteerMeeting> Meetings,
    IReadOnlyList<VolunteerConcern> Concerns, bool Quiet, int QuietWeeks);

/// <summary>
/// Opens one match of the signed-in volunteer. Another volunteer's match, an ended one, or one of another municipality is
/// not found; every attempt is audited, found or not.
/// </summary>
public sealed class ViewOwnMatch(AppDbContext db, CurrentUser currentUser, TimeProvider clock)
{
    public const string Purpose = "Koppeling inzien als vrijwilliger";

    public async Task<OwnMatchView?> HandleAsync(Guid proposalId, CancellationToken cancellationToken)
    {
        var match = await FindAsync(db, currentUser, clock, proposalId, cancellationToken);
        db.RecordAudit(AuditAction.View, OwnMatchAudit.ObjectType, proposalId.ToString(), match is null ? AuditResult.NotFound : AuditResult.Success,
            Purpose, match?.NewcomerId);
        await db.SaveChangesAsync(cancellationToken);
        if (match is null)
        {
            return null;
        }
        var languages = new List<string>();
        if (match.Language is { } preferred)
        {
            languages.Add($"{preferred} (voorkeurstaal)");
        }
        var section = await db.Set<LanguagesSection>().AsNoTracking().SingleOrDefaultAsync(s => s.NewcomerId == match.NewcomerId, cancellationToken);
        foreach (var skill in section?.Languages ?? [])
        {
            if (!languages.Exists(l => l.StartsWith(skill.Language, StringComparison.OrdinalIgnoreCase)))
            {
                languages.Add(skill.Language.Equals("Nederlands", StringComparison.OrdinalIgnoreCase)
                    ? $"Nederlands (spreken: {skill.Speaking.Dutch()})"
                    : skill.Language);
            }
        }
        // Instants are ordered here: SQLite cannot order by a DateTimeOffset.
        var meetings = (await db.VolunteerMeetings.AsNoTracking().Where(m => m.ProposalId == proposalId).ToListAsync(cancellationToken))
            .OrderByDescending(m => m.On).ThenByDescending(m => m.LoggedAt).ToList();
        var concerns = (await db.VolunteerConcerns.AsNoTracking().Where(c => c.ProposalId == proposalId).ToListAsync(cancellationToken))
            .OrderByDescending(c => c.RaisedAt).ToList();
        var settings = await ViewOwnMatches.SettingsAsync(db, currentUser, cancellationToken);
        var today = clock.InTheNetherlands();
        return new OwnMatchView(match, languages, meetings, concerns,
            VolunteerMatches.IsQuiet(match.StartedOn, meetings.FirstOrDefault()?.On, settings.MatchQuietWeeks, today), settings.MatchQuietWeeks);
    }

    /// <summary>The signed-in volunteer's own running match with this id; null for anyone else's, an ended one, or none.</summary>
    internal static async Task<ActiveMatch?> FindAsync(AppDbContext db, CurrentUser currentUser, TimeProvider clock, Guid proposalId,
        CancellationToken cancellationToken)
    {
        if (currentUser.VolunteerId is not { } volunteerId)
        {
            return null;
        }
        var today = clock.InTheNetherlands();
        var person = db.Proposals.Where(p => p.Id == proposalId).Select(p => p.NewcomerId);
        return (await VolunteerMatches.ActiveAsync(db, db.Newcomers.Where(n => person.Contains(n.Id)), today, volunteerId, cancellationToken))
            .SingleOrDefault(m => m.ProposalId == proposalId);
    }
}
