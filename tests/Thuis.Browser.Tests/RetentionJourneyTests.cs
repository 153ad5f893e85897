using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Thuis.Browser.Tests.Infrastructure;
using Thuis.Web.Data;
using Thuis.Web.Features.Accounts;
using Thuis.Web.Features.Dossiers;
using Thuis.Web.Platform.Security;
using static Microsoft.Playwright.Assertions;

namespace Thuis.Browser.Tests;

public sealed class RetentionJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task A_case_manager_records_a_request_to_erase_on_a_phone_and_two_administrators_approve_it()
    {
        var (person, reference) = await AddPersonAsync();
        var secondAdministrator = await AddAdministratorAsync();
        await Page.SetViewportSizeAsync(390, 844);
        await SignInAsync("klantregisseur@zoetermeer.example");

        await Page.GotoAsync($"/dossiers/{person}");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Verzoek om te wissen", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Verzoek om te wissen");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Verzoek vastleggen", Exact = true }).ClickAsync();
        var summary = Page.Locator(".thuis-error-summary");
        await Expect(summary).ToBeFocusedAsync();
        await Expect(summary).ToContainTextAsync("Kies waarom");
        await Expect(summary).ToContainTextAsync("Vul de datum in");
        await AccessibleAtBothWidthsAsync("01-fouten");
        await Page.GetByLabel("op verzoek van de persoon (AVG art. 17)").CheckAsync();
        await Page.GetByLabel("Ontvangen op").FillAsync(TimeProvider.System.GetLocalNow().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await Page.GetByRole(AriaRole.Button, new() { Name = "Verzoek vastleggen", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Lina Wisselaar");

        foreach (var administrator in new[] { "beheerder@zoetermeer.example", secondAdministrator })
        {
            await Page.Context.ClearCookiesAsync();
            await SignInAsync(administrator);
            await Page.GotoAsync("/beheer/bewaren");
            await Page.GetByRole(AriaRole.Link, new() { Name = $"Dossier {reference}", Exact = true }).ClickAsync();
            await AccessibleAtBothWidthsAsync(administrator == secondAdministrator ? "03-tweede-akkoord" : "02-verzoek");
            await Page.GetByTestId("approve").ClickAsync();
            await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Bewaren en wissen", Level = 1 })).ToBeVisibleAsync();
            await Expect(Page.GetByText("Uw akkoord is vastgelegd.")).ToBeVisibleAsync();
        }

        var line = Page.Locator($"[data-testid=erasure][data-key='{reference}']");
        await Expect(line).ToContainTextAsync("op verzoek van de persoon");
        await Expect(line).ToContainTextAsync("gewist op");
        await AccessibleAtBothWidthsAsync("04-verslag");
    }

    private async Task<(Guid Person, string Reference)> AddPersonAsync()
    {
        await using var scope = Fixture.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var zoetermeer = await db.Municipalities.Where(m => m.Name == "Zoetermeer").Select(m => m.Id).SingleAsync(TestContext.Current.CancellationToken);
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystemFor(zoetermeer);
        var newcomer = new Newcomer(zoetermeer,
            new PersonDetails("Lina", "Wisselaar", new DateOnly(1991, 4, 2), Gender.Female, "Syrië", null, "06-12345678", null, null, false, null, null),
            new LegalFrame(TargetGroup.AsylumPermitHolder, new DateOnly(2026, 5, 1), new DateOnly(2026, 6, 1), new DateOnly(2026, 6, 1), null, null, null, null),
            DateTimeOffset.UtcNow);
        db.Newcomers.Add(newcomer);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return (newcomer.Id, newcomer.Reference);
    }

    private async Task<string> AddAdministratorAsync()
    {
        await using var scope = Fixture.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var zoetermeer = await db.Municipalities.Where(m => m.Name == "Zoetermeer").Select(m => m.Id).SingleAsync(TestContext.Current.CancellationToken);
        var email = $"tweede-beheerder-{Guid.NewGuid():N}@zoetermeer.example";
        await DemoData.CreateUserAsync(scope.ServiceProvider.GetRequiredService<UserManager<ThuisUser>>(),
            new ThuisUser(email, "Tweede beheerder", zoetermeer), DemoData.Password, Roles.Administrator);
        return email;
    }
}
