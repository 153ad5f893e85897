using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Thuis.Web.Features.Municipalities;
using Thuis.Web.Platform.Changes;
using Thuis.Web.Platform.Tenancy;

namespace Thuis.Web.Features.Trajectories;

/// <summary>What describes a group, as a coordinator fills it in.</summary>
public sealed record CourseGroupDetails(CourseKind Kind, string Name, string? Provider, string? Location, DateOnly StartDate, string? Notes);

/// <summary>
/// A group of newcomers following a PVT, a language course, a MAP or a workshop series together: its
/// sessions are planned on it and people are enrolled in it.
/// </summary>
public sealed class CourseGroup : IMunicipalityOwned, ISharedByPeople
{
    private CourseGroup() => Name = "";

    public CourseGroup(Guid municipalityId, CourseGroupDetails details)
    {
        Id = Guid.CreateVersion7();
        MunicipalityId = municipalityId;
        Name = "";
        Update(details);
    }

    public Guid Id { get; private set; }

    /// <summary>Everyone enrolled: the group's dates and kind count in their deadlines and signals.</summary>
    public IQueryable<Guid> PeopleConcerned(Data.AppDbContext db) =>
        db.Enrolments.Where(e => e.GroupId == Id).Select(e => e.NewcomerId);

    public Guid MunicipalityId { get; private set; }

    public CourseKind Kind { get; private set; }

    public string Name { get; private set; }

    /// <summary>Who gives the course: a language school, VluchtelingenWerk, the municipality itself.</summary>
    public string? Provider { get; private set; }

    public string? Location { get; private set; }

    public DateOnly StartDate { get; private set; }

    public string? Notes { get; private set; }

    /// <summary>Changes with every edit, so a save based on an older page is refused instead of overwriting.</summary>
    public Guid Version { get; private set; }

    public void Update(CourseGroupDetails details)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(details.Name);
        Kind = details.Kind;
        Name = details.Name.Trim();
        Provider = Clean(details.Provider);
        Location = Clean(details.Location);
        StartDate = details.StartDate;
        Notes = Clean(details.Notes);
        Version = Guid.NewGuid();
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

internal sealed class CourseGroupMapping : IEntityTypeConfiguration<CourseGroup>
{
    public void Configure(EntityTypeBuilder<CourseGroup> builder)
    {
        builder.Property(g => g.Name).HasMaxLength(200);
        builder.Property(g => g.Provider).HasMaxLength(200);
        builder.Property(g => g.Location).HasMaxLength(200);
        builder.Property(g => g.Notes).HasMaxLength(2000);
        builder.Property(g => g.Version).IsConcurrencyToken();
        builder.HasIndex(g => new { g.MunicipalityId, g.StartDate });
        builder.HasOne<Municipality>().WithMany().HasForeignKey(g => g.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
    }
}
