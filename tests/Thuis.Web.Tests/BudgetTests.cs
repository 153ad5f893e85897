using System.Net;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Thuis.Web.Data;
using Thuis.Web.Features.Costs;
using Thuis.Web.Features.Dossiers;
using Thuis.Web.Features.Intake;
using Thuis.Web.Features.Organisations;
using Thuis.Web.Features.Plans;
using Thuis.Web.Features.Referrals;
using Thuis.Web.Features.SocialMap;
using Thuis.Web.Features.Trajectories;
using Thuis.Web.Platform.Auditing;
using Thuis.Web.Platform.Security;
using Thuis.Web.Tests.Infrastructure;
using static Thuis.Web.Tests.Infrastructure.ReportTablePage;

namespace Thuis.Web.Tests;

/// <summary>
/// The budget page on a hand-built municipality, through the real app: the costs follow enrolments, attendance,
/// sessions and a referral; per month spent, committed and forecast; cost against result; per person against the
/// norm; the exports hold the same figures; another municipality's costs are not counted; only the coordinator gets in.
/// </summary>
public sealed class BudgetTests
{
    private static readonly DateOnly Today = new(2027, 4, 10);

    private static DateTimeOffset At(DateOnly day) => new(day, new TimeOnly(10, 0), TimeSpan.Zero);

    private static ThuisAppFactory App() =>
        new() { ConfigureTestServices = s => s.AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(Today, new TimeOnly(9, 0), TimeSpan.Zero))) };

    [Fact]
    public async Task The_budget_page_counts_a_hand_built_group_and_offer_per_month_per_person_and_against_result_and_the_exports_agree()
    {
        await using var app = App();
        var world = await TestWorld.SeedAsync(app);
        var raalte = await world.AddMunicipalityAsync("Raalte");
        var heino = await world.AddMunicipalityAsync("Heino");
        var amal = await SeedAsync(app, raalte, 1000.00m);
        await SeedAsync(app, heino, 7777.00m);
        using var coordinator = new ThuisClient(app);
        await coordinator.SignInOrFailAsync(await world.CreateUserAsync(raalte, Roles.Coordinator));
        await SetBudgetAsync(coordinator, 2027, new() { ["Input.StateContribution"] = "5000.00", ["Input.Lessons"] = "4000.00", ["Input.B1"] = "800.00" });

        var page = await coordinator.GetAsync(CostsSetup.Address(2027));
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.NotNull(page.Document.QuerySelector("figure.thuis-chart"));

        // Spent: interpreters 1,5 × € 65,50 = € 98,25 on 2 February and 2 × € 65,50 = € 131,00 on 9 April. Committed: Carla's
        // enrolment of 15 March (€ 1.000), the interpreter of today (€ 131,00) and childcare tomorrow (€ 45,00). Run rate:
        // € 98,25 in January to March = € 32,75 for each month after April.
        var months = Table(page, BudgetTables.Months);
        Assert.Equal(["€ 0,00", "€ 0,00", "€ 0,00"], months["januari 2027"]);
        Assert.Equal(["€ 98,25", "€ 0,00", "€ 98,25"], months["februari 2027"]);
        Assert.Equal(["€ 0,00", "€ 1.000,00", "€ 1.000,00"], months["maart 2027"]);
        Assert.Equal(["€ 131,00", "€ 176,00", "€ 307,00"], months["april 2027"]);
        Assert.Equal(["€ 0,00", "€ 0,00", "€ 32,75"], months["mei 2027"]);
        Assert.Equal(["€ 0,00", "€ 0,00", "€ 32,75"], months["december 2027"]);
        Assert.Equal("Uitgegeven € 229,25, verplicht € 1.176,00, prognose € 1.667,25.", Text(page, "jaartotalen"));

        // Three started (Amal, Bilal, Daan) at € 1.000 each; three months have passed for all three; Amal and Daan still go.
        var result = Table(page, BudgetTables.PerSource);
        Assert.Equal(["3", "€ 3.000,00", "€ 1.000,00", "3", "2", "€ 1.500,00", "€ 229,25"], result["Taalcursus prijs Raalte (Taalschool Raalte)"]);
        Assert.Equal(["1", "€ 150,00", "€ 150,00", "1", "1", "€ 150,00", "€ 0,00"], result["Zwemles Raalte (Zwemclub Raalte)"]);
        Assert.DoesNotContain(result.Keys, k => k.Contains("Heino", StringComparison.Ordinal));
        Assert.DoesNotContain("7.777", page.Text, StringComparison.Ordinal);

        // Amal on the B1-route: € 1.000 against a norm of € 800, first in the table and a link to her dossier.
        var firstPerson = page.Document.QuerySelector($"[data-testid='tabel-{BudgetTables.People}'] tbody tr")!;
        Assert.Equal("Amal Kosten (B1-route)", firstPerson.QuerySelector("th")!.TextContent.Trim());
        Assert.Equal($"/dossiers/{amal}", firstPerson.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal(["€ 800,00", "€ 1.000,00", "€ 200,00"], firstPerson.QuerySelectorAll("td").Select(c => c.TextContent.Trim()));
        var views = await Infrastructure.Groups.ReadAsync(app, raalte, db => db.AuditEntries
            .Where(a => a.MunicipalityId == raalte.Id && a.Action == AuditAction.View && a.ObjectType == nameof(CostLine)).Select(a => a.PersonId).ToListAsync());
        Assert.Contains(amal, views);
        Assert.Equal(5, views.Distinct().Count());

        var categories = Table(page, BudgetTables.Categories);
        Assert.Equal(["€ 4.000,00", "€ 0,00", "€ 1.000,00", "€ 3.000,00"], categories["lessen"]);
        Assert.Equal(["€ 0,00", "€ 229,25", "€ 131,00", "-€ 360,25"], categories["tolk"]);

        // 2026: the three first presences and the offer's start in December.
        var lastYear = Table(await coordinator.GetAsync(CostsSetup.Address(2026)), BudgetTables.Months);
        Assert.Equal(["€ 3.150,00", "€ 0,00", "€ 3.150,00"], lastYear["december 2026"]);

        // The CSV and the workbook hold the same figures.
        var csv = Encoding.UTF8.GetString(await coordinator.Http.GetByteArrayAsync(CostsSetup.CsvAddress(2027, BudgetTables.Months)));
        Assert.Contains("april 2027;131,00;176,00;307,00", csv, StringComparison.Ordinal);
        var resultCsv = Encoding.UTF8.GetString(await coordinator.Http.GetByteArrayAsync(CostsSetup.CsvAddress(2027, BudgetTables.PerSource)));
        Assert.Contains("Taalcursus prijs Raalte (Taalschool Raalte);3;3000,00;1000,00;3;2;1500,00;229,25", resultCsv, StringComparison.Ordinal);
        var workbook = Workbook(await coordinator.Http.GetByteArrayAsync(CostsSetup.XlsxAddress(2027)));
        Assert.Equal(["131", "176", "307"], workbook[BudgetTables.Months]["april 2027"]);
        Assert.Equal(["800", "1000", "200"], workbook[BudgetTables.People]["Amal Kosten (B1-route)"]);
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.Http.GetAsync(CostsSetup.CsvAddress(2027, "onbekend"))).StatusCode);
    }

    [Fact]
    public async Task A_coordinator_sets_a_budget_after_bad_input_shown_beside_each_field_and_sees_it_on_the_page()
    {
        await using var app = App();
        var world = await TestWorld.SeedAsync(app);
        var olst = await world.AddMunicipalityAsync("Olst");
        using var coordinator = new ThuisClient(app);
        await coordinator.SignInOrFailAsync(await world.CreateUserAsync(olst, Roles.Coordinator));

        var empty = await coordinator.GetAsync(CostsSetup.Address(2027));
        Assert.Equal("Voor 2027 is nog geen begroting vastgelegd. De kosten hieronder tellen wel al.", Text(empty, "geen-begroting"));

        var bad = await coordinator.SubmitAsync(CostsSetup.EditAddress(2027), "begroting", new Dictionary<string, string>
        {
            ["Input.StateContribution"] = "-5",
            ["Input.OwnFunds"] = "100.005",
            ["Input.B1"] = "200000",
        });
        Assert.Equal(HttpStatusCode.OK, bad.Status);
        Assert.Equal(3, bad.Document.QuerySelectorAll(".thuis-error-summary li").Length);
        Assert.Contains("negatief", bad.Document.QuerySelector("#rijksbijdrage-fout")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("hele centen", bad.Document.QuerySelector("#eigen-middelen-fout")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("€ 100.000,00", bad.Document.QuerySelector("#norm-b1-fout")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("-5", bad.Document.QuerySelector("#rijksbijdrage")!.GetAttribute("value"));

        var over = await coordinator.SubmitAsync(CostsSetup.EditAddress(2027), "begroting", new Dictionary<string, string>
        {
            ["Input.StateContribution"] = "1000",
            ["Input.Pvt"] = "1500",
        });
        Assert.Contains("Er is € 1.500,00 verdeeld over de categorieën, meer dan de begroting van € 1.000,00.",
            over.Document.QuerySelector("#verdeling-fout")!.TextContent, StringComparison.Ordinal);
        Assert.Null(await Infrastructure.Groups.ReadAsync(app, olst, db => db.Budgets.SingleOrDefaultAsync(b => b.Year == 2027)));

        var saved = await SetBudgetAsync(coordinator, 2027, new()
        {
            ["Input.StateContribution"] = "120000.50",
            ["Input.SocialGuidance"] = "30000",
            ["Input.OwnFunds"] = "40000",
            ["Input.Pvt"] = "90000",
        });
        Assert.Contains("De begroting is opgeslagen.", saved.Text, StringComparison.Ordinal);
        Assert.Contains("€ 190.000,50", saved.Document.QuerySelector("[data-testid='bronnen']")!.TextContent, StringComparison.Ordinal);
        var budget = await Infrastructure.Groups.ReadAsync(app, olst, db => db.Budgets.SingleAsync(b => b.Year == 2027));
        Assert.Equal((120000.50m, 30000m, 40000m, 90000m), (budget.StateContribution, budget.SocialGuidance, budget.OwnFunds, budget.ForPvt));
    }

    [Theory]
    [InlineData(Roles.PartnerWorker)]
    [InlineData(Roles.VolunteerCoordinator)]
    [InlineData(Roles.CaseManager)]
    public async Task Only_the_coordinator_opens_the_budget_and_its_exports(string role)
    {
        await using var app = App();
        var world = await TestWorld.SeedAsync(app);
        using var other = new ThuisClient(app);
        await other.SignInOrFailAsync(await world.CreateUserAsync(world.A, role));

        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync(CostsSetup.Address(2027))).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync(CostsSetup.EditAddress(2027))).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.Http.GetAsync(CostsSetup.XlsxAddress(2027))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.Http.GetAsync(CostsSetup.CsvAddress(2027, BudgetTables.Months))).StatusCode);
        Assert.DoesNotContain("/begroting", (await other.GetAsync("/")).Document.QuerySelector("nav.thuis-nav")!.InnerHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_groups_prices_and_a_sessions_interpreter_are_checked_beside_their_fields_and_shown_on_the_group()
    {
        await using var app = App();
        var world = await TestWorld.SeedAsync(app);
        var wijhe = await world.AddMunicipalityAsync("Wijhe");
        using var coordinator = new ThuisClient(app);
        await coordinator.SignInOrFailAsync(await world.CreateUserAsync(wijhe, Roles.Coordinator));
        var edit = $"/trajecten/{wijhe.GroupId}/bewerken";

        var bad = await coordinator.SubmitAsync(edit, "groep-wijzigen", new Dictionary<string, string>
        {
            ["Input.PricePerParticipant"] = "-1",
            ["Input.InterpreterRatePerHour"] = "65.555",
            ["Input.ChildcarePerSession"] = "3000",
        });
        Assert.Equal(3, bad.Document.QuerySelectorAll(".thuis-error-summary li").Length);
        Assert.Contains("negatief", bad.Document.QuerySelector("#prijs-deelnemer-fout")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("hele centen", bad.Document.QuerySelector("#tolktarief-fout")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("€ 2.000,00", bad.Document.QuerySelector("#kinderopvang-fout")!.TextContent, StringComparison.Ordinal);

        var saved = await coordinator.SubmitAsync(edit, "groep-wijzigen", new Dictionary<string, string>
        {
            ["Input.PricePerParticipant"] = "1250.50",
            ["Input.InterpreterRatePerHour"] = "65.50",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        var group = await coordinator.GetAsync($"/trajecten/{wijhe.GroupId}");
        Assert.Contains("€ 1.250,50", group.Text, StringComparison.Ordinal);
        Assert.Contains("€ 65,50", group.Text, StringComparison.Ordinal);

        var session = $"/trajecten/{wijhe.GroupId}/bijeenkomsten/{wijhe.SessionId}/bewerken";
        var tooLong = await coordinator.SubmitAsync(session, "bijeenkomst-wijzigen", new Dictionary<string, string> { ["Input.InterpreterHours"] = "13" });
        Assert.Contains("Vul 0 tot en met 12 tolkuren in.", tooLong.Document.QuerySelector("#tolkuren-fout")!.TextContent, StringComparison.Ordinal);
        var booked = await coordinator.SubmitAsync(session, "bijeenkomst-wijzigen", new Dictionary<string, string>
        {
            ["Input.InterpreterHours"] = "1.5",
            ["Input.ChildcareArranged"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, booked.Status);
        var stored = await Infrastructure.Groups.ReadAsync(app, wijhe, db => db.Sessions.SingleAsync(s => s.Id == wijhe.SessionId));
        Assert.Equal((1.5m, true), (stored.InterpreterHours, stored.ChildcareArranged));
    }

    private static async Task<ThuisClient.Page> SetBudgetAsync(ThuisClient coordinator, int year, Dictionary<string, string> fields)
    {
        var saved = await coordinator.SubmitAsync(CostsSetup.EditAddress(year), "begroting", fields);
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        return await coordinator.GetAsync(saved.Location!);
    }

    /// <summary>
    /// A group at the price given with four people (Amal and Daan come and stay, Bilal comes once and is unenrolled a
    /// month later, Carla is enrolled on 15 March and has not come), sessions with interpreters and childcare, and a
    /// swimming course of € 150 whose referral started in December and still runs. Amal has a plan on the B1-route.
    /// </summary>
    private static async Task<Guid> SeedAsync(ThuisAppFactory app, TestMunicipality m, decimal price)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystemFor(m.Id);
        Newcomer Person(string name)
        {
            var newcomer = People.Newcomer(m.Id, name, "Kosten", new DateOnly(1990, 1, 1));
            db.Newcomers.Add(newcomer);
            return newcomer;
        }
        var (amal, bilal, carla, daan, eva) = (Person("Amal"), Person("Bilal"), Person("Carla"), Person("Daan"), Person("Eva"));

        var start = new DateOnly(2026, 12, 1);
        var group = new CourseGroup(m.Id, new CourseGroupDetails(CourseKind.LanguageCourse, $"Taalcursus prijs {m.Name}", $"Taalschool {m.Name}", null, start, null));
        group.SetPrices(new CoursePrices(price, 65.50m, 45.00m));
        db.CourseGroups.Add(group);
        Session Plan(DateOnly on, decimal? interpreter = null, bool childcare = false)
        {
            var session = new Session(group, new SessionDetails(on, new TimeOnly(9, 0), new TimeOnly(11, 0), SessionKind.LanguageLesson, null, null));
            session.ArrangeSupport(interpreter, childcare);
            db.Sessions.Add(session);
            return session;
        }
        var first = Plan(start);
        var february = Plan(new DateOnly(2027, 2, 2), interpreter: 1.5m);
        var march = Plan(new DateOnly(2027, 3, 2));
        Plan(new DateOnly(2027, 4, 9), interpreter: 2m);
        Plan(Today, interpreter: 2m);
        Plan(Today.AddDays(1), childcare: true);
        Enrolment Enrol(Newcomer n, DateOnly since)
        {
            var enrolment = new Enrolment(group, n.Id, m.Id, since, "test", At(since));
            db.Enrolments.Add(enrolment);
            return enrolment;
        }
        var (ea, eb, ed) = (Enrol(amal, start), Enrol(bilal, start), Enrol(daan, start));
        Enrol(carla, new DateOnly(2027, 3, 15));
        foreach (var session in new[] { first, february, march })
        {
            session.RecordAttendance(ea, amal.Id, Attendance.Present, "test", At(session.Date));
            session.RecordAttendance(ed, daan.Id, Attendance.Present, "test", At(session.Date));
        }
        first.RecordAttendance(eb, bilal.Id, Attendance.Present, "test", At(first.Date));
        await db.SaveChangesAsync();
        db.Enrolments.Remove(eb);

        var plan = IntegrationPlan.FirstDraft(amal, "test", At(start));
        plan.Revise(new PlanTerms(LearningRoute.B1, MainGoal.Work, null, null, null, null, null, null, null, null, null, null),
            new Dictionary<ParticipationDomain, string>(), [], start);
        db.IntegrationPlans.Add(plan);

        var club = new Organisation(m.Id, $"Zwemclub {m.Name}", isPartner: true);
        db.Organisations.Add(club);
        var swimming = new Offer(club, new OfferDetails(OfferKind.Activity, $"Zwemles {m.Name}", null, null, WeekGrid.Empty, null, 150.00m, null,
            CefrLevel.None, true, [ParticipationDomain.Meeting], [], []));
        db.Offers.Add(swimming);
        var proposal = new Proposal(eva, TargetKind.Offer, swimming.Id, swimming.Title, club.Id, null, "test", At(new DateOnly(2026, 12, 5)), new DateOnly(2026, 12, 5));
        proposal.RecordAnswer(NewcomerAnswer.Yes, new DateOnly(2026, 12, 5), null);
        db.Proposals.Add(proposal);
        var consent = new Consent(proposal, "Doorverwijzen", new DateOnly(2026, 12, 5), new DateOnly(2027, 12, 5), "test");
        var referral = new Referral(proposal, consent, club, null, new DateOnly(2026, 12, 5));
        db.Consents.Add(consent);
        db.Referrals.Add(referral);
        referral.Send(new DateOnly(2026, 12, 6));
        referral.Accept(new DateOnly(2026, 12, 10));
        referral.Start(new DateOnly(2026, 12, 15));
        await db.SaveChangesAsync();
        return amal.Id;
    }

    private static string Text(ThuisClient.Page page, string testId) =>
        page.Document.QuerySelector($"[data-testid='{testId}']")!.TextContent.Trim().ReplaceLineEndings(" ").Replace("  ", " ", StringComparison.Ordinal);

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
}
