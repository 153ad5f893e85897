using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Thuis.Web.Features.Municipalities;
using Thuis.Web.Features.Organisations;
using Thuis.Web.Platform.Tenancy;

namespace Thuis.Web.Features.Interventions;

/// <summary>How an intervention runs here, as the coordinator records it.</summary>
public sealed record AvailabilityDetails(Guid OrganisationId, int? Capacity, int? WaitingList, string? Schedule, decimal? CostHere, string? Contact);

/// <summary>
/// An intervention of the guide that runs in this municipality: which local organisation delivers it, for how
/// many people, with how many waiting, when, at what cost and whom to call. One per intervention per municipality.
/// </summary>
public sealed class InterventionAvailability : IMunicipalityOwned
{
    private InterventionAvailability() { }

    public InterventionAvailability(Guid municipalityId, Guid interventionId, AvailabilityDetails details)
    {
        Id = Guid.CreateVersion7();
        MunicipalityId = municipalityId;
        InterventionId = interventionId;
        Update(details);
    }

    public Guid Id { get; private set; }

    public Guid MunicipalityId { get; private set; }

    public Guid InterventionId { get; private set; }

    public Guid OrganisationId { get; private set; }

    /// <summary>How many people can take part at once.</summary>
    public int? Capacity { get; private set; }

    /// <summary>How many people are waiting for a place.</summary>
    public int? WaitingList { get; private set; }

    public string? Schedule { get; private set; }

    public decimal? CostHere { get; private set; }

    public string? Contact { get; private set; }

    public Guid Version { get; private set; }

    public void Update(AvailabilityDetails details)
    {
        if (details.OrganisationId == Guid.Empty)
        {
            throw new ArgumentException("Kies de organisatie die de interventie hier uitvoert.", nameof(details));
        }
        ArgumentOutOfRangeException.ThrowIfNegative(details.Capacity ?? 0, nameof(details));
        ArgumentOutOfRangeException.ThrowIfNegative(details.WaitingList ?? 0, nameof(details));
        ArgumentOutOfRangeException.ThrowIfNegative(details.CostHere ?? 0, nameof(details));
        OrganisationId = details.OrganisationId;
        Capacity = details.Capacity;
        WaitingList = details.WaitingList;
        Schedule = Clean(details.Schedule);
        CostHere = details.CostHere;
        Contact = Clean(details.Contact);
        Version = Guid.NewGuid();
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

internal sealed class InterventionAvailabilityMapping : IEntityTypeConfiguration<InterventionAvailability>
{
    public void Configure(EntityTypeBuilder<InterventionAvailability> builder)
    {
        builder.ToTable("InterventionAvailabilities");
        builder.HasIndex(a => new { a.MunicipalityId, a.InterventionId }).IsUnique();
        builder.HasIndex(a => a.InterventionId);
        builder.Property(a => a.Schedule).HasMaxLength(500);
        builder.Property(a => a.Contact).HasMaxLength(500);
        builder.Property(a => a.CostHere).HasPrecision(10, 2);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.HasOne<Intervention>().WithMany().HasForeignKey(a => a.InterventionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(a => a.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Municipality>().WithMany().HasForeignKey(a => a.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
    }
}
