using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Thuis.Matching;

/// <summary>The 512-bit kernels: sixteen offers per instruction, one block of the index per vector.</summary>
internal static class Kernels512
{
    private const int L = MatchingIndex.Lanes;

    /// <summary>
    /// Every part of a person's scores except the tags, in the order of <see cref="Scorer.DenseScore"/>, or minus
    /// infinity where a hard constraint fails (no place, too little Dutch, no overlap in the week, no language in
    /// common where one is required, an age limit).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Rest(MatchingIndex ix, PreparedPerson p, float[] dest)
    {
        var w = ix.Weights;
        ref var rows = ref MemoryMarshal.GetArrayDataReference(p.StaticRow);
        ref var low = ref MemoryMarshal.GetArrayDataReference(ix.LanguageLow);
        ref var high = ref MemoryMarshal.GetArrayDataReference(ix.LanguageHigh);
        ref var xs = ref MemoryMarshal.GetArrayDataReference(ix.X);
        ref var ys = ref MemoryMarshal.GetArrayDataReference(ix.Y);
        ref var located = ref MemoryMarshal.GetArrayDataReference(ix.Located);
        ref var iscos = ref MemoryMarshal.GetArrayDataReference(ix.Isco);
        ref var groups = ref MemoryMarshal.GetArrayDataReference(ix.IscoGroup);
        ref var schedule = ref MemoryMarshal.GetArrayDataReference(ix.Schedule);
        ref var requiredLevel = ref MemoryMarshal.GetArrayDataReference(ix.RequiredLevel);
        ref var requiredLow = ref MemoryMarshal.GetArrayDataReference(ix.RequiredLow);
        ref var requiredHigh = ref MemoryMarshal.GetArrayDataReference(ix.RequiredHigh);
        ref var minAge = ref MemoryMarshal.GetArrayDataReference(ix.MinAge);
        ref var maxAge = ref MemoryMarshal.GetArrayDataReference(ix.MaxAge);
        ref var d = ref MemoryMarshal.GetArrayDataReference(dest);

        var oneWord = ix.OneLanguageWord;
        var isLocated = p.Located != 0f;
        var occupations = p.Isco.Length;
        var required = ix.HasRequiredLanguages;
        var ages = ix.HasAgeLimits && p.Age >= 0;

        var personLow = Vector512.Create(p.LanguageLow);
        var personHigh = Vector512.Create(p.LanguageHigh);
        var sharedLanguage = Vector512.Create(w.SharedLanguage);
        var availability = Vector512.Create(p.Availability);
        var minusInfinity = Vector512.Create(float.NegativeInfinity);
        var px = Vector512.Create(p.X);
        var py = Vector512.Create(p.Y);
        var near = Vector512.Create(w.Distance);
        var far = Vector512.Create(-w.Distance);
        var perKm = Vector512.Create(ix.DistancePerKm);
        var occupation = Vector512.Create(w.Occupation);
        var related = Vector512.Create(w.Occupation * 0.5f);
        var code0 = Vector512.Create(occupations > 0 ? p.Isco[0] : 0);
        var group0 = Vector512.Create(occupations > 0 ? p.IscoGroup[0] : 0);
        var levelsLow = Vector512.LoadUnsafe(ref MemoryMarshal.GetArrayDataReference(p.RequiredLow));
        var levelsHigh = Vector512.LoadUnsafe(ref MemoryMarshal.GetArrayDataReference(p.RequiredHigh));
        var age = Vector512.Create(p.Age);
        for (nuint j = 0; j < (nuint)ix.Padded; j += L)
        {
            var rest = Vector512.LoadUnsafe(ref rows, j);
            var common = personLow & Vector512.LoadUnsafe(ref low, j);
            if (!oneWord)
            {
                common |= personHigh & Vector512.LoadUnsafe(ref high, j);
            }

            rest += Vector512.ConditionalSelect(Vector512.Equals(common, Vector512<uint>.Zero).AsSingle(), Vector512<float>.Zero, sharedLanguage);
            if (occupations > 0)
            {
                var isco = Vector512.LoadUnsafe(ref iscos, j);
                var group = Vector512.LoadUnsafe(ref groups, j);
                // Native max: it differs from MathF.Max only between zeros of opposite sign, and this part is only
                // ever added to a sum that is not negative zero, where both zeros give the same result.
                var best = Vector512.MaxNative(
                    Vector512<float>.Zero,
                    Vector512.ConditionalSelect(
                        Vector512.Equals(isco, code0).AsSingle(),
                        occupation,
                        Vector512.ConditionalSelect(Vector512.Equals(group, group0).AsSingle(), related, Vector512<float>.Zero)));
                for (var k = 1; k < occupations; k++)
                {
                    best = Vector512.MaxNative(
                        best,
                        Vector512.ConditionalSelect(
                            Vector512.Equals(isco, Vector512.Create(p.Isco[k])).AsSingle(),
                            occupation,
                            Vector512.ConditionalSelect(Vector512.Equals(group, Vector512.Create(p.IscoGroup[k])).AsSingle(), related, Vector512<float>.Zero)));
                }

                rest += best;
            }

            // An unknown home adds nothing at all (the reference adds a zero), so the whole part is skipped.
            if (isLocated)
            {
                var dx = Vector512.LoadUnsafe(ref xs, j) - px;
                var dy = Vector512.LoadUnsafe(ref ys, j) - py;
                var km = Vector512.Sqrt(Vector512.FusedMultiplyAdd(dx, dx, dy * dy));
                rest += Vector512.MaxNative(near - (km * perKm), far) * Vector512.LoadUnsafe(ref located, j);
            }

            var allowed = ~Vector512.Equals(availability & Vector512.LoadUnsafe(ref schedule, j), Vector512<uint>.Zero);
            if (required)
            {
                var level = Vector512.LoadUnsafe(ref requiredLevel, j).AsUInt32();
                var spoken = Vector512.ShuffleNative(levelsLow, level) & Vector512.LoadUnsafe(ref requiredLow, j);
                if (!oneWord)
                {
                    spoken |= Vector512.ShuffleNative(levelsHigh, level) & Vector512.LoadUnsafe(ref requiredHigh, j);
                }

                allowed &= ~Vector512.Equals(spoken, Vector512<uint>.Zero);
            }

            if (ages)
            {
                allowed &= ~(Vector512.LessThan(age, Vector512.LoadUnsafe(ref minAge, j)) | Vector512.GreaterThan(age, Vector512.LoadUnsafe(ref maxAge, j))).AsUInt32();
            }

            Vector512.ConditionalSelect(allowed.AsSingle(), rest, minusInfinity).StoreUnsafe(ref d, j);
        }
    }

    /// <summary>
    /// Adds the tag part of four people's scores (features packed one person after the other) to their buffers. Four
    /// people share every load and the offers' floats stay in L2, so widening bytes here would only add work beside
    /// the multiply-adds (measured: no gain); the one-person kernel reads bytes instead.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void TagsFour(MatchingIndex ix, float[] packed, float[][] scores)
    {
        var f = ix.FeatureCount;
        var stride = (nuint)(f * L);
        ref var offers = ref MemoryMarshal.GetArrayDataReference(ix.Features);
        ref var pf = ref MemoryMarshal.GetArrayDataReference(packed);
        ref var s0 = ref MemoryMarshal.GetArrayDataReference(scores[0]);
        ref var s1 = ref MemoryMarshal.GetArrayDataReference(scores[1]);
        ref var s2 = ref MemoryMarshal.GetArrayDataReference(scores[2]);
        ref var s3 = ref MemoryMarshal.GetArrayDataReference(scores[3]);
        for (var b = 0; b < ix.Blocks; b += 2)
        {
            var a00 = Vector512<float>.Zero;
            var a01 = Vector512<float>.Zero;
            var a10 = Vector512<float>.Zero;
            var a11 = Vector512<float>.Zero;
            var a20 = Vector512<float>.Zero;
            var a21 = Vector512<float>.Zero;
            var a30 = Vector512<float>.Zero;
            var a31 = Vector512<float>.Zero;
            ref var o = ref Unsafe.Add(ref offers, (nuint)b * stride);
            for (var t = 0; t < f; t++)
            {
                ref var ot = ref Unsafe.Add(ref o, t * L);
                var o0 = Vector512.LoadUnsafe(ref ot);
                var o1 = Vector512.LoadUnsafe(ref ot, stride);
                var q0 = Vector512.Create(Unsafe.Add(ref pf, t));
                var q1 = Vector512.Create(Unsafe.Add(ref pf, f + t));
                var q2 = Vector512.Create(Unsafe.Add(ref pf, (2 * f) + t));
                var q3 = Vector512.Create(Unsafe.Add(ref pf, (3 * f) + t));
                a00 = Vector512.FusedMultiplyAdd(q0, o0, a00);
                a01 = Vector512.FusedMultiplyAdd(q0, o1, a01);
                a10 = Vector512.FusedMultiplyAdd(q1, o0, a10);
                a11 = Vector512.FusedMultiplyAdd(q1, o1, a11);
                a20 = Vector512.FusedMultiplyAdd(q2, o0, a20);
                a21 = Vector512.FusedMultiplyAdd(q2, o1, a21);
                a30 = Vector512.FusedMultiplyAdd(q3, o0, a30);
                a31 = Vector512.FusedMultiplyAdd(q3, o1, a31);
            }

            var j = (nuint)(b * L);
            (a00 + Vector512.LoadUnsafe(ref s0, j)).StoreUnsafe(ref s0, j);
            (a01 + Vector512.LoadUnsafe(ref s0, j + L)).StoreUnsafe(ref s0, j + L);
            (a10 + Vector512.LoadUnsafe(ref s1, j)).StoreUnsafe(ref s1, j);
            (a11 + Vector512.LoadUnsafe(ref s1, j + L)).StoreUnsafe(ref s1, j + L);
            (a20 + Vector512.LoadUnsafe(ref s2, j)).StoreUnsafe(ref s2, j);
            (a21 + Vector512.LoadUnsafe(ref s2, j + L)).StoreUnsafe(ref s2, j + L);
            (a30 + Vector512.LoadUnsafe(ref s3, j)).StoreUnsafe(ref s3, j);
            (a31 + Vector512.LoadUnsafe(ref s3, j + L)).StoreUnsafe(ref s3, j + L);
        }
    }

    /// <summary>
    /// Adds the tag part of one person's scores to the buffer, four blocks at a time. One person shares no load with
    /// anyone, so the kernel reads the features as bytes (a quarter of the floats' stream) and widens them exactly.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void TagsOne(MatchingIndex ix, PreparedPerson p, float[] scores)
    {
        var f = ix.FeatureCount;
        var stride = (nuint)(f * L);
        ref var offers = ref MemoryMarshal.GetArrayDataReference(ix.TagBytes);
        ref var pf = ref MemoryMarshal.GetArrayDataReference(p.Features);
        ref var s = ref MemoryMarshal.GetArrayDataReference(scores);
        for (var b = 0; b < ix.Blocks; b += 4)
        {
            var a0 = Vector512<float>.Zero;
            var a1 = Vector512<float>.Zero;
            var a2 = Vector512<float>.Zero;
            var a3 = Vector512<float>.Zero;
            ref var o = ref Unsafe.Add(ref offers, (nuint)b * stride);
            for (var t = 0; t < f; t++)
            {
                ref var ot = ref Unsafe.Add(ref o, t * L);
                var q = Vector512.Create(Unsafe.Add(ref pf, t));
                a0 = Vector512.FusedMultiplyAdd(q, Widen(ref ot, 0), a0);
                a1 = Vector512.FusedMultiplyAdd(q, Widen(ref ot, stride), a1);
                a2 = Vector512.FusedMultiplyAdd(q, Widen(ref ot, 2 * stride), a2);
                a3 = Vector512.FusedMultiplyAdd(q, Widen(ref ot, 3 * stride), a3);
            }

            var j = (nuint)(b * L);
            (a0 + Vector512.LoadUnsafe(ref s, j)).StoreUnsafe(ref s, j);
            (a1 + Vector512.LoadUnsafe(ref s, j + L)).StoreUnsafe(ref s, j + L);
            (a2 + Vector512.LoadUnsafe(ref s, j + (2 * L))).StoreUnsafe(ref s, j + (2 * L));
            (a3 + Vector512.LoadUnsafe(ref s, j + (3 * L))).StoreUnsafe(ref s, j + (3 * L));
        }
    }

    /// <summary>
    /// Adds the tag part of one person's scores to the buffer from each offer's few tags: the person's weights sit in
    /// two vectors and each slot of a block looks up sixteen offers' weights at once. The dense multiply-adds add
    /// each weight times 0 or 1 in tag order; adding only the weights of the offer's tags, in the same order and from
    /// zero, gives the same sums bit for bit (adding zero changes nothing a sum from zero can hold).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void TagsOneSparse(MatchingIndex ix, PreparedPerson p, float[] scores)
    {
        Span<float> table = stackalloc float[MatchingIndex.SparseFeatureLimit];
        table.Clear();
        p.Features.AsSpan().CopyTo(table);
        var low = Vector512.LoadUnsafe(ref table[0]);
        var high = Vector512.LoadUnsafe(ref table[L]);
        var slots = (nuint)ix.TagSlots;
        var features = Vector512.Create(MatchingIndex.SparseFeatureLimit);
        ref var tags = ref MemoryMarshal.GetArrayDataReference(ix.SparseTags);
        ref var s = ref MemoryMarshal.GetArrayDataReference(scores);
        for (nuint b = 0; b < (nuint)ix.Blocks; b++)
        {
            var a = Vector512<float>.Zero;
            ref var block = ref Unsafe.Add(ref tags, b * slots * L);
            for (nuint k = 0; k < slots; k++)
            {
                var tag = Avx512F.ConvertToVector512Int32(Vector128.LoadUnsafe(ref block, k * L));
                var weight = Avx512F.PermuteVar16x32x2(low, tag, high);
                a += Vector512.ConditionalSelect(Vector512.LessThan(tag, features).AsSingle(), weight, Vector512<float>.Zero);
            }

            var j = b * L;
            (a + Vector512.LoadUnsafe(ref s, j)).StoreUnsafe(ref s, j);
        }
    }

    /// <summary>
    /// Adds the tag part of four people's scores (features packed one person after the other) to their buffers from
    /// each offer's few tags, as <see cref="TagsOneSparse"/> does for one: each slot of a block is read and widened
    /// once for all four, and each person's two vectors of weights give sixteen offers' weights with one permute.
    /// About three slots instead of 32 multiply-adds per person; the sums are the dense ones bit for bit (see there).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void TagsFourSparse(MatchingIndex ix, float[] packed, float[][] scores)
    {
        const int Limit = MatchingIndex.SparseFeatureLimit;
        var f = ix.FeatureCount;
        Span<float> table = stackalloc float[4 * Limit];
        table.Clear();
        for (var r = 0; r < 4; r++)
        {
            packed.AsSpan(r * f, f).CopyTo(table[(r * Limit)..]);
        }

        var low0 = Vector512.LoadUnsafe(ref table[0]);
        var high0 = Vector512.LoadUnsafe(ref table[L]);
        var low1 = Vector512.LoadUnsafe(ref table[Limit]);
        var high1 = Vector512.LoadUnsafe(ref table[Limit + L]);
        var low2 = Vector512.LoadUnsafe(ref table[2 * Limit]);
        var high2 = Vector512.LoadUnsafe(ref table[(2 * Limit) + L]);
        var low3 = Vector512.LoadUnsafe(ref table[3 * Limit]);
        var high3 = Vector512.LoadUnsafe(ref table[(3 * Limit) + L]);
        var slots = (nuint)ix.TagSlots;
        var features = Vector512.Create(Limit);
        ref var tags = ref MemoryMarshal.GetArrayDataReference(ix.SparseTags);
        ref var s0 = ref MemoryMarshal.GetArrayDataReference(scores[0]);
        ref var s1 = ref MemoryMarshal.GetArrayDataReference(scores[1]);
        ref var s2 = ref MemoryMarshal.GetArrayDataReference(scores[2]);
        ref var s3 = ref MemoryMarshal.GetArrayDataReference(scores[3]);
        for (nuint b = 0; b < (nuint)ix.Blocks; b++)
        {
            var a0 = Vector512<float>.Zero;
            var a1 = Vector512<float>.Zero;
            var a2 = Vector512<float>.Zero;
            var a3 = Vector512<float>.Zero;
            ref var block = ref Unsafe.Add(ref tags, b * slots * L);
            for (nuint k = 0; k < slots; k++)
            {
                var tag = Avx512F.ConvertToVector512Int32(Vector128.LoadUnsafe(ref block, k * L));
                var used = Vector512.LessThan(tag, features).AsSingle();
                a0 += Vector512.ConditionalSelect(used, Avx512F.PermuteVar16x32x2(low0, tag, high0), Vector512<float>.Zero);
                a1 += Vector512.ConditionalSelect(used, Avx512F.PermuteVar16x32x2(low1, tag, high1), Vector512<float>.Zero);
                a2 += Vector512.ConditionalSelect(used, Avx512F.PermuteVar16x32x2(low2, tag, high2), Vector512<float>.Zero);
                a3 += Vector512.ConditionalSelect(used, Avx512F.PermuteVar16x32x2(low3, tag, high3), Vector512<float>.Zero);
            }

            var j = b * L;
            (a0 + Vector512.LoadUnsafe(ref s0, j)).StoreUnsafe(ref s0, j);
            (a1 + Vector512.LoadUnsafe(ref s1, j)).StoreUnsafe(ref s1, j);
            (a2 + Vector512.LoadUnsafe(ref s2, j)).StoreUnsafe(ref s2, j);
            (a3 + Vector512.LoadUnsafe(ref s3, j)).StoreUnsafe(ref s3, j);
        }
    }

    /// <summary>Sixteen 0/1 feature bytes as the floats 0 and 1 (zero-extended to integers, then converted exactly).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> Widen(ref byte features, nuint offset) =>
        Vector512.ConvertToSingle(Avx512F.ConvertToVector512Int32(Vector128.LoadUnsafe(ref features, offset)));

    /// <summary>
    /// A threshold at least <paramref name="k"/> (at most 16) scores reach: the k-th largest of the sixteen lane maxima.
    /// Each lane maximum is a different score, so k of them at or above it are k scores.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static float ThresholdFromLaneMaxima(float[] scores, int padded, int k)
    {
        ref var s = ref MemoryMarshal.GetArrayDataReference(scores);
        var m0 = Vector512.Create(float.NegativeInfinity);
        var m1 = m0;
        for (nuint j = 0; j < (nuint)padded; j += 2 * L)
        {
            m0 = Vector512.MaxNative(m0, Vector512.LoadUnsafe(ref s, j));
            m1 = Vector512.MaxNative(m1, Vector512.LoadUnsafe(ref s, j + L));
        }

        // Two running maxima per lane hide the latency; the larger of each pair is the lane's maximum, the smaller
        // is another score, so all 32 are distinct scores and the k-th largest of them is a safe threshold.
        Span<float> candidates = stackalloc float[2 * L];
        m0.StoreUnsafe(ref candidates[0]);
        m1.StoreUnsafe(ref candidates[L]);
        return KthLargest(candidates, m0, m1, m0, m1, 2, k);
    }

    /// <summary>
    /// A threshold at least <paramref name="k"/> (at most 64) scores reach: each lane keeps its four largest scores,
    /// and the threshold is the k-th largest of those 64 distinct scores.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static float ThresholdFromLaneTop4(float[] scores, int padded, int k)
    {
        ref var s = ref MemoryMarshal.GetArrayDataReference(scores);
        var r0 = Vector512.Create(float.NegativeInfinity);
        var r1 = r0;
        var r2 = r0;
        var r3 = r0;
        for (nuint j = 0; j < (nuint)padded; j += L)
        {
            var v = Vector512.LoadUnsafe(ref s, j);
            var hi = Vector512.MaxNative(r0, v);
            v = Vector512.MinNative(r0, v);
            r0 = hi;
            hi = Vector512.MaxNative(r1, v);
            v = Vector512.MinNative(r1, v);
            r1 = hi;
            hi = Vector512.MaxNative(r2, v);
            v = Vector512.MinNative(r2, v);
            r2 = hi;
            r3 = Vector512.MaxNative(r3, v);
        }

        Span<float> candidates = stackalloc float[4 * L];
        r0.StoreUnsafe(ref candidates[0]);
        r1.StoreUnsafe(ref candidates[L]);
        r2.StoreUnsafe(ref candidates[2 * L]);
        r3.StoreUnsafe(ref candidates[3 * L]);
        return KthLargest(candidates, r0, r1, r2, r3, 4, k);
    }

    /// <summary>The k-th largest of the candidates (held in the first <paramref name="vectors"/> of r0..r3 and in the span).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static float KthLargest(Span<float> candidates, Vector512<float> r0, Vector512<float> r1, Vector512<float> r2, Vector512<float> r3, int vectors, int k)
    {
        // For each candidate: how many candidates are at or above it. The k-th largest is the largest with at least k.
        var e0 = Vector512<int>.Zero;
        var e1 = Vector512<int>.Zero;
        var e2 = Vector512<int>.Zero;
        var e3 = Vector512<int>.Zero;
        for (var i = 0; i < candidates.Length; i++)
        {
            var c = Vector512.Create(candidates[i]);
            e0 -= Vector512.GreaterThanOrEqual(c, r0).AsInt32();
            e1 -= Vector512.GreaterThanOrEqual(c, r1).AsInt32();
            if (vectors > 2)
            {
                e2 -= Vector512.GreaterThanOrEqual(c, r2).AsInt32();
                e3 -= Vector512.GreaterThanOrEqual(c, r3).AsInt32();
            }
        }

        var need = Vector512.Create(k);
        var none = Vector512.Create(float.NegativeInfinity);
        var best = Vector512.Max(
            Vector512.ConditionalSelect(Vector512.GreaterThanOrEqual(e0, need).AsSingle(), r0, none),
            Vector512.ConditionalSelect(Vector512.GreaterThanOrEqual(e1, need).AsSingle(), r1, none));
        if (vectors > 2)
        {
            best = Vector512.Max(best, Vector512.ConditionalSelect(Vector512.GreaterThanOrEqual(e2, need).AsSingle(), r2, none));
            best = Vector512.Max(best, Vector512.ConditionalSelect(Vector512.GreaterThanOrEqual(e3, need).AsSingle(), r3, none));
        }

        var max = float.NegativeInfinity;
        for (var lane = 0; lane < L; lane++)
        {
            max = MathF.Max(max, best.GetElement(lane));
        }

        return max;
    }

    /// <summary>Copies the scores at or above the threshold, with their offers, in offer order; returns how many.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int Compact(float[] scores, int padded, float threshold, float[] survivorScores, int[] survivorOffers)
    {
        ref var s = ref MemoryMarshal.GetArrayDataReference(scores);
        ref var outScores = ref MemoryMarshal.GetArrayDataReference(survivorScores);
        ref var outOffers = ref MemoryMarshal.GetArrayDataReference(survivorOffers);
        var limit = Vector512.Create(threshold);
        var offers = Vector512<int>.Indices;
        var step = Vector512.Create(L);
        nuint n = 0;
        for (nuint j = 0; j < (nuint)padded; j += L)
        {
            var v = Vector512.LoadUnsafe(ref s, j);
            var pass = Vector512.GreaterThanOrEqual(v, limit);
            Avx512F.Compress(Vector512<float>.Zero, pass, v).StoreUnsafe(ref outScores, n);
            Avx512F.Compress(Vector512<int>.Zero, pass.AsInt32(), offers).StoreUnsafe(ref outOffers, n);
            n += (nuint)BitOperations.PopCount(pass.ExtractMostSignificantBits());
            offers += step;
        }

        return (int)n;
    }

    /// <summary>
    /// The best <paramref name="k"/> survivors, best first, equal scores in offer order: each survivor's place is the
    /// number of survivors scoring higher (counted sixteen at a time); equal scores take the next free places in offer order.
    /// </summary>
    public static (int Offer, float Score)[] Rank(float[] survivorScores, int[] survivorOffers, int n, int k)
    {
        var result = new (int Offer, float Score)[Math.Min(k, n)];
        Rank(survivorScores, survivorOffers, n, k, result);
        return result;
    }

    /// <summary>
    /// <see cref="Rank(float[], int[], int, int)"/> written to <paramref name="result"/> (room for the smaller of
    /// <paramref name="k"/> and <paramref name="n"/>); returns how many.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int Rank(float[] survivorScores, int[] survivorOffers, int n, int k, Span<(int Offer, float Score)> result)
    {
        var size = Math.Min(k, n);
        if (size == 0)
        {
            return 0;
        }

        if (n > 256)
        {
            // Many survivors (a large k, or a small pool): a heap is cheaper than counting every pair.
            var top = new TopList(k, float.MinValue);
            for (var i = 0; i < n; i++)
            {
                top.Offer(survivorScores[i], survivorOffers[i]);
            }

            return top.SortedInto(result);
        }

        var vectors = (n + L - 1) / L;
        for (var i = n; i < vectors * L; i++)
        {
            survivorScores[i] = float.NegativeInfinity;
        }

        for (var i = 0; i < size; i++)
        {
            result[i].Offer = -1;
        }

        ref var s = ref MemoryMarshal.GetArrayDataReference(survivorScores);
        if (n <= 4 * L)
        {
            // The usual case (about 60 survivors): every survivor's count of higher scores at once, four vectors of
            // counters in registers; each survivor adds one to the counters of every slot scoring lower.
            var r0 = Vector512.LoadUnsafe(ref s);
            var r1 = Vector512.LoadUnsafe(ref s, L);
            var r2 = Vector512.LoadUnsafe(ref s, 2 * L);
            var r3 = Vector512.LoadUnsafe(ref s, 3 * L);
            var e0 = Vector512<int>.Zero;
            var e1 = Vector512<int>.Zero;
            var e2 = Vector512<int>.Zero;
            var e3 = Vector512<int>.Zero;
            for (nuint i = 0; i < (nuint)n; i++)
            {
                var c = Vector512.Create(Unsafe.Add(ref s, i));
                e0 -= Vector512.LessThan(r0, c).AsInt32();
                e1 -= Vector512.LessThan(r1, c).AsInt32();
                e2 -= Vector512.LessThan(r2, c).AsInt32();
                e3 -= Vector512.LessThan(r3, c).AsInt32();
            }

            Span<int> counts = stackalloc int[4 * L];
            e0.StoreUnsafe(ref counts[0]);
            e1.StoreUnsafe(ref counts[L]);
            e2.StoreUnsafe(ref counts[2 * L]);
            e3.StoreUnsafe(ref counts[3 * L]);
            for (var i = 0; i < n; i++)
            {
                var higher = counts[i];
                while (higher < size && result[higher].Offer >= 0)
                {
                    higher++;
                }

                if (higher < size)
                {
                    result[higher] = (survivorOffers[i], survivorScores[i] + 0f);
                }
            }

            return size;
        }

        for (var i = 0; i < n; i++)
        {
            var score = survivorScores[i];
            var c = Vector512.Create(score);
            var higher = 0;
            for (nuint v = 0; v < (nuint)(vectors * L); v += L)
            {
                higher += BitOperations.PopCount(Vector512.GreaterThan(Vector512.LoadUnsafe(ref s, v), c).ExtractMostSignificantBits());
            }

            while (higher < size && result[higher].Offer >= 0)
            {
                higher++;
            }

            if (higher < size)
            {
                // Plus zero turns a negative zero into zero, as the reference's sort does.
                result[higher] = (survivorOffers[i], score + 0f);
            }
        }

        return size;
    }
}
