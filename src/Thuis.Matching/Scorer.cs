using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Thuis.Matching;

/// <summary>
/// Scores people against a <see cref="MatchingIndex"/> and keeps each person's best offers.
/// Every pair gets the dense part of its score (tags, distance, language, level, Dutch, occupation, the offer's own
/// constants) in vector lanes; hard constraints and the sparse network bonus are checked only for the few pairs
/// that could still enter a person's top list. A plain scalar reference computes the same float operations in the
/// same order, so both give bit-identical scores.
/// </summary>
internal static class Scorer
{
    private const int L = MatchingIndex.Lanes;

    /// <summary>The scalar dense score of one pair: the reference for the vector kernels.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static float DenseScore(MatchingIndex ix, PreparedPerson p, int j)
    {
        var w = ix.Weights;
        var f = ix.FeatureCount;
        var acc = 0f;
        var block = j / L * f * L;
        var lane = j % L;
        for (var t = 0; t < f; t++)
        {
            acc = MathF.FusedMultiplyAdd(p.Features[t], ix.Features[block + (t * L) + lane], acc);
        }

        var dx = ix.X[j] - p.X;
        var dy = ix.Y[j] - p.Y;
        var d = MathF.Sqrt(MathF.FusedMultiplyAdd(dx, dx, dy * dy));
        var distance = MathF.Max(w.Distance - (d * ix.DistancePerKm), -w.Distance) * ix.Located[j] * p.Located;
        var language = ((p.LanguageLow & ix.LanguageLow[j]) | (p.LanguageHigh & ix.LanguageHigh[j])) == 0 ? 0f : w.SharedLanguage;
        var gap = p.Education - ix.JobLevel[j];
        var level = gap > 1 ? -w.LevelFit * (gap - 1f) : gap < -1 ? -w.LevelFit : w.LevelFit;
        level = ix.JobLevel[j] >= 0 ? level : 0f;
        var dutch = p.Dutch - ix.Dutch[j] <= 1 ? w.DutchFit : w.DutchFit * 0.5f;
        var occupation = 0f;
        for (var k = 0; k < p.Isco.Length; k++)
        {
            var v = ix.Isco[j] == p.Isco[k] ? w.Occupation : ix.IscoGroup[j] == p.IscoGroup[k] ? w.Occupation * 0.5f : 0f;
            occupation = MathF.Max(occupation, v);
        }

        var constant = p.NeedsChildcare ? ix.ConstantWithChildcare[j] : ix.Constant[j];
        var s = acc + distance;
        s += language;
        s += level;
        s += dutch;
        s += occupation;
        s += constant;
        return s;
    }

    public static float NetworkBonus(MatchingIndex ix, int count) => ix.Weights.KnownPerson * Math.Min(count, ix.Weights.NetworkMaxPeople);

    /// <summary>The hard constraints: a pair that fails one is never suggested, whatever its score.</summary>
    public static bool Allowed(MatchingIndex ix, PreparedPerson p, int j, IReadOnlySet<OfferKind>? kinds)
    {
        if (j >= ix.Count || ix.Capacity[j] <= 0 || (p.Availability & ix.Schedule[j]) == 0 || p.Dutch < ix.Dutch[j])
        {
            return false;
        }

        var offer = ix.Offer(j);
        if (offer.LanguageInCommonRequired && (p.LanguageAtLevel[(int)offer.LanguageMinLevel] & ix.LanguageMask[j]) == 0)
        {
            return false;
        }

        if (p.Age >= 0 && ((offer.MinAge is { } min && p.Age < min) || (offer.MaxAge is { } max && p.Age > max)))
        {
            return false;
        }

        if (kinds is not null && !kinds.Contains(offer.Kind))
        {
            return false;
        }

        if (p.ExcludedOffers.Length > 0 && Array.BinarySearch(p.ExcludedOffers, j) >= 0)
        {
            return false;
        }

        if (p.ExcludedTags is { } excluded)
        {
            for (var word = 0; word < excluded.Length; word++)
            {
                if ((excluded[word] & ix.TagMask[(j * ix.TagWords) + word]) != 0)
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>The scalar reference: every offer scored one by one.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static (int Offer, float Score)[] TopScalar(MatchingIndex ix, PreparedPerson p, int k, float floor, IReadOnlySet<OfferKind>? kinds)
    {
        var top = new TopList(k, floor);
        if (p.Source.NotNow)
        {
            return [];
        }

        for (var j = 0; j < ix.Count; j++)
        {
            if (!Allowed(ix, p, j, kinds))
            {
                continue;
            }

            var s = DenseScore(ix, p, j);
            var n = Array.BinarySearch(p.NetworkOffers, j);
            if (n >= 0)
            {
                s += NetworkBonus(ix, p.NetworkCounts[n]);
            }

            top.Offer(s, j);
        }

        return top.Sorted();
    }

    /// <summary>One person against all offers, eight blocks of eight offers at a time.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static (int Offer, float Score)[] TopVector(MatchingIndex ix, PreparedPerson p, int k, float floor, IReadOnlySet<OfferKind>? kinds)
    {
        if (p.Source.NotNow)
        {
            return [];
        }

        var top = Seed(ix, p, k, floor, kinds);
        var consts = new PersonVectors(ix, p);
        var f = ix.FeatureCount;
        var stride = f * L;
        ref var offerFeatures = ref MemoryMarshal.GetArrayDataReference(ix.Features);
        ref var personFeatures = ref MemoryMarshal.GetArrayDataReference(p.Features);
        for (var b = 0; b < ix.Blocks; b += 8)
        {
            var a0 = Vector256<float>.Zero;
            var a1 = Vector256<float>.Zero;
            var a2 = Vector256<float>.Zero;
            var a3 = Vector256<float>.Zero;
            var a4 = Vector256<float>.Zero;
            var a5 = Vector256<float>.Zero;
            var a6 = Vector256<float>.Zero;
            var a7 = Vector256<float>.Zero;
            ref var o = ref Unsafe.Add(ref offerFeatures, b * stride);
            for (var t = 0; t < f; t++)
            {
                var pv = Vector256.Create(Unsafe.Add(ref personFeatures, t));
                ref var ot = ref Unsafe.Add(ref o, t * L);
                a0 = Vector256.FusedMultiplyAdd(pv, Vector256.LoadUnsafe(ref ot), a0);
                a1 = Vector256.FusedMultiplyAdd(pv, Vector256.LoadUnsafe(ref ot, (nuint)stride), a1);
                a2 = Vector256.FusedMultiplyAdd(pv, Vector256.LoadUnsafe(ref ot, (nuint)(2 * stride)), a2);
                a3 = Vector256.FusedMultiplyAdd(pv, Vector256.LoadUnsafe(ref ot, (nuint)(3 * stride)), a3);
                a4 = Vector256.FusedMultiplyAdd(pv, Vector256.LoadUnsafe(ref ot, (nuint)(4 * stride)), a4);
                a5 = Vector256.FusedMultiplyAdd(pv, Vector256.LoadUnsafe(ref ot, (nuint)(5 * stride)), a5);
                a6 = Vector256.FusedMultiplyAdd(pv, Vector256.LoadUnsafe(ref ot, (nuint)(6 * stride)), a6);
                a7 = Vector256.FusedMultiplyAdd(pv, Vector256.LoadUnsafe(ref ot, (nuint)(7 * stride)), a7);
            }

            Finish(ix, p, in consts, top, kinds, b, a0);
            Finish(ix, p, in consts, top, kinds, b + 1, a1);
            Finish(ix, p, in consts, top, kinds, b + 2, a2);
            Finish(ix, p, in consts, top, kinds, b + 3, a3);
            Finish(ix, p, in consts, top, kinds, b + 4, a4);
            Finish(ix, p, in consts, top, kinds, b + 5, a5);
            Finish(ix, p, in consts, top, kinds, b + 6, a6);
            Finish(ix, p, in consts, top, kinds, b + 7, a7);
        }

        return top.Sorted();
    }

    /// <summary>
    /// Many people at once: four people against two blocks of eight offers share every load, which keeps the
    /// multiply-add units busy instead of waiting on memory. Each person's list is the same as from <see cref="TopVector"/>.
    /// </summary>
    public static (int Offer, float Score)[][] TopMany(MatchingIndex ix, IReadOnlyList<PreparedPerson> people, int k, float floor, int threads)
    {
        var results = new (int Offer, float Score)[people.Count][];
        const int GroupSize = 4;
        var groups = (people.Count + GroupSize - 1) / GroupSize;
        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads) };
        Parallel.For(0, groups, options, g => ScoreGroup(ix, people, g * GroupSize, k, floor, results));
        return results;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ScoreGroup(MatchingIndex ix, IReadOnlyList<PreparedPerson> people, int first, int k, float floor, (int Offer, float Score)[][] results)
    {
        var f = ix.FeatureCount;
        var stride = f * L;
        var members = new PreparedPerson[4];
        var tops = new TopList?[4];
        var packed = new float[4 * Math.Max(f, 1)];
        for (var r = 0; r < 4; r++)
        {
            // A short last group repeats its last person; the repeats' lists are thrown away.
            var i = Math.Min(first + r, people.Count - 1);
            members[r] = people[i];
            if (first + r < people.Count && !people[i].Source.NotNow)
            {
                tops[r] = Seed(ix, people[i], k, floor, null);
            }

            Array.Copy(people[i].Features, 0, packed, r * f, f);
        }

        var c0 = new PersonVectors(ix, members[0]);
        var c1 = new PersonVectors(ix, members[1]);
        var c2 = new PersonVectors(ix, members[2]);
        var c3 = new PersonVectors(ix, members[3]);
        ref var offerFeatures = ref MemoryMarshal.GetArrayDataReference(ix.Features);
        ref var pf = ref MemoryMarshal.GetArrayDataReference(packed);
        for (var b = 0; b < ix.Blocks; b += 2)
        {
            var a00 = Vector256<float>.Zero;
            var a01 = Vector256<float>.Zero;
            var a10 = Vector256<float>.Zero;
            var a11 = Vector256<float>.Zero;
            var a20 = Vector256<float>.Zero;
            var a21 = Vector256<float>.Zero;
            var a30 = Vector256<float>.Zero;
            var a31 = Vector256<float>.Zero;
            ref var o = ref Unsafe.Add(ref offerFeatures, b * stride);
            for (var t = 0; t < f; t++)
            {
                ref var ot = ref Unsafe.Add(ref o, t * L);
                var o0 = Vector256.LoadUnsafe(ref ot);
                var o1 = Vector256.LoadUnsafe(ref ot, (nuint)stride);
                var p0 = Vector256.Create(Unsafe.Add(ref pf, t));
                var p1 = Vector256.Create(Unsafe.Add(ref pf, f + t));
                var p2 = Vector256.Create(Unsafe.Add(ref pf, (2 * f) + t));
                var p3 = Vector256.Create(Unsafe.Add(ref pf, (3 * f) + t));
                a00 = Vector256.FusedMultiplyAdd(p0, o0, a00);
                a01 = Vector256.FusedMultiplyAdd(p0, o1, a01);
                a10 = Vector256.FusedMultiplyAdd(p1, o0, a10);
                a11 = Vector256.FusedMultiplyAdd(p1, o1, a11);
                a20 = Vector256.FusedMultiplyAdd(p2, o0, a20);
                a21 = Vector256.FusedMultiplyAdd(p2, o1, a21);
                a30 = Vector256.FusedMultiplyAdd(p3, o0, a30);
                a31 = Vector256.FusedMultiplyAdd(p3, o1, a31);
            }

            if (tops[0] is { } t0)
            {
                Finish(ix, members[0], in c0, t0, null, b, a00);
                Finish(ix, members[0], in c0, t0, null, b + 1, a01);
            }

            if (tops[1] is { } t1)
            {
                Finish(ix, members[1], in c1, t1, null, b, a10);
                Finish(ix, members[1], in c1, t1, null, b + 1, a11);
            }

            if (tops[2] is { } t2)
            {
                Finish(ix, members[2], in c2, t2, null, b, a20);
                Finish(ix, members[2], in c2, t2, null, b + 1, a21);
            }

            if (tops[3] is { } t3)
            {
                Finish(ix, members[3], in c3, t3, null, b, a30);
                Finish(ix, members[3], in c3, t3, null, b + 1, a31);
            }
        }

        for (var r = 0; r < 4 && first + r < people.Count; r++)
        {
            results[first + r] = tops[r]?.Sorted() ?? [];
        }
    }

    /// <summary>Offers where the person knows someone get their exact score (with the bonus) up front; the kernels skip them.</summary>
    private static TopList Seed(MatchingIndex ix, PreparedPerson p, int k, float floor, IReadOnlySet<OfferKind>? kinds)
    {
        var top = new TopList(k, floor);
        for (var n = 0; n < p.NetworkOffers.Length; n++)
        {
            var j = p.NetworkOffers[n];
            if (Allowed(ix, p, j, kinds))
            {
                top.Offer(DenseScore(ix, p, j) + NetworkBonus(ix, p.NetworkCounts[n]), j);
            }
        }

        return top;
    }

    /// <summary>Adds the non-tag parts of the score for one block of eight offers and offers the lanes that pass the threshold.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Finish(MatchingIndex ix, PreparedPerson p, in PersonVectors c, TopList top, IReadOnlySet<OfferKind>? kinds, int block, Vector256<float> acc)
    {
        var j = block * L;
        var dx = Vector256.LoadUnsafe(ref ix.X[j]) - c.X;
        var dy = Vector256.LoadUnsafe(ref ix.Y[j]) - c.Y;
        var d = Vector256.Sqrt(Vector256.FusedMultiplyAdd(dx, dx, dy * dy));
        var distance = Vector256.Max(c.Distance - (d * c.DistancePerKm), c.MinusDistance) * Vector256.LoadUnsafe(ref ix.Located[j]) * c.Located;
        var shared = (c.LanguageLow & Vector256.LoadUnsafe(ref ix.LanguageLow[j])) | (c.LanguageHigh & Vector256.LoadUnsafe(ref ix.LanguageHigh[j]));
        var language = Vector256.ConditionalSelect(Vector256.Equals(shared, Vector256<uint>.Zero).AsSingle(), Vector256<float>.Zero, c.SharedLanguage);
        var jobLevel = Vector256.LoadUnsafe(ref ix.JobLevel[j]);
        var gap = c.Education - jobLevel;
        var under = c.MinusLevelFit * (Vector256.ConvertToSingle(gap) - Vector256<float>.One);
        var level = Vector256.ConditionalSelect(
            Vector256.GreaterThan(gap, Vector256<int>.One).AsSingle(),
            under,
            Vector256.ConditionalSelect(Vector256.LessThan(gap, c.MinusOne).AsSingle(), c.MinusLevelFit, c.LevelFit));
        level = Vector256.ConditionalSelect(Vector256.GreaterThanOrEqual(jobLevel, Vector256<int>.Zero).AsSingle(), level, Vector256<float>.Zero);
        var dutchNeeded = Vector256.LoadUnsafe(ref ix.Dutch[j]);
        var dutch = Vector256.ConditionalSelect(
            Vector256.LessThanOrEqual(c.Dutch - dutchNeeded, Vector256<int>.One).AsSingle(), c.DutchFit, c.DutchHalf);
        var occupation = Vector256<float>.Zero;
        if (p.Isco.Length > 0)
        {
            var isco = Vector256.LoadUnsafe(ref ix.Isco[j]);
            var group = Vector256.LoadUnsafe(ref ix.IscoGroup[j]);
            for (var k = 0; k < p.Isco.Length; k++)
            {
                var v = Vector256.ConditionalSelect(
                    Vector256.Equals(isco, Vector256.Create(p.Isco[k])).AsSingle(),
                    c.Occupation,
                    Vector256.ConditionalSelect(Vector256.Equals(group, Vector256.Create(p.IscoGroup[k])).AsSingle(), c.OccupationHalf, Vector256<float>.Zero));
                occupation = Vector256.Max(occupation, v);
            }
        }

        var constant = Vector256.LoadUnsafe(ref (p.NeedsChildcare ? ix.ConstantWithChildcare : ix.Constant)[j]);
        var s = acc + distance;
        s += language;
        s += level;
        s += dutch;
        s += occupation;
        s += constant;

        // The cheap hard constraints for every pair: some overlap in the week, enough Dutch, a place left.
        var allowed = ~Vector256.Equals(c.Availability & Vector256.LoadUnsafe(ref ix.Schedule[j]), Vector256<uint>.Zero)
            & Vector256.GreaterThanOrEqual(c.Dutch, dutchNeeded).AsUInt32()
            & Vector256.GreaterThan(Vector256.LoadUnsafe(ref ix.Capacity[j]), Vector256<int>.Zero).AsUInt32();
        var passing = (Vector256.GreaterThanOrEqual(s, Vector256.Create(top.Threshold)).AsUInt32() & allowed).ExtractMostSignificantBits();
        if (passing != 0)
        {
            Offer(ix, p, top, kinds, j, s, passing);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static void Offer(MatchingIndex ix, PreparedPerson p, TopList top, IReadOnlySet<OfferKind>? kinds, int first, Vector256<float> scores, uint passing)
    {
        while (passing != 0)
        {
            var lane = System.Numerics.BitOperations.TrailingZeroCount(passing);
            passing &= passing - 1;
            var j = first + lane;
            var score = scores.GetElement(lane);
            var check = kinds is not null || p.NeedsCheck || ix.NeedsCheck[j];
            if (score >= top.Threshold && (!check || (Allowed(ix, p, j, kinds) && Array.BinarySearch(p.NetworkOffers, j) < 0)))
            {
                top.Offer(score, j);
            }
        }
    }

    /// <summary>A person's numbers broadcast to all lanes once, rather than once per block.</summary>
    private readonly struct PersonVectors
    {
        public PersonVectors(MatchingIndex ix, PreparedPerson p)
        {
            var w = ix.Weights;
            X = Vector256.Create(p.X);
            Y = Vector256.Create(p.Y);
            Located = Vector256.Create(p.Located);
            Distance = Vector256.Create(w.Distance);
            MinusDistance = Vector256.Create(-w.Distance);
            DistancePerKm = Vector256.Create(ix.DistancePerKm);
            Availability = Vector256.Create(p.Availability);
            LanguageLow = Vector256.Create(p.LanguageLow);
            LanguageHigh = Vector256.Create(p.LanguageHigh);
            SharedLanguage = Vector256.Create(w.SharedLanguage);
            Education = Vector256.Create(p.Education);
            MinusOne = Vector256.Create(-1);
            LevelFit = Vector256.Create(w.LevelFit);
            MinusLevelFit = Vector256.Create(-w.LevelFit);
            Dutch = Vector256.Create(p.Dutch);
            DutchFit = Vector256.Create(w.DutchFit);
            DutchHalf = Vector256.Create(w.DutchFit * 0.5f);
            Occupation = Vector256.Create(w.Occupation);
            OccupationHalf = Vector256.Create(w.Occupation * 0.5f);
        }

        public Vector256<float> X { get; }

        public Vector256<float> Y { get; }

        public Vector256<float> Located { get; }

        public Vector256<float> Distance { get; }

        public Vector256<float> MinusDistance { get; }

        public Vector256<float> DistancePerKm { get; }

        public Vector256<uint> Availability { get; }

        public Vector256<uint> LanguageLow { get; }

        public Vector256<uint> LanguageHigh { get; }

        public Vector256<float> SharedLanguage { get; }

        public Vector256<int> Education { get; }

        public Vector256<int> MinusOne { get; }

        public Vector256<float> LevelFit { get; }

        public Vector256<float> MinusLevelFit { get; }

        public Vector256<int> Dutch { get; }

        public Vector256<float> DutchFit { get; }

        public Vector256<float> DutchHalf { get; }

        public Vector256<float> Occupation { get; }

        public Vector256<float> OccupationHalf { get; }
    }
}
