using System.Text.Json.Serialization;

namespace Thuis.Web.Features.Intake;

/// <summary>
/// One diploma from the country of origin or from the road here, with how far its valuation (IDW or Nuffic) is: not
/// asked, asked on a day, valued with the Dutch level it was given (NLQF), or not needed. The valued level is what
/// Thuis counts as the person's level from education.
/// </summary>
public sealed class Diploma
{
    public const int NameLength = 200;
    public const int CountryLength = 100;
    public const int ResultLength = 500;
    public const int EarliestYear = 1940;

    private Diploma()
    {
        Name = "";
    }

    /// <summary>A diploma as recorded; refuses what <see cref="Problems"/> names, so a stored diploma always keeps the rules.</summary>
    [JsonConstructor]
    public Diploma(string name, string? country, int? year, EducationLevel level, DiplomaValuation valuation, DateOnly? appliedOn, int? nlqf, string? result)
    {
        foreach (var (field, problem) in Problems(name, year, valuation, appliedOn, nlqf, result))
        {
            throw new ArgumentException(problem, field);
        }
        Name = name.Trim();
        Country = Clean(country);
        Year = year;
        Level = level;
        Valuation = valuation;
        AppliedOn = appliedOn;
        Nlqf = nlqf;
        Result = Clean(result);
    }

    /// <summary>What the diploma is, as the person names it: "Bachelor pedagogiek".</summary>
    public string Name { get; private set; }

    public string? Country { get; private set; }

    /// <summary>The year it was obtained, when known.</summary>
    public int? Year { get; private set; }

    /// <summary>Its level as education (ISCED); <see cref="EducationLevel.Unknown"/> when not given.</summary>
    public EducationLevel Level { get; private set; }

    public DiplomaValuation Valuation { get; private set; }

    /// <summary>The day the valuation was asked for, when known; kept once it is valued.</summary>
    public DateOnly? AppliedOn { get; private set; }

    /// <summary>The Dutch level the valuation gave, on the NLQF (1 entree … 8 doctor); only, and always, once valued.</summary>
    public int? Nlqf { get; private set; }

    /// <summary>The valuation's result in words, as the IDW wrote it: "hbo-bachelor".</summary>
    public string? Result { get; private set; }

    /// <summary>
    /// Why this diploma cannot be recorded, every reason at once and keyed by the field it concerns (the constructor's
    /// parameter names); empty when it can.
    /// </summary>
    public static Dictionary<string, string> Problems(string? name, int? year, DiplomaValuation valuation, DateOnly? appliedOn, int? nlqf, string? result)
    {
        var problems = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(name))
        {
            problems[nameof(name)] = "Vul in welke opleiding het is, bijvoorbeeld ‘Bachelor pedagogiek’.";
        }
        else if (name.Trim().Length > NameLength)
        {
            problems[nameof(name)] = $"Hoogstens {NameLength} tekens.";
        }
        if (year is { } y && y < EarliestYear)
        {
            problems[nameof(year)] = $"Vul een jaar vanaf {EarliestYear} in.";
        }
        if (nlqf is { } level && level is < EducationSection.NlqfLowest or > EducationSection.NlqfHighest)
        {
            problems[nameof(nlqf)] = "Kies een niveau van 1 tot en met 8.";
        }
        else if (nlqf is not null && valuation != DiplomaValuation.Valued)
        {
            problems[nameof(nlqf)] = "Een niveau hoort bij een gewaardeerd diploma: zet de diplomawaardering op ‘gewaardeerd’, of laat het niveau leeg.";
        }
        else if (nlqf is null && valuation == DiplomaValuation.Valued)
        {
            problems[nameof(nlqf)] = "Kies het Nederlandse niveau (NLQF) uit de waardering: een gewaardeerd diploma heeft een niveau.";
        }
        if (!string.IsNullOrWhiteSpace(result) && valuation != DiplomaValuation.Valued)
        {
            problems[nameof(result)] = "Een uitkomst hoort bij een gewaardeerd diploma: zet de diplomawaardering op ‘gewaardeerd’, of laat de uitkomst leeg.";
        }
        else if (result?.Trim().Length > ResultLength)
        {
            problems[nameof(result)] = $"Hoogstens {ResultLength} tekens.";
        }
        if (appliedOn is not null && valuation is not (DiplomaValuation.Applied or DiplomaValuation.Valued))
        {
            problems[nameof(appliedOn)] = "Een aanvraagdatum hoort bij een aangevraagde of gewaardeerde diplomawaardering.";
        }
        return problems;
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
