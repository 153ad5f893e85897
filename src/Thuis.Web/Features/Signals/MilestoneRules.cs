using Microsoft.EntityFrameworkCore;
using Thuis.Web.Features.Intake;
using Thuis.Web.Features.Milestones;
using Thuis.Web.Features.Plans;
using Thuis.Web.Platform.Localization;

namespace Thuis.Web.Features.Signals;

/// <summary>
/// The intake invitations and their legal follow-up: not yet invited some days after housing (a setting), an invitation
/// whose day has passed without its outcome recorded, or a no-show without the next invitation planned.
/// </summary>
public sealed class IntakeInvitationRule : ISignalRule
{
    public SignalKind Kind => SignalKind.IntakeInvitation;

    public async Task<IReadOnlyList<SignalFinding>> FindAsync(SignalScope scope, CancellationToken cancellationToken)
    {
        var db = scope.Db;
        // Once a plan is fixed the intake is over; a plan fixed without it (after the third no-show) ends the follow-up too.
        var people = await scope.Active
            .Where(n => !db.IntegrationPlans.Any(p => p.NewcomerId == n.Id && p.DecisionDate != null))
            .Select(n => new { n.Id, n.GivenNames, n.DateOfBirth, n.RegistrationDate, n.HousingDate, HasPlan = db.IntegrationPlans.Any(p => p.NewcomerId == n.Id) })
            .ToListAsync(cancellationToken);
        // The legal follow-up of invitations is for those who have the duty: not before the 18th birthday.
        people.RemoveAll(p => IntegrationLaw.IsUnderDutyAge(p.DateOfBirth, scope.Today));
        if (people.Count == 0)
        {
            return [];
        }
        // Invitations are kept as a list inside their intake part, so they are read whole and judged here.
        var sections = await (from s in db.Set<InvitationsSection>()
                              join n in scope.Active on s.NewcomerId equals n.Id
                              select s).AsNoTracking().ToDictionaryAsync(s => s.NewcomerId, cancellationToken);
        var findings = new List<SignalFinding>();
        foreach (var person in people)
        {
            var section = sections.GetValueOrDefault(person.Id);
            var inviteBy = (person.HousingDate ?? person.RegistrationDate).AddDays(scope.Settings.IntakeInviteDays);
            if (Finding(person.Id, person.GivenNames, person.RegistrationDate, inviteBy, person.HasPlan, section, scope.Today) is { } finding)
            {
                findings.Add(finding);
            }
        }
        return findings;
    }

    private static SignalFinding? Finding(Guid id, string name, DateOnly registered, DateOnly inviteBy, bool hasPlan, InvitationsSection? section, DateOnly today)
    {
        var invitations = section?.Invitations ?? [];
        if (invitations.Count == 0)
        {
            // A draft plan means the conversation has taken place, even if the invitation itself was not written down.
            return hasPlan || today < inviteBy ? null : new SignalFinding(id, null, 2,
                $"Nog niet uitgenodigd voor de brede intake; ingeschreven op {SignalScope.Date(registered)}",
                $"Nodig {name} uit voor de brede intake", inviteBy);
        }
        var last = invitations[^1];
        if (last.Outcome == InvitationOutcome.Planned && last.Date < today)
        {
            return new SignalFinding(id, null, 2,
                $"De uitnodiging voor de intake van {SignalScope.Date(last.Date)} heeft nog geen uitkomst",
                $"Leg vast of {name} is verschenen", last.Date.AddDays(1));
        }
        if (last.Outcome == InvitationOutcome.NoShow)
        {
            var times = section!.NoShows;
            return new SignalFinding(id, null, 1,
                times == 1
                    ? $"Niet verschenen op de intake van {SignalScope.Date(last.Date)}"
                    : $"Voor de {times}e keer niet verschenen op de intake, laatst op {SignalScope.Date(last.Date)}",
                section.NextStep, last.Date);
        }
        return null;
    }
}

/// <summary>
/// A milestone of the 18-month plan behind: its target month has passed without it being reached, or the case manager
/// recorded that something stands in the way. One signal per person, about the first milestone behind.
/// </summary>
public sealed class MilestoneBehindRule : ISignalRule
{
    public SignalKind Kind => SignalKind.MilestoneBehind;

    public async Task<IReadOnlyList<SignalFinding>> FindAsync(SignalScope scope, CancellationToken cancellationToken)
    {
        var db = scope.Db;
        var people = await scope.Active
            .Select(n => new { n.Id, n.GivenNames, n.HousingDate, n.RegistrationDate }).ToListAsync(cancellationToken);
        var recorded = (await (from m in db.Milestones join n in scope.Active on m.NewcomerId equals n.Id select m)
            .AsNoTracking().ToListAsync(cancellationToken)).ToLookup(m => m.NewcomerId);
        // Only people past the first target, or with a milestone recorded as behind, can be behind.
        var candidates = people
            .Select(p => (p.Id, p.GivenNames, Start: MilestoneDates.Start(p.HousingDate, p.RegistrationDate)))
            .Where(p => scope.Today > MilestoneDates.Target(p.Start, MilestoneKind.Settle)
                || recorded[p.Id].Any(m => m.State == MilestoneState.Behind))
            .ToList();
        if (candidates.Count == 0)
        {
            return [];
        }
        var checklists = await (from c in db.SettlingChecklists join n in scope.Active on c.NewcomerId equals n.Id select c)
            .AsNoTracking().ToDictionaryAsync(c => c.NewcomerId, cancellationToken);
        var households = await (from h in db.Set<HouseholdSection>() join n in scope.Active on h.NewcomerId equals n.Id select h)
            .AsNoTracking().ToDictionaryAsync(h => h.NewcomerId, cancellationToken);

        var findings = new List<SignalFinding>();
        foreach (var (id, name, start) in candidates)
        {
            var progress = SettlingProgress.Of(SettlingProgress.Rows(checklists.GetValueOrDefault(id),
                HouseholdFacts.From(households.GetValueOrDefault(id)), scope.Today));
            var behind = ViewMilestones.LinesOf(start, progress, [.. recorded[id]], scope.Today)
                .FirstOrDefault(l => l.Standing == MilestoneStanding.Behind);
            if (behind is not null)
            {
                var since = behind.Recorded == MilestoneState.Behind && behind.RecordedAt is { } recordedAt
                    ? Today.DayInTheNetherlands(recordedAt)
                    : behind.Target.AddDays(1);
                findings.Add(new SignalFinding(id, null, 3, Reason(behind, progress), NextAction(behind, name), since));
            }
        }
        return findings;
    }

    private static string Reason(MilestoneLine line, SettlingProgress progress)
    {
        var what = line.Kind.Dutch();
        if (line.Recorded == MilestoneState.Behind && line.Note is { } note)
        {
            return Shorten($"{what} loopt achter: {note}");
        }
        return line.Kind == MilestoneKind.Settle
            ? $"{what} loopt achter: de vestigingslijst had op {SignalScope.Date(line.Target)} af moeten zijn ({progress.Done} van {progress.Total} gedaan)"
            : $"{what} had op {SignalScope.Date(line.Target)} bereikt moeten zijn ({line.Kind.Meaning()})";
    }

    private static string NextAction(MilestoneLine line, string name) => line.Kind switch
    {
        MilestoneKind.Settle => $"Loop met {name} na wat er nog op de vestigingslijst staat",
        _ when line.Recorded == MilestoneState.Behind => $"Bespreek met {name} wat er in de weg staat en wie daarbij kan helpen",
        _ => $"Bespreek met {name} hoe het gaat en leg de mijlpaal vast",
    };

    /// <summary>A signal's reason holds 500 characters; a long note is cut at a word.</summary>
    private static string Shorten(string text)
    {
        const int Max = 480;
        if (text.Length <= Max)
        {
            return text;
        }
        var cut = text.LastIndexOf(' ', Max);
        return string.Concat(text.AsSpan(0, cut > 0 ? cut : Max), " …");
    }
}
