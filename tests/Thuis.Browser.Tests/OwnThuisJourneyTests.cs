using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Thuis.Browser.Tests.Infrastructure;
using Thuis.Web.Data;
using Thuis.Web.Features.Accounts;
using Thuis.Web.Features.Dossiers;
using Thuis.Web.Features.Plans;
using Thuis.Web.Features.Referrals;
using Thuis.Web.Platform.Localization;
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

        // The person chooses how to sign in from now on: here a password with a code app (the passkey has its own journey).
        await Expect(phone.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Zo logt u in");
        Assert.True(await phone.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "‘Zo logt u in’ schuift opzij op 390 px");
        await Accessibility.AssertNoSeriousViolationsAsync(phone);
        await PhoneScreenshotAsync(phone, "zo-logt-u-in-390");
        await phone.GetByRole(AriaRole.Link, new() { Name = "Code-app instellen", Exact = true }).ClickAsync();
        await Expect(phone.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Code-app instellen");
        Assert.True(await phone.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "‘Code-app instellen’ schuift opzij op 390 px");
        await Accessibility.AssertNoSeriousViolationsAsync(phone);
        await PhoneScreenshotAsync(phone, "code-app-390");
        var key = (await phone.GetByTestId("shared-key").TextContentAsync())!;
        await phone.GetByLabel("Code van zes cijfers").FillAsync(Thuis.Web.Tests.Infrastructure.Totp.Code(key, DateTimeOffset.UtcNow));
        await phone.GetByRole(AriaRole.Button, new() { Name = "Code-app aanzetten", Exact = true }).ClickAsync();
        await Expect(phone.GetByTestId("recovery-codes")).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(phone);
        await PhoneScreenshotAsync(phone, "herstelcodes-390");

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
        var html = Page.Locator("html");
        // Their own pages send them to their own sign-in, which they read in Arabic before Thuis knows who they are.
        await Page.GotoAsync("/mijn");
        await Expect(Page).ToHaveURLAsync(new Uri(Fixture.BaseAddress, "/mijn/aanmelden?ReturnUrl=%2Fmijn").ToString());
        await Page.GetByRole(AriaRole.Link, new() { Name = "العربية", Exact = true }).ClickAsync();
        await Expect(html).ToHaveAttributeAsync("dir", "rtl");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("تسجيل الدخول");
        Assert.True(await Page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "Inloggen schuift opzij op 390 px in het Arabisch");
        await Accessibility.AssertNoSeriousViolationsAsync(Page);
        await SaveScreenshotAsync("00-ar-aanmelden");
        await Page.GetByLabel("اسم المستخدم", new() { Exact = true }).FillAsync("nieuwkomer@zoetermeer.example");
        await Page.GetByLabel("كلمة المرور", new() { Exact = true }).FillAsync(DemoData.Password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "تسجيل الدخول", Exact = true }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Uri(Fixture.BaseAddress, "/mijn").ToString());
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
                ("/mijn/afspraken", "مواعيدي", "03-ar-afspraken"), ("/mijn/voorstellen", "الاقتراحات", "03-ar-voorstellen"), ("/mijn/toestemmingen", "موافقاتي", "03-ar-toestemmingen"),
                ("/mijn/hoe-gaat-het", "كيف تسير الأمور؟", "03-ar-hoe-gaat-het"), ("/mijn/wat-ik-wil", "ما أريده", "03-ar-wat-ik-wil") })
            {
                await Page.GotoAsync(url);
                await Expect(html).ToHaveAttributeAsync("dir", "rtl");
                await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(heading);
                Assert.True(await Page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), $"{url} schuift opzij op 390 px in het Arabisch");
                await Accessibility.AssertNoSeriousViolationsAsync(Page);
                await SaveScreenshotAsync(step);
            }
            // Mijn gegevens prints from its own button; on paper there is no menu and no buttons.
            await Page.GotoAsync("/mijn/gegevens");
            await Expect(Page.GetByTestId("own-print")).ToBeVisibleAsync();
            await Page.EmulateMediaAsync(new() { Media = Media.Print });
            await Expect(Page.Locator(".thuis-nav")).ToBeHiddenAsync();
            await Expect(Page.GetByTestId("own-print")).ToBeHiddenAsync();
            await Expect(Page.GetByTestId("own-details")).ToBeVisibleAsync();
            await SaveScreenshotAsync("03-ar-gegevens-afgedrukt");
            await Page.EmulateMediaAsync(new() { Media = Media.Screen });
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
            await Page.GotoAsync("/mijn/wat-ik-wil");
            await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("ዝደልዮ");
            Assert.True(await Page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "Wat ik wil schuift opzij op 390 px in het Tigrinya");
            await Accessibility.AssertNoSeriousViolationsAsync(Page);
            await SaveScreenshotAsync("06-ti-wat-ik-wil");
        }
        finally
        {
            // The demo person reads Dutch again for the journeys after this one.
            await Page.GotoAsync("/mijn/taal");
            await Page.GetByRole(AriaRole.Button, new() { Name = "Nederlands", Exact = true }).ClickAsync();
        }
    }

    [Fact]
    public async Task On_a_phone_the_newcomer_says_an_activity_goes_badly_and_the_case_manager_sees_the_signal_with_their_words()
    {
        const string Words = "Mijn taalmaatje komt vaak niet opdagen";
        var (person, signInName) = await AddPersonWithBuddyAsync();
        var phone = await (await Fixture.NewContextAsync()).NewPageAsync();
        await phone.SetViewportSizeAsync(390, 844);
        await SignInWithPasswordAsync(phone, signInName);

        await Expect(phone).ToHaveURLAsync(new Uri(Fixture.BaseAddress, "/mijn").ToString());
        await Expect(phone.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Welkom, Selam");
        await Expect(phone.GetByTestId("own-question-card")).ToContainTextAsync("hoe gaat het met ‘Taalmaatje Marloes’?");
        await Accessibility.AssertNoSeriousViolationsAsync(phone);
        await PhoneScreenshotAsync(phone, "mijn-met-vraag-390");
        await phone.GetByTestId("own-question-card").GetByRole(AriaRole.Link, new() { Name = "Beantwoord de vraag" }).ClickAsync();

        await Expect(phone.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Hoe gaat het?");
        Assert.True(await phone.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "‘Hoe gaat het?’ schuift opzij op 390 px");
        foreach (var face in new[] { "Heel slecht", "Slecht", "Gaat wel", "Goed", "Heel goed", "Ja", "Nee", "Weet ik niet" })
        {
            var box = await phone.Locator("label.thuis-face").Filter(new() { HasText = face }).First.BoundingBoxAsync();
            Assert.True(box!.Height >= 44, $"‘{face}’ is {box.Height} px hoog");
        }
        await Accessibility.AssertNoSeriousViolationsAsync(phone);
        await phone.GetByRole(AriaRole.Radio, new() { Name = "Slecht", Exact = true }).CheckAsync();
        await phone.GetByLabel("Wilt u nog iets vertellen? (mag leeg blijven)").FillAsync(Words);
        await phone.GetByRole(AriaRole.Radio, new() { Name = "Nee", Exact = true }).CheckAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(phone);
        await PhoneScreenshotAsync(phone, "hoe-gaat-het-390");
        await phone.GetByRole(AriaRole.Button, new() { Name = "Versturen", Exact = true }).ClickAsync();

        await Expect(phone.GetByRole(AriaRole.Status)).ToContainTextAsync("Uw klantregisseur weet nu dat het niet goed gaat.");
        await Expect(phone.GetByTestId("own-answer")).ToContainTextAsync(Words);
        await Accessibility.AssertNoSeriousViolationsAsync(phone);
        await PhoneScreenshotAsync(phone, "hoe-gaat-het-verstuurd-390");

        // "Wat ik wil", in the person's own words; the case manager sees below that they wrote it themselves.
        await phone.GetByRole(AriaRole.Link, new() { Name = "Wat ik wil", Exact = true }).ClickAsync();
        await Expect(phone.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Wat ik wil");
        await Accessibility.AssertNoSeriousViolationsAsync(phone);
        await phone.GetByLabel("Wat wilt u dit jaar doen of leren?").FillAsync("Zwemmen leren met mijn dochter");
        await phone.GetByLabel("Wat doet u graag voor anderen?").FillAsync("Koken voor de buren");
        await phone.GetByRole(AriaRole.Button, new() { Name = "Opslaan", Exact = true }).ClickAsync();
        await Expect(phone.GetByRole(AriaRole.Status)).ToContainTextAsync("Bewaard.");
        Assert.True(await phone.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "‘Wat ik wil’ schuift opzij op 390 px");
        await Accessibility.AssertNoSeriousViolationsAsync(phone);
        await PhoneScreenshotAsync(phone, "wat-ik-wil-390");
        await phone.SetViewportSizeAsync(1280, 900);
        await Accessibility.AssertNoSeriousViolationsAsync(phone);
        await PhoneScreenshotAsync(phone, "wat-ik-wil-1280");
        await phone.Context.CloseAsync();

        await SignInAsync("klantregisseur@zoetermeer.example");
        await Page.GotoAsync("/signalen");
        var signal = Page.GetByRole(AriaRole.Row).Filter(new() { HasText = Words });
        await Expect(signal).ToContainTextAsync("Selam zegt na twee weken over ‘Taalmaatje Marloes’: slecht, doorgaan: nee");
        await Accessibility.AssertNoSeriousViolationsAsync(Page);
        await Page.GotoAsync($"/dossiers/{person}");
        await Expect(Page.GetByTestId("dossier-feedback")).ToContainTextAsync(Words);
        await Expect(Page.GetByTestId("intake-wensen")).ToContainTextAsync("aangepast door Selam zelf op");
        await AccessibleAtBothWidthsAsync("dossier-hoe-gaat-het");
    }

    [Fact]
    public async Task On_a_phone_the_newcomer_adds_a_passkey_and_signs_in_with_it_without_a_password()
    {
        var (_, signInName) = await AddPersonWithBuddyAsync();
        // A passkey belongs to a host name; the app is the same, reached as localhost instead of 127.0.0.1.
        var localhost = new UriBuilder(Fixture.BaseAddress) { Host = "localhost" }.Uri;
        var context = await Fixture.NewContextAsync(localhost);
        var phone = await context.NewPageAsync();
        await phone.SetViewportSizeAsync(390, 844);
        // Chromium's virtual authenticator stands in for the phone's fingerprint reader.
        var devtools = await context.NewCDPSessionAsync(phone);
        await devtools.SendAsync("WebAuthn.enable");
        await devtools.SendAsync("WebAuthn.addVirtualAuthenticator", new Dictionary<string, object>
        {
            ["options"] = new Dictionary<string, object>
            {
                ["protocol"] = "ctap2",
                ["transport"] = "internal",
                ["hasResidentKey"] = true,
                ["hasUserVerification"] = true,
                ["isUserVerified"] = true,
                ["automaticPresenceSimulation"] = true,
            },
        });

        await SignInWithPasswordAsync(phone, signInName);
        await Expect(phone).ToHaveURLAsync(new Uri(localhost, "/mijn").ToString());
        await phone.GotoAsync("/mijn/inloggen");
        await Expect(phone.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Zo logt u in");
        await Expect(phone.GetByTestId("own-passkeys")).ToContainTextAsync("U heeft nog geen passkey.");
        await phone.GetByLabel("Naam van de passkey (mag leeg blijven)").FillAsync("Mijn telefoon");
        await phone.GetByRole(AriaRole.Button, new() { Name = "Passkey toevoegen", Exact = true }).ClickAsync();
        await Expect(phone.GetByRole(AriaRole.Status)).ToContainTextAsync("Uw passkey is toegevoegd.");
        await Expect(phone.GetByTestId("own-passkey")).ToContainTextAsync("Mijn telefoon");
        Assert.True(await phone.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "‘Zo logt u in’ schuift opzij op 390 px");
        await Accessibility.AssertNoSeriousViolationsAsync(phone);
        await PhoneScreenshotAsync(phone, "passkey-toegevoegd-390");

        // Signing out leads to the newcomer's own sign-in page, where the passkey comes first.
        await phone.GetByRole(AriaRole.Button, new() { Name = "Uitloggen", Exact = true }).ClickAsync();
        await Expect(phone).ToHaveURLAsync(new Uri(localhost, "/mijn/aanmelden?uitgelogd=1").ToString());
        await Expect(phone.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Inloggen");
        await Expect(phone.GetByRole(AriaRole.Status)).ToContainTextAsync("U bent uitgelogd.");
        Assert.True(await phone.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "Inloggen schuift opzij op 390 px");
        await Accessibility.AssertNoSeriousViolationsAsync(phone);
        await PhoneScreenshotAsync(phone, "aanmelden-390");
        await phone.GetByRole(AriaRole.Button, new() { Name = "Inloggen met een passkey", Exact = true }).ClickAsync();
        await Expect(phone).ToHaveURLAsync(new Uri(localhost, "/mijn").ToString());
        await Expect(phone.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Welkom, Selam");

        // Removing asks first; after it, the passkey no longer signs in.
        await phone.GotoAsync("/mijn/inloggen");
        await phone.GetByTestId("own-passkey").GetByRole(AriaRole.Link, new() { Name = "Verwijderen" }).ClickAsync();
        await Expect(phone.GetByText("Wilt u deze passkey echt verwijderen?")).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(phone);
        await phone.GetByRole(AriaRole.Button, new() { Name = "Ja, verwijderen", Exact = true }).ClickAsync();
        await Expect(phone.GetByRole(AriaRole.Status)).ToContainTextAsync("De passkey is verwijderd.");
        await Expect(phone.GetByTestId("own-passkeys")).ToContainTextAsync("U heeft nog geen passkey.");
        await phone.GetByRole(AriaRole.Button, new() { Name = "Uitloggen", Exact = true }).ClickAsync();
        await phone.GetByRole(AriaRole.Button, new() { Name = "Inloggen met een passkey", Exact = true }).ClickAsync();
        await Expect(phone.GetByRole(AriaRole.Alert)).ToContainTextAsync("Deze passkey kennen we niet.");
        await context.CloseAsync();
    }

    private static async Task PhoneScreenshotAsync(IPage phone, string step) =>
        await phone.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots", $"OwnThuis--{step}.png"), FullPage = true });

    /// <summary>
    /// A newcomer of Zoetermeer of this journey's own, in the demo case manager's caseload, with a taalmaatje arranged
    /// fifteen days ago and an own account with the demo password.
    /// </summary>
    private async Task<(Guid Person, string SignInName)> AddPersonWithBuddyAsync()
    {
        await using var scope = Fixture.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var zoetermeer = await db.Municipalities.Where(m => m.Name == "Zoetermeer").Select(m => m.Id).SingleAsync(TestContext.Current.CancellationToken);
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystemFor(zoetermeer);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ThuisUser>>();
        var caseManager = await users.FindByEmailAsync("klantregisseur@zoetermeer.example");
        var today = TimeProvider.System.InTheNetherlands();
        var newcomer = new Newcomer(zoetermeer,
            new PersonDetails("Selam", "Taalmaatje", new DateOnly(1996, 8, 1), Gender.Female, "Eritrea", null, null, null, null, false, null, null),
            new LegalFrame(TargetGroup.AsylumPermitHolder, today.AddMonths(-3), today.AddDays(-40), today.AddDays(-40), null, null, null, null),
            DateTimeOffset.UtcNow);
        newcomer.AssignCaseManager(caseManager!.Id);
        db.Newcomers.Add(newcomer);
        var proposal = new Proposal(newcomer, TargetKind.Other, null, "Taalmaatje Marloes", null, null, "Karin Klantregisseur", DateTimeOffset.UtcNow, today.AddDays(-20));
        proposal.RecordAnswer(NewcomerAnswer.Yes, today.AddDays(-20), null);
        proposal.RecordArrangement("Vrijwilligerscentrale", today.AddDays(-15), null);
        db.Proposals.Add(proposal);
        db.Consents.Add(new Consent(proposal, "Kennismaken met een taalmaatje", today.AddDays(-20), today.AddMonths(12), "Karin Klantregisseur"));
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        var signInName = $"selam.{Guid.NewGuid().ToString("N")[..6]}@zoetermeer.thuis";
        await Web.Data.DemoData.CreateUserAsync(users, ThuisUser.ForNewcomer(signInName, "Selam", zoetermeer, newcomer.Id), Web.Data.DemoData.Password, Roles.Newcomer);
        return (newcomer.Id, signInName);
    }

    /// <summary>A newcomer of Zoetermeer of this journey's own, with a plan in force and one open step.</summary>
    private async Task<Guid> AddPersonWithPlanAsync()
    {
        await using var scope = Fixture.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var zoetermeer = await db.Municipalities.Where(m => m.Name == "Zoetermeer").Select(m => m.Id).SingleAsync(TestContext.Current.CancellationToken);
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystemFor(zoetermeer);
        var today = TimeProvider.System.InTheNetherlands();
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
