using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Features.Dossiers;
using Thuis.Web.Features.Intake;
using Thuis.Web.Features.Occupations;
using Thuis.Web.Features.Work;
using Thuis.Web.Platform.Localization;

namespace Thuis.Web.Features.Plans;

public sealed record PlanView(Newcomer Newcomer, IReadOnlyList<IntegrationPlan> Versions, NewcomerDeadlines Deadlines, IReadOnlyList<WorkSuggestion> Work)
{
    /// <summary>The version being worked on: a draft when there is one, otherwise the plan in force.</summary>
    public IntegrationPlan? Working => Versions.LastOrDefault(p => p.State != PlanState.Superseded);

    public IntegrationPlan? InForce => Versions.SingleOrDefault(p => p.State == PlanState.Fixed);

    public IntegrationPlan? Draft => Versions.SingleOrDefault(p => p.State == PlanState.Draft);

    public IntegrationPlan? Numbered(int number) => Versions.SingleOrDefault(p => p.Number == number);
}

/// <summary>Opens a newcomer's plan with all its versions and the dates that govern it. Every look is audited.</summary>
public sealed class ViewPlan(AppDbContext db, OccupationCatalogue occupations, TimeProvider clock)
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
        // The road to work at one's own level: what the intake says the plan should hold (a valuation, a recognition).
        var education = await db.Set<EducationSection>().AsNoTracking().SingleOrDefaultAsync(s => s.NewcomerId == newcomerId, cancellationToken);
        var work = await db.Set<WorkExperienceSection>().AsNoTracking().SingleOrDefaultAsync(s => s.NewcomerId == newcomerId, cancellationToken);
        // And the training seed 003 asks for (a CV, applying, an elevator pitch, a job coach), while the plan has none.
        var working = versions.LastOrDefault(p => p.State != PlanState.Superseded);
        return new PlanView(newcomer, versions, await NewcomerDeadlines.ForAsync(db, newcomer, clock.InTheNetherlands(), cancellationToken),
            [.. WorkSuggestions.For(education, work, occupations),
                .. WorkSuggestions.TrainingFor(working, await db.JobCoaches.AnyAsync(c => c.NewcomerId == newcomerId, cancellationToken))]);
    }
}
