using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Thuis.Web.Features.Dossiers;
using Thuis.Web.Platform.Changes;
using Thuis.Web.Platform.Tenancy;

namespace Thuis.Web.Features.Work;

/// <summary>Who coaches a newcomer on the road to work: a name, professional or volunteer, and where from.</summary>
public sealed record JobCoachDetails(JobCoachKind Kind, string Name, string? Organisation, DateOnly Since);

/// <summary>
/// A newcomer's job coach (seed 003): a professional — of the municipality, a reintegration company, the employer — or
/// a volunteer, from a given day. One per person at a time; a new coach takes the place of the last.
/// </summary>
public sealed class JobCoach : IMunicipalityOwned, IPersonData
{
    public const int NameLength = 200;

    private JobCoach()
    {
        Name = "";
    }

    public JobCoach(Newcomer newcomer, JobCoachDetails details)
    {
        NewcomerId = newcomer.Id;
        MunicipalityId = newcomer.MunicipalityId;
        Name = "";
        Assign(details);
    }

    public Guid NewcomerId { get; private set; }
    public Guid MunicipalityId { get; private set; }
    public JobCoachKind Kind { get; private set; }
    public string Name { get; private set; }
    /// <summary>Where the coach works or volunteers ("Werkplein Vechtdal", "VluchtelingenWerk").</summary>
    public string? Organisation { get; private set; }
    public DateOnly Since { get; private set; }
    public Guid Version { get; private set; }

    public JobCoachDetails Details => new(Kind, Name, Organisation, Since);

    /// <summary>"Els de Vries (vrijwilliger, VluchtelingenWerk)".</summary>
    public string Description => $"{Name} ({Kind.Dutch()}{(Organisation is null ? "" : $", {Organisation}")})";

    public void Assign(JobCoachDetails details)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(details.Name);
        (Kind, Name, Organisation, Since) = (details.Kind, details.Name.Trim(),
            string.IsNullOrWhiteSpace(details.Organisation) ? null : details.Organisation.Trim(), details.Since);
        Version = Guid.NewGuid();
    }
}

internal sealed class JobCoachMapping : IEntityTypeConfiguration<JobCoach>
{
    public void Configure(EntityTypeBuilder<JobCoach> builder)
    {
        builder.HasKey(c => c.NewcomerId);
        builder.Property(c => c.Name).HasMaxLength(JobCoach.NameLength);
        builder.Property(c => c.Organisation).HasMaxLength(JobCoach.NameLength);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasIndex(c => c.MunicipalityId);
        builder.HasOne<Newcomer>().WithMany().HasForeignKey(c => c.NewcomerId).OnDelete(DeleteBehavior.Cascade);
    }
}
