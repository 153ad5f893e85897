namespace Thuis.Matching;

/// <summary>
/// The matching engine of Thuis: plain records in, ranked suggestions and assignments out.
/// It knows nothing of databases or the web, so it can be tested and benchmarked on its own.
/// </summary>
public static class MatchingEngine
{
    /// <summary>The version of the scoring rules, recorded with every suggestion so it can be explained later.</summary>
    public const string RulesVersion = "0";
}
