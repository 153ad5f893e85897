using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Thuis.Web.Data;
using Thuis.Web.Features.Debts;
using Thuis.Web.Features.Signals;
using Thuis.Web.Features.SocialMap;
using Thuis.Web.Platform.Auditing;
using Thuis.Web.Platform.Localization;
using Thuis.Web.Platform.Security;
using Thuis.Web.Tests.Infrastructure;

namespace Thuis.Web.Tests;

/// <summary>
/// A person's debts through the real app: recorded, changed and closed with every error at once and nothing saved
/// lost; an old page cannot overwrite a newer change; another municipality reaches none of it; a partner opens none of
/// the pages and sees no amount on the referral to debt help; early signals are read from a file row by row, exactly
/// once, and each asks for contact by a deadline until the outcome is recorded.
/// </summary>
public sealed class DebtsTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 12, 1);
    private static readonly decimal[] Tenths = [0.1m, 0.2m];

    private static ThuisAppFactory NewApp(FakeTimeProvider? clock = null) =>
        new() { ConfigureTestServices = s => s.AddSingleton<TimeProvider>(clock ?? new FakeTimeProvider(Now)) };

    [Fact]
    public async Task A_debt_is_recorded_with_every_error_at_once_then_changed_closed_and_an_old_page_cannot_overwrite_it()
    {
        await using var app = NewApp();
        var world = await TestWorld.SeedAsync(app);
        using var caseManager = new ThuisClient(app);
        await caseManager.SignInAsync(await world.CreateUserAsync(world.A, Roles.CaseManager));
        var person = world.A.NewcomerId;
        var path = DebtsSetup.DebtsPath(person);

        var empty = await caseManager.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, empty.Status);
        Assert.NotNull(empty.Document.QuerySelector("#geen-schulden"));
        Assert.NotNull(empty.Document.QuerySelector("#geen-vroegsignalen"));
        Assert.Equal(DebtsSetup.DebtHelpReferralPath(person), empty.Document.QuerySelector("#naar-schuldhulp")!.GetAttribute("href"));

        // Everything wrong at once: each message beside its field and in the summary; what was typed stays.
        var bad = await caseManager.PostFormAsync(empty, "schuld", new Dictionary<string, string>
        {
            ["DebtInput.CreditorName"] = "",
            ["DebtInput.CreditorKind"] = "",
            ["DebtInput.Amount"] = "twaalf",
            ["DebtInput.Since"] = Today.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["DebtInput.Status"] = "",
            ["DebtInput.Note"] = "eerste brief van de deurwaarder",
        });
        Assert.Equal(HttpStatusCode.OK, bad.Status);
        Assert.Contains(SaveDebt.NoCreditor, bad.Text, StringComparison.Ordinal);
        Assert.Contains(SaveDebt.NoKind, bad.Text, StringComparison.Ordinal);
        Assert.Contains("Vul het bedrag in als getal", bad.Text, StringComparison.Ordinal);
        Assert.Contains(Debt.SinceRefusal, bad.Text, StringComparison.Ordinal);
        Assert.Contains(SaveDebt.NoStatus, bad.Text, StringComparison.Ordinal);
        Assert.Equal(5, bad.Document.QuerySelectorAll(".thuis-error-summary li").Length);
        Assert.Equal("twaalf", bad.Document.QuerySelector("#bedrag")!.GetAttribute("value"));
        Assert.Equal("eerste brief van de deurwaarder", bad.Document.QuerySelector("#notitie")!.TextContent);
        Assert.Empty(await DebtsAsync(app, world.A.Id));

        // A zero amount is refused too.
        var zero = await caseManager.SubmitAsync(path, "schuld", Debt1("0"));
        Assert.Contains(Debt.AmountRefusal, zero.Text, StringComparison.Ordinal);

        var added = await caseManager.SubmitAsync(path, "schuld", Debt1("1.234,50"));
        Assert.Equal(HttpStatusCode.Redirect, added.Status);
        await caseManager.SubmitAsync(path, "schuld", new Dictionary<string, string>(Debt1("99,99")) { ["DebtInput.CreditorName"] = "Vodafone", ["DebtInput.CreditorKind"] = nameof(CreditorKind.Telecom) });
        var debts = await DebtsAsync(app, world.A.Id);
        Assert.Equal(2, debts.Count);
        var rent = debts.Single(d => d.CreditorKind == CreditorKind.Landlord);
        Assert.Equal(1234.50m, rent.Amount);
        Assert.Equal(DebtStatus.Open, rent.Status);
        Assert.Equal(Today, rent.StatusSince);

        var list = await caseManager.GetAsync(path);
        Assert.Equal("€ 1.334,49", list.Document.QuerySelector("#totaal-open")!.TextContent);
        Assert.Contains("€ 1.234,50", list.Document.QuerySelector("#schulden")!.TextContent, StringComparison.Ordinal);

        // Two pages of the same debt: the first change wins, the second is refused and changes nothing.
        var debtPath = DebtsSetup.DebtPath(person, rent.Id);
        var stale = await caseManager.GetAsync(debtPath);
        var changed = await caseManager.SubmitAsync(debtPath, "schuld-wijzigen", new Dictionary<string, string> { ["DebtInput.Status"] = nameof(DebtStatus.Arrangement), ["DebtInput.Amount"] = "1000" });
        Assert.Equal(HttpStatusCode.Redirect, changed.Status);
        var conflict = await caseManager.PostFormAsync(stale, "schuld-wijzigen", new Dictionary<string, string> { ["DebtInput.Status"] = nameof(DebtStatus.Forgiven) });
        Assert.Contains(SaveDebt.ChangedMeanwhile, conflict.Text, StringComparison.Ordinal);
        rent = (await DebtsAsync(app, world.A.Id)).Single(d => d.Id == rent.Id);
        Assert.Equal((DebtStatus.Arrangement, 1000m), (rent.Status, rent.Amount));

        // Closed: paid off. It no longer counts in the total open.
        Assert.Equal(HttpStatusCode.Redirect, (await caseManager.SubmitAsync(debtPath, "schuld-wijzigen", new Dictionary<string, string> { ["DebtInput.Status"] = nameof(DebtStatus.PaidOff) })).Status);
        Assert.Equal("€ 99,99", (await caseManager.GetAsync(path)).Document.QuerySelector("#totaal-open")!.TextContent);

        // Deleting asks for a confirmation first.
        var telecom = (await DebtsAsync(app, world.A.Id)).Single(d => d.CreditorKind == CreditorKind.Telecom);
        var unconfirmed = await caseManager.SubmitAsync(DebtsSetup.DebtPath(person, telecom.Id), "schuld-verwijderen", new Dictionary<string, string>());
        Assert.Contains(DeleteDebt.NotConfirmed, unconfirmed.Text, StringComparison.Ordinal);
        Assert.Equal(2, (await DebtsAsync(app, world.A.Id)).Count);
        var deleted = await caseManager.SubmitAsync(DebtsSetup.DebtPath(person, telecom.Id), "schuld-verwijderen", new Dictionary<string, string> { ["DeleteInput.Confirm"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, deleted.Status);
        Assert.Single(await DebtsAsync(app, world.A.Id));

        // Every look at the page is in the audit trail, with the person.
        Assert.True(await ViewsAsync(app, world.A.Id, person) >= 4);
    }

    [Fact]
    public async Task Another_municipality_gets_404_and_a_partner_403_on_every_page_and_no_amount_on_the_referral_to_debt_help()
    {
        await using var app = NewApp();
        var world = await TestWorld.SeedAsync(app);
        var (debtId, reportId) = await ArrangeAsync(app, world.A.Id, world.A.NewcomerId, debt: 4321.09m, arrears: 765.43m);
        // The test world's referral goes to the partner; here the partner is an organisation for debt help.
        await AsSystemAsync(app, world.A.Id, async db =>
        {
            var partner = await db.Organisations.SingleAsync(o => o.Id == world.A.PartnerOrganisationId);
            db.Entry(partner).Property(o => o.Type).CurrentValue = OrganisationType.DebtHelp;
        });
        var pages = new[]
        {
            DebtsSetup.DebtsPath(world.A.NewcomerId), DebtsSetup.DebtPath(world.A.NewcomerId, debtId),
            DebtsSetup.ArrearsReportPath(world.A.NewcomerId, reportId),
        };

        using var other = new ThuisClient(app);
        await other.SignInAsync(await world.CreateUserAsync(world.B, Roles.CaseManager));
        foreach (var page in pages)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(page)).Status);
        }

        using var partner = new ThuisClient(app);
        await partner.SignInAsync(await world.CreateUserAsync(world.A, Roles.PartnerWorker));
        foreach (var page in pages.Append(DebtsSetup.ImportPath))
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await partner.GetAsync(page)).Status);
        }
        var referral = await partner.GetAsync($"/verwijzingen/{world.A.ReferralId}");
        Assert.Equal(HttpStatusCode.OK, referral.Status);
        Assert.DoesNotContain("€", referral.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("4.321", referral.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("765", referral.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("schuld", referral.Text, StringComparison.OrdinalIgnoreCase);

        // The case manager sees the referral among the debt help, and the proposals page offers only debt help from here.
        using var caseManager = new ThuisClient(app);
        await caseManager.SignInAsync(await world.CreateUserAsync(world.A, Roles.CaseManager));
        var debts = await caseManager.GetAsync(DebtsSetup.DebtsPath(world.A.NewcomerId));
        Assert.NotNull(debts.Document.QuerySelector($"a[href='/verwijzingen/{world.A.ReferralId}']"));
        var proposals = await caseManager.GetAsync(DebtsSetup.DebtHelpReferralPath(world.A.NewcomerId));
        Assert.NotNull(proposals.Document.QuerySelector("#alleen-schuldhulp"));
        var options = proposals.Document.QuerySelectorAll("#organisatie option").Select(o => o.GetAttribute("value")).Where(v => !string.IsNullOrEmpty(v)).ToList();
        Assert.Equal([world.A.PartnerOrganisationId.ToString()], options);
    }

    [Fact]
    public async Task An_arrears_file_is_read_row_by_row_good_rows_saved_faults_reported_and_a_second_read_writes_nothing()
    {
        await using var app = NewApp();
        var world = await TestWorld.SeedAsync(app);
        using var caseManager = new ThuisClient(app);
        await caseManager.SignInAsync(await world.CreateUserAsync(world.A, Roles.CaseManager));
        var bsn = world.A.NewcomerBsn;
        var file = Csv(
            "bsn;melder;soort;kenmerk;bedrag;maanden;datum",
            $"{bsn};Woonstichting De Vecht;verhuurder;HV-1;1.234,50;3;20-11-2026",
            $"{bsn};Vitens;drinkwater;VS-9;86,40;2;2026-11-28",
            $"{bsn};woonstichting de vecht;verhuurder;HV-1;1.234,50;3;20-11-2026",
            "123456789;Eneco;energie;E-1;100;1;01-11-2026",
            $"{bsn};Eneco;gas;E-2;honderd;0;02-12-2026",
            $"{bsn};;energie;;12,345;twee;31-02-2026",
            $"{world.B.NewcomerBsn};Eneco;energie;E-3;50;1;01-11-2026");

        var first = await caseManager.SubmitFileAsync(DebtsSetup.ImportPath, "vroegsignalen", "Input.File", new ThuisClient.Upload("meldingen.csv", file));
        Assert.Equal(HttpStatusCode.OK, first.Status);
        var rows = Rows(first);
        Assert.Equal(["Read", "Read", "AlreadyRead", "Refused", "Refused", "Refused", "Refused"], rows.Select(r => r.Result));
        Assert.Equal([2, 3, 4, 5, 6, 7, 8], rows.Select(r => r.Line));
        Assert.Contains("regel 2", rows[2].Text, StringComparison.Ordinal);
        Assert.Contains("geen geldig BSN", rows[3].Text, StringComparison.Ordinal);
        Assert.Contains("‘gas’ is geen soort melder", rows[4].Text, StringComparison.Ordinal);
        Assert.Contains("Het bedrag ‘honderd’ is geen getal", rows[4].Text, StringComparison.Ordinal);
        Assert.Contains(ArrearsRules.MonthsNotANumber, rows[4].Text, StringComparison.Ordinal);
        Assert.Contains(ArrearsRules.DateInFuture, rows[4].Text, StringComparison.Ordinal);
        Assert.Contains(ArrearsRules.NoParty, rows[5].Text, StringComparison.Ordinal);
        Assert.Contains(ArrearsRules.NoReference, rows[5].Text, StringComparison.Ordinal);
        Assert.Contains(ArrearsRules.AmountNotPositive, rows[5].Text, StringComparison.Ordinal);
        Assert.Contains(ArrearsRules.MonthsNotANumber, rows[5].Text, StringComparison.Ordinal);
        Assert.Contains("De datum ‘31-02-2026’ is geen datum", rows[5].Text, StringComparison.Ordinal);
        // Someone of another municipality is unknown here, and never named.
        Assert.Contains(ImportArrears.UnknownPerson, rows[6].Text, StringComparison.Ordinal);
        Assert.Contains("onbekend", rows[6].Text, StringComparison.Ordinal);
        Assert.DoesNotContain(world.B.NewcomerName, first.Text, StringComparison.Ordinal);
        Assert.Equal("2", first.Document.QuerySelector("#aantal-ingelezen")!.TextContent);

        var saved = await ReportsAsync(app, world.A.Id);
        Assert.Equal(2, saved.Count);
        var rent = saved.Single(r => r.Reference == "HV-1");
        Assert.Equal((1234.50m, 3, new DateOnly(2026, 11, 20), ArrearsPartyKind.Landlord, true), (rent.Amount, rent.Months, rent.ReportedOn, rent.PartyKind, rent.Imported));
        Assert.Empty(await ReportsAsync(app, world.B.Id));

        // The same file again: nothing new, the good rows are "al ingelezen".
        var again = await caseManager.SubmitFileAsync(DebtsSetup.ImportPath, "vroegsignalen", "Input.File", new ThuisClient.Upload("meldingen.csv", file));
        Assert.Equal(["AlreadyRead", "AlreadyRead", "AlreadyRead", "Refused", "Refused", "Refused", "Refused"], Rows(again).Select(r => r.Result));
        Assert.Equal(2, (await ReportsAsync(app, world.A.Id)).Count);

        // A file of bad rows only writes nothing.
        var onlyBad = Csv("bsn;melder;soort;kenmerk;bedrag;maanden;datum", $"{bsn};Eneco;energie;E-9;-5;1;01-11-2026", $"{world.B.NewcomerBsn};Eneco;energie;E-8;5;1;01-11-2026");
        var none = await caseManager.SubmitFileAsync(DebtsSetup.ImportPath, "vroegsignalen", "Input.File", new ThuisClient.Upload("fout.csv", onlyBad));
        Assert.Equal(["Refused", "Refused"], Rows(none).Select(r => r.Result));
        Assert.Equal(2, (await ReportsAsync(app, world.A.Id)).Count);

        // A header without the needed columns is refused whole.
        var header = await caseManager.SubmitFileAsync(DebtsSetup.ImportPath, "vroegsignalen", "Input.File", new ThuisClient.Upload("kop.csv", Csv("naam;bedrag", "x;1")));
        Assert.Contains("mist de kolommen bsn of v_nummer, melder, soort, kenmerk, maanden, datum", header.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_early_signal_asks_for_contact_by_its_deadline_with_urgency_by_the_days_left_and_closes_with_the_outcome()
    {
        var clock = new FakeTimeProvider(Now);
        await using var app = NewApp(clock);
        var world = await TestWorld.SeedAsync(app);
        var days = SignalSettings.DefaultArrearsContactDays;
        // Reported so that the deadline is 8 days, 7 days, today (0), and 1 day past.
        var people = new Dictionary<int, Guid>();
        foreach (var left in new[] { 8, 7, 0, -1 })
        {
            var id = await NewcomerAsync(app, world.A.Id, $"Achterstand{left + 10}");
            await AsSystemAsync(app, world.A.Id, async db => db.ArrearsReports.Add(new ArrearsReport(await db.Newcomers.SingleAsync(n => n.Id == id),
                new ArrearsDetails("Woonstichting", ArrearsPartyKind.Landlord, $"R{left}", 500m, 2, Today.AddDays(left - days)), imported: false)));
            people[left] = id;
        }
        await EvaluateAsync(app);
        var signals = (await SignalsAsync(app, world.A.Id)).Where(s => s.Kind == SignalKind.PaymentArrears).ToList();
        Assert.Equal(3, signals.Single(s => s.NewcomerId == people[8]).Urgency);
        Assert.Equal(2, signals.Single(s => s.NewcomerId == people[7]).Urgency);
        Assert.Equal(1, signals.Single(s => s.NewcomerId == people[0]).Urgency);
        Assert.Equal(1, signals.Single(s => s.NewcomerId == people[-1]).Urgency);
        // Raised on the report's day; the reason gives the deadline and never the amount.
        var onTime = signals.Single(s => s.NewcomerId == people[8]);
        Assert.Equal(Today.AddDays(8 - days), onTime.Since);
        Assert.Contains("Neem uiterlijk 9 december 2026 contact op", onTime.Reason, StringComparison.Ordinal);
        Assert.Contains("moeten zijn", signals.Single(s => s.NewcomerId == people[-1]).Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("500", onTime.Reason, StringComparison.Ordinal);

        // The case manager records the contact on the report: the signal closes at once.
        using var caseManager = new ThuisClient(app);
        await caseManager.SignInAsync(await world.CreateUserAsync(world.A, Roles.CaseManager));
        var report = (await ReportsAsync(app, world.A.Id)).Single(r => r.NewcomerId == people[0]);
        var path = DebtsSetup.ArrearsReportPath(people[0], report.Id);
        var missing = await caseManager.SubmitAsync(path, "uitkomst", new Dictionary<string, string> { ["Input.On"] = "2026-01-01" });
        Assert.Contains(RecordArrearsOutcome.NoOutcome, missing.Text, StringComparison.Ordinal);
        Assert.Contains(ArrearsReport.OutcomeBeforeReport, missing.Text, StringComparison.Ordinal);
        var saved = await caseManager.SubmitAsync(path, "uitkomst", new Dictionary<string, string> { ["Input.Outcome"] = nameof(ArrearsOutcome.HelpOffered), ["Input.On"] = "" });
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        var closed = (await SignalsAsync(app, world.A.Id)).Single(s => s.NewcomerId == people[0] && s.Kind == SignalKind.PaymentArrears);
        Assert.Equal(SignalState.Closed, closed.State);

        // A report dated tomorrow is no report yet: nothing is raised before its day.
        var later = await NewcomerAsync(app, world.A.Id, "Morgen");
        await AsSystemAsync(app, world.A.Id, async db => db.ArrearsReports.Add(new ArrearsReport(await db.Newcomers.SingleAsync(n => n.Id == later),
            new ArrearsDetails("Eneco", ArrearsPartyKind.Energy, "E-1", 80m, 1, Today.AddDays(1)), imported: false)));
        await EvaluateAsync(app);
        Assert.DoesNotContain(await SignalsAsync(app, world.A.Id), s => s.NewcomerId == later && s.Kind == SignalKind.PaymentArrears);
        clock.Advance(TimeSpan.FromDays(1));
        await EvaluateAsync(app, Now.AddDays(1));
        Assert.Equal(Today.AddDays(1), (await SignalsAsync(app, world.A.Id)).Single(s => s.NewcomerId == later && s.Kind == SignalKind.PaymentArrears).Since);
    }

    [Fact]
    public async Task Open_debts_in_the_register_without_debt_help_raise_the_debts_signal_and_a_referral_to_debt_help_quiets_it()
    {
        await using var app = NewApp();
        var world = await TestWorld.SeedAsync(app);
        var person = await NewcomerAsync(app, world.A.Id, "Schulden");
        var paid = await NewcomerAsync(app, world.A.Id, "Afgelost");
        await ArrangeAsync(app, world.A.Id, person, debt: 250m, arrears: null);
        await AsSystemAsync(app, world.A.Id, async db => db.Debts.Add(new Debt(await db.Newcomers.SingleAsync(n => n.Id == paid),
            new DebtDetails("CJIB", CreditorKind.Cjib, 90m, Today.AddMonths(-2), DebtStatus.PaidOff, null, null), Today)));
        await EvaluateAsync(app);
        var signals = await SignalsAsync(app, world.A.Id);
        var signal = Assert.Single(signals, s => s.NewcomerId == person && s.Kind == SignalKind.DebtsWithoutHelp);
        Assert.Equal("Heeft open schulden en nog geen schuldhulp", signal.Reason);
        Assert.DoesNotContain(signals, s => s.NewcomerId == paid && s.Kind == SignalKind.DebtsWithoutHelp);

        // The debt goes to debt help: the signal closes.
        await AsSystemAsync(app, world.A.Id, async db =>
        {
            var debt = await db.Debts.SingleAsync(d => d.NewcomerId == person);
            debt.Change(debt.Details with { Status = DebtStatus.InDebtHelp }, Today);
        });
        Assert.Equal(SignalState.Closed, (await SignalsAsync(app, world.A.Id)).Single(s => s.NewcomerId == person && s.Kind == SignalKind.DebtsWithoutHelp).State);
    }

    [Fact]
    public void Amounts_are_read_as_the_dutch_write_them_and_shown_to_the_cent()
    {
        foreach (var (text, expected) in new[] { ("1.234,50", 1234.50m), ("1234,5", 1234.5m), ("€ 12", 12m), ("1234.50", 1234.50m), ("1.234", 1234m), ("0,01", 0.01m) })
        {
            Assert.True(DutchFormat.TryParseEuro(text, out var amount), text);
            Assert.Equal(expected, amount);
        }
        foreach (var text in new[] { "", "twaalf", "1,2,3", "-5", "12 euro" })
        {
            Assert.False(DutchFormat.TryParseEuro(text, out _), text);
        }
        Assert.Equal("€ 1.234,50", Thuis.Web.Platform.Localization.DutchFormat.Euro(1234.5m));
        Assert.Equal("€ 0,10", Thuis.Web.Platform.Localization.DutchFormat.Euro(0.1m));
        Assert.Equal(0.3m, Tenths.Sum());
    }

    private static Dictionary<string, string> Debt1(string amount) => new()
    {
        ["DebtInput.CreditorName"] = "Woonstichting De Vecht",
        ["DebtInput.CreditorKind"] = nameof(CreditorKind.Landlord),
        ["DebtInput.Amount"] = amount,
        ["DebtInput.Since"] = "2026-09-01",
        ["DebtInput.Status"] = nameof(DebtStatus.Open),
    };

    private static byte[] Csv(params string[] lines) => Encoding.UTF8.GetBytes(string.Join("\r\n", lines) + "\r\n");

    private sealed record Row(int Line, string Result, string Text);

    private static List<Row> Rows(ThuisClient.Page page) =>
        [.. page.Document.QuerySelectorAll("#per-regel tbody tr").Select(tr => new Row(
            int.Parse(tr.GetAttribute("data-regel")!, System.Globalization.CultureInfo.InvariantCulture), tr.GetAttribute("data-uitkomst")!, tr.TextContent))];

    private static async Task<(Guid Debt, Guid Report)> ArrangeAsync(ThuisAppFactory app, Guid municipalityId, Guid newcomerId, decimal debt, decimal? arrears)
    {
        var ids = (Guid.Empty, Guid.Empty);
        await AsSystemAsync(app, municipalityId, async db =>
        {
            var person = await db.Newcomers.SingleAsync(n => n.Id == newcomerId);
            var d = new Debt(person, new DebtDetails("Woonstichting De Vecht", CreditorKind.Landlord, debt, Today.AddMonths(-3), DebtStatus.Open, null, null), Today);
            db.Debts.Add(d);
            ids.Item1 = d.Id;
            if (arrears is { } amount)
            {
                var r = new ArrearsReport(person, new ArrearsDetails("Woonstichting De Vecht", ArrearsPartyKind.Landlord, "HV-77", amount, 2, Today.AddDays(-3)), imported: false);
                db.ArrearsReports.Add(r);
                ids.Item2 = r.Id;
            }
        });
        return ids;
    }

    private static async Task<Guid> NewcomerAsync(ThuisAppFactory app, Guid municipalityId, string name)
    {
        var id = Guid.Empty;
        await AsSystemAsync(app, municipalityId, db =>
        {
            var newcomer = People.Newcomer(municipalityId, name, "Test", new DateOnly(1990, 1, 1));
            db.Newcomers.Add(newcomer);
            id = newcomer.Id;
            return Task.CompletedTask;
        });
        return id;
    }

    private static async Task EvaluateAsync(ThuisAppFactory app, DateTimeOffset? now = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<EvaluateSignals>().RunOnceAsync(now ?? Now);
    }

    private static async Task<List<Signal>> SignalsAsync(ThuisAppFactory app, Guid municipalityId)
    {
        var signals = new List<Signal>();
        await AsSystemAsync(app, municipalityId, async db => signals.AddRange(await db.Signals.AsNoTracking().ToListAsync()));
        return signals;
    }

    private static async Task<List<Debt>> DebtsAsync(ThuisAppFactory app, Guid municipalityId)
    {
        var debts = new List<Debt>();
        await AsSystemAsync(app, municipalityId, async db => debts.AddRange(await db.Debts.AsNoTracking().ToListAsync()));
        return debts;
    }

    private static async Task<List<ArrearsReport>> ReportsAsync(ThuisAppFactory app, Guid municipalityId)
    {
        var reports = new List<ArrearsReport>();
        await AsSystemAsync(app, municipalityId, async db => reports.AddRange(await db.ArrearsReports.AsNoTracking().ToListAsync()));
        return reports;
    }

    private static async Task<int> ViewsAsync(ThuisAppFactory app, Guid municipalityId, Guid personId)
    {
        var count = 0;
        await AsSystemAsync(app, municipalityId, async db => count = await db.AuditEntries.CountAsync(e =>
            e.PersonId == personId && e.Action == AuditAction.View && e.ObjectType == nameof(Debt)));
        return count;
    }

    private static async Task AsSystemAsync(ThuisAppFactory app, Guid municipalityId, Func<AppDbContext, Task> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystemFor(municipalityId);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await work(db);
        await db.SaveChangesAsync();
    }
}
