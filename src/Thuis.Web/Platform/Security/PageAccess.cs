using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing.Patterns;

namespace Thuis.Web.Platform.Security;

/// <summary>
/// Whether the signed-in user may open an address, decided by the very authorization the page or endpoint at that
/// address demands (its <c>[Authorize(Roles = ...)]</c>), so a menu or a card never repeats a role list and never
/// leads to "Geen toegang".
/// </summary>
public sealed class PageAccess(
    PageRoutes routes,
    IAuthorizationPolicyProvider policies,
    IAuthorizationService authorization,
    IHttpContextAccessor httpContextAccessor)
{
    /// <summary>True when the signed-in user would be let in at this address (a path, with or without a query).</summary>
    public async Task<bool> MayOpenAsync(string address)
    {
        var user = httpContextAccessor.HttpContext?.User ?? new ClaimsPrincipal(new ClaimsIdentity());
        return await MayOpenAsync(user, address);
    }

    public async Task<bool> MayOpenAsync(ClaimsPrincipal user, string address)
    {
        if (routes.Find(address) is not { } endpoint)
        {
            return false;
        }
        if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
        {
            return true;
        }
        var policy = await AuthorizationPolicy.CombineAsync(policies, endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>(),
            endpoint.Metadata.GetOrderedMetadata<AuthorizationPolicy>()) ?? await policies.GetFallbackPolicyAsync();
        return policy is null || (await authorization.AuthorizeAsync(user, policy)).Succeeded;
    }

    /// <summary>The roles that may open the address, when the page names them; empty when it does not.</summary>
    public IReadOnlyList<string> RolesFor(string address)
    {
        var named = routes.Find(address)?.Metadata.GetOrderedMetadata<IAuthorizeData>()
            .Where(data => !string.IsNullOrWhiteSpace(data.Roles))
            .Select(data => data.Roles!.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .ToList() ?? [];
        return named.Count == 0 ? [] : [.. named.Aggregate((all, next) => [.. all.Intersect(next)]).Distinct()];
    }
}

/// <summary>
/// Finds the endpoint a GET of an address reaches, among the app's own routes; literal segments win over parameters,
/// as in the router. What was found for a path is kept, since the routes do not change while the app runs.
/// </summary>
public sealed class PageRoutes(EndpointDataSource endpoints)
{
    private const int MaxRemembered = 500;

    private readonly ConcurrentDictionary<string, Endpoint?> _found = new(StringComparer.OrdinalIgnoreCase);

    public Endpoint? Find(string address)
    {
        var path = address.Split('?', '#')[0];
        if (!path.StartsWith('/'))
        {
            return null;
        }
        var key = path.TrimEnd('/') is "" ? "/" : path.TrimEnd('/');
        // Menus ask for a handful of fixed paths; refused addresses may be anything, so the memory stays bounded.
        return _found.TryGetValue(key, out var found) ? found
            : _found.Count < MaxRemembered ? _found.GetOrAdd(key, FindUncached) : FindUncached(key);
    }

    private Endpoint? FindUncached(string path)
    {
        var segments = path == "/" ? [] : path[1..].Split('/');
        return endpoints.Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>() is not { } methods || methods.HttpMethods.Contains(HttpMethods.Get))
            .Select(e => (Endpoint: e, Literals: Match(e.RoutePattern, segments)))
            .Where(m => m.Literals >= 0)
            .OrderByDescending(m => m.Literals)
            .ThenBy(m => m.Endpoint.Order)
            .Select(m => (Endpoint?)m.Endpoint)
            .FirstOrDefault();
    }

    /// <summary>The number of literal segments matched, or -1 when the pattern does not match the path.</summary>
    private static int Match(RoutePattern pattern, string[] segments)
    {
        if (pattern.PathSegments.Count != segments.Length)
        {
            return -1;
        }
        var literals = 0;
        for (var i = 0; i < segments.Length; i++)
        {
            if (pattern.PathSegments[i].Parts is not [var part])
            {
                return -1;
            }
            switch (part)
            {
                case RoutePatternLiteralPart literal when string.Equals(literal.Content, segments[i], StringComparison.OrdinalIgnoreCase):
                    literals++;
                    break;
                case RoutePatternParameterPart parameter when segments[i].Length > 0 && Fits(parameter, segments[i]):
                    break;
                default:
                    return -1;
            }
        }
        return literals;
    }

    private static bool Fits(RoutePatternParameterPart parameter, string segment) =>
        parameter.ParameterPolicies.All(policy => policy.Content switch
        {
            "guid" => Guid.TryParse(segment, out _),
            "int" => int.TryParse(segment, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out _),
            _ => true,
        });
}
