using System.Diagnostics;

namespace Thuis.Matching;

/// <summary>
/// The matching engine of Thuis: plain records in, ranked suggestions and assignments out.
/// It knows nothing of databases or the web, so it can be tested and benchmarked on its own.
/// </summary>
public static class MatchingEngine
{
    /// <summary>The version of the scoring rules, recorded with every suggestion so it can be explained later.</summary>
    public const string RulesVersion = "2";

    // The list the record-returning Suggest fills before copying out: one per thread, reused from call to call.
    [ThreadStatic]
    private static SuggestionList? _records;

    /// <summary>
    /// The best offers for one person, best first (equal scores in offer id order), each with its reasons.
    /// Never an offer that breaks a hard constraint: a language in common where one is required, too little
    /// Dutch, no overlap in the week, no place left, an age limit, an offer or tag the person excluded, work more than
    /// one skill level below the person's outside their own field, a paid job in Piëzo phases 0–2 when work is not the
    /// plan's goal (a stepping stone the plan chose lifts both); and nothing at all for a person who said "not now".
    /// </summary>
    /// <param name="person">The person, as the app knows them.</param>
    /// <param name="index">The pool of offers, laid out once with <see cref="MatchingIndex.Build"/>.</param>
    /// <param name="top">How many suggestions at most.</param>
    /// <param name="kinds">Only these kinds of offer, or all when null.</param>
    /// <param name="minimumScore">Leave out offers scoring below this, or none when null.</param>
    public static IReadOnlyList<Suggestion> Suggest(Person person, MatchingIndex index, int top = 10, IReadOnlySet<OfferKind>? kinds = null, double? minimumScore = null)
    {
        var list = _records ??= new SuggestionList();
        Suggest(person, index, list, top, kinds, minimumScore);
        var suggestions = new Suggestion[list.Count];
        for (var i = 0; i < suggestions.Length; i++)
        {
            suggestions[i] = list.ToSuggestion(i);
        }

        return suggestions;
    }

    /// <summary>
    /// The same suggestions as <see cref="Suggest(Person, MatchingIndex, int, IReadOnlySet{OfferKind}?, double?)"/>,
    /// written into <paramref name="into"/> (which it replaces) instead of new records: a caller that keeps the list for
    /// the next person asks no new memory per person, so answering many people leaves no garbage to collect.
    /// </summary>
    public static void Suggest(Person person, MatchingIndex index, SuggestionList into, int top = 10, IReadOnlySet<OfferKind>? kinds = null, double? minimumScore = null)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(into);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(top);
        var prepared = into.Prepared = PreparedPerson.Create(person, index, into.Prepared);
        var floor = minimumScore is { } m ? (float)m : float.MinValue;
        var best = into.BestRoom(Math.Min(top, index.Count));
        var n = Scorer.TopVector(index, prepared, top, floor, kinds, best);
        into.Start(person.Id, n);

        // Reasons only for the offers returned, straight into the list's one array of reasons.
        var room = Explanation.MaxReasons(index);
        for (var i = 0; i < n; i++)
        {
            var (offer, score) = best[i];
            var reasons = Explanation.Write(index, prepared, offer, into.ReasonRoom(room));
            into.Add(index.Offer(offer).Id, score, reasons);
        }
    }

    /// <summary>
    /// The people one offer fits, best first (equal scores in person id order): for a vacancy, the candidates an
    /// employer could meet. Each person is scored on this offer alone with exactly the rules of
    /// <see cref="Suggest(Person, MatchingIndex, int, IReadOnlySet{OfferKind}?, double?)"/>, so nobody is a candidate for
    /// work their own suggestions would leave out (too far below their level, too early on the Piëzo ladder, too little
    /// Dutch, no time in common).
    /// </summary>
    public static IReadOnlyList<Suggestion> Candidates(IReadOnlyList<Person> people, Offer offer, MatchingWeights? weights = null, int top = 20)
    {
        ArgumentNullException.ThrowIfNull(people);
        ArgumentNullException.ThrowIfNull(offer);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(top);
        var single = MatchingIndex.Build([offer], weights);
        var found = new List<Suggestion>();
        foreach (var person in people)
        {
            if (Suggest(person, single, 1) is [var fits])
            {
                found.Add(fits);
            }
        }
        return [.. found.OrderByDescending(s => s.Score).ThenBy(s => s.PersonId, StringComparer.Ordinal).Take(top)];
    }

    /// <summary>
    /// Proposals for a whole cohort: the assignment of people to offers that maximises the sum of match scores plus
    /// a bonus for every person placed, within every offer's capacity and at most
    /// <see cref="CohortOptions.MaxProposalsPerPerson"/> per person, over each person's best
    /// <see cref="CohortOptions.CandidatesPerPerson"/> allowed offers. Solved exactly as a minimum-cost flow.
    /// </summary>
    public static CohortAssignment ProposeForCohort(IReadOnlyList<Person> people, MatchingIndex index, CohortOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(people);
        ArgumentNullException.ThrowIfNull(index);
        options ??= CohortOptions.Default;
        var watch = Stopwatch.StartNew();
        var graph = CandidateGraph.Build(people, index, options);
        var scoring = watch.Elapsed;
        watch.Restart();
        var network = CohortSolver.BuildNetwork(graph, options);
        var building = watch.Elapsed;
        watch.Restart();
        var (chosen, solving) = CohortSolver.Solve(network);
        network.Flow.Dispose();

        // Reading the solution and the reasons count as explaining; the solver's own time stays apart as the baseline.
        var reading = watch.Elapsed - solving;
        watch.Restart();
        var result = CohortSolver.Result(graph, chosen, options, scoring, building, solving);
        return result with { Timings = result.Timings with { Explaining = reading + watch.Elapsed } };
    }

    /// <summary>The baseline the optimal assignment is measured against: best pairs first, first come first served.</summary>
    public static CohortAssignment ProposeGreedily(IReadOnlyList<Person> people, MatchingIndex index, CohortOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(people);
        ArgumentNullException.ThrowIfNull(index);
        options ??= CohortOptions.Default;
        var watch = Stopwatch.StartNew();
        var graph = CandidateGraph.Build(people, index, options);
        var scoring = watch.Elapsed;
        watch.Restart();
        var chosen = CohortSolver.Greedy(graph, options);
        return CohortSolver.Result(graph, chosen, options, scoring, TimeSpan.Zero, watch.Elapsed);
    }
}
