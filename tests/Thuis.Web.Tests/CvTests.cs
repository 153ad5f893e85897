using System.Net;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Thuis.Web.Data;
using Thuis.Web.Features.Intake;
using Thuis.Web.Features.Own;
using Thuis.Web.Features.Work;
using Thuis.Web.Platform.Auditing;
using Thuis.Web.Platform.Security;
using Thuis.Web.Tests.Infrastructure;

namespace Thuis.Web.Tests;

/// <summary>
/// The CV Thuis makes from the intake, on the demo data: Samira Haddad of Dalfsen, a primary-school teacher with a
/// bachelor in pedagogy, as a case manager reads, edits and downloads it with her, and as a newcomer reads their own.
/// </summary>
public sealed class CvTests(CvTests.DemoFixture fixture) : IClassFixture<CvTests.DemoFixture>
{
    private const string CaseManagerOfDalfsen = "klantregisseur@dalfsen.example";

    [Fact]
    public async Task The_demo_teachers_CV_shows_her_work_experience_education_and_languages_and_never_her_health_or_money()
    {
        var samira = await fixture.SamiraAsync();
        using var client = await SignedInAsync(CaseManagerOfDalfsen);
        var before = await LastAuditIdAsync();

        var page = await client.GetAsync($"/dossiers/{samira.Id}/cv");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal($"Cv van {samira.Name}", page.Document.QuerySelector("h1")!.TextContent);
        var work = page.Document.QuerySelector("[data-testid=cv-work]")!.TextContent;
        Assert.Contains("leraar basisonderwijs", work, StringComparison.OrdinalIgnoreCase);
        var education = page.Document.QuerySelector("[data-testid=cv-education]")!.TextContent;
        Assert.Contains(samira.EducationField!, education, StringComparison.Ordinal);
        Assert.Contains(CvContentsLevel(samira.EducationLevel), education, StringComparison.OrdinalIgnoreCase);
        var languages = page.Document.QuerySelector("[data-testid=cv-languages]")!.TextContent;
        Assert.All(samira.Languages, l => Assert.Contains(l, languages, StringComparison.Ordinal));
        Assert.Contains("moedertaal", languages, StringComparison.Ordinal);
        Assert.Contains("luisteren", languages, StringComparison.Ordinal);
        Assert.NotEmpty(samira.PrivateTexts);
        Assert.All(samira.PrivateTexts, t => Assert.DoesNotContain(t, page.Text, StringComparison.Ordinal));
        // Reading the CV is reading her dossier: one view in the trail, with its purpose.
        var views = await ViewsSinceAsync(before, samira.Id);
        Assert.Equal([ViewCv.Purpose], views);

        // The dossier page leads to it.
        var dossier = await client.GetAsync($"/dossiers/{samira.Id}");
        Assert.Contains(dossier.Document.QuerySelectorAll("a"), a => a.GetAttribute("href") == $"/dossiers/{samira.Id}/cv");
    }

    [Fact]
    public async Task The_download_is_a_Word_document_holding_the_same_texts_under_a_safe_name_and_is_audited()
    {
        var samira = await fixture.SamiraAsync();
        using var client = await SignedInAsync(CaseManagerOfDalfsen);
        var before = await LastAuditIdAsync();

        using var response = await client.Http.GetAsync($"/dossiers/{samira.Id}/cv/bestand");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(CvFile.ContentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("cv-samira-haddad.docx", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        var text = WordText(await response.Content.ReadAsByteArrayAsync(), out var headings);
        Assert.Contains("leraar basisonderwijs", text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(samira.EducationField!, text, StringComparison.Ordinal);
        Assert.All(samira.Languages, l => Assert.Contains(l, text, StringComparison.Ordinal));
        Assert.All(samira.PrivateTexts, t => Assert.DoesNotContain(t, text, StringComparison.Ordinal));
        Assert.Equal(samira.Name, headings[0]);
        Assert.Contains("Werkervaring", headings);
        Assert.Contains("Opleiding", headings);
        Assert.Contains("Talen", headings);
        Assert.Equal([ViewCv.DownloadPurpose], await ViewsSinceAsync(before, samira.Id));
    }

    [Fact]
    public async Task Saving_an_edit_with_bad_input_shows_the_message_beside_the_field_and_at_the_top_and_keeps_what_was_saved()
    {
        var person = await fixture.PersonAsync();
        using var client = await SignedInAsync(CaseManagerOfDalfsen);
        var edit = $"/dossiers/{person}/cv/bewerken";
        var saved = await client.SubmitAsync(edit, "cv", new Dictionary<string, string>
        {
            ["Input.Profile"] = "Ik sta graag voor de klas en leer snel.",
            ["Input.LeaveOutSkills"] = "true",
        });
        Assert.Equal($"/dossiers/{person}/cv?opgeslagen=1", saved.Location);

        var refused = await client.SubmitAsync(edit, "cv", new Dictionary<string, string> { ["Input.Profile"] = new string('a', Cv.ProfileLength + 1) });

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        var message = $"Schrijf ‘Over mij’ in hoogstens {Cv.ProfileLength} tekens.";
        Assert.Contains(message, refused.Document.QuerySelector(".thuis-error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.EndsWith("#over-mij", refused.Document.QuerySelector(".thuis-error-summary a")!.GetAttribute("href"), StringComparison.Ordinal);
        Assert.Contains(message, refused.Document.QuerySelector("#over-mij-fout")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("over-mij-fout", refused.Document.QuerySelector("#over-mij")!.GetAttribute("aria-describedby"), StringComparison.Ordinal);
        var cv = await client.GetAsync($"/dossiers/{person}/cv");
        Assert.Equal("Ik sta graag voor de klas en leer snel.", cv.Document.QuerySelector("[data-testid=cv-profile]")!.TextContent);
        Assert.Null(cv.Document.QuerySelector("[data-testid=cv-skills]"));
        Assert.Equal("Ik sta graag voor de klas en leer snel.", await fixture.ReadAsync(db => db.Cvs.IgnoreQueryFilters().Where(c => c.NewcomerId == person).Select(c => c.Profile).SingleAsync()));
    }

    [Fact]
    public async Task A_save_from_a_page_loaded_before_someone_elses_save_is_refused_and_theirs_stays()
    {
        var person = await fixture.PersonAsync();
        using var first = await SignedInAsync(CaseManagerOfDalfsen);
        using var second = await SignedInAsync(CaseManagerOfDalfsen);
        var edit = $"/dossiers/{person}/cv/bewerken";
        var stale = await first.GetAsync(edit);
        var othersPage = await second.GetAsync(edit);
        Assert.Equal(HttpStatusCode.Redirect, (await second.PostFormAsync(othersPage, "cv", new Dictionary<string, string> { ["Input.Profile"] = "Eerst opgeslagen." })).Status);

        var refused = await first.PostFormAsync(stale, "cv", new Dictionary<string, string> { ["Input.Profile"] = "Later opgeslagen." });

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Equal(EditCv.ChangedMeanwhile, refused.Document.QuerySelector("[role=alert]")!.TextContent.Trim());
        Assert.Equal("Eerst opgeslagen.", refused.Document.QuerySelector("#over-mij")!.TextContent);
        Assert.Equal("Eerst opgeslagen.", await fixture.ReadAsync(db => db.Cvs.IgnoreQueryFilters().Where(c => c.NewcomerId == person).Select(c => c.Profile).SingleAsync()));

        // Two who both open a CV that does not exist yet: the second save is refused too.
        var fresh = await fixture.PersonAsync();
        var a = await first.GetAsync($"/dossiers/{fresh}/cv/bewerken");
        var b = await second.GetAsync($"/dossiers/{fresh}/cv/bewerken");
        Assert.Equal(HttpStatusCode.Redirect, (await first.PostFormAsync(a, "cv", new Dictionary<string, string> { ["Input.Profile"] = "A" })).Status);
        Assert.Equal(HttpStatusCode.OK, (await second.PostFormAsync(b, "cv", new Dictionary<string, string> { ["Input.Profile"] = "B" })).Status);
        Assert.Equal("A", await fixture.ReadAsync(db => db.Cvs.IgnoreQueryFilters().Where(c => c.NewcomerId == fresh).Select(c => c.Profile).SingleAsync()));
    }

    [Fact]
    public async Task Another_municipality_gets_404_for_the_CV_its_edit_and_its_file()
    {
        var samira = await fixture.SamiraAsync();
        using var zoetermeer = await SignedInAsync("klantregisseur@zoetermeer.example");

        foreach (var path in new[] { $"/dossiers/{samira.Id}/cv", $"/dossiers/{samira.Id}/cv/bewerken", $"/dossiers/{samira.Id}/cv/bestand" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await zoetermeer.GetAsync(path)).Status);
        }
        Assert.DoesNotContain(samira.Name, (await zoetermeer.GetAsync($"/dossiers/{samira.Id}/cv")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_newcomer_sees_their_own_CV_in_Dutch_with_a_line_in_their_language_and_cannot_reach_anothers()
    {
        var samira = await fixture.SamiraAsync();
        var ownId = await fixture.ReadAsync(db => db.Users.Where(u => u.Email == "nieuwkomer@dalfsen.example").Select(u => u.NewcomerId!.Value).SingleAsync());
        var ownName = await fixture.ReadAsync(db => db.Newcomers.IgnoreQueryFilters().Where(n => n.Id == ownId).Select(n => n.GivenNames + " " + n.FamilyName).SingleAsync());
        using var newcomer = await SignedInAsync("nieuwkomer@dalfsen.example");
        Assert.Equal(HttpStatusCode.Redirect, (await newcomer.SubmitAsync(OwnSetup.LanguagePath, "taal", new Dictionary<string, string> { ["Input.Culture"] = "ar" })).Status);

        var page = await newcomer.GetAsync(OwnSetup.CvPath);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(OwnTexts.In(Thuis.Web.Platform.Localization.Languages.Find("ar")!, "CvInDutch"), page.Document.QuerySelector("[data-testid=own-cv-in-dutch]")!.TextContent);
        var sheet = page.Document.QuerySelector("[data-testid=cv]")!;
        Assert.Equal("nl", sheet.GetAttribute("lang"));
        Assert.Equal(ownName, sheet.QuerySelector("h2")!.TextContent);
        Assert.Null(page.Document.QuerySelector("form[method=post]:not(.thuis-inline-form)"));
        Assert.Contains(page.Document.QuerySelectorAll("nav a"), a => a.GetAttribute("href") == OwnSetup.CvPath);
        using var file = await newcomer.Http.GetAsync(OwnSetup.CvFilePath);
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        WordText(await file.Content.ReadAsByteArrayAsync(), out var headings);
        Assert.Equal(ownName, headings[0]);

        // Someone else's CV is not theirs to read: the staff's addresses refuse the newcomer's role.
        var other = ownId == samira.Id ? await fixture.PersonAsync() : samira.Id;
        Assert.Equal(HttpStatusCode.Forbidden, (await newcomer.GetAsync($"/dossiers/{other}/cv")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await newcomer.GetAsync($"/dossiers/{other}/cv/bestand")).Status);
    }

    [Fact]
    public async Task The_persons_data_file_holds_their_CV()
    {
        var person = await fixture.PersonAsync();
        using var client = await SignedInAsync(CaseManagerOfDalfsen);
        await client.SubmitAsync($"/dossiers/{person}/cv/bewerken", "cv", new Dictionary<string, string>
        {
            ["Input.Profile"] = "Ik repareer graag fietsen.",
            ["Input.LeaveOutContact"] = "true",
        });

        using var response = await client.Http.GetAsync($"/dossiers/{person}/inzage/bestand");

        using var json = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync());
        var cv = json.RootElement.EnumerateObject().Single(p => p.Name.Equals("cv", StringComparison.OrdinalIgnoreCase)).Value;
        Assert.Contains("Ik repareer graag fietsen.", cv.GetRawText(), StringComparison.Ordinal);
        Assert.Contains("Contactgegevens", cv.GetRawText(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Samira Haddad", "cv-samira-haddad.docx")]
    [InlineData("Ayşe Yılmaz", "cv-ayse-yilmaz.docx")]
    [InlineData("Olena Kovalenko-Ševčenko", "cv-olena-kovalenko-sevcenko.docx")]
    [InlineData("../..\\evil\r\nname", "cv-evil-name.docx")]
    [InlineData("سميرة حداد", "cv.docx")]
    public void The_file_name_is_safe_whatever_the_name_holds(string name, string expected) =>
        Assert.Equal(expected, CurriculumVitae.FileNameFor(name));

    private static string CvContentsLevel(EducationLevel level) => level switch
    {
        EducationLevel.Bachelor => "bachelor",
        EducationLevel.Master => "master",
        _ => "",
    };

    /// <summary>The document's text, and its headings in order; opening it proves it is a valid Word document.</summary>
    private static string WordText(byte[] file, out List<string> headings)
    {
        using var stream = new MemoryStream(file);
        using var document = WordprocessingDocument.Open(stream, false);
        var body = document.MainDocumentPart!.Document!.Body!;
        headings = [.. body.Elements<Paragraph>()
            .Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value?.StartsWith("Heading", StringComparison.Ordinal) == true)
            .Select(p => p.InnerText)];
        return body.InnerText;
    }

    private async Task<ThuisClient> SignedInAsync(string email)
    {
        var client = new ThuisClient(fixture.App);
        var signIn = await client.SignInAsync(email, DemoData.Password);
        Assert.Equal(HttpStatusCode.Redirect, signIn.Status);
        return client;
    }

    private async Task<long> LastAuditIdAsync() => await fixture.ReadAsync(db => db.AuditEntries.IgnoreQueryFilters().MaxAsync(a => (long?)a.Id)) ?? 0;

    private Task<List<string>> ViewsSinceAsync(long after, Guid person) =>
        fixture.ReadAsync(db => db.AuditEntries.IgnoreQueryFilters()
            .Where(a => a.Id > after && a.Action == AuditAction.View && a.PersonId == person && a.ObjectType == nameof(Cv))
            .Select(a => a.Purpose).ToListAsync());

    /// <summary>Samira as the demo holds her, read straight from the database.</summary>
    public sealed record Samira(Guid Id, string Name, string? EducationField, EducationLevel EducationLevel, IReadOnlyList<string> Languages,
        IReadOnlyList<string> PrivateTexts);

    /// <summary>The app in development with its demo data, started once for these tests.</summary>
    public sealed class DemoFixture : IAsyncLifetime
    {
        public ThuisAppFactory App { get; } = new("Development", new Dictionary<string, string?>
        {
            // Demo data belongs to the embedded database only, whatever provider the other tests run on.
            ["Database:Provider"] = "Sqlite",
            ["Database:ConnectionString"] = $"Data Source={Path.Combine(Path.GetTempPath(), "thuis-tests", $"cv-{Guid.NewGuid():N}.db")}",
            ["Demo:SeedOnFirstStart"] = "true",
        });

        public ValueTask InitializeAsync()
        {
            Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "thuis-tests"));
            App.StartServer();
            return ValueTask.CompletedTask;
        }

        public async ValueTask DisposeAsync() => await App.DisposeAsync();

        public async Task<T> ReadAsync<T>(Func<AppDbContext, Task<T>> read)
        {
            await using var scope = App.Services.CreateAsyncScope();
            return await read(scope.ServiceProvider.GetRequiredService<AppDbContext>());
        }

        /// <summary>Samira, with words about her health and her debts that must never reach a CV.</summary>
        public async Task<Samira> SamiraAsync()
        {
            await using (var scope = App.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                var person = await db.Newcomers.IgnoreQueryFilters().SingleAsync(n => n.GivenNames == "Samira" && n.FamilyName == "Haddad");
                scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystemFor(person.MunicipalityId);
                if (await db.Set<CircumstancesSection>().SingleOrDefaultAsync(s => s.NewcomerId == person.Id) is not { PhysicalHealth: not null })
                {
                    var circumstances = await db.Set<CircumstancesSection>().SingleOrDefaultAsync(s => s.NewcomerId == person.Id);
                    if (circumstances is null)
                    {
                        circumstances = new CircumstancesSection(person.Id, person.MunicipalityId);
                        db.Add(circumstances);
                    }
                    circumstances.Update("Rugklachten na de reis", "Slaapt slecht sinds de vlucht", null, null, null);
                    circumstances.MarkRecorded("test", DateTimeOffset.UtcNow);
                    await db.SaveChangesAsync();
                }
            }
            return await ReadSamiraAsync();
        }

        private Task<Samira> ReadSamiraAsync() => ReadAsync(async db =>
        {
            var samira = await db.Newcomers.IgnoreQueryFilters().SingleAsync(n => n.GivenNames == "Samira" && n.FamilyName == "Haddad");
            var education = await db.Set<EducationSection>().IgnoreQueryFilters().SingleAsync(s => s.NewcomerId == samira.Id);
            var languages = await db.Set<LanguagesSection>().IgnoreQueryFilters().SingleAsync(s => s.NewcomerId == samira.Id);
            var circumstances = await db.Set<CircumstancesSection>().IgnoreQueryFilters().SingleOrDefaultAsync(s => s.NewcomerId == samira.Id);
            var finances = await db.Set<FinancesSection>().IgnoreQueryFilters().SingleOrDefaultAsync(s => s.NewcomerId == samira.Id);
            var privateTexts = new[]
            {
                circumstances?.PhysicalHealth, circumstances?.MentalHealth, circumstances?.TraumaCare, circumstances?.PracticalLimits, finances?.Creditors,
            }.OfType<string>().ToList();
            return new Samira(samira.Id, samira.FullName, education.Field, education.HighestLevel, [.. languages.Languages.Select(l => l.Language)], privateTexts);
        });

        /// <summary>A new person in Dalfsen with nothing in their intake, for a test that changes their CV.</summary>
        public async Task<Guid> PersonAsync()
        {
            await using var scope = App.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var dalfsen = await db.Municipalities.SingleAsync(m => m.Name == "Dalfsen");
            scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystemFor(dalfsen.Id);
            var person = People.Newcomer(dalfsen.Id, "Test", $"Cv{Guid.NewGuid():N}"[..12], new DateOnly(1990, 1, 1));
            db.Newcomers.Add(person);
            await db.SaveChangesAsync();
            return person.Id;
        }
    }
}
