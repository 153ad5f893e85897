using System.Net;
using Thuis.Web.Platform.Security;
using Thuis.Web.Tests.Infrastructure;

namespace Thuis.Web.Tests;

[Collection(AppCollection.Name)]
public sealed class RegisterNewcomerTests(AppFixture fixture)
{
    private static Dictionary<string, string> Person(string given, string family, string born, string? bsn = null) => new()
    {
        ["Input.GivenNames"] = given,
        ["Input.FamilyName"] = family,
        ["Input.DateOfBirth"] = born,
        ["Input.Gender"] = "Female",
        ["Input.CountryOfOrigin"] = "Eritrea",
        ["Input.Bsn"] = bsn ?? "",
        ["Input.TargetGroup"] = "AsylumPermitHolder",
        ["Input.RegistrationDate"] = "2026-09-01",
        ["Input.Postcode"] = "",
    };

    private async Task<ThuisClient> CaseManagerAsync()
    {
        var client = fixture.NewClient();
        await client.SignInOrFailAsync(await fixture.World.CreateUserAsync(fixture.World.A, Roles.CaseManager));
        return client;
    }

    [Fact]
    public async Task Bad_input_shows_Dutch_messages_beside_the_fields_and_keeps_everything_typed()
    {
        using var client = await CaseManagerAsync();
        var fields = Person("Selam", "Tekle", "2090-01-01", bsn: "123456789");
        fields["Input.Postcode"] = "99 AB";
        fields["Input.PermitDate"] = "2026-08-01";
        fields["Input.HousingDate"] = "2026-07-01";

        var page = await client.SubmitAsync("/dossiers/nieuw?zoek=Selam", "registreren", fields);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var messages = page.Document.QuerySelectorAll(".validation-message").Select(m => m.TextContent).ToList();
        Assert.Contains(messages, m => m.StartsWith("Dit BSN klopt niet", StringComparison.Ordinal));
        Assert.Contains("Vul een Nederlandse postcode in, bijvoorbeeld 7721 AB.", messages);
        Assert.Contains("De geboortedatum ligt in de toekomst.", messages);
        Assert.Contains("De huisvesting kan niet vóór de verblijfsvergunning liggen.", messages);
        Assert.Equal("Selam", page.ValueOf("Input.GivenNames"));
        Assert.Equal("Tekle", page.ValueOf("Input.FamilyName"));
        Assert.Equal("123456789", page.ValueOf("Input.Bsn"));
        Assert.Equal("99 AB", page.ValueOf("Input.Postcode"));
    }

    [Theory]
    [InlineData("1234 SA")]
    [InlineData("1234SD")]
    [InlineData("1234 ss")]
    [InlineData("0123 AB")]
    public async Task A_registration_before_birth_and_a_postcode_that_cannot_exist_are_refused_in_the_summary_and_beside_the_field(string postcode)
    {
        using var client = await CaseManagerAsync();
        var fields = Person("Selam", "Tekle", "1996-02-03");
        fields["Input.RegistrationDate"] = "1990-01-01";
        fields["Input.Postcode"] = postcode;

        var page = await client.SubmitAsync("/dossiers/nieuw?zoek=Selam", "registreren", fields);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.StartsWith("Fout: Statushouder registreren", page.Document.Title, StringComparison.Ordinal);
        var summary = page.Document.QuerySelector(".thuis-error-summary");
        Assert.NotNull(summary);
        Assert.Equal("-1", summary.GetAttribute("tabindex"));
        Assert.True(summary.HasAttribute("autofocus"));
        var links = summary.QuerySelectorAll("a").ToDictionary(a => a.TextContent.Trim(), a => a.GetAttribute("href")!);
        Assert.EndsWith("#inschrijving", links["De inschrijving kan niet vóór de geboortedatum liggen."], StringComparison.Ordinal);
        Assert.EndsWith("#postcode", links["Vul een Nederlandse postcode in, bijvoorbeeld 7721 AB."], StringComparison.Ordinal);
        Assert.Equal("De inschrijving kan niet vóór de geboortedatum liggen.", page.Document.QuerySelector("#inschrijving-fout")?.TextContent.Trim());
        Assert.Contains("inschrijving-fout", page.Document.QuerySelector("#inschrijving")?.GetAttribute("aria-describedby"), StringComparison.Ordinal);
        Assert.Equal(postcode, page.ValueOf("Input.Postcode"));
    }

    [Fact]
    public async Task A_good_registration_opens_the_new_dossier_on_the_case_managers_caseload()
    {
        using var client = await CaseManagerAsync();

        var page = await client.SubmitAsync("/dossiers/nieuw?zoek=Tekle", "registreren", Person("Selam", "Tekle", "1996-02-03", bsn: "999990081"));

        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.Matches("^/dossiers/[0-9a-f-]{36}\\?geregistreerd=1$", page.Location);
        var dossier = await client.GetAsync(page.Location!);
        Assert.Equal("Selam Tekle", dossier.Document.QuerySelector("h1")?.TextContent);
        Assert.Contains("0 van 12 onderdelen ingevuld", dossier.Text, StringComparison.Ordinal);
        var caseload = await client.GetAsync("/dossiers?wie=mijn");
        Assert.Contains("Tekle, Selam", caseload.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_BSN_is_refused_and_a_similar_name_with_the_same_birth_date_needs_confirmation()
    {
        using var client = await CaseManagerAsync();
        var existing = fixture.World.A;

        var sameBsn = Person("Iemand", "Anders", "1980-01-01", bsn: existing.NewcomerBsn);
        sameBsn["Input.ConfirmedNotDuplicate"] = "true";
        var refused = await client.SubmitAsync("/dossiers/nieuw?zoek=x", "registreren", sameBsn);
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("heeft hetzelfde BSN", refused.Text, StringComparison.Ordinal);

        var similar = Person("Samiira", "Hadad", "1990-05-01");
        var warned = await client.SubmitAsync("/dossiers/nieuw?zoek=x", "registreren", similar);
        Assert.Contains("Mogelijk bestaat dit dossier al.", warned.Text, StringComparison.Ordinal);
        Assert.Contains("gelijkende naam en dezelfde geboortedatum", warned.Text, StringComparison.Ordinal);
        Assert.Equal("Samiira", warned.ValueOf("Input.GivenNames"));

        similar["Input.ConfirmedNotDuplicate"] = "true";
        var confirmed = await client.SubmitAsync("/dossiers/nieuw?zoek=x", "registreren", similar);
        Assert.Equal(HttpStatusCode.Redirect, confirmed.Status);
    }

    [Fact]
    public async Task Searching_first_finds_people_by_name_birth_date_and_BSN_only_in_the_own_municipality()
    {
        using var client = await CaseManagerAsync();

        var byName = await client.GetAsync("/dossiers/nieuw?zoek=hadd");
        var byDate = await client.GetAsync("/dossiers/nieuw?zoek=1-5-1990");
        var byBsn = await client.GetAsync($"/dossiers/nieuw?zoek={fixture.World.A.NewcomerBsn}");
        var otherMunicipality = await client.GetAsync($"/dossiers/nieuw?zoek={fixture.World.B.NewcomerBsn}");

        Assert.Contains("Samira Haddad", byName.Text, StringComparison.Ordinal);
        Assert.Contains("Samira Haddad", byDate.Text, StringComparison.Ordinal);
        Assert.Contains("Samira Haddad", byBsn.Text, StringComparison.Ordinal);
        Assert.Contains("Niemand gevonden", otherMunicipality.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Gebremedhin", otherMunicipality.Text, StringComparison.Ordinal);
    }
}
