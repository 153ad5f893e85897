using Thuis.Web.Features.Dossiers;
using Thuis.Web.Features.Intake;
using Thuis.Web.Features.Occupations;
using Thuis.Web.Features.Plans;

namespace Thuis.Web.Features.Interventions;

/// <summary>A group an intervention is especially aimed at, as the guide's "doelgroep" filter offers it.</summary>
public enum TargetFocus
{
    Parents,
    Over50,
    YoungPeople,
    NonLiterate,
    Women,
    Men,
}

/// <summary>
/// What the guide is asked. About the intervention: domain, group aimed at, recognition, available here, words.
/// About the person it is for: age, Dutch level, gender, parent or not, literate or not; an intervention that
/// does not fit the person is left out.
/// </summary>
public sealed record GuideCriteria(
    ParticipationDomain? Domain = null,
    TargetFocus? Focus = null,
    RecognitionLevel? MinimumRecognition = null,
    bool AvailableHereOnly = false,
    string? Text = null,
    int? Age = null,
    CefrLevel? DutchLevel = null,
    Gender? Gender = null,
    bool? IsParent = null,
    bool NotLiterate = false);

/// <summary>Where an intervention runs: here (with the organisation), or only in municipalities of the same region.</summary>
public sealed record GuideAvailability(string? HereOrganisation, IReadOnlyList<string> NearbyMunicipalities)
{
    public static GuideAvailability Nowhere { get; } = new(null, []);

    public bool IsHere => HereOrganisation is not null;
}

/// <summary>One intervention as the guide searches it.</summary>
public sealed record GuideEntry(
    Guid Id, string Name, string Summary, bool IsExample, bool IsMunicipal, IReadOnlyList<ParticipationDomain> Domains,
    InterventionTargetGroup Target, Recognition Recognition, string? Duration, decimal? CostPerParticipant, GuideAvailability Availability);

/// <summary>An intervention that fits, with the reasons it fits in words a case manager reads on the card.</summary>
public sealed record GuideResult(GuideEntry Entry, IReadOnlyList<string> Reasons, RecognitionState RecognitionState);

/// <summary>
/// The guide's filters and full-text search, applied in memory to the few dozen interventions a municipality
/// sees: accent- and case-insensitive matching then works the same on SQLite and PostgreSQL.
/// </summary>
public static class GuideFilter
{
    public static IReadOnlyList<GuideResult> Apply(IEnumerable<GuideEntry> entries, GuideCriteria criteria, DateOnly today)
    {
        var words = SearchText.Normalise(criteria.Text ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var results = new List<GuideResult>();
        foreach (var entry in entries)
        {
            if (Reasons(entry, criteria, words) is { } reasons)
            {
                results.Add(new GuideResult(entry, reasons, RecognitionValidity.StateOn(entry.Recognition, today)));
            }
        }
        return [.. results
            .OrderByDescending(r => r.Entry.Availability.IsHere)
            .ThenByDescending(r => r.RecognitionState == RecognitionState.Current ? r.Entry.Recognition.Level : RecognitionLevel.None)
            .ThenBy(r => r.Entry.Name, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("nl-NL"), true))];
    }

    /// <summary>Why the entry fits the criteria, or null when it does not.</summary>
    private static List<string>? Reasons(GuideEntry entry, GuideCriteria criteria, string[] words)
    {
        var reasons = new List<string>();
        var target = entry.Target;
        if (criteria.Domain is { } domain)
        {
            if (!entry.Domains.Contains(domain))
            {
                return null;
            }
            reasons.Add($"werkt aan {domain.Dutch()}");
        }
        if (criteria.Focus is { } focus)
        {
            if (!IsAimedAt(target, focus))
            {
                return null;
            }
            reasons.Add($"gericht op {focus.Dutch()}");
        }
        if (criteria.MinimumRecognition is { } minimum && entry.Recognition.Level < minimum)
        {
            return null;
        }
        if (words.Length > 0)
        {
            var text = SearchText.Normalise($"{entry.Name} {entry.Summary}");
            if (!words.All(w => text.Contains(w, StringComparison.Ordinal)))
            {
                return null;
            }
        }
        if (criteria.Age is { } age)
        {
            if (target.MinAge > age || target.MaxAge < age)
            {
                return null;
            }
            reasons.Add($"past bij {age} jaar");
        }
        if (criteria.DutchLevel is { } level)
        {
            if (level < target.MinimumDutch)
            {
                return null;
            }
            reasons.Add($"taalniveau {level.Dutch()} is genoeg");
        }
        if (criteria.Gender is { } gender && target.Gender != TargetGender.Everyone)
        {
            if (!(target.Gender == TargetGender.Women && gender == Gender.Female) && !(target.Gender == TargetGender.Men && gender == Gender.Male))
            {
                return null;
            }
            reasons.Add($"voor {(gender == Gender.Female ? "vrouwen" : "mannen")}");
        }
        if (target.ForParents && criteria.IsParent is { } isParent)
        {
            if (!isParent)
            {
                return null;
            }
            reasons.Add("voor ouders, en heeft kinderen");
        }
        if (criteria.NotLiterate)
        {
            if (!target.SuitsNonLiterate)
            {
                return null;
            }
            reasons.Add("ook zonder lezen en schrijven");
        }
        var availability = entry.Availability;
        if (criteria.AvailableHereOnly && !availability.IsHere)
        {
            return null;
        }
        if (availability.HereOrganisation is { } organisation)
        {
            reasons.Add($"hier beschikbaar bij {organisation}");
        }
        else if (availability.NearbyMunicipalities.Count > 0)
        {
            reasons.Add($"in de buurt: {string.Join(", ", availability.NearbyMunicipalities)}");
        }
        return reasons;
    }

    private static bool IsAimedAt(InterventionTargetGroup target, TargetFocus focus) => focus switch
    {
        TargetFocus.Parents => target.ForParents,
        TargetFocus.Over50 => target.ForOver50,
        TargetFocus.YoungPeople => target.ForYoungPeople,
        TargetFocus.NonLiterate => target.SuitsNonLiterate,
        TargetFocus.Women => target.Gender == TargetGender.Women,
        _ => target.Gender == TargetGender.Men,
    };
}
