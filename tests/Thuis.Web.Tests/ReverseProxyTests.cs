using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Thuis.Web.Data;
using Thuis.Web.Platform.Auditing;
using Thuis.Web.Platform.Security;
using Thuis.Web.Tests.Infrastructure;

namespace Thuis.Web.Tests;

/// <summary>Thuis behind the municipality's reverse proxy: the person's own address counts, not the proxy's.</summary>
public sealed class ReverseProxyTests
{
    private static Dictionary<string, string?> BehindProxy(string permitPerMinute = "100000") => new()
    {
        ["ReverseProxy:KnownProxies"] = "127.0.0.1",
        ["SignIn:PermitPerMinutePerAddress"] = permitPerMinute,
    };

    [Fact]
    public async Task Behind_a_known_proxy_the_audit_records_the_persons_address_and_the_session_cookie_is_secure()
    {
        await using var app = new ThuisAppFactory(settings: BehindProxy());
        var world = await TestWorld.SeedAsync(app);
        var email = await world.CreateUserAsync(world.A, Roles.CaseManager);
        var userId = await world.UserIdOfAsync(email);
        using var client = new ThuisClient(app);
        var form = await client.GetAsync("/account/inloggen");
        // From here on every request comes through the proxy, which received it over HTTPS from 203.0.113.7.
        client.Http.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.7");
        client.Http.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");

        var signIn = await client.PostFormAsync(form, "inloggen", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = TestWorld.Password,
        });
        Assert.Equal(HttpStatusCode.Redirect, signIn.Status);
        var sessionCookie = signIn.Response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("thuis.sessie=", StringComparison.Ordinal));
        Assert.Contains("; secure", sessionCookie, StringComparison.OrdinalIgnoreCase);

        // Between the proxy and Thuis the cookie travels over plain HTTP, which this client would refuse to do by itself.
        client.UseCopiedCookies(sessionCookie.Split(';')[0]);
        var dossier = await client.GetAsync($"/dossiers/{world.A.NewcomerId}");
        Assert.Equal(HttpStatusCode.OK, dossier.Status);
        Assert.Equal("203.0.113.7", (await LastViewOfAsync(app, userId)).Origin);
    }

    [Fact]
    public async Task Without_known_proxies_a_forwarded_address_is_not_believed()
    {
        await using var app = new ThuisAppFactory();
        var world = await TestWorld.SeedAsync(app);
        var email = await world.CreateUserAsync(world.A, Roles.CaseManager);
        var userId = await world.UserIdOfAsync(email);
        using var client = new ThuisClient(app);
        client.Http.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.7");
        await client.SignInOrFailAsync(email);

        await client.GetAsync($"/dossiers/{world.A.NewcomerId}");

        Assert.Equal("127.0.0.1", (await LastViewOfAsync(app, userId)).Origin);
    }

    [Fact]
    public async Task Outside_development_and_tests_every_cookie_is_secure_even_over_plain_http()
    {
        await using var app = new ThuisAppFactory("Production", new Dictionary<string, string?>
        {
            ["SignIn:PermitPerMinutePerAddress"] = "100000",
        });
        using var client = new ThuisClient(app);

        using var response = await client.Http.GetAsync("/account/inloggen");

        var cookies = response.Headers.GetValues("Set-Cookie").ToList();
        Assert.NotEmpty(cookies);
        Assert.All(cookies, c => Assert.Contains("; secure", c, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task One_person_flooding_the_sign_in_behind_the_proxy_does_not_block_anyone_else()
    {
        await using var app = new ThuisAppFactory(settings: BehindProxy(permitPerMinute: "3"));
        using var attacker = new ThuisClient(app);
        attacker.Http.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.66");
        using var colleague = new ThuisClient(app);
        colleague.Http.DefaultRequestHeaders.Add("X-Forwarded-For", "198.51.100.12");

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            statuses.Add(await PostSignInAsync(attacker));
        }
        var colleagues = await PostSignInAsync(colleague);

        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, colleagues);
    }

    private static async Task<HttpStatusCode> PostSignInAsync(ThuisClient client)
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Email"] = "iemand@dalfsen.test" });
        using var response = await client.Http.PostAsync("/account/inloggen", form);
        return response.StatusCode;
    }

    private static async Task<AuditEntry> LastViewOfAsync(ThuisAppFactory app, string userId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.AuditEntries.IgnoreQueryFilters()
            .Where(a => a.ActorId == userId && a.Action == AuditAction.View)
            .OrderByDescending(a => a.Id)
            .FirstAsync();
    }
}
