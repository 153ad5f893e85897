using Microsoft.EntityFrameworkCore;
using Thuis.Web.Features.Plans;
using Thuis.Web.Features.Trajectories;

namespace Thuis.Web.Features.Signals;

/// <summary>
/// No plan fixed yet while the PIP deadline (weeks after registration) comes near or has passed. Nobody younger than 18
/// has the deadline yet (<see cref="NewcomerDeadlines"/>).
/// </summary>
public sealed class PipDeadlineRule : ISignalRule
{
    public SignalKind Kind => SignalKind.PipDeadline;

    public async Task<IReadOnlyList<SignalFinding>> FindAsync(SignalScope scope, CancellationToken cancellationToken)
    {
        var db = scope.Db;
        var people = await scope.Active
            .Where(n => !db.IntegrationPlans.Any(p => p.NewcomerId == n.Id && p.DecisionDate != null))
            .Select(n => new { n.Id, n.GivenNames, n.DateOfBirth, n.RegistrationDate }).ToListAsync(cancellationToken);
        return [.. people
            .Select(n => (n.Id, n.GivenNames, n.RegistrationDate,
                scope.DeadlinesOf(n.DateOfBirth, n.RegistrationDate, null).PipDeadline))
            .Where(n => n.PipDeadline is { } deadline && deadline.DayNumber - scope.Today.DayNumber <= scope.Settings.DeadlineWarningDays)
            .Select(n => (n.Id, n.GivenNames, n.RegistrationDate, Deadline: n.PipDeadline!.Value))
            .Select(n => new SignalFinding(n.Id, null, scope.UrgencyFor(n.Deadline),
                n.Deadline < scope.Today
                    ? $"Het PIP had uiterlijk {SignalScope.Date(n.Deadline)} vastgesteld moeten zijn"
                    : $"Het PIP moet uiterlijk {SignalScope.Date(n.Deadline)} vastgesteld zijn",
                $"Maak met {n.GivenNames} het plan af en stel het vast",
                scope.WarnedFrom(n.Deadline, n.RegistrationDate)))];
    }
}

/// <summary>
/// Housed, and not starting the participation declaration trajectory on time: in no PVT group, or only in one that the
/// person starts after the start deadline (the group starts late, or they join it late). Raised as the deadline comes near.
/// </summary>
public sealed class PvtStartRule : ISignalRule
{
    public SignalKind Kind => SignalKind.PvtStart;

    public async Task<IReadOnlyList<SignalFinding>> FindAsync(SignalScope scope, CancellationToken cancellationToken)
    {
        var db = scope.Db;
        // Only people whose deadline is within the warning days can be signalled: housed on or before this day.
        var housedBy = scope.Today.AddDays(scope.Settings.DeadlineWarningDays - scope.PvtStartDays);
        var people = await scope.Active
            .Where(n => n.HousingDate != null && n.HousingDate <= housedBy)
            .Select(n => new
            {
                n.Id,
                n.GivenNames,
                n.DateOfBirth,
                n.RegistrationDate,
                Housed = n.HousingDate!.Value,
                Groups = (from e in db.Enrolments
                          join g in db.CourseGroups on e.GroupId equals g.Id
                          where e.NewcomerId == n.Id && g.Kind == CourseKind.Pvt
                          select new { g.Name, g.StartDate, e.Since }).ToList(),
            }).ToListAsync(cancellationToken);
        var findings = new List<SignalFinding>();
        foreach (var n in people)
        {
            if (scope.DeadlinesOf(n.DateOfBirth, n.RegistrationDate, n.Housed).PvtStartDeadline is not { } deadline)
            {
                continue;
            }
            // The person starts in a group on its first day, or on the day they joined it if that was later.
            var first = n.Groups.Select(g => (g.Name, Starts: g.StartDate > g.Since ? g.StartDate : g.Since)).OrderBy(g => g.Starts).FirstOrDefault();
            if (first.Name is not null && first.Starts <= deadline)
            {
                continue;
            }
            var passed = deadline < scope.Today;
            var reason = first.Name is null
                ? passed
                    ? $"Had uiterlijk {SignalScope.Date(deadline)} met de PVT moeten beginnen en staat nog in geen groep"
                    : $"Moet uiterlijk {SignalScope.Date(deadline)} met de PVT beginnen en staat nog in geen groep"
                : $"Begint pas op {SignalScope.Date(first.Starts)} met de PVT in '{first.Name}'; dat had uiterlijk {SignalScope.Date(deadline)} moeten zijn";
            findings.Add(new SignalFinding(n.Id, null, scope.UrgencyFor(deadline), reason,
                first.Name is null ? $"Schrijf {n.GivenNames} in voor een PVT-groep" : $"Schrijf {n.GivenNames} in voor een PVT-groep die op tijd begint",
                scope.WarnedFrom(deadline, n.Housed)));
        }
        return findings;
    }
}

/// <summary>The plan in force has a progress meeting due within a week, or one that is overdue.</summary>
public sealed class ProgressMeetingRule : ISignalRule
{
    public const int DaysAhead = 7;

    public SignalKind Kind => SignalKind.ProgressMeetingDue;

    public async Task<IReadOnlyList<SignalFinding>> FindAsync(SignalScope scope, CancellationToken cancellationToken)
    {
        var db = scope.Db;
        var horizon = scope.Today.AddDays(DaysAhead);
        var plans = await (from p in db.IntegrationPlans
                           join n in scope.Active on p.NewcomerId equals n.Id
                           where p.State == PlanState.Fixed && p.NextProgressMeeting != null && p.NextProgressMeeting <= horizon
                           select new { n.Id, n.GivenNames, PlanId = p.Id, Meeting = p.NextProgressMeeting!.Value }).ToListAsync(cancellationToken);
        return [.. plans.Select(p => new SignalFinding(p.Id, p.PlanId, scope.UrgencyFor(p.Meeting),
            p.Meeting < scope.Today
                ? $"Het voortgangsgesprek van {SignalScope.Date(p.Meeting)} staat nog open"
                : $"Voortgangsgesprek op {SignalScope.Date(p.Meeting)}",
            $"Plan het voortgangsgesprek met {p.GivenNames} en leg daarna de volgende datum vast",
            p.Meeting.AddDays(-DaysAhead)))];
    }
}

/// <summary>
/// The inburgeringstermijn is in its last six months: three years from the first plan's decision date, or until the new
/// last day of DUO's latest extension or new term.
/// </summary>
public sealed class IntegrationTermRule : ISignalRule
{
    public const int MonthsBefore = 6;

    public SignalKind Kind => SignalKind.IntegrationTermEnding;

    public async Task<IReadOnlyList<SignalFinding>> FindAsync(SignalScope scope, CancellationToken cancellationToken)
    {
        var db = scope.Db;
        var people = await scope.Active
            .Select(n => new
            {
                n.Id,
                n.GivenNames,
                FirstDecision = db.IntegrationPlans.Where(p => p.NewcomerId == n.Id && p.DecisionDate != null)
                    .OrderBy(p => p.Number).Select(p => p.DecisionDate).FirstOrDefault(),
                Changes = db.TermChanges.Where(t => t.NewcomerId == n.Id)
                    .Select(t => new { t.Kind, t.DecidedOn, t.RecordedAt, t.NewLastDay }).ToList(),
            })
            .Where(n => n.FirstDecision != null).ToListAsync(cancellationToken);
        return [.. people
            .Select(n => (n.Id, n.GivenNames, Latest: TermMove.InForce(n.Changes, c => (c.DecidedOn, c.RecordedAt)),
                Original: IntegrationLaw.TermLastDay(n.FirstDecision!.Value)))
            .Select(n => (n.Id, n.GivenNames, LastDay: n.Latest?.NewLastDay ?? n.Original, MovedBy: n.Latest?.Kind))
            .Where(n => scope.Today >= n.LastDay.AddMonths(-MonthsBefore))
            .Select(n => new SignalFinding(n.Id, null,
                n.LastDay < scope.Today ? 1 : n.LastDay.DayNumber - scope.Today.DayNumber <= 31 ? 2 : 3,
                (n.MovedBy, Passed: n.LastDay < scope.Today) switch
                {
                    (null, true) => $"De inburgeringstermijn is op {SignalScope.Date(n.LastDay)} verlopen",
                    (null, false) => $"De inburgeringstermijn loopt op {SignalScope.Date(n.LastDay)} af",
                    (TermChangeKind.Extension, true) => $"De inburgeringstermijn was verlengd tot en met {SignalScope.Date(n.LastDay)} en is verlopen",
                    (TermChangeKind.Extension, false) => $"De inburgeringstermijn is verlengd tot en met {SignalScope.Date(n.LastDay)} en loopt bijna af",
                    (_, true) => $"De nieuwe termijn tot en met {SignalScope.Date(n.LastDay)} is verlopen",
                    (_, false) => $"De nieuwe termijn tot en met {SignalScope.Date(n.LastDay)} loopt bijna af",
                },
                $"Bespreek met {n.GivenNames} wat er nog nodig is om de inburgering af te ronden",
                n.LastDay.AddMonths(-MonthsBefore)))];
    }
}
