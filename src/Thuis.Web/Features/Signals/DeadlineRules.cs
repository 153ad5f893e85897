using Microsoft.EntityFrameworkCore;
using Thuis.Web.Features.Plans;
using Thuis.Web.Features.Trajectories;

namespace Thuis.Web.Features.Signals;

/// <summary>No plan fixed yet while the PIP deadline (weeks after registration) comes near or has passed.</summary>
public sealed class PipDeadlineRule : ISignalRule
{
    public SignalKind Kind => SignalKind.PipDeadline;

    public async Task<IReadOnlyList<SignalFinding>> FindAsync(SignalScope scope, CancellationToken cancellationToken)
    {
        var db = scope.Db;
        var people = await scope.Active
            .Where(n => !db.IntegrationPlans.Any(p => p.NewcomerId == n.Id && p.DecisionDate != null))
            .Select(n => new { n.Id, n.GivenNames, n.RegistrationDate }).ToListAsync(cancellationToken);
        return [.. people
            .Select(n => (n.Id, n.GivenNames, Deadline: IntegrationLaw.PipDeadline(n.RegistrationDate, scope.PipDeadlineWeeks)))
            .Where(n => n.Deadline.DayNumber - scope.Today.DayNumber <= scope.Settings.DeadlineWarningDays)
            .Select(n => new SignalFinding(n.Id, null, scope.UrgencyFor(n.Deadline),
                n.Deadline < scope.Today
                    ? $"Het PIP had uiterlijk {SignalScope.Date(n.Deadline)} vastgesteld moeten zijn"
                    : $"Het PIP moet uiterlijk {SignalScope.Date(n.Deadline)} vastgesteld zijn",
                $"Maak met {n.GivenNames} het plan af en stel het vast"))];
    }
}

/// <summary>Housed, not yet in a participation declaration trajectory, and its start deadline comes near or has passed.</summary>
public sealed class PvtStartRule : ISignalRule
{
    public SignalKind Kind => SignalKind.PvtStart;

    public async Task<IReadOnlyList<SignalFinding>> FindAsync(SignalScope scope, CancellationToken cancellationToken)
    {
        var db = scope.Db;
        var people = await scope.Active
            .Where(n => n.HousingDate != null)
            .Where(n => !db.Enrolments.Any(e => e.NewcomerId == n.Id && db.CourseGroups.Any(g => g.Id == e.GroupId && g.Kind == CourseKind.Pvt)))
            .Select(n => new { n.Id, n.GivenNames, Housed = n.HousingDate!.Value }).ToListAsync(cancellationToken);
        return [.. people
            .Select(n => (n.Id, n.GivenNames, Deadline: IntegrationLaw.PvtStartDeadline(n.Housed, scope.PvtStartDays)))
            .Where(n => n.Deadline.DayNumber - scope.Today.DayNumber <= scope.Settings.DeadlineWarningDays)
            .Select(n => new SignalFinding(n.Id, null, scope.UrgencyFor(n.Deadline),
                n.Deadline < scope.Today
                    ? $"Had uiterlijk {SignalScope.Date(n.Deadline)} met de PVT moeten beginnen en staat nog in geen groep"
                    : $"Moet uiterlijk {SignalScope.Date(n.Deadline)} met de PVT beginnen en staat nog in geen groep",
                $"Schrijf {n.GivenNames} in voor een PVT-groep"))];
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
            $"Plan het voortgangsgesprek met {p.GivenNames} en leg daarna de volgende datum vast"))];
    }
}

/// <summary>The inburgeringstermijn (three years from the first plan's decision date) is in its last six months.</summary>
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
            })
            .Where(n => n.FirstDecision != null).ToListAsync(cancellationToken);
        return [.. people
            .Select(n => (n.Id, n.GivenNames, LastDay: IntegrationLaw.TermLastDay(n.FirstDecision!.Value)))
            .Where(n => scope.Today >= n.LastDay.AddMonths(-MonthsBefore))
            .Select(n => new SignalFinding(n.Id, null,
                n.LastDay < scope.Today ? 1 : n.LastDay.DayNumber - scope.Today.DayNumber <= 31 ? 2 : 3,
                n.LastDay < scope.Today
                    ? $"De inburgeringstermijn is op {SignalScope.Date(n.LastDay)} verlopen"
                    : $"De inburgeringstermijn loopt op {SignalScope.Date(n.LastDay)} af",
                $"Bespreek met {n.GivenNames} wat er nog nodig is om de inburgering af te ronden"))];
    }
}
