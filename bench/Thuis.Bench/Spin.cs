using System.Diagnostics;
using Thuis.Matching;

namespace Thuis.Bench;

/// <summary>Repeats one part's engine call for a profiler (`perf record`); prints the mean and fastest call, nothing more.</summary>
internal static class Spin
{
    /// <summary>
    /// <paramref name="part"/>: B1 (the cohort's sparse top 50 on one thread), B1dense, rest (the non-tag pass alone),
    /// B3 (cohort proposals on one thread) or B3x2 (on two).
    /// </summary>
    public static void Run(string part, double seconds, int features, Action<string> log)
    {
        var offers = Workload.Offers(2_000, features);
        var index = MatchingIndex.Build(offers);
        var raw = Workload.People(10_000, features);
        var people = raw.Select(p => PreparedPerson.Create(p, index)).ToArray();
        var buffer = new float[index.Padded];
        var until = Stopwatch.StartNew();
        var calls = 0;
        var fastest = double.MaxValue;
        while (until.Elapsed.TotalSeconds < seconds)
        {
            var one = Stopwatch.StartNew();
            if (part == "rest")
            {
                foreach (var p in people)
                {
                    Kernels512.Rest(index, p, buffer);
                }
            }
            else if (part.StartsWith("B3", StringComparison.Ordinal))
            {
                var t = MatchingEngine.ProposeForCohort(raw, index, CohortOptions.Default with { Threads = part == "B3" ? 1 : 2 }).Timings;
                if (calls % 10 == 0)
                {
                    log($"scoring {t.Scoring.TotalMilliseconds:0.0} graph {t.Graph.TotalMilliseconds:0.0} solving {t.Solving.TotalMilliseconds:0.0} explaining {t.Explaining.TotalMilliseconds:0.0}");
                }
            }
            else
            {
                _ = Scorer.TopMany(index, people, 50, float.MinValue, 1, sparse: part != "B1dense").Length;
            }

            fastest = Math.Min(fastest, one.Elapsed.TotalMilliseconds);
            calls++;
        }

        log($"spin {part}: {calls} calls, {until.Elapsed.TotalMilliseconds / calls:0.0} ms each, fastest {fastest:0.0} ms");
    }
}
