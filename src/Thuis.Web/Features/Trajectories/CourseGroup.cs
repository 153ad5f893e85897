using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Thuis.Web.Features.Municipalities;
using Thuis.Web.Platform.Changes;
using Thuis.Web.Platform.Localization;
using Thuis.Web.Platform.Tenancy;

namespace Thuis.Web.Features.Trajectories;

/// <summary>What describes a group, as a coordinator fills it in.</summary>
public sealed record CourseGroupDetails(CourseKind Kind, string Name, string? Provider, string? Location, DateOnly StartDate, string? Notes);

/// <summary>What a group costs the municipality, in euro; none where nothing is paid. Checked by <c>Costs.Money</c>.</summary>
public sealed record CoursePrices(decimal? PerParticipant, decimal? InterpreterPerHour, decimal? ChildcarePerSession)
{
    public static readonly CoursePrices None = new(null, null, null);
}

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

    /// <summary>The price per participant, committed on enrolment (see decision 0034).</summary>
    public decimal? PricePerParticipant { get; private set; }

    /// <summary>What an interpreter costs per hour at this group's sessions.</summary>
    public decimal? InterpreterRatePerHour { get; private set; }

    /// <summary>What childcare costs for one session, when it is arranged for that session.</summary>
    public decimal? ChildcarePerSession { get; private set; }

    public CoursePrices Prices => new(PricePerParticipant, InterpreterRatePerHour, ChildcarePerSession);

    /// <summary>Sets the group's prices: amounts in euro, never negative, in whole cents.</summary>
    public void SetPrices(CoursePrices prices)
    {
        foreach (var amount in new[] { prices.PerParticipant, prices.InterpreterPerHour, prices.ChildcarePerSession })
        {
            if (amount is { } a && (a < 0 || !DutchFormat.IsWholeCents(a)))
            {
                throw new ArgumentException("Een prijs is niet negatief en in hele centen.", nameof(prices));
            }
        }
        PricePerParticipant = prices.PerParticipant;
        InterpreterRatePerHour = prices.InterpreterPerHour;
        ChildcarePerSession = prices.ChildcarePerSession;
        Version = Guid.NewGuid();
    }

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
        builder.Property(g => g.PricePerParticipant).HasPrecision(12, 2);
        builder.Property(g => g.InterpreterRatePerHour).HasPrecision(12, 2);
        builder.Property(g => g.ChildcarePerSession).HasPrecision(12, 2);
        builder.Ignore(g => g.Prices);
        builder.HasIndex(g => new { g.MunicipalityId, g.StartDate });
        builder.HasOne<Municipality>().WithMany().HasForeignKey(g => g.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
    }
}
