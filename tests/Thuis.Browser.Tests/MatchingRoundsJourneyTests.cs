using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Thuis.Browser.Tests.Infrastructure;
using Thuis.Web.Platform.Localization;
using static Microsoft.Playwright.Assertions;

namespace Thuis.Browser.Tests;

public sealed partial class MatchingRoundsJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    // Zoetermeer: the matching journey accepts matches in Dalfsen, which changes who is free there.
    private const string CoordinatorOfZoetermeer = "coordinator@zoetermeer.example";

    [Fact]
    public async Task A_coordinator_runs_two_rounds_and_the_second_repeats_no_pair_and_leaves_the_places_of_open_matches_alone()
    {
        await SignInAsync(CoordinatorOfZoetermeer);
        await Page.GotoAsync("/koppelen");
        await Page.GetByLabel("Status").SelectOptionAsync(new SelectOptionValue { Label = "actief" });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Lijst tonen" }).ClickAsync();
        var people = Page.Locator(".thuis-cohort-people input[type=checkbox]");
        Assert.True(await people.CountAsync() > 2, "mensen in de lijst");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Niemand aanvinken" }).ClickAsync();
        await Expect(Page.Locator(".thuis-cohort-people input[type=checkbox]:checked")).ToHaveCountAsync(0);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Iedereen aanvinken" }).ClickAsync();
        await Expect(Page.Locator(".thuis-cohort-people input[type=checkbox]:not(:checked)")).ToHaveCountAsync(0);
        await AccessibleAtBothWidthsAsync("01-kiezen");

        var first = await RunRoundAsync();
        Assert.NotEmpty(first.Pairs);
        await AccessibleAtBothWidthsAsync("02-eerste-ronde");

        // Nothing decided yet: the second round sees the first one's open matches.
        await Page.GotoAsync("/koppelen?status=actief");
        var second = await RunRoundAsync();
        Assert.Empty(second.Pairs.Intersect(first.Pairs));
        // The places the first round's open matches hold are not given again: together no more matches than the
        // first round could make, and nobody in the second round gets what they were matched to in the first.
        Assert.DoesNotContain(second.Pairs, p => first.Pairs.Any(f => f.Person == p.Person && f.Target == p.Target));

        // A rejection asks for a reason.
        if (second.RunUrl is { } review && second.Pairs.Count > 0)
        {
            await Page.GotoAsync(review);
            await Page.Locator(".thuis-cohort-table tbody tr").First.GetByRole(AriaRole.Link, new() { NameRegex = AfwijzenRegex() }).ClickAsync();
            await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("afwijzen");
            await AccessibleAtBothWidthsAsync("03-afwijzen");
            await Page.GetByLabel("heeft al iets vergelijkbaars").CheckAsync();
            await Page.GetByRole(AriaRole.Button, new() { Name = "Afwijzen", Exact = true }).ClickAsync();
            await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Afgewezen");
            await Expect(Page.Locator(".thuis-cohort-table")).ToContainTextAsync("heeft al iets vergelijkbaars");
        }
    }

    [Fact]
    public async Task Niet_nu_on_one_proposal_hides_that_offer_from_the_suggestions_until_the_chosen_day()
    {
        await SignInAsync(CaseManagerOfDalfsen);
        await Page.GotoAsync("/dossiers?zoek=Hussein");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Hussein, Heval" }).First.ClickAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "Suggesties", Exact = true }).ClickAsync();
        var card = Page.Locator(".thuis-suggestions > li").Filter(new() { Has = Page.GetByRole(AriaRole.Button, new() { NameRegex = VoorstellenRegex() }) }).First;
        var title = (await card.Locator("h3").TextContentAsync())!.Trim();
        await card.GetByRole(AriaRole.Button, new() { NameRegex = VoorstellenRegex() }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Het voorstel is vastgelegd.");

        await Page.GetByLabel("niet nu", new() { Exact = true }).CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Antwoord vastleggen" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Main)).ToContainTextAsync("Kies tot wanneer de persoon dit niet meer voorgesteld wil krijgen");
        await AccessibleAtBothWidthsAsync("04-niet-nu-zonder-datum");
        await Page.SetViewportSizeAsync(1280, 900);

        await Page.GetByLabel("niet nu", new() { Exact = true }).CheckAsync();
        await Page.GetByLabel("Bij niet nu: niet meer voorstellen tot en met").FillAsync(TimeProvider.System.InTheNetherlands().AddMonths(3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await Page.GetByRole(AriaRole.Button, new() { Name = "Antwoord vastleggen" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Het antwoord is vastgelegd.");

        await Page.GotoAsync(Page.Url.Split('?')[0].Replace("/voorstellen", "/suggesties", StringComparison.Ordinal));
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Suggesties voor Heval");
        await Expect(Page.Locator(".thuis-suggestions > li h3").Filter(new() { HasTextString = title })).ToHaveCountAsync(0);
        await AccessibleAtBothWidthsAsync("05-suggesties-na-niet-nu");
    }

    private sealed record Round(string? RunUrl, IReadOnlyList<(string Person, string Target)> Pairs);

    private async Task<Round> RunRoundAsync()
    {
        await Page.GetByLabel("Soort").SelectOptionAsync(new SelectOptionValue { Label = "taalmaatje" });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Koppelvoorstellen maken" }).ClickAsync();
        if (!Page.Url.Contains("/koppelen/", StringComparison.Ordinal))
        {
            // Every place is taken: the page says so and no round is made.
            await Expect(Page.GetByRole(AriaRole.Main)).ToContainTextAsync("geen plek vrij");
            return new Round(null, []);
        }
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Koppelvoorstellen: taalmaatje");
        var pairs = new List<(string, string)>();
        foreach (var row in await Page.Locator(".thuis-cohort-table tbody tr").AllAsync())
        {
            pairs.Add(((await row.Locator("th").TextContentAsync())!.Trim(), (await row.Locator("td strong").First.TextContentAsync())!.Trim()));
        }
        return new Round(new Uri(Page.Url).PathAndQuery, pairs);
    }

    [GeneratedRegex("^Afwijzen")]
    private static partial Regex AfwijzenRegex();

    [GeneratedRegex("^Voorstellen aan Heval")]
    private static partial Regex VoorstellenRegex();
}
