namespace Thuis.Web.Features.Work;

/// <summary>The contract a job offers, or the one someone was hired on.</summary>
public enum ContractKind
{
    /// <summary>Vast contract: for an indefinite time.</summary>
    Permanent,
    /// <summary>Tijdelijk contract: for a fixed time.</summary>
    Temporary,
    /// <summary>Uitzendwerk: through an employment agency.</summary>
    Agency,
    /// <summary>Oproepcontract (min-max or nulurencontract).</summary>
    OnCall,
}

/// <summary>Where an application stands, from applying to a job that lasts or ended.</summary>
public enum ApplicationState
{
    Applied,
    Interview,
    /// <summary>Proefplaatsing: working on trial while keeping the benefit.</summary>
    TrialPlacement,
    Hired,
    NotHired,
    /// <summary>Hired, and the job has since ended.</summary>
    Left,
}

/// <summary>What the job does to the person's benefit (Participatiewet): it goes on, goes down, or stops.</summary>
public enum BenefitAfterHire
{
    Continues,
    Partly,
    Fully,
}

/// <summary>A job coach is someone's professional (of the municipality or a partner) or a volunteer.</summary>
public enum JobCoachKind
{
    Professional,
    Volunteer,
}

public static class WorkTexts
{
    public static string Dutch(this ContractKind value) => value switch
    {
        ContractKind.Permanent => "vast contract",
        ContractKind.Temporary => "tijdelijk contract",
        ContractKind.Agency => "uitzendwerk",
        _ => "oproepcontract",
    };

    public static string Dutch(this ApplicationState value) => value switch
    {
        ApplicationState.Applied => "gesolliciteerd",
        ApplicationState.Interview => "op gesprek",
        ApplicationState.TrialPlacement => "proefplaatsing",
        ApplicationState.Hired => "aangenomen",
        ApplicationState.NotHired => "niet aangenomen",
        _ => "uit dienst",
    };

    public static string Dutch(this BenefitAfterHire value) => value switch
    {
        BenefitAfterHire.Continues => "uitkering loopt door",
        BenefitAfterHire.Partly => "gedeeltelijk uit de uitkering",
        _ => "helemaal uit de uitkering",
    };

    public static string Dutch(this JobCoachKind value) => value switch
    {
        JobCoachKind.Professional => "professional",
        _ => "vrijwilliger",
    };
}

public static class ApplicationTexts
{
    /// <summary>Where an application stands in a few words: "aangenomen op 3 november 2026 · 24 uur, tijdelijk contract".</summary>
    public static string Standing(JobApplication application) => application.State switch
    {
        ApplicationState.Hired => $"aangenomen op {Platform.Localization.DutchFormat.Date(application.HiredOn!.Value)} · {Terms(application)}",
        ApplicationState.Left => $"uit dienst sinds {Platform.Localization.DutchFormat.Date(application.EndedOn!.Value)} (aangenomen op {Platform.Localization.DutchFormat.Date(application.HiredOn!.Value)})",
        ApplicationState.NotHired => $"niet aangenomen: {application.EndReason}",
        _ => $"{application.State.Dutch()} sinds {Platform.Localization.DutchFormat.Date(application.LastStepOn)}",
    };

    /// <summary>"24 uur per week, tijdelijk contract, gedeeltelijk uit de uitkering".</summary>
    public static string Terms(JobApplication application) =>
        $"{application.HoursPerWeek} uur per week, {application.Contract?.Dutch()}, {application.Benefit?.Dutch()}";
}
