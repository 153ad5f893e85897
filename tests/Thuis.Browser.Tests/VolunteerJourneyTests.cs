using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Thuis.Browser.Tests.Infrastructure;
using Thuis.Web.Data;
using Thuis.Web.Features.Accounts;
using Thuis.Web.Features.Volunteering;
using Thuis.Web.Platform.Security;
using static Microsoft.Playwright.Assertions;

namespace Thuis.Browser.Tests;

public sealed class VolunteerJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private const string VolunteerOfDalfsen = "vrijwilliger@dalfsen.example";

    [Fact]
    public async Task A_volunteer_on_a_phone_logs_a_meeting_and_raises_a_concern_that_the_case_manager_reads_on_the_start_page()
    {
        await Page.SetViewportSizeAsync(390, 844);
        await SignInWithPasswordAsync(Page, VolunteerOfDalfsen);
        await Expect(Page).ToHaveURLAsync(new Uri(Fixture.BaseAddress, VolunteeringSetup.StartPath).ToString());
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 2, Name = "Mijn koppelingen" })).ToBeVisibleAsync();
        await Expect(Page.GetByTestId("vog")).ToContainTextAsync("geldig tot en met");
        await AccessibleAtBothWidthsAsync("01-mijn-koppelingen");
        await Page.SetViewportSizeAsync(390, 844);

        // The match that began a week ago: the last card, with nothing logged yet.
        var card = Page.GetByTestId("koppelingen").Locator("li").Filter(new() { HasText = "0 ontmoetingen" }).First;
        var name = (await card.Locator("h3").TextContentAsync())!.Trim();
        await card.GetByRole(AriaRole.Link, new() { Name = name, Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(name);
        await AccessibleAtBothWidthsAsync("02-koppeling");
        await Page.SetViewportSizeAsync(390, 844);

        // A meeting in a few taps: today is already filled in, a quick duration, what they did.
        await Page.GetByRole(AriaRole.Link, new() { Name = "Ontmoeting vastleggen", Exact = true }).ClickAsync();
        await Page.GetByText("1,5 uur", new() { Exact = true }).ClickAsync();
        await Page.GetByText("Nederlands geoefend", new() { Exact = true }).ClickAsync();
        await Page.GetByText("samen op pad", new() { Exact = true }).ClickAsync();
        await AccessibleAtBothWidthsAsync("03-ontmoeting");
        await Page.SetViewportSizeAsync(390, 844);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Ontmoeting vastleggen" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Je ontmoeting is vastgelegd. Dank je wel!");
        await Expect(Page.GetByTestId("koppelingen").Locator("li").Filter(new() { HasText = name })).ToContainTextAsync("1 ontmoeting");

        // "Ik maak me zorgen": an empty message is refused beside its field, then the words go to the case manager.
        await Page.GetByTestId("koppelingen").Locator("li").Filter(new() { HasText = name }).GetByRole(AriaRole.Link, new() { Name = name, Exact = true }).ClickAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "Ik maak me zorgen" }).ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Doorgeven aan de klantregisseur" }).ClickAsync();
        var summary = Page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Schrijf in je eigen woorden" });
        await Expect(summary).ToBeFocusedAsync();
        await AccessibleAtBothWidthsAsync("04-zorgen-leeg");
        await Page.SetViewportSizeAsync(390, 844);
        const string words = "Ze lijkt erg moe en zegt dat ze 's nachts niet slaapt.";
        await Page.GetByLabel("Waar maak je je zorgen over?").FillAsync(words);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Doorgeven aan de klantregisseur" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Je zorg is doorgegeven aan de klantregisseur.");
        await AccessibleAtBothWidthsAsync("05-doorgegeven");

        // The person's case manager, in another browser: on the start page at once, with the volunteer's own words. The
        // person goes to a case manager of this journey's own, whose start page no other journey's signals crowd.
        var caseManagerEmail = await OwnCaseManagerForConcernAsync(words);
        await using var other = await Fixture.NewContextAsync();
        var caseManager = await other.NewPageAsync();
        await SignInWithPasswordAsync(caseManager, caseManagerEmail);
        await Expect(caseManager).ToHaveURLAsync(new Uri(Fixture.BaseAddress, "/").ToString());
        var row = caseManager.Locator("[data-testid=signal-row]", new() { HasText = words });
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row).ToContainTextAsync(new Regex($"maakt zich zorgen over {Regex.Escape(name)}"));
        await caseManager.SetViewportSizeAsync(1280, 900);
        await Accessibility.AssertNoSeriousViolationsAsync(caseManager);
    }

    /// <summary>A new case manager of Dalfsen who now has the person the concern with these words is about; their e-mail address.</summary>
    private async Task<string> OwnCaseManagerForConcernAsync(string words)
    {
        await using var scope = Fixture.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var dalfsen = await db.Municipalities.Where(m => m.Name == "Dalfsen").Select(m => m.Id).SingleAsync(TestContext.Current.CancellationToken);
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystemFor(dalfsen);
        var email = $"klantregisseur-{Guid.NewGuid().ToString("N")[..8]}@dalfsen.example";
        var account = new ThuisUser(email, "Klantregisseur Zorgen", dalfsen, null);
        await DemoData.CreateUserAsync(scope.ServiceProvider.GetRequiredService<UserManager<ThuisUser>>(), account, DemoData.Password, Roles.CaseManager);
        var personId = await db.VolunteerConcerns.Where(c => c.Words == words).Select(c => c.NewcomerId).SingleAsync(TestContext.Current.CancellationToken);
        var person = await db.Newcomers.SingleAsync(n => n.Id == personId, TestContext.Current.CancellationToken);
        person.AssignCaseManager(account.Id);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return email;
    }

    [Fact]
    public async Task The_volunteer_coordinator_sees_hours_and_the_pair_gone_quiet()
    {
        await SignInAsync("vrijwilligers@dalfsen.example");
        await Page.GotoAsync("/vrijwilligers");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Inzet en stille koppelingen" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Inzet van vrijwilligers");
        await Expect(Page.GetByTestId("stille-koppelingen")).ToBeVisibleAsync();
        await Expect(Page.GetByTestId("inzet")).ToContainTextAsync("ja");
        await AccessibleAtBothWidthsAsync("01-inzet");
    }
}
