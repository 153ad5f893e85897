namespace Thuis.Web.Features.Intake;

/// <summary>CEFR level of one language skill; PreA1 covers "a few words".</summary>
public enum CefrLevel
{
    None,
    PreA1,
    A1,
    A2,
    B1,
    B2,
    C1,
    C2,
}

public enum Literacy
{
    Unknown,
    Literate,
    Partly,
    NotLiterate,
}

public enum LearnabilityOutcome
{
    NotTaken,
    B1Feasible,
    B1NotFeasible,
}

/// <summary>Highest completed education, on a scale that maps to ISCED 2011 (the number in brackets).</summary>
public enum EducationLevel
{
    Unknown,
    None,
    Primary,
    LowerSecondary,
    UpperSecondary,
    Vocational,
    Bachelor,
    Master,
    Doctorate,
}

/// <summary>Where the recognition of a foreign qualification for a regulated profession stands.</summary>
public enum RecognitionStatus
{
    NotApplied,
    Applied,
    /// <summary>The authority asks an adaptation period (aanpassingsstage) or an aptitude test (proeve van bekwaamheid) first.</summary>
    Conditions,
    Recognised,
    Refused,
}

/// <summary>How far a diploma's valuation (IDW or Nuffic) is.</summary>
public enum DiplomaValuation
{
    NotApplied,
    Applied,
    Valued,
    /// <summary>No valuation is needed, for instance for a school diploma when the person goes on with a Dutch education.</summary>
    NotNeeded,
}

public enum RelationKind
{
    Family,
    Friend,
    Compatriot,
    ExRefugee,
    Neighbour,
    Club,
    FaithCommunity,
    Colleague,
    Other,
}

public enum IncomeSource
{
    Unknown,
    Benefit,
    Work,
    PartnerIncome,
    StudentFinance,
    None,
}

public enum DebtHelp
{
    NotNeeded,
    Needed,
    Referred,
    Active,
}

public enum InvitationOutcome
{
    Planned,
    Attended,
    NoShow,
    Rescheduled,
}

public static class IntakeTexts
{
    public static string Dutch(this CefrLevel value) => value switch
    {
        CefrLevel.None => "geen",
        CefrLevel.PreA1 => "enkele woorden",
        _ => value.ToString(),
    };

    public static string Dutch(this Literacy value) => value switch
    {
        Literacy.Literate => "gealfabetiseerd in het Latijnse schrift",
        Literacy.Partly => "deels (leest en schrijft langzaam of alleen eigen schrift)",
        Literacy.NotLiterate => "niet gealfabetiseerd",
        _ => "nog niet bekend",
    };

    public static string Dutch(this LearnabilityOutcome value) => value switch
    {
        LearnabilityOutcome.B1Feasible => "B1 haalbaar",
        LearnabilityOutcome.B1NotFeasible => "B1 niet haalbaar",
        _ => "nog niet afgenomen",
    };

    public static string Dutch(this EducationLevel value) => value switch
    {
        EducationLevel.None => "geen onderwijs (ISCED 0)",
        EducationLevel.Primary => "basisonderwijs (ISCED 1)",
        EducationLevel.LowerSecondary => "lager voortgezet onderwijs (ISCED 2)",
        EducationLevel.UpperSecondary => "hoger voortgezet onderwijs (ISCED 3)",
        EducationLevel.Vocational => "beroepsopleiding na voortgezet onderwijs (ISCED 4–5)",
        EducationLevel.Bachelor => "bachelor (ISCED 6)",
        EducationLevel.Master => "master (ISCED 7)",
        EducationLevel.Doctorate => "doctoraat (ISCED 8)",
        _ => "nog niet bekend",
    };

    public static string Dutch(this DiplomaValuation value) => value switch
    {
        DiplomaValuation.Applied => "aangevraagd",
        DiplomaValuation.Valued => "gewaardeerd",
        DiplomaValuation.NotNeeded => "niet nodig",
        _ => "niet aangevraagd",
    };

    public static string Dutch(this RelationKind value) => value switch
    {
        RelationKind.Family => "familie",
        RelationKind.Friend => "vriend(in)",
        RelationKind.Compatriot => "landgenoot",
        RelationKind.ExRefugee => "ex-vluchteling",
        RelationKind.Neighbour => "buur",
        RelationKind.Club => "club of vereniging",
        RelationKind.FaithCommunity => "kerk, moskee of andere geloofsgemeenschap",
        RelationKind.Colleague => "(oud-)collega",
        _ => "anders",
    };

    public static string Dutch(this IncomeSource value) => value switch
    {
        IncomeSource.Benefit => "uitkering (Participatiewet)",
        IncomeSource.Work => "eigen werk",
        IncomeSource.PartnerIncome => "inkomen van partner",
        IncomeSource.StudentFinance => "studiefinanciering",
        IncomeSource.None => "geen inkomen",
        _ => "nog niet bekend",
    };

    public static string Dutch(this DebtHelp value) => value switch
    {
        DebtHelp.Needed => "nodig, nog niet geregeld",
        DebtHelp.Referred => "doorverwezen",
        DebtHelp.Active => "loopt",
        _ => "niet nodig",
    };

    public static string Dutch(this InvitationOutcome value) => value switch
    {
        InvitationOutcome.Attended => "verschenen",
        InvitationOutcome.NoShow => "niet verschenen",
        InvitationOutcome.Rescheduled => "verzet",
        _ => "gepland",
    };
}
