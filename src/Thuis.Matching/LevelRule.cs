using System.Runtime.CompilerServices;

namespace Thuis.Matching;

/// <summary>
/// Work at one's own level, as the scorer applies it (decision 0032): the level part of a score, which work is allowed
/// (own field, stepping stone, Piëzo phase), and the per-person pass that leaves out the rest in the kernels' scores.
/// </summary>
internal static class LevelRule
{
    /// <summary>
    /// Work at the person's level or one below adds the level fit; work asking two or more levels more takes it off;
    /// work further below (only in their own field or as a chosen stepping stone) takes it off for every level too many.
    /// </summary>
    public static float LevelPart(MatchingWeights w, int personLevel, int workLevel)
    {
        if (personLevel <= 0 || workLevel <= 0)
        {
            return 0f;
        }

        var gap = personLevel - workLevel;
        return gap > 1 ? -w.LevelFit * (gap - 1f) : gap < -1 ? -w.LevelFit : w.LevelFit;
    }

    /// <summary>Work more than one skill level below the person's (both known).</summary>
    public static bool Below(int personLevel, int workLevel) => personLevel > 0 && workLevel > 0 && personLevel - workLevel > 1;

    /// <summary>
    /// Work at one's own level: a stepping stone the plan chose is always allowed; otherwise a paid job waits for the
    /// Piëzo phase (or work as the plan's goal), and work more than one level below is only for one's own field.
    /// </summary>
    public static bool WorkAllowed(MatchingIndex ix, PreparedPerson p, int j)
    {
        if (Chosen(ix, p, j))
        {
            return true;
        }

        if (!p.PaidWork && ix.Offer(j).Kind == OfferKind.Job)
        {
            return false;
        }

        return !Below(p.Level, ix.Level[j]) || OwnField(ix, p, j);
    }

    /// <summary>Work whose ISCO code the person's plan chose as a stepping stone.</summary>
    public static bool Chosen(MatchingIndex ix, PreparedPerson p, int j) =>
        p.SteppingStones.Length > 0 && ix.Isco[j] > 0 && Array.IndexOf(p.SteppingStones, ix.Isco[j]) >= 0 && MatchingIndex.IsWork(ix.Offer(j).Kind);

    /// <summary>Work in the field of one of the person's former occupations: a family of groups in common, or the same sub-major group.</summary>
    public static bool OwnField(MatchingIndex ix, PreparedPerson p, int j)
    {
        if ((ix.Fields[j] & p.Fields) != 0)
        {
            return true;
        }

        var group = ix.IscoGroup[j];
        for (var k = 0; k < p.IscoGroup.Length; k++)
        {
            if (p.IscoGroup[k] == group)
            {
                return true;
            }
        }

        return false;
    }

    private static void LeaveOutOneByOne(MatchingIndex ix, PreparedPerson p, float[] scores, int[] offers)
    {
        foreach (var j in offers)
        {
            if (!WorkAllowed(ix, p, j))
            {
                scores[j] = float.NegativeInfinity;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void LeaveOutWorkBelowLevel(MatchingIndex ix, PreparedPerson p, float[] scores)
    {
        // A stepping stone is rare: those few people take the plain way, one offer and one rule at a time.
        if (p.SteppingStones.Length > 0 || p.IscoGroup.Length > 2)
        {
            LeaveOutOneByOne(ix, p, scores, p.Level >= 3 ? ix.WorkUpTo[p.Level - 2] : []);
            LeaveOutOneByOne(ix, p, scores, p.PaidWork ? [] : ix.Jobs);
            return;
        }

        // Work two levels below exists only for people of level three or four. Without branches: what is not in the
        // person's own field gets minus infinity added, which leaves minus infinity whatever the score was.
        if (p.Level >= 3)
        {
            var offers = ix.WorkUpTo[p.Level - 2];
            var fields = ix.WorkUpToFields[p.Level - 2];
            var groups = ix.WorkUpToGroups[p.Level - 2];
            var own = p.Fields;
            var group0 = p.IscoGroup.Length > 0 ? p.IscoGroup[0] : int.MinValue;
            var group1 = p.IscoGroup.Length > 1 ? p.IscoGroup[1] : int.MinValue;
            ReadOnlySpan<float> penalty = [float.NegativeInfinity, 0f];
            for (var i = 0; i < offers.Length; i++)
            {
                var inField = ((fields[i] & own) != 0) | (groups[i] == group0) | (groups[i] == group1);
                scores[offers[i]] += penalty[inField ? 1 : 0];
            }
        }

        if (!p.PaidWork)
        {
            foreach (var j in ix.Jobs)
            {
                scores[j] = float.NegativeInfinity;
            }
        }
    }
}
