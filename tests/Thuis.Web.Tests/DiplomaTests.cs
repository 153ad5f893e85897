using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Thuis.Web.Data;
using Thuis.Web.Features.Intake;
using Thuis.Web.Features.SocialMap;
using Thuis.Web.Platform.Localization;
using Thuis.Web.Platform.Security;
using Thuis.Web.Tests.Infrastructure;

namespace Thuis.Web.Tests;

/// <summary>
/// Diplomas as a list in the intake, each with its valuation, through the real app on the demo of Dalfsen: a case
/// manager records a diploma asked for and one valued at NLQF 6; the valued level counts in the suggestions, the plan
/// asks for the valuation of a diploma not yet asked for, and the CV shows each diploma with what its valuation says.
/// </summary>
public sealed class DiplomaTests(DiplomaTests.DemoFixture fixture) : IClassFixture<DiplomaTests.DemoFixture>
{
    private const string CaseManagerOfDalfsen = "klantregisseur@dalfsen.example";
    private const string Form = "intake-deel";

    [Fact]
    public async Task Two_diplomas_recorded_in_the_intake_one_asked_for_and_one_valued_show_on_the_CV_and_the_valued_level_counts_in_the_suggestions()
    {
        var person = await fixture.PersonWithPrimarySchoolAsync();
        using var caseManager = await SignedInAsync();
        var education = $"/dossiers/{person}/intake/opleiding";
        var jobs = $"/dossiers/{person}/suggesties?soort={OfferKind.Job}";
        // With primary school only, her level is the lowest: order picking is suggested.
        Assert.Contains("Orderpicker", MatchingTests.Cards(await caseManager.GetAsync(jobs)).Keys);
        var asked = TimeProvider.System.InTheNetherlands().AddDays(-10);

        var saved = await caseManager.SubmitAsync(education, Form, new Dictionary<string, string>
        {
            ["Input.Diplomas[0].Name"] = "Bachelor pedagogiek",
            ["Input.Diplomas[0].Country"] = "Syrië",
            ["Input.Diplomas[0].Year"] = "2013",
            ["Input.Diplomas[0].Level"] = nameof(EducationLevel.Bachelor),
            ["Input.Diplomas[0].Valuation"] = nameof(DiplomaValuation.Valued),
            ["Input.Diplomas[0].Nlqf"] = "6",
            ["Input.Diplomas[0].Result"] = "hbo-bachelor",
            ["Input.Diplomas[1].Name"] = "Master onderwijskunde",
            ["Input.Diplomas[1].Country"] = "Libanon",
            ["Input.Diplomas[1].Valuation"] = nameof(DiplomaValuation.Applied),
            ["Input.Diplomas[1].AppliedOn"] = asked.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        });

        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        var diplomas = await fixture.DiplomasAsync(person);
        Assert.Collection(diplomas,
            valued =>
            {
                Assert.Equal(("Bachelor pedagogiek", "Syrië", 2013, EducationLevel.Bachelor), (valued.Name, valued.Country, valued.Year, valued.Level));
                Assert.Equal((DiplomaValuation.Valued, 6, "hbo-bachelor"), (valued.Valuation, valued.Nlqf, valued.Result));
            },
            applied =>
            {
                Assert.Equal(("Master onderwijskunde", DiplomaValuation.Applied, asked), (applied.Name, applied.Valuation, applied.AppliedOn));
                Assert.Null(applied.Nlqf);
            });

        // NLQF 6 is the highest level: order picking, more than one level below, is no longer suggested.
        Assert.DoesNotContain("Orderpicker", MatchingTests.Cards(await caseManager.GetAsync(jobs)).Keys);

        var cv = (await caseManager.GetAsync($"/dossiers/{person}/cv")).Document.QuerySelectorAll("[data-testid=cv-diploma]").Select(li => li.TextContent).ToList();
        Assert.Equal(2, cv.Count);
        Assert.Contains("Bachelor pedagogiek", cv[0], StringComparison.Ordinal);
        Assert.Contains("gewaardeerd op NLQF 6 (hbo-bachelor)", cv[0], StringComparison.Ordinal);
        Assert.Contains("Master onderwijskunde", cv[1], StringComparison.Ordinal);
        Assert.Contains("diplomawaardering aangevraagd", cv[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_level_without_a_valuation_and_a_valuation_without_a_level_show_every_message_at_once_and_keep_what_was_saved()
    {
        var person = await fixture.PersonWithPrimarySchoolAsync();
        using var caseManager = await SignedInAsync();
        var education = $"/dossiers/{person}/intake/opleiding";
        await caseManager.SubmitAsync(education, Form, new Dictionary<string, string>
        {
            ["Input.Diplomas[0].Name"] = "Bachelor pedagogiek",
            ["Input.Diplomas[0].Valuation"] = nameof(DiplomaValuation.Valued),
            ["Input.Diplomas[0].Nlqf"] = "6",
            ["Input.Diplomas[1].Name"] = "Diploma middelbare school",
            ["Input.Diplomas[1].Valuation"] = nameof(DiplomaValuation.NotApplied),
        });
        var before = await fixture.DiplomasAsync(person);

        var bad = await caseManager.SubmitAsync(education, Form, new Dictionary<string, string>
        {
            ["Input.Diplomas[0].Nlqf"] = "",
            ["Input.Diplomas[1].Nlqf"] = "4",
            ["Input.Diplomas[2].Country"] = "Syrië",
        });

        Assert.Equal(HttpStatusCode.OK, bad.Status);
        Assert.Contains("een gewaardeerd diploma heeft een niveau", bad.Text, StringComparison.Ordinal);
        Assert.Contains("Een niveau hoort bij een gewaardeerd diploma", bad.Text, StringComparison.Ordinal);
        Assert.Contains("Vul in welke opleiding het is", bad.Text, StringComparison.Ordinal);
        // Beside their fields, and what was typed stays in the form.
        Assert.Contains("gewaardeerd diploma heeft een niveau", bad.Document.QuerySelector("#diploma-1-nlqf-fout")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Een niveau hoort bij", bad.Document.QuerySelector("#diploma-2-nlqf-fout")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("4", bad.Document.QuerySelector("#diploma-2-nlqf option[selected]")?.GetAttribute("value"));
        Assert.Equal("Syrië", bad.Document.QuerySelector("#diploma-3-land")!.GetAttribute("value"));
        var after = await fixture.DiplomasAsync(person);
        Assert.Equal(before.Select(d => (d.Name, d.Valuation, d.Nlqf)), after.Select(d => (d.Name, d.Valuation, d.Nlqf)));
        Assert.Equal(6, after[0].Nlqf);

        // The plan asks for the valuation of the diploma not yet asked for, by its name.
        var plan = (await caseManager.GetAsync($"/dossiers/{person}/plan")).Document.QuerySelector("[data-testid=werk-suggesties]")!.TextContent;
        Assert.Contains("Diplomawaardering aanvragen bij IDW voor Diploma middelbare school", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("voor Bachelor pedagogiek", plan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_form_loaded_before_someone_else_saved_is_refused_and_keeps_the_input()
    {
        var person = await fixture.PersonWithPrimarySchoolAsync();
        using var first = await SignedInAsync();
        using var second = await SignedInAsync();
        var education = $"/dossiers/{person}/intake/opleiding";
        var loaded = await first.GetAsync(education);

        Assert.Equal(HttpStatusCode.Redirect, (await second.SubmitAsync(education, Form, new Dictionary<string, string>
        {
            ["Input.Diplomas[0].Name"] = "Bachelor pedagogiek",
            ["Input.Diplomas[0].Valuation"] = nameof(DiplomaValuation.Applied),
        })).Status);
        var stale = await first.PostFormAsync(loaded, Form, new Dictionary<string, string>
        {
            ["Input.Diplomas[0].Name"] = "Master onderwijskunde",
            ["Input.Diplomas[0].Valuation"] = nameof(DiplomaValuation.Valued),
            ["Input.Diplomas[0].Nlqf"] = "7",
        });

        Assert.Equal(HttpStatusCode.OK, stale.Status);
        Assert.Contains("intussen opgeslagen", stale.Text, StringComparison.Ordinal);
        Assert.Equal("Master onderwijskunde", stale.Document.QuerySelector("#diploma-1-naam")!.GetAttribute("value"));
        var kept = Assert.Single(await fixture.DiplomasAsync(person));
        Assert.Equal(("Bachelor pedagogiek", DiplomaValuation.Applied), (kept.Name, kept.Valuation));
    }

    private async Task<ThuisClient> SignedInAsync()
    {
        var client = new ThuisClient(fixture.App);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(CaseManagerOfDalfsen, DemoData.Password)).Status);
        return client;
    }

    public sealed class DemoFixture : IAsyncLifetime
    {
        public ThuisAppFactory App { get; } = new("Development", new Dictionary<string, string?>
        {
            // Demo data belongs to the embedded database only, whatever provider the other tests run on.
            ["Database:Provider"] = "Sqlite",
            ["Database:ConnectionString"] = $"Data Source={Path.Combine(Path.GetTempPath(), "thuis-tests", $"diplomas-{Guid.NewGuid():N}.db")}",
            ["Demo:SeedOnFirstStart"] = "true",
        });

        public ValueTask InitializeAsync()
        {
            Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "thuis-tests"));
            App.StartServer();
            return ValueTask.CompletedTask;
        }

        public async ValueTask DisposeAsync() => await App.DisposeAsync();

        /// <summary>A new person in Dalfsen who speaks Dutch at A2 and went to primary school only: the lowest level, whatever else.</summary>
        public async Task<Guid> PersonWithPrimarySchoolAsync()
        {
            await using var scope = App.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var dalfsen = await db.Municipalities.SingleAsync(m => m.Name == "Dalfsen");
            scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystemFor(dalfsen.Id);
            var person = People.Newcomer(dalfsen.Id, "Test", $"Diploma{Guid.NewGuid():N}"[..14], new DateOnly(1990, 1, 1));
            db.Newcomers.Add(person);
            var languages = new LanguagesSection(person.Id, dalfsen.Id);
            languages.Update([new LanguageSkill { Language = "Nederlands", Listening = CefrLevel.A2, Reading = CefrLevel.A2, Speaking = CefrLevel.A2, Writing = CefrLevel.A2 }], Literacy.Literate);
            languages.MarkRecorded("test", DateTimeOffset.UtcNow);
            var education = new EducationSection(person.Id, dalfsen.Id);
            education.Update(EducationLevel.Primary, null, 6, []);
            education.MarkRecorded("test", DateTimeOffset.UtcNow);
            db.AddRange(languages, education);
            await db.SaveChangesAsync();
            return person.Id;
        }

        public async Task<List<Diploma>> DiplomasAsync(Guid person)
        {
            await using var scope = App.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var newcomer = await db.Newcomers.IgnoreQueryFilters().SingleAsync(n => n.Id == person);
            scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystemFor(newcomer.MunicipalityId);
            return (await db.Set<EducationSection>().AsNoTracking().SingleAsync(s => s.NewcomerId == person)).Diplomas;
        }
    }
}
