namespace Thuis.Matching;

/// <summary>What a reason is about, so the app can group or filter them.</summary>
public enum ReasonKind
{
    Talent,
    Interest,
    Wish,
    Giving,
    Occupation,
    Language,
    Distance,
    Network,
    EducationLevel,
    Dutch,
    LowThreshold,
    Cost,
    Childcare,
}

/// <summary>One part of a score, in words a case manager understands, with what it added (negative: what it took off).</summary>
public sealed record Reason(ReasonKind Kind, string Text, double Contribution);

/// <summary>
/// The engine's output: an offer suggested for a person, with its score and the reasons that add up to it.
/// A case manager turns it into a proposal to the newcomer; the engine never decides.
/// </summary>
public sealed record Suggestion(string PersonId, string OfferId, double Score, IReadOnlyList<Reason> Reasons, string RulesVersion);
