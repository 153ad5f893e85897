using System.Net;
using Thuis.Web.Platform.Security;
using Thuis.Web.Tests.Infrastructure;

namespace Thuis.Web.Tests;

/// <summary>
/// The session cookie is out of reach of scripts and is not sent along with requests from other sites, and a page with
/// someone's data is not kept in the browser's cache after signing out.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class SessionCookieTests(AppFixture fixture)
{
    [Fact]
    public async Task The_session_cookie_is_http_only_and_same_site_strict()
    {
        using var client = fixture.NewClient();

        var page = await client.SignInAsync(await fixture.World.CreateUserAsync(fixture.World.A, Roles.CaseManager));

        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        var session = Assert.Single(page.Response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("thuis.sessie=", StringComparison.Ordinal));
        var attributes = session.Split(';').Skip(1).Select(a => a.Trim().ToLowerInvariant()).ToList();
        Assert.Contains("httponly", attributes);
        Assert.Contains("samesite=strict", attributes);
    }

    [Fact]
    public async Task A_dossier_page_is_not_stored_by_the_browser()
    {
        using var client = fixture.NewClient();
        await client.SignInOrFailAsync(await fixture.World.CreateUserAsync(fixture.World.A, Roles.CaseManager));

        var dossier = await client.GetAsync($"/dossiers/{fixture.World.A.NewcomerId}");

        Assert.Equal(HttpStatusCode.OK, dossier.Status);
        Assert.True(dossier.Response.Headers.CacheControl?.NoStore, $"Cache-Control: {dossier.Response.Headers.CacheControl}");
    }
}
