using System.Net;
using Thuis.Web.Tests.Infrastructure;

namespace Thuis.Web.Tests;

public sealed class SecurityHeaderTests
{
    [Fact]
    public async Task Every_kind_of_response_over_real_Kestrel_carries_the_security_headers_and_no_server_header()
    {
        await using var app = new ThuisAppFactory();
        using var client = new ThuisClient(app).Http;

        using var post = new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Email"] = "x" });
        var responses = new List<(string What, HttpResponseMessage Response)>
        {
            ("sign-in page", await client.GetAsync("/account/inloggen")),
            ("redirect to sign-in", await client.GetAsync("/")),
            ("unknown page", await client.GetAsync("/bestaat-niet")),
            ("stylesheet", await client.GetAsync("/css/thuis.css")),
            ("liveness", await client.GetAsync("/health/live")),
            ("post without token", await client.PostAsync("/account/inloggen", post)),
        };

        Assert.Equal(HttpStatusCode.OK, responses[0].Response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, responses[3].Response.StatusCode);
        foreach (var (what, response) in responses)
        {
            var headers = response.Headers;
            Assert.True(headers.TryGetValues("Content-Security-Policy", out var csp), $"{what}: geen CSP");
            var policy = csp!.Single();
            Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
            Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
            Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
            Assert.StartsWith("max-age=", headers.GetValues("Strict-Transport-Security").Single(), StringComparison.Ordinal);
            Assert.Equal("nosniff", headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("no-referrer", headers.GetValues("Referrer-Policy").Single());
            Assert.False(headers.Contains("Server"), $"{what}: Server-header aanwezig");
            response.Dispose();
        }
    }

    [Fact]
    public async Task Pages_contain_no_inline_script_or_style()
    {
        await using var app = new ThuisAppFactory();
        using var client = new ThuisClient(app);

        var page = await client.GetAsync("/account/inloggen");

        Assert.Empty(page.Document.QuerySelectorAll("script:not([src])"));
        Assert.Empty(page.Document.QuerySelectorAll("style"));
        Assert.Empty(page.Document.QuerySelectorAll("[style]"));
    }
}
