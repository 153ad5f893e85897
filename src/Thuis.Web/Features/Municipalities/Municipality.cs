using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Thuis.Web.Platform.Changes;


namespace Thuis.Web.Features.Municipalities;

/// <summary>A municipality (gemeente): the tenant. Everything about people belongs to exactly one.</summary>
public sealed partial class Municipality : IMunicipalitySetting
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

    Guid IMunicipalitySetting.SettingOfMunicipality => Id;

    /// <summary>The four-digit municipality code of the CBS (e.g. 0148 for Dalfsen).</summary>
    public string CbsCode { get; private set; }

    public string Name { get; private set; }

    public Guid? RegionId { get; private set; }

    /// <summary>When set, every user of this municipality must sign in with a second factor.</summary>
    public bool RequireTwoFactor { get; private set; }

    public void SetTwoFactorRequirement(bool required) => RequireTwoFactor = required;

    /// <summary>Weeks after registration within which the PIP is fixed; the law allows at most ten.</summary>
    public int PipDeadlineWeeks { get; private set; } = Plans.IntegrationLaw.DefaultPipWeeks;

    /// <summary>Days after housing within which the participation declaration trajectory starts.</summary>
    public int PvtStartDays { get; private set; } = Plans.IntegrationLaw.DefaultPvtStartDays;

    public void SetDeadlines(int pipDeadlineWeeks, int pvtStartDays)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pipDeadlineWeeks, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pipDeadlineWeeks, Plans.IntegrationLaw.DefaultPipWeeks);
        ArgumentOutOfRangeException.ThrowIfLessThan(pvtStartDays, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pvtStartDays, 90);
        (PipDeadlineWeeks, PvtStartDays) = (pipDeadlineWeeks, pvtStartDays);
    }

    /// <summary>The municipality's own practice for the PVT, on top of what the law asks.</summary>
    public Trajectories.PvtPractice PvtPractice { get; private set; } = Trajectories.PvtPractice.Default;

    public void SetPvtPractice(Trajectories.PvtPractice practice)
    {
        if (practice.Refusal is { } refusal)
        {
            throw new ArgumentException(refusal, nameof(practice));
        }
        PvtPractice = practice;
    }

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
        builder.Property(m => m.PipDeadlineWeeks).HasDefaultValue(Plans.IntegrationLaw.DefaultPipWeeks);
        builder.Property(m => m.PvtStartDays).HasDefaultValue(Plans.IntegrationLaw.DefaultPvtStartDays);
        // No database defaults: 0 lessons and no themed workshops are choices EF would otherwise not write. The
        // migration that added these columns gave existing municipalities PvtPractice.Default.
        builder.ComplexProperty(m => m.PvtPractice, practice =>
        {
            practice.Property(p => p.Lessons).HasColumnName("PvtLessons");
            practice.Property(p => p.ThemedWorkshops).HasColumnName("PvtThemedWorkshops");
            practice.Property(p => p.Months).HasColumnName("PvtMonths");
        });
    }

    public void Configure(EntityTypeBuilder<Region> builder)
    {
        builder.Property(r => r.Name).HasMaxLength(100);
        builder.HasIndex(r => r.Name).IsUnique();
    }
}
