using Thuis.Web.Features.Intake;
using Thuis.Web.Features.Occupations;

namespace Thuis.Web.Features.Work;

/// <summary>A step toward work at one's own level that the plan should hold: a diploma valuation or a recognition.</summary>
public sealed record WorkSuggestion(string Step, string Route, string? Source);

/// <summary>
/// What the intake says the road to work needs: each diploma whose valuation is not yet asked for (IDW), and for each former regulated
/// profession the recognition not yet given, with the route the authority describes.
/// </summary>
public static class WorkSuggestions
{
    private const string IdwSource = "https://www.idw.nl/";

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
