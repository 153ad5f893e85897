namespace Thuis.Matching;

/// <summary>The groups a fairness report compares.</summary>
public enum FairnessDimension
{
    Gender,
    Origin,
    Education,
}

/// <summary>One group's outcome: how many were placed, and how good their matches were on average.</summary>
public sealed record FairnessGroup(FairnessDimension Dimension, string Group, int People, int Placed, double PlacementRate, double MeanQuality);

/// <summary>
/// Placement rate and mean match quality per gender, origin and education, so a coordinator sees whether the
/// assignment serves every group alike. People who said "not now" are left out: they asked not to be matched.
/// Quality is the mean score of a placed person's suggestions, averaged over the placed people of the group.
/// </summary>
public sealed record FairnessReport(IReadOnlyList<FairnessGroup> Groups)
{
    public const string Unknown = "onbekend";

    public static FairnessReport For(IReadOnlyList<Person> people, IEnumerable<Suggestion> suggestions)
    {
        ArgumentNullException.ThrowIfNull(people);
        var quality = suggestions
            .GroupBy(s => s.PersonId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Average(s => s.Score), StringComparer.Ordinal);
        var counted = people.Where(p => !p.NotNow).ToList();
        var groups = new List<FairnessGroup>();
        foreach (var dimension in Enum.GetValues<FairnessDimension>())
        {
            groups.AddRange(counted
                .GroupBy(p => GroupOf(p, dimension), StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g =>
                {
                    var placed = g.Where(p => quality.ContainsKey(p.Id)).ToList();
                    return new FairnessGroup(
                        dimension,
                        g.Key,
                        g.Count(),
                        placed.Count,
                        (double)placed.Count / g.Count(),
                        placed.Count == 0 ? 0 : placed.Average(p => quality[p.Id]));
                }));
        }

        return new FairnessReport(groups);
    }

    private static string GroupOf(Person person, FairnessDimension dimension) => dimension switch
    {
        FairnessDimension.Gender => string.IsNullOrWhiteSpace(person.Gender) ? Unknown : person.Gender,
        FairnessDimension.Origin => string.IsNullOrWhiteSpace(person.Origin) ? Unknown : person.Origin,
        _ => person.Education.ToString(),
    };
}
