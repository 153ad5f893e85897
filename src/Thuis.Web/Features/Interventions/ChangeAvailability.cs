using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Platform.Editing;
using Thuis.Web.Platform.Security;

namespace Thuis.Web.Features.Interventions;

public sealed class AvailabilityForm
{
    public Guid? OrganisationId { get; set; }

    [Range(0, 10000, ErrorMessage = "Vul een aantal van 0 tot 10.000 in.")]
    public int? Capacity { get; set; }

    [Range(0, 10000, ErrorMessage = "Vul een aantal van 0 tot 10.000 in.")]
    public int? WaitingList { get; set; }

    [StringLength(500, ErrorMessage = "Hoogstens 500 tekens.")]
    public string? Schedule { get; set; }

    [Range(typeof(decimal), "0", "100000", ErrorMessage = "Vul een bedrag van 0 tot 100.000 euro in.")]
    public decimal? CostHere { get; set; }

    [StringLength(500, ErrorMessage = "Hoogstens 500 tekens.")]
    public string? Contact { get; set; }

    /// <summary>The version the form was loaded from; empty when the intervention was not yet available here.</summary>
    public Guid Version { get; set; }
}

public sealed record OrganisationOption(Guid Id, string Name);

public sealed record AvailabilityEditing(string InterventionName, bool IsAvailable, AvailabilityForm Form, IReadOnlyList<OrganisationOption> Organisations);

/// <summary>
/// Records that an intervention runs here, with which of the municipality's own organisations, or that it no
/// longer does. A save based on an older page is refused; every change lands in the audit trail.
/// </summary>
public sealed class ChangeAvailability(AppDbContext db, CurrentUser currentUser)
{
    public const string ChangedMeanwhile =
        "Iemand anders heeft de beschikbaarheid van deze interventie intussen gewijzigd. Uw invoer staat hieronder nog; open de interventie opnieuw om de nieuwe gegevens te zien en voer uw wijziging dan opnieuw in.";

    public async Task<AvailabilityEditing?> LoadAsync(Guid interventionId, CancellationToken cancellationToken)
    {
        var name = await db.Interventions.AsNoTracking().VisibleTo(currentUser.MunicipalityId)
            .Where(i => i.Id == interventionId).Select(i => i.Name).SingleOrDefaultAsync(cancellationToken);
        if (name is null)
        {
            return null;
        }
        var current = await db.InterventionAvailabilities.AsNoTracking().SingleOrDefaultAsync(a => a.InterventionId == interventionId, cancellationToken);
        var form = current is null ? new AvailabilityForm() : new AvailabilityForm
        {
            OrganisationId = current.OrganisationId,
            Capacity = current.Capacity,
            WaitingList = current.WaitingList,
            Schedule = current.Schedule,
            CostHere = current.CostHere,
            Contact = current.Contact,
            Version = current.Version,
        };
        return new AvailabilityEditing(name, current is not null, form, await OrganisationsAsync(cancellationToken));
    }

    public async Task<Outcome> HandleAsync(Guid interventionId, AvailabilityForm form, CancellationToken cancellationToken)
    {
        if (!await IsVisibleAsync(interventionId, cancellationToken))
        {
            return Outcome.NotFound();
        }
        // The tenant filter on organisations keeps another municipality's organisation out of reach.
        if (form.OrganisationId is not { } organisationId || !await db.Organisations.AnyAsync(o => o.Id == organisationId, cancellationToken))
        {
            return Outcome.Invalid(new Dictionary<string, string>
            {
                [nameof(AvailabilityForm.OrganisationId)] = "Kies de organisatie in uw gemeente die de interventie uitvoert.",
            });
        }
        var details = new AvailabilityDetails(organisationId, form.Capacity, form.WaitingList, form.Schedule, form.CostHere, form.Contact);
        var current = await db.InterventionAvailabilities.SingleOrDefaultAsync(a => a.InterventionId == interventionId, cancellationToken);
        if (current is not null)
        {
            return await SaveVersionedChange.HandleAsync(db, current, form.Version, a => a.Update(details), ChangedMeanwhile, cancellationToken);
        }
        var municipalityId = currentUser.MunicipalityId ?? throw new InvalidOperationException("Zonder gemeente is er geen beschikbaarheid.");
        return await SaveVersionedChange.AddAsync(db, () => new InterventionAvailability(municipalityId, interventionId, details), form.Version,
            ChangedMeanwhile, cancellationToken);
    }

    /// <summary>Records that the intervention no longer runs here.</summary>
    public async Task<Outcome> RemoveAsync(Guid interventionId, Guid loadedVersion, CancellationToken cancellationToken)
    {
        if (!await IsVisibleAsync(interventionId, cancellationToken))
        {
            return Outcome.NotFound();
        }
        var current = await db.InterventionAvailabilities.SingleOrDefaultAsync(a => a.InterventionId == interventionId, cancellationToken);
        if (current is null)
        {
            return Outcome.Saved();
        }
        return await SaveVersionedChange.HandleAsync(db, current, loadedVersion, a => db.InterventionAvailabilities.Remove(a), ChangedMeanwhile, cancellationToken);
    }

    private Task<bool> IsVisibleAsync(Guid interventionId, CancellationToken cancellationToken) =>
        db.Interventions.VisibleTo(currentUser.MunicipalityId).AnyAsync(i => i.Id == interventionId, cancellationToken);

    private async Task<List<OrganisationOption>> OrganisationsAsync(CancellationToken cancellationToken) =>
        (await db.Organisations.AsNoTracking().Select(o => new OrganisationOption(o.Id, o.Name)).ToListAsync(cancellationToken))
            .OrderBy(o => o.Name, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("nl-NL"), true)).ToList();
}
