using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Thuis.Web.Features.Dossiers;
using Thuis.Web.Features.Organisations;
using Thuis.Web.Features.SocialMap;
using Thuis.Web.Platform.Changes;
using Thuis.Web.Platform.Tenancy;

namespace Thuis.Web.Features.Community;

/// <summary>What kind of draagvlak activity (seed 003): the neighbourhood is prepared and kept informed.</summary>
public enum CommunityActivityKind
{
    /// <summary>A newcomer tells their story, together with the municipality.</summary>
    RoleModelPresentation,
    /// <summary>Before a new housing wave, for the people who live there.</summary>
    NeighbourhoodMeeting,
    OpenDay,
    SharedMeal,
}

/// <summary>Where a role-model presentation is given.</summary>
public enum PresentationSetting
{
    PrimarySchool,
    SecondarySchool,
    VocationalSchool,
    Club,
    Church,
    Neighbourhood,
}

/// <summary>Who came, by kind, for the reach.</summary>
public enum AudienceKind
{
    Pupils,
    Parents,
    ClubMembers,
    Congregation,
    Residents,
    Employers,
    Mixed,
}

/// <summary>What describes a draagvlak activity, as the planner fills it in.</summary>
public sealed record CommunityActivityDetails(
    CommunityActivityKind Kind, PresentationSetting? Setting, string Title, Guid OrganisationId, DateOnly Date, string Place,
    string PostcodeArea, string? Neighbourhood, AudienceKind? Audience, string? AudienceNote);

/// <summary>How many came and what followed, recorded after the activity.</summary>
public sealed record CommunityReach(int? Reached, int? NewVolunteers, int? NewOffers, string? FollowUp)
{
    public bool IsEmpty => Reached is null && NewVolunteers is null && NewOffers is null && FollowUp is null;
}

/// <summary>
/// A draagvlak activity (M10): a role-model presentation, a neighbourhood meeting, an open day or a shared meal, hosted
/// by an organisation of the social map in one neighbourhood on one day; who spoke, who helped, who came and what followed.
/// The neighbourhood is the four digits of the postcode (the postcode area), the same key the newcomers' addresses give.
/// </summary>
public sealed class CommunityActivity : IMunicipalityOwned, ISharedByPeople
{
    public const int TitleLength = 200;
    public const int PlaceLength = 200;
    public const int NoteLength = 1000;

    private readonly List<ActivityRoleModel> _roleModels = [];
    private readonly List<ActivityVolunteer> _volunteers = [];

    private CommunityActivity()
    {
        Title = Place = PostcodeArea = "";
    }

    public CommunityActivity(Guid municipalityId, CommunityActivityDetails details)
    {
        Id = Guid.CreateVersion7();
        MunicipalityId = municipalityId;
        Title = Place = PostcodeArea = "";
        Describe(details);
    }

    public Guid Id { get; private set; }
    public Guid MunicipalityId { get; private set; }
    public CommunityActivityKind Kind { get; private set; }
    /// <summary>For a role-model presentation: the school, club, church or neighbourhood it is given at.</summary>
    public PresentationSetting? Setting { get; private set; }
    public string Title { get; private set; }
    /// <summary>The hosting organisation, from the social map.</summary>
    public Guid OrganisationId { get; private set; }
    public DateOnly Date { get; private set; }
    public string Place { get; private set; }
    /// <summary>The neighbourhood as its postcode area: four digits ("8441").</summary>
    public string PostcodeArea { get; private set; }
    /// <summary>The neighbourhood's name as people know it ("Heerenveen-Noord").</summary>
    public string? Neighbourhood { get; private set; }
    public AudienceKind? Audience { get; private set; }
    /// <summary>Who the audience is in words ("groep 7 en 8 en hun ouders").</summary>
    public string? AudienceNote { get; private set; }
    /// <summary>How many people the activity reached; recorded afterwards.</summary>
    public int? Reached { get; private set; }
    /// <summary>Follow-up: people who signed up as volunteer after it.</summary>
    public int? NewVolunteers { get; private set; }
    /// <summary>Follow-up: new offers the hosting organisation made for newcomers after it.</summary>
    public int? NewOffers { get; private set; }
    public string? FollowUp { get; private set; }
    public Guid Version { get; private set; }

    public IReadOnlyList<ActivityRoleModel> RoleModels => _roleModels;
    public IReadOnlyList<ActivityVolunteer> Volunteers => _volunteers;

    public CommunityReach Reach => new(Reached, NewVolunteers, NewOffers, FollowUp);

    /// <summary>The people who live in its neighbourhood: an activity there changes whether their neighbourhood was prepared.</summary>
    public IQueryable<Guid> PeopleConcerned(Data.AppDbContext db)
    {
        var area = PostcodeArea;
        return db.Newcomers.Where(n => n.Postcode != null && n.Postcode.StartsWith(area)).Select(n => n.Id);
    }

    /// <summary>Four digits, the first not zero: the postcode area of a Dutch postcode.</summary>
    public static bool IsPostcodeArea(string? value) => value is { Length: 4 } && value[0] is >= '1' and <= '9' && value.All(char.IsAsciiDigit);

    /// <summary>The postcode area of an address's postcode ("8441 AB" → "8441"); none without one.</summary>
    public static string? AreaOf(string? postcode) => postcode is { Length: >= 4 } && IsPostcodeArea(postcode[..4]) ? postcode[..4] : null;

    public void Describe(CommunityActivityDetails details)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(details.Title);
        ArgumentException.ThrowIfNullOrWhiteSpace(details.Place);
        if (!IsPostcodeArea(details.PostcodeArea))
        {
            throw new ArgumentException("Een postcodegebied is vier cijfers.", nameof(details));
        }
        Kind = details.Kind;
        Setting = details.Kind == CommunityActivityKind.RoleModelPresentation ? details.Setting : null;
        Title = details.Title.Trim();
        OrganisationId = details.OrganisationId;
        Date = details.Date;
        Place = details.Place.Trim();
        PostcodeArea = details.PostcodeArea;
        Neighbourhood = Clean(details.Neighbourhood);
        Audience = details.Audience;
        AudienceNote = Clean(details.AudienceNote);
        Version = Guid.NewGuid();
    }

    /// <summary>The reach and follow-up, once the day has come: nobody has been reached by what has not happened yet.</summary>
    public void RecordReach(CommunityReach reach, DateOnly today)
    {
        if (!reach.IsEmpty && Date > today)
        {
            throw new InvalidOperationException("Het bereik wordt vastgelegd na de activiteit.");
        }
        if (reach.Reached < 0 || reach.NewVolunteers < 0 || reach.NewOffers < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(reach), "Een aantal is nul of meer.");
        }
        (Reached, NewVolunteers, NewOffers, FollowUp) = (reach.Reached, reach.NewVolunteers, reach.NewOffers, Clean(reach.FollowUp));
        Version = Guid.NewGuid();
    }

    /// <summary>
    /// The newcomers who take part as role models. Each needs a consent that holds on the day of the activity; someone
    /// already on it stays for an activity that has passed (it happened), and is never added without consent.
    /// </summary>
    public void ChooseRoleModels(IEnumerable<Guid> newcomerIds, IReadOnlySet<Guid> consenting)
    {
        var wanted = newcomerIds.Distinct().ToList();
        var refused = wanted.Where(id => !consenting.Contains(id) && _roleModels.All(r => r.NewcomerId != id)).ToList();
        if (refused.Count > 0)
        {
            throw new InvalidOperationException("Alleen wie toestemming heeft gegeven, doet mee als rolmodel.");
        }
        _roleModels.RemoveAll(r => !wanted.Contains(r.NewcomerId));
        foreach (var id in wanted.Where(id => _roleModels.All(r => r.NewcomerId != id)))
        {
            _roleModels.Add(new ActivityRoleModel(this, id));
        }
        Version = Guid.NewGuid();
    }

    /// <summary>Takes a person off as role model, after they withdrew their consent; true when they were on it.</summary>
    public bool RemoveRoleModel(Guid newcomerId)
    {
        var removed = _roleModels.RemoveAll(r => r.NewcomerId == newcomerId) > 0;
        if (removed)
        {
            Version = Guid.NewGuid();
        }
        return removed;
    }

    public void ChooseVolunteers(IEnumerable<Guid> volunteerIds)
    {
        var wanted = volunteerIds.Distinct().ToList();
        _volunteers.RemoveAll(v => !wanted.Contains(v.VolunteerId));
        foreach (var id in wanted.Where(id => _volunteers.All(v => v.VolunteerId != id)))
        {
            _volunteers.Add(new ActivityVolunteer(this, id));
        }
        Version = Guid.NewGuid();
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>A newcomer taking part in an activity as a role model, with their consent.</summary>
public sealed class ActivityRoleModel : IMunicipalityOwned, IPersonData
{
    private ActivityRoleModel() { }

    internal ActivityRoleModel(CommunityActivity activity, Guid newcomerId)
    {
        ActivityId = activity.Id;
        MunicipalityId = activity.MunicipalityId;
        NewcomerId = newcomerId;
    }

    public Guid ActivityId { get; private set; }
    public Guid NewcomerId { get; private set; }
    public Guid MunicipalityId { get; private set; }
}

/// <summary>A volunteer helping at an activity.</summary>
public sealed class ActivityVolunteer : IMunicipalityOwned
{
    private ActivityVolunteer() { }

    internal ActivityVolunteer(CommunityActivity activity, Guid volunteerId)
    {
        ActivityId = activity.Id;
        MunicipalityId = activity.MunicipalityId;
        VolunteerId = volunteerId;
    }

    public Guid ActivityId { get; private set; }
    public Guid VolunteerId { get; private set; }
    public Guid MunicipalityId { get; private set; }
}

internal sealed class CommunityActivityMapping : IEntityTypeConfiguration<CommunityActivity>
{
    public void Configure(EntityTypeBuilder<CommunityActivity> builder)
    {
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Title).HasMaxLength(CommunityActivity.TitleLength);
        builder.Property(a => a.Place).HasMaxLength(CommunityActivity.PlaceLength);
        builder.Property(a => a.PostcodeArea).HasMaxLength(4);
        builder.Property(a => a.Neighbourhood).HasMaxLength(CommunityActivity.PlaceLength);
        builder.Property(a => a.AudienceNote).HasMaxLength(CommunityActivity.PlaceLength);
        builder.Property(a => a.FollowUp).HasMaxLength(CommunityActivity.NoteLength);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.HasIndex(a => new { a.MunicipalityId, a.Date });
        builder.HasOne<Organisation>().WithMany().HasForeignKey(a => a.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(a => a.RoleModels).WithOne().HasForeignKey(r => r.ActivityId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Volunteers).WithOne().HasForeignKey(v => v.ActivityId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(a => a.RoleModels).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(a => a.Volunteers).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class ActivityRoleModelMapping : IEntityTypeConfiguration<ActivityRoleModel>
{
    public void Configure(EntityTypeBuilder<ActivityRoleModel> builder)
    {
        builder.HasKey(r => new { r.ActivityId, r.NewcomerId });
        builder.HasIndex(r => r.NewcomerId);
        builder.HasOne<Newcomer>().WithMany().HasForeignKey(r => r.NewcomerId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ActivityVolunteerMapping : IEntityTypeConfiguration<ActivityVolunteer>
{
    public void Configure(EntityTypeBuilder<ActivityVolunteer> builder)
    {
        builder.HasKey(v => new { v.ActivityId, v.VolunteerId });
        builder.HasIndex(v => v.VolunteerId);
        builder.HasOne<Volunteer>().WithMany().HasForeignKey(v => v.VolunteerId).OnDelete(DeleteBehavior.Cascade);
    }
}
