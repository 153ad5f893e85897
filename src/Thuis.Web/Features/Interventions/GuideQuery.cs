using System.Globalization;
using Thuis.Web.Features.Intake;
using Thuis.Web.Features.Plans;

namespace Thuis.Web.Features.Interventions;

/// <summary>
/// The guide's address bar in Dutch (domein, doelgroep, leeftijd, taal, ...), read into criteria. A person's
/// data fills what the address leaves open, until the form has been submitted once (aangepast=1): from then on
/// the form says exactly what is asked, also when a filter was cleared on purpose.
/// </summary>
public sealed record GuideQuery(
    string? Domain, string? Focus, string? Recognition, string? Here, string? Text,
    string? Age, string? Dutch, string? Gender, string? Parent, string? NotLiterate, bool Adjusted)
{
    public const string Yes = "ja";
    public const string No = "nee";

    public GuideCriteria ToCriteria(GuidePerson? person)
    {
        var fill = person is not null && !Adjusted;
        return new GuideCriteria(
            Domain: Parse<ParticipationDomain>(Domain),
            Focus: Parse<TargetFocus>(Focus),
            MinimumRecognition: Parse<RecognitionLevel>(Recognition),
            AvailableHereOnly: Here == Yes,
            Text: string.IsNullOrWhiteSpace(Text) ? null : Text.Trim(),
            Age: int.TryParse(Age, NumberStyles.None, CultureInfo.InvariantCulture, out var age) && age <= InterventionRules.OldestAge ? age
                : fill ? person!.Age : null,
            DutchLevel: Parse<CefrLevel>(Dutch) ?? (fill ? person!.DutchLevel : null),
            Gender: Gender switch
            {
                "vrouw" => Dossiers.Gender.Female,
                "man" => Dossiers.Gender.Male,
                _ => fill && person!.Gender is Dossiers.Gender.Female or Dossiers.Gender.Male ? person.Gender : null,
            },
            IsParent: Parent switch
            {
                Yes => true,
                No => false,
                _ => fill ? person!.IsParent : null,
            },
            NotLiterate: NotLiterate == Yes || (fill && person!.NotLiterate));
    }

    private static T? Parse<T>(string? value) where T : struct, Enum =>
        Enum.TryParse<T>(value, ignoreCase: false, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(value, out _) ? parsed : null;
}
