using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;

namespace Thuis.Web.Features.Interventions;

/// <summary>A few interventions of the example catalogue that already run in a demo municipality, at its partner organisation.</summary>
public static class DemoInterventions
{
    public static async Task AddToAsync(AppDbContext db, Guid municipalityId, Guid partnerId, string town)
    {
        (string Key, int Capacity, int WaitingList, string Schedule, decimal Cost)[] running =
        [
            ("taalmaatjes", 30, 4, "doorlopend; koppeling binnen drie weken", 0m),
            ("stap-voor-stap-activering", 16, 0, "dinsdag- en donderdagochtend in het buurthuis", 0m),
        ];
        var keys = running.Select(r => r.Key).ToList();
        var interventions = await db.Interventions.Where(i => i.SeedKey != null && keys.Contains(i.SeedKey))
            .ToDictionaryAsync(i => i.SeedKey!, i => i.Id);
        foreach (var (key, capacity, waiting, schedule, cost) in running)
        {
            if (interventions.TryGetValue(key, out var interventionId))
            {
                db.InterventionAvailabilities.Add(new InterventionAvailability(municipalityId, interventionId,
                    new AvailabilityDetails(partnerId, capacity, waiting, schedule, cost, $"Coördinator integratie, gemeente {town}")));
            }
        }
    }
}
