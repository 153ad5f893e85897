using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Features.Dossiers;
using Thuis.Web.Platform.Editing;
using Thuis.Web.Platform.Localization;

namespace Thuis.Web.Features.Plans;

public sealed class StepProgressForm
{
    public List<StepProgressRow> Steps { get; set; } = [];

    public Guid Version { get; set; }

    public static StepProgressForm From(IntegrationPlan plan) => new()
    {
        Steps = [.. plan.Steps.OrderBy(s => s.Position).Select(s => new StepProgressRow { Id = s.Id, Status = s.Status, DroppedReason = s.DroppedReason })],
        Version = plan.Version,
    };
}

public sealed class StepProgressRow
{
    public Guid Id { get; set; }
    public StepStatus Status { get; set; }

    [StringLength(1000, ErrorMessage = "Hoogstens 1000 tekens.")]
    public string? DroppedReason { get; set; }
}

public sealed record StepProgressSheet(int Number, IReadOnlyList<PlanStep> Steps, StepProgressForm Form);

/// <summary>
/// Records how far the steps of the working plan have come. Progress is not a new decision, so it changes the
/// plan in force (or the draft being worked on) without a new version; the audit trail keeps who changed what.
/// </summary>
public sealed class RecordStepProgress(AppDbContext db, TimeProvider clock)
{
    /// <summary>The steps of the working plan: the one in force, or the draft when none is fixed yet.</summary>
    public async Task<NewcomerPlan<StepProgressSheet>?> LoadAsync(Guid newcomerId, CancellationToken cancellationToken)
    {
        if (await ReadDossier.NameAsync(db, newcomerId, nameof(IntegrationPlan), "Voortgang van de stappen", cancellationToken) is not { } name)
        {
            return null;
        }
        var plan = await db.IntegrationPlans.AsNoTracking().Include(p => p.Steps)
            .Where(p => p.NewcomerId == newcomerId && p.State != PlanState.Superseded)
            .OrderByDescending(p => p.Number).FirstOrDefaultAsync(cancellationToken);
        return new(name, plan is null ? null : new StepProgressSheet(plan.Number, plan.Steps, StepProgressForm.From(plan)));
    }

    public async Task<Outcome> HandleAsync(Guid newcomerId, StepProgressForm form, CancellationToken cancellationToken)
    {
        var plan = await db.IntegrationPlans.Include(p => p.Steps)
            .Where(p => p.NewcomerId == newcomerId && p.State != PlanState.Superseded)
            .OrderByDescending(p => p.Number).FirstOrDefaultAsync(cancellationToken);
        if (plan is null)
        {
            return Outcome.NotFound();
        }
        var errors = new Dictionary<string, string>();
        var known = plan.Steps.Select(s => s.Id).ToHashSet();
        for (var i = 0; i < form.Steps.Count; i++)
        {
            var row = form.Steps[i];
            if (!known.Contains(row.Id))
            {
                errors[$"{nameof(StepProgressForm.Steps)}[{i}].{nameof(StepProgressRow.Status)}"] = "Deze stap hoort niet (meer) bij het plan; open het plan opnieuw.";
            }
            else if (row.Status == StepStatus.Dropped && string.IsNullOrWhiteSpace(row.DroppedReason))
            {
                errors[$"{nameof(StepProgressForm.Steps)}[{i}].{nameof(StepProgressRow.DroppedReason)}"] = "Schrijf op waarom deze stap stopt.";
            }
        }
        if (errors.Count > 0)
        {
            return Outcome.Invalid(errors);
        }
        var today = clock.InTheNetherlands();
        return await SaveVersionedChange.HandleAsync(db, plan, form.Version, p =>
        {
            foreach (var row in form.Steps)
            {
                p.RecordProgress(row.Id, row.Status, row.DroppedReason, today);
            }
        }, EditPlan.PlanChangedMeanwhile, cancellationToken);
    }
}
