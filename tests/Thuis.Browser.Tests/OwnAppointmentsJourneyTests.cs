using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Thuis.Browser.Tests.Infrastructure;
using Thuis.Web.Data;
using Thuis.Web.Features.Accounts;
using Thuis.Web.Features.Dossiers;
using Thuis.Web.Features.Plans;
using Thuis.Web.Features.Trajectories;
using Thuis.Web.Platform.Localization;
using Thuis.Web.Platform.Security;
using static Microsoft.Playwright.Assertions;

namespace Thuis.Browser.Tests;

public sealed class OwnAppointmentsJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private const string Group = "PVT Zoetermeer wandelweek";

    [Fact]
    public async Task On_a_phone_the_newcomer_reads_the_appointments_switches_to_the_week_and_downloads_the_calendar_file()
    {
        var signInName = await AddPersonWithAppointmentsAsync();
        await Page.SetViewportSizeAsync(390, 844);
        await SignInWithPasswordAsync(Page, signInName);
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Welkom, Lina");

        var card = Page.GetByTestId("own-next-appointment");
        await Expect(card).ToContainTextAsync("Uw volgende afspraak:");
        await Expect(card).ToContainTextAsync("Taalles · PVT");
        await Accessibility.AssertNoSeriousViolationsAsync(Page);
        await SaveScreenshotAsync("00-start-390");
        await card.GetByRole(AriaRole.Link, new() { Name = "Bekijk mijn afspraken", Exact = true }).ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Mijn afspraken");
        await Expect(Page.GetByRole(AriaRole.Navigation, new() { Name = "Menu van Mijn Thuis" }).GetByRole(AriaRole.Link, new() { Name = "Mijn afspraken" }))
            .ToHaveAttributeAsync("aria-current", "page");
        await Expect(Page.GetByTestId("own-day")).ToHaveCountAsync(3);
        await Expect(Page.GetByTestId("own-day").First).ToContainTextAsync("Taalles · PVT");
        await Expect(Page.GetByTestId("own-day").First).ToContainTextAsync("Bibliotheek Forum, zaal 3");
        await Expect(Page.GetByRole(AriaRole.Main)).ToContainTextAsync("Gesprek over uw plan");
        var action = await Page.GetByTestId("own-appointment-ics").First.BoundingBoxAsync();
        Assert.True(action!.Height >= 44, $"De knop 'Zet in mijn agenda' is {action.Height} px hoog");
        await Page.GetByText("Afgelopen week (1)").ClickAsync();
        await Expect(Page.GetByTestId("own-past-week")).ToContainTextAsync("Voorbij");
        await AccessibleOnThePhoneAndWideAsync("01-lijst");

        await Page.GetByRole(AriaRole.Link, new() { Name = "Per week", Exact = true }).ClickAsync();
        await Expect(Page.GetByTestId("own-week-caption")).ToContainTextAsync("Week ");
        var days = Page.GetByTestId("own-week-day");
        await Expect(days).ToHaveCountAsync(7);
        var first = await days.Nth(0).BoundingBoxAsync();
        var second = await days.Nth(1).BoundingBoxAsync();
        Assert.True(second!.Y > first!.Y + first.Height - 1 && Math.Abs(second.X - first.X) < 1, "Op een telefoon staan de dagen van de week onder elkaar.");
        await AccessibleOnThePhoneAndWideAsync("02-week");
        await Page.SetViewportSizeAsync(1280, 900);
        first = await days.Nth(0).BoundingBoxAsync();
        second = await days.Nth(1).BoundingBoxAsync();
        Assert.True(Math.Abs(second!.Y - first!.Y) < 1 && second.X > first.X, "Op een breed scherm staan de dagen naast elkaar.");
        await Page.SetViewportSizeAsync(390, 844);
        await Page.GetByTestId("own-week-next").ClickAsync();
        await Expect(Page.GetByTestId("own-week-previous")).ToBeVisibleAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "Deze week", Exact = true }).ClickAsync();

        var download = await Page.RunAndWaitForDownloadAsync(() =>
            Page.GetByRole(AriaRole.Link, new() { Name = "Zet alle afspraken in mijn agenda", Exact = true }).ClickAsync());
        Assert.Equal("mijn-afspraken.ics", download.SuggestedFilename);
        var calendar = await File.ReadAllTextAsync((await download.PathAsync())!, TestContext.Current.CancellationToken);
        Assert.StartsWith("BEGIN:VCALENDAR\r\n", calendar, StringComparison.Ordinal);
        Assert.Contains("SUMMARY:Taalles · PVT\r\n", calendar, StringComparison.Ordinal);
        Assert.Contains("SUMMARY:Gesprek over uw plan\r\n", calendar, StringComparison.Ordinal);
        Assert.DoesNotContain("Voorbij les", calendar, StringComparison.Ordinal);
        Assert.Equal(4, Ical.Net.Calendar.Load(calendar)!.Events.Count);
    }

    /// <summary>Axe finds nothing serious on a phone (390 px, no sideways scroll) and wide; a screenshot of each. Ends on the phone.</summary>
    private async Task AccessibleOnThePhoneAndWideAsync(string step)
    {
        await AccessibleAtBothWidthsAsync(step);
        await Page.SetViewportSizeAsync(390, 844);
    }

    /// <summary>
    /// A newcomer of Zoetermeer with their own account: a PVT group with a lesson tomorrow, a workshop in three days and
    /// a lesson three days ago, and a progress meeting in a week.
    /// </summary>
    private async Task<string> AddPersonWithAppointmentsAsync()
    {
        await using var scope = Fixture.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var zoetermeer = await db.Municipalities.Where(m => m.Name == "Zoetermeer").Select(m => m.Id).SingleAsync(TestContext.Current.CancellationToken);
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystemFor(zoetermeer);
        var today = TimeProvider.System.InTheNetherlands();
        var newcomer = new Newcomer(zoetermeer,
            new PersonDetails("Lina", "Agendahouder", new DateOnly(1995, 8, 1), Gender.Female, "Syrië", null, null, null, null, false, null, null),
            new LegalFrame(TargetGroup.AsylumPermitHolder, today.AddMonths(-3), today.AddDays(-20), today.AddDays(-20), null, null, null, null),
            DateTimeOffset.UtcNow);
        var group = new CourseGroup(zoetermeer, new CourseGroupDetails(CourseKind.Pvt, Group, "Taalhuis Zoetermeer", "Bibliotheek Forum, zaal 3", today.AddDays(-7), null));
        db.Newcomers.Add(newcomer);
        db.CourseGroups.Add(group);
        db.Sessions.AddRange(
            new Session(group, new SessionDetails(today.AddDays(-3), new TimeOnly(9, 30), new TimeOnly(11, 30), SessionKind.LanguageLesson, "Voorbij les", null)),
            new Session(group, new SessionDetails(today.AddDays(1), new TimeOnly(9, 30), new TimeOnly(11, 30), SessionKind.LanguageLesson, "Les 4: boodschappen", null)),
            new Session(group, new SessionDetails(today.AddDays(3), new TimeOnly(13, 0), new TimeOnly(15, 0), SessionKind.Workshop, null, WorkshopTheme.Money)),
            new Session(group, new SessionDetails(today.AddDays(40), new TimeOnly(9, 30), new TimeOnly(11, 30), SessionKind.LanguageLesson, "Les 12", null)));
        db.Enrolments.Add(new Enrolment(group, newcomer.Id, zoetermeer, today.AddDays(-7), "test", DateTimeOffset.UtcNow));
        var plan = IntegrationPlan.FirstDraft(newcomer, "Klantregisseur Zoetermeer", DateTimeOffset.UtcNow);
        plan.Revise(new PlanTerms(LearningRoute.B1, MainGoal.Participation, null, 4, 6, null, null, null, null, 6, today.AddDays(7), null),
            new Dictionary<ParticipationDomain, string> { [ParticipationDomain.Meeting] = "Mensen in de wijk leren kennen" },
            [new StepContent(null, ParticipationDomain.Meeting, "Naar het taalcafé", StepOwner.Newcomer, null, today.AddDays(14), true, null)], today);
        plan.Fix(today.AddDays(-10), "Klantregisseur Zoetermeer", DateTimeOffset.UtcNow);
        db.IntegrationPlans.Add(plan);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);

        var signInName = $"lina.{Guid.NewGuid():N}"[..13] + "@zoetermeer.thuis";
        await DemoData.CreateUserAsync(scope.ServiceProvider.GetRequiredService<UserManager<ThuisUser>>(),
            ThuisUser.ForNewcomer(signInName, newcomer.GivenNames, zoetermeer, newcomer.Id), DemoData.Password, Roles.Newcomer);
        return signInName;
    }
}
