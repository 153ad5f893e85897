using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Thuis.Bench;

/// <summary>
/// The compute floor: how many float multiply-adds per second this machine does at best, measured with
/// twelve independent chains of fused multiply-adds (enough to hide their latency) in 256- and 512-bit vectors.
/// </summary>
internal static class Floor
{
    private const int Chains = 12;

    /// <summary>Lane multiply-adds per second on the given number of threads, the better of both vector widths.</summary>
    public static double PeakRate(int threads, TimeSpan duration)
    {
        var best = 0.0;
        foreach (var wide in new[] { false, true })
        {
            if (wide && !Vector512.IsHardwareAccelerated)
            {
                continue;
            }

            var iterations = 2_000_000L;
            var total = 0.0;
            var watch = Stopwatch.StartNew();
            var work = 0L;
            while (watch.Elapsed < duration)
            {
                var each = iterations;
                Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, _ => Sink(wide ? Loop512(each) : Loop256(each)));
                work += iterations * threads * Chains * (wide ? 16 : 8);
            }

            total = work / watch.Elapsed.TotalSeconds;
            best = Math.Max(best, total);
        }

        return best;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Sink(float value)
    {
        if (value == 42.4242f)
        {
            Console.Write(' ');
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static float Loop256(long iterations)
    {
        var m = Vector256.Create(0.999_999f);
        var c = Vector256.Create(1e-7f);
        var a0 = Vector256.Create(1.00f);
        var a1 = Vector256.Create(1.01f);
        var a2 = Vector256.Create(1.02f);
        var a3 = Vector256.Create(1.03f);
        var a4 = Vector256.Create(1.04f);
        var a5 = Vector256.Create(1.05f);
        var a6 = Vector256.Create(1.06f);
        var a7 = Vector256.Create(1.07f);
        var a8 = Vector256.Create(1.08f);
        var a9 = Vector256.Create(1.09f);
        var a10 = Vector256.Create(1.10f);
        var a11 = Vector256.Create(1.11f);
        for (var i = 0L; i < iterations; i++)
        {
            a0 = Vector256.FusedMultiplyAdd(a0, m, c);
            a1 = Vector256.FusedMultiplyAdd(a1, m, c);
            a2 = Vector256.FusedMultiplyAdd(a2, m, c);
            a3 = Vector256.FusedMultiplyAdd(a3, m, c);
            a4 = Vector256.FusedMultiplyAdd(a4, m, c);
            a5 = Vector256.FusedMultiplyAdd(a5, m, c);
            a6 = Vector256.FusedMultiplyAdd(a6, m, c);
            a7 = Vector256.FusedMultiplyAdd(a7, m, c);
            a8 = Vector256.FusedMultiplyAdd(a8, m, c);
            a9 = Vector256.FusedMultiplyAdd(a9, m, c);
            a10 = Vector256.FusedMultiplyAdd(a10, m, c);
            a11 = Vector256.FusedMultiplyAdd(a11, m, c);
        }

        return Vector256.Sum(a0 + a1 + a2 + a3 + a4 + a5 + a6 + a7 + a8 + a9 + a10 + a11);
    }

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static float Loop512(long iterations)
    {
        var m = Vector512.Create(0.999_999f);
        var c = Vector512.Create(1e-7f);
        var a0 = Vector512.Create(1.00f);
        var a1 = Vector512.Create(1.01f);
        var a2 = Vector512.Create(1.02f);
        var a3 = Vector512.Create(1.03f);
        var a4 = Vector512.Create(1.04f);
        var a5 = Vector512.Create(1.05f);
        var a6 = Vector512.Create(1.06f);
        var a7 = Vector512.Create(1.07f);
        var a8 = Vector512.Create(1.08f);
        var a9 = Vector512.Create(1.09f);
        var a10 = Vector512.Create(1.10f);
        var a11 = Vector512.Create(1.11f);
        for (var i = 0L; i < iterations; i++)
        {
            a0 = Vector512.FusedMultiplyAdd(a0, m, c);
            a1 = Vector512.FusedMultiplyAdd(a1, m, c);
            a2 = Vector512.FusedMultiplyAdd(a2, m, c);
            a3 = Vector512.FusedMultiplyAdd(a3, m, c);
            a4 = Vector512.FusedMultiplyAdd(a4, m, c);
            a5 = Vector512.FusedMultiplyAdd(a5, m, c);
            a6 = Vector512.FusedMultiplyAdd(a6, m, c);
            a7 = Vector512.FusedMultiplyAdd(a7, m, c);
            a8 = Vector512.FusedMultiplyAdd(a8, m, c);
            a9 = Vector512.FusedMultiplyAdd(a9, m, c);
            a10 = Vector512.FusedMultiplyAdd(a10, m, c);
            a11 = Vector512.FusedMultiplyAdd(a11, m, c);
        }

        return Vector512.Sum(a0 + a1 + a2 + a3 + a4 + a5 + a6 + a7 + a8 + a9 + a10 + a11);
    }
}
