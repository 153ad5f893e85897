using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Thuis.Web.Features.Municipalities;
using Thuis.Web.Platform.Tenancy;

namespace Thuis.Web.Features.Dossiers;

/// <summary>A statushouder the municipality guides: the person at the heart of a dossier.</summary>
public sealed class Newcomer : IMunicipalityOwned
{
    private Newcomer()
    {
        GivenNames = "";
        FamilyName = "";
    }

    public Newcomer(Guid municipalityId, string givenNames, string familyName, DateOnly dateOfBirth, string? bsn, DateTimeOffset registeredAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(givenNames);
        ArgumentException.ThrowIfNullOrWhiteSpace(familyName);
        if (bsn is not null && !Dossiers.Bsn.IsValid(bsn))
        {
            throw new ArgumentException("Het BSN voldoet niet aan de elfproef.", nameof(bsn));
        }
        Id = Guid.CreateVersion7();
        MunicipalityId = municipalityId;
        GivenNames = givenNames.Trim();
        FamilyName = familyName.Trim();
        DateOfBirth = dateOfBirth;
        Bsn = bsn;
        RegisteredAt = registeredAt;
    }

    public Guid Id { get; private set; }

    public Guid MunicipalityId { get; private set; }

    public string GivenNames { get; private set; }

    public string FamilyName { get; private set; }

    public DateOnly DateOfBirth { get; private set; }

    public string? Bsn { get; private set; }

    public DateTimeOffset RegisteredAt { get; private set; }

    public string FullName => $"{GivenNames} {FamilyName}";
}

internal sealed class NewcomerMapping : IEntityTypeConfiguration<Newcomer>
{
    public void Configure(EntityTypeBuilder<Newcomer> builder)
    {
        builder.Property(n => n.GivenNames).HasMaxLength(200);
        builder.Property(n => n.FamilyName).HasMaxLength(200);
        builder.Property(n => n.Bsn).HasMaxLength(9);
        builder.Ignore(n => n.FullName);
        builder.HasIndex(n => new { n.MunicipalityId, n.FamilyName });
        builder.HasOne<Municipality>().WithMany().HasForeignKey(n => n.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
    }
}
