using Microsoft.EntityFrameworkCore;
using Thuis.Web.Features.Intake;
using Thuis.Web.Features.Money;

namespace Thuis.Web.Features.Signals;

/// <summary>
/// Ontzorgen ends within four weeks, or has ended, and the hand-back is not planned: a bill the municipality pays has
/// no day to go back to the person, or no bill is recorded at all.
/// </summary>
public sealed class OntzorgenHandBackRule : ISignalRule
{
    /// <summary>Four weeks before ontzorgen ends the hand-back must be planned.</summary>
    public const int WarningDays = 28;

    public SignalKind Kind => SignalKind.OntzorgenHandBack;

    public async Task<IReadOnlyList<SignalFinding>> FindAsync(SignalScope scope, CancellationToken cancellationToken)
    {
        var periods = await OntzorgenPeriod.OfAsync(scope.Db, scope.Active, cancellationToken);
        var ending = periods.Values.Where(p => p.Until is { } until && until.DayNumber - scope.Today.DayNumber <= WarningDays).ToList();
        if (ending.Count == 0)
        {
            return [];
        }
        var ids = ending.Select(p => p.NewcomerId).ToList();
        var costs = (await scope.Db.OntzorgenCosts.AsNoTracking().Where(c => ids.Contains(c.NewcomerId)).ToListAsync(cancellationToken)).ToLookup(c => c.NewcomerId);
        var names = await scope.Active.Where(n => ids.Contains(n.Id)).ToDictionaryAsync(n => n.Id, n => n.GivenNames, cancellationToken);
        var findings = new List<SignalFinding>();
        foreach (var period in ending)
        {
            var until = period.Until!.Value;
            var own = costs[period.NewcomerId].ToList();
            var open = own.Where(c => c.HandBackOn is null).Select(c => c.What).ToList();
            // Without any bill recorded there is nothing to hand back once the period is over.
            if ((own.Count == 0 && until < scope.Today) || (own.Count > 0 && open.Count == 0))
            {
                continue;
            }
            var ends = until < scope.Today ? $"Ontzorgen is op {SignalScope.Date(until)} geëindigd" : $"Ontzorgen eindigt op {SignalScope.Date(until)}";
            var reason = own.Count == 0
                ? $"{ends} en er is nog niet vastgelegd welke rekeningen de gemeente betaalt en wanneer die teruggaan"
                : $"{ends} en voor {string.Join(", ", open)} is nog niet gepland wanneer {names[period.NewcomerId]} die zelf betaalt";
            findings.Add(new SignalFinding(period.NewcomerId, null, scope.UrgencyFor(until), reason,
                $"Maak met {names[period.NewcomerId]} het plan om de rekeningen terug te geven: wanneer, en met wiens hulp",
                Later(until.AddDays(-WarningDays), period.From)));
        }
        return findings;
    }

    private static DateOnly Later(DateOnly a, DateOnly b) => a > b ? a : b;
}

/// <summary>
/// The law's six months of ontzorgen (Participatiewet art. 56a) would not be met for someone it obliges: the plan ends
/// ontzorgen too early, a bill the law names goes back too early, or there is no ontzorgen at all after housing.
/// </summary>
public sealed class OntzorgenBelowLawRule : ISignalRule
{
    public SignalKind Kind => SignalKind.OntzorgenBelowLaw;

    public async Task<IReadOnlyList<SignalFinding>> FindAsync(SignalScope scope, CancellationToken cancellationToken)
    {
        var db = scope.Db;
        var obliged = (await OntzorgenPeriod.ObligedAsync(db, scope.Active, cancellationToken)).Where(o => o.Value).Select(o => o.Key).ToList();
        if (obliged.Count == 0)
        {
            return [];
        }
        var people = scope.Active.Where(n => obliged.Contains(n.Id));
        var periods = await OntzorgenPeriod.OfAsync(db, people, cancellationToken);
        var persons = await people.Select(n => new
        {
            n.Id,
            n.GivenNames,
            n.HousingDate,
            // Before the plan names the period, the finances intake may already say ontzorgen is arranged.
            InPlace = db.Set<FinancesSection>().Any(f => f.NewcomerId == n.Id && f.OntzorgenInPlace == true),
        }).ToListAsync(cancellationToken);
        var early = (await db.OntzorgenCosts.AsNoTracking().Where(c => obliged.Contains(c.NewcomerId) && c.HandBackOn != null && c.Kind != FixedCostKind.Other)
            .ToListAsync(cancellationToken)).ToLookup(c => c.NewcomerId);
        var findings = new List<SignalFinding>();
        foreach (var person in persons)
        {
            var action = $"Zorg dat de gemeente de vaste lasten van {person.GivenNames} zes maanden betaalt, vanaf de dag dat het recht op bijstand ontstond";
            if (!periods.TryGetValue(person.Id, out var period))
            {
                if (!person.InPlace && person.HousingDate is { } housed && housed <= scope.Today)
                {
                    findings.Add(new SignalFinding(person.Id, null, 2,
                        "Asielstatushouder met een uitkering, en ontzorgen staat niet in het plan", action, housed));
                }
                continue;
            }
            var minimum = period.MinimumLastDay!.Value;
            var tooEarly = early[person.Id].Where(c => c.HandBackOn <= minimum).Select(c => $"{c.What} op {SignalScope.Date(c.HandBackOn!.Value)}").ToList();
            if (period.EndsTooEarly)
            {
                tooEarly.Insert(0, $"het einde van ontzorgen op {SignalScope.Date(period.Until!.Value)}");
            }
            if (tooEarly.Count > 0)
            {
                findings.Add(new SignalFinding(person.Id, null, 1,
                    $"Vóór het einde van de wettelijke zes maanden ({SignalScope.Date(minimum)}) valt: {string.Join("; ", tooEarly)}",
                    action, period.From));
            }
        }
        return findings;
    }
}
