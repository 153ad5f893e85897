using System.Runtime.CompilerServices;

namespace Thuis.Matching;

/// <summary>A person translated into the index's terms: tag weights over its vocabulary, language bit masks, plain numbers.</summary>
internal sealed class PreparedPerson
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private PreparedPerson(Person source, MatchingIndex index)
    {
        Source = source;
        var weights = index.Weights;
        Features = new float[index.FeatureCount];
        FeatureSources = new byte[index.FeatureCount];
        Raise(source.Interests, weights.Interest, FromInterests);
        Raise(source.CanGive, weights.Giving, FromGiving);
        Raise(source.Talents, weights.Talent, FromTalents);
        Raise(source.Wishes, weights.Wish, FromWishes);

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
        // Distinct codes in the order given, without a list: a person has a handful of former occupations at most.
        var occupations = source.FormerOccupations;
        var codes = occupations.Count == 0 ? [] : new int[occupations.Count];
        var distinct = 0;
        for (var i = 0; i < occupations.Count; i++)
        {
            var code = MatchingIndex.ParseIsco(occupations[i].IscoCode);
            if (code > 0 && Array.IndexOf(codes, code, 0, distinct) < 0)
            {
                codes[distinct++] = code;
            }
        }

        Isco = distinct == codes.Length ? codes : codes[..distinct];
        IscoGroup = distinct == 0 ? [] : new int[distinct];
        for (var k = 0; k < distinct; k++)
        {
            IscoGroup[k] = Isco[k] / 100;
        }

        NeedsChildcare = source.Household.NeedsChildcare;
        Availability = source.Household.NoEvenings ? source.Availability.WithoutEvenings().Bits : source.Availability.Bits;
        Age = source.Age ?? -1;
        StaticRow = index.StaticRow(Education, Dutch, NeedsChildcare);

        ExcludedOffers = Excluded(source.ExcludedOfferIds, index);
        foreach (var tag in source.ExcludedTags)
        {
            if (index.TagIndex.TryGetValue(tag, out var f))
            {
                ExcludedTags ??= new ulong[index.TagWords];
                ExcludedTags[f / 64] |= 1UL << (f % 64);
            }
        }

        (NetworkOffers, NetworkCounts) = Network(source.Knows, index);

        void Raise(IReadOnlyList<string> tags, float weight, byte from)
        {
            for (var i = 0; i < tags.Count; i++)
            {
                if (index.TagIndex.TryGetValue(tags[i], out var f))
                {
                    Features[f] = MathF.Max(Features[f], weight);
                    FeatureSources[f] |= from;
                }
            }
        }
    }

    /// <summary>Flags of <see cref="FeatureSources"/>: which of the person's lists name a tag.</summary>
    public const byte FromInterests = 1, FromGiving = 2, FromTalents = 4, FromWishes = 8;

    public Person Source { get; }

    /// <summary>For each tag, which of the person's lists name it (so a reason finds its kind without comparing strings).</summary>
    public byte[] FeatureSources { get; }

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

    /// <summary>The excluded offers' positions, ascending and distinct.</summary>
    private static int[] Excluded(IReadOnlyCollection<string> ids, MatchingIndex index)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        var excluded = new int[ids.Count];
        var n = 0;
        foreach (var id in ids)
        {
            if (index.OfferIndex.TryGetValue(id, out var j))
            {
                excluded[n++] = j;
            }
        }

        return SortedDistinct(excluded, n, counts: null);
    }

    /// <summary>
    /// The offers where the person knows someone, ascending, with how many distinct people they know there: every
    /// known person's offers gathered in one array, sorted, and counted in runs (no dictionaries, no LINQ).
    /// </summary>
    private static (int[] Offers, int[] Counts) Network(IReadOnlyList<string> knows, MatchingIndex index)
    {
        if (knows.Count == 0)
        {
            return ([], []);
        }

        var total = 0;
        for (var i = 0; i < knows.Count; i++)
        {
            if (IsRepeat(knows, i))
            {
                continue;
            }

            if (index.OffersByMember.TryGetValue(knows[i], out var offers))
            {
                total += offers.Length;
            }
        }

        if (total == 0)
        {
            return ([], []);
        }

        var all = new int[total];
        var n = 0;
        for (var i = 0; i < knows.Count; i++)
        {
            if (!IsRepeat(knows, i) && index.OffersByMember.TryGetValue(knows[i], out var offers))
            {
                offers.CopyTo(all, n);
                n += offers.Length;
            }
        }

        var counts = new int[n];
        var distinct = SortedDistinct(all, n, counts);
        return (distinct, distinct.Length == counts.Length ? counts : counts[..distinct.Length]);

        // A person named twice counts once, as before (the list is short, so a look back is cheaper than a set).
        static bool IsRepeat(IReadOnlyList<string> ids, int i)
        {
            for (var k = 0; k < i; k++)
            {
                if (string.Equals(ids[k], ids[i], StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>The first <paramref name="n"/> values sorted and without repeats; <paramref name="counts"/> gets each value's number of repeats.</summary>
    private static int[] SortedDistinct(int[] values, int n, int[]? counts)
    {
        Array.Sort(values, 0, n);
        var distinct = 0;
        for (var i = 0; i < n; i++)
        {
            if (distinct > 0 && values[distinct - 1] == values[i])
            {
                if (counts is not null)
                {
                    counts[distinct - 1]++;
                }

                continue;
            }

            values[distinct] = values[i];
            if (counts is not null)
            {
                counts[distinct] = 1;
            }

            distinct++;
        }

        return distinct == values.Length ? values : values[..distinct];
    }
}
