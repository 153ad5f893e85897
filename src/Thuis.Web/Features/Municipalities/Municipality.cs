using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Thuis.Web.Features.Municipalities;

/// <summary>A municipality (gemeente): the tenant. Everything about people belongs to exactly one.</summary>
public sealed partial class Municipality
{
    private Municipality()
    {
        CbsCode = "";
        Name = "";
    }

    public Municipality(string cbsCode, string name, Guid? regionId = null)
    {
        if (!CbsCodePattern().IsMatch(cbsCode))
        {
            throw new ArgumentException("Een CBS-gemeentecode bestaat uit vier cijfers.", nameof(cbsCode));
        }
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Id = Guid.CreateVersion7();
        CbsCode = cbsCode;
        Name = name.Trim();
        RegionId = regionId;
    }

    public Guid Id { get; private set; }

    /// <summary>The four-digit municipality code of the CBS (e.g. 0148 for Dalfsen).</summary>
    public string CbsCode { get; private set; }

    public string Name { get; private set; }

    public Guid? RegionId { get; private set; }

    /// <summary>When set, every user of this municipality must sign in with a second factor.</summary>
    public bool RequireTwoFactor { get; private set; }

    public void SetTwoFactorRequirement(bool required) => RequireTwoFactor = required;

    [GeneratedRegex("^[0-9]{4}$")]
    private static partial Regex CbsCodePattern();
}

/// <summary>A region (e.g. Zuidwest-Friesland) whose municipalities share one installation.</summary>
public sealed class Region
{
    private Region() => Name = "";

    public Region(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Id = Guid.CreateVersion7();
        Name = name.Trim();
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; }
}

internal sealed class MunicipalityMapping : IEntityTypeConfiguration<Municipality>, IEntityTypeConfiguration<Region>
{
    public void Configure(EntityTypeBuilder<Municipality> builder)
    {
        builder.Property(m => m.CbsCode).HasMaxLength(4);
        builder.HasIndex(m => m.CbsCode).IsUnique();
        builder.Property(m => m.Name).HasMaxLength(100);
        builder.HasOne<Region>().WithMany().HasForeignKey(m => m.RegionId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<Region> builder)
    {
        builder.Property(r => r.Name).HasMaxLength(100);
        builder.HasIndex(r => r.Name).IsUnique();
    }
}
