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
