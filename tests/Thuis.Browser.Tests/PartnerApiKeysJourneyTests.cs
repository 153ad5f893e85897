using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Thuis.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Thuis.Browser.Tests;

public sealed class PartnerApiKeysJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private const string AdministratorOfDalfsen = "beheerder@dalfsen.example";

    [Fact]
    public async Task The_administrator_issues_a_key_for_a_partner_sees_it_once_and_revokes_it_after_confirming()
    {
        var name = $"Registratiesysteem {Guid.NewGuid():N}"[..28];
        await SignInAsync(AdministratorOfDalfsen);
        await Page.GotoAsync("/beheer");
        await Page.GetByRole(AriaRole.Link, new() { Name = "API-sleutels voor partners" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "API-sleutels voor partners", Level = 1 })).ToBeVisibleAsync();

        await Page.GetByRole(AriaRole.Button, new() { Name = "Sleutel maken" }).ClickAsync();
        var summary = Page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Kies de partnerorganisatie." });
        await Expect(summary).ToBeVisibleAsync();
        await Expect(summary).ToContainTextAsync("Geef de sleutel een naam");
        await AccessibleAtBothWidthsAsync("01-sleutel-fouten");

        await Page.GetByLabel("Partnerorganisatie").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await Page.GetByLabel("Naam van de sleutel").FillAsync(name);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sleutel maken" }).ClickAsync();
        var key = await Page.GetByTestId("api-sleutel").InputValueAsync();
        Assert.StartsWith("thuis_", key, StringComparison.Ordinal);
        await AccessibleAtBothWidthsAsync("02-sleutel-eenmalig");

        // The partner's system uses it.
        using var api = new HttpClient { BaseAddress = Fixture.BaseAddress };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync(new Uri("/api/v1/referrals", UriKind.Relative))).StatusCode);

        // Shown once: the list names the key, never the key itself.
        await Page.GotoAsync("/beheer/api-sleutels");
        Assert.DoesNotContain(key, await Page.ContentAsync(), StringComparison.Ordinal);
        var row = Page.GetByTestId("sleutel").Filter(new() { HasText = name });
        await Expect(row).ToContainTextAsync("in gebruik");
        await AccessibleAtBothWidthsAsync("03-sleutels");

        await row.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Intrekken") }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "API-sleutel intrekken?", Level = 1 })).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Main)).ToContainTextAsync(name);
        await AccessibleAtBothWidthsAsync("04-intrekken-bevestigen");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Ja, intrekken" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("De sleutel is ingetrokken.");
        await Expect(Page.GetByTestId("sleutel").Filter(new() { HasText = name })).ToContainTextAsync("ingetrokken op");
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync(new Uri("/api/v1/referrals", UriKind.Relative))).StatusCode);
    }
}
