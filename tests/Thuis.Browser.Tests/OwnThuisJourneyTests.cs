using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Thuis.Browser.Tests.Infrastructure;
using Thuis.Web.Data;
using Thuis.Web.Features.Dossiers;
using Thuis.Web.Features.Plans;
using Thuis.Web.Platform.Security;
using static Microsoft.Playwright.Assertions;

namespace Thuis.Browser.Tests;

public sealed class OwnThuisJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private const string Step = "Meedoen met de wandelgroep op dinsdag";

    [Fact]
    public async Task The_case_manager_invites_and_the_newcomer_activates_on_a_phone_reads_the_plan_and_marks_a_step_done()
    {
        var person = await AddPersonWithPlanAsync();
        await Page.SetViewportSizeAsync(390, 844);
        await SignInAsync("klantregisseur@zoetermeer.example");

        await Page.GotoAsync($"/dossiers/{person}/eigen-thuis");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Eigen Thuis van Yonas Wandelaar");
        await Accessibility.AssertNoSeriousViolationsAsync(Page);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Maak een brief met een code", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Uw eigen Thuis op uw telefoon");
        var code = (await Page.GetByTestId("letter-code").TextContentAsync())!.Trim();
        var signInName = (await Page.GetByTestId("letter-sign-in-name").TextContentAsync())!.Trim();
        await Expect(Page.GetByTestId("letter-address")).ToContainTextAsync("/mijn/activeren");
        await Accessibility.AssertNoSeriousViolationsAsync(Page);
        await SaveScreenshotAsync("01-brief-390");

        var phone = await (await Fixture.NewContextAsync()).NewPageAsync();
        await phone.SetViewportSizeAsync(390, 844);
        await phone.GotoAsync("/mijn/activeren");
        await Accessibility.AssertNoSeriousViolationsAsync(phone);
        await phone.GetByLabel("Gebruikersnaam", new() { Exact = true }).FillAsync(signInName);
        await phone.GetByLabel("Code uit de brief", new() { Exact = true }).FillAsync(code);
        await phone.GetByLabel("Nieuw wachtwoord", new() { Exact = true }).FillAsync("mijn wandelgroep op dinsdag");
        await phone.GetByLabel("Wachtwoord nog een keer", new() { Exact = true }).FillAsync("mijn wandelgroep op dinsdag");
        await phone.GetByRole(AriaRole.Button, new() { Name = "Aanzetten", Exact = true }).ClickAsync();

        await Expect(phone.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Tweestapsverificatie");
        var key = (await phone.GetByTestId("shared-key").TextContentAsync())!;
        await phone.GetByLabel("Code uit de authenticator-app").FillAsync(Thuis.Web.Tests.Infrastructure.Totp.Code(key, DateTimeOffset.UtcNow));
        await phone.GetByRole(AriaRole.Button, new() { Name = "Tweestapsverificatie aanzetten", Exact = true }).ClickAsync();
        await Expect(phone.GetByTestId("recovery-codes")).ToBeVisibleAsync();

        await phone.GotoAsync("/");
        await Expect(phone.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Welkom, Yonas");
        await Accessibility.AssertNoSeriousViolationsAsync(phone);
        await phone.GetByRole(AriaRole.Link, new() { Name = "Bekijk mijn plan", Exact = true }).ClickAsync();
        await Expect(phone.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Mijn plan");
        await Expect(phone.GetByRole(AriaRole.Main)).ToContainTextAsync(Step);
        await Expect(phone.GetByRole(AriaRole.Main)).ToContainTextAsync("vrijwilliger (taalmaatje Els)");
        Assert.True(await phone.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "Mijn plan schuift opzij op 390 px");
        var action = await phone.GetByRole(AriaRole.Link, new() { Name = "Vertel hoe het gaat" }).BoundingBoxAsync();
        Assert.True(action!.Height >= 44, $"De knop is {action.Height} px hoog");
        await Accessibility.AssertNoSeriousViolationsAsync(phone);
        await phone.SetViewportSizeAsync(1280, 900);
        await Accessibility.AssertNoSeriousViolationsAsync(phone);
        await phone.SetViewportSizeAsync(390, 844);

        await phone.GetByRole(AriaRole.Link, new() { Name = "Vertel hoe het gaat" }).ClickAsync();
        await Expect(phone.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(Step);
        await Accessibility.AssertNoSeriousViolationsAsync(phone);
        await phone.GetByRole(AriaRole.Button, new() { Name = "Ik heb dit gedaan", Exact = true }).ClickAsync();
        await Expect(phone.GetByRole(AriaRole.Status)).ToContainTextAsync("Goed gedaan!");
        await Expect(phone.GetByTestId("own-step")).ToContainTextAsync("Klaar");
        await Accessibility.AssertNoSeriousViolationsAsync(phone);
        await phone.Context.CloseAsync();
    }

    [Fact]
    public async Task The_newcomer_chooses_Arabic_and_reads_their_Thuis_right_to_left_then_Tigrinya_each_page_clean_on_a_phone()
    {
        await Page.SetViewportSizeAsync(390, 844);
        await Page.GotoAsync("/account/inloggen");
        await Page.GetByLabel("E-mailadres", new() { Exact = true }).FillAsync("nieuwkomer@zoetermeer.example");
        await Page.GetByLabel("Wachtwoord", new() { Exact = true }).FillAsync(Thuis.Web.Data.DemoData.Password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Inloggen", Exact = true }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Uri(Fixture.BaseAddress, "/mijn").ToString());
        var html = Page.Locator("html");
        try
        {
            await Page.GetByRole(AriaRole.Link, new() { Name = "Taal: Nederlands" }).ClickAsync();
            await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Kies uw taal");
            await Accessibility.AssertNoSeriousViolationsAsync(Page);
            await Page.GetByRole(AriaRole.Button, new() { Name = "العربية", Exact = true }).ClickAsync();
            await Expect(html).ToHaveAttributeAsync("dir", "rtl");
            await Expect(html).ToHaveAttributeAsync("lang", "ar");
            await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("تم حفظ لغتك");
            foreach (var (url, heading, step) in new[] { ("/mijn", "أهلاً بك", "01-ar-start"), ("/mijn/plan", "خطتي", "02-ar-plan"), ("/mijn/gegevens", "بياناتي", "03-ar-gegevens"),
                ("/mijn/afspraken", "مواعيدي", "03-ar-afspraken"), ("/mijn/voorstellen", "الاقتراحات", "03-ar-voorstellen"), ("/mijn/toestemmingen", "موافقاتي", "03-ar-toestemmingen") })
            {
                await Page.GotoAsync(url);
                await Expect(html).ToHaveAttributeAsync("dir", "rtl");
                await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(heading);
                Assert.True(await Page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), $"{url} schuift opzij op 390 px in het Arabisch");
                await Accessibility.AssertNoSeriousViolationsAsync(Page);
                await SaveScreenshotAsync(step);
            }
            // The proposal waiting for the demo person's answer, with its yes, no and not now, reads right to left too.
            await Page.GotoAsync("/mijn/voorstellen");
            await Page.Locator("a[href^='/mijn/voorstellen/']").First.ClickAsync();
            // What the case manager proposed stays in their Dutch, marked as Dutch for the screen reader.
            await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveAttributeAsync("lang", "nl");
            await Expect(Page.GetByLabel("نعم، أريد ذلك")).ToBeVisibleAsync();
            Assert.True(await Page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "Een voorstel schuift opzij op 390 px in het Arabisch");
            await Accessibility.AssertNoSeriousViolationsAsync(Page);
            await SaveScreenshotAsync("03-ar-voorstel");
            // The menu starts on the right, as Arabic reads.
            var brand = await Page.Locator(".thuis-brand").BoundingBoxAsync();
            Assert.True(brand!.X > 390 / 2 - brand.Width, $"Het merk staat links ({brand.X}) in een pagina van rechts naar links");

            await Page.GotoAsync("/mijn/taal");
            await Page.GetByRole(AriaRole.Button, new() { Name = "ትግርኛ", Exact = true }).ClickAsync();
            await Expect(html).ToHaveAttributeAsync("lang", "ti");
            await Expect(html).ToHaveAttributeAsync("dir", "ltr");
            await Page.GotoAsync("/mijn/plan");
            await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("መደበይ");
            Assert.True(await Page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "Mijn plan schuift opzij op 390 px in het Tigrinya");
            await Accessibility.AssertNoSeriousViolationsAsync(Page);
            await SaveScreenshotAsync("04-ti-plan");
            await Page.GotoAsync("/mijn/toestemmingen");
            await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("ፍቓዳተይ");
            Assert.True(await Page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "Mijn toestemmingen schuift opzij op 390 px in het Tigrinya");
            await Accessibility.AssertNoSeriousViolationsAsync(Page);
            await SaveScreenshotAsync("05-ti-toestemmingen");
        }
        finally
        {
            // The demo person reads Dutch again for the journeys after this one.
            await Page.GotoAsync("/mijn/taal");
            await Page.GetByRole(AriaRole.Button, new() { Name = "Nederlands", Exact = true }).ClickAsync();
        }
    }

    /// <summary>A newcomer of Zoetermeer of this journey's own, with a plan in force and one open step.</summary>
    private async Task<Guid> AddPersonWithPlanAsync()
    {
        await using var scope = Fixture.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var zoetermeer = await db.Municipalities.Where(m => m.Name == "Zoetermeer").Select(m => m.Id).SingleAsync(TestContext.Current.CancellationToken);
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystemFor(zoetermeer);
        var today = DateOnly.FromDateTime(DateTime.Today);
        var newcomer = new Newcomer(zoetermeer,
            new PersonDetails("Yonas", "Wandelaar", new DateOnly(1993, 2, 14), Gender.Male, "Eritrea", null, null, null, null, false, null, null),
            new LegalFrame(TargetGroup.AsylumPermitHolder, today.AddMonths(-3), today.AddDays(-20), today.AddDays(-20), null, null, null, null),
            DateTimeOffset.UtcNow);
        var plan = IntegrationPlan.FirstDraft(newcomer, "Klantregisseur Zoetermeer", DateTimeOffset.UtcNow);
        plan.Revise(new PlanTerms(LearningRoute.B1, MainGoal.Participation, null, 4, 6, null, null, null, null, null, null, null),
            new Dictionary<ParticipationDomain, string> { [ParticipationDomain.Meeting] = "Mensen in de wijk leren kennen" },
            [new StepContent(null, ParticipationDomain.Meeting, Step, StepOwner.Volunteer, "taalmaatje Els", today.AddDays(14), true, null)], today);
        plan.Fix(today, "Klantregisseur Zoetermeer", DateTimeOffset.UtcNow);
        db.Newcomers.Add(newcomer);
        db.IntegrationPlans.Add(plan);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return newcomer.Id;
    }
}
