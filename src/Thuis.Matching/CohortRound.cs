namespace Thuis.Matching;

/// <summary>
/// A cohort round that stays optimal while the coordinator decides: after an accept, a reject, a changed person, a
/// person who leaves or enters, or a changed offer or capacity, the round's new optimum is repaired from the previous
/// one instead of solved again. The network of <see cref="MatchingEngine.ProposeForCohort"/> is kept with its flow and
/// node potentials (<see cref="RepairableFlow"/>); a change touches only its own arcs, and a few shortest augmenting
/// paths on reduced costs put the optimum right. A repair that grows too large falls back to a full OR-Tools solve.
/// </summary>
/// <remarks>
/// The candidate lists are those of the round's start (each person's best <see cref="CohortOptions.CandidatesPerPerson"/>
/// allowed offers): a person is scored again only when they change. An offer whose places run out keeps its arcs with no
/// room, so that a capacity raised again is used at once. Accepted pairs leave the round: the person's slot and the
/// offer's place are taken, and the pair can never be undone by a later repair. Rejected pairs never come back, not
/// even when the person changes and scores that offer again. A round is not safe for use by two threads at once: a
/// caller that shares one (a page for several coordinators) takes a lock around each change and each read.
/// </remarks>
public sealed class CohortRound
{
    private const int Source = 0;
    private const int Sink = 1;
    private const int FirstOffer = 2;

    private readonly RepairableFlow _flow = new();
    private readonly MatchingIndex? _index;
    private readonly CohortOptions _options;
    private readonly long _bonus;
    private readonly int _perPerson;
    private readonly int _bypass;
    private readonly int[] _sinkArc;
    private readonly int[] _acceptedAt;
    private readonly List<int>[] _offerPeople;
    private readonly List<PersonState> _people = [];
    private readonly Dictionary<string, int> _personIndex = new(StringComparer.Ordinal);
    private readonly List<(int Person, int Offer, float Score)> _accepted = [];

    private sealed class PersonState
    {
        public required int Node { get; init; }

        public required int BonusArc { get; init; }

        public required int ExtraArc { get; init; }

        public string? Id { get; init; }

        /// <summary>The live pairs: offer, arc, score.</summary>
        public List<(int Offer, int Arc, float Score)> Pairs { get; } = [];

        public HashSet<int> Rejected { get; } = [];

        public HashSet<int> AcceptedOffers { get; } = [];

        public bool Gone { get; set; }
    }

    /// <summary>Starts a round on the same candidate graph as <see cref="MatchingEngine.ProposeForCohort"/> and solves it with OR-Tools.</summary>
    public static CohortRound Start(IReadOnlyList<Person> people, MatchingIndex index, CohortOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(people);
        ArgumentNullException.ThrowIfNull(index);
        options ??= CohortOptions.Default;
        var graph = CandidateGraph.Build(people, index, options);
        return new CohortRound(index.Capacity.AsSpan(0, index.Count).ToArray(), graph.Candidates, options, index, [.. people.Select(p => p.Id)]);
    }

    /// <summary>A round over given candidate lists and capacities (offer positions), as the tests and the benchmark build them.</summary>
    internal CohortRound(int[] capacities, (int Offer, float Score)[][] candidates, CohortOptions options, MatchingIndex? index = null, string[]? personIds = null, double workLimit = 8)
    {
        _index = index;
        _options = options;
        _flow.WorkLimit = workLimit;
        _bonus = (long)Math.Round(options.PlacementBonus * CandidateGraph.Scale);
        _perPerson = Math.Max(1, options.MaxProposalsPerPerson);
        _flow.AddNode();
        _flow.AddNode();
        _sinkArc = new int[capacities.Length];
        _acceptedAt = new int[capacities.Length];
        _offerPeople = new List<int>[capacities.Length];
        for (var j = 0; j < capacities.Length; j++)
        {
            _flow.AddNode();
            _offerPeople[j] = [];
        }

        for (var j = 0; j < capacities.Length; j++)
        {
            _sinkArc[j] = _flow.AddArc(FirstOffer + j, Sink, capacities[j], 0);
        }

        var supply = (long)_perPerson * candidates.Length;
        _bypass = _flow.AddArc(Source, Sink, supply, 0);
        _flow.AddSupply(Source, supply);
        _flow.AddSupply(Sink, -supply);
        for (var i = 0; i < candidates.Length; i++)
        {
            AddPersonArcs(candidates[i], personIds?[i]);
        }

        _flow.SolveFully();
    }

    /// <summary>
    /// What the open part of the round reaches, in thousandths of a score point, as <see cref="CohortAssignment.Objective"/>:
    /// the scores of the proposals plus the placement bonus for every person who gets their first.
    /// </summary>
    public long Objective => -_flow.TotalCost;

    /// <summary>What the accepted pairs reach: their scores plus the bonus once for every person with one.</summary>
    public long AcceptedObjective =>
        _accepted.Sum(a => CandidateGraph.Cost(a.Score)) + (_bonus * _accepted.Select(a => a.Person).Distinct().Count());

    /// <summary>The number of people in the round, those who left included (positions are never reused).</summary>
    public int PeopleCount => _people.Count;

    /// <summary>The accepted pairs, in the order they were accepted.</summary>
    internal IReadOnlyList<(int Person, int Offer, float Score)> Accepted => _accepted;

    /// <summary>What the last change's repair did (how many paths, how much scanned, whether it fell back).</summary>
    internal RepairStatistics LastRepair => _flow.Last;

    internal RepairableFlow Flow => _flow;

    /// <summary>Whether a person has left the round or has as many accepted pairs as they may have proposals.</summary>
    internal bool HasLeftOrAccepted(string personId)
    {
        var state = _people[PersonPosition(personId)];
        return state.Gone || state.AcceptedOffers.Count >= _perPerson;
    }

    /// <summary>The current proposals, by person position, each person's in the order their candidates were added.</summary>
    internal List<(int Person, int Offer, float Score)> ProposalPairs()
    {
        var found = new List<(int, int, float)>();
        for (var i = 0; i < _people.Count; i++)
        {
            var person = _people[i];
            if (person.Gone)
            {
                continue;
            }

            var left = _flow.Flow(person.BonusArc) + (person.ExtraArc >= 0 ? _flow.Flow(person.ExtraArc) : 0);
            for (var k = 0; left > 0 && k < person.Pairs.Count; k++)
            {
                var (offer, arc, score) = person.Pairs[k];
                if (_flow.Flow(arc) > 0)
                {
                    found.Add((i, offer, score));
                    left--;
                }
            }
        }

        return found;
    }

    /// <summary>The current proposals as ids, for a round started from people and an index.</summary>
    public IReadOnlyList<(string PersonId, string OfferId, float Score)> Proposals()
    {
        var index = RequireIndex();
        return [.. ProposalPairs().Select(p => (_people[p.Person].Id!, index.Offers[p.Offer].Id, p.Score))];
    }

    /// <summary>The coordinator accepts a pair: the person takes a place at the offer, outside the optimisation from now on.</summary>
    public void Accept(string personId, string offerId) => Accept(PersonPosition(personId), OfferPosition(offerId));

    /// <summary>The coordinator or the person rejects a pair: it is never proposed again in this round.</summary>
    public void Reject(string personId, string offerId) => Reject(PersonPosition(personId), OfferPosition(offerId));

    /// <summary>A person changed (profile, availability, plan): they are scored again and their candidates replaced.</summary>
    public void ChangePerson(Person person)
    {
        ArgumentNullException.ThrowIfNull(person);
        var index = RequireIndex();
        ChangePerson(PersonPosition(person.Id), CandidateGraph.Build([person], index, _options with { Threads = 1 }).Candidates[0]);
    }

    /// <summary>A person joins the round.</summary>
    public void AddPerson(Person person)
    {
        ArgumentNullException.ThrowIfNull(person);
        var index = RequireIndex();
        if (_personIndex.ContainsKey(person.Id))
        {
            throw new ArgumentException($"Person '{person.Id}' is already in the round.", nameof(person));
        }

        AddPerson(CandidateGraph.Build([person], index, _options with { Threads = 1 }).Candidates[0], person.Id);
    }

    /// <summary>A person leaves the round (moved away, "niet nu"); their accepted pairs stay accepted.</summary>
    public void RemovePerson(string personId) => RemovePerson(PersonPosition(personId));

    /// <summary>An offer's places changed; the accepted pairs at it keep theirs.</summary>
    public void SetCapacity(string offerId, int capacity) => SetCapacity(OfferPosition(offerId), capacity);

    internal void Accept(int person, int offer)
    {
        var state = Live(person);
        var k = state.Pairs.FindIndex(p => p.Offer == offer);
        if (k < 0)
        {
            throw new InvalidOperationException($"Offer {offer} is not among person {person}'s candidates in this round.");
        }

        if (_flow.Capacity(_sinkArc[offer]) < 1)
        {
            throw new InvalidOperationException($"Offer {offer} has no place left.");
        }

        if (state.AcceptedOffers.Count >= _perPerson)
        {
            throw new InvalidOperationException($"Person {person} already has as many accepted pairs as they may have proposals.");
        }

        var (_, arc, score) = state.Pairs[k];
        if (_flow.Flow(arc) > 0)
        {
            // The proposal itself: its unit of flow leaves the network along its path, which keeps every node balanced
            // and every other arc's reduced cost, so nothing needs repairing.
            var slot = _flow.Flow(state.BonusArc) > 0 ? state.BonusArc : state.ExtraArc;
            _flow.RemoveUsedUnit(slot);
            _flow.RemoveUsedUnit(arc);
            _flow.RemoveUsedUnit(_sinkArc[offer]);
            _flow.LowerSupplyWithFlow(Source, 1);
            _flow.LowerSupplyWithFlow(Sink, -1);
        }
        else
        {
            _flow.SetCapacity(arc, 0);
            _flow.SetCapacity(_sinkArc[offer], _flow.Capacity(_sinkArc[offer]) - 1);
        }

        RemovePair(person, state, k);
        state.AcceptedOffers.Add(offer);
        _acceptedAt[offer]++;
        _accepted.Add((person, offer, score));
        SetSlots(state);
        _flow.Repair();
    }

    internal void Reject(int person, int offer)
    {
        var state = Live(person);
        var k = state.Pairs.FindIndex(p => p.Offer == offer);
        if (k < 0)
        {
            throw new InvalidOperationException($"Offer {offer} is not among person {person}'s candidates in this round.");
        }

        _flow.SetCapacity(state.Pairs[k].Arc, 0);
        RemovePair(person, state, k);
        state.Rejected.Add(offer);
        _flow.Repair();
    }

    /// <summary>Replaces a person's candidates (new scores, offers gone or new); rejected and accepted offers stay out.</summary>
    internal void ChangePerson(int person, (int Offer, float Score)[] candidates)
    {
        // The person's flow is taken off first and their arcs rewritten without settling each, then their potential is
        // chosen so that no arc of theirs asks for flow: what is left to route is at most their proposals.
        var state = Live(person);
        _flow.Empty(state.Node);
        var wanted = new Dictionary<int, float>();
        foreach (var (offer, score) in candidates)
        {
            if (!state.Rejected.Contains(offer) && !state.AcceptedOffers.Contains(offer))
            {
                wanted.TryAdd(offer, score);
            }
        }

        for (var k = state.Pairs.Count - 1; k >= 0; k--)
        {
            var (offer, arc, score) = state.Pairs[k];
            if (wanted.Remove(offer, out var now))
            {
                _flow.SetCost(arc, -CandidateGraph.Cost(now), settle: false);
                state.Pairs[k] = (offer, arc, now);
            }
            else
            {
                _flow.SetCapacity(arc, 0, settle: false);
                RemovePair(person, state, k);
            }
        }

        foreach (var (offer, score) in candidates)
        {
            if (wanted.Remove(offer))
            {
                AddPair(person, state, offer, score, settle: false);
            }
        }

        _flow.Reprice(state.Node);
        _flow.Repair();
    }

    internal int AddPerson((int Offer, float Score)[] candidates, string? id = null)
    {
        _flow.AddSupply(Source, _perPerson);
        _flow.AddSupply(Sink, -_perPerson);
        _flow.SetCapacity(_bypass, _flow.Capacity(_bypass) + _perPerson);
        var position = AddPersonArcs(candidates, id);
        _flow.Repair();
        return position;
    }

    internal void RemovePerson(int person)
    {
        var state = Live(person);
        _flow.Empty(state.Node);
        _flow.SetCapacity(state.BonusArc, 0);
        if (state.ExtraArc >= 0)
        {
            _flow.SetCapacity(state.ExtraArc, 0);
        }

        for (var k = state.Pairs.Count - 1; k >= 0; k--)
        {
            _flow.SetCapacity(state.Pairs[k].Arc, 0);
            RemovePair(person, state, k);
        }

        state.Gone = true;
        _flow.Repair();
    }

    internal void SetCapacity(int offer, int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        _flow.SetCapacity(_sinkArc[offer], Math.Max(0, capacity - _acceptedAt[offer]));
        _flow.Repair();
    }

    /// <summary>
    /// An offer changed (its tags, schedule or place), so it scores differently for the people listed; people no
    /// longer listed lose it as a candidate, newly listed ones gain it (unless they rejected or accepted it).
    /// </summary>
    internal void ChangeOffer(int offer, (int Person, float Score)[] scores)
    {
        var wanted = new Dictionary<int, float>();
        foreach (var (person, score) in scores)
        {
            wanted.TryAdd(person, score);
        }

        foreach (var person in _offerPeople[offer].ToArray())
        {
            var state = _people[person];
            var k = state.Pairs.FindIndex(p => p.Offer == offer);
            if (wanted.Remove(person, out var now))
            {
                _flow.SetCost(state.Pairs[k].Arc, -CandidateGraph.Cost(now));
                state.Pairs[k] = (offer, state.Pairs[k].Arc, now);
            }
            else
            {
                _flow.SetCapacity(state.Pairs[k].Arc, 0);
                RemovePair(person, state, k);
            }
        }

        foreach (var (person, score) in scores)
        {
            if (wanted.Remove(person) && !_people[person].Gone && !_people[person].Rejected.Contains(offer) && !_people[person].AcceptedOffers.Contains(offer))
            {
                AddPair(person, _people[person], offer, score);
            }
        }

        _flow.Repair();
    }

    private int AddPersonArcs((int Offer, float Score)[] candidates, string? id)
    {
        // A new person's arcs are settled together once their potential is chosen (see ChangePerson).
        var node = _flow.AddNode();
        var bonusArc = _flow.AddArc(Source, node, 1, -_bonus, settle: false);
        var extraArc = _perPerson > 1 ? _flow.AddArc(Source, node, _perPerson - 1, 0, settle: false) : -1;
        var state = new PersonState { Node = node, BonusArc = bonusArc, ExtraArc = extraArc, Id = id };
        var position = _people.Count;
        _people.Add(state);
        if (id is not null && !_personIndex.TryAdd(id, position))
        {
            throw new ArgumentException($"Person '{id}' occurs more than once.", nameof(id));
        }

        var seen = new HashSet<int>();
        foreach (var (offer, score) in candidates)
        {
            if (seen.Add(offer))
            {
                AddPair(position, state, offer, score, settle: false);
            }
        }

        _flow.Reprice(node);
        return position;
    }

    private void AddPair(int person, PersonState state, int offer, float score, bool settle = true)
    {
        var arc = _flow.AddArc(state.Node, FirstOffer + offer, 1, -CandidateGraph.Cost(score), settle);
        state.Pairs.Add((offer, arc, score));
        _offerPeople[offer].Add(person);
    }

    private void RemovePair(int person, PersonState state, int k)
    {
        _offerPeople[state.Pairs[k].Offer].Remove(person);
        state.Pairs.RemoveAt(k);
    }

    /// <summary>
    /// A person's slots after accepted pairs: the first accepted pair has taken the placement bonus, so what is left
    /// is worth only its score.
    /// </summary>
    private void SetSlots(PersonState state)
    {
        var accepted = state.AcceptedOffers.Count;
        _flow.SetCapacity(state.BonusArc, accepted == 0 ? 1 : 0);
        if (state.ExtraArc >= 0)
        {
            _flow.SetCapacity(state.ExtraArc, Math.Max(0, _perPerson - Math.Max(accepted, 1)));
        }
    }

    private PersonState Live(int person)
    {
        var state = _people[person];
        return state.Gone ? throw new InvalidOperationException($"Person {person} has left the round.") : state;
    }

    private MatchingIndex RequireIndex() =>
        _index ?? throw new InvalidOperationException("This round was built from candidate lists, not from people and an index.");

    private int PersonPosition(string personId) =>
        _personIndex.TryGetValue(personId, out var position) ? position : throw new ArgumentException($"Person '{personId}' is not in the round.", nameof(personId));

    private int OfferPosition(string offerId) =>
        RequireIndex().OfferIndex.TryGetValue(offerId, out var position) ? position : throw new ArgumentException($"Offer '{offerId}' is not in the pool.", nameof(offerId));
}
