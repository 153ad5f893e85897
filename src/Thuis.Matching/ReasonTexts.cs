using System.Collections.Concurrent;
using System.Globalization;

namespace Thuis.Matching;

/// <summary>
/// The reasons' texts that depend only on the pool, a tag or a small number, made once per index (or once on first
/// use) rather than for every suggestion, so explaining a suggestion mostly looks texts up.
/// </summary>
internal sealed class ReasonTexts
{
    // Dutch number formatting written out, so reasons read the same where the host runs without culture data.
    internal static readonly NumberFormatInfo DutchNumbers = new() { NumberDecimalSeparator = ",", NumberGroupSeparator = "." };

    private static readonly string[] Numbers = ["nul", "één", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien"];

    private static readonly string[] DutchEnough = [.. Enum.GetValues<CefrLevel>().Select(DutchText)];


    private readonly MatchingIndex _index;
    private readonly string?[] _minutes = new string?[2 * 256];
    private readonly string?[] _cost;
    private readonly string?[][] _language;

    // A former occupation and the one an offer asks for come from short lists, so their texts are few and kept.
    private readonly ConcurrentDictionary<(string Former, string Needed, bool Exact), string> _occupation = new();

    private readonly ConcurrentDictionary<(int J, int F, bool Fact), string> _preferred = new();

    // Level texts name an education and an occupation, or a stepping stone's reason: few per pool, so kept.
    private readonly ConcurrentDictionary<(int? Schooling, string? Occupation), string> _atLevel = new();
    private readonly ConcurrentDictionary<string, string> _ownField = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _steppingStone = new(StringComparer.Ordinal);

    public ReasonTexts(MatchingIndex index)
    {
        _index = index;
        Talent = [.. index.Tags.Select(tag => $"is goed in {tag}; daar draait dit aanbod om")];
        Wish = [.. index.Tags.Select(tag => $"wil graag {tag}; dat kan hier")];
        Interest = [.. index.Tags.Select(tag => $"houdt van {tag}; daar draait dit aanbod om")];
        Giving = [.. index.Tags.Select(tag => $"wil iets geven met {tag}; dat kan hier")];
        _cost = new string?[index.Count];
        _language = new string?[index.Count][];
    }

    public string[] Talent { get; }

    public string[] Wish { get; }

    public string[] Interest { get; }

    public string[] Giving { get; }

    public static string Dutch(CefrLevel needed) => (uint)needed < (uint)DutchEnough.Length ? DutchEnough[(int)needed] : DutchText(needed);

    public static string Known(int count) =>
        count == 1 ? "kent hier één persoon" : $"kent hier {(count < Numbers.Length ? Numbers[count] : count.ToString(DutchNumbers))} mensen";

    public const string AboveLevel = "vraagt een hoger niveau dan je nu hebt";

    /// <summary>"past bij je niveau (hbo, leraar basisonderwijs)": the education and the former occupation that give the person's level.</summary>
    public string AtLevel(Person person, int level)
    {
        string? occupation = null;
        var formers = person.FormerOccupations;
        for (var i = 0; i < formers.Count; i++)
        {
            if ((int)WorkLevels.OfIsco(formers[i].IscoCode) == level)
            {
                occupation = formers[i].Label;
                break;
            }
        }

        // The education is named by its level's class: the schooling enum, or the valued NLQF level past its end.
        var schooling = (int)WorkLevels.OfSchooling(person) == level
            ? person.ValuedNlqf is { } nlqf && WorkLevels.OfNlqf(nlqf) != SkillLevel.Unknown ? 100 + nlqf : (int)person.Education
            : (int?)null;
        return _atLevel.GetOrAdd((schooling, occupation), static key =>
        {
            var education = key.Schooling is { } s ? s >= 100 ? WorkLevels.NlqfName(s - 100) : WorkLevels.DutchName((EducationLevel)s) : null;
            return education is not null && key.Occupation is { } o ? $"past bij je niveau ({education}, {o})" :
                education is not null ? $"past bij je niveau ({education})" :
                $"past bij je niveau ({key.Occupation})";
        });
    }

    /// <summary>"in je eigen vak (leraar basisonderwijs), als opstap".</summary>
    public string OwnField(string former) => _ownField.GetOrAdd(former, static f => $"in je eigen vak ({f}), als opstap");

    /// <summary>"gekozen als opstap in het plan: …", with the reason the plan records.</summary>
    public string SteppingStone(string reason) => _steppingStone.GetOrAdd(reason, static r => $"gekozen als opstap in het plan: {r}");

    // Texts made on first use are written without locks: two threads may both make one, and either copy is the same.
    public string Minutes(int minutes, bool far)
    {
        if ((uint)minutes >= 256)
        {
            return MinutesText(minutes, far);
        }

        var slot = (minutes * 2) + (far ? 1 : 0);
        return _minutes[slot] ??= MinutesText(minutes, far);
    }

    public string Cost(int j) => _cost[j] ??= string.Create(DutchNumbers, $"kost € {_index.Offer(j).Cost:0.##}");

    /// <summary>The occupation reason: the person was <paramref name="former"/>, the offer asks <paramref name="needed"/>, the same or related.</summary>
    public string Occupation(string former, string needed, bool exact) =>
        _occupation.GetOrAdd((former, needed, exact), static key => key.Exact
            ? $"was {key.Former}; dit aanbod vraagt {key.Needed}"
            : $"was {key.Former}; verwant aan {key.Needed}");

    /// <summary>
    /// The reason for a tag offer <paramref name="j"/> asks of a person, from the offer's side: "Het taalmaatje wil liefst
    /// een gezin met kinderen; dat past" when it is a fact of the person (<paramref name="fact"/>), otherwise a topic they care for.
    /// </summary>
    public string Preferred(int j, int f, bool fact) =>
        _preferred.GetOrAdd((j, f, fact), static (key, index) => key.Fact
            ? $"{Capitalised(index.Offer(key.J).RoleName ?? "de aanbieder")} wil liefst {index.Tags[key.F]}; dat past"
            : $"{Capitalised(index.Offer(key.J).RoleName ?? "de aanbieder")} wil liefst iemand met belangstelling voor {index.Tags[key.F]}; dat past", _index);

    /// <summary>The language reason for the <paramref name="i"/>-th language of offer <paramref name="j"/>.</summary>
    public string Language(int j, int i)
    {
        var texts = _language[j] ??= new string?[_index.Offer(j).Languages.Count];
        return texts[i] ??= LanguageText(_index.Offer(j), _index.Offer(j).Languages[i]);
    }

    private static string LanguageText(Offer offer, string shared) =>
        offer.Kind == OfferKind.Volunteer
            ? $"spreekt {shared}, net als {offer.RoleName ?? "de vrijwilliger"}"
            : $"spreekt {shared}; dat wordt hier ook gesproken";

    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];


    private static string MinutesText(int minutes, bool far) => string.Create(DutchNumbers, $"{minutes} minuten fietsen{(far ? ": ver weg" : "")}");

    private static string DutchText(CefrLevel needed) => needed == CefrLevel.None ? "geen Nederlands nodig" : $"{needed} Nederlands is genoeg";
}
