using Thuis.Web.Platform.Security;

namespace Thuis.Web.Features.SocialMap;

/// <summary>Who may see and keep the social map and the volunteers.</summary>
public static class SocialMapRoles
{
    /// <summary>Case managers look offers up for the people they guide; coordinators keep the map.</summary>
    public const string MapReaders = Roles.Coordinator + "," + Roles.CaseManager + "," + Roles.VolunteerCoordinator;

    public const string MapEditors = Roles.Coordinator;

    /// <summary>Volunteers are people: only those who work with them see them.</summary>
    public const string VolunteerReaders = Roles.Coordinator + "," + Roles.VolunteerCoordinator;

    public const string VolunteerEditors = Roles.VolunteerCoordinator;
}
