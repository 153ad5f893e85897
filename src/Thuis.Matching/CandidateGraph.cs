using System.Runtime.CompilerServices;

namespace Thuis.Matching;

/// <summary>The candidate graph of a cohort: each person's best allowed offers with a positive score.</summary>
internal sealed class CandidateGraph
{
    public const long Scale = 1000;

    public CandidateGraph(MatchingIndex index, IReadOnlyList<Person> people, (int Offer, float Score)[][] candidates)
    {
        Index = index;
        People = people;
        Candidates = candidates;
        PairCount = candidates.Sum(c => c.Length);
    }

    public MatchingIndex Index { get; }

    public IReadOnlyList<Person> People { get; }

    public (int Offer, float Score)[][] Candidates { get; }

    public int PairCount { get; }

    public static long Cost(float score) => (long)Math.Round(score * (double)Scale);

    public static CandidateGraph Build(IReadOnlyList<Person> people, MatchingIndex index, CohortOptions options)
    {
        // Only matches worth at least one thousandth of a point, the resolution of the solver's integer costs. People
        // are prepared group by group while they are scored, and again only for the few proposals explained at the end.
        var candidates = Scorer.TopMany(index, people, options.CandidatesPerPerson, 1f / Scale, options.Threads);
        return new CandidateGraph(index, people, candidates);
    }

    /// <summary>Runs <paramref name="body"/> for 0..count-1 on up to <paramref name="threads"/> threads, in ranges rather than one by one.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void Ranges(int count, int threads, Action<int> body)
    {
        if (threads <= 1 || count < 256)
        {
            for (var i = 0; i < count; i++)
            {
                body(i);
            }

            return;
        }

        // Small ranges: on a shared machine a thread may be paused for a while, and the other then takes over its work.
        const int chunk = 64;
        Parallel.For(0, (count + chunk - 1) / chunk, new ParallelOptions { MaxDegreeOfParallelism = threads }, c =>
        {
            var end = Math.Min(count, (c + 1) * chunk);
            for (var i = c * chunk; i < end; i++)
            {
                body(i);
            }
        });
    }
}
