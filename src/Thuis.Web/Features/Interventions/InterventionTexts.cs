namespace Thuis.Web.Features.Interventions;

public static class InterventionTexts
{
    public static string Dutch(this RecognitionLevel value) => value switch
    {
        RecognitionLevel.PracticeExample => "praktijkvoorbeeld",
        RecognitionLevel.WellDescribed => "goed beschreven",
        RecognitionLevel.WellFounded => "goed onderbouwd",
        RecognitionLevel.EffectiveFirstIndications => "effectief – eerste aanwijzingen",
        RecognitionLevel.EffectiveGoodIndications => "effectief – goede aanwijzingen",
        RecognitionLevel.EffectiveStrongIndications => "effectief – sterke aanwijzingen",
        _ => "niet erkend",
    };

    public static string Dutch(this TargetGender value) => value switch
    {
        TargetGender.Women => "alleen vrouwen",
        TargetGender.Men => "alleen mannen",
        _ => "iedereen",
    };

    public static string Dutch(this TargetFocus value) => value switch
    {
        TargetFocus.Parents => "ouders",
        TargetFocus.Over50 => "50-plussers",
        TargetFocus.YoungPeople => "jongeren",
        TargetFocus.NonLiterate => "niet of weinig geletterden",
        TargetFocus.Women => "vrouwen",
        _ => "mannen",
    };

    /// <summary>The age band as a person reads it: "18 tot en met 67 jaar", "vanaf 50 jaar", "alle leeftijden".</summary>
    public static string AgeBand(InterventionTargetGroup target) => (target.MinAge, target.MaxAge) switch
    {
        ({ } min, { } max) => $"{min} tot en met {max} jaar",
        ({ } min, null) => $"vanaf {min} jaar",
        (null, { } max) => $"tot en met {max} jaar",
        _ => "alle leeftijden",
    };

    public static string YesNo(bool value) => value ? "ja" : "nee";
}
