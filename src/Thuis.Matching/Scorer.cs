using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Thuis.Matching;

/// <summary>
/// Scores people against a <see cref="MatchingIndex"/> and keeps each person's best offers.
/// A score is the tag part (one multiply-add per tag) plus the rest: the offer's level fit, Dutch fit and constants,
/// a language in common, the occupation, the distance, in that order. The kernels write every pair's score, or
/// minus infinity where a hard constraint fails, to a buffer per person; the best offers are then found by counting
/// above a threshold instead of keeping a heap. A plain scalar reference computes the same float operations in the
/// same order, so every kernel gives bit-identical scores.
/// </summary>
internal static class Scorer
{
    private const int L = MatchingIndex.Lanes;

    /// <summary>Whether this machine runs the 512-bit kernels; otherwise the 256-bit ones run.</summary>
    internal static bool Wide { get; } = Vector512.IsHardwareAccelerated && Avx512F.IsSupported;

    /// <summary>The part of a score that depends only on the offer and the person's class: level, Dutch, the offer's constants.</summary>
    public static float StaticPart(MatchingIndex ix, int personLevel, int dutch, bool childcare, int j)
    {
        var w = ix.Weights;
        var level = LevelRule.LevelPart(w, personLevel, ix.Level[j]);
        var dutchFit = dutch - ix.Dutch[j] <= 1 ? w.DutchFit : w.DutchFit * 0.5f;
        var constant = childcare ? ix.ConstantWithChildcare[j] : ix.Constant[j];
        return level + dutchFit + constant;
    }

    /// <summary>The scalar dense score of one pair: the reference for the vector kernels.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static float DenseScore(MatchingIndex ix, PreparedPerson p, int j)
    {
        var w = ix.Weights;
        var rest = StaticPart(ix, p.Level, p.Dutch, p.NeedsChildcare, j);
        var language = ((p.LanguageLow & ix.LanguageLow[j]) | (p.LanguageHigh & ix.LanguageHigh[j])) == 0 ? 0f : w.SharedLanguage;
        rest += language;
        var occupation = 0f;
        for (var k = 0; k < p.Isco.Length; k++)
        {
            var v = ix.Isco[j] == p.Isco[k] ? w.Occupation : ix.IscoGroup[j] == p.IscoGroup[k] ? w.Occupation * 0.5f : 0f;
            occupation = MathF.Max(occupation, v);
        }

        rest += occupation;
        var dx = ix.X[j] - p.X;
        var dy = ix.Y[j] - p.Y;
        var d = MathF.Sqrt(MathF.FusedMultiplyAdd(dx, dx, dy * dy));
        var distance = MathF.Max(w.Distance - (d * ix.DistancePerKm), -w.Distance) * ix.Located[j] * p.Located;
        rest += distance;

        var f = ix.FeatureCount;
        var acc = 0f;
        var block = j / L * f * L;
        var lane = j % L;
        for (var t = 0; t < f; t++)
        {
            acc = MathF.FusedMultiplyAdd(p.Features[t], ix.Features[block + (t * L) + lane], acc);
        }

        return acc + rest;
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

        return LevelRule.WorkAllowed(ix, p, j);
    }

    /// <summary>The scalar reference: every offer checked and scored one by one, kept in a heap.</summary>
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

    /// <summary>One person against all offers. <c>wide: false</c> runs the 256-bit kernels even where 512-bit ones could (to test both on one machine).</summary>
    public static (int Offer, float Score)[] TopVector(MatchingIndex ix, PreparedPerson p, int k, float floor, IReadOnlySet<OfferKind>? kinds, bool wide = true)
    {
        var best = new (int Offer, float Score)[Math.Min(k, ix.Count)];
        var n = TopVector(ix, p, k, floor, kinds, best, wide);
        return n == best.Length ? best : best[..n];
    }

    /// <summary>
    /// <see cref="TopVector(MatchingIndex, PreparedPerson, int, float, IReadOnlySet{OfferKind}?, bool)"/> written to
    /// <paramref name="best"/> (room for the smaller of <paramref name="k"/> and the pool's size); returns how many.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int TopVector(MatchingIndex ix, PreparedPerson p, int k, float floor, IReadOnlySet<OfferKind>? kinds, Span<(int Offer, float Score)> best, bool wide = true)
    {
        wide &= Wide;
        if (p.Source.NotNow)
        {
            return 0;
        }

        var work = Workspace.For(ix);
        var scores = work.Scores[0];
        if (wide)
        {
            Kernels512.Rest(ix, p, scores);
            if (ix.Sparse)
            {
                Kernels512.TagsOneSparse(ix, p, scores);
            }
            else
            {
                Kernels512.TagsOne(ix, p, scores);
            }
        }
        else
        {
            Kernels256.Rest(ix, p, scores);
            Kernels256.TagsOne(ix, p, scores);
        }

        Adjust(ix, p, scores, kinds);
        return Select(ix, scores, k, floor, work, wide, best);
    }

    /// <summary>
    /// Many people at once: four people against sixteen or thirty-two offers share every load, which keeps the
    /// multiply-add units busy instead of waiting on memory. Where the pool allows it, the tags are added from each
    /// offer's few tags (<see cref="Kernels512.TagsFourSparse"/>), as the cohort does; <c>sparse: false</c> keeps the
    /// dense multiply-adds, which B1 measures against its floor. Each person's list is the same as from <see cref="TopVector(MatchingIndex, PreparedPerson, int, float, IReadOnlySet{OfferKind}?, bool)"/>.
    /// </summary>
    public static (int Offer, float Score)[][] TopMany(MatchingIndex ix, IReadOnlyList<PreparedPerson> people, int k, float floor, int threads, bool wide = true, bool sparse = true) =>
        TopMany(ix, new Ready(people), k, floor, threads, wide, sparse);

    /// <summary>
    /// <see cref="TopMany(MatchingIndex, IReadOnlyList{PreparedPerson}, int, float, int, bool, bool)"/> for people
    /// not yet prepared: each group of four is prepared into the thread's own four instances just before it is
    /// scored, so a cohort of thousands leaves no prepared people behind for the garbage collector to move.
    /// </summary>
    public static (int Offer, float Score)[][] TopMany(MatchingIndex ix, IReadOnlyList<Person> people, int k, float floor, int threads, bool wide = true, bool sparse = true) =>
        TopMany(ix, new Preparing(people, ix), k, floor, threads, wide, sparse);

    private static (int Offer, float Score)[][] TopMany<TPeople>(MatchingIndex ix, TPeople people, int k, float floor, int threads, bool wide, bool sparse)
        where TPeople : struct, IPeople
    {
        wide &= Wide;
        sparse &= wide && ix.Sparse;
        var results = new (int Offer, float Score)[people.Count][];
        const int GroupSize = 4;
        var groups = (people.Count + GroupSize - 1) / GroupSize;
        if (threads <= 1 || groups < 2)
        {
            for (var g = 0; g < groups; g++)
            {
                ScoreGroup(ix, people, g * GroupSize, k, floor, results, wide, sparse);
            }
        }
        else
        {
            var options = new ParallelOptions { MaxDegreeOfParallelism = threads };

            // Ranges of groups rather than single groups: fewer hand-offs between threads, yet small enough that when
            // one thread is paused on a shared machine the other takes over the rest.
            var chunk = Math.Max(1, Math.Min(16, groups / (threads * 8)));
            Parallel.For(0, (groups + chunk - 1) / chunk, options, c =>
            {
                var end = Math.Min(groups, (c + 1) * chunk);
                for (var g = c * chunk; g < end; g++)
                {
                    ScoreGroup(ix, people, g * GroupSize, k, floor, results, wide, sparse);
                }
            });
        }

        return results;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ScoreGroup<TPeople>(MatchingIndex ix, TPeople people, int first, int k, float floor, (int Offer, float Score)[][] results, bool wide, bool sparse)
        where TPeople : struct, IPeople
    {
        var work = Workspace.For(ix);
        var f = ix.FeatureCount;
        var packed = work.Packed;
        var own = work.Group;

        // A short last group repeats its last person; the repeats' lists are thrown away.
        var last = people.Count - 1;
        var p0 = people.Get(first, ref own[0]);
        var p1 = people.Get(Math.Min(first + 1, last), ref own[1]);
        var p2 = people.Get(Math.Min(first + 2, last), ref own[2]);
        var p3 = people.Get(Math.Min(first + 3, last), ref own[3]);
        Array.Copy(p0.Features, 0, packed, 0, f);
        Array.Copy(p1.Features, 0, packed, f, f);
        Array.Copy(p2.Features, 0, packed, 2 * f, f);
        Array.Copy(p3.Features, 0, packed, 3 * f, f);
        if (wide)
        {
            Kernels512.Rest(ix, p0, work.Scores[0]);
            Kernels512.Rest(ix, p1, work.Scores[1]);
            Kernels512.Rest(ix, p2, work.Scores[2]);
            Kernels512.Rest(ix, p3, work.Scores[3]);
            if (sparse)
            {
                Kernels512.TagsFourSparse(ix, packed, work.Scores);
            }
            else
            {
                Kernels512.TagsFour(ix, packed, work.Scores);
            }
        }
        else
        {
            Kernels256.Rest(ix, p0, work.Scores[0]);
            Kernels256.Rest(ix, p1, work.Scores[1]);
            Kernels256.Rest(ix, p2, work.Scores[2]);
            Kernels256.Rest(ix, p3, work.Scores[3]);
            Kernels256.TagsFour(ix, packed, work.Scores);
        }

        for (var r = 0; r < 4 && first + r < people.Count; r++)
        {
            var p = r switch { 0 => p0, 1 => p1, 2 => p2, _ => p3 };
            if (p.Source.NotNow)
            {
                results[first + r] = [];
                continue;
            }

            Adjust(ix, p, work.Scores[r], null);
            var best = new (int Offer, float Score)[Math.Min(k, ix.Count)];
            var n = Select(ix, work.Scores[r], k, floor, work, wide, best);
            results[first + r] = n == best.Length ? best : best[..n];
        }
    }

    /// <summary>
    /// The sparse parts, written into a person's dense scores: excluded offers, tags and kinds become minus infinity,
    /// offers where the person knows someone get the network bonus.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Adjust(MatchingIndex ix, PreparedPerson p, float[] scores, IReadOnlySet<OfferKind>? kinds)
    {
        LevelRule.LeaveOutWorkBelowLevel(ix, p, scores);
        foreach (var j in p.ExcludedOffers)
        {
            scores[j] = float.NegativeInfinity;
        }

        if (p.ExcludedTags is { } excluded)
        {
            for (var f = 0; f < ix.FeatureCount; f++)
            {
                if ((excluded[f / 64] & (1UL << (f % 64))) != 0)
                {
                    foreach (var j in ix.OffersByTag[f])
                    {
                        scores[j] = float.NegativeInfinity;
                    }
                }
            }
        }

        if (kinds is not null)
        {
            foreach (var kind in Enum.GetValues<OfferKind>())
            {
                if (!kinds.Contains(kind))
                {
                    foreach (var j in ix.OffersByKind[(int)kind])
                    {
                        scores[j] = float.NegativeInfinity;
                    }
                }
            }
        }

        for (var n = 0; n < p.NetworkOffers.Length; n++)
        {
            var j = p.NetworkOffers[n];
            scores[j] += NetworkBonus(ix, p.NetworkCounts[n]);
        }
    }

    /// <summary>
    /// Work at one's own level, applied to a person's scores: work more than one level below theirs outside their own
    /// field, and paid jobs before their Piëzo phase, become minus infinity unless their plan chose the work as a
    /// stepping stone. A few comparisons per work offer, no scoring: what is left keeps the kernels' exact score.
    /// </summary>
    /// <summary>
    /// The best <paramref name="k"/> scores of a person's buffer, best first, equal scores in offer order.
    /// First a threshold that at least <paramref name="k"/> scores reach (so nothing better is lost), then only
    /// the scores at or above it are kept and ranked.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int Select(MatchingIndex ix, float[] scores, int k, float floor, Workspace work, bool wide, Span<(int Offer, float Score)> best)
    {
        if (float.IsNaN(floor))
        {
            return 0;
        }

        // Minus infinity marks a pair that breaks a hard constraint; it never passes, whatever the floor asked.
        floor = MathF.Max(floor, float.MinValue);
        if (!wide)
        {
            var top = new TopList(k, floor);
            for (var j = 0; j < ix.Count; j++)
            {
                if (scores[j] >= floor)
                {
                    top.Offer(scores[j], j);
                }
            }

            return top.SortedInto(best);
        }

        var threshold = floor;
        if (k <= 64 && ix.Padded >= 16 * k)
        {
            threshold = MathF.Max(floor, k <= 16 ? Kernels512.ThresholdFromLaneMaxima(scores, ix.Padded, k) : Kernels512.ThresholdFromLaneTop4(scores, ix.Padded, k));
        }

        var n = Kernels512.Compact(scores, ix.Padded, threshold, work.SurvivorScores, work.SurvivorOffers);
        return Kernels512.Rank(work.SurvivorScores, work.SurvivorOffers, n, k, best);
    }

    /// <summary>Where <see cref="TopMany{TPeople}"/> finds each person prepared.</summary>
    private interface IPeople
    {
        int Count { get; }

        /// <summary>Person <paramref name="i"/> prepared; a source that prepares does so in <paramref name="own"/>, the thread's own instance.</summary>
        PreparedPerson Get(int i, ref PreparedPerson? own);
    }

    /// <summary>People prepared beforehand.</summary>
    private readonly struct Ready(IReadOnlyList<PreparedPerson> people) : IPeople
    {
        public int Count => people.Count;

        public PreparedPerson Get(int i, ref PreparedPerson? own) => people[i];
    }

    /// <summary>People prepared on the way, each into an instance the thread keeps.</summary>
    private readonly struct Preparing(IReadOnlyList<Person> people, MatchingIndex ix) : IPeople
    {
        public int Count => people.Count;

        public PreparedPerson Get(int i, ref PreparedPerson? own) => own = PreparedPerson.Create(people[i], ix, own);
    }

    /// <summary>Buffers for one thread: a person's scores (four people for the many-people kernel) and the survivors.</summary>
    private sealed class Workspace
    {
        [ThreadStatic]
        private static Workspace? _current;

        private Workspace(int padded, int features)
        {
            Padded = padded;
            Scores = [new float[padded], new float[padded], new float[padded], new float[padded]];
            SurvivorScores = new float[padded + 16];
            SurvivorOffers = new int[padded + 16];
            Packed = new float[4 * Math.Max(features, 1)];
        }

        /// <summary>The four people of the group being scored, kept to prepare the next group's people in.</summary>
        public PreparedPerson?[] Group { get; } = new PreparedPerson?[4];

        public int Padded { get; }

        public float[][] Scores { get; }

        public float[] SurvivorScores { get; }

        public int[] SurvivorOffers { get; }

        public float[] Packed { get; }

        public static Workspace For(MatchingIndex ix)
        {
            var current = _current;
            if (current is null || current.Padded < ix.Padded || current.Packed.Length < 4 * ix.FeatureCount)
            {
                _current = current = new Workspace(Math.Max(ix.Padded, current?.Padded ?? 0), Math.Max(ix.FeatureCount, (current?.Packed.Length ?? 0) / 4));
            }

            return current;
        }
    }
}
