using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Thuis.Web.Data;
using Thuis.Web.Features.Dossiers;
using Thuis.Web.Platform.Localization;
using Thuis.Web.Platform.Security;
using Thuis.Web.Tests.Infrastructure;

namespace Thuis.Web.Tests;

[Collection(AppCollection.Name)]
public sealed class ImportNewcomersTests(AppFixture fixture)
{
    private const string Url = "/dossiers/importeren";
    private const string FormName = "importeren";
    private const string Header = "voornamen;achternaam;geboortedatum;geslacht;land_van_herkomst;bsn;v_nummer;doelgroep;datum_vergunning;datum_inschrijving;datum_huisvesting;straat;huisnummer;postcode;plaats;telefoon";

    // Every test makes its own people, so the tests of this shared app never see each other's rows.
    private static int _nextNumber = 99_800_000;

    [Fact]
    public async Task A_file_with_good_bad_and_repeated_rows_imports_exactly_the_good_ones_and_says_why_each_other_row_was_refused()
    {
        var (client, userId) = await SignedInCaseManagerAsync(fixture.World.A);
        var (amina, yonas, sara, bad, future, repeated) = (NewBsn(), NewVNumber(), NewBsn(), NewBsn(), NewBsn(), NewBsn());
        // Tomorrow in the Netherlands, where Thuis dates the import, whatever the clock of the machine says.
        var tomorrow = TimeProvider.System.InTheNetherlands().AddDays(1).ToString("dd-MM-yyyy", CultureInfo.InvariantCulture);
        var csv = Lines(
            Header,
            $"Amina;Rahimi;14-02-1990;v;Afghanistan;{amina};;asielstatushouder;01-02-2025;03-03-2025;01-03-2025;Kerkstraat;4;7721ab;Dalfsen;06 12345678",
            $"Yonas;Tesfamariam;1996-07-30;m;Eritrea;;{yonas};;2025-01-10;2025-02-01;;;;;;",
            $"Rami;Darwish;01-01-1980;m;Syrië;{bad[..8]}{(bad[8] - '0' + 1) % 10};;;;01-06-2025;;;;;;",
            $"Layla;Nasser;{tomorrow};v;Jemen;{future};;;;01-06-2025;;;;;;",
            $";Haidari;05-05-1985;m;Afghanistan;{repeated};;;;01-06-2025;;;;;;",
            $"Amina;Rahimi-Karimi;14-02-1990;v;Afghanistan;{amina};;;;03-03-2025;;;;;;",
            $"\"Sara \"\"Sasa\"\"\";Haddad;03-11-1994;v;Syrië;{sara};;;;01-07-2025;;\"Dorpsstraat; achterhuis\";12a;7721 CD;Dalfsen;");

        var page = await client.SubmitFileAsync(Url, FormName, "Input.File", Csv("taakstelling.csv", csv, bom: true));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("3 statushouders geïmporteerd, 0 bestonden al, 4 regels afgewezen.", page.Text, StringComparison.Ordinal);
        var rejected = Rows(page, "afgewezen");
        Assert.Equal(["4", "5", "6", "7"], rejected.Keys);
        Assert.Contains("Dit BSN klopt niet", rejected["4"], StringComparison.Ordinal);
        Assert.Contains("De geboortedatum ligt in de toekomst.", rejected["5"], StringComparison.Ordinal);
        Assert.Contains("Vul de voornamen in.", rejected["6"], StringComparison.Ordinal);
        Assert.Contains("Dit BSN staat ook op regel 2", rejected["7"], StringComparison.Ordinal);

        var imported = await NewcomersAsync(fixture.World.A.Id, amina, yonas, sara, bad, future, repeated);
        Assert.Equal(["Amina Rahimi", "Sara \"Sasa\" Haddad", "Yonas Tesfamariam"], imported.Select(n => n.FullName).Order(StringComparer.Ordinal));
        Assert.All(imported, n => Assert.Equal(userId, n.CaseManagerId));
        var aminaDossier = imported.Single(n => n.Bsn == amina);
        Assert.Equal(("7721 AB", new DateOnly(2025, 3, 3), Gender.Female), (aminaDossier.Postcode, aminaDossier.RegistrationDate, aminaDossier.Gender));
        Assert.Equal("Dorpsstraat; achterhuis", imported.Single(n => n.Bsn == sara).Street);
        Assert.Equal(new DateOnly(1996, 7, 30), imported.Single(n => n.VNumber == yonas).DateOfBirth);
    }

    [Fact]
    public async Task Importing_the_same_file_twice_imports_nothing_the_second_time_and_says_who_already_exists()
    {
        var (client, _) = await SignedInCaseManagerAsync(fixture.World.A);
        var (first, second) = (NewBsn(), NewVNumber());
        var csv = Lines(
            "voornamen,achternaam,geboortedatum,land_van_herkomst,bsn,v_nummer,datum_inschrijving",
            $"Olena,Kovalenko,1979-03-08,Oekraïne,{first},,2025-05-01",
            $"Bilal,Yousef,1988-12-24,Syrië,,{second},2025-05-01");

        var once = await client.SubmitFileAsync(Url, FormName, "Input.File", Csv("lijst.csv", csv));
        var twice = await client.SubmitFileAsync(Url, FormName, "Input.File", Csv("lijst.csv", csv));

        Assert.Contains("2 statushouders geïmporteerd, 0 bestonden al, 0 regels afgewezen.", once.Text, StringComparison.Ordinal);
        Assert.Contains("0 statushouders geïmporteerd, 2 bestonden al, 0 regels afgewezen.", twice.Text, StringComparison.Ordinal);
        var known = Rows(twice, "bestond-al");
        Assert.Equal("bestaat al: zelfde BSN", known["2"]);
        Assert.Equal("bestaat al: zelfde V-nummer", known["3"]);
        Assert.Equal(2, (await NewcomersAsync(fixture.World.A.Id, first, second)).Count);
    }

    [Fact]
    public async Task An_import_by_a_user_of_another_municipality_creates_people_only_in_that_municipality()
    {
        var world = fixture.World;
        var (client, _) = await SignedInCaseManagerAsync(world.B);
        var newcomer = NewBsn();
        var csv = Lines(
            Header,
            $"Samira;Haddad;01-05-1990;v;Syrië;{world.A.NewcomerBsn};;;;01-06-2025;;;;;;",
            $"Hamid;Sultani;02-02-1982;m;Afghanistan;{newcomer};;;;01-06-2025;;;;;;");

        var page = await client.SubmitFileAsync(Url, FormName, "Input.File", Csv("zoetermeer.csv", csv));

        // Dalfsen's Samira Haddad is invisible to Zoetermeer: her row is new there, and nothing of Dalfsen's dossier shows.
        Assert.Contains("2 statushouders geïmporteerd, 0 bestonden al", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(world.A.NewcomerId.ToString(), page.Document.DocumentElement.OuterHtml, StringComparison.Ordinal);
        Assert.Equal(2, (await NewcomersAsync(world.B.Id, world.A.NewcomerBsn, newcomer)).Count);
        var inA = await NewcomersAsync(world.A.Id, world.A.NewcomerBsn, newcomer);
        Assert.Equal([world.A.NewcomerId], inA.Select(n => n.Id));
    }

    [Fact]
    public async Task A_file_that_cannot_be_read_imports_nothing_not_even_its_good_rows()
    {
        var (client, _) = await SignedInCaseManagerAsync(fixture.World.A);
        var good = NewBsn();
        var csv = Lines(
            Header,
            $"Karim;Mansour;01-01-1990;m;Syrië;{good};;;;01-06-2025;;;;;;",
            $"\"Noor;Mansour;01-01-1992;v;Syrië;{NewBsn()};;;;01-06-2025;;;;;;");

        var page = await client.SubmitFileAsync(Url, FormName, "Input.File", Csv("kapot.csv", csv));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Het bestand kon niet worden gelezen. Regel 3: een veld begint met een aanhalingsteken", page.Text, StringComparison.Ordinal);
        Assert.Contains("Er is niets geïmporteerd.", page.Text, StringComparison.Ordinal);
        Assert.Null(page.Document.GetElementById("resultaat-titel"));
        Assert.Empty(await NewcomersAsync(fixture.World.A.Id, good));
    }

    public static TheoryData<string, string?, string> Refusals => new()
    {
        { "geen bestand", null, "Kies een CSV-bestand om te importeren." },
        { "Excel-werkmap", "lijst.xlsx", "Dit is geen CSV-bestand." },
        { "werkmap hernoemd tot .csv", "lijst.csv", "Dit is geen CSV-bestand." },
        { "te groot", "groot.csv", "Het bestand is groter dan 2 MB." },
        { "Windows-1252", "ansi.csv", "Het bestand is niet als UTF-8 opgeslagen" },
        { "kolommen ontbreken", "kolommen.csv", "De kopregel mist de kolommen geboortedatum, datum_inschrijving, bsn of v_nummer." },
        { "alleen een kopregel", "leeg.csv", "Het bestand heeft een kopregel maar geen regels met statushouders." },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task A_file_that_is_not_a_usable_csv_is_refused_with_a_message_beside_the_field(string situation, string? fileName, string message)
    {
        var (client, _) = await SignedInCaseManagerAsync(fixture.World.A);
        var before = await CountAsync(fixture.World.A.Id);
        ThuisClient.Upload? upload = fileName switch
        {
            null => null,
            "lijst.xlsx" or "lijst.csv" => new(fileName, [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00], "application/vnd.ms-excel"),
            "groot.csv" => Csv(fileName, Header + "\n" + new string('x', (int)ImportNewcomers.MaxBytes)),
            "ansi.csv" => new(fileName, [.. Encoding.ASCII.GetBytes(Header + "\nOlena;Kovalenko;08-03-1979;v;Oekra"), 0xEF, .. Encoding.ASCII.GetBytes($"ne;{NewBsn()};;;;01-06-2025;;;;;;\n")]),
            "kolommen.csv" => Csv(fileName, Lines("voornamen;achternaam;land_van_herkomst", "Olena;Kovalenko;Oekraïne")),
            _ => Csv(fileName, Header + "\n\n"),
        };

        var page = await client.SubmitFileAsync(Url, FormName, "Input.File", upload);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var error = page.Document.GetElementById("bestand-fout")?.TextContent ?? "";
        Assert.True(error.Contains(message, StringComparison.Ordinal), $"{situation}: “{error}”");
        Assert.Equal(before, await CountAsync(fixture.World.A.Id));
    }

    [Fact]
    public async Task The_example_on_the_page_imports_as_it_stands()
    {
        var (client, _) = await SignedInCaseManagerAsync(fixture.World.A);
        var form = await client.GetAsync(Url);
        var example = form.Document.QuerySelector("pre code")?.TextContent ?? "";

        var page = await client.SubmitFileAsync(Url, FormName, "Input.File", Csv("voorbeeld.csv", example));

        Assert.Contains("3 statushouders geïmporteerd", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_coordinator_imports_people_without_a_case_manager_and_a_partner_worker_may_not_import()
    {
        var world = fixture.World;
        var coordinator = await world.CreateUserAsync(world.A, Roles.Coordinator);
        using var client = fixture.NewClient();
        await client.SignInOrFailAsync(coordinator);
        var bsn = NewBsn();

        await client.SubmitFileAsync(Url, FormName, "Input.File", Csv("lijst.csv", Lines(Header, $"Fatima;Osman;09-09-1999;v;Soedan;{bsn};;;;01-06-2025;;;;;;")));

        Assert.Null((await NewcomersAsync(world.A.Id, bsn)).Single().CaseManagerId);

        var partner = await world.CreateUserAsync(world.A, Roles.PartnerWorker);
        using var partnerClient = fixture.NewClient();
        await partnerClient.SignInOrFailAsync(partner);
        Assert.Equal(HttpStatusCode.Forbidden, (await partnerClient.GetAsync(Url)).Status);
    }

    [Fact]
    public async Task The_caseload_links_to_registering_and_importing()
    {
        var (client, _) = await SignedInCaseManagerAsync(fixture.World.A);

        var page = await client.GetAsync("/dossiers");

        Assert.NotNull(page.Document.QuerySelector("a.utrecht-button-link[href='/dossiers/nieuw']"));
        Assert.NotNull(page.Document.QuerySelector("a.utrecht-button-link[href='/dossiers/importeren']"));
    }

    private async Task<(ThuisClient Client, string UserId)> SignedInCaseManagerAsync(TestMunicipality municipality)
    {
        var email = await fixture.World.CreateUserAsync(municipality, Roles.CaseManager);
        var client = fixture.NewClient();
        await client.SignInOrFailAsync(email);
        return (client, await fixture.World.UserIdOfAsync(email));
    }

    private async Task<List<Newcomer>> NewcomersAsync(Guid municipalityId, params string[] numbers)
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystemFor(municipalityId);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.Newcomers.AsNoTracking()
            .Where(n => (n.Bsn != null && numbers.Contains(n.Bsn)) || (n.VNumber != null && numbers.Contains(n.VNumber)))
            .ToListAsync();
    }

    private async Task<int> CountAsync(Guid municipalityId)
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystemFor(municipalityId);
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Newcomers.CountAsync();
    }

    /// <summary>The rows of a report table, by line number: the text of their last cell.</summary>
    private static Dictionary<string, string> Rows(ThuisClient.Page page, string tableId) =>
        page.Document.QuerySelectorAll($"table#{tableId} tbody tr")
            .Select(tr => tr.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray())
            .ToDictionary(cells => cells[0], cells => cells[^1]);

    private static ThuisClient.Upload Csv(string fileName, string text, bool bom = false) =>
        new(fileName, [.. (bom ? Encoding.UTF8.GetPreamble() : []), .. Encoding.UTF8.GetBytes(text)]);

    private static string Lines(params string[] lines) => string.Join("\r\n", lines) + "\r\n";

    /// <summary>A BSN no one has: it passes the 11-proef and starts with 998, which the demo and other tests do not use.</summary>
    private static string NewBsn()
    {
        while (true)
        {
            var stem = Interlocked.Increment(ref _nextNumber).ToString(CultureInfo.InvariantCulture);
            for (var last = 0; last <= 9; last++)
            {
                if (Bsn.IsValid(stem + last))
                {
                    return stem + last;
                }
            }
        }
    }

    private static string NewVNumber() => "30" + Interlocked.Increment(ref _nextNumber).ToString("D8", CultureInfo.InvariantCulture);
}
