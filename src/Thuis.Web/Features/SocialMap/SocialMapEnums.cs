namespace Thuis.Web.Features.SocialMap;

/// <summary>The kinds of local organisations the social map knows.</summary>
public enum OrganisationType
{
    SportsClub,
    MusicAndCulture,
    ReligiousCommunity,
    VolunteerOrganisation,
    SchoolOrParentRoom,
    Employer,
    LanguageSchool,
    VluchtelingenWerk,
    Welfare,
    DebtHelp,
    Library,
    /// <summary>Maatschappelijk werk: professional social work.</summary>
    SocialWork,
    /// <summary>Zorg en GGZ: a GP practice, mental health care, youth care.</summary>
    Healthcare,
    Other,
}

/// <summary>What an offer is: something to join, to do for others, to learn, or to earn with.</summary>
public enum OfferKind
{
    Activity,
    Membership,
    VolunteerRole,
    Course,
    Internship,
    Job,
}

/// <summary>
/// A group an offer is especially meant for. An offer without one is for everyone; the coverage view
/// counts offers per group to show where a group has nothing aimed at it.
/// </summary>
public enum TargetAudience
{
    Youth,
    Parents,
    Over50,
    Women,
    LowLiterate,
}

public enum VolunteerRole
{
    /// <summary>Taalmaatje: practises Dutch with a newcomer.</summary>
    LanguageBuddy,
    Buddy,
    JobCoach,
    RoleModel,
    /// <summary>Thuisadministratie: helps keep letters, bills and money in order.</summary>
    HomeAdministration,
}

/// <summary>Screening of a volunteer: the Verklaring Omtrent het Gedrag (VOG).</summary>
public enum VogStatus
{
    NotRequested,
    Requested,
    Received,
}

public enum PartOfDay
{
    Morning,
    Afternoon,
    Evening,
}

public static class SocialMapTexts
{
    /// <summary>Names in the order a Dutch reader expects: "cbs De Wegwijzer" among the C, whatever the database sorts.</summary>
    public static StringComparer NameOrder { get; } = StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("nl-NL"), ignoreCase: true);

    /// <summary>
    /// The kinds of organisation that give professional help — social work, care and mental health care, debt help,
    /// VluchtelingenWerk's counsellors — to whom a case manager can escalate a signal. A club, a community centre
    /// (welzijn) or an employer is not one.
    /// </summary>
    public static IReadOnlyList<OrganisationType> ProfessionalHelp { get; } =
        [OrganisationType.SocialWork, OrganisationType.Healthcare, OrganisationType.DebtHelp, OrganisationType.VluchtelingenWerk];

    public static string Dutch(this OrganisationType value) => value switch
    {
        OrganisationType.SportsClub => "sportvereniging",
        OrganisationType.MusicAndCulture => "muziek en cultuur",
        OrganisationType.ReligiousCommunity => "kerk, moskee of andere geloofsgemeenschap",
        OrganisationType.VolunteerOrganisation => "vrijwilligersorganisatie",
        OrganisationType.SchoolOrParentRoom => "school of ouderkamer",
        OrganisationType.Employer => "werkgever",
        OrganisationType.LanguageSchool => "taalschool",
        OrganisationType.VluchtelingenWerk => "VluchtelingenWerk",
        OrganisationType.Welfare => "welzijn",
        OrganisationType.DebtHelp => "schuldhulp",
        OrganisationType.Library => "bibliotheek",
        OrganisationType.SocialWork => "maatschappelijk werk",
        OrganisationType.Healthcare => "zorg en GGZ",
        _ => "overig",
    };

    public static string Dutch(this OfferKind value) => value switch
    {
        OfferKind.Activity => "activiteit",
        OfferKind.Membership => "lidmaatschap",
        OfferKind.VolunteerRole => "vrijwilligerswerk",
        OfferKind.Course => "cursus",
        OfferKind.Internship => "stage",
        _ => "baan",
    };

    public static string Dutch(this TargetAudience value) => value switch
    {
        TargetAudience.Youth => "jongeren",
        TargetAudience.Parents => "ouders",
        TargetAudience.Over50 => "50-plussers",
        TargetAudience.Women => "vrouwen",
        _ => "laaggeletterden",
    };

    public static string Dutch(this VolunteerRole value) => value switch
    {
        VolunteerRole.LanguageBuddy => "taalmaatje",
        VolunteerRole.Buddy => "buddy",
        VolunteerRole.JobCoach => "jobcoach",
        VolunteerRole.RoleModel => "rolmodel",
        _ => "thuisadministratie",
    };

    /// <summary>The role with its article, as a sentence names the volunteer: "het taalmaatje", "de buddy".</summary>
    public static string WithArticle(this VolunteerRole value) => value switch
    {
        VolunteerRole.LanguageBuddy => "het taalmaatje",
        VolunteerRole.Buddy => "de buddy",
        VolunteerRole.JobCoach => "de jobcoach",
        VolunteerRole.RoleModel => "het rolmodel",
        _ => "de vrijwilliger van de thuisadministratie",
    };

    public static string Dutch(this VogStatus value) => value switch
    {
        VogStatus.Requested => "aangevraagd",
        VogStatus.Received => "ontvangen",
        _ => "niet aangevraagd",
    };

    public static string Dutch(this PartOfDay value) => value switch
    {
        PartOfDay.Morning => "ochtend",
        PartOfDay.Afternoon => "middag",
        _ => "avond",
    };

    /// <summary>A value from its Dutch name, as people type it in a CSV file; null when no value has that name.</summary>
    public static T? FromDutch<T>(string? text, Func<T, string> dutch) where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var wanted = text.Trim();
        foreach (var value in Enum.GetValues<T>())
        {
            if (string.Equals(dutch(value), wanted, StringComparison.OrdinalIgnoreCase)
                || string.Equals(value.ToString(), wanted, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }
        return null;
    }
}
