namespace Thuis.Web.Features.Plans;

/// <summary>The six participation domains a plan's goals, interventions and offers are sorted by.</summary>
public enum ParticipationDomain
{
    /// <summary>Ontmoeten: meeting people; the low-threshold, fun start the seeds ask for.</summary>
    Meeting,
    CaringForOthers,
    SelfReliance,
    FinancialHealth,
    PaidWork,
    ContributingToSociety,
}

public static class ParticipationDomains
{
    public static IReadOnlyList<ParticipationDomain> All { get; } = Enum.GetValues<ParticipationDomain>();

    /// <summary>A domain as an address names it (?domein=Meeting); null for anything else, numbers included.</summary>
    public static ParticipationDomain? Parse(string? value) =>
        Enum.TryParse<ParticipationDomain>(value, ignoreCase: false, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(value, out _)
            ? parsed : null;

    public static string Dutch(this ParticipationDomain value) => value switch
    {
        ParticipationDomain.Meeting => "ontmoeten",
        ParticipationDomain.CaringForOthers => "voor anderen zorgen",
        ParticipationDomain.SelfReliance => "zelfredzaam zijn",
        ParticipationDomain.FinancialHealth => "financieel gezond zijn",
        ParticipationDomain.PaidWork => "betaald werk",
        _ => "bijdragen aan de samenleving",
    };
}
