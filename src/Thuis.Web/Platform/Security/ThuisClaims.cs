namespace Thuis.Web.Platform.Security;

/// <summary>Claim types Thuis adds to a signed-in user's principal.</summary>
public static class ThuisClaims
{
    public const string MunicipalityId = "thuis:municipality";
    public const string MunicipalityName = "thuis:municipality_name";
    public const string OrganisationId = "thuis:organisation";
    public const string DisplayName = "thuis:display_name";

    /// <summary>The one person a newcomer's account belongs to; every <c>/mijn</c> page reads the person from here.</summary>
    public const string NewcomerId = "thuis:newcomer";

    /// <summary>The one volunteer a volunteer's account belongs to; every <c>/vrijwilliger</c> page reads the volunteer from here.</summary>
    public const string VolunteerId = "thuis:volunteer";

    /// <summary>Present when the municipality requires two-factor sign-in and the user has not set it up yet.</summary>
    public const string TwoFactorSetupRequired = "thuis:2fa_setup_required";
}
