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
using Thuis.Web.Features.Milestones;
using Thuis.Web.Features.Organisations;
using Thuis.Web.Features.Plans;
using Thuis.Web.Features.Referrals;
using Thuis.Web.Features.Reports;
using Thuis.Web.Features.Signals;
using Thuis.Web.Features.SocialMap;
using Thuis.Web.Features.Trajectories;
using Thuis.Web.Platform.Security;
using Thuis.Web.Tests.Infrastructure;
using static Thuis.Web.Tests.Infrastructure.ReportTablePage;

namespace Thuis.Web.Tests;

/// <summary>
/// The coordinator's report on a small municipality built by hand, "today" being 10 April 2027. Six people housed in
/// two quarters of 2026, and one not yet housed who must never count:
/// <code>
///      housed      intake done  plan fixed        PVT started  PVT done  active (domain)                  occupation
/// P1  10 Jan 2026  9 Feb        11 Mar (v2: 1 Sep) 1 Jun       26 Jun    20 Mar step ontmoeten doing;     paid work 1 Oct
///                                                                        1 Oct job referral (betaald werk)
/// P2   1 Feb 2026  21 Feb       2 Apr             1 Jun        –         1 May step zelfredzaam done      –
/// P3  20 Mar 2026  9 Apr        –                 3 Jun        –         1 Aug volunteer referral         volunteer 1 Aug
///                                                                        (bijdragen + ontmoeten)
/// P4   5 Apr 2026  15 May       4 Jun             – (only absent)        step ontmoeten dropped           –
/// P5  15 May 2026  5 parts only 1 Jul             –            –         step planned                     –
/// P6  30 Jun 2026  –            –                 –            –         –                                –
/// </code>
/// Days are counted with DateOnly.DayNumber; the hand computation of every figure is written beside its assertion.
/// </summary>
public sealed class ReportTests
{
    private static readonly DateOnly Today = new(2027, 4, 10);

    private static readonly Dictionary<string, string> NoFields = [];

    [Fact]
    public async Task The_report_counts_every_figure_of_a_hand_built_municipality_and_the_cohort_filter_and_exports_agree()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(Today, new TimeOnly(9, 0), TimeSpan.Zero));
        await using var app = new ThuisAppFactory { ConfigureTestServices = s => s.AddSingleton<TimeProvider>(clock) };
        var (world, raalte) = await SeedWorldAsync(app, "Raalte");

        using var coordinator = new ThuisClient(app);
        await coordinator.SignInOrFailAsync(await world.CreateUserAsync(raalte, Roles.Coordinator));
        var page = await coordinator.GetAsync("/rapportages");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.StartsWith("Iedereen die gehuisvest is: 6 personen", Summary(page), StringComparison.Ordinal);

        var funnel = Table(page, ReportTables.Funnel);
        // Columns: count, % of the cohort of 6, median days since the previous step, median days since housing.
        Assert.Equal(["6", "100%", "–", "–"], funnel["gehuisvest"]);
        // Intake: P1 30, P2 20, P3 20, P4 40 days after housing → 4/6 = 66.7%; median of 20,20,30,40 = 25.
        Assert.Equal(["4", "66,7%", "25", "25"], funnel["intake afgerond"]);
        // Plan: P1, P2, P4, P5 → 66.7%. Since intake: P1 30, P2 40, P4 20 → 30. Since housing: 60, 60, 60, P5 47 → 60.
        Assert.Equal(["4", "66,7%", "30", "60"], funnel["plan vastgesteld"]);
        // PVT started: P1, P2 (1 Jun), P3 (3 Jun) → 50%. Since plan: P1 82, P2 60 → 71. Since housing: 142, 120, 75 → 120.
        Assert.Equal(["3", "50%", "71", "120"], funnel["PVT gestart"]);
        // PVT done: P1 only, 26 June: 25 days after starting, 167 after housing.
        Assert.Equal(["1", "16,7%", "25", "167"], funnel["PVT afgerond"]);
        // Active: P1 20 Mar, P2 1 May, P3 1 Aug → 50%. Since PVT done: P1 -98 (active before the PVT). Since housing: 69, 89, 134 → 89.
        Assert.Equal(["3", "50%", "-98", "89"], funnel["actief in een domein"]);
        // Occupation: P1 1 Oct, P3 1 Aug → 33.3%. Since active: P1 195, P3 0 → 97.5. Since housing: 264, 134 → 199.
        Assert.Equal(["2", "33,3%", "97,5", "199"], funnel["vrijwilligerswerk, opleiding of betaald werk"]);

        // The one negative median is explained under the table: P1 was active before finishing the PVT.
        Assert.Equal(["Actief in een domein: 1 persoon eerder dan ‘PVT afgerond’."],
            page.Document.QuerySelectorAll("[data-testid='eerder-bereikt'] li").Select(li => li.TextContent.Trim()));
        // Every step of the funnel says on the page how it is counted.
        var definitions = page.Document.QuerySelectorAll("#hoe-tellen-we ~ dl dt").Select(dt => dt.TextContent.Trim()).ToList();
        Assert.All(funnel.Keys, step => Assert.Contains(definitions, d => d.Equals(step, StringComparison.OrdinalIgnoreCase)
            || d.EndsWith(" " + step, StringComparison.OrdinalIgnoreCase)));
        Assert.Contains("Mediaan dagen", definitions);

        var domains = Table(page, ReportTables.Domains);
        Assert.Equal(["2", "33,3%"], domains["ontmoeten"]); // P1 step, P3 referral; P4's step was dropped, P5's only planned
        Assert.Equal(["0", "0%"], domains["voor anderen zorgen"]);
        Assert.Equal(["1", "16,7%"], domains["zelfredzaam zijn"]); // P2
        Assert.Equal(["0", "0%"], domains["financieel gezond zijn"]);
        Assert.Equal(["1", "16,7%"], domains["betaald werk"]); // P1's job; their planned work step does not count
        Assert.Equal(["1", "16,7%"], domains["bijdragen aan de samenleving"]); // P3
        var occupations = Table(page, ReportTables.Occupations);
        Assert.Equal(["1", "16,7%"], occupations["vrijwilligerswerk"]);
        Assert.Equal(["0", "0%"], occupations["opleiding"]);
        Assert.Equal(["1", "16,7%"], occupations["betaald werk"]);

        var attendance = Table(page, ReportTables.Attendance);
        // PVT: P1 present at 34, P2 at 33 and excused once, P3 2 unexcused and 1 present, P4 5 unexcused:
        // 76 recorded; 68 present = 89.5%, 1 excused = 1.3%, 7 unexcused = 9.2%.
        Assert.Equal(["76", "68", "89,5%", "1", "1,3%", "7", "9,2%"], attendance[CourseKind.Pvt.Dutch()]);
        // Language course: P5 present twice, P6 excused once and unexcused once.
        Assert.Equal(["4", "2", "50%", "1", "25%", "1", "25%"], attendance[CourseKind.LanguageCourse.Dutch()]);
        Assert.Equal(["0", "0", "–", "0", "–", "0", "–"], attendance[CourseKind.Map.Dutch()]);

        var matching = Table(page, ReportTables.Matching);
        // From a suggestion: P2 (no), P3 (started, still going), P4 (declined), P6 (not sent): 4 → 3 yes (75%) → 2 sent
        // (66.7%) → 1 started (50%) → 1 still going (100%). P7 is not housed and never counts.
        Assert.Equal(["4", "3", "75%", "2", "66,7%", "1", "50%", "1", "100%"], matching["vanuit een suggestie"]);
        // All: those and P1 (started) and P5 (no answer yet): 6 → 4 (66.7%) → 3 (75%) → 2 (66.7%) → 1 (50%).
        Assert.Equal(["6", "4", "66,7%", "3", "75%", "2", "66,7%", "1", "50%"], matching["alle voorstellen"]);

        var outcomes = Table(page, ReportTables.Outcomes);
        // 6 months: all six housed by 10 Oct 2026. Settled within 6 months: P1 (15 Mar), P5 (1 Aug, by 15 Nov); P2 settled
        // on 1 Sep, after its 6 months. Integrating: P1 on 1 Dec, after 6 months. Participating: P4 on 30 Sep, by 5 Oct.
        Assert.Equal(["6", "2", "33,3%", "0", "0%", "1", "16,7%"], outcomes["6 maanden"]);
        // 12 months: housed by 10 Apr 2026 are P1-P4. Settled P1, P2; integrating P1; participating P4.
        Assert.Equal(["4", "2", "50%", "1", "25%", "1", "25%"], outcomes["12 maanden"]);
        Assert.Equal(["0", "0", "–", "0", "–", "0", "–"], outcomes["18 maanden"]);

        var interventions = Table(page, ReportTables.Interventions);
        // Plans in force only: P1's version 2 (not its superseded version 1), P2, P4, P5.
        Assert.Equal(["2", "2", "1", "1", "0", "50%"], interventions["Taalcafé"]);
        Assert.Equal(["2", "2", "0", "0", "1", "0%"], interventions["Werkfit"]);
        Assert.Equal(2, interventions.Count);

        var organisations = Table(page, ReportTables.Organisations);
        // Sportclub: P3 (started, still going), P4 (sent, declined), P6 (not sent). Werkgever: P1 (started).
        Assert.Equal(["3", "2", "1", "1", "1", "0", "100%"], organisations["Sportclub Raalte"]);
        Assert.Equal(["1", "1", "1", "1", "0", "0", "0%"], organisations["Werkgever Raalte"]);

        var signals = Table(page, ReportTables.Signals);
        // Columns: open, acknowledged, snoozed, escalated, total. P4's resolved signal and P7 (not housed) do not count.
        Assert.Equal(["1", "0", "0", "1", "2"], signals[SignalKind.Attendance.Dutch()]);
        Assert.Equal(["0", "1", "1", "0", "2"], signals[SignalKind.Isolation.Dutch()]);
        Assert.Equal(["0", "0", "0", "0", "0"], signals[SignalKind.DebtsWithoutHelp.Dutch()]);
        Assert.Equal(Enum.GetValues<SignalKind>().Length, signals.Count);

        // First quarter of 2026: P1, P2, P3.
        var quarter = await coordinator.GetAsync("/rapportages?cohort=2026-K1");
        Assert.StartsWith("Gehuisvest in het 1e kwartaal van 2026: 3 personen", Summary(quarter), StringComparison.Ordinal);
        var quarterFunnel = Table(quarter, ReportTables.Funnel);
        Assert.Equal(["3", "100%", "20", "20"], quarterFunnel["intake afgerond"]); // 30, 20, 20
        Assert.Equal(["2", "66,7%", "35", "60"], quarterFunnel["plan vastgesteld"]); // since intake 30, 40
        Assert.Equal(["3", "100%", "71", "120"], quarterFunnel["PVT gestart"]);
        Assert.Equal(["1", "33,3%", "25", "167"], quarterFunnel["PVT afgerond"]);
        // PVT: 68 present, 1 excused, P3's 2 unexcused = 71: 95.8%, 1.4%, 2.8%. No language course in this quarter.
        var quarterAttendance = Table(quarter, ReportTables.Attendance);
        Assert.Equal(["71", "68", "95,8%", "1", "1,4%", "2", "2,8%"], quarterAttendance[CourseKind.Pvt.Dutch()]);
        Assert.Equal(["0", "0", "–", "0", "–", "0", "–"], quarterAttendance[CourseKind.LanguageCourse.Dutch()]);
        // P1 (all), P2 (suggestion, no), P3 (suggestion, still going).
        Assert.Equal(["2", "1", "50%", "1", "100%", "1", "100%", "1", "100%"], Table(quarter, ReportTables.Matching)["vanuit een suggestie"]);
        Assert.Equal(["3", "2", "66,7%", "2", "100%", "2", "100%", "1", "50%"], Table(quarter, ReportTables.Matching)["alle voorstellen"]);
        Assert.Equal(["0", "0", "1", "0", "1"], Table(quarter, ReportTables.Signals)[SignalKind.Isolation.Dutch()]);

        // A month: May 2026 is P5 alone, whose plan is fixed without an intake done, so no median.
        var may = Table(await coordinator.GetAsync("/rapportages?cohort=2026-05"), ReportTables.Funnel);
        Assert.Equal(["1", "100%", "–", "47"], may["plan vastgesteld"]);

        // The CSV of the funnel: byte order mark, semicolons, decimal comma, the same figures.
        var csv = await coordinator.Http.GetAsync(ReportsSetup.CsvAddress(Cohort.Everyone, ReportTables.Funnel));
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"rapportage-trechter-alle-2027-04-10.csv", csv.Content.Headers.ContentDisposition?.FileName);
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n");
        Assert.Equal("Stap;aantal;% van cohort;mediaan dagen sinds vorige stap;mediaan dagen sinds huisvesting", lines[0]);
        Assert.Equal("gehuisvest;6;100;;", lines[1]);
        Assert.Equal("intake afgerond;4;66,7;25;25", lines[2]);
        Assert.Equal("actief in een domein;3;50;-98;89", lines[6]);
        Assert.Equal("vrijwilligerswerk, opleiding of betaald werk;2;33,3;97,5;199", lines[7]);
        var attendanceCsv = Encoding.UTF8.GetString(await coordinator.Http.GetByteArrayAsync(ReportsSetup.CsvAddress(Cohort.Everyone, ReportTables.Attendance)));
        Assert.Contains($"{CourseKind.Pvt.Dutch()};76;68;89,5;1;1,3;7;9,2\r\n", attendanceCsv, StringComparison.Ordinal);
        var quarterCsv = Encoding.UTF8.GetString(await coordinator.Http.GetByteArrayAsync(ReportsSetup.CsvAddress(Cohort.Quarter(2026, 1), ReportTables.Matching)));
        Assert.Contains("alle voorstellen;3;2;66,7;2;100;2;100;1;50\r\n", quarterCsv, StringComparison.Ordinal);

        // The workbook: a sheet per table, with the same figures as numbers.
        var xlsx = await coordinator.Http.GetAsync(ReportsSetup.XlsxAddress(Cohort.Everyone));
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal("rapportage-alle-tabellen-alle-2027-04-10.xlsx", xlsx.Content.Headers.ContentDisposition?.FileName);
        var workbook = Workbook(await xlsx.Content.ReadAsByteArrayAsync());
        Assert.Equal([ReportTables.Funnel, ReportTables.Domains, ReportTables.Occupations, ReportTables.Attendance, ReportTables.Matching,
            ReportTables.Outcomes, ReportTables.Work, ReportTables.WorkPerEmployer, ReportTables.WorkPerJobCoach, ReportTables.Money, ReportTables.MoneyAmounts, ReportTables.Interventions, ReportTables.Organisations, ReportTables.Feedback, ReportTables.Signals], workbook.Keys);
        Assert.Equal(["4", "66.7", "25", "25"], workbook[ReportTables.Funnel]["intake afgerond"]);
        Assert.Equal(["2", "33.3", "97.5", "199"], workbook[ReportTables.Funnel]["vrijwilligerswerk, opleiding of betaald werk"]);
        Assert.Equal(["6", "100", "", ""], workbook[ReportTables.Funnel]["gehuisvest"]);
        Assert.Equal(["76", "68", "89.5", "1", "1.3", "7", "9.2"], workbook[ReportTables.Attendance][CourseKind.Pvt.Dutch()]);
        Assert.Equal(["6", "4", "66.7", "3", "75", "2", "66.7", "1", "50"], workbook[ReportTables.Matching]["alle voorstellen"]);
        Assert.Equal(["4", "2", "50", "1", "25", "1", "25"], workbook[ReportTables.Outcomes]["12 maanden"]);
        Assert.Equal(["3", "2", "1", "1", "1", "0", "100"], workbook[ReportTables.Organisations]["Sportclub Raalte"]);
        Assert.Equal(["1", "0", "0", "1", "2"], workbook[ReportTables.Signals][SignalKind.Attendance.Dutch()]);

        // Every view and export is recorded once as a report view: the page three times, three CSVs and the workbook.
        var audited = await ReportViewsAsync(app, raalte);
        Assert.Equal(7, audited);
    }

    [Fact]
    public async Task Someone_with_a_housing_date_still_to_come_is_in_no_cohort_until_that_day()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(Today, new TimeOnly(9, 0), TimeSpan.Zero));
        await using var app = new ThuisAppFactory { ConfigureTestServices = s => s.AddSingleton<TimeProvider>(clock) };
        var (world, raalte) = await SeedWorldAsync(app, "Raalte");
        // P9 gets a home on 30 April 2027, twenty days after "today".
        await HouseTodayAsync(app, raalte, "P9", "Cohort Raalte", 1992, Today.AddDays(20));
        using var coordinator = new ThuisClient(app);
        await coordinator.SignInOrFailAsync(await world.CreateUserAsync(raalte, Roles.Coordinator));

        var page = await coordinator.GetAsync("/rapportages");
        Assert.StartsWith("Iedereen die gehuisvest is: 6 personen", Summary(page), StringComparison.Ordinal);
        Assert.Equal("6", Table(page, ReportTables.Funnel)["gehuisvest"][0]);
        Assert.StartsWith("Gehuisvest in april 2027: 0 personen", Summary(await coordinator.GetAsync("/rapportages?cohort=2027-04")), StringComparison.Ordinal);
        var definition = page.Document.QuerySelector("#hoe-tellen-we ~ dl dd")!.TextContent;
        Assert.Contains("wie pas later een woning krijgt, telt nog niet mee", definition, StringComparison.Ordinal);

        // From the housing date on, P9 counts.
        clock.Advance(TimeSpan.FromDays(20));
        await coordinator.SignInOrFailAsync(await world.CreateUserAsync(raalte, Roles.Coordinator));
        Assert.StartsWith("Iedereen die gehuisvest is: 7 personen", Summary(await coordinator.GetAsync("/rapportages")), StringComparison.Ordinal);
        Assert.StartsWith("Gehuisvest in april 2027: 1 persoon", Summary(await coordinator.GetAsync("/rapportages?cohort=2027-04")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_report_is_counted_at_most_every_few_minutes_says_when_and_every_view_is_still_audited()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(Today, new TimeOnly(9, 0), TimeSpan.Zero));
        await using var app = new ThuisAppFactory { ConfigureTestServices = s => s.AddSingleton<TimeProvider>(clock) };
        var (world, raalte) = await SeedWorldAsync(app, "Raalte");
        using var coordinator = new ThuisClient(app);
        await coordinator.SignInOrFailAsync(await world.CreateUserAsync(raalte, Roles.Coordinator));

        var first = await coordinator.GetAsync("/rapportages");
        Assert.StartsWith("Iedereen die gehuisvest is: 6 personen", Summary(first), StringComparison.Ordinal);
        Assert.Contains("Geteld op 10 april 2027 11:00; de cijfers worden hoogstens elke 10 minuten opnieuw geteld.",
            first.Document.QuerySelector("[data-testid='geteld-om']")!.TextContent.Trim(), StringComparison.Ordinal);

        // Someone housed a moment later is counted the next time the report is counted, not at every view.
        await HouseTodayAsync(app, raalte, "P8", "Cohort Raalte", 1990);
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.StartsWith("Iedereen die gehuisvest is: 6 personen", Summary(await coordinator.GetAsync("/rapportages")), StringComparison.Ordinal);
        // Another cohort is counted on its own.
        Assert.StartsWith("Gehuisvest in april 2027: 1 persoon", Summary(await coordinator.GetAsync("/rapportages?cohort=2027-04")), StringComparison.Ordinal);

        clock.Advance(TimeSpan.FromDays(1));
        await coordinator.SignInOrFailAsync(await world.CreateUserAsync(raalte, Roles.Coordinator));
        Assert.StartsWith("Iedereen die gehuisvest is: 7 personen", Summary(await coordinator.GetAsync("/rapportages")), StringComparison.Ordinal);
        Assert.Equal(4, await ReportViewsAsync(app, raalte));
    }

    [Fact]
    public async Task Figures_counted_when_the_app_starts_are_ready_for_the_first_view_and_record_no_view()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(Today, new TimeOnly(9, 0), TimeSpan.Zero));
        await using var app = new ThuisAppFactory { ConfigureTestServices = s => s.AddSingleton<TimeProvider>(clock) };
        var (world, wijhe) = await SeedWorldAsync(app, "Wijhe");

        await app.Services.GetRequiredService<CountReportsAtStart>().RunOnceAsync(CancellationToken.None);
        Assert.Equal(0, await ReportViewsAsync(app, wijhe));

        // Five minutes later the coordinator opens the report: the figures counted at 11:00, at once.
        clock.Advance(TimeSpan.FromMinutes(5));
        using var coordinator = new ThuisClient(app);
        await coordinator.SignInOrFailAsync(await world.CreateUserAsync(wijhe, Roles.Coordinator));
        var page = await coordinator.GetAsync("/rapportages");
        Assert.StartsWith("Iedereen die gehuisvest is: 6 personen", Summary(page), StringComparison.Ordinal);
        Assert.Contains("Geteld op 10 april 2027 11:00", page.Document.QuerySelector("[data-testid='geteld-om']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(1, await ReportViewsAsync(app, wijhe));
    }

    [Fact]
    public async Task Figures_past_their_minutes_are_shown_at_once_and_counted_again_in_the_background()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(Today, new TimeOnly(9, 0), TimeSpan.Zero));
        await using var app = new ThuisAppFactory { ConfigureTestServices = s => s.AddSingleton<TimeProvider>(clock) };
        var (world, heino) = await SeedWorldAsync(app, "Heino");
        using var coordinator = new ThuisClient(app);
        await coordinator.SignInOrFailAsync(await world.CreateUserAsync(heino, Roles.Coordinator));
        Assert.StartsWith("Iedereen die gehuisvest is: 6 personen", Summary(await coordinator.GetAsync("/rapportages")), StringComparison.Ordinal);
        await HouseTodayAsync(app, heino, "P8", "Cohort Heino", 1990);

        // Eleven minutes on: the figures of 11:00 come at once, and a count starts behind them.
        clock.Advance(TimeSpan.FromMinutes(11));
        var stale = await coordinator.GetAsync("/rapportages");
        Assert.StartsWith("Iedereen die gehuisvest is: 6 personen", Summary(stale), StringComparison.Ordinal);
        Assert.Contains("Geteld op 10 april 2027 11:00", stale.Document.QuerySelector("[data-testid='geteld-om']")!.TextContent, StringComparison.Ordinal);

        // The background count finishes on its own; a later view shows it (at most thirty seconds of looking, for a busy machine).
        var fresh = stale;
        for (var attempt = 0; attempt < 300 && !Summary(fresh).StartsWith("Iedereen die gehuisvest is: 7", StringComparison.Ordinal); attempt++)
        {
            await Task.Delay(100);
            fresh = await coordinator.GetAsync("/rapportages");
        }
        Assert.StartsWith("Iedereen die gehuisvest is: 7 personen", Summary(fresh), StringComparison.Ordinal);
        Assert.Contains("Geteld op 10 april 2027 11:11", fresh.Document.QuerySelector("[data-testid='geteld-om']")!.TextContent, StringComparison.Ordinal);

        // Figures more than twice the minutes old are not shown: that view waits for a count of its own.
        await HouseTodayAsync(app, heino, "P9", "Cohort Heino", 1991);
        clock.Advance(TimeSpan.FromMinutes(21));
        var waited = await coordinator.GetAsync("/rapportages");
        Assert.StartsWith("Iedereen die gehuisvest is: 8 personen", Summary(waited), StringComparison.Ordinal);
        Assert.Contains("Geteld op 10 april 2027 11:32", waited.Document.QuerySelector("[data-testid='geteld-om']")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_municipality_sees_only_its_own_people_and_a_case_manager_may_not_see_the_report()
    {
        await using var app = new ThuisAppFactory();
        var world = await TestWorld.SeedAsync(app);
        var raalte = await world.AddMunicipalityAsync("Olst");
        await SeedAsync(app, raalte);

        // Zoetermeer has one person, housed 1 June 2026, with one proposal said yes to and its referral sent.
        using var other = new ThuisClient(app);
        await other.SignInOrFailAsync(await world.CreateUserAsync(world.B, Roles.Coordinator));
        var page = await other.GetAsync("/rapportages");
        Assert.StartsWith("Iedereen die gehuisvest is: 1 persoon", Summary(page), StringComparison.Ordinal);
        Assert.Equal(["1", "1", "100%", "1", "100%", "0", "0%", "0", "–"], Table(page, ReportTables.Matching)["alle voorstellen"]);
        Assert.Equal(["0", "0", "–", "0", "–", "0", "–"], Table(page, ReportTables.Attendance)[CourseKind.Pvt.Dutch()]);
        Assert.DoesNotContain("Sportclub", page.Text, StringComparison.Ordinal);
        var workbook = Workbook(await other.Http.GetByteArrayAsync(ReportsSetup.XlsxAddress(Cohort.Everyone)));
        Assert.Equal(["1", "100", "", ""], workbook[ReportTables.Funnel]["gehuisvest"]);

        using var caseManager = new ThuisClient(app);
        await caseManager.SignInOrFailAsync(await world.CreateUserAsync(raalte, Roles.CaseManager));
        Assert.Equal(HttpStatusCode.Forbidden, (await caseManager.GetAsync("/rapportages")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await caseManager.Http.GetAsync(ReportsSetup.XlsxAddress(Cohort.Everyone))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await caseManager.Http.GetAsync(ReportsSetup.CsvAddress(Cohort.Everyone, ReportTables.Funnel))).StatusCode);
    }

    [Theory]
    [InlineData("2026-03", CohortKind.Month, 2026, 3, "2026-03-01", "2026-04-01")]
    [InlineData("2026-K4", CohortKind.Quarter, 2026, 4, "2026-10-01", "2027-01-01")]
    [InlineData("2026", CohortKind.Year, 2026, 0, "2026-01-01", "2027-01-01")]
    [InlineData("0999", CohortKind.All, 0, 0, null, null)]
    [InlineData("alle", CohortKind.All, 0, 0, null, null)]
    [InlineData("2026-13", CohortKind.All, 0, 0, null, null)]
    [InlineData("2026-K5", CohortKind.All, 0, 0, null, null)]
    [InlineData("<script>", CohortKind.All, 0, 0, null, null)]
    public void A_cohort_is_read_from_its_address(string key, CohortKind kind, int year, int number, string? from, string? until)
    {
        var cohort = Cohort.Parse(key);
        Assert.Equal(new Cohort(kind, year, number), cohort);
        Assert.Equal(from, cohort.From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(until, cohort.Until?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void The_cohorts_to_choose_run_from_the_first_housing_to_today_newest_first()
    {
        var choices = Cohort.Choices(new DateOnly(2026, 11, 20), new DateOnly(2027, 1, 5)).Select(c => c.Key);
        Assert.Equal(["alle", "2027", "2026", "2027-K1", "2026-K4", "2027-01", "2026-12", "2026-11"], choices);
        Assert.Equal(2m, Figures.Median([3, 1, 2]));
        Assert.Equal(2.5m, Figures.Median([4, 1, 3, 2]));
        Assert.Null(Figures.Median([]));
    }

    /// <summary>The line above the report saying who it counts, with its whitespace collapsed.</summary>
    private static string Summary(ThuisClient.Page page) =>
        string.Join(' ', (page.Document.QuerySelector("[data-testid='cohort-omvang']")?.TextContent ?? page.Text)
            .Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));

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

    /// <summary>The test world and a municipality with the hand-built people of <see cref="SeedAsync"/>.</summary>
    private static async Task<(TestWorld World, TestMunicipality Municipality)> SeedWorldAsync(ThuisAppFactory app, string name)
    {
        var world = await TestWorld.SeedAsync(app);
        var municipality = await world.AddMunicipalityAsync(name);
        await SeedAsync(app, municipality);
        return (world, municipality);
    }

    /// <summary>How many views and exports of the report the municipality's audit trail records.</summary>
    private static Task<int> ReportViewsAsync(ThuisAppFactory app, TestMunicipality municipality) =>
        Infrastructure.Groups.ReadAsync(app, municipality, db => db.AuditEntries.CountAsync(a => a.MunicipalityId == municipality.Id && a.ObjectType == "Rapportage"));

    /// <summary>Someone housed today, added after the report was counted.</summary>
    private static Task<int> HouseTodayAsync(ThuisAppFactory app, TestMunicipality municipality, string firstName, string lastName, int bornIn, DateOnly? on = null) =>
        Infrastructure.Groups.ReadAsync(app, municipality, async db =>
        {
            db.Newcomers.Add(new Newcomer(municipality.Id,
                new PersonDetails(firstName, lastName, new DateOnly(bornIn, 1, 1), Gender.Unknown, "Syrië", null, null, null, null, false, null, null),
                new LegalFrame(TargetGroup.AsylumPermitHolder, new DateOnly(2026, 11, 1), Today, on ?? Today, null, null, null, null), At(Today)));
            return await db.SaveChangesAsync();
        });

    private static async Task SeedAsync(ThuisAppFactory app, TestMunicipality m)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystemFor(m.Id);

        // The municipality's own test newcomer (with a referral) is taken out of every cohort: not housed yet.
        var seeded = await db.Newcomers.SingleAsync(n => n.Id == m.NewcomerId);
        seeded.UpdateLegalFrame(new LegalFrame(seeded.TargetGroup, seeded.PermitDate, seeded.RegistrationDate, null, null, null, null, null));

        Newcomer Person(string name, DateOnly? housed)
        {
            var newcomer = new Newcomer(m.Id,
                new PersonDetails(name, $"Cohort {m.Name}", new DateOnly(1990, 1, 1), Gender.Unknown, "Syrië", null, null, null, null, false, null, null),
                new LegalFrame(TargetGroup.AsylumPermitHolder, new DateOnly(2025, 11, 1), housed ?? new DateOnly(2026, 6, 1), housed, null, null, null, null),
                At(housed ?? new DateOnly(2026, 6, 1)));
            db.Newcomers.Add(newcomer);
            return newcomer;
        }
        var p1 = Person("P1", new DateOnly(2026, 1, 10));
        var p2 = Person("P2", new DateOnly(2026, 2, 1));
        var p3 = Person("P3", new DateOnly(2026, 3, 20));
        var p4 = Person("P4", new DateOnly(2026, 4, 5));
        var p5 = Person("P5", new DateOnly(2026, 5, 15));
        var p6 = Person("P6", new DateOnly(2026, 6, 30));
        var p7 = Person("P7", null);

        // Intake: every part but the restricted one, the last on the given day; P5 has five parts only.
        void Intake(Newcomer n, DateOnly first, DateOnly last, int parts = int.MaxValue)
        {
            var unrestricted = IntakePart.All.Where(p => !p.Restricted).Take(parts).ToList();
            for (var i = 0; i < unrestricted.Count; i++)
            {
                var section = (IntakeSection)Activator.CreateInstance(unrestricted[i].Section, n.Id, n.MunicipalityId)!;
                section.MarkRecorded("test", At(i == unrestricted.Count - 1 ? last : first));
                db.Add(section);
            }
        }
        Intake(p1, new DateOnly(2026, 1, 20), new DateOnly(2026, 2, 9));
        Intake(p2, new DateOnly(2026, 2, 10), new DateOnly(2026, 2, 21));
        Intake(p3, new DateOnly(2026, 3, 25), new DateOnly(2026, 4, 9));
        Intake(p4, new DateOnly(2026, 4, 20), new DateOnly(2026, 5, 15));
        Intake(p5, new DateOnly(2026, 5, 20), new DateOnly(2026, 5, 20), parts: 5);
        Intake(p7, new DateOnly(2026, 5, 20), new DateOnly(2026, 5, 20));

        // Plans: the steps name the offer or intervention they use.
        IntegrationPlan Plan(Newcomer n, DateOnly decision, params (ParticipationDomain Domain, string? Offer)[] steps)
        {
            var plan = IntegrationPlan.FirstDraft(n, "test", At(decision.AddDays(-7)));
            plan.Revise(new PlanTerms(LearningRoute.B1, MainGoal.Work, null, null, null, null, null, null, null, null, null, null),
                new Dictionary<ParticipationDomain, string>(),
                [.. steps.Select(s => new StepContent(null, s.Domain, $"Stap {s.Domain}", StepOwner.Newcomer, null, null, false, s.Offer))], decision.AddDays(-7));
            plan.Fix(decision, "test", At(decision));
            db.IntegrationPlans.Add(plan);
            return plan;
        }
        var plan1 = Plan(p1, new DateOnly(2026, 3, 11), (ParticipationDomain.Meeting, "Taalcafé"), (ParticipationDomain.PaidWork, "Werkfit"));
        plan1.RecordProgress(plan1.Steps[0].Id, StepStatus.Doing, null, new DateOnly(2026, 3, 20));
        var plan1Next = plan1.NextVersion("test", At(new DateOnly(2026, 8, 20)));
        plan1.Supersede();
        plan1Next.Fix(new DateOnly(2026, 9, 1), "test", At(new DateOnly(2026, 9, 1)));
        db.IntegrationPlans.Add(plan1Next);
        var plan2 = Plan(p2, new DateOnly(2026, 4, 2), (ParticipationDomain.SelfReliance, "Taalcafé"));
        plan2.RecordProgress(plan2.Steps[0].Id, StepStatus.Done, null, new DateOnly(2026, 5, 1));
        var plan4 = Plan(p4, new DateOnly(2026, 6, 4), (ParticipationDomain.Meeting, "Werkfit"));
        plan4.RecordProgress(plan4.Steps[0].Id, StepStatus.Dropped, "Past niet bij de werktijden", new DateOnly(2026, 7, 1));
        Plan(p5, new DateOnly(2026, 7, 1), (ParticipationDomain.Meeting, null));
        Plan(p7, new DateOnly(2026, 7, 1), (ParticipationDomain.Meeting, "Taalcafé"));

        // A PVT: 26 one-hour lessons from 1 to 26 June, a workshop per theme from 19 to 26 June in the afternoon.
        var pvt = new CourseGroup(m.Id, new CourseGroupDetails(CourseKind.Pvt, "PVT juni", null, null, new DateOnly(2026, 6, 1), null));
        db.CourseGroups.Add(pvt);
        var lessons = Enumerable.Range(0, 26).Select(i => new Session(pvt, new SessionDetails(new DateOnly(2026, 6, 1).AddDays(i),
            new TimeOnly(9, 0), new TimeOnly(10, 0), SessionKind.LanguageLesson, null, null))).ToList();
        var workshops = TrajectoryRequirements.PvtThemes.Select((theme, i) => new Session(pvt, new SessionDetails(new DateOnly(2026, 6, 19).AddDays(i),
            new TimeOnly(13, 0), new TimeOnly(14, 0), SessionKind.Workshop, null, theme))).ToList();
        db.Sessions.AddRange([.. lessons, .. workshops]);
        Enrolment Enrol(CourseGroup group, Newcomer n)
        {
            var enrolment = new Enrolment(group, n.Id, n.MunicipalityId, group.StartDate, "test", At(group.StartDate));
            db.Enrolments.Add(enrolment);
            return enrolment;
        }
        void Record(Session session, Enrolment enrolment, Attendance value) =>
            session.RecordAttendance(enrolment, enrolment.NewcomerId, value, "test", At(session.Date));
        var e1 = Enrol(pvt, p1);
        var e2 = Enrol(pvt, p2);
        var e3 = Enrol(pvt, p3);
        var e4 = Enrol(pvt, p4);
        foreach (var session in lessons.Concat(workshops))
        {
            Record(session, e1, Attendance.Present);
            Record(session, e2, session == workshops[^1] ? Attendance.ExcusedAbsence : Attendance.Present);
        }
        Record(lessons[0], e3, Attendance.UnexcusedAbsence);
        Record(lessons[1], e3, Attendance.UnexcusedAbsence);
        Record(lessons[2], e3, Attendance.Present);
        foreach (var lesson in lessons.Take(5))
        {
            Record(lesson, e4, Attendance.UnexcusedAbsence);
        }
        var course = new CourseGroup(m.Id, new CourseGroupDetails(CourseKind.LanguageCourse, "Taalcursus", null, null, new DateOnly(2026, 9, 1), null));
        db.CourseGroups.Add(course);
        var courseLessons = new[] { new DateOnly(2026, 9, 1), new DateOnly(2026, 9, 8) }.Select(day => new Session(course,
            new SessionDetails(day, new TimeOnly(9, 0), new TimeOnly(11, 0), SessionKind.LanguageLesson, null, null))).ToList();
        db.Sessions.AddRange(courseLessons);
        var e5 = Enrol(course, p5);
        var e6 = Enrol(course, p6);
        Record(courseLessons[0], e5, Attendance.Present);
        Record(courseLessons[1], e5, Attendance.Present);
        Record(courseLessons[0], e6, Attendance.ExcusedAbsence);
        Record(courseLessons[1], e6, Attendance.UnexcusedAbsence);

        // Offers, proposals and referrals.
        var club = new Organisation(m.Id, $"Sportclub {m.Name}", isPartner: true);
        var employer = new Organisation(m.Id, $"Werkgever {m.Name}", isPartner: true);
        db.Organisations.AddRange(club, employer);
        var volunteering = new Offer(club, new OfferDetails(OfferKind.VolunteerRole, "Kantinedienst", null, null, WeekGrid.Empty, null, 0, null,
            CefrLevel.None, true, [ParticipationDomain.ContributingToSociety, ParticipationDomain.Meeting], [], []));
        var job = new Offer(employer, new OfferDetails(OfferKind.Job, "Magazijnmedewerker", null, null, WeekGrid.Empty, null, 0, null,
            CefrLevel.None, false, [ParticipationDomain.PaidWork], [], []));
        db.Offers.AddRange(volunteering, job);
        var match = new MatchMark(0.8, "test");
        Proposal Propose(Newcomer n, Offer offer, DateOnly on, MatchMark? suggested, NewcomerAnswer answer)
        {
            var proposal = new Proposal(n, TargetKind.Offer, offer.Id, offer.Title, offer.OrganisationId, null, "test", At(on), on, suggested);
            if (answer != NewcomerAnswer.Pending)
            {
                proposal.RecordAnswer(answer, on, answer == NewcomerAnswer.No ? "Liever niet" : null);
            }
            db.Proposals.Add(proposal);
            return proposal;
        }
        Referral Refer(Proposal proposal, Organisation organisation, DateOnly on)
        {
            var consent = new Consent(proposal, "Doorverwijzen", on, on.AddYears(1), "test");
            var referral = new Referral(proposal, consent, organisation, null, on);
            db.Consents.Add(consent);
            db.Referrals.Add(referral);
            return referral;
        }
        var r3 = Refer(Propose(p3, volunteering, new DateOnly(2026, 7, 1), match, NewcomerAnswer.Yes), club, new DateOnly(2026, 7, 2));
        r3.Send(new DateOnly(2026, 7, 2));
        r3.Accept(new DateOnly(2026, 7, 5));
        r3.Start(new DateOnly(2026, 8, 1));
        r3.End(new DateOnly(2026, 11, 5), ReferralOutcome.StillGoingAtThreeMonths, null);
        var r1 = Refer(Propose(p1, job, new DateOnly(2026, 9, 5), null, NewcomerAnswer.Yes), employer, new DateOnly(2026, 9, 10));
        r1.Send(new DateOnly(2026, 9, 10));
        r1.Accept(new DateOnly(2026, 9, 15));
        r1.Start(new DateOnly(2026, 10, 1));
        Propose(p2, volunteering, new DateOnly(2026, 6, 1), match, NewcomerAnswer.No);
        var r4 = Refer(Propose(p4, volunteering, new DateOnly(2026, 6, 8), match, NewcomerAnswer.Yes), club, new DateOnly(2026, 6, 10));
        r4.Send(new DateOnly(2026, 6, 10));
        r4.Decline(new DateOnly(2026, 6, 15), "Het team is vol");
        Propose(p5, job, new DateOnly(2026, 9, 1), null, NewcomerAnswer.Pending);
        Refer(Propose(p6, volunteering, new DateOnly(2026, 9, 1), match, NewcomerAnswer.Yes), club, new DateOnly(2026, 9, 2));
        var r7 = Refer(Propose(p7, volunteering, new DateOnly(2026, 9, 1), match, NewcomerAnswer.Yes), club, new DateOnly(2026, 9, 2));
        r7.Send(new DateOnly(2026, 9, 2));

        // Settled when the whole settling checklist is done (on its last day); the other milestones are recorded.
        void Settled(Newcomer n, DateOnly on)
        {
            var checklist = new SettlingChecklist(n.Id, n.MunicipalityId);
            foreach (var item in SettlingItems.All)
            {
                checklist.Record(item.Code, SettlingItemStatus.Done, on, null, "test", Today);
            }
            checklist.MarkUpdated("test", At(on));
            db.SettlingChecklists.Add(checklist);
        }
        void Reached(Newcomer n, MilestoneKind kind, DateOnly on)
        {
            var milestone = new Milestone(n.Id, n.MunicipalityId, kind);
            milestone.Record(MilestoneState.Reached, on, kind.Signs().Take(1), null, "test", At(on), Today);
            db.Milestones.Add(milestone);
        }
        Settled(p1, new DateOnly(2026, 3, 15));
        Reached(p1, MilestoneKind.Integrate, new DateOnly(2026, 12, 1));
        Settled(p2, new DateOnly(2026, 9, 1));
        Settled(p5, new DateOnly(2026, 8, 1));
        Reached(p4, MilestoneKind.Participate, new DateOnly(2026, 9, 30));
        Settled(p7, new DateOnly(2026, 9, 30));

        await db.SaveChangesAsync();

        // Signals: open, escalated, snoozed and resolved; P7 is not housed and never counts. The rules raised their own
        // after the save above; they make way for this hand-built set, saved on its own so no rule runs after it.
        db.Signals.RemoveRange(await db.Signals.ToListAsync());
        Signal Raise(Newcomer n, SignalKind kind) => db.Signals.Add(new Signal(n.MunicipalityId, n.Id, kind, null, 2, "Een reden", "Een actie", Today.AddDays(-5), Today.AddDays(-5))).Entity;
        Raise(p1, SignalKind.Attendance);
        Raise(p2, SignalKind.Attendance).Escalate(EscalatedTo.Coordinator, null, null, "test", Today.AddDays(-2));
        Raise(p3, SignalKind.Isolation).Snooze(Today.AddDays(7), "test", Today.AddDays(-1));
        Raise(p4, SignalKind.DebtsWithoutHelp).Resolve("Schuldhulp loopt", "test", Today.AddDays(-1));
        Raise(p5, SignalKind.Isolation).Acknowledge("test", Today.AddDays(-1));
        Raise(p7, SignalKind.Attendance);
        await db.SaveChangesAsync();
    }
}
