using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Platform.Editing;
using Thuis.Web.Platform.Localization;

namespace Thuis.Web.Features.Money;

public sealed class OntzorgenCostForm
{
    public FixedCostKind? Kind { get; set; }
    public string? Description { get; set; }
    public string? Payee { get; set; }
    /// <summary>As typed: "612,40"; read with <see cref="DutchFormat.TryParseEuro"/>.</summary>
    public string? AmountPerMonth { get; set; }
    public DateOnly? PaidFrom { get; set; }
    public DateOnly? HandBackOn { get; set; }
    public string? HandBackHelp { get; set; }

    /// <summary>Empty for a new cost.</summary>
    public Guid Version { get; set; }

    public static OntzorgenCostForm From(OntzorgenCost cost) => new()
    {
        Kind = cost.Kind,
        Description = cost.Description,
        Payee = cost.Payee,
        AmountPerMonth = DutchFormat.Amount(cost.AmountPerMonth),
        PaidFrom = cost.PaidFrom,
        HandBackOn = cost.HandBackOn,
        HandBackHelp = cost.HandBackHelp,
        Version = cost.Version,
    };
}

/// <summary>
/// Records a fixed cost the municipality pays while it ontzorgt someone, or changes it — its hand-back above all. A bill
/// the law names cannot go back before the law's six months are over.
/// </summary>
public sealed class RecordOntzorgenCost(AppDbContext db)
{
    public const string ChangedMeanwhile = "Iemand anders heeft deze vaste last intussen gewijzigd. Open de pagina opnieuw en vul het dan opnieuw in.";

    public async Task<Outcome> AddAsync(Guid newcomerId, OntzorgenCostForm form, CancellationToken cancellationToken)
    {
        var newcomer = await db.Newcomers.AsNoTracking().SingleOrDefaultAsync(n => n.Id == newcomerId, cancellationToken);
        if (newcomer is null)
        {
            return Outcome.NotFound();
        }
        var errors = await CheckAsync(newcomerId, form, cancellationToken);
        if (errors.Count > 0)
        {
            return Outcome.Invalid(errors);
        }
        db.OntzorgenCosts.Add(new OntzorgenCost(newcomer, Details(form)));
        return await SaveVersionedChange.SaveAsync(db, ChangedMeanwhile, cancellationToken);
    }

    public async Task<Outcome> ChangeAsync(Guid newcomerId, Guid costId, OntzorgenCostForm form, CancellationToken cancellationToken)
    {
        var cost = await db.OntzorgenCosts.SingleOrDefaultAsync(c => c.Id == costId && c.NewcomerId == newcomerId, cancellationToken);
        if (cost is null)
        {
            return Outcome.NotFound();
        }
        var errors = await CheckAsync(newcomerId, form, cancellationToken);
        return errors.Count > 0
            ? Outcome.Invalid(errors)
            : await SaveVersionedChange.HandleAsync(db, cost, form.Version, c => c.Change(Details(form)), ChangedMeanwhile, cancellationToken);
    }

    /// <summary>The cost as it is, for its form; null when the user cannot see it.</summary>
    public Task<OntzorgenCost?> FindAsync(Guid newcomerId, Guid costId, CancellationToken cancellationToken) =>
        db.OntzorgenCosts.AsNoTracking().SingleOrDefaultAsync(c => c.Id == costId && c.NewcomerId == newcomerId, cancellationToken);

    private static OntzorgenCostDetails Details(OntzorgenCostForm form) =>
        new(form.Kind!.Value, form.Description, form.Payee ?? "", Amount(form)!.Value, form.PaidFrom!.Value, form.HandBackOn, form.HandBackHelp);

    private static decimal? Amount(OntzorgenCostForm form) => DutchFormat.TryParseEuro(form.AmountPerMonth, out var amount) ? amount : null;

    private async Task<Dictionary<string, string>> CheckAsync(Guid newcomerId, OntzorgenCostForm form, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string>();
        if (form.Kind is null)
        {
            errors[nameof(form.Kind)] = "Kies welke vaste last de gemeente betaalt.";
        }
        if (string.IsNullOrWhiteSpace(form.AmountPerMonth))
        {
            errors[nameof(form.AmountPerMonth)] = "Vul het bedrag per maand in.";
        }
        else if (Amount(form) is null)
        {
            errors[nameof(form.AmountPerMonth)] = DutchFormat.EuroExample;
        }
        if (form.PaidFrom is null)
        {
            errors[nameof(form.PaidFrom)] = "Vul in vanaf wanneer de gemeente betaalt.";
        }
        var details = new OntzorgenCostDetails(form.Kind ?? FixedCostKind.Other, form.Description, form.Payee ?? "", Amount(form) ?? 1m,
            form.PaidFrom ?? DateOnly.MinValue, form.HandBackOn, form.HandBackHelp);
        foreach (var (field, problem) in OntzorgenCost.Problems(details).Where(p => !errors.ContainsKey(p.Key)))
        {
            // Without a kind, "describe the other cost" would be a guess; without an amount, its range says nothing.
            if (field == nameof(form.Description) && form.Kind is null)
            {
                continue;
            }
            errors[field] = problem;
        }
        if (!errors.ContainsKey(nameof(form.HandBackOn)) && form.HandBackOn is { } back && form.Kind is { } kind && kind.NamedByLaw()
            && await PeriodAsync(newcomerId, cancellationToken) is { MinimumLastDay: { } minimum } && back <= minimum)
        {
            errors[nameof(form.HandBackOn)] =
                $"De gemeente betaalt de {kind.Dutch()} ten minste zes maanden (Participatiewet, art. 56a): de rekening gaat op zijn vroegst op {DutchFormat.Date(minimum.AddDays(1))} terug.";
        }
        return errors;
    }

    private async Task<OntzorgenPeriod?> PeriodAsync(Guid newcomerId, CancellationToken cancellationToken) =>
        (await OntzorgenPeriod.OfAsync(db, db.Newcomers.Where(n => n.Id == newcomerId), cancellationToken)).GetValueOrDefault(newcomerId);
}
