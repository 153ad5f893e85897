using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Thuis.Web.Features.Accounts;
using Thuis.Web.Platform.Security;
using Thuis.Web.Tests.Infrastructure;

namespace Thuis.Web.Tests;

/// <summary>A session ends after half an hour without a request, and after ten hours whatever happens.</summary>
public sealed class SessionLifetimeTests
{
    [Fact]
    public async Task Half_an_hour_without_a_request_ends_the_session_while_requests_keep_it_going()
    {
        var (app, clock, client) = await SignedInAsync();
        await using (app)
        using (client)
        {
            for (var i = 0; i < 4; i++)
            {
                clock.Advance(TimeSpan.FromMinutes(20));
                Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).Status);
            }

            clock.Advance(TimeSpan.FromMinutes(31));
            var after = await client.GetAsync("/");

            Assert.Equal(HttpStatusCode.Redirect, after.Status);
            Assert.StartsWith(AccountsSetup.SignInPath, after.Location, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Ten_hours_after_signing_in_the_session_ends_however_busy_it_was()
    {
        var (app, clock, client) = await SignedInAsync();
        await using (app)
        using (client)
        {
            // A request every twenty minutes for ten hours, then one more.
            for (var minutes = 20; minutes <= 600; minutes += 20)
            {
                clock.Advance(TimeSpan.FromMinutes(20));
                var page = await client.GetAsync("/");
                Assert.True(page.Status == HttpStatusCode.OK, $"Na {minutes} minuten: {page.Status} {page.Location}");
            }

            clock.Advance(TimeSpan.FromMinutes(20));
            var after = await client.GetAsync("/");

            Assert.Equal(HttpStatusCode.Redirect, after.Status);
            Assert.StartsWith(AccountsSetup.SignInPath, after.Location, StringComparison.Ordinal);
        }
    }

    private static async Task<(ThuisAppFactory App, FakeTimeProvider Clock, ThuisClient Client)> SignedInAsync()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var app = new ThuisAppFactory { ConfigureTestServices = s => s.AddSingleton<TimeProvider>(clock) };
        var world = await TestWorld.SeedAsync(app);
        var client = new ThuisClient(app);
        await client.SignInOrFailAsync(await world.CreateUserAsync(world.A, Roles.Coordinator));
        return (app, clock, client);
    }
}
