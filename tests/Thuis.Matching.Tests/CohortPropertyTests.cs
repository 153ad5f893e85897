using CsCheck;

namespace Thuis.Matching.Tests;

public sealed class CohortPropertyTests
{
    [Fact]
    public void Cohort_proposals_respect_every_hard_constraint_capacity_and_the_over_asking_guard() =>
        Gen.Select(Generators.Instance(maxOffers: 30, maxPeople: 25), Gen.Int[1, 3], Gen.Int[1, 6]).Sample((instance, perPerson, candidates) =>
        {
            var index = MatchingIndex.Build(instance.Offers);
            var options = new CohortOptions { MaxProposalsPerPerson = perPerson, CandidatesPerPerson = candidates, Threads = 2 };
            var byId = instance.Offers.ToDictionary(o => o.Id);
            var people = instance.People.ToDictionary(p => p.Id);
            foreach (var assignment in new[] { MatchingEngine.ProposeForCohort(instance.People, index, options), MatchingEngine.ProposeGreedily(instance.People, index, options) })
            {
                Assert.All(assignment.Suggestions, s => Assert.True(Generators.Allowed(people[s.PersonId], byId[s.OfferId])));
                Assert.All(assignment.Suggestions, s => Assert.True(s.Score > 0));
                Assert.All(assignment.Suggestions.GroupBy(s => s.OfferId), g => Assert.True(g.Count() <= byId[g.Key].Capacity));
                Assert.All(assignment.Suggestions.GroupBy(s => s.PersonId), g => Assert.True(g.Count() <= perPerson));
                Assert.Equal(assignment.Suggestions.Count, assignment.Suggestions.Select(s => (s.PersonId, s.OfferId)).Distinct().Count());
                Assert.Equal(assignment.Suggestions.Select(s => s.PersonId).Distinct().Count(), assignment.PeoplePlaced);
            }
        }, iter: 80);

    [Fact]
    public void Consecutive_rounds_never_repeat_a_pair_and_open_matches_count_against_capacity() =>
        Gen.Select(Generators.Instance(maxOffers: 20, maxPeople: 20), Gen.Int[1, 3], Gen.Int[2, 4]).Sample((instance, perPerson, rounds) =>
        {
            // As the app runs rounds: each round sees the places the earlier rounds' open matches hold, and every
            // pair an earlier round proposed is excluded for that person.
            var capacity = instance.Offers.ToDictionary(o => o.Id, o => o.Capacity);
            var held = new Dictionary<string, int>();
            var earlier = new HashSet<(string Person, string Offer)>();
            for (var round = 0; round < rounds; round++)
            {
                var offers = instance.Offers.Select(o => o with { Capacity = Math.Max(0, capacity[o.Id] - held.GetValueOrDefault(o.Id)) }).ToArray();
                var people = instance.People.Select(p => p with
                {
                    ExcludedOfferIds = [.. p.ExcludedOfferIds, .. earlier.Where(e => e.Person == p.Id).Select(e => e.Offer)],
                }).ToArray();
                var assignment = MatchingEngine.ProposeForCohort(people, MatchingIndex.Build(offers), new CohortOptions { MaxProposalsPerPerson = perPerson, Threads = 1 });
                foreach (var s in assignment.Suggestions)
                {
                    Assert.True(earlier.Add((s.PersonId, s.OfferId)), $"{s.PersonId} kreeg {s.OfferId} opnieuw in ronde {round + 1}");
                    held[s.OfferId] = held.GetValueOrDefault(s.OfferId) + 1;
                }
                Assert.All(held, h => Assert.True(h.Value <= capacity[h.Key], $"{h.Key}: {h.Value} plaatsen bezet van {capacity[h.Key]}"));
            }
        }, iter: 60);

    [Fact]
    public void Cohort_proposals_and_their_reasons_are_the_same_on_one_thread_and_on_two() =>
        Gen.Select(Generators.Instance(maxOffers: 30, maxPeople: 25), Gen.Int[1, 3], Gen.Int[1, 6]).Sample((instance, perPerson, candidates) =>
        {
            // People are prepared group by group into instances each thread keeps, and prepared again to be explained;
            // whichever thread does it, the proposals and their reasons read the same.
            var index = MatchingIndex.Build(instance.Offers);
            var options = new CohortOptions { MaxProposalsPerPerson = perPerson, CandidatesPerPerson = candidates, Threads = 1 };
            var one = MatchingEngine.ProposeForCohort(instance.People, index, options);
            var two = MatchingEngine.ProposeForCohort(instance.People, index, options with { Threads = 2 });
            Assert.Equal(one.Objective, two.Objective);
            Assert.Equal(one.Suggestions.Select(s => (s.PersonId, s.OfferId, s.Score, s.RulesVersion)), two.Suggestions.Select(s => (s.PersonId, s.OfferId, s.Score, s.RulesVersion)));
            Assert.Equal(one.Suggestions.Select(s => s.Reasons.ToArray()), two.Suggestions.Select(s => s.Reasons.ToArray()));
        }, iter: 80);

    [Fact]
    public void The_cohort_assignment_reaches_the_brute_force_optimum() =>
        Gen.Select(Generators.Instance(maxOffers: 4, maxPeople: 5), Gen.Int[1, 2], Gen.Double[0, 3]).Sample((instance, perPerson, bonus) =>
        {
            var index = MatchingIndex.Build(instance.Offers);
            var options = new CohortOptions { MaxProposalsPerPerson = perPerson, CandidatesPerPerson = instance.Offers.Length, PlacementBonus = bonus, Threads = 1 };

            var optimal = MatchingEngine.ProposeForCohort(instance.People, index, options);
            var greedy = MatchingEngine.ProposeGreedily(instance.People, index, options);

            Assert.Equal(BruteForce(instance.People, index, options), optimal.Objective);
            Assert.True(greedy.Objective <= optimal.Objective);
        }, iter: 200);

    [Fact]
    public void The_cohort_assignment_places_more_people_than_first_come_first_served_when_that_is_possible()
    {
        // Both like the cooking club best; only Amal can go to the choir, which sings in the evening.
        Offer club = new() { Id = "club", Title = "Kookclub", Tags = ["koken", "muziek"], Capacity = 1 };
        Offer choir = new() { Id = "koor", Title = "Koor", Tags = ["muziek"], Capacity = 1, Schedule = WeekSchedule.Never.With(DayOfWeek.Tuesday, PartOfDay.Evening) };
        Person amal = new() { Id = "amal", Talents = ["koken", "muziek"] };
        Person bereket = new() { Id = "bereket", Talents = ["koken"], Household = new Household(NoEvenings: true) };
        var index = MatchingIndex.Build([club, choir]);

        var optimal = MatchingEngine.ProposeForCohort([amal, bereket], index);
        var greedy = MatchingEngine.ProposeGreedily([amal, bereket], index);

        Assert.Equal(2, optimal.PeoplePlaced);
        Assert.Equal(["amal:koor", "bereket:club"], optimal.Suggestions.Select(s => $"{s.PersonId}:{s.OfferId}"));
        Assert.Equal(1, greedy.PeoplePlaced);
        Assert.True(greedy.Objective < optimal.Objective);
    }

    /// <summary>Tries every way to give each person at most the allowed number of their candidate offers.</summary>
    private static long BruteForce(Person[] people, MatchingIndex index, CohortOptions options)
    {
        var prepared = people.Select(p => PreparedPerson.Create(p, index)).ToArray();
        var candidates = prepared.Select(p => Scorer.TopScalar(index, p, index.Count, 1f / CandidateGraph.Scale, null)).ToArray();
        var left = index.Offers.Select(o => o.Capacity).ToArray();
        var bonus = (long)Math.Round(options.PlacementBonus * CandidateGraph.Scale);
        return Best(0);

        long Best(int person)
        {
            if (person == prepared.Length)
            {
                return 0;
            }

            var best = Best(person + 1);
            var c = candidates[person];
            for (var a = 0; a < c.Length; a++)
            {
                if (left[c[a].Offer] == 0)
                {
                    continue;
                }

                left[c[a].Offer]--;
                var one = bonus + CandidateGraph.Cost(c[a].Score);
                best = Math.Max(best, one + Best(person + 1));
                if (options.MaxProposalsPerPerson >= 2)
                {
                    for (var b = a + 1; b < c.Length; b++)
                    {
                        if (left[c[b].Offer] > 0)
                        {
                            left[c[b].Offer]--;
                            best = Math.Max(best, one + CandidateGraph.Cost(c[b].Score) + Best(person + 1));
                            left[c[b].Offer]++;
                        }
                    }
                }

                left[c[a].Offer]++;
            }

            return best;
        }
    }
}
