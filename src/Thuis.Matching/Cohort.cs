using System.Diagnostics;
using System.Runtime.CompilerServices;
using Google.OrTools.Graph;

namespace Thuis.Matching;

/// <summary>How a cohort is assigned.</summary>
public sealed record CohortOptions
{
    /// <summary>
    /// Only each person's best offers enter the assignment, which keeps the graph small. Fifty, because fewer lose
    /// people: when popular offers fill up, a person's next choices must still be in the graph. Measured on 10,000
    /// people and 2,000 offers (bench/README.md, "Quality by candidates per person"): ten candidates placed 7,643
    /// people at 91.3 % of the objective that 400 reach, fifty place 8,564 at 99.5 %, at about four times the solve.
    /// </summary>
    public int CandidatesPerPerson { get; init; } = 50;

    /// <summary>The over-asking guard: nobody gets more proposals than this at once.</summary>
    public int MaxProposalsPerPerson { get; init; } = 1;

    /// <summary>
    /// What placing a person at all is worth, in score points, on top of the match's own score. It makes the
    /// assignment prefer giving one more person something over giving someone else a slightly better match.
    /// </summary>
    public double PlacementBonus { get; init; } = 2.0;

    public int Threads { get; init; } = Environment.ProcessorCount;

    public static CohortOptions Default { get; } = new();
}

/// <summary>Where the time of a cohort assignment went.</summary>
public sealed record CohortTimings(TimeSpan Scoring, TimeSpan Graph, TimeSpan Solving, TimeSpan Explaining)
{
    public TimeSpan Total => Scoring + Graph + Solving + Explaining;
}

/// <summary>
/// Suggestions for a whole cohort at once, with the total it reaches. <see cref="Objective"/> is what the
/// assignment maximises, in thousandths of a score point: the scores of all suggestions plus the placement bonus
/// for every person placed.
/// </summary>
public sealed record CohortAssignment(
    IReadOnlyList<Suggestion> Suggestions,
    int PeoplePlaced,
    double TotalScore,
    long Objective,
    int CandidatePairs,
    CohortTimings Timings);

/// <summary>Assigns a cohort optimally with a minimum-cost flow, or greedily as a baseline.</summary>
internal static class CohortSolver
{
    // The person whose proposal is being explained, prepared again in an instance each thread keeps.
    [ThreadStatic]
    private static PreparedPerson? _explaining;

    /// <summary>The flow network for OR-Tools, and which arc is which pair.</summary>
    internal sealed class Network
    {
        public required MinCostFlow Flow { get; init; }

        public required CandidateGraph Graph { get; init; }

        /// <summary>
        /// Per person: the arc of their best candidate; the arc of candidate k follows k arcs later (-1: none, a person
        /// without candidates). Arcs rather than an array per pair: the graph has half a million pairs.
        /// </summary>
        public required int[] FirstPairArc { get; init; }

        /// <summary>Per person: the arcs from the source that carry their proposals (-1: none, a person without candidates).</summary>
        public required int[] BonusArcs { get; init; }

        public required int[] ExtraArcs { get; init; }

        /// <summary>The arc of person <paramref name="person"/>'s candidate <paramref name="k"/>.</summary>
        public int Arc(int person, int k) => FirstPairArc[person] + k;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Network BuildNetwork(CandidateGraph graph, CohortOptions options)
    {
        var people = graph.People.Count;

        // Offer nodes are numbered in the order offers first appear (zero: not yet), as arrays rather than a dictionary.
        var offerNode = new int[graph.Index.Count];
        var offersInOrder = new List<int>();
        var perPerson = Math.Max(1, options.MaxProposalsPerPerson);

        // Room for every node and arc up front: the solver's arrays then grow once, not while the arcs arrive.
        var flow = new MinCostFlow(people + 2 + graph.Index.Count, ((perPerson > 1 ? 2 : 1) * people) + graph.PairCount + graph.Index.Count + 1);
        const int Source = 0;
        var sink = people + 1;
        var bonus = (long)Math.Round(options.PlacementBonus * CandidateGraph.Scale);
        var firstPairArc = new int[people];
        var bonusArcs = new int[people];
        var extraArcs = new int[people];
        Array.Fill(firstPairArc, -1);
        Array.Fill(bonusArcs, -1);
        Array.Fill(extraArcs, -1);
        var next = sink + 1;
        long supply = 0;
        for (var i = 0; i < people; i++)
        {
            var candidates = graph.Candidates[i];
            if (candidates.Length == 0)
            {
                continue;
            }

            // The first proposal of a person earns the placement bonus; further ones (up to the guard) only their score.
            bonusArcs[i] = flow.AddArcWithCapacityAndUnitCost(Source, i + 1, 1, -bonus);
            if (perPerson > 1)
            {
                extraArcs[i] = flow.AddArcWithCapacityAndUnitCost(Source, i + 1, perPerson - 1, 0);
            }

            supply += perPerson;
            for (var k = 0; k < candidates.Length; k++)
            {
                var (offer, score) = candidates[k];
                var node = offerNode[offer];
                if (node == 0)
                {
                    offerNode[offer] = node = next++;
                    offersInOrder.Add(offer);
                }

                var arc = flow.AddArcWithCapacityAndUnitCost(i + 1, node, 1, -CandidateGraph.Cost(score));
                if (k == 0)
                {
                    firstPairArc[i] = arc;
                }
                else if (arc != firstPairArc[i] + k)
                {
                    throw new InvalidOperationException("The solver numbered a person's arcs out of order.");
                }
            }
        }

        foreach (var offer in offersInOrder)
        {
            flow.AddArcWithCapacityAndUnitCost(offerNode[offer], sink, graph.Index.Capacity[offer], 0);
        }

        // Whatever is not worth assigning flows straight to the sink at no cost.
        flow.AddArcWithCapacityAndUnitCost(Source, sink, Math.Max(supply, 1), 0);
        flow.SetNodeSupply(Source, supply);
        flow.SetNodeSupply(sink, -supply);
        return new Network { Flow = flow, Graph = graph, FirstPairArc = firstPairArc, BonusArcs = bonusArcs, ExtraArcs = extraArcs };
    }

    /// <summary>Solves the flow; the time returned is the solver's own, the baseline of the benchmarks.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static (List<(int Person, int Offer, float Score)> Chosen, TimeSpan Solving) Solve(Network network)
    {
        var watch = Stopwatch.StartNew();
        var status = network.Flow.Solve();
        var solving = watch.Elapsed;
        if (status != MinCostFlowBase.Status.OPTIMAL)
        {
            throw new InvalidOperationException($"The cohort assignment found no optimum: {status}.");
        }

        // A person's proposals are as many as the flow into them from the source (flow is conserved at their node),
        // so their arcs are read only while some are still unaccounted for: people left out cost one read, not fifty.
        var chosen = new List<(int Person, int Offer, float Score)>();
        var f = network.Flow;
        for (var i = 0; i < network.BonusArcs.Length; i++)
        {
            if (network.BonusArcs[i] < 0)
            {
                continue;
            }

            var candidates = network.Graph.Candidates[i];
            var left = f.Flow(network.BonusArcs[i]) + (network.ExtraArcs[i] >= 0 ? f.Flow(network.ExtraArcs[i]) : 0);
            for (var k = 0; left > 0 && k < candidates.Length; k++)
            {
                if (f.Flow(network.Arc(i, k)) > 0)
                {
                    chosen.Add((i, candidates[k].Offer, candidates[k].Score));
                    left--;
                }
            }
        }

        return (chosen, solving);
    }

    /// <summary>The baseline: best pairs first, take each while the person and the offer have room.</summary>
    public static List<(int Person, int Offer, float Score)> Greedy(CandidateGraph graph, CohortOptions options)
    {
        var pairs = new List<(int Person, int Offer, float Score)>(graph.PairCount);
        for (var i = 0; i < graph.People.Count; i++)
        {
            foreach (var (offer, score) in graph.Candidates[i])
            {
                pairs.Add((i, offer, score));
            }
        }

        pairs.Sort(static (a, b) => b.Score != a.Score ? b.Score.CompareTo(a.Score) : a.Person != b.Person ? a.Person.CompareTo(b.Person) : a.Offer.CompareTo(b.Offer));
        var left = (int[])graph.Index.Capacity.Clone();
        var taken = new int[graph.People.Count];
        var perPerson = Math.Max(1, options.MaxProposalsPerPerson);
        var chosen = new List<(int Person, int Offer, float Score)>();
        foreach (var pair in pairs)
        {
            if (taken[pair.Person] < perPerson && left[pair.Offer] > 0)
            {
                taken[pair.Person]++;
                left[pair.Offer]--;
                chosen.Add(pair);
            }
        }

        chosen.Sort(static (a, b) => a.Person != b.Person ? a.Person.CompareTo(b.Person) : TopList.Better(a.Score, a.Offer, b.Score, b.Offer) ? -1 : 1);
        return chosen;
    }

    /// <summary>
    /// The assignment from the chosen pairs, which come per person in order and each person's best first (as the
    /// solution is read, and as the greedy baseline sorts them).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static CohortAssignment Result(CandidateGraph graph, List<(int Person, int Offer, float Score)> chosen, CohortOptions options, TimeSpan scoring, TimeSpan building, TimeSpan solving)
    {
        var watch = Stopwatch.StartNew();
        var made = new Suggestion[chosen.Count];
        // Cohort runs are rare, so this runs as optimised code from the first call rather than waiting to be recompiled.
        CandidateGraph.Ranges(chosen.Count, options.Threads, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (i) =>
        {
            var (person, offer, score) = chosen[i];
            var prepared = _explaining = PreparedPerson.Create(graph.People[person], graph.Index, _explaining);
            made[i] = Explanation.Suggestion(graph.Index, prepared, offer, score);
        });
        var suggestions = made.ToList();

        var placed = chosen.Select(c => c.Person).Distinct().Count();
        var bonus = (long)Math.Round(options.PlacementBonus * CandidateGraph.Scale);
        var objective = chosen.Sum(c => CandidateGraph.Cost(c.Score)) + (bonus * placed);
        return new CohortAssignment(suggestions, placed, chosen.Sum(c => (double)c.Score), objective, graph.PairCount, new CohortTimings(scoring, building, solving, watch.Elapsed));
    }
}
