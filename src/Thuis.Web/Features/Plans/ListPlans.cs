using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Features.Dossiers;
using Thuis.Web.Platform.Localization;
using Thuis.Web.Platform.Security;

namespace Thuis.Web.Features.Plans;

public sealed record PlanRow(
    Guid NewcomerId, string Name, DateOnly? PipDeadline, int? Number, PlanState? State, DateOnly? DecisionDate,
    int OpenSteps, DateOnly? NextProgressMeeting, DateOnly? FirstDecisionDate)
{
    /// <summary>No plan was ever fixed and the legal deadline has passed.</summary>
    public bool IsLate(DateOnly today) => FirstDecisionDate is null && PipDeadline is { } due && due < today;
}

/// <summary>
/// Where every active newcomer's plan stands: none yet, a draft, or fixed — with the PIP deadline beside it,
/// so a plan that is late is seen before it is too late.
/// </summary>
public sealed class ListPlans(AppDbContext db, CurrentUser currentUser, TimeProvider clock)
{
    public async Task<IReadOnlyList<PlanRow>> HandleAsync(bool mineOnly, CancellationToken cancellationToken)
    {
        var people = db.Newcomers.AsNoTracking().Where(n => n.Status == DossierStatus.Active || n.Status == DossierStatus.Paused);
        if (mineOnly && currentUser.UserId is { } me)
        {
            people = people.Where(n => n.CaseManagerId == me);
        }
        var weeks = await db.Municipalities.Where(m => m.Id == currentUser.MunicipalityId)
            .Select(m => m.PipDeadlineWeeks).SingleAsync(cancellationToken);
        var today = clock.InTheNetherlands();
        var rows = await people
            .Select(n => new
            {
                n.Id,
                n.GivenNames,
                n.FamilyName,
                n.RegistrationDate,
                n.DateOfBirth,
                FirstDecision = db.IntegrationPlans.Where(p => p.NewcomerId == n.Id && p.DecisionDate != null).Min(p => p.DecisionDate),
                Plan = db.IntegrationPlans.Where(p => p.NewcomerId == n.Id && p.State != PlanState.Superseded)
                    .OrderByDescending(p => p.Number)
                    .Select(p => new
                    {
                        p.Number,
                        p.State,
                        p.DecisionDate,
                        p.NextProgressMeeting,
                        Open = p.Steps.Count(s => s.Status == StepStatus.Planned || s.Status == StepStatus.Doing),
                    })
                    .FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        return [.. rows
            .Select(r => new PlanRow(r.Id, $"{r.FamilyName}, {r.GivenNames}", NewcomerDeadlines.On(today, r.DateOfBirth, r.RegistrationDate, null, r.FirstDecision, weeks).PipDeadline,
                r.Plan?.Number, r.Plan?.State, r.Plan?.DecisionDate, r.Plan?.Open ?? 0, r.Plan?.NextProgressMeeting, r.FirstDecision))
            .OrderBy(r => r.FirstDecisionDate is not null)
            .ThenBy(r => r.PipDeadline ?? DateOnly.MaxValue)
            .ThenBy(r => r.Name, StringComparer.CurrentCulture)];
    }
}
