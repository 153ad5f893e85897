namespace Thuis.Web.Platform.Security;

/// <summary>The roles of Thuis, with the Dutch names users know them by.</summary>
public static class Roles
{
    public const string Administrator = nameof(Administrator);
    public const string Coordinator = nameof(Coordinator);
    public const string CaseManager = nameof(CaseManager);
    public const string VolunteerCoordinator = nameof(VolunteerCoordinator);
    public const string PartnerWorker = nameof(PartnerWorker);

    public static IReadOnlyList<string> All { get; } =
        [Administrator, Coordinator, CaseManager, VolunteerCoordinator, PartnerWorker];

    /// <summary>Roles that work with newcomers' dossiers inside the municipality.</summary>
    public const string DossierReaders = Coordinator + "," + CaseManager;

    /// <summary>Roles that may read personal circumstances, including health (AVG art. 9).</summary>
    public const string HealthReaders = Coordinator + "," + CaseManager;

    public static string DutchName(string role) => role switch
    {
        Administrator => "functioneel beheerder",
        Coordinator => "coördinator integratie",
        CaseManager => "klantregisseur",
        VolunteerCoordinator => "coördinator vrijwilligers",
        PartnerWorker => "medewerker partnerorganisatie",
        _ => role,
    };
}
