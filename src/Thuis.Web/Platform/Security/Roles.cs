namespace Thuis.Web.Platform.Security;

/// <summary>The roles of Thuis, with the Dutch names users know them by.</summary>
public static class Roles
{
    public const string Administrator = nameof(Administrator);
    public const string Coordinator = nameof(Coordinator);
    public const string CaseManager = nameof(CaseManager);
    public const string VolunteerCoordinator = nameof(VolunteerCoordinator);
    public const string PartnerWorker = nameof(PartnerWorker);

    /// <summary>
    /// The privacy officer (functionaris gegevensbescherming): reads and verifies the audit trail, and sees no dossier and
    /// no page about people.
    /// </summary>
    public const string PrivacyOfficer = nameof(PrivacyOfficer);

    /// <summary>
    /// A newcomer in their own Thuis: bound to one person, sees only their own pages under <c>/mijn</c> and none of the
    /// staff's. Given only by an invitation from the dossier, never by the administrator.
    /// </summary>
    public const string Newcomer = nameof(Newcomer);

    /// <summary>
    /// A volunteer (vrijwilliger: taalmaatje, buddy) in their own view: bound to one volunteer of the social map, sees only
    /// their own matches under <c>/vrijwilliger</c> and none of the other staff pages. Given only by the volunteer
    /// coordinator's invitation from the volunteer's page, never by the administrator.
    /// </summary>
    public const string Volunteer = nameof(Volunteer);

    /// <summary>The roles of the people who work in Thuis, which the administrator gives.</summary>
    public static IReadOnlyList<string> All { get; } =
        [Administrator, Coordinator, CaseManager, VolunteerCoordinator, PartnerWorker, PrivacyOfficer];

    /// <summary>Every role that exists, the newcomer's included.</summary>
    public static IReadOnlyList<string> Existing { get; } = [.. All, Newcomer, Volunteer];

    /// <summary>Everyone who works in Thuis: the pages that are not the newcomer's own.</summary>
    public const string Staff = Administrator + "," + Coordinator + "," + CaseManager + "," + VolunteerCoordinator + "," + PartnerWorker + "," + PrivacyOfficer;

    /// <summary>Everyone who signs in with an e-mail address and a password of their own, and can change it: staff and volunteers.</summary>
    public const string WithPassword = Staff + "," + Volunteer;

    /// <summary>Roles that work with newcomers' dossiers inside the municipality.</summary>
    public const string DossierReaders = Coordinator + "," + CaseManager;

    /// <summary>Roles that read and verify the audit trail: who looked at and changed what, never the dossiers themselves.</summary>
    public const string AuditReaders = Administrator + "," + PrivacyOfficer;

    /// <summary>Roles that may read personal circumstances, including health (AVG art. 9).</summary>
    public const string HealthReaders = Coordinator + "," + CaseManager;

    /// <summary>
    /// Roles that may read a person's money: ontzorgen, the household budget, debts and arrears, with their amounts.
    /// Restricted like health; partners never.
    /// </summary>
    public const string FinanceReaders = Coordinator + "," + CaseManager;

    /// <summary>Roles that keep the municipality's integration budget and the prices of what it buys.</summary>
    public const string BudgetKeepers = Coordinator;

    public static string DutchName(string role) => role switch
    {
        Administrator => "functioneel beheerder",
        Coordinator => "coördinator integratie",
        CaseManager => "klantregisseur",
        VolunteerCoordinator => "coördinator vrijwilligers",
        PartnerWorker => "medewerker partnerorganisatie",
        PrivacyOfficer => "functionaris gegevensbescherming",
        Newcomer => "statushouder (eigen Thuis)",
        Volunteer => "vrijwilliger",
        _ => role,
    };
}
