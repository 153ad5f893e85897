using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Thuis.Browser.Tests.Infrastructure;
using Thuis.Web.Data;
using Thuis.Web.Features.Accounts;
using Thuis.Web.Features.Dossiers;
using Thuis.Web.Platform.Security;
using Thuis.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Thuis.Browser.Tests;

/// <summary>
/// DigiD in a real browser: the sign-in form may lead to the broker (Content-Security-Policy), and the session cookie
/// (SameSite=Strict) is there on /mijn although the way back started on the broker's site.
/// </summary>
public sealed partial class DigiDJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task A_newcomer_signs_in_with_DigiD_on_a_phone_and_someone_without_an_own_Thuis_reads_why()
    {
        await using var broker = await FakeDigiDBroker.StartAsync(host: "localhost");
        await using var app = new Infrastructure.ThuisAppFactory(new Dictionary<string, string?>
        {
            ["Authentication:DigiD:Authority"] = broker.Authority,
            ["Authentication:DigiD:ClientId"] = FakeDigiDBroker.ClientId,
            ["Authentication:DigiD:ClientSecret"] = FakeDigiDBroker.ClientSecret,
        });
        app.StartServer();
        var (bsn, givenNames) = await PersonWithOwnThuisAsync(app);
        var phone = await OnAPhoneAsync();

        // The newcomer's own sign-in page offers DigiD first; the staff's page offers it too (the stranger below).
        await phone.GotoAsync(new Uri(app.BaseAddress, Thuis.Web.Features.Own.OwnSetup.SignInPath).ToString());
        var button = phone.GetByRole(AriaRole.Button, new() { Name = "Inloggen met DigiD", Exact = true });
        await Expect(button).ToBeVisibleAsync();
        Assert.True((await button.BoundingBoxAsync())!.Height >= 44, "De DigiD-knop is lager dan 44 px");
        await ShowsWellAsync(phone, "01-inloggen");
        await button.ClickAsync();
        await LogInAtBrokerAsync(phone, bsn);

        await Expect(phone).ToHaveURLAsync(new Uri(app.BaseAddress, "/mijn").ToString());
        await Expect(phone.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Welkom, {givenNames}");
        await phone.GetByRole(AriaRole.Link, new() { Name = "Bekijk mijn plan", Exact = true }).ClickAsync();
        await Expect(phone.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Mijn plan");

        var stranger = await OnAPhoneAsync();
        await stranger.GotoAsync(new Uri(app.BaseAddress, SignInPath).ToString());
        await stranger.GetByRole(AriaRole.Button, new() { Name = "Inloggen met DigiD", Exact = true }).ClickAsync();
        await LogInAtBrokerAsync(stranger, "123456782");
        await Expect(stranger).ToHaveURLAsync(new Uri(app.BaseAddress, "/mijn/digid/geen-toegang").ToString());
        await Expect(stranger.GetByRole(AriaRole.Main)).ToContainTextAsync("Er is geen Mijn Thuis voor deze DigiD.");
        await ShowsWellAsync(stranger, "02-geen-mijn-thuis");
        await stranger.GotoAsync(new Uri(app.BaseAddress, "/mijn").ToString());
        await Expect(stranger).ToHaveURLAsync(OwnSignIn());
    }

    private static async Task LogInAtBrokerAsync(IPage page, string bsn)
    {
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Testmakelaar voor DigiD" })).ToBeVisibleAsync();
        await page.GetByLabel("BSN", new() { Exact = true }).FillAsync(bsn);
        await page.GetByRole(AriaRole.Button, new() { Name = "Inloggen", Exact = true }).ClickAsync();
    }

    private async Task<IPage> OnAPhoneAsync()
    {
        var page = await (await Fixture.NewContextAsync()).NewPageAsync();
        await page.SetViewportSizeAsync(390, 844);
        return page;
    }

    /// <summary>Axe finds nothing serious on a phone and at 1280 px, nothing scrolls sideways, and both are kept as screenshots.</summary>
    private static async Task ShowsWellAsync(IPage page, string step)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");
        Directory.CreateDirectory(folder);
        foreach (var (width, height) in new[] { (390, 844), (1280, 900) })
        {
            await page.SetViewportSizeAsync(width, height);
            await Accessibility.AssertNoSeriousViolationsAsync(page);
            Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), $"{step} schuift opzij op {width} px");
            await page.ScreenshotAsync(new PageScreenshotOptions
            {
                Path = Path.Combine(folder, $"{nameof(DigiDJourneyTests)}--{step}-{width}.png"),
                FullPage = true,
            });
        }
        await page.SetViewportSizeAsync(390, 844);
    }

    /// <summary>A person of Zoetermeer with a BSN and an own Thuis opened with a password, as after the letter.</summary>
    private static async Task<(string Bsn, string GivenNames)> PersonWithOwnThuisAsync(Infrastructure.ThuisAppFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var person = await db.Newcomers.IgnoreQueryFilters()
            .Where(n => n.Bsn != null && n.Status == DossierStatus.Active && !db.Users.Any(u => u.NewcomerId == n.Id))
            .Where(n => db.Municipalities.Any(m => m.Id == n.MunicipalityId && m.Name == "Zoetermeer"))
            .OrderBy(n => n.Bsn)
            .Select(n => new { n.Id, n.MunicipalityId, n.GivenNames, n.Bsn })
            .FirstAsync();
        var account = ThuisUser.ForNewcomer($"digid-{Guid.NewGuid():N}@zoetermeer.example", person.GivenNames, person.MunicipalityId, person.Id);
        await DemoData.CreateUserAsync(scope.ServiceProvider.GetRequiredService<UserManager<ThuisUser>>(), account, DemoData.Password, Roles.Newcomer);
        return (person.Bsn!, person.GivenNames);
    }

    [GeneratedRegex("/mijn/aanmelden\\?ReturnUrl=")]
    private static partial Regex OwnSignIn();
}
