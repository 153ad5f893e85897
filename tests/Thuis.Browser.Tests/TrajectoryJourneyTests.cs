using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Thuis.Browser.Tests.Infrastructure;
using Thuis.Web.Platform.Localization;
using static Microsoft.Playwright.Assertions;

namespace Thuis.Browser.Tests;

public sealed partial class TrajectoryJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private const string CoordinatorOfDalfsen = "coordinator@dalfsen.example";
    private const string GroupName = "PVT Dalfsen proefgroep";

    [Fact]
    public async Task A_coordinator_makes_a_PVT_group_from_the_template_enrols_two_people_records_attendance_and_sees_the_counters()
    {
        // The first lesson is today, so its attendance can be recorded now; Sunday has no lessons.
        var today = TimeProvider.System.InTheNetherlands();
        var start = today.DayOfWeek == DayOfWeek.Sunday ? today.AddDays(-1) : today;
        var secondDay = start.AddDays(3).DayOfWeek == DayOfWeek.Sunday ? start.AddDays(4) : start.AddDays(3);
        var lessonDays = new[] { start.DayOfWeek, secondDay.DayOfWeek };

        await SignInAsync(CoordinatorOfDalfsen);
        await Page.GotoAsync("/trajecten");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Groep aanmaken", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Groep aanmaken", Level = 1 })).ToBeVisibleAsync();
        await Page.GetByLabel("Naam van de groep", new() { Exact = true }).FillAsync(GroupName);
        await Page.GetByLabel("Aanbieder (optioneel)", new() { Exact = true }).FillAsync("Taalschool De Vecht");
        await Page.GetByLabel("Startdatum", new() { Exact = true }).FillAsync(start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await Expect(Page.GetByLabel("Sessies volgens het PVT-sjabloon aanmaken", new() { Exact = true })).ToBeCheckedAsync();
        foreach (var day in new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday })
        {
            await Page.GetByLabel(DutchFormat.Culture.DateTimeFormat.GetDayName(day), new() { Exact = true }).SetCheckedAsync(lessonDays.Contains(day));
        }
        await SaveScreenshotAsync("01-groep-aanmaken");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Groep aanmaken", Exact = true }).ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = GroupName, Level = 1 })).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("De groep is aangemaakt met 34 bijeenkomsten volgens het PVT-sjabloon.");
        await Expect(Page.GetByRole(AriaRole.Main)).ToContainTextAsync("26 taallessen, 8 van de 8 thema's");
        var group = Page.Url.Split('?')[0];

        // Two people of Dalfsen, found by name.
        await EnrolAsync("Samira Haddad");
        var second = await EnrolAsync("a");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Deelnemers (2)", Level = 2 })).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(Page);
        await SaveScreenshotAsync("02-groep-met-deelnemers");

        // Attendance of the first lesson, from the keyboard: arrow keys move within a person's row.
        await Page.GetByRole(AriaRole.Link, new() { Name = "Taalles 1", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Aanwezigheid: Taalles 1", Level = 1 })).ToBeVisibleAsync();
        var samira = Page.GetByRole(AriaRole.Group, new() { Name = "Samira Haddad", Exact = true });
        await samira.GetByLabel("aanwezig", new() { Exact = true }).FocusAsync();
        await Page.Keyboard.PressAsync("Space");
        await Expect(samira.GetByLabel("aanwezig", new() { Exact = true })).ToBeCheckedAsync();
        var other = Page.GetByRole(AriaRole.Group, new() { Name = second, Exact = true });
        await other.GetByLabel("aanwezig", new() { Exact = true }).FocusAsync();
        await Page.Keyboard.PressAsync("Space");
        await Page.Keyboard.PressAsync("ArrowRight");
        await Expect(other.GetByLabel("geoorloofd afwezig", new() { Exact = true })).ToBeCheckedAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(Page);
        await SaveScreenshotAsync("03-aanwezigheid-invullen");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Aanwezigheid opslaan", Exact = true }).ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("De aanwezigheid is opgeslagen.");
        await Expect(samira.GetByLabel("aanwezig", new() { Exact = true })).ToBeCheckedAsync();
        await Expect(other.GetByLabel("geoorloofd afwezig", new() { Exact = true })).ToBeCheckedAsync();
        await SaveScreenshotAsync("04-aanwezigheid-opgeslagen");

        // Samira's lessons page counts the lesson against the PVT's requirement.
        await Page.GotoAsync(group);
        await Page.GetByRole(AriaRole.Link, new() { Name = "Samira Haddad", Exact = true }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(LessonsPage());
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Lessen en aanwezigheid", Level = 1 })).ToBeVisibleAsync();
        var counters = Page.GetByRole(AriaRole.Listitem).Filter(new() { Has = Page.GetByRole(AriaRole.Heading, new() { Name = GroupName, Level = 3 }) });
        await Expect(Row(counters, "Taallessen bijgewoond")).ToHaveTextAsync("1 van 26");
        await Expect(Row(counters, "Uren bijgewoond")).ToHaveTextAsync("2 uur");
        await Expect(Row(counters, "Aanwezig")).ToHaveTextAsync("100% (1 van 1 bijeenkomsten tot nu toe)");
        await Expect(Row(counters, "Stand")).ToHaveTextAsync("wet: nog 10 uur, de ondertekening van de participatieverklaring te gaan; werkwijze gemeente: nog 25 lessen, nog 7 thema's te gaan");
        await Expect(Page.GetByRole(AriaRole.Table).Filter(new() { HasText = "Bijeenkomsten van Samira Haddad" })).ToContainTextAsync($"Taalles 1 · {GroupName} (aanwezig)");
        await Accessibility.AssertNoSeriousViolationsAsync(Page);
        await SaveScreenshotAsync("05-lessen-van-samira");

        await Page.GetByRole(AriaRole.Link, new() { Name = "Per maand", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Table).Filter(new() { HasText = start.ToString("MMMM yyyy", DutchFormat.Culture) })).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(Page);
        await SaveScreenshotAsync("06-maandkalender");
    }

    /// <summary>Searches by name, picks the first person found and enrols them; returns their name.</summary>
    private async Task<string> EnrolAsync(string search)
    {
        var box = Page.GetByRole(AriaRole.Searchbox, new() { Name = "Zoek een statushouder op naam", Exact = true });
        await box.FillAsync(search);
        await box.PressAsync("Enter");
        var found = Page.GetByRole(AriaRole.Radio).First;
        await Expect(found).ToBeVisibleAsync();
        var label = await Page.Locator($"label[for='{await found.GetAttributeAsync("id")}']").EvaluateAsync<string>("l => l.firstChild.textContent");
        var name = label.Trim();
        await found.CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Inschrijven", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToHaveTextAsync($"{name} is ingeschreven.");
        return name;
    }

    private static ILocator Row(ILocator list, string key) =>
        list.Locator(".utrecht-data-list__item").Filter(new() { Has = list.Page.GetByText(key, new() { Exact = true }) }).Locator("dd");

    [GeneratedRegex(@"/dossiers/[0-9a-f-]{36}/lessen$")]
    private static partial Regex LessonsPage();
}
