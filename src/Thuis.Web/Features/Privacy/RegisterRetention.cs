using Thuis.Web.Features.Retention;

namespace Thuis.Web.Features.Privacy;

/// <summary>
/// The retention column of the processing register, per category (<see cref="DataCategory.Key"/>), read from the
/// retention rules Thuis applies (<see cref="RetentionRules"/>): everything about a person goes with the dossier, the
/// audit trail has its own rule. One row per category; a test checks that none is missing.
/// </summary>
public static class RegisterRetention
{
    private static readonly string[] WithTheDossier =
        ["identiteit", "intake", "gezondheid", "financien", "plan", "lessen", "vestigen", "participatie", "werk", "draagvlak", "vrijwilliger", "signalen", "eigen-thuis", "overdracht"];

    public static IReadOnlyDictionary<string, string> ByCategory { get; } =
        WithTheDossier.ToDictionary(key => key, _ => Describe("dossier"), StringComparer.Ordinal)
            .Append(KeyValuePair.Create("audittrail", Describe("audit")))
            .ToDictionary(StringComparer.Ordinal);

    public static string Of(string categoryKey) => ByCategory[categoryKey];

    private static string Describe(string kind)
    {
        var rule = RetentionRules.All.Single(r => r.Kind == kind);
        return $"{rule.Term} {rule.From} ({rule.Source})";
    }
}
