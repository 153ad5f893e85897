namespace Thuis.Web.Features.Dossiers;

public enum Gender
{
    Unknown,
    Female,
    Male,
    Other,
}

/// <summary>The legal target group of the Wet inburgering.</summary>
public enum TargetGroup
{
    AsylumPermitHolder,
    FamilyMigrant,
    OtherMigrant,
}

public enum DossierStatus
{
    Active,
    /// <summary>"Niet nu": the person asked to be left alone for a while.</summary>
    Paused,
    MovedAway,
    Completed,
}

public enum FamilyReunificationStatus
{
    NotApplicable,
    Considering,
    Applied,
    Granted,
    Arrived,
    Refused,
}

public static class DossierTexts
{
    public static string Dutch(this Gender value) => value switch
    {
        Gender.Female => "vrouw",
        Gender.Male => "man",
        Gender.Other => "anders",
        _ => "onbekend",
    };

    public static string Dutch(this TargetGroup value) => value switch
    {
        TargetGroup.AsylumPermitHolder => "asielstatushouder",
        TargetGroup.FamilyMigrant => "gezinsmigrant",
        _ => "overige migrant",
    };

    public static string Dutch(this DossierStatus value) => value switch
    {
        DossierStatus.Active => "actief",
        DossierStatus.Paused => "niet nu (gepauzeerd)",
        DossierStatus.MovedAway => "verhuisd",
        _ => "afgerond",
    };

    public static string Dutch(this FamilyReunificationStatus value) => value switch
    {
        FamilyReunificationStatus.NotApplicable => "niet van toepassing",
        FamilyReunificationStatus.Considering => "overweegt aanvraag",
        FamilyReunificationStatus.Applied => "aangevraagd",
        FamilyReunificationStatus.Granted => "toegekend, nog niet aangekomen",
        FamilyReunificationStatus.Arrived => "gezin is aangekomen",
        _ => "afgewezen",
    };
}
