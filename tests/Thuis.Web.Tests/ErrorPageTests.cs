using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Thuis.Web.Features.Dossiers;
using Thuis.Web.Platform.Security;
using Thuis.Web.Tests.Infrastructure;

namespace Thuis.Web.Tests;

[Collection(AppCollection.Name)]
public sealed class ErrorPageTests(AppFixture fixture)
{
    [Fact]
    public async Task An_unknown_address_gets_the_Dutch_not_found_page()
    {
        var email = await fixture.World.CreateUserAsync(fixture.World.A, Roles.CaseManager);
        using var client = fixture.NewClient();
        await client.SignInOrFailAsync(email);

        var page = await client.GetAsync("/bestaat-helemaal-niet");

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Equal("Pagina niet gevonden", page.Document.QuerySelector("h1")?.TextContent);
        Assert.Equal("nl", page.Document.DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public async Task A_page_outside_the_users_role_gets_the_Dutch_forbidden_page_with_status_403()
    {
        var email = await fixture.World.CreateUserAsync(fixture.World.A, Roles.PartnerWorker);
        using var client = fixture.NewClient();
        await client.SignInOrFailAsync(email);

        var dossiers = await client.GetAsync("/dossiers");
        var administration = await client.GetAsync("/beheer");

        Assert.Equal(HttpStatusCode.Forbidden, dossiers.Status);
        Assert.Equal("Geen toegang", dossiers.Document.QuerySelector("h1")?.TextContent);
        Assert.DoesNotContain(fixture.World.A.NewcomerName, dossiers.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, administration.Status);
    }

    [Fact]
    public async Task A_bug_shows_the_friendly_Dutch_error_page_with_a_reference_and_status_500()
    {
        await using var app = new ThuisAppFactory
        {
            ConfigureTestServices = services => services.AddScoped<ListDossiers>(_ => throw new InvalidOperationException("Kapot voor de test")),
        };
        var world = await TestWorld.SeedAsync(app);
        var email = await world.CreateUserAsync(world.A, Roles.CaseManager);
        using var client = new ThuisClient(app);
        await client.SignInOrFailAsync(email);

        var page = await client.GetAsync("/dossiers");

        Assert.Equal(HttpStatusCode.InternalServerError, page.Status);
        Assert.Equal("Er ging iets mis", page.Document.QuerySelector("h1")?.TextContent);
        Assert.Contains("Kenmerk", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Kapot voor de test", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_form_posted_without_its_token_gets_a_Dutch_explanation_instead_of_a_crash()
    {
        using var client = fixture.NewClient();
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["_handler"] = "inloggen", ["Input.Email"] = "a@b.nl" });

        using var response = await client.Http.PostAsync("/account/inloggen", form);
        var page = await ThuisClient.Page.ReadAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Equal("Formulier niet verwerkt", page.Document.QuerySelector("h1")?.TextContent);
    }
}
