using Thuis.Web.Features.Intake;
using Thuis.Web.Features.Occupations;
using Thuis.Web.Features.Plans;

namespace Thuis.Web.Features.Work;

/// <summary>
/// A step toward work at one's own level that the plan should hold: a diploma valuation, a recognition, or one of the
/// training steps; a training step (<paramref name="Training"/>) can be put in the plan with one button.
/// </summary>
public sealed record WorkSuggestion(string Step, string Route, string? Source, TrainingStep? Training = null);

/// <summary>
/// A step on the road to work that seed 003 asks for: a CV made with the person, training in applying, an elevator
/// pitch and a job coach. <paramref name="Key"/> names it in the form; <paramref name="Recognised"/> are the words by
/// which a plan step already is one (lower case), so the suggestion goes once the plan has it, whoever typed it.
/// </summary>
public sealed record TrainingStep(string Key, string What, string Why, StepOwner Owner, string? OwnerName, int DueInDays, string[] Recognised)
{
    public bool IsIn(IEnumerable<string> steps) =>
        steps.Any(step => Recognised.Any(word => step.Contains(word, StringComparison.OrdinalIgnoreCase)));

    /// <summary>The plan step it becomes: in the work domain, with its owner and a due date from today.</summary>
    public StepContent Content(DateOnly today) =>
        new(null, ParticipationDomain.PaidWork, What, Owner, OwnerName, today.AddDays(DueInDays), false, null);
}

/// <summary>
/// What the intake says the road to work needs: each diploma whose valuation is not yet asked for (IDW), and for each former regulated
/// profession the recognition not yet given, with the route the authority describes.
/// </summary>
public static class WorkSuggestions
{
    private const string IdwSource = "https://www.idw.nl/";

    /// <summary>Seed 003's training for the labour market, in the order a person usually takes them.</summary>
    public static readonly IReadOnlyList<TrainingStep> Training =
    [
        new("cv", "Cv maken in het Nederlands, samen met de klantregisseur",
            "Een cv uit de intake, samen aangevuld en nagelopen: werkgevers, de jobcoach en de sollicitatietraining werken ermee.",
            StepOwner.CaseManager, null, 21, ["cv", "curriculum"]),
        new("sollicitatietraining", "Sollicitatietraining volgen",
            "Leren hoe solliciteren hier gaat: een vacature lezen, een brief of mail, bellen en een gesprek oefenen. Veel nieuwkomers hebben geen basis op de Nederlandse arbeidsmarkt.",
            StepOwner.Newcomer, null, 56, ["sollicit"]),
        new("elevator-pitch", "Elevator pitch maken en oefenen",
            "In een minuut vertellen wie je bent, wat je kunt en wat je zoekt, zodat een werkgever je vak en je kwaliteiten ziet.",
            StepOwner.Newcomer, null, 70, ["pitch"]),
        new(JobCoachKey, "Kennismaken met een jobcoach",
            "Een jobcoach (beroepskracht of vrijwilliger) begeleidt intensief naar en op het werk, en kent de kansen in de regio.",
            StepOwner.CaseManager, null, 28, ["jobcoach", "job coach"]),
    ];

    private const string JobCoachKey = "jobcoach";

    /// <summary>
    /// The training steps for a plan whose main goal is work or that stands in Piëzo phase 2 or higher, each only while
    /// the plan has no such step yet — and meeting a job coach only while the person has none. Without a plan there is
    /// nothing to put them in.
    /// </summary>
    public static IReadOnlyList<WorkSuggestion> TrainingFor(IntegrationPlan? working, bool hasJobCoach)
    {
        if (working is null || !(working.MainGoal == MainGoal.Work || working.PiezoPhase >= 2))
        {
            return [];
        }
        var steps = working.Steps.Select(s => s.What).ToList();
        return [.. Training.Where(t => !t.IsIn(steps) && !(hasJobCoach && t.Key == JobCoachKey)).Select(t => new WorkSuggestion(t.What, t.Why, null, t))];
    }

    public static TrainingStep? FindTraining(string? key) => Training.SingleOrDefault(t => t.Key == key);

    public static IReadOnlyList<WorkSuggestion> For(EducationSection? education, WorkExperienceSection? work, OccupationCatalogue occupations)
    {
        var suggestions = new List<WorkSuggestion>();
        // One step per diploma not yet asked for; while one is asked for, waiting for the answer is no step of the plan's.
        foreach (var diploma in education?.Diplomas.Where(d => d.Valuation == DiplomaValuation.NotApplied && d.Name.Length > 0) ?? [])
        {
            suggestions.Add(new($"Diplomawaardering aanvragen bij IDW voor {diploma.Name}",
                "IDW (Internationale Diplomawaardering) zegt welk Nederlands niveau het diploma heeft; daarmee stelt Thuis werk op het eigen niveau voor en zien werkgevers wat iemand kan.",
                IdwSource));
        }
        foreach (var job in work?.Jobs ?? [])
        {
            if (job.EscoUri is { } uri && occupations.Find(uri) is { } occupation && RegulatedProfessions.Of(occupation.IscoGroup) is { } profession
                && job.Recognition is not (RecognitionStatus.Recognised or RecognitionStatus.Refused))
            {
                var step = job.Recognition == RecognitionStatus.NotApplied
                    ? $"Erkenning als {profession.Name} aanvragen bij {profession.Authority.Dutch()}"
                    : $"Erkenning als {profession.Name} bij {profession.Authority.Dutch()} volgen: {job.Recognition.Dutch()}";
                suggestions.Add(new(step, profession.Route, profession.Source));
            }
        }
        return suggestions.DistinctBy(s => s.Step).ToList();
    }
}
