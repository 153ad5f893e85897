using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Features.Dossiers;
using Thuis.Web.Platform.Localization;

namespace Thuis.Web.Features.Plans;

public sealed record PlanView(Newcomer Newcomer, IReadOnlyList<IntegrationPlan> Versions, NewcomerDeadlines Deadlines)
{
    /// <summary>The version being worked on: a draft when there is one, otherwise the plan in force.</summary>
    public IntegrationPlan? Working => Versions.LastOrDefault(p => p.State != PlanState.Superseded);

    public IntegrationPlan? InForce => Versions.SingleOrDefault(p => p.State == PlanState.Fixed);

    public IntegrationPlan? Draft => Versions.SingleOrDefault(p => p.State == PlanState.Draft);

    public IntegrationPlan? Numbered(int number) => Versions.SingleOrDefault(p => p.Number == number);
}

/// <summary>Opens a newcomer's plan with all its versions and the dates that govern it. Every look is audited.</summary>
public sealed class ViewPlan(AppDbContext db, TimeProvider clock)
{
    public const string Purpose = "Plan inzien voor begeleiding";

    public async Task<PlanView?> HandleAsync(Guid newcomerId, CancellationToken cancellationToken)
    {
        var newcomer = await ReadDossier.NewcomerAsync(db, newcomerId, nameof(IntegrationPlan), Purpose, cancellationToken);
        if (newcomer is null)
        {
            return null;
        }
        var versions = await db.IntegrationPlans.AsNoTracking().AsSplitQuery()
            .Include(p => p.Goals).Include(p => p.Steps)
            .Where(p => p.NewcomerId == newcomerId).OrderBy(p => p.Number)
            .ToListAsync(cancellationToken);
        return new PlanView(newcomer, versions, await NewcomerDeadlines.ForAsync(db, newcomer, clock.InTheNetherlands(), cancellationToken));
    }
}
