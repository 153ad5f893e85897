using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Thuis.Web.Data;
using Thuis.Web.Features.AuditTrail;
using Thuis.Web.Platform.Auditing;
using Thuis.Web.Platform.Security;
using Thuis.Web.Tests.Infrastructure;

namespace Thuis.Web.Tests;

/// <summary>The administrator and the privacy officer read the own municipality's trail; every search and export is itself in it.</summary>
[Collection(AppCollection.Name)]
public sealed class AuditTrailSearchTests(AppFixture fixture)
{
    [Theory]
    [InlineData(Roles.PrivacyOfficer, HttpStatusCode.OK)]
    [InlineData(Roles.Administrator, HttpStatusCode.OK)]
    [InlineData(Roles.CaseManager, HttpStatusCode.Forbidden)]
    [InlineData(Roles.Coordinator, HttpStatusCode.Forbidden)]
    public async Task Only_the_administrator_and_the_privacy_officer_read_and_export_the_trail(string role, HttpStatusCode expected)
    {
        using var client = await SignedInAsync(fixture.World.A, role);

        var page = await client.GetAsync("/audit");
        using var export = await client.Http.GetAsync("/audit/export.csv");

        Assert.Equal(expected, page.Status);
        Assert.Equal(expected, export.StatusCode);
    }

    [Fact]
    public async Task The_privacy_officer_sees_no_dossier_and_no_caseload()
    {
        using var officer = await SignedInAsync(fixture.World.A, Roles.PrivacyOfficer);

        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync($"/dossiers/{fixture.World.A.NewcomerId}")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync("/dossiers")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync($"/dossiers/{fixture.World.A.NewcomerId}/intake/persoonlijke-omstandigheden")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync("/verwijzingen")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync("/beheer")).Status);
    }

    [Fact]
    public async Task Searching_by_user_and_person_shows_when_who_what_whose_result_origin_and_purpose()
    {
        var world = fixture.World;
        var caseManager = await world.CreateUserAsync(world.A, Roles.CaseManager);
        using (var client = fixture.NewClient())
        {
            await client.SignInOrFailAsync(caseManager);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/dossiers/{world.A.NewcomerId}")).Status);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/dossiers/{world.B.NewcomerId}")).Status);
        }
        using var officer = await SignedInAsync(world.A, Roles.PrivacyOfficer);

        var all = await officer.GetAsync($"/audit?gebruiker={Uri.EscapeDataString(caseManager)}");
        var viewed = await officer.GetAsync($"/audit?gebruiker={Uri.EscapeDataString(caseManager)}&persoon=Haddad&resultaat=gelukt");
        var notFound = await officer.GetAsync($"/audit?gebruiker={Uri.EscapeDataString(caseManager)}&resultaat=niet-gevonden");
        var changes = await officer.GetAsync($"/audit?gebruiker={Uri.EscapeDataString(caseManager)}&handeling=wijzigen");
        var tomorrow = DateTime.UtcNow.AddDays(2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var later = await officer.GetAsync($"/audit?gebruiker={Uri.EscapeDataString(caseManager)}&van={tomorrow}");
        var yesterday = DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var recent = await officer.GetAsync($"/audit?gebruiker={Uri.EscapeDataString(caseManager)}&van={yesterday}&tot={tomorrow}");

        Assert.Equal(2, Rows(all).Count);
        var row = Assert.Single(Rows(viewed));
        Assert.Contains("Test klantregisseur", row[1], StringComparison.Ordinal);
        Assert.Contains("klantregisseur", row[1], StringComparison.Ordinal);
        Assert.Contains("inzien: dossier", row[2], StringComparison.Ordinal);
        Assert.Equal("Haddad, Samira", row[3]);
        Assert.Equal("gelukt", row[4]);
        Assert.Equal("127.0.0.1", row[5]);
        Assert.Equal(Thuis.Web.Features.Dossiers.ViewDossier.Purpose, row[6]);
        Assert.Equal("niet gevonden", Assert.Single(Rows(notFound))[4]);
        Assert.Contains("Geen regels gevonden", changes.Text, StringComparison.Ordinal);
        Assert.Contains("Geen regels gevonden", later.Text, StringComparison.Ordinal);
        Assert.Equal(2, Rows(recent).Count);
    }

    [Fact]
    public async Task A_person_is_found_by_the_reference_in_their_dossiers_address_and_never_by_BSN()
    {
        var world = fixture.World;
        using var officer = await SignedInAsync(world.A, Roles.PrivacyOfficer);

        var byReference = await officer.GetAsync($"/audit?persoon={world.A.NewcomerId}");
        var byBsn = await officer.GetAsync($"/audit?persoon={world.A.NewcomerBsn}");

        Assert.NotEmpty(Rows(byReference));
        Assert.All(Rows(byReference), r => Assert.Equal("Haddad, Samira", r[3]));
        Assert.Contains("Geen dossier gevonden", byBsn.Text, StringComparison.Ordinal);
        Assert.Empty(Rows(byBsn));
    }

    [Fact]
    public async Task Another_municipalitys_entries_never_show_in_the_search_or_the_export()
    {
        var world = fixture.World;
        var otherCaseManager = await world.CreateUserAsync(world.B, Roles.CaseManager);
        using (var client = fixture.NewClient())
        {
            await client.SignInOrFailAsync(otherCaseManager);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/dossiers/{world.B.NewcomerId}")).Status);
        }
        using var officer = await SignedInAsync(world.A, Roles.PrivacyOfficer);

        var byUser = await officer.GetAsync($"/audit?gebruiker={Uri.EscapeDataString(otherCaseManager)}");
        var byPerson = await officer.GetAsync("/audit?persoon=Gebremedhin");
        var byReference = await officer.GetAsync($"/audit?persoon={world.B.NewcomerId}");
        var export = await officer.Http.GetStringAsync("/audit/export.csv");

        Assert.Contains("Geen gebruiker gevonden", byUser.Text, StringComparison.Ordinal);
        Assert.Contains("Geen dossier gevonden", byPerson.Text, StringComparison.Ordinal);
        Assert.Contains("Geen dossier gevonden", byReference.Text, StringComparison.Ordinal);
        Assert.Contains("Haddad, Samira", export, StringComparison.Ordinal);
        Assert.DoesNotContain("Gebremedhin", export, StringComparison.Ordinal);
        Assert.DoesNotContain(await world.UserIdOfAsync(otherCaseManager), export, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_export_holds_the_searched_entries_as_CSV()
    {
        var world = fixture.World;
        var caseManager = await world.CreateUserAsync(world.A, Roles.CaseManager);
        using (var client = fixture.NewClient())
        {
            await client.SignInOrFailAsync(caseManager);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/dossiers/{world.A.NewcomerId}")).Status);
        }
        using var administrator = await SignedInAsync(world.A, Roles.Administrator);

        using var response = await administrator.Http.GetAsync($"/audit/export.csv?gebruiker={Uri.EscapeDataString(caseManager)}&handeling=inzien");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.Join(';', SearchAuditTrail.CsvHeader), lines[0]);
        var fields = Assert.Single(lines.Skip(1)).Split(';');
        Assert.Equal("Test klantregisseur", fields[2]);
        Assert.Equal("klantregisseur", fields[3]);
        Assert.Equal("inzien", fields[4]);
        Assert.Equal("dossier", fields[5]);
        Assert.Equal("Haddad, Samira", fields[6]);
        Assert.Equal("gelukt", fields[7]);
        Assert.Equal("127.0.0.1", fields[8]);
    }

    [Fact]
    public async Task Every_search_and_every_export_is_itself_recorded_with_its_criteria_but_without_the_words_typed()
    {
        var world = fixture.World;
        var email = await world.CreateUserAsync(world.A, Roles.PrivacyOfficer);
        var officerId = await world.UserIdOfAsync(email);
        using var officer = fixture.NewClient();
        await officer.SignInOrFailAsync(email);

        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync("/audit?persoon=Haddad&handeling=inzien&van=2026-01-01&tot=2026-12-31")).Status);
        using var export = await officer.Http.GetAsync("/audit/export.csv?persoon=Samira&resultaat=geweigerd");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);

        await using var scope = fixture.App.Services.CreateAsyncScope();
        var entries = await scope.ServiceProvider.GetRequiredService<AppDbContext>().AuditEntries.IgnoreQueryFilters().AsNoTracking()
            .Where(a => a.ActorId == officerId).OrderBy(a => a.Sequence).ToListAsync();
        Assert.Equal(2, entries.Count);
        var (search, exported) = (entries[0], entries[1]);
        Assert.All(entries, e => Assert.Equal(world.A.Id, e.MunicipalityId));
        Assert.All(entries, e => Assert.Equal(Roles.PrivacyOfficer, e.ActorRoles));
        Assert.Equal((AuditAction.View, "AuditTrail", "zoeken", SearchAuditTrail.SearchPurpose), (search.Action, search.ObjectType, search.ObjectId, search.Purpose));
        Assert.Equal((AuditAction.View, "AuditTrail", "export", SearchAuditTrail.ExportPurpose), (exported.Action, exported.ObjectType, exported.ObjectId, exported.Purpose));
        // Other tests add people to this municipality, some of them called Haddad too: the world's one is among those found.
        Assert.Matches(@"persoon: \d+ gevonden \(", search.Details);
        Assert.Contains(world.A.NewcomerId.ToString(), search.Details, StringComparison.Ordinal);
        Assert.Contains("handeling: inzien", search.Details, StringComparison.Ordinal);
        Assert.Contains("van: 2026-01-01", search.Details, StringComparison.Ordinal);
        Assert.Contains("tot en met: 2026-12-31", search.Details, StringComparison.Ordinal);
        Assert.Contains("resultaat: geweigerd", exported.Details, StringComparison.Ordinal);
        Assert.All(entries, e => Assert.DoesNotContain("Haddad", e.Details, StringComparison.OrdinalIgnoreCase));
        Assert.All(entries, e => Assert.DoesNotContain("Samira", e.Details, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_period_that_ends_before_it_starts_is_shown_beside_the_field_and_searched_not()
    {
        using var officer = await SignedInAsync(fixture.World.A, Roles.PrivacyOfficer);

        var page = await officer.GetAsync("/audit?van=2026-12-31&tot=2026-01-01");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("‘Tot en met’ ligt vóór ‘Van’", page.Document.QuerySelector("#tot-fout")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("‘Tot en met’ ligt vóór ‘Van’", page.Document.QuerySelector(".thuis-error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("2026-12-31", page.ValueOf("van"));
        Assert.Null(page.Document.QuerySelector("table"));
    }

    [Fact]
    public async Task The_privacy_officer_checks_the_chain_on_the_audit_page()
    {
        using var officer = await SignedInAsync(fixture.World.A, Roles.PrivacyOfficer);

        var checkedPage = await officer.SubmitAsync("/audit", "audit-controle", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.OK, checkedPage.Status);
        Assert.Contains("De audittrail is intact.", checkedPage.Document.QuerySelector("[data-testid=audit-report]")!.TextContent, StringComparison.Ordinal);
    }

    private async Task<ThuisClient> SignedInAsync(TestMunicipality municipality, string role)
    {
        var client = fixture.NewClient();
        await client.SignInOrFailAsync(await fixture.World.CreateUserAsync(municipality, role));
        return client;
    }

    /// <summary>The cells of each row of the result table: when, who, what, whose, result, origin, purpose.</summary>
    private static List<string[]> Rows(ThuisClient.Page page) =>
        [.. page.Document.QuerySelectorAll("table tbody tr").Select(tr => tr.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray())];
}
