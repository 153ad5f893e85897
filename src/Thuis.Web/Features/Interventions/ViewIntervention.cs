using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Platform.Localization;
using Thuis.Web.Platform.Security;

namespace Thuis.Web.Features.Interventions;

/// <summary>How an intervention runs here, with the delivering organisation's name.</summary>
public sealed record AvailabilityView(string Organisation, int? Capacity, int? WaitingList, string? Schedule, decimal? CostHere, string? Contact);

public sealed record InterventionView(
    Intervention Intervention, RecognitionState RecognitionState, DateOnly? RecognitionLastValidDay,
    AvailabilityView? Here, IReadOnlyList<string> Nearby, bool MayEdit, bool MayEditAvailability);

/// <summary>Opens one intervention of the guide with its availability here and nearby.</summary>
public sealed class ViewIntervention(AppDbContext db, CurrentUser currentUser, TimeProvider clock)
{
    public async Task<InterventionView?> HandleAsync(Guid interventionId, CancellationToken cancellationToken)
    {
        var municipalityId = currentUser.MunicipalityId;
        var intervention = await db.Interventions.AsNoTracking().VisibleTo(municipalityId)
            .SingleOrDefaultAsync(i => i.Id == interventionId, cancellationToken);
        if (intervention is null)
        {
            return null;
        }
        var here = await db.InterventionAvailabilities.AsNoTracking().Where(a => a.InterventionId == interventionId)
            .Join(db.Organisations, a => a.OrganisationId, o => o.Id,
                (a, o) => new AvailabilityView(o.Name, a.Capacity, a.WaitingList, a.Schedule, a.CostHere, a.Contact))
            .SingleOrDefaultAsync(cancellationToken);
        var nearby = await LocalAvailability.NearbyAsync(db, municipalityId, interventionId, cancellationToken);
        return new InterventionView(intervention,
            RecognitionValidity.StateOn(intervention.Recognition, clock.InTheNetherlands()),
            RecognitionValidity.LastValidDay(intervention.Recognition),
            here, nearby.GetValueOrDefault(interventionId) ?? [],
            InterventionAccess.MayEdit(currentUser, intervention),
            InterventionAccess.MayEditAvailability(currentUser));
    }
}

/// <summary>Who may change what in the guide.</summary>
public static class InterventionAccess
{
    /// <summary>Roles that keep the guide: the shared catalogue is the administrators', a municipality's additions also its coordinators'.</summary>
    public const string Keepers = Roles.Administrator + "," + Roles.Coordinator;

    /// <summary>Roles that look things up in the guide.</summary>
    public const string Readers = Roles.Administrator + "," + Roles.Coordinator + "," + Roles.CaseManager + "," + Roles.VolunteerCoordinator;

    public static bool MayEdit(CurrentUser user, Intervention intervention) =>
        intervention.IsShared ? user.IsInRole(Roles.Administrator) : MayEditAvailability(user);

    public static bool MayEditAvailability(CurrentUser user) => user.IsInRole(Roles.Coordinator) || user.IsInRole(Roles.Administrator);
}
