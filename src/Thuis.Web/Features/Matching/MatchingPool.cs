using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Features.Occupations;
using Thuis.Web.Features.Plans;
using Thuis.Web.Features.Referrals;
using Thuis.Web.Features.SocialMap;
using Engine = Thuis.Matching;

namespace Thuis.Web.Features.Matching;

/// <summary>
/// What a suggestion can point at: an offer of the social map or a volunteer, with what the pages show about it.
/// <see cref="Key"/> is the id the engine knows it by.
/// </summary>
public sealed record PoolItem(string Key, TargetKind Kind, Guid TargetId, string Title, string KindLabel, string? Organisation,
    Guid? OrganisationId, bool OrganisationIsPartner, IReadOnlyList<ParticipationDomain> Domains, int PlacesFree, string? Schedule,
    bool WomenOnly = false, string KindKey = "")
{
    /// <summary>What someone who knows a person "bij" this offer's organisation has in common with it (<see cref="MatchingText.PlaceKey"/>).</summary>
    public string PlaceKey => MatchingText.PlaceKey(Key);
}

/// <summary>Which part of the social map to match against: a domain, a kind of offer, or volunteers (of one role).</summary>
public sealed record PoolFilter(ParticipationDomain? Domain, string? Kind)
{
    public static PoolFilter Everything { get; } = new(null, null);

    /// <summary>The kinds a case manager can choose, with their Dutch names: every kind of offer, volunteers, and each volunteer role.</summary>
    public static IReadOnlyList<(string Key, string Label)> Kinds { get; } =
    [
        .. Enum.GetValues<OfferKind>().Select(k => (k.ToString(), k.Dutch())),
        (Volunteers, "vrijwilligers (alle rollen)"),
        .. Enum.GetValues<VolunteerRole>().Select(r => ($"{Volunteers}.{r}", r.Dutch())),
    ];

    internal const string Volunteers = "Volunteer";

    public bool IsKnownKind => Kind is null || Kinds.Any(k => k.Key == Kind);

    public string Describe()
    {
        var parts = new[] { Kinds.FirstOrDefault(k => k.Key == Kind).Label, Domain?.Dutch() }.Where(s => !string.IsNullOrEmpty(s)).ToList();
        return parts.Count == 0 ? "het hele aanbod" : string.Join(", ", parts);
    }

    internal bool IncludesOffers(out OfferKind? kind)
    {
        kind = Enum.TryParse<OfferKind>(Kind, out var k) ? k : null;
        return Kind is null || kind is not null;
    }

    internal bool IncludesVolunteers(out VolunteerRole? role)
    {
        role = Kind is { } key && key.StartsWith(Volunteers + ".", StringComparison.Ordinal) && Enum.TryParse<VolunteerRole>(key[(Volunteers.Length + 1)..], out var r) ? r : null;
        return Kind is null || Kind == Volunteers || role is not null;
    }
}

/// <summary>The pool translated for the engine, with what the pages need to show each item.</summary>
public sealed record MatchingPool(Engine.MatchingIndex Index, IReadOnlyDictionary<string, PoolItem> Items)
{
    /// <summary>The key the engine knows an offer of the social map by.</summary>
    public static string KeyOf(Guid offerId) => $"aanbod:{offerId}";
}

/// <summary>
/// Reads the municipality's active offers and the volunteers who may be deployed (VOG received) and translates them
/// into the engine's terms. Places already promised — proposals waiting for an answer or answered yes, unless their
/// referral was declined or ended — are taken off the capacity, so nobody is proposed a place that is gone.
/// </summary>
public sealed class ReadMatchingPool(AppDbContext db, OccupationCatalogue occupations)
{
    /// <summary>An offer without a limit still has a limit for the engine; this is far above any cohort a municipality runs.</summary>
    private const int NoLimit = 10_000;

    /// <remarks>A round's match being accepted now: its own place is the one it is about to take.</remarks>
    public async Task<MatchingPool> HandleAsync(PoolFilter filter, CancellationToken cancellationToken, Guid? deciding = null)
    {
        var items = new List<(PoolItem Item, Engine.Offer Offer)>();
        var promised = await PromisedPlacesAsync(deciding, cancellationToken);

        if (filter.IncludesOffers(out var kind))
        {
            var offers = await db.Offers.AsNoTracking()
                .Where(o => o.Active && (kind == null || o.Kind == kind))
                .Join(db.Organisations, o => o.OrganisationId, org => org.Id, (o, org) => new { Offer = o, Organisation = org })
                .ToListAsync(cancellationToken);
            foreach (var row in offers.Where(r => filter.Domain is not { } d || r.Offer.Domains.Contains(d)))
            {
                var offer = row.Offer;
                var free = Math.Max(0, (offer.Capacity ?? NoLimit) - promised.GetValueOrDefault(offer.Id));
                var key = MatchingPool.KeyOf(offer.Id);
                items.Add((
                    new PoolItem(key, TargetKind.Offer, offer.Id, offer.Title, offer.Kind.Dutch(), row.Organisation.Name, row.Organisation.Id,
                        row.Organisation.IsPartner, offer.Domains, offer.Capacity is null ? -1 : free, offer.Schedule,
                        offer.Audiences is [TargetAudience.Women], offer.Kind.ToString()),
                    ToEngine(key, offer, row.Organisation.Languages, row.Organisation.ContactPerson, free) with
                    {
                        Occupation = offer.EscoUri is { } uri && occupations.Find(uri) is { } occupation ? new Engine.Occupation(occupation.IscoGroup, occupation.LabelNl) : null,
                        Level = offer.Nlqf is { } nlqf ? Engine.WorkLevels.OfNlqf(nlqf) : Engine.SkillLevel.Unknown,
                    }));
            }
        }

        if (filter.IncludesVolunteers(out var role))
        {
            var volunteers = await db.Volunteers.AsNoTracking().Where(v => v.Vog == VogStatus.Received).ToListAsync(cancellationToken);
            var through = await db.Organisations.AsNoTracking()
                .Where(o => db.Volunteers.Any(v => v.OrganisationId == o.Id))
                .ToDictionaryAsync(o => o.Id, o => (o.Name, o.IsPartner), cancellationToken);
            foreach (var volunteer in volunteers)
            {
                var roles = volunteer.Roles.Where(r => role is null || r == role).ToList();
                if (roles.Count == 0)
                {
                    continue;
                }
                var shownRole = roles[0];
                var domains = roles.Select(DomainOf).Distinct().ToList();
                if (filter.Domain is { } d && !domains.Contains(d))
                {
                    continue;
                }
                var free = Math.Max(0, volunteer.Capacity - promised.GetValueOrDefault(volunteer.Id));
                var key = $"vrijwilliger:{volunteer.Id}";
                var organisation = volunteer.OrganisationId is { } organisationId && through.TryGetValue(organisationId, out var o) ? o : default;
                items.Add((
                    new PoolItem(key, TargetKind.Volunteer, volunteer.Id, $"{Capitalised(shownRole.Dutch())} {volunteer.Name}",
                        string.Join(", ", roles.Select(r => r.Dutch())), organisation.Name, organisation.Name is null ? null : volunteer.OrganisationId,
                        organisation.IsPartner, domains, free, null, KindKey: $"{PoolFilter.Volunteers}.{shownRole}"),
                    ToEngine(key, volunteer, shownRole, free)));
            }
        }

        return new MatchingPool(
            Engine.MatchingIndex.Build(items.Select(i => i.Offer)),
            items.ToDictionary(i => i.Item.Key, i => i.Item, StringComparer.Ordinal));
    }

    /// <summary>
    /// Places promised per offer or volunteer: proposals still open or accepted, whose referral did not end or get
    /// declined, and matches of a round the coordinator has not decided on yet (a second round sees the first).
    /// </summary>
    private async Task<Dictionary<Guid, int>> PromisedPlacesAsync(Guid? deciding, CancellationToken cancellationToken)
    {
        var proposals = await db.Proposals.AsNoTracking()
            .Where(p => p.TargetId != null && (p.Answer == NewcomerAnswer.Pending || p.Answer == NewcomerAnswer.Yes))
            .Where(p => !db.Referrals.Any(r => r.ProposalId == p.Id && (r.State == ReferralState.Declined || r.State == ReferralState.Ended)))
            .GroupBy(p => p.TargetId!.Value)
            .Select(g => new { Target = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var undecided = await db.CohortMatches.AsNoTracking()
            .Where(m => m.Decision == CohortMatchDecision.Open && m.Id != deciding)
            .GroupBy(m => m.TargetId)
            .Select(g => new { Target = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return proposals.Concat(undecided).GroupBy(p => p.Target).ToDictionary(g => g.Key, g => g.Sum(p => p.Count));
    }

    private static Engine.Offer ToEngine(string key, Offer offer, IReadOnlyList<string> languages, string? contactPerson, int free) => new()
    {
        Id = key,
        Title = offer.Title,
        Kind = offer.Kind switch
        {
            OfferKind.Activity => Engine.OfferKind.Activity,
            OfferKind.Membership => Engine.OfferKind.Club,
            OfferKind.VolunteerRole => Engine.OfferKind.VolunteerWork,
            OfferKind.Course => Engine.OfferKind.Course,
            OfferKind.Internship => Engine.OfferKind.Internship,
            _ => Engine.OfferKind.Job,
        },
        Tags = offer.Tags,
        Languages = languages,
        DutchNeeded = MatchingLevels.Cefr(offer.DutchLevelNeeded),
        Schedule = Week(offer.WhenBits),
        Capacity = free,
        Cost = offer.Cost,
        LowThreshold = offer.LowThreshold,
        // Knowing the contact person is knowing someone there; so is knowing someone "bij" the club or organisation.
        Members = contactPerson is { Length: > 0 } ? [MatchingText.PersonKey(contactPerson), MatchingText.PlaceKey(key)] : [MatchingText.PlaceKey(key)],
        MinAge = offer.Audiences.Contains(TargetAudience.Over50) ? 50 : null,
        MaxAge = offer.Audiences.Contains(TargetAudience.Youth) ? 27 : null,
    };

    private static Engine.Offer ToEngine(string key, Volunteer volunteer, VolunteerRole role, int free) => new()
    {
        Id = key,
        Title = volunteer.Name,
        Kind = Engine.OfferKind.Volunteer,
        // How the reasons name the volunteer: "spreekt Arabisch, net als het taalmaatje".
        RoleName = role.WithArticle(),
        Tags = [.. TagsOf(role)],
        // The volunteer's own wishes ("liefst een gezin met kinderen") are theirs: reasons name them from their side.
        PreferredTags = MatchingText.PreferencesIn(volunteer.Preferences),
        Languages = [.. volunteer.Languages.Select(l => l.Language)],
        // A taalmaatje practises Dutch, so a shared language is welcome but not needed; the other roles explain and
        // guide, which needs a language both speak.
        LanguageInCommonRequired = role != VolunteerRole.LanguageBuddy,
        LanguageMinLevel = Engine.CefrLevel.A2,
        Schedule = Week(volunteer.AvailabilityBits),
        Capacity = free,
        LowThreshold = role is VolunteerRole.LanguageBuddy or VolunteerRole.Buddy,
        Members = [MatchingText.PersonKey(volunteer.Name)],
    };

    private static IEnumerable<string> TagsOf(VolunteerRole role) => role switch
    {
        VolunteerRole.LanguageBuddy => ["taal"],
        _ => [],
    };

    public static ParticipationDomain DomainOf(VolunteerRole role) => role switch
    {
        VolunteerRole.JobCoach or VolunteerRole.RoleModel => ParticipationDomain.PaidWork,
        VolunteerRole.HomeAdministration => ParticipationDomain.FinancialHealth,
        _ => ParticipationDomain.Meeting,
    };

    /// <summary>No days entered means not known, and an unknown schedule must not rule anyone out.</summary>
    private static Engine.WeekSchedule Week(int bits) => bits == 0 ? Engine.WeekSchedule.Always : new Engine.WeekSchedule((uint)bits);

    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
