using System.Globalization;
using Thuis.Web.Features.Dossiers;
using Thuis.Web.Features.SocialMap;
using Engine = Thuis.Matching;
using IntakeCefr = Thuis.Web.Features.Intake.CefrLevel;
using IntakeEducation = Thuis.Web.Features.Intake.EducationLevel;

namespace Thuis.Web.Features.Matching;

/// <summary>
/// How the words case managers type become the engine's tags and keys: the intake's talents, hobbies and wishes are
/// written in the person's own words, so the tags of the social map are looked for in them.
/// </summary>
internal static class MatchingText
{
    private static readonly CompareInfo Dutch = CultureInfo.GetCultureInfo("nl-NL").CompareInfo;

    /// <summary>The social map's tags that occur in a text, at the start of a word, ignoring case and accents.</summary>
    public static IEnumerable<string> TagsIn(params string?[] texts)
    {
        var text = string.Join(" · ", texts.Where(t => !string.IsNullOrWhiteSpace(t)));
        return text.Length == 0 ? [] : OfferTags.All.Where(tag => StartsAWord(text, tag));
    }

    /// <summary>
    /// What a volunteer's preferences ask of a person, as the engine's preferred tags: facts of the person or household
    /// ("liefst een gezin met kinderen" is <see cref="FamilyWithChildren"/>, not the topic "kinderen") and the social
    /// map's tags for what the person should care for ("iemand die graag kookt" is not found: no stemming).
    /// </summary>
    public static IReadOnlyList<string> PreferencesIn(string? preferences)
    {
        if (string.IsNullOrWhiteSpace(preferences))
        {
            return [];
        }
        var text = preferences + " ";
        var found = new List<string>();
        foreach (var (fact, words) in Facts)
        {
            var said = words.Where(w => StartsAWord(text, w)).ToList();
            if (said.Count > 0)
            {
                found.Add(fact);
                foreach (var word in said)
                {
                    text = Dutch.IndexOf(text, word, CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace) is var at and >= 0
                        ? text.Remove(at, word.Length).Insert(at, new string(' ', word.Length))
                        : text;
                }
            }
        }
        return [.. found, .. TagsIn(text)];
    }

    /// <summary>The facts of a person and their household that a volunteer's preference can ask for.</summary>
    public static IReadOnlyList<string> ProfileOf(Gender gender, int? age, bool hasChildren) =>
    [
        .. hasChildren ? [FamilyWithChildren] : Array.Empty<string>(),
        .. gender switch { Gender.Female => [Woman], Gender.Male => [Man], _ => Array.Empty<string>() },
        .. age is <= 27 ? [Young] : Array.Empty<string>(),
    ];

    public const string FamilyWithChildren = "een gezin met kinderen";
    public const string Woman = "een vrouw";
    public const string Man = "een man";
    public const string Young = "een jongere";

    // Longer words first, so "vrouwen" is taken away whole; "man" only as a word of its own.
    private static readonly (string Fact, string[] Words)[] Facts =
    [
        (FamilyWithChildren, ["gezinnen", "gezin", "kinderen", "kind"]),
        (Woman, ["vrouwen", "vrouw"]),
        (Man, ["mannen", "man "]),
        (Young, ["jongeren", "jongere", "jongvolwassen"]),
    ];

    /// <summary>The key for "someone at" an offer's club or organisation, as the informal network names it.</summary>
    public static string PlaceKey(string offerKey) => $"bij:{offerKey}";

    /// <summary>A name as a key: "Anna de Vries" and "anna  de vries" are the same person in someone's network.</summary>
    public static string PersonKey(string name) => NameMatching.Normalise(name);

    private static bool StartsAWord(string text, string tag)
    {
        var from = 0;
        while (from < text.Length)
        {
            var at = Dutch.IndexOf(text, tag, from, CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace);
            if (at < 0)
            {
                return false;
            }
            if (at == 0 || !char.IsLetter(text[at - 1]))
            {
                return true;
            }
            from = at + 1;
        }
        return false;
    }
}

/// <summary>The intake's levels in the engine's steps.</summary>
internal static class MatchingLevels
{
    /// <summary>Pre-A1 (a few words) is below what any offer asks, so it counts as none.</summary>
    public static Engine.CefrLevel Cefr(IntakeCefr level) => level switch
    {
        IntakeCefr.A1 => Engine.CefrLevel.A1,
        IntakeCefr.A2 => Engine.CefrLevel.A2,
        IntakeCefr.B1 => Engine.CefrLevel.B1,
        IntakeCefr.B2 => Engine.CefrLevel.B2,
        IntakeCefr.C1 => Engine.CefrLevel.C1,
        IntakeCefr.C2 => Engine.CefrLevel.C2,
        _ => Engine.CefrLevel.None,
    };

    public static Engine.EducationLevel Education(IntakeEducation level) => level switch
    {
        IntakeEducation.Primary => Engine.EducationLevel.Primary,
        IntakeEducation.LowerSecondary => Engine.EducationLevel.LowerSecondary,
        IntakeEducation.UpperSecondary => Engine.EducationLevel.UpperSecondary,
        IntakeEducation.Vocational => Engine.EducationLevel.Vocational,
        IntakeEducation.Bachelor => Engine.EducationLevel.Bachelor,
        IntakeEducation.Master or IntakeEducation.Doctorate => Engine.EducationLevel.Master,
        _ => Engine.EducationLevel.None,
    };
}
