namespace Thuis.Matching;

/// <summary>
/// How much each part of a match counts. The defaults are the rules of <see cref="MatchingEngine.RulesVersion"/>;
/// a municipality may tune them, and every suggestion's reasons show what each part added.
/// </summary>
public sealed record MatchingWeights
{
    /// <summary>A shared tag the person is good at.</summary>
    public float Talent { get; init; } = 1.0f;

    /// <summary>A shared tag the person wishes for.</summary>
    public float Wish { get; init; } = 1.0f;

    public float Interest { get; init; } = 0.8f;

    /// <summary>A shared tag the person wants to give to others.</summary>
    public float Giving { get; init; } = 0.6f;

    /// <summary>Same ISCO unit group as a former occupation; half for the same sub-major group.</summary>
    public float Occupation { get; init; } = 1.5f;

    public float SharedLanguage { get; init; } = 0.8f;

    /// <summary>Near counts up to this; at <see cref="NeutralBikeMinutes"/> it counts nothing, further away it counts against, down to minus this.</summary>
    public float Distance { get; init; } = 1.0f;

    public float NeutralBikeMinutes { get; init; } = 30f;

    public float BikeKilometresPerHour { get; init; } = 15f;

    /// <summary>Per person known there, for at most <see cref="NetworkMaxPeople"/>.</summary>
    public float KnownPerson { get; init; } = 0.4f;

    public int NetworkMaxPeople { get; init; } = 3;

    /// <summary>Job level within one step of the education: plus this; per step of under-employment beyond one: minus this.</summary>
    public float LevelFit { get; init; } = 0.8f;

    /// <summary>The Dutch asked is the person's level or one below it; half when it asks less.</summary>
    public float DutchFit { get; init; } = 0.3f;

    public float LowThreshold { get; init; } = 0.3f;

    /// <summary>Minus this per euro a month, at most <see cref="MaxCostPenalty"/>.</summary>
    public float CostPerEuro { get; init; } = 0.02f;

    public float MaxCostPenalty { get; init; } = 1.0f;

    public float ChildcareProvided { get; init; } = 0.3f;

    public float ChildcareMissing { get; init; } = 0.5f;

    public static MatchingWeights Default { get; } = new();
}
