using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Thuis.Web.Data;
using Thuis.Web.Features.Own;
using Thuis.Web.Features.Privacy;
using Thuis.Web.Features.Signals;
using Thuis.Web.Platform.Auditing;
using Thuis.Web.Platform.Changes;
using Thuis.Web.Platform.Security;
using Thuis.Web.Tests.Infrastructure;
using static Thuis.Web.Tests.OwnAccessTests;

namespace Thuis.Web.Tests;

/// <summary>
/// A person's rights and the municipality's accountability: staff hand over the same file the person downloads
/// (AVG art. 15/20), the person asks to correct their data (art. 16) and reads the answer, the processing register
/// (art. 30) names every kind of person data Thuis keeps, and the accessibility statement is open to everyone.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class PrivacyTests(AppFixture fixture)
{
    private TestWorld World => fixture.World;

    [Fact]
    public async Task Staff_hand_over_exactly_the_file_the_person_downloads_themselves_and_the_trail_says_why()
    {
        var person = await PersonWithPlanAsync(fixture.App, World.A);
        using var newcomer = await ActivatedAsync(fixture, person);
        using var caseManager = await SignedInAsync(World.A, Roles.CaseManager);

        var dossier = await caseManager.GetAsync($"/dossiers/{person.Id}");
        Assert.Equal(PrivacySetup.PersonDataPage(person.Id), dossier.Document.QuerySelector("[data-testid=person-data-link]")!.GetAttribute("href"));
        var page = await caseManager.GetAsync(PrivacySetup.PersonDataPage(person.Id));
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(person.Bsn, page.Document.QuerySelector("[data-testid=person-data-details]")!.TextContent, StringComparison.Ordinal);

        var staffFile = await DownloadAsync(caseManager, PrivacySetup.PersonDataFile(person.Id));
        var ownFile = await DownloadAsync(newcomer, OwnSetup.DataDownloadPath);
        Assert.Equal(Comparable(ownFile), Comparable(staffFile));
        Assert.Contains(person.Step, staffFile, StringComparison.Ordinal);

        var entries = await Groups.ReadAsync(fixture.App, World.A, db => db.AuditEntries
            .Where(a => a.PersonId == person.Id && a.Purpose == ExportPersonData.Purpose && a.Action == AuditAction.View && a.Result == AuditResult.Success)
            .CountAsync());
        Assert.True(entries >= 2, $"Verwacht een inzage voor de pagina en een voor het bestand, maar zag {entries}");
    }

    [Theory]
    [InlineData(Roles.Administrator)]
    [InlineData(Roles.VolunteerCoordinator)]
    [InlineData(Roles.PartnerWorker)]
    [InlineData(Roles.PrivacyOfficer)]
    public async Task Only_the_roles_that_read_dossiers_may_open_or_download_a_persons_data(string role)
    {
        var person = await PersonWithPlanAsync(fixture.App, World.A);
        using var client = await SignedInAsync(World.A, role);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(PrivacySetup.PersonDataPage(person.Id))).Status);
        using var file = await client.Http.GetAsync(PrivacySetup.PersonDataFile(person.Id), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Forbidden, file.StatusCode);
    }

    [Fact]
    public async Task Another_municipalitys_person_is_not_found_and_the_attempt_is_in_the_trail()
    {
        var person = await PersonWithPlanAsync(fixture.App, World.A);
        using var other = await SignedInAsync(World.B, Roles.CaseManager);

        using var file = await other.Http.GetAsync(PrivacySetup.PersonDataFile(person.Id), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, file.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(PrivacySetup.PersonDataPage(person.Id))).Status);
        Assert.True(await Groups.ReadAsync(fixture.App, World.B, db => db.AuditEntries.AnyAsync(a =>
            a.ObjectId == person.Id.ToString() && a.Purpose == ExportPersonData.Purpose && a.Result == AuditResult.NotFound)));
    }

    [Fact]
    public async Task A_correction_the_person_asks_for_reaches_the_case_manager_with_a_month_and_the_answer_comes_back_to_the_person()
    {
        var person = await PersonWithPlanAsync(fixture.App, World.A);
        using var newcomer = await ActivatedAsync(fixture, person);
        var data = await newcomer.GetAsync(OwnSetup.DataPath);
        Assert.Equal(OwnSetup.CorrectionPath, data.Document.QuerySelector("[data-testid=own-correction-link]")!.GetAttribute("href"));

        var empty = await newcomer.SubmitAsync(OwnSetup.CorrectionPath, "klopt-niet", new Dictionary<string, string> { ["Input.Words"] = " " });
        Assert.Contains("Schrijf wat er niet klopt.", empty.Document.QuerySelector(".thuis-error-summary")!.TextContent, StringComparison.Ordinal);
        var words = $"Mijn telefoonnummer is nu 06 1234 {Guid.NewGuid().ToString("N")[..4]}";
        var tooLong = await newcomer.SubmitAsync(OwnSetup.CorrectionPath, "klopt-niet", new Dictionary<string, string> { ["Input.Words"] = new string('x', 1001) });
        Assert.Contains("Schrijf hoogstens 1000 tekens.", tooLong.Text, StringComparison.Ordinal);

        var sent = await newcomer.SubmitAsync(OwnSetup.CorrectionPath, "klopt-niet", new Dictionary<string, string> { ["Input.Words"] = words });
        Assert.Equal($"{OwnSetup.DataPath}?gevraagd=1", sent.Location);

        // The signal is there in the same request, due a month after the day it was asked.
        var today = Groups.Today;
        var signal = await Groups.ReadAsync(fixture.App, World.A, db => db.Signals.AsNoTracking()
            .SingleAsync(s => s.NewcomerId == person.Id && s.Kind == SignalKind.CorrectionAsked));
        Assert.True(signal.IsOpen);
        Assert.Equal(today, signal.Since);
        Assert.Contains(words, signal.Reason, StringComparison.Ordinal);
        Assert.Contains($"uiterlijk {Platform.Localization.DutchFormat.Date(today.AddMonths(1))}", signal.Reason, StringComparison.Ordinal);
        var due = await Groups.ReadAsync(fixture.App, World.A, db => db.CorrectionRequests.Where(r => r.NewcomerId == person.Id).Select(r => r.AnswerDue).SingleAsync());
        Assert.Equal(today.AddMonths(1), due);

        var own = await newcomer.GetAsync($"{OwnSetup.DataPath}?gevraagd=1");
        Assert.Contains(words, own.Document.QuerySelector("[data-testid=own-corrections]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Nog niet klaar", own.Document.QuerySelector("[data-testid=own-correction-state]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Uw vraag is verstuurd", own.Text, StringComparison.Ordinal);

        // The case manager corrects the data elsewhere and resolves the signal with what was done: that is the answer.
        using var caseManager = await SignedInAsync(World.A, Roles.CaseManager);
        var signalPage = await caseManager.GetAsync($"/signalen/{signal.Id}");
        Assert.NotNull(signalPage.Document.QuerySelector("[data-testid=correction-note-shown]"));
        Assert.Equal($"/signalen/{signal.Id}?opgeslagen=1", (await caseManager.SubmitAsync($"/signalen/{signal.Id}", "afhandelen", new Dictionary<string, string>
        {
            ["Resolve.Note"] = "Telefoonnummer aangepast.",
            ["Resolve.Confirmed"] = "True",
        })).Location);

        var answered = await newcomer.GetAsync(OwnSetup.DataPath);
        var state = answered.Document.QuerySelector("[data-testid=own-correction-state]")!.TextContent;
        Assert.Contains("Klaar op", state, StringComparison.Ordinal);
        Assert.Contains("Telefoonnummer aangepast.", answered.Document.QuerySelector("[data-testid=own-corrections]")!.TextContent, StringComparison.Ordinal);
        // Resolved stays resolved: the next evaluation does not raise it again.
        await caseManager.GetAsync($"/dossiers/{person.Id}/bewerken");
        Assert.Equal(1, await Groups.ReadAsync(fixture.App, World.A, db => db.Signals.CountAsync(s => s.NewcomerId == person.Id && s.Kind == SignalKind.CorrectionAsked)));
    }

    [Fact]
    public async Task The_correction_page_speaks_the_persons_language_and_only_the_person_opens_it()
    {
        var person = await PersonWithPlanAsync(fixture.App, World.A);
        using var newcomer = await ActivatedAsync(fixture, person);
        await newcomer.SubmitAsync(OwnSetup.LanguagePath, "taal",
            new Dictionary<string, string> { ["Input.Culture"] = "ar" });

        var page = await newcomer.GetAsync(OwnSetup.CorrectionPath);
        Assert.Equal(("ar", "rtl"), (page.Document.DocumentElement.GetAttribute("lang"), page.Document.DocumentElement.GetAttribute("dir")));
        Assert.Contains("هل هناك شيء غير صحيح؟", page.Document.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        var empty = await newcomer.SubmitAsync(OwnSetup.CorrectionPath, "klopt-niet", new Dictionary<string, string> { ["Input.Words"] = "" });
        Assert.Contains("اكتب ما هو غير صحيح.", empty.Text, StringComparison.Ordinal);

        using var caseManager = await SignedInAsync(World.A, Roles.CaseManager);
        Assert.Equal(HttpStatusCode.Forbidden, (await caseManager.GetAsync(OwnSetup.CorrectionPath)).Status);
    }

    [Fact]
    public void The_register_names_every_kind_of_record_that_holds_a_persons_data_and_gives_each_line_a_retention()
    {
        using var scope = fixture.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var personRecords = db.Model.GetEntityTypes().Select(e => e.ClrType)
            .Where(t => typeof(IPersonData).IsAssignableFrom(t) && !t.IsAbstract).ToList();
        Assert.Contains(typeof(CorrectionRequest), personRecords);
        Assert.True(personRecords.Count >= 20, $"Verwacht alle soorten persoonsgegevens, maar vond {personRecords.Count}");

        Assert.Empty(ProcessingRegister.NotInRegister(personRecords).Select(t => t.Name));
        Assert.All(ProcessingRegister.Categories, c => Assert.True(RegisterRetention.ByCategory.ContainsKey(c.Key), $"Geen bewaartermijn voor {c.Key}"));
        // Each kind of record is on one line only.
        Assert.Equal(ProcessingRegister.Categories.SelectMany(c => c.Records).Count(), ProcessingRegister.Categories.SelectMany(c => c.Records).Distinct().Count());
    }

    [Theory]
    [InlineData(Roles.Administrator, HttpStatusCode.OK)]
    [InlineData(Roles.PrivacyOfficer, HttpStatusCode.OK)]
    [InlineData(Roles.CaseManager, HttpStatusCode.Forbidden)]
    [InlineData(Roles.Coordinator, HttpStatusCode.Forbidden)]
    [InlineData(Roles.PartnerWorker, HttpStatusCode.Forbidden)]
    public async Task The_register_is_for_the_administrator_and_the_privacy_officer_and_names_the_controller_and_every_article_30_part(string role, HttpStatusCode expected)
    {
        using var client = await SignedInAsync(World.A, role);
        var page = await client.GetAsync(PrivacySetup.RegisterPath);
        Assert.Equal(expected, page.Status);
        var footer = (await client.GetAsync("/")).Document.QuerySelectorAll("footer a[href]").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(expected == HttpStatusCode.OK, footer.Contains(PrivacySetup.RegisterPath));
        if (expected != HttpStatusCode.OK)
        {
            return;
        }
        var controller = page.Document.QuerySelector("[data-testid=register-controller]")!.TextContent;
        Assert.Contains($"burgemeester en wethouders van {World.A.Name}", controller, StringComparison.Ordinal);
        Assert.Contains("Functionaris gegevensbescherming", controller, StringComparison.Ordinal);
        Assert.Equal(ProcessingRegister.Categories.Count, page.Document.QuerySelectorAll("[data-testid=register-categories] tbody tr").Length);
        Assert.Contains("Wet inburgering 2021, art. 14", page.Document.QuerySelector("[data-testid=register-purposes]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("AVG art. 9", page.Text, StringComparison.Ordinal);
        Assert.Contains("DUO", page.Document.QuerySelector("[data-testid=register-recipients]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("nooit BSN", page.Document.QuerySelector("[data-testid=register-recipients]")!.TextContent, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Geen.", page.Document.QuerySelector("[data-testid=register-transfers]")!.TextContent, StringComparison.Ordinal);
        foreach (var category in ProcessingRegister.Categories)
        {
            Assert.Contains(RegisterRetention.Of(category.Key), page.Document.QuerySelector($"tr[data-category={category.Key}]")!.TextContent, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_accessibility_statement_is_open_to_everyone_and_linked_from_every_layout()
    {
        using var anonymous = fixture.NewClient();
        var page = await anonymous.GetAsync("/toegankelijkheid");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var status = page.Document.QuerySelector("[data-testid=a11y-status]")!.TextContent;
        Assert.Contains("WCAG 2.1 en 2.2 niveau AA", status, StringComparison.Ordinal);
        Assert.Contains("EN 301 549", status, StringComparison.Ordinal);
        Assert.Contains("Voldoet gedeeltelijk", status, StringComparison.Ordinal);
        foreach (var part in new[] { "Hoe we het controleren", "Bekende beperkingen", "Iets werkt niet voor u?" })
        {
            Assert.Contains(part, page.Text, StringComparison.Ordinal);
        }
        Assert.Contains("/toegankelijkheid", page.Document.QuerySelectorAll("footer a[href]").Select(a => a.GetAttribute("href")));

        var person = await PersonWithPlanAsync(fixture.App, World.A);
        using var newcomer = await ActivatedAsync(fixture, person);
        var own = await newcomer.GetAsync(OwnSetup.DataPath);
        Assert.Contains("/toegankelijkheid", own.Document.QuerySelectorAll("footer a[href]").Select(a => a.GetAttribute("href")));
    }

    /// <summary>The file without the moment it was made.</summary>
    private static string Comparable(string file)
    {
        var node = JsonNode.Parse(file)!.AsObject();
        node.Remove("gemaaktOp");
        return node.ToJsonString();
    }

    private static async Task<string> DownloadAsync(ThuisClient client, string url)
    {
        using var response = await client.Http.GetAsync(url, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        using var _ = JsonDocument.Parse(text);
        return text;
    }

    private async Task<ThuisClient> SignedInAsync(TestMunicipality municipality, string role)
    {
        var client = fixture.NewClient();
        await client.SignInOrFailAsync(await World.CreateUserAsync(municipality, role));
        return client;
    }
}
