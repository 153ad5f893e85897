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

        foreach (var skill in source.Languages)
        {
            if (skill.Level != CefrLevel.None && index.LanguageIndex.TryGetValue(skill.Language, out var bit))
            {
                for (var level = 0; level < LanguageAtLevel.Length && level <= (int)skill.Level; level++)
                {
                    LanguageAtLevel[level] |= 1UL << bit;
                }
            }
        }

        var spoken = LanguageAtLevel[(int)CefrLevel.A1];
        LanguageLow = (uint)spoken;
        LanguageHigh = (uint)(spoken >> 32);
        for (var level = 0; level < LanguageAtLevel.Length; level++)
        {
            RequiredLow[level] = (uint)LanguageAtLevel[level];
            RequiredHigh[level] = (uint)(LanguageAtLevel[level] >> 32);
        }

        // The lanes past the last level serve offers that require no language: all ones, so the check passes.
        for (var lane = LanguageAtLevel.Length; lane < RequiredLow.Length; lane++)
        {
            RequiredLow[lane] = uint.MaxValue;
            RequiredHigh[lane] = uint.MaxValue;
        }

        Education = (int)source.Education;
        Dutch = (int)source.DutchLevel;
        var codes = new List<int>(source.FormerOccupations.Count);
        foreach (var occupation in source.FormerOccupations)
        {
            var code = MatchingIndex.ParseIsco(occupation.IscoCode);
            if (code > 0 && !codes.Contains(code))
            {
                codes.Add(code);
            }
        }

        Isco = [.. codes];
        IscoGroup = new int[Isco.Length];
        for (var k = 0; k < Isco.Length; k++)
        {
            IscoGroup[k] = Isco[k] / 100;
        }

        NeedsChildcare = source.Household.NeedsChildcare;
        Availability = source.Household.NoEvenings ? source.Availability.WithoutEvenings().Bits : source.Availability.Bits;
        Age = source.Age ?? -1;
        StaticRow = index.StaticRow(Education, Dutch, NeedsChildcare);

        var excluded = new List<int>(source.ExcludedOfferIds.Count);
        foreach (var id in source.ExcludedOfferIds)
        {
            if (index.OfferIndex.TryGetValue(id, out var j) && !excluded.Contains(j))
            {
                excluded.Add(j);
            }
        }

        excluded.Sort();
        ExcludedOffers = [.. excluded];
        foreach (var tag in source.ExcludedTags)
        {
            if (index.TagIndex.TryGetValue(tag, out var f))
            {
                ExcludedTags ??= new ulong[index.TagWords];
                ExcludedTags[f / 64] |= 1UL << (f % 64);
            }
        }

        if (source.Knows.Count == 0)
        {
            NetworkOffers = [];
            NetworkCounts = [];
        }
        else
        {
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
        }

        void Raise(IReadOnlyList<string> tags, float weight)
        {
            for (var i = 0; i < tags.Count; i++)
            {
                if (index.TagIndex.TryGetValue(tags[i], out var f))
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

    /// <summary>
    /// <see cref="LanguageAtLevel"/> split into low and high words and widened to sixteen lanes, so a vector kernel
    /// looks up the level each offer asks for with one permute.
    /// </summary>
    public uint[] RequiredLow { get; } = new uint[16];

    public uint[] RequiredHigh { get; } = new uint[16];

    public uint LanguageLow { get; }

    public uint LanguageHigh { get; }

    public int Education { get; }

    public int Dutch { get; }

    public int[] Isco { get; }

    public int[] IscoGroup { get; }

    public bool NeedsChildcare { get; }

    public uint Availability { get; }

    public int Age { get; }

    /// <summary>The index's level fit, Dutch fit and offer constants for this person's class (see <see cref="MatchingIndex.StaticRow"/>).</summary>
    public float[] StaticRow { get; }

    public int[] ExcludedOffers { get; }

    public ulong[]? ExcludedTags { get; }

    /// <summary>Offers where the person knows someone, ascending, with how many they know there.</summary>
    public int[] NetworkOffers { get; }

    public int[] NetworkCounts { get; }

    public static PreparedPerson Create(Person person, MatchingIndex index) => new(person, index);
}
