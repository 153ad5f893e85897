using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Thuis.Web.Features.Dossiers;
using Thuis.Web.Platform.Changes;
using Thuis.Web.Platform.Tenancy;

namespace Thuis.Web.Features.Trajectories;

/// <summary>A newcomer taking part in a course group from a given date; sessions before that date do not count for them.</summary>
public sealed class Enrolment : IMunicipalityOwned, IPersonData
{
    private Enrolment() => EnrolledBy = "";

    public Enrolment(CourseGroup group, Guid newcomerId, Guid newcomerMunicipalityId, DateOnly since, string enrolledBy, DateTimeOffset at)
    {
        if (newcomerMunicipalityId != group.MunicipalityId)
        {
            throw new InvalidOperationException("Alleen statushouders van de eigen gemeente kunnen in een groep worden ingeschreven.");
        }
        Id = Guid.CreateVersion7();
        MunicipalityId = group.MunicipalityId;
        GroupId = group.Id;
        NewcomerId = newcomerId;
        Since = since;
        EnrolledBy = enrolledBy;
        EnrolledAt = at;
    }

    public Guid Id { get; private set; }

    public Guid MunicipalityId { get; private set; }

    public Guid GroupId { get; private set; }

    public Guid NewcomerId { get; private set; }

    /// <summary>The first day the person takes part; a latecomer is not counted absent before it.</summary>
    public DateOnly Since { get; private set; }

    public string EnrolledBy { get; private set; }

    public DateTimeOffset EnrolledAt { get; private set; }
}

internal sealed class EnrolmentMapping : IEntityTypeConfiguration<Enrolment>
{
    public void Configure(EntityTypeBuilder<Enrolment> builder)
    {
        builder.Property(e => e.EnrolledBy).HasMaxLength(200);
        builder.HasIndex(e => new { e.GroupId, e.NewcomerId }).IsUnique();
        builder.HasIndex(e => e.NewcomerId);
        builder.HasOne<CourseGroup>().WithMany().HasForeignKey(e => e.GroupId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Newcomer>().WithMany().HasForeignKey(e => e.NewcomerId).OnDelete(DeleteBehavior.Cascade);
    }
}
