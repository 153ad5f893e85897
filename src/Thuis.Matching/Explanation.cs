using System.Runtime.CompilerServices;

namespace Thuis.Matching;

/// <summary>Breaks a pair's score into its parts, each in words a case manager understands.</summary>
internal static class Explanation
{
    // Room for one pair's reasons when they are returned as an array of their own: one buffer per thread.
    [ThreadStatic]
    private static Reason[]? _scratch;

    /// <summary>At most this many reasons for one pair: one per tag and one for each other part.</summary>
    public static int MaxReasons(MatchingIndex ix) => ix.FeatureCount + 12;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Suggestion Suggestion(MatchingIndex ix, PreparedPerson p, int j, float score) =>
        new(p.Source.Id, ix.Offer(j).Id, score, Reasons(ix, p, j), MatchingEngine.RulesVersion);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Reason[] Reasons(MatchingIndex ix, PreparedPerson p, int j)
    {
        var scratch = _scratch is { } buffer && buffer.Length >= MaxReasons(ix) ? buffer : (_scratch = new Reason[MaxReasons(ix)]);
        return scratch.AsSpan(0, Write(ix, p, j, scratch)).ToArray();
    }

    /// <summary>
    /// Writes the reasons of pair (<paramref name="p"/>, <paramref name="j"/>) to <paramref name="found"/> (room for
    /// <see cref="MaxReasons"/>), largest contribution first, and returns how many.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int Write(MatchingIndex ix, PreparedPerson p, int j, Span<Reason> found)
    {
        var w = ix.Weights;
        var texts = ix.Texts;
        var offer = ix.Offer(j);
        var person = p.Source;
        var count = 0;

        for (var f = 0; f < ix.FeatureCount; f++)
        {
            if (p.Features[f] != 0f && (ix.TagMask[(j * ix.TagWords) + (f / 64)] & (1UL << (f % 64))) != 0)
            {
                var weight = p.Features[f];
                var from = p.FeatureSources[f];
                var (kind, text) =
                    (ix.PreferredMask[(j * ix.TagWords) + (f / 64)] & (1UL << (f % 64))) != 0 ? (ReasonKind.Preference, texts.Preferred(j, f, (p.FeatureSources[f] & PreparedPerson.FromProfile) != 0)) :
                    weight == w.Talent && (from & PreparedPerson.FromTalents) != 0 ? (ReasonKind.Talent, texts.Talent[f]) :
                    weight == w.Wish && (from & PreparedPerson.FromWishes) != 0 ? (ReasonKind.Wish, texts.Wish[f]) :
                    weight == w.Interest && (from & PreparedPerson.FromInterests) != 0 ? (ReasonKind.Interest, texts.Interest[f]) :
                    (ReasonKind.Giving, texts.Giving[f]);
                found[count++] = new Reason(kind, text, weight);
            }
        }

        if (offer.Occupation is { } needed)
        {
            var code = ix.Isco[j];
            Occupation? exact = null;
            Occupation? related = null;
            foreach (var former in person.FormerOccupations)
            {
                var c = MatchingIndex.ParseIsco(former.IscoCode);
                if (exact is null && c == code && code > 0)
                {
                    exact = former;
                }

                if (related is null && c > 0 && c / 100 == ix.IscoGroup[j])
                {
                    related = former;
                }
            }

            if (exact is not null)
            {
                found[count++] = new Reason(ReasonKind.Occupation, texts.Occupation(exact.Label, needed.Label, exact: true), w.Occupation);
            }
            else if (related is not null)
            {
                found[count++] = new Reason(ReasonKind.Occupation, texts.Occupation(related.Label, needed.Label, exact: false), w.Occupation * 0.5f);
            }
        }

        var languages = ix.OfferLanguages[j];
        for (var i = 0; i < languages.Length; i++)
        {
            if ((p.LanguageAtLevel[(int)CefrLevel.A1] & (1UL << languages[i])) != 0)
            {
                found[count++] = new Reason(ReasonKind.Language, texts.Language(j, i), w.SharedLanguage);
                break;
            }
        }

        if (ix.Located[j] * p.Located > 0f)
        {
            var dx = ix.X[j] - p.X;
            var dy = ix.Y[j] - p.Y;
            var km = MathF.Sqrt(MathF.FusedMultiplyAdd(dx, dx, dy * dy));
            var distance = MathF.Max(w.Distance - (km * ix.DistancePerKm), -w.Distance);
            var minutes = Math.Max(1, (int)MathF.Round(km * 60f / w.BikeKilometresPerHour));
            AddIfNotZero(found, ref count, ReasonKind.Distance, texts.Minutes(minutes, distance < 0), distance);
        }

        if (p.Level > 0 && ix.Level[j] > 0)
        {
            found[count++] = new Reason(ReasonKind.EducationLevel, LevelText(ix, p, j), LevelRule.LevelPart(w, p.Level, ix.Level[j]));
        }

        var dutch = p.Dutch - (int)offer.DutchNeeded <= 1 ? w.DutchFit : w.DutchFit * 0.5f;
        AddIfNotZero(found, ref count, ReasonKind.Dutch, ReasonTexts.Dutch(offer.DutchNeeded), dutch);

        var n = Array.BinarySearch(p.NetworkOffers, j);
        if (n >= 0)
        {
            var known = p.NetworkCounts[n];
            found[count++] = new Reason(ReasonKind.Network, ReasonTexts.Known(known), Scorer.NetworkBonus(ix, known));
        }

        var (lowThreshold, cost, childcare) = MatchingIndex.OfferConstants(offer, w);
        AddIfNotZero(found, ref count, ReasonKind.LowThreshold, "laagdrempelig en leuk om mee te beginnen", lowThreshold);
        if (cost != 0f)
        {
            found[count++] = new Reason(ReasonKind.Cost, texts.Cost(j), cost);
        }

        if (p.NeedsChildcare)
        {
            AddIfNotZero(found, ref count, ReasonKind.Childcare, offer.Childcare ? "kinderopvang geregeld" : "geen kinderopvang, terwijl dat nodig is", childcare);
        }

        // Largest contribution first; equal contributions keep the order above (a stable insertion sort of a few items, in place).
        for (var i = 1; i < count; i++)
        {
            var reason = found[i];
            var at = i;
            while (at > 0 && found[at - 1].Contribution < reason.Contribution)
            {
                found[at] = found[at - 1];
                at--;
            }

            found[at] = reason;
        }

        return count;

        static string LevelText(MatchingIndex ix, PreparedPerson p, int j)
        {
            var texts = ix.Texts;
            if (LevelRule.Chosen(ix, p, j))
            {
                var code = ix.Isco[j];
                var stones = p.Source.SteppingStones;
                for (var s = 0; s < stones.Count; s++)
                {
                    if (MatchingIndex.ParseIsco(stones[s].IscoCode) == code)
                    {
                        return texts.SteppingStone(stones[s].Reason);
                    }
                }
            }

            if (LevelRule.Below(p.Level, ix.Level[j]))
            {
                var formers = p.Source.FormerOccupations;
                for (var f = 0; f < formers.Count; f++)
                {
                    var code = MatchingIndex.ParseIsco(formers[f].IscoCode);
                    if (WorkLevels.SameField(code, ix.Isco[j], WorkLevels.FieldsOf(code), ix.Fields[j]))
                    {
                        return texts.OwnField(formers[f].Label);
                    }
                }
            }

            return p.Level - ix.Level[j] < -1 ? ReasonTexts.AboveLevel : texts.AtLevel(p.Source, p.Level);
        }

        static void AddIfNotZero(Span<Reason> found, ref int count, ReasonKind kind, string text, float contribution)
        {
            if (contribution != 0f)
            {
                found[count++] = new Reason(kind, text, contribution);
            }
        }
    }
}
