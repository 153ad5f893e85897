namespace Thuis.Matching;

/// <summary>A person translated into the index's terms: tag weights over its vocabulary, language bit masks, plain numbers.</summary>
internal sealed class PreparedPerson
{
    private PreparedPerson(Person source, MatchingIndex index)
    {
        Source = source;
        var weights = index.Weights;
        Features = new float[index.FeatureCount];
        Raise(source.Interests, weights.Interest);
        Raise(source.CanGive, weights.Giving);
        Raise(source.Talents, weights.Talent);
        Raise(source.Wishes, weights.Wish);

        if (source.Location is { } home)
        {
            (X, Y) = index.Project(home);
            Located = 1f;
        }

        for (var level = 0; level < LanguageAtLevel.Length; level++)
        {
            foreach (var skill in source.Languages)
            {
                if (skill.Level != CefrLevel.None && (int)skill.Level >= level && index.LanguageIndex.TryGetValue(skill.Language, out var bit))
                {
                    LanguageAtLevel[level] |= 1UL << bit;
                }
            }
        }

        var spoken = LanguageAtLevel[(int)CefrLevel.A1];
        LanguageLow = (uint)spoken;
        LanguageHigh = (uint)(spoken >> 32);
        Education = (int)source.Education;
        Dutch = (int)source.DutchLevel;
        var codes = source.FormerOccupations.Select(o => MatchingIndex.ParseIsco(o.IscoCode)).Where(c => c > 0).Distinct().ToArray();
        Isco = codes;
        IscoGroup = [.. codes.Select(c => c / 100)];
        NeedsChildcare = source.Household.NeedsChildcare;
        Availability = source.Household.NoEvenings ? source.Availability.WithoutEvenings().Bits : source.Availability.Bits;
        Age = source.Age ?? -1;

        ExcludedOffers = [.. source.ExcludedOfferIds.Select(id => index.OfferIndex.TryGetValue(id, out var j) ? j : -1).Where(j => j >= 0).Distinct().Order()];
        foreach (var tag in source.ExcludedTags)
        {
            if (index.TagIndex.TryGetValue(tag, out var f))
            {
                ExcludedTags ??= new ulong[index.TagWords];
                ExcludedTags[f / 64] |= 1UL << (f % 64);
            }
        }

        var known = new SortedDictionary<int, int>();
        foreach (var id in source.Knows.Distinct(StringComparer.Ordinal))
        {
            if (index.OffersByMember.TryGetValue(id, out var offers))
            {
                foreach (var j in offers)
                {
                    known[j] = known.GetValueOrDefault(j) + 1;
                }
            }
        }

        NetworkOffers = [.. known.Keys];
        NetworkCounts = [.. known.Values];
        NeedsCheck = ExcludedOffers.Length > 0 || ExcludedTags is not null || NetworkOffers.Length > 0;

        void Raise(IEnumerable<string> tags, float weight)
        {
            foreach (var tag in tags)
            {
                if (index.TagIndex.TryGetValue(tag, out var f))
                {
                    Features[f] = MathF.Max(Features[f], weight);
                }
            }
        }
    }

    public Person Source { get; }

    public float[] Features { get; }

    public float X { get; }

    public float Y { get; }

    /// <summary>1 when we know where the person lives, else 0 (distance then counts for nothing).</summary>
    public float Located { get; }

    /// <summary>Languages spoken at each CEFR level or better, as bits of the index's languages.</summary>
    public ulong[] LanguageAtLevel { get; } = new ulong[7];

    public uint LanguageLow { get; }

    public uint LanguageHigh { get; }

    public int Education { get; }

    public int Dutch { get; }

    public int[] Isco { get; }

    public int[] IscoGroup { get; }

    public bool NeedsChildcare { get; }

    public uint Availability { get; }

    public int Age { get; }

    public int[] ExcludedOffers { get; }

    public ulong[]? ExcludedTags { get; }

    /// <summary>Offers where the person knows someone, ascending, with how many they know there.</summary>
    public int[] NetworkOffers { get; }

    public int[] NetworkCounts { get; }

    /// <summary>The person has exclusions or a network, so a pair needs more than the kernels' own checks.</summary>
    public bool NeedsCheck { get; }

    public static PreparedPerson Create(Person person, MatchingIndex index) => new(person, index);
}
