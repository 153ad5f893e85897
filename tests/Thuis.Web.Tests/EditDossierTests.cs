using System.Net;
using Thuis.Web.Platform.Localization;
using Thuis.Web.Platform.Security;
using Thuis.Web.Tests.Infrastructure;

namespace Thuis.Web.Tests;

[Collection(AppCollection.Name)]
public sealed class EditDossierTests(AppFixture fixture)
{
    private async Task<(ThuisClient Client, string DossierUrl)> CaseManagerWithNewDossierAsync(string family, string bsn)
    {
        var client = fixture.NewClient();
        await client.SignInOrFailAsync(await fixture.World.CreateUserAsync(fixture.World.A, Roles.CaseManager));
        var registered = await client.SubmitAsync("/dossiers/nieuw?zoek=x", "registreren", new Dictionary<string, string>
        {
            ["Input.GivenNames"] = "Aziz",
            ["Input.FamilyName"] = family,
            ["Input.DateOfBirth"] = "1988-08-08",
            ["Input.Gender"] = "Male",
            ["Input.CountryOfOrigin"] = "Afghanistan",
            ["Input.Bsn"] = bsn,
            ["Input.TargetGroup"] = "AsylumPermitHolder",
            ["Input.RegistrationDate"] = "2026-10-01",
        });
        Assert.Equal(HttpStatusCode.Redirect, registered.Status);
        return (client, registered.Location!.Split('?')[0]);
    }

    [Fact]
    public async Task Details_are_corrected_and_a_stale_form_is_refused_without_overwriting()
    {
        var (client, url) = await CaseManagerWithNewDossierAsync("Karimi", "999950010");
        using var _ = client;
        var stale = await client.GetAsync($"{url}/bewerken");

        var saved = await client.SubmitAsync($"{url}/bewerken", "gegevens", new Dictionary<string, string> { ["Input.Phone"] = "06 12345678" });
        Assert.Equal($"{url}?gewijzigd=1", saved.Location);
        Assert.Contains("06 12345678", (await client.GetAsync(url)).Text, StringComparison.Ordinal);

        var refused = await client.PostFormAsync(stale, "gegevens", new Dictionary<string, string> { ["Input.Phone"] = "06 99999999" });
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("intussen gewijzigd", refused.Text, StringComparison.Ordinal);
        Assert.Equal("06 99999999", refused.ValueOf("Input.Phone"));
        Assert.Contains("06 12345678", (await client.GetAsync(url)).Text, StringComparison.Ordinal);

        var otherBsn = await client.SubmitAsync($"{url}/bewerken", "gegevens", new Dictionary<string, string> { ["Input.Bsn"] = fixture.World.A.NewcomerBsn });
        Assert.Contains("Een ander dossier in uw gemeente heeft dit BSN al.", otherBsn.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Niet_nu_needs_a_future_date_and_a_reason_and_then_shows_on_the_dossier()
    {
        var (client, url) = await CaseManagerWithNewDossierAsync("Sultani", "999950022");
        using var _ = client;

        var refused = await client.SubmitAsync($"{url}/status", "status", new Dictionary<string, string> { ["Input.Status"] = "Paused" });
        Assert.Contains("Kies een datum na vandaag tot wanneer ‘niet nu’ geldt.", refused.Text, StringComparison.Ordinal);
        Assert.Contains("Schrijf op waarom de persoon even niet wil of kan", refused.Text, StringComparison.Ordinal);

        var until = TimeProvider.System.InTheNetherlands().AddDays(60).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var saved = await client.SubmitAsync($"{url}/status", "status", new Dictionary<string, string>
        {
            ["Input.Status"] = "Paused",
            ["Input.PausedUntil"] = until,
            ["Input.Reason"] = "Eerst rust na de geboorte van de baby.",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        var dossier = await client.GetAsync(url);
        Assert.Contains("niet nu (gepauzeerd)", dossier.Text, StringComparison.Ordinal);
        Assert.Contains("Eerst rust na de geboorte van de baby.", dossier.Text, StringComparison.Ordinal);
    }
}
