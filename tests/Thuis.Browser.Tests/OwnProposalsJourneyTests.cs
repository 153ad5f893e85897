using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Thuis.Browser.Tests.Infrastructure;
using Thuis.Web.Data;
using Thuis.Web.Features.Accounts;
using Thuis.Web.Features.Dossiers;
using Thuis.Web.Features.Referrals;
using Thuis.Web.Platform.Localization;
using Thuis.Web.Platform.Security;
using static Microsoft.Playwright.Assertions;

namespace Thuis.Browser.Tests;

public sealed class OwnProposalsJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private const string What = "Samen koken op vrijdag";

    [Fact]
    public async Task On_a_phone_the_newcomer_says_yes_with_consent_and_later_withdraws_it()
    {
        var signInName = await AddPersonWithProposalAsync();
        await Page.SetViewportSizeAsync(390, 844);
        await SignInWithPasswordAsync(Page, signInName);
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Welkom, Hana");
        await Expect(Page.GetByTestId("own-waiting-proposals")).ToHaveTextAsync("Er wacht 1 voorstel op uw antwoord.");
        await AssertFitsOnThePhoneAsync("mijn");
        await SaveScreenshotAsync("00-mijn-390");

        await Page.GetByRole(AriaRole.Link, new() { Name = "Bekijk de voorstellen", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Voorstellen");
        await Expect(Page.GetByTestId("own-proposal")).ToContainTextAsync(What);
        await AssertFitsOnThePhoneAsync("voorstellen");
        await Page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex($"^Geef antwoord ?: {What}$") }).ClickAsync();

        // Before saying yes: with whom, what, for what and until when, in plain words.
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(What);
        var terms = Page.GetByTestId("own-consent-terms");
        await Expect(terms).ToContainTextAsync("Met wie: Taalhuis Zoetermeer (demo)");
        await Expect(terms).ToContainTextAsync("Uw voornaam: Hana");
        await Expect(terms).ToContainTextAsync("Nooit: uw BSN, uw achternaam, uw gezondheid of uw geld.");
        await Expect(terms).ToContainTextAsync("Tot en met");
        await AssertFitsOnThePhoneAsync("voorstel");
        await SaveScreenshotAsync("01-voorstel-390");

        // Yes without ticking consent is refused beside the box, with the choice kept.
        await Page.GetByLabel("Ja, dat wil ik", new() { Exact = true }).CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Antwoord versturen", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Zet een vinkje als u toestemming geeft");
        await Expect(Page.GetByLabel("Ja, dat wil ik", new() { Exact = true })).ToBeCheckedAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(Page);
        await SaveScreenshotAsync("02-fout-390");

        await Page.GetByLabel("Ook mijn telefoonnummer delen: 06 9876 5432", new() { Exact = true }).CheckAsync();
        await Page.GetByLabel("Ja, ik geef toestemming om dit te delen met Taalhuis Zoetermeer (demo).", new() { Exact = true }).CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Antwoord versturen", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Uw antwoord is opgeslagen.");
        await Expect(Page.GetByTestId("own-answered-proposal")).ToContainTextAsync("U zei: ja.");
        await Accessibility.AssertNoSeriousViolationsAsync(Page);

        await Page.GetByRole(AriaRole.Link, new() { Name = "Bekijk mijn toestemmingen", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Mijn toestemmingen");
        var consent = Page.GetByTestId("own-consent");
        await Expect(consent).ToContainTextAsync("uw voornaam, uw taal, uw telefoonnummer");
        await Expect(consent).ToContainTextAsync("U gaf deze toestemming zelf op");
        await AssertFitsOnThePhoneAsync("toestemmingen");
        await SaveScreenshotAsync("03-toestemmingen-390");
        await AccessibleAtBothWidthsAsync("04-toestemmingen");
        await Page.SetViewportSizeAsync(390, 844);

        // Withdrawing asks first.
        await Page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex($"^Toestemming intrekken ?: {What}$") }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Toestemming intrekken");
        await Expect(Page.GetByRole(AriaRole.Main)).ToContainTextAsync("Taalhuis Zoetermeer (demo) ziet uw gegevens niet meer.");
        await AssertFitsOnThePhoneAsync("intrekken");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Intrekken", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Zet een vinkje als u de toestemming echt wilt intrekken.");
        await Accessibility.AssertNoSeriousViolationsAsync(Page);
        await SaveScreenshotAsync("05-intrekken-390");
        await Page.GetByLabel("Ja, ik wil deze toestemming intrekken.", new() { Exact = true }).CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Intrekken", Exact = true }).ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("De toestemming is ingetrokken.");
        await Expect(Page.GetByTestId("own-consent")).ToHaveCountAsync(0);
        await Expect(Page.GetByTestId("own-ended-consent")).ToContainTextAsync("U heeft deze toestemming ingetrokken op");
        await Accessibility.AssertNoSeriousViolationsAsync(Page);
        await SaveScreenshotAsync("06-ingetrokken-390");
    }

    /// <summary>No sideways scroll at 390 px, every button and link-button at least 44 px high, and axe clean.</summary>
    private async Task AssertFitsOnThePhoneAsync(string step)
    {
        var overflow = await Page.EvaluateAsync<int>("document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"De pagina schuift {overflow} px opzij op een telefoon ({step}).");
        var heights = await Page.EvaluateAsync<double[]>(
            "[...document.querySelectorAll('main button, main .utrecht-button-link')].map(e => e.getBoundingClientRect().height)");
        Assert.All(heights, h => Assert.True(h >= 44, $"Een knop is {h} px hoog ({step})."));
        await Accessibility.AssertNoSeriousViolationsAsync(Page);
    }

    /// <summary>Hana in Zoetermeer, with her own account and a proposal of the partner waiting for her answer.</summary>
    private async Task<string> AddPersonWithProposalAsync()
    {
        await using var scope = Fixture.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var token = TestContext.Current.CancellationToken;
        var zoetermeer = await db.Municipalities.Where(m => m.Name == "Zoetermeer").Select(m => m.Id).SingleAsync(token);
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystemFor(zoetermeer);
        var partner = await db.Organisations.Where(o => o.IsPartner && o.Name == "Taalhuis Zoetermeer (demo)").SingleAsync(token);
        var today = TimeProvider.System.InTheNetherlands();
        var newcomer = new Newcomer(zoetermeer,
            new PersonDetails("Hana", "Kookgraag", new DateOnly(1991, 8, 9), Gender.Female, "Syrië", null, "06 9876 5432", null, "Arabisch", false, null, null),
            new LegalFrame(TargetGroup.AsylumPermitHolder, today.AddMonths(-3), today.AddDays(-20), today.AddDays(-20), null, null, null, null),
            DateTimeOffset.UtcNow);
        db.Newcomers.Add(newcomer);
        db.Proposals.Add(new Proposal(newcomer, TargetKind.Other, null, What, partner.Id, "U kookt graag en leert zo mensen kennen.",
            "Karin Klantregisseur", DateTimeOffset.UtcNow.AddDays(-1), today));
        await db.SaveChangesAsync(token);
        var signInName = $"hana.{Guid.NewGuid().ToString("N")[..6]}@zoetermeer.thuis";
        await DemoData.CreateUserAsync(scope.ServiceProvider.GetRequiredService<UserManager<ThuisUser>>(),
            ThuisUser.ForNewcomer(signInName, newcomer.GivenNames, zoetermeer, newcomer.Id), DemoData.Password, Roles.Newcomer);
        return signInName;
    }
}
