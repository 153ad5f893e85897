using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Features.Plans;
using Thuis.Web.Platform.Editing;
using Thuis.Web.Platform.Localization;
using Thuis.Web.Platform.Security;

namespace Thuis.Web.Features.Own;

public sealed class OwnStepDoneForm
{
    public Guid Version { get; set; }
}

public sealed class OwnStepConcernForm
{
    [StringLength(1000, ErrorMessageResourceType = typeof(OwnTexts), ErrorMessageResourceName = nameof(OwnTexts.TooLong))]
    public string? Words { get; set; }

    public Guid Version { get; set; }
}

/// <summary>
/// The person says how a step of their own plan goes: done, or not going well (with their own words if they like).
/// It is the same progress the case manager records (<see cref="RecordStepProgress"/>), on the plan in force; the save
/// tells the signals, so a step that is not going well reaches the case manager in the same request.
/// </summary>
public sealed class ReportOwnStep(AppDbContext db, CurrentUser currentUser, TimeProvider clock)
{
    public Task<Outcome> DoneAsync(Guid stepId, OwnStepDoneForm form, CancellationToken cancellationToken) =>
        ChangeAsync(stepId, form.Version, (plan, today) => plan.RecordProgress(stepId, StepStatus.Done, null, today), cancellationToken);

    public Task<Outcome> NotGoingWellAsync(Guid stepId, OwnStepConcernForm form, CancellationToken cancellationToken) =>
        ChangeAsync(stepId, form.Version, (plan, today) => plan.RaiseConcern(stepId, form.Words, today), cancellationToken);

    private async Task<Outcome> ChangeAsync(Guid stepId, Guid version, Action<IntegrationPlan, DateOnly> change, CancellationToken cancellationToken)
    {
        if (currentUser.NewcomerId is not { } newcomerId)
        {
            return Outcome.NotFound();
        }
        var plan = await db.IntegrationPlans.Include(p => p.Steps)
            .Where(p => p.NewcomerId == newcomerId && p.State == PlanState.Fixed)
            .OrderByDescending(p => p.Number).FirstOrDefaultAsync(cancellationToken);
        if (plan?.Steps.FirstOrDefault(s => s.Id == stepId) is not { IsOpen: true })
        {
            return Outcome.NotFound();
        }
        var today = clock.InTheNetherlands();
        return await SaveVersionedChange.HandleAsync(db, plan, version, p => change(p, today),
            OwnTexts.In(Languages.Current, "PlanChanged"), cancellationToken);
    }
}
