using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Thuis.Web.Features.Intake;
using Thuis.Web.Features.Municipalities;
using Thuis.Web.Features.Organisations;
using Thuis.Web.Features.Plans;
using Thuis.Web.Features.Referrals;
using Thuis.Web.Features.Work;
using Thuis.Web.Platform.Changes;
using Thuis.Web.Platform.Tenancy;

namespace Thuis.Web.Features.SocialMap;

/// <summary>What describes an offer, as a coordinator fills it in or a CSV row holds it.</summary>
public sealed record OfferDetails(
    OfferKind Kind, string Title, string? Description, string? Schedule, WeekGrid When, string? Place,
    decimal Cost, int? Capacity, CefrLevel DutchLevelNeeded, bool LowThreshold,
    IReadOnlyList<ParticipationDomain> Domains, IReadOnlyList<TargetAudience> Audiences, IReadOnlyList<string> Tags,
    string? EscoUri = null, int? Nlqf = null, int? HoursPerWeek = null, ContractKind? Contract = null);

/// <summary>
/// Something an organisation offers newcomers: an activity, a membership, a volunteer role, a course, an
/// internship or a job. Its title is its key within its organisation.
/// </summary>
public sealed class Offer : IMunicipalityOwned, ISharedByPeople
{
    private Offer() => Title = "";

    /// <summary>The people referred to it: whether it is about meeting people decides their isolation signal.</summary>
    public IQueryable<Guid> PeopleConcerned(Data.AppDbContext db) =>
        db.Referrals.Where(r => db.Proposals.Any(p => p.Id == r.ProposalId && p.Kind == TargetKind.Offer && p.TargetId == Id)).Select(r => r.NewcomerId);

    public Offer(Organisation organisation, OfferDetails details)
    {
        Id = Guid.CreateVersion7();
        MunicipalityId = organisation.MunicipalityId;
        OrganisationId = organisation.Id;
        Title = "";
        Active = true;
        Update(details);
    }

    public Guid Id { get; private set; }

    public Guid MunicipalityId { get; private set; }

    public Guid OrganisationId { get; private set; }

    public OfferKind Kind { get; private set; }

    public string Title { get; private set; }

    public string? Description { get; private set; }

    /// <summary>The schedule in words: "elke dinsdag 19.30–21.00, niet in de schoolvakanties".</summary>
    public string? Schedule { get; private set; }

    /// <summary>The weekdays and parts of the day it takes place, for matching on someone's free time.</summary>
    public int WhenBits { get; private set; }

    public string? Place { get; private set; }

    /// <summary>In euro; 0 is free.</summary>
    public decimal Cost { get; private set; }

    /// <summary>How many newcomers can join; empty when there is no limit.</summary>
    public int? Capacity { get; private set; }

    public CefrLevel DutchLevelNeeded { get; private set; }

    /// <summary>Laagdrempelig en leuk: easy to join and fun, the first step the seeds ask for.</summary>
    public bool LowThreshold { get; private set; }

    public List<ParticipationDomain> Domains { get; private set; } = [];

    public List<TargetAudience> Audiences { get; private set; } = [];

    /// <summary>Tags from <see cref="OfferTags"/>: the same words as a newcomer's interests and what they can give.</summary>
    public List<string> Tags { get; private set; } = [];

    /// <summary>For a job, internship or work-experience place: the work as an ESCO occupation (its URI).</summary>
    public string? EscoUri { get; private set; }

    /// <summary>For a job, internship or work-experience place: the level it asks, on the NLQF (1 entree … 8 doctor); else the occupation's.</summary>
    public int? Nlqf { get; private set; }

    /// <summary>For work, as a vacancy: the hours a week it asks.</summary>
    public int? HoursPerWeek { get; private set; }

    /// <summary>For a job, as a vacancy: the contract it offers.</summary>
    public ContractKind? Contract { get; private set; }

    public bool Active { get; private set; }

    /// <summary>Why the offer stopped; asked when it is made inactive.</summary>
    public string? InactiveReason { get; private set; }

    /// <summary>Changes with every edit, so a save based on an older page is refused instead of overwriting.</summary>
    public Guid Version { get; private set; }

    public WeekGrid When => new(WhenBits);

    public bool IsFree => Cost == 0;

    public void Update(OfferDetails details)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(details.Title);
        ArgumentOutOfRangeException.ThrowIfNegative(details.Cost);
        if (details.Capacity is { } capacity)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        }
        Kind = details.Kind;
        Title = details.Title.Trim();
        Description = Clean(details.Description);
        Schedule = Clean(details.Schedule);
        WhenBits = details.When.Bits;
        Place = Clean(details.Place);
        Cost = details.Cost;
        Capacity = details.Capacity;
        DutchLevelNeeded = details.DutchLevelNeeded;
        LowThreshold = details.LowThreshold;
        Domains = [.. details.Domains.Distinct().Order()];
        Audiences = [.. details.Audiences.Distinct().Order()];
        Tags = [.. details.Tags.Select(OfferTags.Find).OfType<string>().Distinct()];
        if (details.Nlqf is < NlqfLowest or > NlqfHighest)
        {
            throw new ArgumentOutOfRangeException(nameof(details), "Het NLQF-niveau loopt van 1 tot en met 8.");
        }
        if (details.HoursPerWeek is < 1 or > MostHoursPerWeek)
        {
            throw new ArgumentOutOfRangeException(nameof(details), HoursRefusal);
        }
        // Only work has a level, hours and a contract: what an activity or a club asks is its Dutch, not a qualification.
        (EscoUri, Nlqf, HoursPerWeek) = IsWork(Kind) ? (Clean(details.EscoUri), details.Nlqf, details.HoursPerWeek) : (null, null, null);
        Contract = Kind == OfferKind.Job ? details.Contract : null;
        Version = Guid.NewGuid();
    }

    public const int NlqfLowest = 1;
    public const int NlqfHighest = 8;

    /// <summary>The working week's upper bound under the Arbeidstijdenwet: 60 hours in one week.</summary>
    public const int MostHoursPerWeek = 60;

    public const string HoursRefusal = "Het aantal uren per week loopt van 1 tot en met 60.";

    /// <summary>A job with its hours and contract: what a vacancy says beside its title, such as "24 uur per week · tijdelijk contract".</summary>
    public string? VacancyTerms => string.Join(" · ", new[]
    {
        HoursPerWeek is { } hours ? $"{hours} uur per week" : null,
        Contract?.Dutch(),
    }.OfType<string>()) is { Length: > 0 } terms ? terms : null;

    /// <summary>Jobs, internships and work-experience places: the offers that have a level and an occupation.</summary>
    public static bool IsWork(OfferKind kind) => kind is OfferKind.Job or OfferKind.Internship;

    public void MoveTo(Organisation organisation)
    {
        if (organisation.MunicipalityId != MunicipalityId)
        {
            throw new InvalidOperationException("Aanbod hoort bij een organisatie van dezelfde gemeente.");
        }
        OrganisationId = organisation.Id;
        Version = Guid.NewGuid();
    }

    public void Activate()
    {
        Active = true;
        InactiveReason = null;
        Version = Guid.NewGuid();
    }

    public void Deactivate(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        Active = false;
        InactiveReason = reason.Trim();
        Version = Guid.NewGuid();
    }

    public OfferDetails Details => new(Kind, Title, Description, Schedule, When, Place, Cost, Capacity, DutchLevelNeeded, LowThreshold,
        Domains, Audiences, Tags, EscoUri, Nlqf, HoursPerWeek, Contract);

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

internal sealed class OfferMapping : IEntityTypeConfiguration<Offer>
{
    public void Configure(EntityTypeBuilder<Offer> builder)
    {
        builder.Property(o => o.Title).HasMaxLength(200);
        builder.Property(o => o.Description).HasMaxLength(2000);
        builder.Property(o => o.Schedule).HasMaxLength(500);
        builder.Property(o => o.Place).HasMaxLength(200);
        builder.Property(o => o.Cost).HasPrecision(9, 2);
        builder.Property(o => o.InactiveReason).HasMaxLength(1000);
        builder.Property(o => o.EscoUri).HasMaxLength(200);
        builder.PrimitiveCollection(o => o.Domains).ElementType().HasConversion<string>();
        builder.PrimitiveCollection(o => o.Audiences).ElementType().HasConversion<string>();
        builder.PrimitiveCollection(o => o.Tags);
        builder.Property(o => o.Version).IsConcurrencyToken();
        builder.HasIndex(o => new { o.OrganisationId, o.Title }).IsUnique();
        builder.HasIndex(o => o.MunicipalityId);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(o => o.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Municipality>().WithMany().HasForeignKey(o => o.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
    }
}
