using System.Net;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Thuis.Web.Platform.Security;
using Thuis.Web.Tests.Infrastructure;

namespace Thuis.Web.Tests;

[Collection(AppCollection.Name)]
public sealed class AntiforgeryTests(AppFixture fixture)
{
    [Fact]
    public async Task Every_form_post_without_an_antiforgery_token_is_refused()
    {
        var world = fixture.World;
        // This municipality's records, and unknown ones for what the world does not have.
        var records = world.A.RouteIds();
        records["StepId"] = Guid.NewGuid().ToString();
        records["ActivityId"] = Guid.NewGuid().ToString();
        records["StatusCode"] = "404";
        var email = await world.CreateUserAsync(world.A, Roles.All.ToArray());
        using var client = fixture.NewClient();
        await client.SignInOrFailAsync(email);
        // The newcomer's own pages are only for a newcomer; staff get 403 there before any form is read.
        using var newcomer = fixture.NewClient();
        await newcomer.SignInAsync(await world.CreateNewcomerUserAsync(world.A));
        // So are the volunteer's own pages for a volunteer.
        using var volunteer = fixture.NewClient();
        await volunteer.SignInOrFailAsync((await VolunteerWorld.VolunteerWithAccountAsync(fixture.App, world.A, "Vrijwilliger Zonder Token")).Email);

        var postable = fixture.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods.Contains("POST") ?? true)
            .Select(e => e.RoutePattern.RawText!)
            .Where(t => t is not null && !t.Contains('*', StringComparison.Ordinal) && !t.StartsWith("/_", StringComparison.Ordinal) && !t.StartsWith("/health", StringComparison.Ordinal))
            // The partner API takes a key in a header, never a cookie, so no other site can post in a user's name there.
            .Where(t => !t.StartsWith("/api/", StringComparison.Ordinal))
            .Distinct()
            .ToList();
        Assert.Contains("/account/uitloggen", postable);
        Assert.Contains("/account/inloggen", postable);

        foreach (var template in postable)
        {
            var url = TenancyTests.ReplaceParameters(template, records);
            using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["_handler"] = "x", ["Input.Email"] = email });
            var asker = template.StartsWith("/mijn", StringComparison.Ordinal) ? newcomer
                : template == "/vrijwilliger" || template.StartsWith("/vrijwilliger/", StringComparison.Ordinal) ? volunteer : client;
            using var response = await asker.Http.PostAsync(url, form);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"POST {url} zonder token gaf {response.StatusCode}");
        }

        var stillSignedIn = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, stillSignedIn.Status);
    }
}
