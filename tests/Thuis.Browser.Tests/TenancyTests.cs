using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Thuis.Browser.Tests.Infrastructure;
using Thuis.Web.Data;
using static Microsoft.Playwright.Assertions;

namespace Thuis.Browser.Tests;

public sealed class TenancyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task A_case_manager_of_Dalfsen_opening_a_Zoetermeer_dossier_gets_the_not_found_page()
    {
        var own = await FirstNewcomerOfAsync("Dalfsen");
        var other = await FirstNewcomerOfAsync("Zoetermeer");
        await SignInAsync(CaseManagerOfDalfsen);

        // Their own municipality's dossier opens, so the refusal below is about the municipality, not the page.
        var ownResponse = await Page.GotoAsync($"/dossiers/{own.Id}");
        Assert.Equal(200, ownResponse?.Status);
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"{own.GivenNames} {own.FamilyName}");

        var response = await Page.GotoAsync($"/dossiers/{other.Id}");

        Assert.Equal(404, response?.Status);
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Pagina niet gevonden");
        await Expect(Page.GetByRole(AriaRole.Main)).ToContainTextAsync("Deze pagina of dit dossier bestaat niet, of u heeft er geen toegang toe.");
        await Expect(Page.Locator("body")).Not.ToContainTextAsync(other.FamilyName);
        await SaveScreenshotAsync("niet-gevonden");
    }

    private async Task<NewcomerName> FirstNewcomerOfAsync(string municipality)
    {
        await using var scope = Fixture.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        // The test looks across municipalities on purpose; the app itself never does.
        return await db.Newcomers.IgnoreQueryFilters()
            .Where(n => db.Municipalities.Any(m => m.Id == n.MunicipalityId && m.Name == municipality))
            .OrderBy(n => n.FamilyName)
            .Select(n => new NewcomerName(n.Id, n.GivenNames, n.FamilyName))
            .FirstAsync(TestContext.Current.CancellationToken);
    }

    private sealed record NewcomerName(Guid Id, string GivenNames, string FamilyName);
}
