using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Thuis.Web.Data;
using Thuis.Web.Features.SocialMap;
using Thuis.Web.Platform.Security;
using Thuis.Web.Tests.Infrastructure;

namespace Thuis.Web.Tests;

[Collection(AppCollection.Name)]
public sealed class SocialMapImportTests(AppFixture fixture)
{
    private const string MapUrl = "/sociale-kaart/importeren";
    private const string MapForm = "sociale-kaart-importeren";
    private const string VolunteersUrl = "/vrijwilligers/importeren";
    private const string VolunteersForm = "vrijwilligers-importeren";

    private async Task<ThuisClient> SignedInAsync(TestMunicipality municipality, string role)
    {
        var client = fixture.NewClient();
        await client.SignInOrFailAsync(await fixture.World.CreateUserAsync(municipality, role));
        return client;
    }

    private static ThuisClient.Upload Csv(string name, params string[] lines) =>
        new(name, [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(string.Join("\r\n", lines) + "\r\n")]);

    private static Dictionary<string, string> Rejected(ThuisClient.Page page) =>
        page.Document.QuerySelectorAll("#afgewezen tbody tr")
            .ToDictionary(r => r.Children[0].TextContent.Trim(), r => r.Children[2].TextContent.Trim());

    private static string Summary(ThuisClient.Page page) =>
        page.Document.QuerySelector("#resultaat-titel + .utrecht-alert")?.TextContent.Trim() ?? $"geen resultaat: {page.Text}";

    private async Task<int> CountAsync<T>(Guid municipalityId, Func<IQueryable<T>, IQueryable<T>> filter) where T : class
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystemFor(municipalityId);
        return await filter(scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<T>()).CountAsync();
    }

    [Fact]
    public async Task Importing_organisations_twice_gives_the_same_map_and_a_changed_row_updates_its_organisation()
    {
        using var client = await SignedInAsync(fixture.World.A, Roles.Coordinator);
        var tag = Guid.NewGuid().ToString("N")[..6];
        const string header = "naam;soort;postcode;plaats;telefoon;email;openingstijden;op_afspraak;domeinen;partner";
        string[] rows =
        [
            $"Schaakclub {tag};sportvereniging;7721 AB;Dalfsen;0529 123456;info@schaak.example;do 19.30–23.00;nee;ontmoeten;nee",
            $"Inloophuis {tag};welzijn;7722cd;Dalfsen;;;;ja;\"ontmoeten, zelfredzaam zijn\";ja",
            $"Foutclub {tag};sportvereniging;0721 AB;Dalfsen;;geen-mail;;nee;ontmoeten;misschien",
            $"Vierde {tag};dansschool;7721 AB;;;;;ja;feesten;nee",
        ];

        var first = await client.SubmitFileAsync(MapUrl, MapForm, "Input.File", Csv("organisaties.csv", [header, .. rows]));
        var second = await client.SubmitFileAsync(MapUrl, MapForm, "Input.File", Csv("organisaties.csv", [header, .. rows]));

        Assert.Equal("2 organisaties nieuw, 0 bijgewerkt, 0 ongewijzigd, 2 regels afgewezen.", Summary(first));
        Assert.Equal("0 organisaties nieuw, 0 bijgewerkt, 2 ongewijzigd, 2 regels afgewezen.", Summary(second));
        var errors = Rejected(first);
        Assert.Equal(["4", "5"], errors.Keys);
        Assert.Contains("partner: ‘misschien’ is geen ja of nee.", errors["4"], StringComparison.Ordinal);
        Assert.Contains("Vul een Nederlandse postcode in, bijvoorbeeld 7721 AB.", errors["4"], StringComparison.Ordinal);
        Assert.Contains("Vul een geldig e-mailadres in", errors["4"], StringComparison.Ordinal);
        Assert.Contains("soort: ‘dansschool’ is onbekend.", errors["5"], StringComparison.Ordinal);
        Assert.Contains("domeinen: ‘feesten’ is onbekend.", errors["5"], StringComparison.Ordinal);
        Assert.Equal(2, await CountAsync<Features.Organisations.Organisation>(fixture.World.A.Id, q => q.Where(o => o.Name.EndsWith(tag))));

        var changed = await client.SubmitFileAsync(MapUrl, MapForm, "Input.File",
            Csv("organisaties.csv", header, rows[0].Replace("0529 123456", "0529 654321", StringComparison.Ordinal), rows[1]));
        Assert.Equal("0 organisaties nieuw, 1 bijgewerkt, 1 ongewijzigd, 0 regels afgewezen.", Summary(changed));

        await using var scope = fixture.App.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystemFor(fixture.World.A.Id);
        var stored = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Organisations.Where(o => o.Name.EndsWith(tag)).OrderBy(o => o.Name).ToListAsync();
        Assert.Equal(2, stored.Count);
        Assert.Equal(("Inloophuis", "7722 CD", true, true), (stored[0].Name.Split(' ')[0], stored[0].Postcode, stored[0].IsPartner, stored[0].ByAppointment));
        Assert.Equal("0529 654321", stored[1].Phone);
    }

    [Fact]
    public async Task The_export_of_the_map_imports_again_without_changing_anything()
    {
        using var client = await SignedInAsync(fixture.World.A, Roles.Coordinator);
        var organisations = await client.Http.GetByteArrayAsync(SocialMapSetup.OrganisationsExportPath);
        var offers = await client.Http.GetByteArrayAsync(SocialMapSetup.OffersExportPath);
        Assert.Contains("Taalcafé Dalfsen", Encoding.UTF8.GetString(offers), StringComparison.Ordinal);
        Assert.DoesNotContain("Zoetermeer", Encoding.UTF8.GetString(organisations), StringComparison.Ordinal);

        var organisationsAgain = await client.SubmitFileAsync(MapUrl, MapForm, "Input.File", new ThuisClient.Upload("organisaties.csv", organisations));
        var offersAgain = await client.SubmitFileAsync(MapUrl, MapForm, "Input.File", new ThuisClient.Upload("aanbod.csv", offers),
            new Dictionary<string, string> { ["Input.Kind"] = "aanbod" });

        Assert.Matches("^0 organisaties nieuw, 0 bijgewerkt, [1-9][0-9]* ongewijzigd, 0 regels afgewezen.$", Summary(organisationsAgain));
        Assert.Matches("^0 aanbod nieuw, 0 bijgewerkt, [1-9][0-9]* ongewijzigd, 0 regels afgewezen.$", Summary(offersAgain));
    }

    [Fact]
    public async Task An_imported_formula_is_stored_as_the_text_it_is_and_exported_defused_while_a_figure_stays_a_number()
    {
        using var client = await SignedInAsync(fixture.World.A, Roles.Coordinator);
        var tag = Guid.NewGuid().ToString("N")[..6];
        var hyperlink = $"=HYPERLINK(\"http://x/{tag}\")";
        var quotedHyperlink = $"\"{hyperlink.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
        string[] lines =
        [
            "organisatie;titel;omschrijving;kosten;capaciteit;domeinen",
            $"VluchtelingenWerk Dalfsen;{quotedHyperlink};@SUM(A1:A9);2,50;8;ontmoeten",
            $"VluchtelingenWerk Dalfsen;-1+2 {tag};+31 6 12345678;0;3;ontmoeten",
            $"VluchtelingenWerk Dalfsen;-5 {tag};;0;12;ontmoeten",
        ];

        var imported = await client.SubmitFileAsync(MapUrl, MapForm, "Input.File", Csv("aanbod.csv", lines), new Dictionary<string, string> { ["Input.Kind"] = "aanbod" });

        Assert.Equal("3 aanbod nieuw, 0 bijgewerkt, 0 ongewijzigd, 0 regels afgewezen.", Summary(imported));
        await using (var scope = fixture.App.Services.CreateAsyncScope())
        {
            var stored = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Offers.IgnoreQueryFilters()
                .Where(o => o.Title.Contains(tag)).Select(o => new { o.Title, o.Description, o.Capacity }).ToListAsync();
            Assert.Equal(
                [($"-1+2 {tag}", "+31 6 12345678", 3), (hyperlink, "@SUM(A1:A9)", 8), ($"-5 {tag}", "", 12)],
                stored.Select(o => (o.Title, Description: o.Description ?? "", Capacity: o.Capacity ?? 0)).OrderBy(o => o.Capacity));
        }

        var export = Encoding.UTF8.GetString(await client.Http.GetByteArrayAsync(SocialMapSetup.OffersExportPath));

        var rows = export.Split("\r\n").Where(l => l.Contains(tag, StringComparison.Ordinal)).ToList();
        Assert.Equal(3, rows.Count);
        Assert.Contains(rows, r => r.Contains($";\"'{hyperlink.Replace("\"", "\"\"", StringComparison.Ordinal)}\";", StringComparison.Ordinal)
            && r.Contains(";'@SUM(A1:A9);", StringComparison.Ordinal) && r.Contains(";2,5;8;", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains($";'-1+2 {tag};", StringComparison.Ordinal) && r.Contains(";'+31 6 12345678;", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains($";'-5 {tag};", StringComparison.Ordinal) && r.Contains(";0;12;", StringComparison.Ordinal));
        Assert.DoesNotContain(rows, r => r.Contains(";=", StringComparison.Ordinal) || r.Contains(";-", StringComparison.Ordinal) || r.Contains(";+", StringComparison.Ordinal));

        var again = await client.SubmitFileAsync(MapUrl, MapForm, "Input.File", new ThuisClient.Upload("aanbod.csv", Encoding.UTF8.GetBytes(export)),
            new Dictionary<string, string> { ["Input.Kind"] = "aanbod" });
        Assert.Matches("^0 aanbod nieuw, 0 bijgewerkt, [1-9][0-9]* ongewijzigd, 0 regels afgewezen.$", Summary(again));
    }

    [Fact]
    public async Task Offers_are_imported_only_for_the_municipalitys_own_organisations_and_once()
    {
        var world = fixture.World;
        using var client = await SignedInAsync(world.A, Roles.Coordinator);
        var title = $"Breicafé {Guid.NewGuid().ToString("N")[..6]}";
        string[] lines =
        [
            "organisatie;titel;soort;dagdelen;kosten;capaciteit;taalniveau;laagdrempelig;domeinen;doelgroepen;tags;actief;reden_inactief",
            $"VluchtelingenWerk Dalfsen;{title};activiteit;di middag;2,50;8;enkele woorden;ja;ontmoeten;vrouwen;handwerk;ja;",
            $"VluchtelingenWerk Zoetermeer;{title};activiteit;;0;;;ja;ontmoeten;;;ja;",
            $"VluchtelingenWerk Dalfsen;{title} 2;activiteit;zondagnacht;-1;-3;A1;ja;ontmoeten;;breien;nee;",
        ];

        var first = await client.SubmitFileAsync(MapUrl, MapForm, "Input.File", Csv("aanbod.csv", lines), new Dictionary<string, string> { ["Input.Kind"] = "aanbod" });
        var second = await client.SubmitFileAsync(MapUrl, MapForm, "Input.File", Csv("aanbod.csv", lines), new Dictionary<string, string> { ["Input.Kind"] = "aanbod" });

        Assert.Equal("1 aanbod nieuw, 0 bijgewerkt, 0 ongewijzigd, 2 regels afgewezen.", Summary(first));
        Assert.Equal("0 aanbod nieuw, 0 bijgewerkt, 1 ongewijzigd, 2 regels afgewezen.", Summary(second));
        var errors = Rejected(first);
        Assert.Contains("De organisatie ‘VluchtelingenWerk Zoetermeer’ staat niet op de sociale kaart van uw gemeente.", errors["3"], StringComparison.Ordinal);
        Assert.Contains("dagdelen: ‘zondagnacht’ is geen dagdeel", errors["4"], StringComparison.Ordinal);
        Assert.Contains("De kosten kunnen niet negatief zijn", errors["4"], StringComparison.Ordinal);
        Assert.Contains("De capaciteit kan niet negatief zijn", errors["4"], StringComparison.Ordinal);
        Assert.Contains("tags: ‘breien’ staat niet in de lijst", errors["4"], StringComparison.Ordinal);
        Assert.Contains("Schrijf op waarom het aanbod niet meer actief is.", errors["4"], StringComparison.Ordinal);

        await using var scope = fixture.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var stored = await db.Offers.IgnoreQueryFilters().Where(o => o.Title.StartsWith(title)).ToListAsync();
        var offer = Assert.Single(stored);
        Assert.Equal((world.A.Id, world.A.PartnerOrganisationId, 2.5m, 8, "di middag"), (offer.MunicipalityId, offer.OrganisationId, offer.Cost, offer.Capacity!.Value, offer.When.ToString()));
        Assert.Equal([Features.SocialMap.TargetAudience.Women], offer.Audiences);
    }

    [Fact]
    public async Task Importing_volunteers_twice_keeps_one_of_each_and_a_changed_row_updates()
    {
        using var client = await SignedInAsync(fixture.World.A, Roles.VolunteerCoordinator);
        var tag = Guid.NewGuid().ToString("N")[..6];
        const string header = "naam;rollen;telefoon;email;talen;beschikbaarheid;capaciteit;wijk;vog;vog_datum;training";
        string[] rows =
        [
            $"Els {tag};taalmaatje, buddy;06 11112222;els{tag}@mail.example;Engels: C1, Arabisch: A2;ma ochtend, do avond;2;Nieuwleusen;ontvangen;03-02-2025;basistraining taalmaatje",
            $"Kees {tag};jobcoach;06 33334444;;;wo;1;;niet aangevraagd;;",
            $"Zonder Contact {tag};buddy;;;;;1;;;;",
            $"Fout {tag};kok;06 1;fout@;Engels: Z9;;-2;;ontvangen;;",
        ];

        var first = await client.SubmitFileAsync(VolunteersUrl, VolunteersForm, "Input.File", Csv("vrijwilligers.csv", [header, .. rows]));
        var second = await client.SubmitFileAsync(VolunteersUrl, VolunteersForm, "Input.File", Csv("vrijwilligers.csv", [header, .. rows]));

        Assert.Equal("3 vrijwilligers nieuw, 0 bijgewerkt, 0 ongewijzigd, 1 regel afgewezen.", Summary(first));
        Assert.Equal("0 vrijwilligers nieuw, 0 bijgewerkt, 3 ongewijzigd, 1 regel afgewezen.", Summary(second));
        var errors = Rejected(first);
        Assert.Equal(["5"], errors.Keys);
        Assert.Contains("rollen: ‘kok’ is onbekend.", errors["5"], StringComparison.Ordinal);
        Assert.Contains("talen: ‘Z9’ is geen taalniveau", errors["5"], StringComparison.Ordinal);
        Assert.Contains("De capaciteit kan niet negatief zijn", errors["5"], StringComparison.Ordinal);
        Assert.Contains("Vul de datum van de ontvangen VOG in.", errors["5"], StringComparison.Ordinal);
        Assert.Equal(3, await CountAsync<Volunteer>(fixture.World.A.Id, q => q.Where(v => v.Name.EndsWith(tag))));

        var changed = await client.SubmitFileAsync(VolunteersUrl, VolunteersForm, "Input.File",
            Csv("vrijwilligers.csv", header, rows[0].Replace(";2;Nieuwleusen;", ";3;Lemelerveld;", StringComparison.Ordinal), rows[1]));
        Assert.Equal("0 vrijwilligers nieuw, 1 bijgewerkt, 1 ongewijzigd, 0 regels afgewezen.", Summary(changed));

        await using var scope = fixture.App.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystemFor(fixture.World.A.Id);
        var els = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Volunteers.SingleAsync(v => v.Name == $"Els {tag}");
        Assert.Equal((3, "Lemelerveld", VogStatus.Received, new DateOnly(2025, 2, 3)), (els.Capacity, els.Area, els.Vog, els.VogDate!.Value));
        Assert.Equal(["Engels C1", "Arabisch A2"], els.Languages.Select(l => $"{l.Language} {l.Level}"));
        Assert.Equal("ma ochtend, do avond", els.Availability.ToString());

        var export = await client.Http.GetByteArrayAsync(SocialMapSetup.VolunteersExportPath);
        var again = await client.SubmitFileAsync(VolunteersUrl, VolunteersForm, "Input.File", new ThuisClient.Upload("vrijwilligers.csv", export));
        Assert.Matches("^0 vrijwilligers nieuw, 0 bijgewerkt, [1-9][0-9]* ongewijzigd, 0 regels afgewezen.$", Summary(again));
    }

    [Fact]
    public async Task An_imported_volunteer_works_through_an_organisation_of_the_own_social_map_and_a_file_without_that_column_keeps_it()
    {
        using var client = await SignedInAsync(fixture.World.A, Roles.VolunteerCoordinator);
        var tag = Guid.NewGuid().ToString("N")[..6];
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var names = await db.Organisations.IgnoreQueryFilters().AsNoTracking()
            .Where(o => o.Id == fixture.World.A.PartnerOrganisationId || o.Id == fixture.World.B.PartnerOrganisationId)
            .ToDictionaryAsync(o => o.Id, o => o.Name);
        var (ours, theirs) = (names[fixture.World.A.PartnerOrganisationId], names[fixture.World.B.PartnerOrganisationId]);

        var imported = await client.SubmitFileAsync(VolunteersUrl, VolunteersForm, "Input.File", Csv("vrijwilligers.csv",
            "naam;rollen;telefoon;capaciteit;wijk;werkt_via",
            $"Saskia {tag};buddy;06 55556666;1;Dalfsen-west;{ours.ToUpperInvariant()}",
            $"Wim {tag};buddy;06 77778888;1;;{theirs}",
            $"Rob {tag};buddy;06 99990000;1;;Bestaat Niet"));
        Assert.Equal("1 vrijwilliger nieuw, 0 bijgewerkt, 0 ongewijzigd, 2 regels afgewezen.", Summary(imported));
        Assert.Contains($"De organisatie ‘{theirs}’ staat niet op de sociale kaart van uw gemeente.", Rejected(imported)["3"], StringComparison.Ordinal);
        Assert.Contains("De organisatie ‘Bestaat Niet’ staat niet op de sociale kaart van uw gemeente.", Rejected(imported)["4"], StringComparison.Ordinal);

        // A list from elsewhere without the column changes the area and leaves the organisation as it was.
        var changed = await client.SubmitFileAsync(VolunteersUrl, VolunteersForm, "Input.File", Csv("vrijwilligers.csv",
            "naam;rollen;telefoon;capaciteit;wijk", $"Saskia {tag};buddy;06 55556666;1;Hoonhorst"));
        Assert.Equal("0 vrijwilligers nieuw, 1 bijgewerkt, 0 ongewijzigd, 0 regels afgewezen.", Summary(changed));
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystemFor(fixture.World.A.Id);
        var saskia = await db.Volunteers.AsNoTracking().SingleAsync(v => v.Name == $"Saskia {tag}");
        Assert.Equal(("Hoonhorst", (Guid?)fixture.World.A.PartnerOrganisationId), (saskia.Area, saskia.OrganisationId));

        // An empty value in the column means the municipality arranges it itself.
        var cleared = await client.SubmitFileAsync(VolunteersUrl, VolunteersForm, "Input.File", Csv("vrijwilligers.csv",
            "naam;rollen;telefoon;capaciteit;wijk;werkt_via", $"Saskia {tag};buddy;06 55556666;1;Hoonhorst;"));
        Assert.Equal("0 vrijwilligers nieuw, 1 bijgewerkt, 0 ongewijzigd, 0 regels afgewezen.", Summary(cleared));
        Assert.Null((await db.Volunteers.AsNoTracking().SingleAsync(v => v.Name == $"Saskia {tag}")).OrganisationId);
    }

    [Fact]
    public async Task A_file_that_is_not_csv_or_lacks_a_required_column_imports_nothing()
    {
        using var client = await SignedInAsync(fixture.World.A, Roles.Coordinator);

        var spreadsheet = await client.SubmitFileAsync(MapUrl, MapForm, "Input.File", new ThuisClient.Upload("kaart.xlsx", [0x50, 0x4B, 0x03, 0x04, 0x00]));
        var noName = await client.SubmitFileAsync(MapUrl, MapForm, "Input.File", Csv("kaart.csv", "soort;domeinen", "sportvereniging;ontmoeten"));

        Assert.Contains("Dit is geen CSV-bestand.", spreadsheet.Text, StringComparison.Ordinal);
        Assert.Contains("De kopregel mist de kolom naam.", noName.Text, StringComparison.Ordinal);
        Assert.Contains("Er is niets geïmporteerd.", noName.Text, StringComparison.Ordinal);
        Assert.Null(noName.Document.GetElementById("resultaat-titel"));
    }
}
