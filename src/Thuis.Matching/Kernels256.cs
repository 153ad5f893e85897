using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Thuis.Matching;

/// <summary>
/// The 256-bit kernels, for machines without 512-bit vectors: eight offers per instruction, two per block of the index.
/// They give the same scores as <see cref="Kernels512"/> and the scalar reference, bit for bit.
/// </summary>
internal static class Kernels256
{
    private const int L = MatchingIndex.Lanes;
    private const int H = L / 2;

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

        var personLow = Vector256.Create(p.LanguageLow);
        var personHigh = Vector256.Create(p.LanguageHigh);
        var sharedLanguage = Vector256.Create(w.SharedLanguage);
        var availability = Vector256.Create(p.Availability);
        var minusInfinity = Vector256.Create(float.NegativeInfinity);
        var px = Vector256.Create(p.X);
        var py = Vector256.Create(p.Y);
        var near = Vector256.Create(w.Distance);
        var far = Vector256.Create(-w.Distance);
        var perKm = Vector256.Create(ix.DistancePerKm);
        var occupation = Vector256.Create(w.Occupation);
        var related = Vector256.Create(w.Occupation * 0.5f);
        var code0 = Vector256.Create(occupations > 0 ? p.Isco[0] : 0);
        var group0 = Vector256.Create(occupations > 0 ? p.IscoGroup[0] : 0);
        var levelsLow = Vector256.LoadUnsafe(ref MemoryMarshal.GetArrayDataReference(p.RequiredLow));
        var levelsHigh = Vector256.LoadUnsafe(ref MemoryMarshal.GetArrayDataReference(p.RequiredHigh));
        var age = Vector256.Create(p.Age);
        for (nuint j = 0; j < (nuint)ix.Padded; j += (nuint)Vector256<float>.Count)
        {
            var rest = Vector256.LoadUnsafe(ref rows, j);
            var common = personLow & Vector256.LoadUnsafe(ref low, j);
            if (!oneWord)
            {
                common |= personHigh & Vector256.LoadUnsafe(ref high, j);
            }

            rest += Vector256.ConditionalSelect(Vector256.Equals(common, Vector256<uint>.Zero).AsSingle(), Vector256<float>.Zero, sharedLanguage);
            if (occupations > 0)
            {
                var isco = Vector256.LoadUnsafe(ref iscos, j);
                var group = Vector256.LoadUnsafe(ref groups, j);
                // Native max: it differs from MathF.Max only between zeros of opposite sign, and this part is only
                // ever added to a sum that is not negative zero, where both zeros give the same result.
                var best = Vector256.MaxNative(
                    Vector256<float>.Zero,
                    Vector256.ConditionalSelect(
                        Vector256.Equals(isco, code0).AsSingle(),
                        occupation,
                        Vector256.ConditionalSelect(Vector256.Equals(group, group0).AsSingle(), related, Vector256<float>.Zero)));
                for (var k = 1; k < occupations; k++)
                {
                    best = Vector256.MaxNative(
                        best,
                        Vector256.ConditionalSelect(
                            Vector256.Equals(isco, Vector256.Create(p.Isco[k])).AsSingle(),
                            occupation,
                            Vector256.ConditionalSelect(Vector256.Equals(group, Vector256.Create(p.IscoGroup[k])).AsSingle(), related, Vector256<float>.Zero)));
                }

                rest += best;
            }

            // An unknown home adds nothing at all (the reference adds a zero), so the whole part is skipped.
            if (isLocated)
            {
                var dx = Vector256.LoadUnsafe(ref xs, j) - px;
                var dy = Vector256.LoadUnsafe(ref ys, j) - py;
                var km = Vector256.Sqrt(Vector256.FusedMultiplyAdd(dx, dx, dy * dy));
                rest += Vector256.MaxNative(near - (km * perKm), far) * Vector256.LoadUnsafe(ref located, j);
            }

            var allowed = ~Vector256.Equals(availability & Vector256.LoadUnsafe(ref schedule, j), Vector256<uint>.Zero);
            if (required)
            {
                var level = Vector256.LoadUnsafe(ref requiredLevel, j).AsUInt32();
                var spoken = Vector256.ShuffleNative(levelsLow, level) & Vector256.LoadUnsafe(ref requiredLow, j);
                if (!oneWord)
                {
                    spoken |= Vector256.ShuffleNative(levelsHigh, level) & Vector256.LoadUnsafe(ref requiredHigh, j);
                }

                allowed &= ~Vector256.Equals(spoken, Vector256<uint>.Zero);
            }

            if (ages)
            {
                allowed &= ~(Vector256.LessThan(age, Vector256.LoadUnsafe(ref minAge, j)) | Vector256.GreaterThan(age, Vector256.LoadUnsafe(ref maxAge, j))).AsUInt32();
            }

            Vector256.ConditionalSelect(allowed.AsSingle(), rest, minusInfinity).StoreUnsafe(ref d, j);
        }
    }

    /// <summary>Adds the tag part of four people's scores (features packed one person after the other) to their buffers.</summary>
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
        for (var b = 0; b < ix.Blocks; b++)
        {
            var a00 = Vector256<float>.Zero;
            var a01 = Vector256<float>.Zero;
            var a10 = Vector256<float>.Zero;
            var a11 = Vector256<float>.Zero;
            var a20 = Vector256<float>.Zero;
            var a21 = Vector256<float>.Zero;
            var a30 = Vector256<float>.Zero;
            var a31 = Vector256<float>.Zero;
            ref var o = ref Unsafe.Add(ref offers, (nuint)b * stride);
            for (var t = 0; t < f; t++)
            {
                ref var ot = ref Unsafe.Add(ref o, t * L);
                var o0 = Vector256.LoadUnsafe(ref ot);
                var o1 = Vector256.LoadUnsafe(ref ot, H);
                var q0 = Vector256.Create(Unsafe.Add(ref pf, t));
                var q1 = Vector256.Create(Unsafe.Add(ref pf, f + t));
                var q2 = Vector256.Create(Unsafe.Add(ref pf, (2 * f) + t));
                var q3 = Vector256.Create(Unsafe.Add(ref pf, (3 * f) + t));
                a00 = Vector256.FusedMultiplyAdd(q0, o0, a00);
                a01 = Vector256.FusedMultiplyAdd(q0, o1, a01);
                a10 = Vector256.FusedMultiplyAdd(q1, o0, a10);
                a11 = Vector256.FusedMultiplyAdd(q1, o1, a11);
                a20 = Vector256.FusedMultiplyAdd(q2, o0, a20);
                a21 = Vector256.FusedMultiplyAdd(q2, o1, a21);
                a30 = Vector256.FusedMultiplyAdd(q3, o0, a30);
                a31 = Vector256.FusedMultiplyAdd(q3, o1, a31);
            }

            var j = (nuint)(b * L);
            (a00 + Vector256.LoadUnsafe(ref s0, j)).StoreUnsafe(ref s0, j);
            (a01 + Vector256.LoadUnsafe(ref s0, j + H)).StoreUnsafe(ref s0, j + H);
            (a10 + Vector256.LoadUnsafe(ref s1, j)).StoreUnsafe(ref s1, j);
            (a11 + Vector256.LoadUnsafe(ref s1, j + H)).StoreUnsafe(ref s1, j + H);
            (a20 + Vector256.LoadUnsafe(ref s2, j)).StoreUnsafe(ref s2, j);
            (a21 + Vector256.LoadUnsafe(ref s2, j + H)).StoreUnsafe(ref s2, j + H);
            (a30 + Vector256.LoadUnsafe(ref s3, j)).StoreUnsafe(ref s3, j);
            (a31 + Vector256.LoadUnsafe(ref s3, j + H)).StoreUnsafe(ref s3, j + H);
        }
    }

    /// <summary>
    /// Adds the tag part of one person's scores to the buffer, four blocks (eight vectors) at a time, reading the
    /// features as bytes (a quarter of the floats' stream) and widening them exactly to 0 and 1.
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
            var a0 = Vector256<float>.Zero;
            var a1 = Vector256<float>.Zero;
            var a2 = Vector256<float>.Zero;
            var a3 = Vector256<float>.Zero;
            var a4 = Vector256<float>.Zero;
            var a5 = Vector256<float>.Zero;
            var a6 = Vector256<float>.Zero;
            var a7 = Vector256<float>.Zero;
            ref var o = ref Unsafe.Add(ref offers, (nuint)b * stride);
            for (var t = 0; t < f; t++)
            {
                ref var ot = ref Unsafe.Add(ref o, t * L);
                var q = Vector256.Create(Unsafe.Add(ref pf, t));
                a0 = Vector256.FusedMultiplyAdd(q, Widen(ref ot, 0), a0);
                a1 = Vector256.FusedMultiplyAdd(q, Widen(ref ot, H), a1);
                a2 = Vector256.FusedMultiplyAdd(q, Widen(ref ot, stride), a2);
                a3 = Vector256.FusedMultiplyAdd(q, Widen(ref ot, stride + H), a3);
                a4 = Vector256.FusedMultiplyAdd(q, Widen(ref ot, 2 * stride), a4);
                a5 = Vector256.FusedMultiplyAdd(q, Widen(ref ot, (2 * stride) + H), a5);
                a6 = Vector256.FusedMultiplyAdd(q, Widen(ref ot, 3 * stride), a6);
                a7 = Vector256.FusedMultiplyAdd(q, Widen(ref ot, (3 * stride) + H), a7);
            }

            var j = (nuint)(b * L);
            (a0 + Vector256.LoadUnsafe(ref s, j)).StoreUnsafe(ref s, j);
            (a1 + Vector256.LoadUnsafe(ref s, j + H)).StoreUnsafe(ref s, j + H);
            (a2 + Vector256.LoadUnsafe(ref s, j + L)).StoreUnsafe(ref s, j + L);
            (a3 + Vector256.LoadUnsafe(ref s, j + L + H)).StoreUnsafe(ref s, j + L + H);
            (a4 + Vector256.LoadUnsafe(ref s, j + (2 * L))).StoreUnsafe(ref s, j + (2 * L));
            (a5 + Vector256.LoadUnsafe(ref s, j + (2 * L) + H)).StoreUnsafe(ref s, j + (2 * L) + H);
            (a6 + Vector256.LoadUnsafe(ref s, j + (3 * L))).StoreUnsafe(ref s, j + (3 * L));
            (a7 + Vector256.LoadUnsafe(ref s, j + (3 * L) + H)).StoreUnsafe(ref s, j + (3 * L) + H);
        }
    }

    /// <summary>Eight 0/1 feature bytes as the floats 0 and 1 (zero-extended to integers, then converted exactly).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> Widen(ref byte features, nuint offset)
    {
        var bytes = Vector128.CreateScalarUnsafe(Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref features, offset))).AsByte();
        if (Avx2.IsSupported)
        {
            return Vector256.ConvertToSingle(Avx2.ConvertToVector256Int32(bytes));
        }

        var words = Vector128.WidenLower(bytes);
        return Vector256.ConvertToSingle(Vector256.Create(Vector128.WidenLower(words), Vector128.WidenUpper(words)).AsInt32());
    }
}
