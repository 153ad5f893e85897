using CsCheck;

namespace Thuis.Matching.Tests;

/// <summary>
/// Preparing a person, explaining a pair and reading the cohort's flow take short cuts (arrays instead of
/// dictionaries, flags instead of string comparisons, reading only the arcs that can carry flow); these properties
/// hold them to the plain version written out from the records.
/// </summary>
public sealed class PreparationPropertyTests
{
    private static readonly Gen<(Offer[] Offers, Person[] People)> Instances = Generators.Instance(maxOffers: 40, maxPeople: 9);

    [Fact]
    public void A_prepared_person_has_the_network_exclusions_and_occupations_written_out_from_the_records() =>
        Instances.Sample(instance =>
        {
            var index = MatchingIndex.Build(instance.Offers);
            foreach (var person in instance.People)
            {
                var prepared = PreparedPerson.Create(person, index);
                var knows = person.Knows.ToHashSet(StringComparer.Ordinal);
                var network = Enumerable.Range(0, index.Offers.Count)
                    .Select(j => (Offer: j, Count: index.Offers[j].Members.Distinct(StringComparer.Ordinal).Count(knows.Contains)))
                    .Where(x => x.Count > 0)
                    .ToArray();
                Assert.Equal(network.Select(x => x.Offer), prepared.NetworkOffers);
                Assert.Equal(network.Select(x => x.Count), prepared.NetworkCounts);

                var excluded = Enumerable.Range(0, index.Offers.Count).Where(j => person.ExcludedOfferIds.Contains(index.Offers[j].Id)).ToArray();
                Assert.Equal(excluded, prepared.ExcludedOffers);

                var codes = person.FormerOccupations.Select(o => MatchingIndex.ParseIsco(o.IscoCode)).Where(c => c > 0).Distinct().ToArray();
                Assert.Equal(codes, prepared.Isco);
                Assert.Equal(codes.Select(c => c / 100), prepared.IscoGroup);
            }
        }, iter: 150);

    [Fact]
    public void A_tag_reason_names_the_list_the_person_named_the_tag_in() =>
        Instances.Sample(instance =>
        {
            var index = MatchingIndex.Build(instance.Offers);
            var w = index.Weights;
            foreach (var person in instance.People)
            {
                var prepared = PreparedPerson.Create(person, index);
                for (var j = 0; j < index.Offers.Count; j++)
                {
                    var expected = new List<(ReasonKind, string, double)>();
                    for (var f = 0; f < index.FeatureCount; f++)
                    {
                        var tag = index.Tags[f];
                        var weight = prepared.Features[f];
                        if (weight == 0f || !index.Offers[j].Tags.Contains(tag, StringComparer.OrdinalIgnoreCase))
                        {
                            continue;
                        }

                        expected.Add(
                            weight == w.Talent && Has(person.Talents, tag) ? (ReasonKind.Talent, index.Texts.Talent[f], weight) :
                            weight == w.Wish && Has(person.Wishes, tag) ? (ReasonKind.Wish, index.Texts.Wish[f], weight) :
                            weight == w.Interest && Has(person.Interests, tag) ? (ReasonKind.Interest, index.Texts.Interest[f], weight) :
                            (ReasonKind.Giving, index.Texts.Giving[f], weight));
                    }

                    var tagKinds = new[] { ReasonKind.Talent, ReasonKind.Wish, ReasonKind.Interest, ReasonKind.Giving };
                    var actual = Explanation.Reasons(index, prepared, j).Where(r => tagKinds.Contains(r.Kind)).Select(r => (r.Kind, r.Text, r.Contribution));
                    Assert.Equal(expected.OrderBy(x => x.Item2, StringComparer.Ordinal), actual.OrderBy(x => x.Text, StringComparer.Ordinal));
                }
            }
        }, iter: 100);

    [Fact]
    public void Reading_the_flow_person_by_person_finds_every_arc_that_carries_flow() =>
        Gen.Select(Generators.Instance(maxOffers: 30, maxPeople: 25), Gen.Int[1, 3], Gen.Int[1, 6]).Sample((instance, perPerson, candidates) =>
        {
            var index = MatchingIndex.Build(instance.Offers);
            var options = new CohortOptions { MaxProposalsPerPerson = perPerson, CandidatesPerPerson = candidates, Threads = 1 };
            var graph = CandidateGraph.Build(instance.People, index, options);
            var network = CohortSolver.BuildNetwork(graph, options);
            using var flow = network.Flow;
            var (chosen, _) = CohortSolver.Solve(network);

            var everyArc = Enumerable.Range(0, instance.People.Length).SelectMany(i => graph.Candidates[i].Select((c, k) => (Person: i, c.Offer, c.Score, Arc: network.Arc(i, k))))
                .Where(pair => flow.Flow(pair.Arc) > 0)
                .Select(pair => (pair.Person, pair.Offer, pair.Score));
            Assert.Equal(everyArc, chosen);
        }, iter: 80);

    private static bool Has(IReadOnlyList<string> tags, string tag) => tags.Any(t => string.Equals(t, tag, StringComparison.OrdinalIgnoreCase));
}
