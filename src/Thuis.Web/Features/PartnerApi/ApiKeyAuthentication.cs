using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Thuis.Web.Data;
using Thuis.Web.Platform.Security;

namespace Thuis.Web.Features.PartnerApi;

/// <summary>
/// Signs in a partner organisation's system by its API key (<c>Authorization: Bearer …</c> or <c>X-Api-Key</c>), as
/// a partner worker of that organisation in that municipality: the tenancy filter and the referral handlers then see
/// exactly what that organisation's workers see on their pages. An unknown or revoked key is refused with a 401
/// problem; the reason is logged, never told.
/// </summary>
public sealed partial class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, AppDbContext db, TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";

    /// <summary>The key's id, on the principal of a call through the API.</summary>
    public const string KeyIdClaim = "thuis:api_key";

    public const string KeyNameClaim = "thuis:api_key_name";

    /// <summary>How a call through the API is named in the audit trail: by its key, never by a person.</summary>
    public const string ActorPrefix = "api-sleutel:";

    public static string ActorId(Guid keyId) => ActorPrefix + keyId;

    /// <summary>A key as the audit trail names it to its readers.</summary>
    public static string ActorName(string keyName, string organisation) => $"API-sleutel ‘{keyName}’ van {organisation}";

    /// <summary>The presented key from the request, or null when there is none; not checked.</summary>
    public static string? PresentedKey(HttpRequest request)
    {
        if (request.Headers.TryGetValue(HeaderName, out var header) && header.Count == 1 && !string.IsNullOrWhiteSpace(header[0]))
        {
            return header[0]!.Trim();
        }
        var authorization = request.Headers.Authorization.ToString();
        return authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && authorization.Length > 7 ? authorization[7..].Trim() : null;
    }

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = PresentedKey(Request);
        if (presented is null)
        {
            return AuthenticateResult.NoResult();
        }
        var prefix = PartnerApiKey.PrefixOf(presented);
        if (prefix is null)
        {
            return AuthenticateResult.Fail("Geen API-sleutel van Thuis.");
        }
        // Before sign-in there is no municipality to filter on: the key itself says which one it belongs to.
        var found = await db.PartnerApiKeys.IgnoreQueryFilters().AsNoTracking()
            .Where(k => k.Prefix == prefix)
            .Join(db.Organisations.IgnoreQueryFilters(), k => k.OrganisationId, o => o.Id, (k, o) => new { Key = k, Organisation = o.Name })
            .Join(db.Municipalities, x => x.Key.MunicipalityId, m => m.Id, (x, m) => new { x.Key, x.Organisation, Municipality = m.Name })
            .SingleOrDefaultAsync(Context.RequestAborted);
        if (found is null || !found.Key.Accepts(presented))
        {
            LogRefused(Logger, prefix, found is null ? "onbekend" : found.Key.IsRevoked ? "ingetrokken" : "geheim klopt niet");
            return AuthenticateResult.Fail("Onbekende of ingetrokken API-sleutel.");
        }
        var key = found.Key;
        var now = clock.GetUtcNow();
        if (PartnerApiKey.LastUseIsStale(key.LastUsedAt, now))
        {
            await db.PartnerApiKeys.IgnoreQueryFilters().Where(k => k.Id == key.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsedAt, now), Context.RequestAborted);
        }
        var identity = new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, ActorId(key.Id)),
            new Claim(ClaimTypes.Name, key.Name),
            new Claim(ClaimTypes.Role, Roles.PartnerWorker),
            new Claim(ThuisClaims.MunicipalityId, key.MunicipalityId.ToString()),
            new Claim(ThuisClaims.MunicipalityName, found.Municipality),
            new Claim(ThuisClaims.OrganisationId, key.OrganisationId.ToString()),
            new Claim(ThuisClaims.DisplayName, ActorName(key.Name, found.Organisation)),
            new Claim(KeyIdClaim, key.Id.ToString()),
            new Claim(KeyNameClaim, key.Name),
        ], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        await ApiProblems.Unauthorized(Context).ExecuteAsync(Context);
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        await ApiProblems.NotFound(Context).ExecuteAsync(Context);

    [LoggerMessage(Level = LogLevel.Information, Message = "Partner-API: sleutel {Prefix} geweigerd ({Reason})")]
    private static partial void LogRefused(ILogger logger, string prefix, string reason);
}
