namespace Thuis.Matching;

/// <summary>The reasons' texts that depend only on the pool, made once per index rather than once per suggestion.</summary>
internal sealed class ReasonTexts
{
    public ReasonTexts(MatchingIndex index)
    {
        _ = index;
    }
}
