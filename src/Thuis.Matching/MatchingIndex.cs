using System.Globalization;

namespace Thuis.Matching;

/// <summary>
/// The offers of one pool laid out for fast scoring: one array per property (structure of arrays), the tag
/// weights transposed into blocks of sixteen offers so that one vector instruction scores sixteen (or, on machines
/// without 512-bit vectors, two instructions score eight each).
/// Offers are ordered by id, so the offer's position breaks ties deterministically. Build it once per pool and
/// reuse it for every person.
/// </summary>
public sealed class MatchingIndex
{
    internal const int Lanes = 16;

    // Offers are padded to a multiple of 64 so the widest kernel (four blocks of sixteen) never needs a tail loop.
    private const int Padding = 64;

    private const double KmPerDegreeLatitude = 110.574;
    private const double KmPerDegreeLongitudeAtEquator = 111.320;

    private readonly Offer[] _offers;

    // The parts of a score that depend only on the offer and on a person's skill level, Dutch and need for childcare,
    // one row per such class of person, made when a person of that class is first scored.
    private readonly float[]?[] _staticRows = new float[]?[StaticClasses];

    private const int StaticLevels = 7;

    private const int SkillLevels = 5;

    private const int StaticClasses = SkillLevels * StaticLevels * 2;

    private MatchingIndex(IEnumerable<Offer> offers, MatchingWeights weights)
    {
        Weights = weights;
        _offers = [.. offers.OrderBy(o => o.Id, StringComparer.Ordinal)];
        Count = _offers.Length;
        for (var i = 1; i < Count; i++)
        {
            if (string.Equals(_offers[i - 1].Id, _offers[i].Id, StringComparison.Ordinal))
            {
                throw new ArgumentException($"Offer id '{_offers[i].Id}' occurs more than once.", nameof(offers));
            }
        }

        Padded = (Count + Padding - 1) / Padding * Padding;
        if (Padded == 0)
        {
            Padded = Padding;
        }

        Blocks = Padded / Lanes;

        Tags = [.. _offers.SelectMany(o => o.Tags.Concat(o.PreferredTags)).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase)];
        TagIndex = Tags.Select((t, i) => (t, i)).ToDictionary(x => x.t, x => x.i, StringComparer.OrdinalIgnoreCase);
        FeatureCount = Tags.Length;
        TagWords = Math.Max(1, (FeatureCount + 63) / 64);

        LanguageNames = [.. _offers.SelectMany(o => o.Languages).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase)];
        if (LanguageNames.Length > 64)
        {
            throw new ArgumentException("A pool of offers can name at most 64 different languages.", nameof(offers));
        }

        LanguageIndex = LanguageNames.Select((l, i) => (l, i)).ToDictionary(x => x.l, x => x.i, StringComparer.OrdinalIgnoreCase);

        var located = _offers.Where(o => o.Location is not null).ToList();
        var meanLatitude = located.Count == 0 ? 52.1 : located.Average(o => o.Location!.Value.Latitude);
        KmPerDegreeLongitude = KmPerDegreeLongitudeAtEquator * Math.Cos(meanLatitude * Math.PI / 180);

        Features = new float[Padded * FeatureCount];
        TagBytes = new byte[Padded * FeatureCount];
        X = new float[Padded];
        Y = new float[Padded];
        Located = new float[Padded];
        LanguageLow = new uint[Padded];
        LanguageHigh = new uint[Padded];
        Level = new int[Padded];
        Fields = new uint[Padded];
        Dutch = new int[Padded];
        Isco = new int[Padded];
        IscoGroup = new int[Padded];
        Constant = new float[Padded];
        ConstantWithChildcare = new float[Padded];
        Schedule = new uint[Padded];
        Capacity = new int[Padded];
        LanguageMask = new ulong[Count];
        RequiredLevel = new int[Padded];
        RequiredLow = new uint[Padded];
        RequiredHigh = new uint[Padded];
        MinAge = new int[Padded];
        MaxAge = new int[Padded];
        TagMask = new ulong[Count * TagWords];
        PreferredMask = new ulong[Count * TagWords];

        var members = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var j = 0; j < Padded; j++)
        {
            if (j >= Count)
            {
                // Padding never wins: minus infinity stays minus infinity whatever is added to it.
                IscoGroup[j] = -1;
                Constant[j] = float.NegativeInfinity;
                ConstantWithChildcare[j] = float.NegativeInfinity;
                RequiredLevel[j] = NoLanguageRequired;
                RequiredLow[j] = uint.MaxValue;
                MinAge[j] = int.MinValue;
                MaxAge[j] = int.MaxValue;
                continue;
            }

            var offer = _offers[j];
            foreach (var tag in offer.PreferredTags)
            {
                var f = TagIndex[tag];
                PreferredMask[(j * TagWords) + (f / 64)] |= 1UL << (f % 64);
            }

            foreach (var tag in offer.Tags.Concat(offer.PreferredTags))
            {
                var f = TagIndex[tag];
                Features[(j / Lanes * FeatureCount * Lanes) + (f * Lanes) + (j % Lanes)] = 1f;
                TagBytes[(j / Lanes * FeatureCount * Lanes) + (f * Lanes) + (j % Lanes)] = 1;
                TagMask[(j * TagWords) + (f / 64)] |= 1UL << (f % 64);
            }

            if (offer.Location is { } place)
            {
                (X[j], Y[j]) = Project(place);
                Located[j] = 1f;
            }

            foreach (var language in offer.Languages)
            {
                LanguageMask[j] |= 1UL << LanguageIndex[language];
            }

            LanguageLow[j] = (uint)LanguageMask[j];
            LanguageHigh[j] = (uint)(LanguageMask[j] >> 32);
            Level[j] = (int)WorkLevels.OfOffer(offer);
            Dutch[j] = (int)offer.DutchNeeded;
            Isco[j] = ParseIsco(offer.Occupation?.IscoCode);
            IscoGroup[j] = Isco[j] > 0 ? Isco[j] / 100 : -1;
            Fields[j] = WorkLevels.FieldsOf(Isco[j]);
            var (lowThreshold, cost, childcare) = OfferConstants(offer, weights);
            Constant[j] = lowThreshold + cost;
            ConstantWithChildcare[j] = lowThreshold + cost + childcare;
            Schedule[j] = offer.Schedule.Bits;
            Capacity[j] = offer.Capacity;
            RequiredLevel[j] = offer.LanguageInCommonRequired ? Math.Clamp((int)offer.LanguageMinLevel, 0, StaticLevels - 1) : NoLanguageRequired;
            RequiredLow[j] = offer.LanguageInCommonRequired ? LanguageLow[j] : uint.MaxValue;
            RequiredHigh[j] = offer.LanguageInCommonRequired ? LanguageHigh[j] : 0;
            HasRequiredLanguages |= offer.LanguageInCommonRequired;
            MinAge[j] = offer.MinAge ?? int.MinValue;
            MaxAge[j] = offer.MaxAge ?? int.MaxValue;
            HasAgeLimits |= offer.MinAge is not null || offer.MaxAge is not null;
            foreach (var member in offer.Members.Distinct(StringComparer.Ordinal))
            {
                if (!members.TryGetValue(member, out var list))
                {
                    members[member] = list = [];
                }

                list.Add(j);
            }
        }

        OffersByMember = members.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal);
        // Each offer's tags in ascending order, one slot per tag (255 where an offer has fewer), for the one-person
        // kernel: adding the person's weights of an offer's tags in that order is what the dense multiply-adds do.
        TagSlots = 0;
        for (var j = 0; j < Count; j++)
        {
            TagSlots = Math.Max(TagSlots, OfferTags(j).Count());
        }

        SparseTags = new byte[Blocks * TagSlots * Lanes];
        Array.Fill(SparseTags, byte.MaxValue);
        if (FeatureCount <= SparseFeatureLimit)
        {
            for (var j = 0; j < Count; j++)
            {
                var slot = 0;
                foreach (var f in OfferTags(j))
                {
                    SparseTags[(((j / Lanes * TagSlots) + slot) * Lanes) + (j % Lanes)] = (byte)f;
                    slot++;
                }
            }
        }

        OffersByTag = [.. Enumerable.Range(0, FeatureCount).Select(f => Enumerable.Range(0, Count).Where(j => (TagMask[(j * TagWords) + (f / 64)] & (1UL << (f % 64))) != 0).ToArray())];
        OffersByKind = [.. Enum.GetValues<OfferKind>().Select(kind => Enumerable.Range(0, Count).Where(j => _offers[j].Kind == kind).ToArray())];
        WorkUpTo = [.. Enumerable.Range(0, SkillLevels).Select(level => Enumerable.Range(0, Count).Where(j => Level[j] > 0 && Level[j] <= level).ToArray())];
        WorkUpToFields = [.. WorkUpTo.Select(offers => offers.Select(j => Fields[j]).ToArray())];
        WorkUpToGroups = [.. WorkUpTo.Select(offers => offers.Select(j => IscoGroup[j]).ToArray())];
        Jobs = OffersByKind[(int)OfferKind.Job];
        OneLanguageWord = LanguageNames.Length <= 32;
        OfferLanguages = new int[Count][];
        for (var j = 0; j < Count; j++)
        {
            var languages = _offers[j].Languages;
            OfferLanguages[j] = languages.Count == 0 ? [] : new int[languages.Count];
            for (var i = 0; i < languages.Count; i++)
            {
                OfferLanguages[j][i] = LanguageIndex[languages[i]];
            }
        }

        Texts = new ReasonTexts(this);
        OfferIndex = _offers.Select((o, i) => (o.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);

        var minutesPerKm = 60f / weights.BikeKilometresPerHour;
        DistancePerKm = weights.Distance * minutesPerKm / weights.NeutralBikeMinutes;
    }

    /// <summary>The offers in id order.</summary>
    public IReadOnlyList<Offer> Offers => _offers;

    public MatchingWeights Weights { get; }

    internal int Count { get; }

    internal int Padded { get; }

    internal int Blocks { get; }

    internal int FeatureCount { get; }

    internal int TagWords { get; }

    internal string[] Tags { get; }

    /// <summary>Per offer, the tags it asks of a person (its <see cref="Offer.PreferredTags"/>), as bits like the tag mask.</summary>
    internal ulong[] PreferredMask { get; }

    internal Dictionary<string, int> TagIndex { get; }

    internal string[] LanguageNames { get; }

    internal Dictionary<string, int> LanguageIndex { get; }

    internal Dictionary<string, int[]> OffersByMember { get; }

    internal Dictionary<string, int> OfferIndex { get; }

    internal double KmPerDegreeLongitude { get; }

    internal float DistancePerKm { get; }

    // Scored for every pair, in blocks of eight lanes:
    internal float[] Features { get; }

    /// <summary>
    /// The same 0/1 features as <see cref="Features"/>, one byte each: the vector kernels widen them to exactly the
    /// same floats, so their scores stay bit for bit the same while they read a quarter of the bytes.
    /// </summary>
    internal byte[] TagBytes { get; }

    /// <summary>The most tags any offer has.</summary>
    internal int TagSlots { get; }

    /// <summary>
    /// Per block of offers, slot by slot, each offer's tag numbers in ascending order (255 for an empty slot); filled
    /// only when there are at most <see cref="SparseFeatureLimit"/> features, so a person's weights fit two vectors.
    /// </summary>
    internal byte[] SparseTags { get; }

    /// <summary>Whether the one-person kernel can add each offer's few tags instead of multiplying all features.</summary>
    internal bool Sparse => FeatureCount <= SparseFeatureLimit && TagSlots <= MaxSparseSlots;

    internal const int SparseFeatureLimit = 32;

    internal const int MaxSparseSlots = 8;

    /// <summary>The features an offer has, in ascending order.</summary>
    private IEnumerable<int> OfferTags(int offer)
    {
        for (var f = 0; f < FeatureCount; f++)
        {
            if (TagBytes[(offer / Lanes * FeatureCount * Lanes) + (f * Lanes) + (offer % Lanes)] != 0)
            {
                yield return f;
            }
        }
    }

    internal float[] X { get; }

    internal float[] Y { get; }

    /// <summary>1 where the offer's place is known, 0 where it is not: an unknown place must neither help nor hurt.</summary>
    internal float[] Located { get; }

    internal uint[] LanguageLow { get; }

    internal uint[] LanguageHigh { get; }

    /// <summary>The skill level (1–4) each offer's work asks for; 0 for offers that are not work or whose level is unknown.</summary>
    internal int[] Level { get; }

    /// <summary>The field families of each offer's occupation, as bits (see <see cref="WorkLevels"/>).</summary>
    internal uint[] Fields { get; }

    /// <summary>Per skill level, the work whose level is known and at most that level: what may lie too far below someone.</summary>
    internal int[][] WorkUpTo { get; }

    /// <summary>The field families of <see cref="WorkUpTo"/>'s offers, in the same order (read one after the other, not by offer).</summary>
    internal uint[][] WorkUpToFields { get; }

    /// <summary>The ISCO sub-major groups of <see cref="WorkUpTo"/>'s offers, in the same order.</summary>
    internal int[][] WorkUpToGroups { get; }

    /// <summary>The paid jobs.</summary>
    internal int[] Jobs { get; }

    internal int[] Dutch { get; }

    internal int[] Isco { get; }

    internal int[] IscoGroup { get; }

    internal float[] Constant { get; }

    internal float[] ConstantWithChildcare { get; }

    internal uint[] Schedule { get; }

    internal int[] Capacity { get; }

    /// <summary>
    /// For an offer that requires a language in common: the CEFR level asked; otherwise <see cref="NoLanguageRequired"/>,
    /// which looks up a lane of all ones so that the check always passes.
    /// </summary>
    internal int[] RequiredLevel { get; }

    internal const int NoLanguageRequired = 7;

    /// <summary>The languages of an offer that requires one in common; all ones (low word) where none is required.</summary>
    internal uint[] RequiredLow { get; }

    internal uint[] RequiredHigh { get; }

    internal bool HasRequiredLanguages { get; }

    internal int[] MinAge { get; }

    internal int[] MaxAge { get; }

    internal bool HasAgeLimits { get; }

    /// <summary>At most 32 languages: the high words of the language masks are all zero and need no work.</summary>
    internal bool OneLanguageWord { get; }

    /// <summary>For each tag, the offers that carry it (to drop them quickly for a person who excluded the tag).</summary>
    internal int[][] OffersByTag { get; }

    internal int[][] OffersByKind { get; }

    internal ReasonTexts Texts { get; }

    internal ulong[] LanguageMask { get; }

    /// <summary>Each offer's languages as bits of the index's languages, in the offer's own order (for the language reason).</summary>
    internal int[][] OfferLanguages { get; }

    internal ulong[] TagMask { get; }

    internal Offer Offer(int j) => _offers[j];

    /// <summary>
    /// Level fit, Dutch fit and the offer's constants summed for every offer, for one class of person; minus infinity where
    /// the offer has no place left or asks more Dutch. Rows are shared by every person of the class; work too far below
    /// the person's level and paid jobs before their phase depend on the person's own field and plan, and are left out
    /// afterwards (<see cref="Scorer"/>).
    /// </summary>
    internal float[] StaticRow(int level, int dutch, bool childcare)
    {
        if ((uint)level >= SkillLevels || (uint)dutch >= StaticLevels)
        {
            return ComputeStaticRow(level, dutch, childcare);
        }

        var slot = (((level * StaticLevels) + dutch) * 2) + (childcare ? 1 : 0);
        var row = Volatile.Read(ref _staticRows[slot]);
        if (row is null)
        {
            row = ComputeStaticRow(level, dutch, childcare);
            row = Interlocked.CompareExchange(ref _staticRows[slot], row, null) ?? row;
        }

        return row;
    }

    private float[] ComputeStaticRow(int level, int dutch, bool childcare)
    {
        var row = new float[Padded];
        for (var j = 0; j < Padded; j++)
        {
            row[j] = j >= Count || Capacity[j] <= 0 || dutch < Dutch[j] ? float.NegativeInfinity : Scorer.StaticPart(this, level, dutch, childcare, j);
        }

        return row;
    }

    internal static bool IsWork(OfferKind kind) => kind is OfferKind.Job or OfferKind.Internship;

    /// <summary>Lays out a pool of offers for scoring.</summary>
    public static MatchingIndex Build(IEnumerable<Offer> offers, MatchingWeights? weights = null)
    {
        ArgumentNullException.ThrowIfNull(offers);
        return new MatchingIndex(offers, weights ?? MatchingWeights.Default);
    }

    internal (float X, float Y) Project(GeoPoint point) =>
        ((float)(point.Longitude * KmPerDegreeLongitude), (float)(point.Latitude * KmPerDegreeLatitude));

    internal static int ParseIsco(string? code) =>
        code is { Length: > 0 } && int.TryParse(code, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : 0;

    internal static (float LowThreshold, float Cost, float Childcare) OfferConstants(Offer offer, MatchingWeights weights)
    {
        var lowThreshold = offer.LowThreshold ? weights.LowThreshold : 0f;
        var cost = -MathF.Min((float)offer.Cost * weights.CostPerEuro, weights.MaxCostPenalty);
        var childcare = offer.Childcare ? weights.ChildcareProvided : -weights.ChildcareMissing;
        return (lowThreshold, cost == 0f ? 0f : cost, childcare);
    }
}
