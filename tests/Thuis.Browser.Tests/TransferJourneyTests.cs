using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Thuis.Browser.Tests.Infrastructure;
using Thuis.Web.Data;
using Thuis.Web.Features.Dossiers;
using Thuis.Web.Platform.Localization;
using Thuis.Web.Platform.Security;
using static Microsoft.Playwright.Assertions;

namespace Thuis.Browser.Tests;

public sealed class TransferJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private const string CaseManagerOfZoetermeer = "klantregisseur@zoetermeer.example";

    [Fact]
    public async Task Dalfsen_hands_a_dossier_over_and_Zoetermeer_previews_and_receives_it()
    {
        // A person of its own, with a BSN, so no other journey's dossier moves away under it.
        var id = await AddPersonAsync();
        const string name = "Selam Verhuizer";
        await SignInAsync(CaseManagerOfDalfsen);
        await Page.GotoAsync($"/dossiers/{id}");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(name);

        await Page.GetByRole(AriaRole.Link, new() { Name = "Dossier overdragen", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Dossier overdragen", Level = 1 })).ToBeVisibleAsync();
        await Expect(Page.GetByLabel("Gezondheidsinformatie meesturen (alleen met toestemming van de persoon)")).Not.ToBeCheckedAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(Page);
        await Page.GetByLabel("Nieuwe gemeente", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Zoetermeer" });
        await Page.GetByLabel("Verhuisdatum", new() { Exact = true }).FillAsync("2026-11-12");
        await Page.GetByLabel("Reden van de verhuizing (optioneel)").FillAsync("Een woning dichter bij haar zus");
        await SaveScreenshotAsync("01-overdragen");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Verder", Exact = true }).ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Controleer en bevestig" })).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Main)).ToContainTextAsync("12 november 2026");
        await Accessibility.AssertNoSeriousViolationsAsync(Page);
        await SaveScreenshotAsync("02-bevestigen");
        var download = await Page.RunAndWaitForDownloadAsync(() =>
            Page.GetByRole(AriaRole.Button, new() { Name = "Overdragen en bestand downloaden" }).ClickAsync());
        Assert.Matches(@"^overdracht-[a-z0-9-]+-\d{4}-\d{2}-\d{2}\.json$", download.SuggestedFilename);
        var file = Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}-{download.SuggestedFilename}");
        await download.SaveAsAsync(file);
        Assert.Contains("\"format\": \"thuis-overdracht\"", await File.ReadAllTextAsync(file), StringComparison.Ordinal);

        await Page.GetByRole(AriaRole.Link, new() { Name = "Terug naar het dossier" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Main)).ToContainTextAsync("Overgedragen aan Zoetermeer op");
        await Expect(Page.GetByRole(AriaRole.Main)).ToContainTextAsync("verhuisd");
        await SaveScreenshotAsync("03-overgedragen");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Uitloggen", Exact = true }).ClickAsync();

        await SignInAsync(CaseManagerOfZoetermeer);
        await Page.GotoAsync("/dossiers");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Overdracht ontvangen", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Overdracht ontvangen", Level = 1 })).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(Page);
        await Page.GetByLabel("Overdrachtsbestand", new() { Exact = true }).SetInputFilesAsync(file);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Bestand bekijken" }).ClickAsync();

        var preview = Page.GetByRole(AriaRole.Main);
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Wat er in het bestand staat" })).ToBeVisibleAsync();
        await Expect(preview).ToContainTextAsync(name);
        await Expect(preview).ToContainTextAsync("Dalfsen");
        await Expect(preview).ToContainTextAsync("niet meegestuurd");
        await Accessibility.AssertNoSeriousViolationsAsync(Page);
        await SaveScreenshotAsync("04-voorbeeld");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Overdracht ontvangen", Exact = true }).ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(name);
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("De overdracht is ontvangen");
        await Expect(Page.GetByRole(AriaRole.Main)).ToContainTextAsync("Ontvangen van Dalfsen op");
        await Expect(Page.GetByRole(AriaRole.Main)).ToContainTextAsync("Klantregisseur: Karin Klantregisseur");
        await Accessibility.AssertNoSeriousViolationsAsync(Page);
        await SaveScreenshotAsync("05-ontvangen");

        // The same file a second time is refused, and nothing is added.
        await Page.GotoAsync("/dossiers/overdracht-ontvangen");
        await Page.GetByLabel("Overdrachtsbestand", new() { Exact = true }).SetInputFilesAsync(file);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Bestand bekijken" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Deze overdracht is al ontvangen.");
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Overdracht ontvangen", Exact = true })).ToHaveCountAsync(0);
        await SaveScreenshotAsync("06-al-ontvangen");
        File.Delete(file);
    }

    [Fact]
    public async Task The_administrator_makes_the_own_key_registers_another_municipalitys_key_and_removes_it()
    {
        await SignInAsync("beheerder@zoetermeer.example");
        await Page.GotoAsync("/beheer");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Sleutels voor overdracht", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Sleutels voor overdracht", Level = 1 })).ToBeVisibleAsync();
        if (await Page.GetByRole(AriaRole.Button, new() { Name = "Sleutel maken" }).CountAsync() > 0)
        {
            await Page.GetByRole(AriaRole.Button, new() { Name = "Sleutel maken" }).ClickAsync();
            await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("De sleutel van uw gemeente is gemaakt.");
        }
        await Expect(Page.GetByTestId("eigen-sleutel")).ToContainTextAsync("-----BEGIN PUBLIC KEY-----");
        await AccessibleAtBothWidthsAsync("01-eigen-sleutel");

        // Wrong input first: every message beside its field, the input kept.
        await Page.GetByLabel("Naam van de gemeente", new() { Exact = true }).FillAsync("Verweg");
        await Page.GetByLabel("CBS-gemeentecode", new() { Exact = true }).FillAsync("12");
        await Page.GetByLabel("Openbare sleutel (PEM)").FillAsync("geen sleutel");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sleutel vastleggen" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Main)).ToContainTextAsync("Vul de CBS-gemeentecode in: vier cijfers");
        await Expect(Page.GetByRole(AriaRole.Main)).ToContainTextAsync("Dit is geen geldige openbare sleutel.");
        await Expect(Page.GetByLabel("Naam van de gemeente", new() { Exact = true })).ToHaveValueAsync("Verweg");
        await AccessibleAtBothWidthsAsync("02-fouten");

        using var other = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);
        await Page.GetByLabel("CBS-gemeentecode", new() { Exact = true }).FillAsync("0999");
        await Page.GetByLabel("Openbare sleutel (PEM)").FillAsync(other.ExportSubjectPublicKeyInfoPem());
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sleutel vastleggen" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("De sleutel is vastgelegd.");
        await Expect(Page.GetByRole(AriaRole.Table)).ToContainTextAsync("Verweg (0999)");
        await AccessibleAtBothWidthsAsync("03-vastgelegd");

        await Page.GetByRole(AriaRole.Link, new() { Name = "Verwijderen (Verweg)" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Sleutel verwijderen?", Level = 1 })).ToBeVisibleAsync();
        await AccessibleAtBothWidthsAsync("04-verwijderen");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Ja, verwijderen" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("De sleutel is verwijderd.");
        await Expect(Page.GetByRole(AriaRole.Main)).Not.ToContainTextAsync("Verweg (0999)");
    }

    private async Task<Guid> AddPersonAsync()
    {
        await using var scope = Fixture.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var dalfsen = await db.Municipalities.Where(m => m.Name == "Dalfsen").Select(m => m.Id).SingleAsync(TestContext.Current.CancellationToken);
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystemFor(dalfsen);
        var today = TimeProvider.System.InTheNetherlands();
        var newcomer = new Newcomer(dalfsen,
            new PersonDetails("Selam", "Verhuizer", new DateOnly(1991, 3, 8), Gender.Female, "Eritrea", null, null, null, null, false, "999998006", null),
            new LegalFrame(TargetGroup.AsylumPermitHolder, today.AddMonths(-5), today.AddMonths(-2), today.AddMonths(-2), null, null, null, null),
            DateTimeOffset.UtcNow);
        db.Newcomers.Add(newcomer);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return newcomer.Id;
    }
}
