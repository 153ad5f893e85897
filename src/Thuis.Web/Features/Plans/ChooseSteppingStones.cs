using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Features.Dossiers;
using Thuis.Web.Features.Occupations;
using Thuis.Web.Platform.Editing;
using Thuis.Web.Platform.Localization;

namespace Thuis.Web.Features.Plans;

public sealed class SteppingStonesForm
{
    public List<SteppingStoneRow> Stones { get; set; } = [];

    public Guid Version { get; set; }

    /// <summary>The plan's stepping stones, and three empty rows to add one.</summary>
    public static SteppingStonesForm From(IntegrationPlan plan, OccupationCatalogue occupations) => new()
    {
        Stones =
        [
            .. plan.SteppingStones.Select(s => new SteppingStoneRow { Occupation = occupations.Find(s.EscoUri)?.LabelNl ?? s.EscoUri, Reason = s.Reason, ChosenOn = s.ChosenOn }),
            .. Enumerable.Range(0, 3).Select(_ => new SteppingStoneRow()),
        ],
        Version = plan.Version,
    };
}

public sealed class SteppingStoneRow
{
    /// <summary>The work as its Dutch ESCO name (or URI).</summary>
    [StringLength(200, ErrorMessage = "Hoogstens 200 tekens.")]
    public string? Occupation { get; set; }

    [StringLength(SteppingStone.ReasonLength, ErrorMessage = "Hoogstens 500 tekens.")]
    public string? Reason { get; set; }

    /// <summary>Ticked to take the stepping stone out of the plan.</summary>
    public bool Remove { get; set; }

    /// <summary>When it was chosen; empty for a new row.</summary>
    public DateOnly? ChosenOn { get; set; }

    public bool IsEmpty => string.IsNullOrWhiteSpace(Occupation) && string.IsNullOrWhiteSpace(Reason);
}

public sealed record SteppingStonesSheet(int Number, SteppingStonesForm Form);

/// <summary>
/// Chooses work below the person's level as a stepping stone in their working plan (the draft, or the plan in force),
/// each with the reason agreed with them; matching then suggests that work, and says why. Taking one out is ticking
/// it and saving, so it is always a deliberate act.
/// </summary>
public sealed class ChooseSteppingStones(AppDbContext db, OccupationCatalogue occupations, TimeProvider clock)
{
    public async Task<NewcomerPlan<SteppingStonesSheet>?> LoadAsync(Guid newcomerId, CancellationToken cancellationToken)
    {
        if (await ReadDossier.NameAsync(db, newcomerId, nameof(IntegrationPlan), "Opstappen", cancellationToken) is not { } name)
        {
            return null;
        }
        var plan = await WorkingPlan(newcomerId).AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        return new(name, plan is null ? null : new SteppingStonesSheet(plan.Number, SteppingStonesForm.From(plan, occupations)));
    }

    public async Task<Outcome> HandleAsync(Guid newcomerId, SteppingStonesForm form, CancellationToken cancellationToken)
    {
        var plan = await WorkingPlan(newcomerId).FirstOrDefaultAsync(cancellationToken);
        if (plan is null)
        {
            return Outcome.NotFound();
        }
        var errors = new Dictionary<string, string>();
        var kept = new List<SteppingStone>();
        var today = clock.InTheNetherlands();
        for (var i = 0; i < form.Stones.Count; i++)
        {
            var row = form.Stones[i];
            if (row.Remove || row.IsEmpty)
            {
                continue;
            }
            var field = $"{nameof(SteppingStonesForm.Stones)}[{i}].";
            var occupation = occupations.FindByLabelOrUri(row.Occupation);
            if (occupation is null)
            {
                errors[field + nameof(SteppingStoneRow.Occupation)] = string.IsNullOrWhiteSpace(row.Occupation)
                    ? "Vul het beroep in met zijn Nederlandse ESCO-naam."
                    : "Dit beroep staat niet in ESCO. Typ de Nederlandse ESCO-naam, bijvoorbeeld ‘orderpicker’.";
            }
            else if (kept.Any(s => s.EscoUri == occupation.Uri))
            {
                errors[field + nameof(SteppingStoneRow.Occupation)] = "Dit beroep staat er al als opstap.";
            }
            if (string.IsNullOrWhiteSpace(row.Reason))
            {
                errors[field + nameof(SteppingStoneRow.Reason)] = "Schrijf op waarom dit werk een opstap is, zoals met de persoon besproken.";
            }
            if (occupation is not null && !string.IsNullOrWhiteSpace(row.Reason) && !errors.ContainsKey(field + nameof(SteppingStoneRow.Occupation)))
            {
                kept.Add(new SteppingStone(occupation.Uri, row.Reason, row.ChosenOn ?? today));
            }
        }
        if (errors.Count > 0)
        {
            return Outcome.Invalid(errors);
        }
        return await SaveVersionedChange.HandleAsync(db, plan, form.Version, p => p.ChooseSteppingStones(kept), EditPlan.PlanChangedMeanwhile, cancellationToken);
    }

    /// <summary>The plan being worked on: the one in force, or the draft after it (the newest that is not replaced).</summary>
    private IQueryable<IntegrationPlan> WorkingPlan(Guid newcomerId) =>
        db.IntegrationPlans.Where(p => p.NewcomerId == newcomerId && p.State != PlanState.Superseded).OrderByDescending(p => p.Number);
}
