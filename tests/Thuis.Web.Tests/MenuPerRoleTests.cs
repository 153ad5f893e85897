using System.Net;
using Thuis.Web.Platform.Localization;
using Thuis.Web.Platform.Security;
using Thuis.Web.Tests.Infrastructure;

namespace Thuis.Web.Tests;

[Collection(AppCollection.Name)]
public sealed class MenuPerRoleTests(AppFixture fixture)
{
    public static TheoryData<string> EveryRole => [.. Roles.All];

    [Theory]
    [MemberData(nameof(EveryRole))]
    public async Task Every_menu_item_and_start_page_card_of_a_role_opens_without_Geen_toegang(string role)
    {
        using var client = await SignedInAsync(role);
        var start = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, start.Status);

        // Read from the page, not listed here: a new menu item, card or footer link is walked as soon as it appears.
        var links = MenuLinks(start).Concat(CardLinks(start)).Concat(Hrefs(start, "footer a[href]")).Distinct().ToList();
        Assert.NotEmpty(CardLinks(start));
        foreach (var href in links)
        {
            var page = await client.GetAsync(href);

            Assert.True(page.Status == HttpStatusCode.OK, $"De {Roles.DutchName(role)} opent {href} en krijgt {(int)page.Status}.");
            Assert.DoesNotContain("Geen toegang", page.Document.QuerySelector("h1")?.TextContent ?? "", StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(Roles.Administrator, new[] { "/", "/interventiewijzer", "/beheer", "/beheer/gebruikers", "/audit", "/beheer/bewaren" })]
    [InlineData(Roles.Coordinator, new[] { "/", "/dossiers", "/plannen", "/trajecten", "/verwijzingen", "/interventiewijzer", "/sociale-kaart", "/vrijwilligers", "/draagvlak", "/koppelen", "/signalen", "/rapportages", "/begroting" })]
    [InlineData(Roles.CaseManager, new[] { "/", "/dossiers", "/plannen", "/trajecten", "/verwijzingen", "/interventiewijzer", "/sociale-kaart", "/draagvlak", "/signalen" })]
    [InlineData(Roles.VolunteerCoordinator, new[] { "/", "/interventiewijzer", "/sociale-kaart", "/vrijwilligers", "/draagvlak" })]
    [InlineData(Roles.PartnerWorker, new[] { "/", "/verwijzingen" })]
    [InlineData(Roles.PrivacyOfficer, new[] { "/", "/audit", "/beheer/bewaren" })]
    public async Task Each_role_sees_in_the_menu_exactly_the_pages_of_its_work(string role, string[] expected)
    {
        using var client = await SignedInAsync(role);

        var start = await client.GetAsync("/");

        Assert.Equal(expected, MenuLinks(start));
    }

    [Fact]
    public async Task The_case_manager_finds_the_referrals_in_the_menu()
    {
        using var client = await SignedInAsync(Roles.CaseManager);

        var start = await client.GetAsync("/");

        var referrals = start.Document.QuerySelectorAll("nav.thuis-nav a").Single(a => a.GetAttribute("href") == "/verwijzingen");
        Assert.Equal("Verwijzingen", referrals.TextContent);
    }

    [Fact]
    public async Task The_volunteer_coordinators_start_page_leads_to_the_volunteers()
    {
        using var client = await SignedInAsync(Roles.VolunteerCoordinator);

        var start = await client.GetAsync("/");

        Assert.Contains("/vrijwilligers", CardLinks(start));
        var volunteers = await client.GetAsync("/vrijwilligers");
        Assert.Contains(fixture.World.A.VolunteerName, volunteers.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Someone_with_two_roles_sees_the_pages_of_both()
    {
        var email = await fixture.World.CreateUserAsync(fixture.World.A, Roles.PartnerWorker, Roles.VolunteerCoordinator);
        using var client = fixture.NewClient();
        await client.SignInOrFailAsync(email);

        var start = await client.GetAsync("/");

        Assert.Equal(["/", "/verwijzingen", "/interventiewijzer", "/sociale-kaart", "/vrijwilligers", "/draagvlak"], MenuLinks(start));
    }

    [Fact]
    public async Task A_volunteer_lands_on_their_own_matches_and_sees_only_that_in_the_menu_and_every_link_opens()
    {
        var (volunteerId, email) = await VolunteerWorld.VolunteerWithAccountAsync(fixture.App, fixture.World.A, "Menu Vrijwilliger");
        var today = TimeProvider.System.InTheNetherlands();
        await VolunteerWorld.MatchAsync(fixture.App, fixture.World.A.Id, volunteerId, "Menu", "Persoon", today.AddDays(-7), sharesPhone: false, today: today);
        using var client = fixture.NewClient();
        await client.SignInOrFailAsync(email);

        var start = await client.GetAsync("/");
        var own = await client.GetAsync(start.Location!);

        Assert.Equal(Thuis.Web.Features.Volunteering.VolunteeringSetup.StartPath, start.Location);
        Assert.Equal([Thuis.Web.Features.Volunteering.VolunteeringSetup.StartPath], MenuLinks(own));
        foreach (var href in MenuLinks(own).Concat(CardLinks(own)).Concat(Hrefs(own, "main a[href]")).Concat(Hrefs(own, "footer a[href]")).Distinct())
        {
            var page = await client.GetAsync(href);
            Assert.True(page.Status == HttpStatusCode.OK, $"De vrijwilliger opent {href} en krijgt {(int)page.Status}.");
        }
    }

    [Fact]
    public async Task The_forbidden_page_never_sends_the_administrator_to_the_administrator()
    {
        using var administrator = await SignedInAsync(Roles.Administrator);
        using var caseManager = await SignedInAsync(Roles.CaseManager);

        var refusedToAdministrator = await administrator.GetAsync("/dossiers");
        var refusedToCaseManager = await caseManager.GetAsync("/beheer");

        Assert.Equal(HttpStatusCode.Forbidden, refusedToAdministrator.Status);
        Assert.DoesNotContain("functioneel beheerder van uw gemeente", refusedToAdministrator.Text, StringComparison.Ordinal);
        Assert.Contains("Deze pagina is voor de coördinator integratie of de klantregisseur.", refusedToAdministrator.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, refusedToCaseManager.Status);
        Assert.Contains("Neem contact op met de functioneel beheerder van uw gemeente.", refusedToCaseManager.Text, StringComparison.Ordinal);
        Assert.Contains("Deze pagina is voor de functioneel beheerder.", refusedToCaseManager.Text, StringComparison.Ordinal);
    }

    private async Task<ThuisClient> SignedInAsync(string role)
    {
        var email = await fixture.World.CreateUserAsync(fixture.World.A, role);
        var client = fixture.NewClient();
        await client.SignInOrFailAsync(email);
        return client;
    }

    private static List<string> MenuLinks(ThuisClient.Page page) => Hrefs(page, "nav.thuis-nav a[href]");

    private static List<string> CardLinks(ThuisClient.Page page) => Hrefs(page, ".thuis-cards a[href]");

    private static List<string> Hrefs(ThuisClient.Page page, string selector) =>
        [.. page.Document.QuerySelectorAll(selector).Select(a => a.GetAttribute("href")!)];
}
