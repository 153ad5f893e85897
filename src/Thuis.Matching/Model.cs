namespace Thuis.Matching;

/// <summary>Common European Framework of Reference level; <see cref="None"/> means no command of the language.</summary>
public enum CefrLevel
{
    None = 0,
    A1 = 1,
    A2 = 2,
    B1 = 3,
    B2 = 4,
    C1 = 5,
    C2 = 6,
}

/// <summary>Highest education completed, in steps that compare with the level a job asks for.</summary>
public enum EducationLevel
{
    None = 0,
    Primary = 1,
    LowerSecondary = 2,
    UpperSecondary = 3,
    Vocational = 4,
    Bachelor = 5,
    Master = 6,
}

/// <summary>
/// The ISCO-08 skill level work asks for, or a person brings: 1 simple routine tasks (entree, NLQF 1), 2 operating
/// machines, driving, keeping records (mbo 2–4, NLQF 2–4), 3 complex technical tasks (mbo 4 specialist, associate
/// degree, NLQF 5), 4 complex problem solving (hbo and wo, NLQF 6–8). <see cref="Unknown"/>: no level is known.
/// </summary>
public enum SkillLevel
{
    Unknown = 0,
    One = 1,
    Two = 2,
    Three = 3,
    Four = 4,
}

/// <summary>Work the person's plan chose as a stepping stone (opstap) below their level, and why.</summary>
public sealed record SteppingStone(string IscoCode, string Reason);

/// <summary>What an offer on the social map is.</summary>
public enum OfferKind
{
    Activity,
    Club,
    Course,
    VolunteerWork,
    Volunteer,
    Internship,
    Job,
}

/// <summary>Part of a day in a <see cref="WeekSchedule"/>.</summary>
public enum PartOfDay
{
    Morning = 0,
    Afternoon = 1,
    Evening = 2,
}

/// <summary>A place as latitude and longitude (an address, or the centre of a postcode area).</summary>
public readonly record struct GeoPoint(double Latitude, double Longitude);

/// <summary>
/// When someone is available, or when an offer takes place: one bit for every weekday × part of day
/// (bit <c>day * 3 + part</c>, Monday = day 0).
/// </summary>
public readonly record struct WeekSchedule(uint Bits)
{
    private const uint AllEvenings = 0b100_100_100_100_100_100_100;

    public static WeekSchedule Always { get; } = new((1u << 21) - 1);

    public static WeekSchedule Never { get; } = new(0);

    public WeekSchedule With(DayOfWeek day, PartOfDay part) => new(Bits | Bit(day, part));

    public bool Contains(DayOfWeek day, PartOfDay part) => (Bits & Bit(day, part)) != 0;

    public bool Overlaps(WeekSchedule other) => (Bits & other.Bits) != 0;

    public WeekSchedule WithoutEvenings() => new(Bits & ~AllEvenings);

    private static uint Bit(DayOfWeek day, PartOfDay part) => 1u << ((((int)day + 6) % 7 * 3) + (int)part);
}

/// <summary>A language someone speaks, or that is spoken at an offer, with its level.</summary>
public sealed record LanguageSkill(string Language, CefrLevel Level);

/// <summary>An occupation coded with ISCO-08 (four digits; the first two are its sub-major group), with its Dutch label.</summary>
public sealed record Occupation(string IscoCode, string Label);

/// <summary>What the household asks of a schedule.</summary>
public sealed record Household(bool NeedsChildcare = false, bool NoEvenings = false);

/// <summary>A newcomer as the matching engine sees them: only what matters for matching and fairness.</summary>
public sealed record Person
{
    public required string Id { get; init; }

    /// <summary>Eigen kracht: what they are good at.</summary>
    public IReadOnlyList<string> Talents { get; init; } = [];

    public IReadOnlyList<string> Interests { get; init; } = [];

    /// <summary>Wishes in tags (what they would like to do).</summary>
    public IReadOnlyList<string> Wishes { get; init; } = [];

    /// <summary>Wederkerigheid: what they can and want to give.</summary>
    public IReadOnlyList<string> CanGive { get; init; } = [];

    public IReadOnlyList<LanguageSkill> Languages { get; init; } = [];

    public CefrLevel DutchLevel { get; init; }

    public EducationLevel Education { get; init; }

    /// <summary>
    /// Their diploma as valued in the Netherlands (IDW or Nuffic), on the NLQF (1 entree … 8 doctor); when known it
    /// goes before <see cref="Education"/>.
    /// </summary>
    public int? ValuedNlqf { get; init; }

    public IReadOnlyList<Occupation> FormerOccupations { get; init; } = [];

    /// <summary>
    /// Work below their level that their plan chose as a stepping stone, by ISCO code: suggested although more than
    /// one skill level below, and before the Piëzo phase for paid work.
    /// </summary>
    public IReadOnlyList<SteppingStone> SteppingStones { get; init; } = [];

    /// <summary>
    /// Their Piëzo phase (0 first activation … 4 education or a regular job), or null when their plan records none.
    /// In phases 0 to 2 no paid job is suggested unless <see cref="WorkIsTheGoal"/>.
    /// </summary>
    public int? PiezoPhase { get; init; }

    /// <summary>Their plan's main goal is paid work.</summary>
    public bool WorkIsTheGoal { get; init; }

    /// <summary>Where they live; unknown means distance plays no part in their suggestions.</summary>
    public GeoPoint? Location { get; init; }

    public WeekSchedule Availability { get; init; } = WeekSchedule.Always;

    public Household Household { get; init; } = new();

    /// <summary>Tags they do not want (an offer with one of them is never suggested).</summary>
    public IReadOnlyList<string> ExcludedTags { get; init; } = [];

    /// <summary>Offers they do not want (never suggested).</summary>
    public IReadOnlyList<string> ExcludedOfferIds { get; init; } = [];

    /// <summary>Informeel netwerk: ids of members and volunteers they already know.</summary>
    public IReadOnlyList<string> Knows { get; init; } = [];

    /// <summary>
    /// Facts about the person and their household that an offer's <see cref="Offer.PreferredTags"/> can ask for
    /// ("een gezin met kinderen"); they are not talents or wishes, so they only ever explain the other side's wish.
    /// </summary>
    public IReadOnlyList<string> Profile { get; init; } = [];

    /// <summary>"Niet nu": the right to be left alone for a while — no suggestions at all.</summary>
    public bool NotNow { get; init; }

    public int? Age { get; init; }

    /// <summary>For the fairness report only; never used in scoring.</summary>
    public string? Gender { get; init; }

    /// <summary>Country of origin, for the fairness report only; never used in scoring.</summary>
    public string? Origin { get; init; }
}

/// <summary>An offer of the social map, or a volunteer, as the matching engine sees it.</summary>
public sealed record Offer
{
    public required string Id { get; init; }

    public required string Title { get; init; }

    public OfferKind Kind { get; init; }

    /// <summary>How the person behind a volunteer offer is called in a reason, with the article ("de buddy", "het taalmaatje").</summary>
    public string? RoleName { get; init; }

    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>
    /// What the volunteer or organisation would like in a person ("liefst een gezin met kinderen"). They score like
    /// tags, but a reason names them as the offer's wish that the person meets, not as the person's talent.
    /// </summary>
    public IReadOnlyList<string> PreferredTags { get; init; } = [];

    /// <summary>Languages spoken there, or by the volunteer.</summary>
    public IReadOnlyList<string> Languages { get; init; } = [];

    /// <summary>When true, the person must speak one of <see cref="Languages"/> at <see cref="LanguageMinLevel"/> or better.</summary>
    public bool LanguageInCommonRequired { get; init; }

    public CefrLevel LanguageMinLevel { get; init; } = CefrLevel.A1;

    /// <summary>The Dutch a person needs to take part; less is never suggested.</summary>
    public CefrLevel DutchNeeded { get; init; }

    /// <summary>
    /// For jobs and internships (work-experience places): the skill level the work asks for, as stated; when unknown,
    /// the level of its <see cref="Occupation"/>. Other kinds of offer have no level.
    /// </summary>
    public SkillLevel Level { get; init; }

    public Occupation? Occupation { get; init; }

    /// <summary>Where it takes place; unknown means distance plays no part for this offer.</summary>
    public GeoPoint? Location { get; init; }

    public WeekSchedule Schedule { get; init; } = WeekSchedule.Always;

    /// <summary>Places still free.</summary>
    public int Capacity { get; init; } = 1;

    /// <summary>What joining costs in euro, as the social map records it (per season, course or month, as the offer says).</summary>
    public decimal Cost { get; init; }

    /// <summary>Laagdrempelig: easy and fun to join.</summary>
    public bool LowThreshold { get; init; }

    public bool Childcare { get; init; }

    /// <summary>Ids of members and volunteers already there.</summary>
    public IReadOnlyList<string> Members { get; init; } = [];

    public int? MinAge { get; init; }

    public int? MaxAge { get; init; }
}
