using Microsoft.Extensions.DependencyInjection;
using Thuis.Web.Data;
using Thuis.Web.Features.Intake;
using Thuis.Web.Features.Interventions;
using Thuis.Web.Features.Plans;
using Thuis.Web.Platform.Security;

namespace Thuis.Web.Tests.Infrastructure;

/// <summary>Interventions and availability made straight in the database, for tests about the guide.</summary>
public static class Guide
{
    /// <summary>A plain intervention for everyone in "ontmoeten"; a test names only what it cares about.</summary>
    public static InterventionDetails Details(string name, Recognition? recognition = null, ParticipationDomain domain = ParticipationDomain.Meeting) =>
        new(name, $"Samenvatting van {name}.", null, null, null, null, [domain],
            new InterventionTargetGroup(null, null, TargetGender.Everyone, CefrLevel.None, true, false, false, false),
            recognition ?? new Recognition(RecognitionLevel.None, null, null),
            new InclusionCriteria(true, false, false, false), null, null, null, null, IsExample: false);

    public static async Task<Guid> AddOwnInterventionAsync(ThuisAppFactory app, TestMunicipality municipality, InterventionDetails details)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystemFor(municipality.Id);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var intervention = new Intervention(municipality.Id, details);
        db.Interventions.Add(intervention);
        await db.SaveChangesAsync();
        return intervention.Id;
    }

    /// <summary>Records that the intervention runs in the municipality at its partner organisation.</summary>
    public static async Task MakeAvailableAsync(ThuisAppFactory app, TestMunicipality municipality, Guid interventionId, string contact)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystemFor(municipality.Id);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.InterventionAvailabilities.Add(new InterventionAvailability(municipality.Id, interventionId,
            new AvailabilityDetails(municipality.PartnerOrganisationId, 12, 3, "woensdagmiddag", 75m, contact)));
        await db.SaveChangesAsync();
    }

    public static Guid IdOfShipped(ThuisAppFactory app, string key)
    {
        using var scope = app.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<AppDbContext>().Interventions.Where(i => i.SeedKey == key).Select(i => i.Id).Single();
    }
}
