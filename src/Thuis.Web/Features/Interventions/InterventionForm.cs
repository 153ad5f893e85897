using System.ComponentModel.DataAnnotations;
using Thuis.Web.Features.Intake;
using Thuis.Web.Features.Plans;

namespace Thuis.Web.Features.Interventions;

/// <summary>One participation domain as a tick box on the intervention form.</summary>
public sealed class DomainChoice
{
    public ParticipationDomain Domain { get; set; }

    public bool Chosen { get; set; }
}

/// <summary>An intervention's description as the form shows it.</summary>
public sealed class InterventionForm
{
    [Required(ErrorMessage = "Geef de interventie een naam.")]
    [StringLength(200, ErrorMessage = "Hoogstens 200 tekens.")]
    public string? Name { get; set; }

    [Required(ErrorMessage = "Schrijf in een paar zinnen wat de interventie is.")]
    [StringLength(1000, ErrorMessage = "Hoogstens 1000 tekens.")]
    public string? Summary { get; set; }

    [StringLength(4000, ErrorMessage = "Hoogstens 4000 tekens.")]
    public string? Goal { get; set; }

    [StringLength(4000, ErrorMessage = "Hoogstens 4000 tekens.")]
    public string? Approach { get; set; }

    [StringLength(4000, ErrorMessage = "Hoogstens 4000 tekens.")]
    public string? WorkingElements { get; set; }

    [StringLength(4000, ErrorMessage = "Hoogstens 4000 tekens.")]
    public string? Preconditions { get; set; }

    public List<DomainChoice> Domains { get; set; } = [.. ParticipationDomains.All.Select(d => new DomainChoice { Domain = d })];

    [Range(0, InterventionRules.OldestAge, ErrorMessage = "Een leeftijd ligt tussen 0 en 120.")]
    public int? MinAge { get; set; }

    [Range(0, InterventionRules.OldestAge, ErrorMessage = "Een leeftijd ligt tussen 0 en 120.")]
    public int? MaxAge { get; set; }

    public TargetGender Gender { get; set; }

    public CefrLevel MinimumDutch { get; set; }

    public bool SuitsNonLiterate { get; set; }

    public bool ForParents { get; set; }

    public bool ForOver50 { get; set; }

    public bool ForYoungPeople { get; set; }

    public RecognitionLevel Recognition { get; set; }

    public DateOnly? AssessedOn { get; set; }

    public int? ValidYears { get; set; }

    public bool WellDescribed { get; set; }

    public bool RunningForYears { get; set; }

    public bool HasHandbook { get; set; }

    public bool ProcessEvaluated { get; set; }

    [StringLength(200, ErrorMessage = "Hoogstens 200 tekens.")]
    public string? Owner { get; set; }

    [Range(typeof(decimal), "0", "1000000", ErrorMessage = "Vul een bedrag van 0 tot 1.000.000 euro in.")]
    public decimal? CostPerParticipant { get; set; }

    [StringLength(200, ErrorMessage = "Hoogstens 200 tekens.")]
    public string? Duration { get; set; }

    [StringLength(500, ErrorMessage = "Hoogstens 500 tekens.")]
    public string? SourceUrl { get; set; }

    /// <summary>Only administrators choose: a shared entry for every municipality, or one for their own.</summary>
    public bool Shared { get; set; }

    public Guid Version { get; set; }

    /// <summary>Field errors of the rules the annotations cannot express, keyed by field.</summary>
    public Dictionary<string, string> RuleErrors()
    {
        var errors = new Dictionary<string, string>();
        if (!Domains.Any(d => d.Chosen))
        {
            errors[$"{nameof(Domains)}[0].{nameof(DomainChoice.Chosen)}"] = "Kies minstens één participatiedomein.";
        }
        if (InterventionRules.AgeBandError(MinAge, MaxAge) is { } age)
        {
            errors[nameof(MaxAge)] = age;
        }
        if (!string.IsNullOrWhiteSpace(SourceUrl)
            && !(Uri.TryCreate(SourceUrl.Trim(), UriKind.Absolute, out var source) && source.Scheme is "https" or "http"))
        {
            errors[nameof(SourceUrl)] = "Vul een volledig webadres in, beginnend met https://.";
        }
        if (InterventionRules.RecognitionError(new Recognition(Recognition, AssessedOn, ValidYears)) is { } recognition)
        {
            errors[AssessedOn is null ? nameof(AssessedOn) : nameof(ValidYears)] = recognition;
        }
        return errors;
    }

    public InterventionDetails ToDetails(bool isExample) => new(
        Name!, Summary!, Goal, Approach, WorkingElements, Preconditions,
        [.. Domains.Where(d => d.Chosen).Select(d => d.Domain)],
        new InterventionTargetGroup(MinAge, MaxAge, Gender, MinimumDutch, SuitsNonLiterate, ForParents, ForOver50, ForYoungPeople),
        new Recognition(Recognition, AssessedOn, ValidYears),
        new InclusionCriteria(WellDescribed, RunningForYears, HasHandbook, ProcessEvaluated),
        Owner, CostPerParticipant, Duration, SourceUrl, isExample);

    public static InterventionForm From(Intervention intervention) => new()
    {
        Name = intervention.Name,
        Summary = intervention.Summary,
        Goal = intervention.Goal,
        Approach = intervention.Approach,
        WorkingElements = intervention.WorkingElements,
        Preconditions = intervention.Preconditions,
        Domains = [.. ParticipationDomains.All.Select(d => new DomainChoice { Domain = d, Chosen = intervention.Domains.Contains(d) })],
        MinAge = intervention.Target.MinAge,
        MaxAge = intervention.Target.MaxAge,
        Gender = intervention.Target.Gender,
        MinimumDutch = intervention.Target.MinimumDutch,
        SuitsNonLiterate = intervention.Target.SuitsNonLiterate,
        ForParents = intervention.Target.ForParents,
        ForOver50 = intervention.Target.ForOver50,
        ForYoungPeople = intervention.Target.ForYoungPeople,
        Recognition = intervention.Recognition.Level,
        AssessedOn = intervention.Recognition.AssessedOn,
        ValidYears = intervention.Recognition.ValidYears,
        WellDescribed = intervention.Criteria.WellDescribed,
        RunningForYears = intervention.Criteria.RunningForYears,
        HasHandbook = intervention.Criteria.HasHandbook,
        ProcessEvaluated = intervention.Criteria.ProcessEvaluated,
        Owner = intervention.Owner,
        CostPerParticipant = intervention.CostPerParticipant,
        Duration = intervention.Duration,
        SourceUrl = intervention.SourceUrl,
        Shared = intervention.IsShared,
        Version = intervention.Version,
    };
}
