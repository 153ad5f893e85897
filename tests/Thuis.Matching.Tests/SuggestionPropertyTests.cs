using CsCheck;

namespace Thuis.Matching.Tests;

public sealed class SuggestionPropertyTests
{
    // Both kernel widths: the 512-bit kernels where the machine has them, and the 256-bit ones everywhere.
    private static readonly bool[] Widths = [true, false];

    // The many-people kernels: 512-bit sparse (each offer's few tags) and dense, and the 256-bit dense one.
    private static readonly (bool Wide, bool Sparse)[] Kernels = [(true, true), (true, false), (false, false)];

    private static readonly int[] ListSizes = [1, 3, 10, 16, 17, 50, 64, 65];

    private static readonly float[] Floors = [float.MinValue, 0.001f, 1f, float.NegativeInfinity, 2.5f];

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
    public void The_byte_features_the_one_person_kernels_read_are_the_float_features() =>
        Instances.Sample(instance =>
        {
            var index = MatchingIndex.Build(instance.Offers);
            Assert.Equal(index.Features.Length, index.TagBytes.Length);
            Assert.Equal(index.Features, index.TagBytes.Select(b => (float)b));
            Assert.All(index.TagBytes, b => Assert.True(b is 0 or 1));
            Assert.Equal(instance.Offers.Sum(o => o.Tags.Distinct().Count()), index.TagBytes.Sum(b => b));
        }, iter: 100);

    [Theory]
    [InlineData(32)]
    [InlineData(40)]
    public void The_kernels_give_the_scalar_reference_scores_with_many_tags_per_offer_and_in_the_pool(int features) =>
        Instances.Sample(instance =>
        {
            // Every feature in use (32 fills the two vectors of weights; 40 takes the dense kernel), offers with up
            // to eight tags, and people who want the extra tags too.
            var used = instance.Offers.SelectMany(o => o.Tags).Distinct(StringComparer.OrdinalIgnoreCase).Count();
            var extra = Enumerable.Range(0, features - used).Select(i => $"extra{i:00}").ToArray();
            var offers = instance.Offers.Select((o, i) => o with { Tags = [.. o.Tags, .. extra.Where((_, e) => (e + i) % 7 == 0)] })
                .Concat(extra.Select((t, i) => new Offer { Id = $"x{i:00}", Title = "Extra", Tags = [t], Capacity = 1 }))
                .ToArray();
            var index = MatchingIndex.Build(offers);
            Assert.Equal(features, index.FeatureCount);
            Assert.Equal(features <= MatchingIndex.SparseFeatureLimit, index.Sparse);
            var people = instance.People.Select((person, i) => PreparedPerson.Create(person with { Interests = [.. person.Interests, .. extra.Where((_, e) => (e + i) % 3 == 0)] }, index)).ToArray();
            var many = Kernels.Select(kernel => Scorer.TopMany(index, people, offers.Length, float.MinValue, threads: 1, kernel.Wide, kernel.Sparse)).ToArray();
            foreach (var (prepared, i) in people.Select((p, i) => (p, i)))
            {
                var scalar = Scorer.TopScalar(index, prepared, offers.Length, float.MinValue, null);
                foreach (var wide in Widths)
                {
                    Assert.Equal(scalar, Scorer.TopVector(index, prepared, offers.Length, float.MinValue, null, wide));
                    Assert.Equal(Scorer.TopScalar(index, prepared, 5, float.MinValue, null), Scorer.TopVector(index, prepared, 5, float.MinValue, null, wide));
                }

                Assert.All(many, lists => Assert.Equal(scalar, lists[i]));
            }
        }, iter: 60);

    [Fact]
    public void The_vector_kernels_give_exactly_the_scalar_reference_scores() =>
        Instances.Sample(instance =>
        {
            var index = MatchingIndex.Build(instance.Offers);
            var people = instance.People.Select(p => PreparedPerson.Create(p, index)).ToArray();
            var all = instance.Offers.Length;
            foreach (var (wide, sparse) in Kernels)
            {
                var many = Scorer.TopMany(index, people, all, float.MinValue, threads: 2, wide, sparse);
                var many3 = Scorer.TopMany(index, people, 3, float.MinValue, threads: 1, wide, sparse);
                for (var i = 0; i < people.Length; i++)
                {
                    var scalar = Scorer.TopScalar(index, people[i], all, float.MinValue, null);
                    Assert.Equal(scalar, Scorer.TopVector(index, people[i], all, float.MinValue, null, wide));
                    Assert.Equal(scalar, many[i]);

                    var top3 = Scorer.TopScalar(index, people[i], 3, float.MinValue, null);
                    Assert.Equal(top3, Scorer.TopVector(index, people[i], 3, float.MinValue, null, wide));
                    Assert.Equal(top3, many3[i]);
                }
            }
        }, iter: 150);

    /// <summary>
    /// Pools large enough that the kernels find a threshold first and rank only the offers at or above it, with
    /// many equal scores (few tags, no places) so ties must keep offer order; every list size the engine uses.
    /// </summary>
    [Fact]
    public void The_threshold_and_ranking_of_large_pools_give_exactly_the_scalar_reference_lists() =>
        Gen.Select(Generators.Instance(maxOffers: 100, maxPeople: 6), Gen.Int[1, 9], Gen.Int[0, 4]).Sample((instance, copies, floorPick) =>
        {
            // Copies of the same offers under other ids make equal scores on purpose.
            var offers = Enumerable.Range(0, copies).SelectMany(c => instance.Offers.Select(o => o with { Id = $"{o.Id}-{c}", Location = c % 3 == 0 ? null : o.Location })).ToArray();
            var index = MatchingIndex.Build(offers);
            var people = instance.People.Select(p => PreparedPerson.Create(p with { NotNow = false }, index)).ToArray();
            var floor = Floors[floorPick];
            var kinds = floorPick == 2 ? new HashSet<OfferKind> { OfferKind.Club, OfferKind.Job, OfferKind.Volunteer } : null;
            foreach (var k in ListSizes)
            {
                foreach (var (wide, sparse) in Kernels)
                {
                    var many = Scorer.TopMany(index, people, k, floor, threads: 2, wide, sparse);
                    for (var i = 0; i < people.Length; i++)
                    {
                        var scalar = Scorer.TopScalar(index, people[i], k, floor, kinds);
                        Assert.Equal(scalar, Scorer.TopVector(index, people[i], k, floor, kinds, wide));
                        Assert.Equal(Scorer.TopScalar(index, people[i], k, floor, null), many[i]);
                    }
                }
            }
        }, iter: 40);

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

    [Fact]
    public void One_list_kept_for_many_people_holds_each_persons_own_suggestions_and_reasons() =>
        Gen.Select(Instances, Gen.Int[1, 12], Gen.Bool).Sample((instance, top, withFloor) =>
        {
            // Each person is prepared anew and scored by the plain reference; the list is kept across people (and
            // across two pools), so whatever one person leaves in it must not reach the next.
            var index = MatchingIndex.Build(instance.Offers);
            var other = MatchingIndex.Build(instance.Offers.Take(Math.Max(1, instance.Offers.Length / 2)).ToArray());
            double? minimumScore = withFloor ? 1.0 : null;
            var list = new SuggestionList();
            foreach (var pool in new[] { index, other, index })
            {
                foreach (var person in instance.People.Concat(instance.People.Reverse()))
                {
                    MatchingEngine.Suggest(person, pool, list, top, minimumScore: minimumScore);
                    var prepared = PreparedPerson.Create(person, pool);
                    var expected = Scorer.TopScalar(pool, prepared, top, withFloor ? 1f : float.MinValue, null);
                    Assert.Equal(person.Id, list.PersonId);
                    Assert.Equal(expected.Length, list.Count);
                    for (var i = 0; i < expected.Length; i++)
                    {
                        Assert.Equal(pool.Offer(expected[i].Offer).Id, list[i].OfferId);
                        Assert.Equal((double)expected[i].Score, list[i].Score);
                        Assert.Equal(Explanation.Reasons(pool, prepared, expected[i].Offer), list.ReasonsOf(i).ToArray());
                    }

                    var records = MatchingEngine.Suggest(person, pool, top, minimumScore: minimumScore);
                    Assert.Equal(Enumerable.Range(0, list.Count).Select(i => (list[i].OfferId, list[i].Score)), records.Select(s => (s.OfferId, s.Score)));
                    Assert.Equal(Enumerable.Range(0, list.Count).SelectMany(i => list.ReasonsOf(i).ToArray()), records.SelectMany(s => s.Reasons));
                }
            }
        }, iter: 150);
}
