using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Thuis.Web.Features.Municipalities;
using Thuis.Web.Platform.Tenancy;

namespace Thuis.Web.Features.Organisations;

/// <summary>
/// A local organisation in a municipality (VluchtelingenWerk, a club, a school, an employer).
/// Partner workers belong to one; the social map gives it its offers.
/// </summary>
public sealed class Organisation : IMunicipalityOwned
{
    private Organisation() => Name = "";

    public Organisation(Guid municipalityId, string name, bool isPartner)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Id = Guid.CreateVersion7();
        MunicipalityId = municipalityId;
        Name = name.Trim();
        IsPartner = isPartner;
    }

    public Guid Id { get; private set; }

    public Guid MunicipalityId { get; private set; }

    public string Name { get; private set; }

    /// <summary>A partner organisation may receive referrals.</summary>
    public bool IsPartner { get; private set; }
}

internal sealed class OrganisationMapping : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> builder)
    {
        builder.Property(o => o.Name).HasMaxLength(200);
        builder.HasIndex(o => new { o.MunicipalityId, o.Name }).IsUnique();
        builder.HasOne<Municipality>().WithMany().HasForeignKey(o => o.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
    }
}
