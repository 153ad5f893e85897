using System.Net;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Thuis.Web.Data;
using Thuis.Web.Features.Dossiers;
using Thuis.Web.Features.Intake;
using Thuis.Web.Features.Organisations;
using Thuis.Web.Features.Referrals;
using Thuis.Web.Features.Reports;
using Thuis.Web.Features.SocialMap;
using Thuis.Web.Features.Work;
using Thuis.Web.Platform.Security;
using Thuis.Web.Tests.Infrastructure;
using static Thuis.Web.Tests.Infrastructure.ReportTablePage;
using SkillLevel = Thuis.Matching.SkillLevel;

namespace Thuis.Web.Tests;

/// <summary>
/// The report's work section on four people housed in the first quarter of 2026, "today" being 10 April 2027:
/// <code>
///     housed       job coach                 application (employer)           level person/job  outcome                      benefit
/// A  10 Jan 2026   Els (vrijwilliger)         1 Mar, Bakkerij                  2 / 2             hired 1 Apr 2026, working    partly
/// B   1 Feb 2026   Piet (professional)        1 May, Zorggroep                 4 / 2 (below)     hired 15 Jun 2026, working   fully
/// C   1 Mar 2026   Els (vrijwilliger)         1 Jun, Bakkerij                  3 / 3             hired 1 Jul, left 1 Nov 2026 continues
/// D  15 Mar 2026   –                          1 Aug, Zorggroep                 –                 not hired 20 Aug 2026        –
///                                             1 Sep, Bakkerij (an internship)  2 / 1             hired 15 Sep 2026: not a job, never counted
/// </code>
/// The other municipality has one hire of its own, coached by someone of the same name, which Raalte never counts.
/// </summary>
public sealed class WorkOutcomesTests
{
    private static readonly DateOnly Today = new(2027, 4, 10);

    [Fact]
    public async Task The_work_section_counts_every_outcome_per_cohort_employer_and_job_coach_and_the_exports_hold_the_same()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(Today, new TimeOnly(9, 0), TimeSpan.Zero));
        await using var app = new ThuisAppFactory { ConfigureTestServices = s => s.AddSingleton<TimeProvider>(clock) };
        var world = await TestWorld.SeedAsync(app);
        var raalte = await world.AddMunicipalityAsync("Raalte");
        await SeedAsync(app, raalte);
        await SeedOtherAsync(app, world.B);

        using var coordinator = new ThuisClient(app);
        await coordinator.SignInOrFailAsync(await world.CreateUserAsync(raalte, Roles.Coordinator));
        var page = await coordinator.GetAsync("/rapportages");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.NotNull(page.Document.QuerySelector("section[data-testid='werk'] h2#werk"));

        var work = Table(page, ReportTables.Work);
        // Columns: count, out of, %, median days from housing. Days from housing to the first job: A 81, B 134, C 122 → 122.
        Assert.Equal(["3", "4", "75%", "122"], work[WorkLines.Hired]);
        Assert.Equal(["2", "4", "50%", "–"], work[WorkLines.Working]); // A and B; C left
        // The latest job of those hired: A 2/2 and C 3/3 at level; B 4/2, two levels below.
        Assert.Equal(["2", "3", "66,7%", "–"], work[WorkLines.AtLevel]);
        Assert.Equal(["1", "3", "33,3%", "–"], work[WorkLines.BelowLevel]);
        Assert.Equal(["0", "3", "0%", "–"], work[WorkLines.LevelUnknown]);
        // Six months after the first job: A 1 Oct 2026, B 15 Dec 2026, C 1 Jan 2027, all passed; C left on 1 Nov.
        Assert.Equal(["2", "3", "66,7%", "–"], work[WorkLines.StillAtSix]);
        // Twelve months: only A's (1 Apr 2027) has passed, and A still works.
        Assert.Equal(["1", "1", "100%", "–"], work[WorkLines.StillAtTwelve]);
        // Of the two working now: A partly, B fully off the benefit.
        Assert.Equal(["1", "2", "50%", "–"], work[WorkLines.PartlyOffBenefit]);
        Assert.Equal(["1", "2", "50%", "–"], work[WorkLines.FullyOffBenefit]);
        Assert.Equal(9, work.Count);

        var employers = Table(page, ReportTables.WorkPerEmployer);
        // Applications, hired, at level, below, % below, hired 6 months ago or more, still working 6 months later.
        Assert.Equal(["2", "2", "2", "0", "0%", "2", "1"], employers["Bakkerij Raalte"]); // A and C; D's internship is not a job
        Assert.Equal(["2", "1", "0", "1", "100%", "1", "1"], employers["Zorggroep Raalte"]); // B hired, D not
        Assert.Equal(["Bakkerij Raalte", "Zorggroep Raalte"], employers.Keys);

        var coaches = Table(page, ReportTables.WorkPerJobCoach);
        // People, applications, hired, at level.
        Assert.Equal(["2", "2", "2", "2"], coaches["Els de Vries (vrijwilliger, VluchtelingenWerk)"]);
        Assert.Equal(["1", "1", "1", "0"], coaches["Piet Jansen (professional, Werkplein Raalte)"]);
        Assert.Equal(2, coaches.Count);

        // The chart writes the same shares.
        var chart = page.Document.QuerySelector("section[data-testid='werk'] .thuis-chart__plot")!.TextContent;
        Assert.Contains("laatste baan onder eigen niveau: 1 van 3 (33,3%)", chart, StringComparison.Ordinal);
        var definitions = page.Document.QuerySelectorAll("#hoe-tellen-we ~ dl dt").Select(dt => dt.TextContent.Trim()).ToList();
        Assert.Contains("Op eigen niveau of eronder", definitions);
        Assert.Contains("Werkt na 6 en 12 maanden nog", definitions);

        // A month: January 2026 is A alone.
        var january = Table(await coordinator.GetAsync("/rapportages?cohort=2026-01"), ReportTables.Work);
        Assert.Equal(["1", "1", "100%", "81"], january[WorkLines.Hired]);
        Assert.Equal(["1", "1", "100%", "–"], january[WorkLines.AtLevel]);

        // The CSV of the table per employer: the same figures, Dutch style.
        var csv = await coordinator.Http.GetAsync(ReportsSetup.CsvAddress(Cohort.Everyone, ReportTables.WorkPerEmployer));
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("rapportage-werk-per-werkgever-alle-2027-04-10.csv", csv.Content.Headers.ContentDisposition?.FileName);
        var lines = Encoding.UTF8.GetString((await csv.Content.ReadAsByteArrayAsync())[3..]).Split("\r\n");
        Assert.Equal("Werkgever;sollicitaties;aangenomen;op eigen niveau;onder eigen niveau;% onder eigen niveau;6 maanden of langer geleden aangenomen;werkt na 6 maanden nog", lines[0]);
        Assert.Equal("Bakkerij Raalte;2;2;2;0;0;2;1", lines[1]);
        Assert.Equal("Zorggroep Raalte;2;1;0;1;100;1;1", lines[2]);
        var workCsv = Encoding.UTF8.GetString(await coordinator.Http.GetByteArrayAsync(ReportsSetup.CsvAddress(Cohort.Everyone, ReportTables.Work)));
        Assert.Contains($"{WorkLines.BelowLevel};1;3;33,3;\r\n", workCsv, StringComparison.Ordinal);
        Assert.Contains($"{WorkLines.Hired};3;4;75;122\r\n", workCsv, StringComparison.Ordinal);

        // The workbook: a sheet per work table, with real numbers.
        var workbook = Workbook(await coordinator.Http.GetByteArrayAsync(ReportsSetup.XlsxAddress(Cohort.Everyone)));
        Assert.Equal(["2", "2", "2", "0", "0", "2", "1"], workbook[ReportTables.WorkPerEmployer]["Bakkerij Raalte"]);
        Assert.Equal(["2", "1", "0", "1", "100", "1", "1"], workbook[ReportTables.WorkPerEmployer]["Zorggroep Raalte"]);
        Assert.Equal(["3", "4", "75", "122"], workbook[ReportTables.Work][WorkLines.Hired]);
        Assert.Equal(["1", "3", "33.3", ""], workbook[ReportTables.Work][WorkLines.BelowLevel]);
        Assert.Equal(["2", "2", "2", "2"], workbook[ReportTables.WorkPerJobCoach]["Els de Vries (vrijwilliger, VluchtelingenWerk)"]);

        // The other municipality sees its own hire only, and nothing of Raalte's.
        using var other = new ThuisClient(app);
        await other.SignInOrFailAsync(await world.CreateUserAsync(world.B, Roles.Coordinator));
        var theirs = await other.GetAsync("/rapportages");
        Assert.Equal(["1", "1", "100%", "–"], Table(theirs, ReportTables.Work)[WorkLines.Working]);
        Assert.Equal(["1", "1", "1", "1"], Table(theirs, ReportTables.WorkPerJobCoach)["Els de Vries (vrijwilliger, VluchtelingenWerk)"]);
        Assert.DoesNotContain("Raalte", theirs.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_hire_is_counted_with_the_rest_of_the_report_when_it_is_counted_again()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(Today, new TimeOnly(9, 0), TimeSpan.Zero));
        await using var app = new ThuisAppFactory { ConfigureTestServices = s => s.AddSingleton<TimeProvider>(clock) };
        var world = await TestWorld.SeedAsync(app);
        var raalte = await world.AddMunicipalityAsync("Raalte");
        await SeedAsync(app, raalte);
        using var coordinator = new ThuisClient(app);
        await coordinator.SignInOrFailAsync(await world.CreateUserAsync(raalte, Roles.Coordinator));
        Assert.Equal("3", Table(await coordinator.GetAsync("/rapportages"), ReportTables.Work)[WorkLines.Hired][0]);

        // D is hired on 9 April 2027; the kept figures stand until the report is counted again, then all of them move.
        await Infrastructure.Groups.ReadAsync(app, raalte, async db =>
        {
            var d = await db.Newcomers.SingleAsync(n => n.GivenNames == "D");
            var offer = await db.Offers.SingleAsync(o => o.Title == "Verzorgende");
            var application = Apply(db, d, offer, Today.AddDays(-20));
            application.RecordHire(Today.AddDays(-1), new Hire(ContractKind.Permanent, 32, BenefitAfterHire.Fully, SkillLevel.Two, SkillLevel.Two), null);
            return await db.SaveChangesAsync();
        });
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal("3", Table(await coordinator.GetAsync("/rapportages"), ReportTables.Work)[WorkLines.Hired][0]);
        clock.Advance(TimeSpan.FromMinutes(30));
        var page = await coordinator.GetAsync("/rapportages");
        Assert.Equal(["4", "4", "100%", "128"], Table(page, ReportTables.Work)[WorkLines.Hired]); // D: 390 days; median of 81, 122, 134, 390
        Assert.Equal(["2", "3", "66,7%", "–"], Table(page, ReportTables.Work)[WorkLines.FullyOffBenefit]);
        Assert.Equal("4", Table(page, ReportTables.Funnel)["gehuisvest"][0]);
    }

    /// <summary>Every sheet of the workbook by name, its rows below the header by their first cell, values as written.</summary>
    private static Dictionary<string, Dictionary<string, string[]>> Workbook(byte[] file)
    {
        using var stream = new MemoryStream(file);
        using var document = SpreadsheetDocument.Open(stream, false);
        var part = document.WorkbookPart!;
        var sheets = new Dictionary<string, Dictionary<string, string[]>>();
        foreach (var sheet in part.Workbook.Sheets!.Elements<Sheet>())
        {
            var rows = ((WorksheetPart)part.GetPartById(sheet.Id!)).Worksheet.Descendants<Row>().Skip(3)
                .Select(r => r.Elements<Cell>().Select(c => c.DataType?.Value == CellValues.InlineString ? c.InnerText : c.CellValue?.Text ?? "").ToArray());
            sheets[sheet.Name!] = rows.ToDictionary(r => r[0], r => r[1..]);
        }
        return sheets;
    }

    private static DateTimeOffset At(DateOnly day) => new(day, new TimeOnly(10, 0), TimeSpan.Zero);

    /// <summary>A yes to the vacancy, the consent to share the CV with the employer, and the application, all on one day.</summary>
    private static JobApplication Apply(AppDbContext db, Newcomer newcomer, Offer vacancy, DateOnly on)
    {
        var proposal = new Proposal(newcomer, TargetKind.Offer, vacancy.Id, vacancy.Title, vacancy.OrganisationId, null, "test", At(on), on);
        proposal.RecordAnswer(NewcomerAnswer.Yes, on, null);
        var consent = new Consent(proposal, "Cv delen met de werkgever", on, on.AddYears(1), "test");
        var application = new JobApplication(proposal, consent, vacancy, on, on);
        db.Proposals.Add(proposal);
        db.Consents.Add(consent);
        db.JobApplications.Add(application);
        return application;
    }

    private static Offer Vacancy(AppDbContext db, Organisation employer, OfferKind kind, string title)
    {
        var offer = new Offer(employer, new OfferDetails(kind, title, null, null, WeekGrid.Empty, null, 0, null,
            CefrLevel.None, false, [Features.Plans.ParticipationDomain.PaidWork], [], []));
        db.Offers.Add(offer);
        return offer;
    }

    private static Newcomer Person(AppDbContext db, TestMunicipality m, string name, DateOnly housed)
    {
        var newcomer = new Newcomer(m.Id,
            new PersonDetails(name, $"Werk {m.Name}", new DateOnly(1990, 1, 1), Gender.Unknown, "Syrië", null, null, null, null, false, null, null),
            new LegalFrame(TargetGroup.AsylumPermitHolder, new DateOnly(2025, 11, 1), housed, housed, null, null, null, null), At(housed));
        db.Newcomers.Add(newcomer);
        return newcomer;
    }

    private static async Task SeedAsync(ThuisAppFactory app, TestMunicipality m)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystemFor(m.Id);

        // The municipality's own test newcomer is taken out of every cohort: not housed yet.
        var seeded = await db.Newcomers.SingleAsync(n => n.Id == m.NewcomerId);
        seeded.UpdateLegalFrame(new LegalFrame(seeded.TargetGroup, seeded.PermitDate, seeded.RegistrationDate, null, null, null, null, null));

        var a = Person(db, m, "A", new DateOnly(2026, 1, 10));
        var b = Person(db, m, "B", new DateOnly(2026, 2, 1));
        var c = Person(db, m, "C", new DateOnly(2026, 3, 1));
        var d = Person(db, m, "D", new DateOnly(2026, 3, 15));

        var bakery = new Organisation(m.Id, $"Bakkerij {m.Name}", isPartner: true);
        var care = new Organisation(m.Id, $"Zorggroep {m.Name}", isPartner: true);
        db.Organisations.AddRange(bakery, care);
        var baker = Vacancy(db, bakery, OfferKind.Job, "Bakker");
        var traineeBaker = Vacancy(db, bakery, OfferKind.Internship, "Stage bakkerij");
        var carer = Vacancy(db, care, OfferKind.Job, "Verzorgende");

        Apply(db, a, baker, new DateOnly(2026, 3, 1))
            .RecordHire(new DateOnly(2026, 4, 1), new Hire(ContractKind.Temporary, 24, BenefitAfterHire.Partly, SkillLevel.Two, SkillLevel.Two), null);
        Apply(db, b, carer, new DateOnly(2026, 5, 1))
            .RecordHire(new DateOnly(2026, 6, 15), new Hire(ContractKind.Permanent, 36, BenefitAfterHire.Fully, SkillLevel.Four, SkillLevel.Two), null);
        var left = Apply(db, c, baker, new DateOnly(2026, 6, 1));
        left.RecordHire(new DateOnly(2026, 7, 1), new Hire(ContractKind.Agency, 20, BenefitAfterHire.Continues, SkillLevel.Three, SkillLevel.Three), null);
        left.RecordLeft(new DateOnly(2026, 11, 1), "Contract niet verlengd");
        Apply(db, d, carer, new DateOnly(2026, 8, 1)).RecordNotHired(new DateOnly(2026, 8, 20), "Te weinig Nederlands voor de cliënten");
        Apply(db, d, traineeBaker, new DateOnly(2026, 9, 1))
            .RecordHire(new DateOnly(2026, 9, 15), new Hire(ContractKind.Temporary, 16, BenefitAfterHire.Continues, SkillLevel.Two, SkillLevel.One), null);

        var els = new JobCoachDetails(JobCoachKind.Volunteer, "Els de Vries", "VluchtelingenWerk", new DateOnly(2026, 2, 1));
        db.JobCoaches.AddRange(new JobCoach(a, els), new JobCoach(c, els),
            new JobCoach(b, new JobCoachDetails(JobCoachKind.Professional, "Piet Jansen", $"Werkplein {m.Name}", new DateOnly(2026, 3, 1))));
        await db.SaveChangesAsync();
    }

    /// <summary>The other municipality's person is hired too, at a bakery of its own, coached by an Els de Vries of its own.</summary>
    private static async Task SeedOtherAsync(ThuisAppFactory app, TestMunicipality m)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystemFor(m.Id);
        var person = await db.Newcomers.SingleAsync(n => n.Id == m.NewcomerId);
        var employer = new Organisation(m.Id, $"Bakkerij {m.Name}", isPartner: true);
        db.Organisations.Add(employer);
        Apply(db, person, Vacancy(db, employer, OfferKind.Job, "Bakker"), new DateOnly(2026, 9, 1))
            .RecordHire(new DateOnly(2026, 10, 1), new Hire(ContractKind.Temporary, 24, BenefitAfterHire.Partly, SkillLevel.Two, SkillLevel.Two), null);
        db.JobCoaches.Add(new JobCoach(person, new JobCoachDetails(JobCoachKind.Volunteer, "Els de Vries", "VluchtelingenWerk", new DateOnly(2026, 8, 1))));
        await db.SaveChangesAsync();
    }
}
