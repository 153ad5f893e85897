using Microsoft.EntityFrameworkCore;
using Thuis.Web.Features.Signals;
using Thuis.Web.Features.SocialMap;

namespace Thuis.Web.Features.Volunteering;

/// <summary>
/// A volunteer said "ik maak me zorgen" about the person they are matched with. Each concern asks for attention, with
/// the volunteer's own words, until the case manager resolved its signal.
/// </summary>
public sealed class VolunteerConcernRule : ISignalRule
{
    private const int WordsShown = 300;

    public SignalKind Kind => SignalKind.VolunteerConcern;

    public async Task<IReadOnlyList<SignalFinding>> FindAsync(SignalScope scope, CancellationToken cancellationToken)
    {
        var db = scope.Db;
        var concerns = await (from c in db.VolunteerConcerns
                              join n in scope.Active on c.NewcomerId equals n.Id
                              join v in db.Volunteers on c.VolunteerId equals v.Id
                              where !db.Signals.Any(s => s.Kind == SignalKind.VolunteerConcern && s.SubjectId == c.Id && s.State == SignalState.Resolved)
                              select new { c.Id, NewcomerId = n.Id, n.GivenNames, Volunteer = v.Name, v.Roles, c.Words, c.RaisedOn })
            .ToListAsync(cancellationToken);
        return [.. concerns.Select(c => new SignalFinding(c.NewcomerId, c.Id, 2,
            $"{Who(c.Volunteer, c.Roles)} maakt zich zorgen over {VolunteeringTexts.FirstName(c.GivenNames)}: ‘{Cut(c.Words)}’",
            $"Neem contact op met {VolunteeringTexts.FirstName(c.GivenNames)}, en zo nodig met {VolunteeringTexts.FirstName(c.Volunteer)}",
            c.RaisedOn))];
    }

    internal static string Who(string volunteer, IReadOnlyList<VolunteerRole> roles) =>
        roles.Count > 0 ? $"{Capital(roles[0].Dutch())} {volunteer}" : $"Vrijwilliger {volunteer}";

    private static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static string Cut(string text) => text.Length <= WordsShown ? text : string.Concat(text.AsSpan(0, WordsShown - 1), "…");
}

/// <summary>
/// A volunteer and the person they are matched with logged no meeting for the municipality's number of weeks (from the
/// start while nothing was logged). The volunteer coordinator sees the same pairs on the volunteers' work page.
/// </summary>
public sealed class MatchGoneQuietRule : ISignalRule
{
    public SignalKind Kind => SignalKind.MatchGoneQuiet;

    public async Task<IReadOnlyList<SignalFinding>> FindAsync(SignalScope scope, CancellationToken cancellationToken)
    {
        var db = scope.Db;
        var weeks = scope.Settings.MatchQuietWeeks;
        var matches = await VolunteerMatches.ActiveAsync(db, scope.Active, scope.Today, null, cancellationToken);
        if (matches.Count == 0)
        {
            return [];
        }
        var meetings = await VolunteerMatches.MeetingsAsync(db, [.. matches.Select(m => m.ProposalId)], cancellationToken);
        var volunteerIds = matches.Select(m => m.VolunteerId).Distinct().ToList();
        var volunteers = (await db.Volunteers.AsNoTracking().Where(v => volunteerIds.Contains(v.Id)).ToListAsync(cancellationToken))
            .ToDictionary(v => v.Id);
        return [.. matches
            .Select(m => (Match: m, Last: meetings.GetValueOrDefault(m.ProposalId)?.Last))
            .Where(p => VolunteerMatches.IsQuiet(p.Match.StartedOn, p.Last, weeks, scope.Today))
            .Select(p =>
            {
                var volunteer = volunteers.GetValueOrDefault(p.Match.VolunteerId);
                var who = volunteer is null ? "de vrijwilliger" : VolunteerConcernRule.Who(volunteer.Name, volunteer.Roles);
                return new SignalFinding(p.Match.NewcomerId, p.Match.ProposalId, 3,
                    p.Last is { } last
                        ? $"{p.Match.FirstName} en {who} hebben sinds {SignalScope.Date(last)} geen ontmoeting vastgelegd ({weeks} weken of langer)"
                        : $"{p.Match.FirstName} en {who} hebben sinds de start op {SignalScope.Date(p.Match.StartedOn)} geen ontmoeting vastgelegd",
                    $"Vraag {p.Match.FirstName} hoe het met de koppeling gaat, of vraag het de coördinator vrijwilligers",
                    VolunteerMatches.QuietFrom(p.Match.StartedOn, p.Last, weeks));
            })];
    }
}
