namespace Thuis.Matching;

/// <summary>What a reason is about, so the app can group or filter them.</summary>
public enum ReasonKind
{
    Talent,
    Interest,
    Wish,
    Giving,
    Occupation,
    Language,
    Distance,
    Network,
    EducationLevel,
    Dutch,
    LowThreshold,
    Cost,
    Childcare,
    /// <summary>The volunteer's or organisation's own wish, met by the person or household.</summary>
    Preference,
}

/// <summary>
/// One part of a score, in words a case manager understands, with what it added (negative: what it took off).
/// A value, not an object: a list of suggestions keeps all its reasons in one array.
/// </summary>
public readonly record struct Reason(ReasonKind Kind, string Text, double Contribution);

/// <summary>
/// The engine's output: an offer suggested for a person, with its score and the reasons that add up to it.
/// A case manager turns it into a proposal to the newcomer; the engine never decides.
/// </summary>
public sealed record Suggestion(string PersonId, string OfferId, double Score, IReadOnlyList<Reason> Reasons, string RulesVersion);

/// <summary>A suggested offer as a <see cref="SuggestionList"/> holds it; its reasons sit in the list (<see cref="SuggestionList.ReasonsOf"/>).</summary>
public readonly record struct SuggestedOffer(string OfferId, double Score);

/// <summary>
/// One person's suggestions, best first, written by <see cref="MatchingEngine.Suggest(Person, MatchingIndex, SuggestionList, int, IReadOnlySet{OfferKind}?, double?)"/>
/// into arrays this list keeps: the offers as values and all their reasons in one array. A caller that keeps the
/// list and passes it again pays for no new memory once the arrays have grown, so a busy page or a batch of people
/// leaves no garbage behind per person. Each call replaces what the list held. One call at a time per list.
/// </summary>
public sealed class SuggestionList
{
    private SuggestedOffer[] _offers = [];

    // Where each suggestion's reasons start in _reasons; entry Count is where the last one's end.
    private int[] _reasonStart = [0];
    private Reason[] _reasons = [];

    /// <summary>The person of the last call in the pool's terms, overwritten by the next call rather than made anew.</summary>
    internal PreparedPerson? Prepared { get; set; }

    // The scorer's best offers and scores, before they are explained.
    private (int Offer, float Score)[] _best = [];

    /// <summary>The person these suggestions are for.</summary>
    public string PersonId { get; private set; } = "";

    public int Count { get; private set; }

    /// <summary>The suggested offers, best first (equal scores in offer id order).</summary>
    public ReadOnlySpan<SuggestedOffer> Offers => _offers.AsSpan(0, Count);

    public SuggestedOffer this[int i] => Offers[i];

    /// <summary>The version of the scoring rules these suggestions were made with.</summary>
    public string RulesVersion { get; } = MatchingEngine.RulesVersion;

    /// <summary>The reasons of suggestion <paramref name="i"/>, largest contribution first.</summary>
    public ReadOnlySpan<Reason> ReasonsOf(int i)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)i, (uint)Count, nameof(i));
        return _reasons.AsSpan(_reasonStart[i], _reasonStart[i + 1] - _reasonStart[i]);
    }

    /// <summary>Suggestion <paramref name="i"/> as a record of its own, with a copy of its reasons.</summary>
    public Suggestion ToSuggestion(int i)
    {
        var offer = this[i];
        return new Suggestion(PersonId, offer.OfferId, offer.Score, ReasonsOf(i).ToArray(), RulesVersion);
    }

    /// <summary>Empties the list for <paramref name="personId"/>, with room for <paramref name="capacity"/> suggestions.</summary>
    internal void Start(string personId, int capacity)
    {
        PersonId = personId;
        Count = 0;
        if (_offers.Length < capacity)
        {
            _offers = new SuggestedOffer[capacity];
            _reasonStart = new int[capacity + 1];
        }
    }

    /// <summary>Room for the scorer's best <paramref name="k"/> offers.</summary>
    internal Span<(int Offer, float Score)> BestRoom(int k)
    {
        if (_best.Length < k)
        {
            _best = new (int Offer, float Score)[k];
        }

        return _best.AsSpan(0, k);
    }

    /// <summary>Room for at least <paramref name="reasons"/> more reasons after the last suggestion's.</summary>
    internal Span<Reason> ReasonRoom(int reasons)
    {
        var used = _reasonStart[Count];
        if (_reasons.Length < used + reasons)
        {
            Array.Resize(ref _reasons, Math.Max(used + reasons, 2 * _reasons.Length));
        }

        return _reasons.AsSpan(used);
    }

    /// <summary>Appends a suggestion whose <paramref name="reasons"/> reasons were just written to <see cref="ReasonRoom"/>.</summary>
    internal void Add(string offerId, double score, int reasons)
    {
        _offers[Count] = new SuggestedOffer(offerId, score);
        _reasonStart[Count + 1] = _reasonStart[Count] + reasons;
        Count++;
    }
}
