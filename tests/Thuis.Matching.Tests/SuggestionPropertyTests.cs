using CsCheck;

namespace Thuis.Matching.Tests;

public sealed class SuggestionPropertyTests
{
    private static readonly Gen<(Offer[] Offers, Person[] People)> Instances = Generators.Instance(maxOffers: 40, maxPeople: 9);

    [Fact]
    public void Suggestions_never_break_a_hard_constraint() =>
        Instances.Sample(instance =>
        {
            var index = MatchingIndex.Build(instance.Offers);
            var byId = instance.Offers.ToDictionary(o => o.Id);
            foreach (var person in instance.People)
            {
                var suggestions = MatchingEngine.Suggest(person, index, top: 50);
                Assert.All(suggestions, s => Assert.True(Generators.Allowed(person, byId[s.OfferId]), $"{person.Id} got {s.OfferId}"));
                Assert.Equal(instance.Offers.Count(o => Generators.Allowed(person, o)), suggestions.Count);
            }
        }, iter: 150);

    [Fact]
    public void A_person_who_said_not_now_gets_no_suggestions() =>
        Instances.Sample(instance =>
        {
            var index = MatchingIndex.Build(instance.Offers);
            Assert.All(instance.People, p => Assert.Empty(MatchingEngine.Suggest(p with { NotNow = true }, index)));
        }, iter: 50);

    [Fact]
    public void The_vector_kernels_give_exactly_the_scalar_reference_scores() =>
        Instances.Sample(instance =>
        {
            var index = MatchingIndex.Build(instance.Offers);
            var people = instance.People.Select(p => PreparedPerson.Create(p, index)).ToArray();
            var all = instance.Offers.Length;
            var many = Scorer.TopMany(index, people, all, float.MinValue, threads: 2);
            for (var i = 0; i < people.Length; i++)
            {
                var scalar = Scorer.TopScalar(index, people[i], all, float.MinValue, null);
                Assert.Equal(scalar, Scorer.TopVector(index, people[i], all, float.MinValue, null));
                Assert.Equal(scalar, many[i]);

                var top3 = Scorer.TopScalar(index, people[i], 3, float.MinValue, null);
                Assert.Equal(top3, Scorer.TopVector(index, people[i], 3, float.MinValue, null));
            }
        }, iter: 150);

    [Fact]
    public void Suggestions_are_the_same_whatever_the_order_of_the_offers() =>
        Gen.Select(Instances, Gen.Int).Sample((instance, seed) =>
        {
            var shuffled = instance.Offers.OrderBy(_ => Random.Shared.Next()).ToArray();
            new Random(seed).Shuffle(shuffled);
            var index = MatchingIndex.Build(instance.Offers);
            var other = MatchingIndex.Build(shuffled);
            foreach (var person in instance.People)
            {
                var first = MatchingEngine.Suggest(person, index, top: 5);
                var again = MatchingEngine.Suggest(person, other, top: 5);
                Assert.Equal(first.Select(s => (s.OfferId, s.Score)), again.Select(s => (s.OfferId, s.Score)));
                Assert.Equal(first.SelectMany(s => s.Reasons), again.SelectMany(s => s.Reasons));

                // Best first; equal scores in offer id order.
                for (var k = 1; k < first.Count; k++)
                {
                    Assert.True(first[k - 1].Score > first[k].Score
                        || (first[k - 1].Score == first[k].Score && string.CompareOrdinal(first[k - 1].OfferId, first[k].OfferId) < 0));
                }
            }
        }, iter: 100);

    [Fact]
    public void The_reasons_add_up_to_the_score() =>
        Instances.Sample(instance =>
        {
            var index = MatchingIndex.Build(instance.Offers);
            foreach (var person in instance.People)
            {
                foreach (var suggestion in MatchingEngine.Suggest(person, index, top: 50))
                {
                    // Scores are single precision; the reasons add up to them within a ten-thousandth (an absolute tolerance,
                    // not rounding to four decimals, which fails whenever two nearly equal sums straddle a rounding boundary).
                    Assert.Equal(suggestion.Score, suggestion.Reasons.Sum(r => r.Contribution), tolerance: 1e-4);
                    Assert.All(suggestion.Reasons, r => Assert.NotEqual(0, r.Contribution));
                    Assert.Equal(MatchingEngine.RulesVersion, suggestion.RulesVersion);
                }
            }
        }, iter: 150);
}
