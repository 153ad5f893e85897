using System.Runtime.CompilerServices;

namespace Thuis.Matching;

/// <summary>A person translated into the index's terms: tag weights over its vocabulary, language bit masks, plain numbers.</summary>
internal sealed class PreparedPerson
{
    private PreparedPerson(MatchingIndex index)
    {
        Features = new float[index.FeatureCount];
        FeatureSources = new byte[index.FeatureCount];
    }

    /// <summary>Translates <paramref name="source"/> into this instance, overwriting whoever it held before.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Fill(Person source, MatchingIndex index)
    {
        Source = source;
        var weights = index.Weights;
        Array.Clear(Features);
        Array.Clear(FeatureSources);
        Raise(source.Interests, weights.Interest, FromInterests);
        Raise(source.CanGive, weights.Giving, FromGiving);
        Raise(source.Talents, weights.Talent, FromTalents);
        Raise(source.Wishes, weights.Wish, FromWishes);
        Raise(source.Profile, weights.Interest, FromProfile);

        (X, Y, Located) = (0f, 0f, 0f);
        if (source.Location is { } home)
        {
            (X, Y) = index.Project(home);
            Located = 1f;
        }

        Array.Clear(LanguageAtLevel);
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
        Span<int> codes = occupations.Count <= 16 ? stackalloc int[occupations.Count] : new int[occupations.Count];
        var distinct = 0;
        for (var i = 0; i < occupations.Count; i++)
        {
            var code = MatchingIndex.ParseIsco(occupations[i].IscoCode);
            if (code > 0 && !codes[..distinct].Contains(code))
            {
                codes[distinct++] = code;
            }
        }

        // The arrays' lengths are the counts the kernels loop over, so they are reused only when the count is the same.
        Isco = Isco.Length == distinct ? Isco : new int[distinct];
        IscoGroup = IscoGroup.Length == distinct ? IscoGroup : new int[distinct];
        var ownLevel = (int)WorkLevels.OfSchooling(source);
        Fields = 0;
        for (var k = 0; k < distinct; k++)
        {
            Isco[k] = codes[k];
            IscoGroup[k] = codes[k] / 100;
            Fields |= WorkLevels.FieldsOf(codes[k]);
            ownLevel = Math.Max(ownLevel, (int)WorkLevels.OfIsco(codes[k]));
        }

        Level = ownLevel;
        PaidWork = source.PiezoPhase is not { } phase || phase >= FirstPhaseForPaidWork || source.WorkIsTheGoal;
        SteppingStones = SteppingStones.Length == source.SteppingStones.Count ? SteppingStones : new int[source.SteppingStones.Count];
        for (var k = 0; k < SteppingStones.Length; k++)
        {
            SteppingStones[k] = MatchingIndex.ParseIsco(source.SteppingStones[k].IscoCode);
        }

        NeedsChildcare = source.Household.NeedsChildcare;
        Availability = source.Household.NoEvenings ? source.Availability.WithoutEvenings().Bits : source.Availability.Bits;
        Age = source.Age ?? -1;
        StaticRow = index.StaticRow(Level, Dutch, NeedsChildcare);

        ExcludedOffers = Excluded(source.ExcludedOfferIds, index);
        if (ExcludedTags is { } earlier)
        {
            Array.Clear(earlier);
            _spareExcludedTags = earlier;
            ExcludedTags = null;
        }

        foreach (var tag in source.ExcludedTags)
        {
            if (index.TagIndex.TryGetValue(tag, out var f))
            {
                ExcludedTags ??= _spareExcludedTags?.Length == index.TagWords ? _spareExcludedTags : new ulong[index.TagWords];
                ExcludedTags[f / 64] |= 1UL << (f % 64);
            }
        }

        Network(source.Knows, index);

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
    public const byte FromInterests = 1, FromGiving = 2, FromTalents = 4, FromWishes = 8, FromProfile = 16;

    public Person Source { get; private set; } = null!;

    /// <summary>For each tag, which of the person's lists name it (so a reason finds its kind without comparing strings).</summary>
    public byte[] FeatureSources { get; }

    public float[] Features { get; }

    public float X { get; private set; }

    public float Y { get; private set; }

    /// <summary>1 when we know where the person lives, else 0 (distance then counts for nothing).</summary>
    public float Located { get; private set; }

    /// <summary>Languages spoken at each CEFR level or better, as bits of the index's languages.</summary>
    public ulong[] LanguageAtLevel { get; } = new ulong[7];

    /// <summary>
    /// <see cref="LanguageAtLevel"/> split into low and high words and widened to sixteen lanes, so a vector kernel
    /// looks up the level each offer asks for with one permute.
    /// </summary>
    public uint[] RequiredLow { get; } = new uint[16];

    public uint[] RequiredHigh { get; } = new uint[16];

    public uint LanguageLow { get; private set; }

    public uint LanguageHigh { get; private set; }

    public int Education { get; private set; }

    /// <summary>The person's skill level (0 unknown, 1–4): the higher of their education and former occupations.</summary>
    public int Level { get; private set; }

    /// <summary>The field families of their former occupations, as bits.</summary>
    public uint Fields { get; private set; }

    /// <summary>Whether paid jobs are for now: no Piëzo phase recorded, phase 3 or later, or work is the plan's goal.</summary>
    public bool PaidWork { get; private set; }

    /// <summary>The ISCO codes their plan chose as stepping stones, in the plan's order.</summary>
    public int[] SteppingStones { get; private set; } = [];

    /// <summary>The first Piëzo phase in which paid jobs are suggested without work being the plan's goal (3: learning work at partner organisations).</summary>
    public const int FirstPhaseForPaidWork = 3;

    public int Dutch { get; private set; }

    public int[] Isco { get; private set; } = [];

    public int[] IscoGroup { get; private set; } = [];

    public bool NeedsChildcare { get; private set; }

    public uint Availability { get; private set; }

    public int Age { get; private set; }

    /// <summary>The index's level fit, Dutch fit and offer constants for this person's class (see <see cref="MatchingIndex.StaticRow"/>).</summary>
    public float[] StaticRow { get; private set; } = [];

    public int[] ExcludedOffers { get; private set; } = [];

    public ulong[]? ExcludedTags { get; private set; }

    /// <summary>Offers where the person knows someone, ascending, with how many they know there.</summary>
    public int[] NetworkOffers { get; private set; } = [];

    public int[] NetworkCounts { get; private set; } = [];

    // The excluded tags' words of an earlier person, kept for the next one who excludes a tag.
    private ulong[]? _spareExcludedTags;

    // Where the offers of everyone the person knows are gathered and counted.
    private int[] _gathered = [];
    private int[] _counted = [];

    public static PreparedPerson Create(Person person, MatchingIndex index) => Create(person, index, reuse: null);

    /// <summary>
    /// <paramref name="person"/> prepared in <paramref name="reuse"/> when it was made for a pool with as many
    /// features (its arrays are then overwritten, not made again), else in a new instance.
    /// </summary>
    public static PreparedPerson Create(Person person, MatchingIndex index, PreparedPerson? reuse)
    {
        var prepared = reuse is not null && reuse.Features.Length == index.FeatureCount ? reuse : new PreparedPerson(index);
        prepared.Fill(person, index);
        return prepared;
    }

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

        var distinct = SortedDistinct(excluded.AsSpan(0, n), []);
        return distinct == excluded.Length ? excluded : excluded[..distinct];
    }

    /// <summary>
    /// The offers where the person knows someone, ascending, with how many distinct people they know there: every
    /// known person's offers gathered in one array, sorted, and counted in runs (no dictionaries, no LINQ). The
    /// gathering arrays stay with the instance for the next person.
    /// </summary>
    private void Network(IReadOnlyList<string> knows, MatchingIndex index)
    {
        var total = 0;
        for (var i = 0; i < knows.Count; i++)
        {
            if (!IsRepeat(knows, i) && index.OffersByMember.TryGetValue(knows[i], out var offers))
            {
                total += offers.Length;
            }
        }

        if (total == 0)
        {
            (NetworkOffers, NetworkCounts) = ([], []);
            return;
        }

        if (_gathered.Length < total)
        {
            _gathered = new int[total];
            _counted = new int[total];
        }

        var n = 0;
        for (var i = 0; i < knows.Count; i++)
        {
            if (!IsRepeat(knows, i) && index.OffersByMember.TryGetValue(knows[i], out var offers))
            {
                offers.CopyTo(_gathered, n);
                n += offers.Length;
            }
        }

        var distinct = SortedDistinct(_gathered.AsSpan(0, n), _counted);

        // The arrays' lengths are the counts read elsewhere, so they are reused only when the count is the same.
        NetworkOffers = NetworkOffers.Length == distinct ? NetworkOffers : new int[distinct];
        NetworkCounts = NetworkCounts.Length == distinct ? NetworkCounts : new int[distinct];
        _gathered.AsSpan(0, distinct).CopyTo(NetworkOffers);
        _counted.AsSpan(0, distinct).CopyTo(NetworkCounts);

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

    /// <summary>
    /// Sorts <paramref name="values"/> and moves the distinct ones to its start; <paramref name="counts"/> (empty, or
    /// as long) gets each one's number of repeats. Returns how many are distinct.
    /// </summary>
    private static int SortedDistinct(Span<int> values, Span<int> counts)
    {
        values.Sort();
        var distinct = 0;
        for (var i = 0; i < values.Length; i++)
        {
            if (distinct > 0 && values[distinct - 1] == values[i])
            {
                if (!counts.IsEmpty)
                {
                    counts[distinct - 1]++;
                }

                continue;
            }

            values[distinct] = values[i];
            if (!counts.IsEmpty)
            {
                counts[distinct] = 1;
            }

            distinct++;
        }

        return distinct;
    }
}
