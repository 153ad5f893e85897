using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Features.Work;
using Thuis.Web.Platform.Editing;
using Thuis.Web.Platform.Security;

namespace Thuis.Web.Features.Plans;

/// <summary>The button beside a training step the plan page suggests: which step, and the plan version it was shown for.</summary>
public sealed class WorkStepForm
{
    /// <summary>The training step's key (<see cref="TrainingStep.Key"/>).</summary>
    public string? Step { get; set; }

    public Guid Version { get; set; }
}

/// <summary>
/// Puts a training step the plan page suggests (a CV, training in applying, an elevator pitch, a job coach) in the plan
/// with one button: a step in the work domain with its usual owner and a due date, which the case manager can then edit
/// like any step. Only while the plan asks for it and has no such step yet; by the rules of a fixed plan.
/// </summary>
public sealed class AddWorkStepToPlan(AppDbContext db, CurrentUser currentUser, TimeProvider clock)
{
    /// <summary>What the plan page says after the step was added (its <c>klaar</c> value).</summary>
    public const string Added = "werkstap";

    public const string AddedToNewVersion = "werkstap-nieuwe-versie";

    public const string NotAsked =
        "Deze stap staat al in het plan, of het plan vraagt er niet om: dat doet het bij hoofddoel werk of vanaf Piëzo-fase 2.";

    public const string ChangedMeanwhile =
        "Iemand anders heeft dit plan intussen gewijzigd. Bekijk de stappen hieronder en zet de stap zo nodig opnieuw in het plan.";

    /// <returns>Saved with the plan page's address to return to; not found for a person or plan this municipality does not know.</returns>
    public async Task<Outcome<string>> HandleAsync(Guid newcomerId, WorkStepForm form, CancellationToken cancellationToken)
    {
        var working = await PlanAdditions.Working(db, newcomerId).AsNoTracking().Include(p => p.Steps).FirstOrDefaultAsync(cancellationToken);
        if (working is null)
        {
            return Outcome.NotFound();
        }
        if (WorkSuggestions.FindTraining(form.Step) is not { } training || WorkSuggestions.TrainingFor(working, await db.JobCoaches.AnyAsync(c => c.NewcomerId == newcomerId, cancellationToken)).All(s => s.Training != training))
        {
            return Outcome.Refused(NotAsked);
        }
        var outcome = await PlanAdditions.AddStepsAsync(db, currentUser, clock, newcomerId, form.Version, today => [training.Content(today)], cancellationToken);
        return outcome.IsSaved
            ? Outcome.Saved($"/dossiers/{newcomerId}/plan?klaar={(outcome.Value ? AddedToNewVersion : Added)}")
            : outcome.Kind == OutcomeKind.Conflict ? Outcome.Conflict(ChangedMeanwhile) : outcome.WithoutValue;
    }
}
