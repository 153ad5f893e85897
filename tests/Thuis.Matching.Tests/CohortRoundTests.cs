using CsCheck;
using Google.OrTools.Graph;

namespace Thuis.Matching.Tests;

/// <summary>
/// The incremental round against OR-Tools: every change of every kind, in random sequences, leaves the round at the
/// objective a fresh full solve of the changed round reaches, with a feasible flow, accepted pairs kept and rejected
/// pairs gone for good.
/// </summary>
public sealed class CohortRoundTests
{
    /// <summary>A round as candidate lists: per offer its places, per person their (offer, score) pairs.</summary>
    internal sealed record RoundSpec(int[] Capacities, (int Offer, float Score)[][] Candidates, int PerPerson, double Bonus, double WorkLimit);

    /// <summary>One change, drawn as numbers the test reads as a kind and its choices.</summary>
    internal readonly record struct Change(int Kind, int A, int B, int Seed);

    private static Gen<(int Offer, float Score)[]> CandidatesOf(int offers, int most) =>
        Gen.Select(Gen.Int[0, offers - 1], Gen.Int[1, 9_000]).Array[0, most]
            .Select(pairs => pairs.DistinctBy(p => p.Item1).Select(p => (Offer: p.Item1, Score: p.Item2 / 1000f)).ToArray());

    private static Gen<RoundSpec> Rounds(int minPeople, int maxPeople, int maxOffers, int most) =>
        Gen.Int[2, maxOffers].SelectMany(offers => Gen.Select(
            Gen.Int[0, 4].Array[offers],
            CandidatesOf(offers, most).Array[minPeople, maxPeople],
            Gen.Int[1, 3],
            Gen.Int[0, 3_000],
            Gen.OneOf(8.0, 0.0, 0.02),
            (capacities, candidates, perPerson, bonus, limit) => new RoundSpec(capacities, candidates, perPerson, bonus / 1000.0, limit)));

    private static readonly Gen<Change> AnyChange = Gen.Select(Gen.Int[0, 8], Gen.Int[0, 1_000_000], Gen.Int[0, 1_000_000], Gen.Int, (kind, a, b, seed) => new Change(kind, a, b, seed));

    [Fact]
    public void Small_rounds_stay_at_the_full_solves_optimum_after_every_change() =>
        Gen.Select(Rounds(5, 30, 12, 6), AnyChange.Array[1, 30]).Sample((spec, changes) => { Replay(spec, changes); }, iter: 400);

    [Fact]
    public void Medium_rounds_stay_at_the_full_solves_optimum_after_every_change() =>
        Gen.Select(Rounds(200, 500, 120, 15), AnyChange.Array[1, 30]).Sample((spec, changes) => { Replay(spec, changes); }, iter: 25);

    [Fact]
    public void Repairs_on_a_medium_round_find_their_paths_where_the_two_searches_meet_and_stay_at_the_optimum()
    {
        // A round of 400 people and 100 offers, rejecting proposals and adding places one after another: the searches
        // from both ends meet (rather than one of them ending alone) on the way, and every objective is the full solve's.
        var random = new Random(21);
        var capacities = Enumerable.Range(0, 100).Select(_ => random.Next(1, 4)).ToArray();
        var candidates = Enumerable.Range(0, 400).Select(_ => Enumerable.Range(0, 12).Select(_ => (Offer: random.Next(100), Score: random.Next(1, 9_000) / 1000f)).DistinctBy(c => c.Offer).ToArray()).ToArray();
        var spec = new RoundSpec(capacities, candidates, 1, 2.0, 8);
        var changes = Enumerable.Range(0, 60).Select(i => new Change(i % 2 == 0 ? 2 : 7, random.Next(1_000_000), random.Next(1_000_000), i)).ToArray();
        var met = Replay(spec, changes);
        Assert.True(met > 0, "no repair found its path where the searches met");
    }

    [Fact]
    public void A_reject_moves_a_chain_of_people_to_their_next_offers()
    {
        // Amal, Bereket and Dawit each have the offer they like best; when Amal rejects hers, she takes Bereket's,
        // Bereket takes Dawit's and Dawit the one place left, which is worth more than leaving Amal out.
        var round = new CohortRound([1, 1, 1, 1], [[(0, 9f), (1, 8f)], [(1, 9f), (2, 8f)], [(2, 9f), (3, 1f)]], new CohortOptions { Threads = 1 });
        Assert.Equal([(0, 0), (1, 1), (2, 2)], round.ProposalPairs().Select(p => (p.Person, p.Offer)));

        round.Reject(0, 0);

        Assert.Equal([(0, 1), (1, 2), (2, 3)], round.ProposalPairs().Select(p => (p.Person, p.Offer)));
        Assert.Equal(3 * 2_000 + 8_000 + 8_000 + 1_000, round.Objective);
        Assert.False(round.LastRepair.FellBack);
        Assert.Null(round.Flow.Violation());
    }

    [Fact]
    public void A_capacity_that_drops_to_zero_sends_its_people_to_their_next_choice()
    {
        var round = new CohortRound([2, 1, 1], [[(0, 5f), (1, 3f)], [(0, 5f), (2, 4f)], [(1, 1f)]], new CohortOptions { Threads = 1 });
        Assert.Equal([(0, 0), (1, 0), (2, 1)], round.ProposalPairs().Select(p => (p.Person, p.Offer)));

        round.SetCapacity(0, 0);

        // Person 0 takes offer 1 (worth 3 against person 2's 1), person 1 offer 2; person 2 goes without.
        Assert.Equal([(0, 1), (1, 2)], round.ProposalPairs().Select(p => (p.Person, p.Offer)));
        Assert.Equal(2 * 2_000 + 3_000 + 4_000, round.Objective);
        Assert.Null(round.Flow.Violation());

        round.SetCapacity(0, 2);
        Assert.Equal([(0, 0), (1, 0), (2, 1)], round.ProposalPairs().Select(p => (p.Person, p.Offer)));
        Assert.Null(round.Flow.Violation());
    }

    [Fact]
    public void A_person_who_leaves_frees_their_place_for_the_next_best()
    {
        var round = new CohortRound([1], [[(0, 5f)], [(0, 4f)], [(0, 1f)]], new CohortOptions { Threads = 1 });
        Assert.Equal([(0, 0)], round.ProposalPairs().Select(p => (p.Person, p.Offer)));

        round.RemovePerson(0);
        Assert.Equal([(1, 0)], round.ProposalPairs().Select(p => (p.Person, p.Offer)));

        round.Accept(1, 0);
        Assert.Empty(round.ProposalPairs());
        Assert.Equal(0, round.Objective);
        Assert.Equal(2_000 + 4_000, round.AcceptedObjective);
        Assert.Null(round.Flow.Violation());
    }

    [Fact]
    public void A_round_started_from_people_follows_the_engines_own_solve_of_each_changed_cohort() =>
        Gen.Select(Generators.Instance(maxOffers: 12, maxPeople: 20), AnyChange.Array[1, 12], Gen.Int[1, 2]).Sample((instance, changes, perPerson) =>
        {
            // With as many candidates as offers, each person's list is every offer they are allowed, so the round's
            // candidate lists stay those the engine would build for the changed cohort, and the two must agree.
            var options = new CohortOptions { CandidatesPerPerson = instance.Offers.Length, MaxProposalsPerPerson = perPerson, Threads = 1 };
            var people = instance.People.ToList();
            var capacity = instance.Offers.ToDictionary(o => o.Id, o => o.Capacity);
            var accepted = instance.Offers.ToDictionary(o => o.Id, _ => 0);
            var round = CohortRound.Start(people, MatchingIndex.Build(instance.Offers), options);
            var acceptedValue = 0L;
            foreach (var change in changes)
            {
                var proposals = round.Proposals();
                switch (change.Kind % 5)
                {
                    case 0 when proposals.Count > 0:
                        {
                            var (personId, offerId, _) = proposals[change.A % proposals.Count];
                            round.Reject(personId, offerId);
                            var k = people.FindIndex(p => p.Id == personId);
                            people[k] = people[k] with { ExcludedOfferIds = [.. people[k].ExcludedOfferIds, offerId] };
                            break;
                        }

                    case 1 when proposals.Count > 0 && perPerson == 1:
                        {
                            var (personId, offerId, score) = proposals[change.A % proposals.Count];
                            round.Accept(personId, offerId);
                            people.RemoveAll(p => p.Id == personId);
                            accepted[offerId]++;
                            acceptedValue += CandidateGraph.Cost(score) + (long)Math.Round(options.PlacementBonus * CandidateGraph.Scale);
                            break;
                        }

                    case 2 when people.Count > 0:
                        {
                            var leaving = people[change.A % people.Count];
                            round.RemovePerson(leaving.Id);
                            people.Remove(leaving);
                            break;
                        }

                    case 3:
                        {
                            // Only offers that had places at the start: an offer without any never entered a candidate list.
                            var open = instance.Offers.Where(o => o.Capacity > 0).ToArray();
                            if (open.Length > 0)
                            {
                                var offer = open[change.A % open.Length];
                                capacity[offer.Id] = accepted[offer.Id] + (change.B % 4);
                                round.SetCapacity(offer.Id, capacity[offer.Id]);
                            }

                            break;
                        }

                    case 4 when people.Count > 0:
                        {
                            // A person changes: another generated person's profile under the same id, their rejections kept.
                            var k = change.A % people.Count;
                            var other = instance.People[change.B % instance.People.Length];
                            people[k] = other with { Id = people[k].Id, ExcludedOfferIds = [.. other.ExcludedOfferIds, .. people[k].ExcludedOfferIds] };
                            round.ChangePerson(people[k]);
                            break;
                        }
                }

                var offers = instance.Offers.Select(o => o with { Capacity = Math.Max(0, capacity[o.Id] - accepted[o.Id]) }).ToArray();
                var fresh = MatchingEngine.ProposeForCohort(people, MatchingIndex.Build(offers), options);
                Assert.Equal(fresh.Objective, round.Objective);
                Assert.Equal(acceptedValue, round.AcceptedObjective);
                Assert.Null(round.Flow.Violation());
            }
        }, iter: 150);

    /// <summary>Applies the changes to the round and to a plain model of it, checking the round after each one.</summary>
    private static int Replay(RoundSpec spec, Change[] changes)
    {
        var options = new CohortOptions { MaxProposalsPerPerson = spec.PerPerson, PlacementBonus = spec.Bonus, Threads = 1 };
        var round = new CohortRound([.. spec.Capacities], [.. spec.Candidates.Select(c => c.ToArray())], options, workLimit: spec.WorkLimit);
        var model = new Model(spec);
        Check(round, model, "at the start");
        var step = 0;
        var met = 0;
        foreach (var change in changes)
        {
            step++;
            var random = new Random(change.Seed);
            var offers = spec.Capacities.Length;
            switch (change.Kind)
            {
                case 0 or 1:
                    {
                        // Accept: mostly a proposal, as the coordinator does; sometimes another candidate pair with room.
                        var pick = change.Kind == 0 ? round.ProposalPairs().Select(p => (p.Person, p.Offer)).ToList() : model.LivePairs().Where(p => model.Free[p.Offer] > 0 && model.Slots(p.Person) > 0).ToList();
                        if (pick.Count > 0)
                        {
                            var (person, offer) = pick[change.A % pick.Count];
                            round.Accept(person, offer);
                            model.Accept(person, offer);
                        }

                        break;
                    }

                case 2 or 3:
                    {
                        var pick = change.Kind == 2 ? round.ProposalPairs().Select(p => (p.Person, p.Offer)).ToList() : model.LivePairs();
                        if (pick.Count > 0)
                        {
                            var (person, offer) = pick[change.A % pick.Count];
                            round.Reject(person, offer);
                            model.Reject(person, offer);
                        }

                        break;
                    }

                case 4:
                    {
                        var live = model.LivePeople();
                        if (live.Count > 0)
                        {
                            // New scores for some of the person's offers, some dropped, some new (rejected ones included, to be left out).
                            var person = live[change.A % live.Count];
                            var candidates = NewCandidates(random, offers, model.Pairs[person].Keys.Concat(model.Rejected.Where(r => r.Person == person).Select(r => r.Offer)));
                            round.ChangePerson(person, candidates);
                            model.ChangePerson(person, candidates);
                        }

                        break;
                    }

                case 5:
                    {
                        var live = model.LivePeople();
                        if (live.Count > 0)
                        {
                            var person = live[change.A % live.Count];
                            round.RemovePerson(person);
                            model.Remove(person);
                        }

                        break;
                    }

                case 6:
                    {
                        var candidates = NewCandidates(random, offers, []);
                        var person = round.AddPerson(candidates);
                        Assert.Equal(person, model.Add(candidates));
                        break;
                    }

                case 7:
                    {
                        var offer = change.A % offers;
                        var capacity = model.AcceptedAt[offer] + (change.B % 5);
                        round.SetCapacity(offer, capacity);
                        model.SetCapacity(offer, capacity);
                        break;
                    }

                default:
                    {
                        // An offer changes: new scores for a random set of people, the rest lose it.
                        var offer = change.A % offers;
                        var scores = model.LivePeople().Where(_ => random.Next(3) == 0).Select(p => (p, random.Next(1, 9_000) / 1000f)).ToArray();
                        round.ChangeOffer(offer, scores);
                        model.ChangeOffer(offer, scores);
                        break;
                    }
            }

            Check(round, model, $"after change {step} ({change.Kind})");
            met += round.LastRepair.Met;
        }

        return met;
    }

    private static (int Offer, float Score)[] NewCandidates(Random random, int offers, IEnumerable<int> known)
    {
        var list = new List<(int, float)>();
        foreach (var offer in known.Distinct())
        {
            if (random.Next(4) != 0)
            {
                list.Add((offer, random.Next(1, 9_000) / 1000f));
            }
        }

        for (var n = random.Next(0, 3); n > 0; n--)
        {
            list.Add((random.Next(offers), random.Next(1, 9_000) / 1000f));
        }

        return [.. list.DistinctBy(p => p.Item1)];
    }

    private static void Check(CohortRound round, Model model, string when)
    {
        Assert.True(round.Flow.Violation() is null, $"{when}: {round.Flow.Violation()}");
        Assert.True(model.Solve() == round.Objective, $"{when}: the round reaches {round.Objective}, a fresh solve {model.Solve()}");

        // The proposals are candidate pairs still open, within every slot and place, and worth the objective.
        var proposals = round.ProposalPairs();
        long value = 0;
        foreach (var group in proposals.GroupBy(p => p.Person))
        {
            Assert.True(group.Count() <= model.Slots(group.Key), $"{when}: person {group.Key} has {group.Count()} proposals");
            value += (model.AcceptedOf[group.Key] == 0 ? model.Bonus : 0) + group.Sum(p => model.Pairs[group.Key].TryGetValue(p.Offer, out var cost)
                ? cost
                : throw new InvalidOperationException($"{when}: person {group.Key} was proposed offer {p.Offer}, not an open pair"));
        }

        Assert.All(proposals.GroupBy(p => p.Offer), g => Assert.True(g.Count() <= model.Free[g.Key], $"{when}: offer {g.Key} over its places"));
        Assert.All(proposals, p => Assert.DoesNotContain((p.Person, p.Offer), model.Rejected));
        Assert.Equal(round.Objective, value);

        // Accepted pairs stay accepted, in order, and are never proposed again.
        Assert.Equal(model.Accepted, round.Accepted.Select(a => (a.Person, a.Offer)));
        Assert.Equal(model.AcceptedValue, round.AcceptedObjective);
    }

    /// <summary>The round as plain data, solved from scratch with OR-Tools after every change: the oracle.</summary>
    private sealed class Model
    {
        private readonly int _perPerson;

        public Model(RoundSpec spec)
        {
            _perPerson = spec.PerPerson;
            Bonus = (long)Math.Round(spec.Bonus * CandidateGraph.Scale);
            Free = [.. spec.Capacities];
            AcceptedAt = new int[spec.Capacities.Length];
            foreach (var candidates in spec.Candidates)
            {
                Add(candidates);
            }
        }

        public long Bonus { get; }

        public int[] Free { get; }

        public int[] AcceptedAt { get; }

        public List<Dictionary<int, long>> Pairs { get; } = [];

        public List<int> AcceptedOf { get; } = [];

        public List<bool> Gone { get; } = [];

        public HashSet<(int Person, int Offer)> Rejected { get; } = [];

        public List<(int Person, int Offer)> Accepted { get; } = [];

        public long AcceptedValue { get; private set; }

        public int Slots(int person) => _perPerson - AcceptedOf[person];

        public List<int> LivePeople() => [.. Enumerable.Range(0, Pairs.Count).Where(p => !Gone[p])];

        public List<(int Person, int Offer)> LivePairs() => [.. Pairs.SelectMany((pairs, p) => pairs.Keys.Select(o => (p, o)))];

        public int Add((int Offer, float Score)[] candidates)
        {
            Pairs.Add(candidates.DistinctBy(c => c.Offer).ToDictionary(c => c.Offer, c => CandidateGraph.Cost(c.Score)));
            AcceptedOf.Add(0);
            Gone.Add(false);
            return Pairs.Count - 1;
        }

        public void Accept(int person, int offer)
        {
            AcceptedValue += Pairs[person][offer] + (AcceptedOf[person] == 0 ? Bonus : 0);
            Pairs[person].Remove(offer);
            AcceptedOf[person]++;
            AcceptedAt[offer]++;
            Free[offer]--;
            Accepted.Add((person, offer));
        }

        public void Reject(int person, int offer)
        {
            Pairs[person].Remove(offer);
            Rejected.Add((person, offer));
        }

        public void ChangePerson(int person, (int Offer, float Score)[] candidates) =>
            Pairs[person] = candidates
                .Where(c => !Rejected.Contains((person, c.Offer)) && !Accepted.Contains((person, c.Offer)))
                .DistinctBy(c => c.Offer)
                .ToDictionary(c => c.Offer, c => CandidateGraph.Cost(c.Score));

        public void Remove(int person)
        {
            Pairs[person].Clear();
            Gone[person] = true;
        }

        public void SetCapacity(int offer, int capacity) => Free[offer] = Math.Max(0, capacity - AcceptedAt[offer]);

        public void ChangeOffer(int offer, (int Person, float Score)[] scores)
        {
            var wanted = scores.ToDictionary(s => s.Person, s => s.Score);
            for (var person = 0; person < Pairs.Count; person++)
            {
                Pairs[person].Remove(offer);
                if (wanted.TryGetValue(person, out var score) && !Gone[person] && !Rejected.Contains((person, offer)) && !Accepted.Contains((person, offer)))
                {
                    Pairs[person][offer] = CandidateGraph.Cost(score);
                }
            }
        }

        /// <summary>The optimum of the open round, built and solved from scratch.</summary>
        public long Solve()
        {
            var people = Pairs.Count;
            var offers = Free.Length;
            using var flow = new MinCostFlow();
            const int Source = 0;
            const int Sink = 1;
            long supply = 0;
            for (var p = 0; p < people; p++)
            {
                if (Gone[p])
                {
                    continue;
                }

                var node = 2 + offers + p;
                flow.AddArcWithCapacityAndUnitCost(Source, node, AcceptedOf[p] == 0 ? 1 : 0, -Bonus);
                flow.AddArcWithCapacityAndUnitCost(Source, node, Math.Max(0, _perPerson - Math.Max(1, AcceptedOf[p])), 0);
                supply += _perPerson;
                foreach (var (offer, cost) in Pairs[p])
                {
                    flow.AddArcWithCapacityAndUnitCost(node, 2 + offer, 1, -cost);
                }
            }

            for (var o = 0; o < offers; o++)
            {
                flow.AddArcWithCapacityAndUnitCost(2 + o, Sink, Free[o], 0);
            }

            flow.AddArcWithCapacityAndUnitCost(Source, Sink, Math.Max(1, supply), 0);
            flow.SetNodeSupply(Source, supply);
            flow.SetNodeSupply(Sink, -supply);
            Assert.Equal(MinCostFlowBase.Status.OPTIMAL, flow.Solve());
            return -flow.OptimalCost();
        }
    }
}
