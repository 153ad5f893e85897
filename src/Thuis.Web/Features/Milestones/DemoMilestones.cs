using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Features.Intake;
using Thuis.Web.Platform.Localization;

namespace Thuis.Web.Features.Milestones;

/// <summary>
/// Demo settling checklists and milestones for a demo municipality's newcomers: the longer someone has
/// lived here, the more is arranged, at a pace that differs per person, so some run behind. Always the same
/// for the same people (a fixed seed), and only for the demo.
/// </summary>
public static class DemoMilestones
{
    /// <summary>What stands in the way, as case managers write it; taken in turn so every fresh demo looks the same.</summary>
    private static readonly string[] BehindNotes =
    [
        "Taalcursus gestopt na verhuizing van de school; nieuwe plek wordt gezocht.",
        "Wacht op een plek in de kinderopvang; daarna kan de taalcursus verder.",
        "Veel afwezig door ziekte in het gezin; eerst rust, dan weer opbouwen.",
        "PVT nog niet afgerond: twee workshops gemist, inhalen in de volgende groep.",
    ];

    private static readonly Dictionary<string, string> OpenNotes = new()
    {
        ["digid"] = "Activeringsbrief kwijt; nieuwe code aangevraagd.",
        ["tandarts"] = "Wachtlijst bij beide tandartsen in het dorp.",
        ["huisarts"] = "Praktijk neemt pas volgende maand nieuwe patiënten aan.",
        ["bankrekening"] = "Bank vraagt nog om een bewijs van inschrijving.",
        ["toeslagen"] = "Samen met VluchtelingenWerk aanvragen.",
        ["buren-wijk"] = "Buurvrouw heeft uitgenodigd voor de koffieochtend in het wijkcentrum.",
    };

    // The showcase person of each demo town has these still to arrange, so the demo always shows work to do.
    private static readonly string[] ShowcaseOpen = ["tandarts", "bibliotheek", "buren-wijk"];

    /// <summary>
    /// Adds and saves checklists and milestones for the municipality the scope acts for. The showcase
    /// person (the first of the demo town) has all but a few items arranged.
    /// </summary>
    public static async Task AddAsync(AppDbContext db, TimeProvider clock, string caseManagerName, string showcaseBsn)
    {
        var today = clock.InTheNetherlands();
        // A fixed seed: the same demo every fresh start. Not for anything secret.
#pragma warning disable CA5394
        var random = new Random(18);
        var behind = 0;
        var newcomers = await db.Newcomers.AsNoTracking().OrderBy(n => n.VNumber)
            .Select(n => new { n.Id, n.MunicipalityId, n.HousingDate, n.RegistrationDate, n.Bsn }).ToListAsync();
        var households = await db.Set<HouseholdSection>().AsNoTracking().ToDictionaryAsync(h => h.NewcomerId);
        foreach (var n in newcomers)
        {
            var start = MilestoneDates.Start(n.HousingDate, n.RegistrationDate);
            var days = today.DayNumber - start.DayNumber;
            if (days < 3)
            {
                continue;
            }
            // Days per arranged item: most people settle within three months, some take much longer.
            var pace = 5 + random.Next(0, 8);
            var showcase = n.Bsn == showcaseBsn;
            var household = HouseholdFacts.From(households.GetValueOrDefault(n.Id));
            var checklist = new SettlingChecklist(n.Id, n.MunicipalityId);
            var step = 0;
            var noted = false;
            var lastDone = start;
            foreach (var item in SettlingItems.All.Where(d => household.NotApplicableBecause(d.Applies, today) is null))
            {
                if (item.Code == "ontzorgen" && random.NextDouble() < 0.1)
                {
                    checklist.Record(item.Code, SettlingItemStatus.NotApplicable, null, "Werkt en heeft een eigen inkomen; geen uitkering om uit te betalen.", caseManagerName, today);
                    continue;
                }
                step++;
                var doneAfter = step * pace + random.Next(0, 5);
                if (showcase && ShowcaseOpen.Contains(item.Code))
                {
                    checklist.Record(item.Code, SettlingItemStatus.Open, null, OpenNotes.GetValueOrDefault(item.Code), caseManagerName, today);
                }
                else if (doneAfter <= days)
                {
                    var doneOn = start.AddDays(doneAfter);
                    checklist.Record(item.Code, SettlingItemStatus.Done, doneOn, null, caseManagerName, today);
                    lastDone = doneOn;
                }
                else if (!noted && OpenNotes.TryGetValue(item.Code, out var note))
                {
                    checklist.Record(item.Code, SettlingItemStatus.Open, null, note, caseManagerName, today);
                    noted = true;
                }
            }
            checklist.MarkUpdated(caseManagerName, new DateTimeOffset(lastDone.ToDateTime(new TimeOnly(14, 0)), TimeSpan.Zero));
            db.SettlingChecklists.Add(checklist);

            var months = MilestoneDates.MonthsSince(start, today);
            var at = clock.GetUtcNow();
            if (months >= 10)
            {
                var integrate = new Milestone(n.Id, n.MunicipalityId, MilestoneKind.Integrate);
                if (random.NextDouble() < 0.6)
                {
                    integrate.Record(MilestoneState.Reached, start.AddMonths(random.Next(9, Math.Min(months, 12) + 1)), MilestoneKind.Integrate.Signs(), null, caseManagerName, at, today);
                }
                else
                {
                    integrate.Record(MilestoneState.Behind, null, ["PVT afgerond"], BehindNotes[behind++ % BehindNotes.Length], caseManagerName, at, today);
                }
                db.Milestones.Add(integrate);
            }
            if (months >= 12 && random.NextDouble() < 0.5)
            {
                var participate = new Milestone(n.Id, n.MunicipalityId, MilestoneKind.Participate);
                participate.Record(MilestoneState.Reached, start.AddMonths(random.Next(12, months + 1)),
                    [MilestoneKind.Participate.Signs()[random.Next(0, 4)]], null, caseManagerName, at, today);
                db.Milestones.Add(participate);
            }
        }
#pragma warning restore CA5394
        await db.SaveChangesAsync();
    }
}
