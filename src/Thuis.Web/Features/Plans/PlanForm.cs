using System.ComponentModel.DataAnnotations;

namespace Thuis.Web.Features.Plans;

/// <summary>The draft plan as the edit page binds it: the terms, one goal per domain, and the steps with a few empty rows.</summary>
public sealed class PlanForm
{
    public const int BlankSteps = 3;

    public LearningRoute? LearningRoute { get; set; }
    public MainGoal? MainGoal { get; set; }

    [StringLength(2000, ErrorMessage = "Hoogstens 2000 tekens.")]
    public string? NewcomerWishes { get; set; }

    [Range(0, 40, ErrorMessage = "Kies 0 tot en met 40 uur per week.")]
    public int? MapHoursPerWeek { get; set; }

    [Range(0, 40, ErrorMessage = "Kies 0 tot en met 40 uur per week.")]
    public int? PvtHoursPerWeek { get; set; }

    public DateOnly? OntzorgenFrom { get; set; }
    public DateOnly? OntzorgenUntil { get; set; }

    [StringLength(1000, ErrorMessage = "Hoogstens 1000 tekens.")]
    public string? ChildcareArrangement { get; set; }

    [StringLength(1000, ErrorMessage = "Hoogstens 1000 tekens.")]
    public string? GuidanceArrangement { get; set; }

    [Range(1, 26, ErrorMessage = "Kies eens per 1 tot en met 26 weken.")]
    public int? ProgressMeetingEveryWeeks { get; set; }

    public DateOnly? NextProgressMeeting { get; set; }

    [Range(0, IntegrationPlan.PiezoPhaseMax, ErrorMessage = "Kies een fase van 0 tot en met 4.")]
    public int? PiezoPhase { get; set; }

    public List<GoalRow> Goals { get; set; } = [];
    public List<StepRow> Steps { get; set; } = [];

    /// <summary>"meer" when the user asked for more empty step rows after saving.</summary>
    public string? Then { get; set; }

    public Guid Version { get; set; }

    public static PlanForm From(IntegrationPlan plan)
    {
        var t = plan.Terms;
        return new PlanForm
        {
            LearningRoute = t.LearningRoute,
            MainGoal = t.MainGoal,
            NewcomerWishes = t.NewcomerWishes,
            MapHoursPerWeek = t.MapHoursPerWeek,
            PvtHoursPerWeek = t.PvtHoursPerWeek,
            OntzorgenFrom = t.OntzorgenFrom,
            OntzorgenUntil = t.OntzorgenUntil,
            ChildcareArrangement = t.ChildcareArrangement,
            GuidanceArrangement = t.GuidanceArrangement,
            ProgressMeetingEveryWeeks = t.ProgressMeetingEveryWeeks,
            NextProgressMeeting = t.NextProgressMeeting,
            PiezoPhase = t.PiezoPhase,
            Goals = [.. ParticipationDomains.All.Select(d => new GoalRow
            {
                Domain = d,
                Description = plan.Goals.SingleOrDefault(g => g.Domain == d)?.Description,
            })],
            Steps = WithBlankRows(plan.Steps.OrderBy(s => s.Position).Select(s => new StepRow
            {
                Id = s.Id,
                Domain = s.Domain,
                What = s.What,
                Owner = s.Owner,
                OwnerName = s.OwnerName,
                Due = s.Due,
                LowThreshold = s.LowThreshold,
                Offer = s.Offer,
            })),
            Version = plan.Version,
        };
    }

    public static List<StepRow> WithBlankRows(IEnumerable<StepRow> rows) =>
        [.. rows, .. Enumerable.Range(0, BlankSteps).Select(_ => new StepRow())];

    public PlanTerms Terms() => new(LearningRoute, MainGoal, NewcomerWishes, MapHoursPerWeek, PvtHoursPerWeek,
        OntzorgenFrom, OntzorgenUntil, ChildcareArrangement, GuidanceArrangement, ProgressMeetingEveryWeeks,
        NextProgressMeeting, PiezoPhase);

    public Dictionary<ParticipationDomain, string> GoalsByDomain() => Goals
        .Where(g => !string.IsNullOrWhiteSpace(g.Description))
        .GroupBy(g => g.Domain)
        .ToDictionary(g => g.Key, g => g.First().Description!);

    public List<StepContent> StepContents() => [.. Steps.Where(s => !s.IsBlank)
        .Select(s => new StepContent(s.Id, s.Domain, s.What!, s.Owner, s.OwnerName, s.Due, s.LowThreshold, s.Offer))];

    /// <summary>
    /// Rules across fields, with messages keyed by the field's path on the form. A draft has no decision date yet:
    /// the onderwijsroute is refused only when no decision date the plan could still get would allow it, that is when
    /// the person is 28 or older on <paramref name="earliestDecision"/> (the registration date, or the decision date of
    /// the version in force) and the route was not already given before the 28th birthday
    /// (<paramref name="educationGivenOn"/>). Fixing the plan checks the actual decision date. Ontzorgen lasts at
    /// least six months when the law obliges it (<paramref name="mustOntzorgen"/>, <see cref="IntegrationLaw.MustOntzorgen"/>).
    /// </summary>
    public Dictionary<string, string> Check(DateOnly today, DateOnly born, IReadOnlySet<Guid> existingSteps,
        DateOnly earliestDecision, DateOnly? educationGivenOn, bool mustOntzorgen)
    {
        var errors = new Dictionary<string, string>();
        var decidedAtTheEarliest = earliestDecision < today ? earliestDecision : today;
        if (LearningRoute is { } route && IntegrationLaw.RouteRefusal(route, born, decidedAtTheEarliest, educationGivenOn) is { } refusal)
        {
            errors[nameof(LearningRoute)] = refusal;
        }
        if (NextProgressMeeting is { } meeting && meeting < today)
        {
            errors[nameof(NextProgressMeeting)] = "De volgende voortgangsbespreking ligt in het verleden; kies vandaag of later.";
        }
        if (OntzorgenFrom is { } from && OntzorgenUntil is { } until && until < from)
        {
            errors[nameof(OntzorgenUntil)] = "Het einde van ontzorgen ligt vóór het begin.";
        }
        else if (IntegrationLaw.OntzorgenRefusal(mustOntzorgen, OntzorgenFrom, OntzorgenUntil) is { } tooShort)
        {
            errors[nameof(OntzorgenUntil)] = tooShort;
        }
        for (var i = 0; i < Steps.Count; i++)
        {
            var step = Steps[i];
            var path = $"{nameof(Steps)}[{i}]";
            if (step.Id is { } id && !existingSteps.Contains(id))
            {
                errors[$"{path}.{nameof(StepRow.What)}"] = "Deze stap hoort niet bij dit plan; open het plan opnieuw.";
            }
            else if (step.IsBlank)
            {
                continue;
            }
            else if (string.IsNullOrWhiteSpace(step.What))
            {
                errors[$"{path}.{nameof(StepRow.What)}"] = "Beschrijf wat de stap is, of maak de hele regel leeg.";
            }
            else if (step.What.Trim().Length > 500)
            {
                errors[$"{path}.{nameof(StepRow.What)}"] = "Hoogstens 500 tekens; maak de stap kleiner.";
            }
            if (!step.IsBlank && step.Due is null)
            {
                errors[$"{path}.{nameof(StepRow.Due)}"] = "Kies de datum waarop deze stap klaar moet zijn.";
            }
            else if (step.Id is null && step.Due is { } due && due < today)
            {
                errors[$"{path}.{nameof(StepRow.Due)}"] = "Een nieuwe stap kan niet in het verleden klaar moeten zijn.";
            }
        }
        return errors;
    }
}

public sealed class GoalRow
{
    public ParticipationDomain Domain { get; set; }

    [StringLength(1000, ErrorMessage = "Hoogstens 1000 tekens.")]
    public string? Description { get; set; }
}

public sealed class StepRow
{
    public Guid? Id { get; set; }
    public ParticipationDomain Domain { get; set; }
    public string? What { get; set; }
    public StepOwner Owner { get; set; }

    [StringLength(200, ErrorMessage = "Hoogstens 200 tekens.")]
    public string? OwnerName { get; set; }

    public DateOnly? Due { get; set; }
    public bool LowThreshold { get; set; }

    [StringLength(300, ErrorMessage = "Hoogstens 300 tekens.")]
    public string? Offer { get; set; }

    /// <summary>A row with nothing typed in it: an unused empty row, or a step the user removed by clearing it.</summary>
    public bool IsBlank => string.IsNullOrWhiteSpace(What) && string.IsNullOrWhiteSpace(OwnerName)
        && Due is null && !LowThreshold && string.IsNullOrWhiteSpace(Offer);
}
