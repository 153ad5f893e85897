using Microsoft.AspNetCore.Components;

namespace Thuis.Web.Features.Accounts;

/// <summary>Redirects from account pages, never to another site.</summary>
public sealed class IdentityRedirectManager(NavigationManager navigationManager)
{
    public void RedirectTo(string? uri)
    {
        uri ??= "/";
        if (!Uri.IsWellFormedUriString(uri, UriKind.Relative) || uri.StartsWith("//", StringComparison.Ordinal) || uri.StartsWith("/\\", StringComparison.Ordinal))
        {
            uri = "/";
        }
        navigationManager.NavigateTo(uri);
    }

    public void RedirectTo(string uri, Dictionary<string, object?> queryParameters) =>
        RedirectTo(navigationManager.ToBaseRelativePath(navigationManager.GetUriWithQueryParameters(
            navigationManager.ToAbsoluteUri(uri).GetLeftPart(UriPartial.Path), queryParameters)).Insert(0, "/"));
}
