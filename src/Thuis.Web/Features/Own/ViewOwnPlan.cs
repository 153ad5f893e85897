using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Features.Plans;
using Thuis.Web.Platform.Security;

namespace Thuis.Web.Features.Own;

/// <summary>A step as the person reads it: what, with whom, by when, and how far it is.</summary>
public sealed record OwnStep(Guid Id, ParticipationDomain Domain, string What, StepOwner Owner, string? OwnerName, DateOnly? Due,
    StepStatus Status, bool Concern);

public sealed record OwnGoal(ParticipationDomain Domain, string? Goal, IReadOnlyList<OwnStep> Steps);

/// <summary>The plan in force, or none yet; never more than the person's own plan, and never a BSN.</summary>
public sealed record OwnPlan(string GivenNames, DateOnly? DecidedOn, IReadOnlyList<OwnGoal> Goals, Guid Version)
{
    public int OpenSteps => Goals.Sum(g => g.Steps.Count(s => s.Status is StepStatus.Planned or StepStatus.Doing));
}

public sealed record OwnStart(string GivenNames, OwnPlan? Plan);

/// <summary>
/// The newcomer's own plan. The person is always the signed-in account's own (<see cref="CurrentUser.NewcomerId"/>),
/// never one named in the address.
/// </summary>
public sealed class ViewOwnPlan(AppDbContext db, CurrentUser currentUser)
{
    public async Task<OwnStart?> LoadAsync(CancellationToken cancellationToken)
    {
        if (currentUser.NewcomerId is not { } newcomerId)
        {
            return null;
        }
        var givenNames = await db.Newcomers.AsNoTracking().Where(n => n.Id == newcomerId).Select(n => n.GivenNames)
            .SingleOrDefaultAsync(cancellationToken);
        if (givenNames is null)
        {
            return null;
        }
        var plan = await db.IntegrationPlans.AsNoTracking().Include(p => p.Goals).Include(p => p.Steps)
            .Where(p => p.NewcomerId == newcomerId && p.State == PlanState.Fixed)
            .OrderByDescending(p => p.Number).FirstOrDefaultAsync(cancellationToken);
        if (plan is null)
        {
            return new OwnStart(givenNames, null);
        }
        var goals = plan.Goals.Select(g => g.Domain).Union(plan.Steps.Select(s => s.Domain)).Order()
            .Select(domain => new OwnGoal(domain,
                plan.Goals.FirstOrDefault(g => g.Domain == domain)?.Description,
                [.. plan.Steps.Where(s => s.Domain == domain).OrderBy(s => s.Position)
                    .Select(s => new OwnStep(s.Id, s.Domain, s.What, s.Owner, s.OwnerName, s.Due, s.Status, s.ConcernSince is not null))]))
            .ToList();
        return new OwnStart(givenNames, new OwnPlan(givenNames, plan.DecisionDate, goals, plan.Version));
    }

    /// <summary>One step of the person's own plan in force; null for any other step, whoever's it is.</summary>
    public async Task<OwnStep?> LoadStepAsync(Guid stepId, CancellationToken cancellationToken) =>
        (await LoadAsync(cancellationToken))?.Plan?.Goals.SelectMany(g => g.Steps).FirstOrDefault(s => s.Id == stepId);
}
