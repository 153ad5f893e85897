using System.Security.Claims;

namespace Thuis.Web.Platform.Security;

/// <summary>
/// Who is acting in this scope: the signed-in user of the request, or the system acting for one
/// municipality (start-up seeding, background jobs). Tenant filters and the audit trail read it.
/// </summary>
public sealed class CurrentUser(IHttpContextAccessor httpContextAccessor)
{
    public const string SystemActor = "systeem";

    private SystemActorScope? _system;

    private ClaimsPrincipal? Principal =>
        httpContextAccessor.HttpContext?.User is { Identity.IsAuthenticated: true } user ? user : null;

    public bool IsAuthenticated => Principal is not null;

    /// <summary>The municipality whose data this scope may see; null sees nothing.</summary>
    public Guid? MunicipalityId =>
        _system?.MunicipalityId ?? ParseGuid(Principal?.FindFirstValue(ThuisClaims.MunicipalityId));

    public string? MunicipalityName => Principal?.FindFirstValue(ThuisClaims.MunicipalityName);

    /// <summary>The person a newcomer's own account belongs to; null for staff and the system.</summary>
    public Guid? NewcomerId => _system is not null ? null : ParseGuid(Principal?.FindFirstValue(ThuisClaims.NewcomerId));

    /// <summary>The volunteer a volunteer's account belongs to; null for everyone else and the system.</summary>
    public Guid? VolunteerId => _system is not null ? null : ParseGuid(Principal?.FindFirstValue(ThuisClaims.VolunteerId));

    public Guid? OrganisationId => ParseGuid(Principal?.FindFirstValue(ThuisClaims.OrganisationId));

    /// <summary>The signed-in user's id; null for the system and for anonymous requests.</summary>
    public string? UserId => _system is not null ? null : Principal?.FindFirstValue(ClaimTypes.NameIdentifier);

    public string ActorId => _system is not null ? SystemActor : Principal?.FindFirstValue(ClaimTypes.NameIdentifier) ?? "anoniem";

    public string DisplayName => Principal?.FindFirstValue(ThuisClaims.DisplayName) ?? Principal?.Identity?.Name ?? "";

    /// <summary>The roles joined by commas, as recorded in the audit trail.</summary>
    public string RoleNames => _system is not null
        ? SystemActor
        : string.Join(',', Principal?.FindAll(ClaimTypes.Role).Select(c => c.Value) ?? []);

    public string? Origin => _system is not null ? null : httpContextAccessor.HttpContext?.Connection.RemoteIpAddress?.ToString();

    public bool IsInRole(string role) => Principal?.IsInRole(role) ?? false;

    /// <summary>In one of the roles of a list as <see cref="Roles"/> joins them ("Coordinator,CaseManager").</summary>
    public bool IsInAnyRole(string roles) => roles.Split(',').Any(IsInRole);

    /// <summary>
    /// A partner organisation's worker who does not also work with dossiers: sees only the referrals to their own
    /// organisation, with only what a referral needs.
    /// </summary>
    public bool SeesReferralsAsPartner => IsInRole(Roles.PartnerWorker) && !IsInAnyRole(Roles.DossierReaders);

    /// <summary>Lets system work (seeding, jobs) act for exactly one municipality in this scope.</summary>
    public void ActAsSystemFor(Guid municipalityId) => _system = new SystemActorScope(municipalityId);

    private static Guid? ParseGuid(string? value) => Guid.TryParse(value, out var id) ? id : null;

    private sealed record SystemActorScope(Guid MunicipalityId);
}
