namespace Thuis.Web.Features.Occupations;

/// <summary>
/// An ESCO occupation. The URI is how Thuis records it; the ISCO-08 unit group (four digits) groups
/// close occupations together.
/// </summary>
public sealed record Occupation(
    string Uri,
    string IscoGroup,
    string LabelNl,
    string LabelEn,
    IReadOnlyList<string> AlternativeLabelsNl,
    IReadOnlyList<string> AlternativeLabelsEn);

/// <summary>An ISCO-08 group of one to four digits with its English label.</summary>
public sealed record IscoEntry(string Code, string Label)
{
    public override string ToString() => $"{Code} {Label}";
}

/// <summary>
/// A search result. When the occupation was found through one of its alternative labels, that label is
/// given so the page can show it beside the preferred label ("kok (ook: ...)").
/// </summary>
public sealed record OccupationMatch(Occupation Occupation, string? MatchedAlternativeLabel);
