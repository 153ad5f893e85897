using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Thuis.Web.Data;
using Thuis.Web.Features.Plans;
using Thuis.Web.Features.Signals;
using Thuis.Web.Platform.Auditing;
using Thuis.Web.Platform.Security;
using Thuis.Web.Tests.Infrastructure;

namespace Thuis.Web.Tests;

/// <summary>
/// DUO extends the term or sets a new one after a fine; the case manager records the decision and every date, signal and
/// print follows the new last day.
/// </summary>
public sealed class TermChangeTests
{
    private static DateOnly D(string value) => DateOnly.ParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateTimeOffset At(string day) => new(D(day).ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);

    [Fact]
    public async Task Recording_an_extension_moves_the_last_day_on_the_plan_page_the_print_view_and_the_dossier()
    {
        var clock = new FakeTimeProvider(At("2026-06-20"));
        await using var app = NewApp(clock);
        var world = await TestWorld.SeedAsync(app);
        using var client = new ThuisClient(app);
        var email = await world.CreateUserAsync(world.A, Roles.CaseManager);
        await client.SignInOrFailAsync(email);
        var newcomer = world.A.NewcomerId;
        await FixFirstPlanAsync(client, newcomer, "2026-06-20");

        clock.SetUtcNow(At("2029-03-01"));
        await client.SignInOrFailAsync(email); // a session does not last for years
        var plan = await client.GetAsync($"/dossiers/{newcomer}/plan");
        Assert.Contains("21 juni 2026 tot en met 20 juni 2029", plan.Text, StringComparison.Ordinal);
        Assert.NotNull(plan.Document.QuerySelector($"a[href='/dossiers/{newcomer}/termijn']"));
        Assert.Null(plan.Document.QuerySelector("#termijnbesluiten"));

        var form = await client.GetAsync($"/dossiers/{newcomer}/termijn");
        Assert.Equal(HttpStatusCode.OK, form.Status);
        Assert.Contains("21 juni 2026 tot en met 20 juni 2029", form.Text, StringComparison.Ordinal);
        var saved = await client.PostFormAsync(form, "termijn", Extension("2029-02-15", "2030-06-20", "DUO-2029-0042"));
        Assert.Equal($"/dossiers/{newcomer}/plan?klaar=termijn", saved.Location);

        const string extended = "21 juni 2026 tot en met 20 juni 2030 (verlengd door DUO; eerst tot en met 20 juni 2029)";
        plan = await client.GetAsync($"/dossiers/{newcomer}/plan");
        Assert.Contains(extended, plan.Text, StringComparison.Ordinal);
        var history = plan.Document.QuerySelectorAll("#termijnbesluiten tbody tr").Select(r => r.TextContent).ToList();
        var row = Assert.Single(history);
        Assert.Contains("verlenging", row, StringComparison.Ordinal);
        Assert.Contains("15 februari 2029", row, StringComparison.Ordinal);
        Assert.Contains("20 juni 2030", row, StringComparison.Ordinal);
        Assert.Contains("niet verwijtbaar", row, StringComparison.Ordinal);
        Assert.Contains("DUO-2029-0042", row, StringComparison.Ordinal);

        var print = await client.GetAsync($"/dossiers/{newcomer}/plan/afdrukken");
        Assert.Contains(extended, print.Text, StringComparison.Ordinal);
        Assert.Contains("verlenging, dagtekening 15 februari 2029, kenmerk DUO-2029-0042", print.Text, StringComparison.Ordinal);
        var dossier = await client.GetAsync($"/dossiers/{newcomer}");
        Assert.Contains(extended, dossier.Text, StringComparison.Ordinal);

        // A new term after a fine, later still: the latest decision is the one in force.
        var fine = Extension("2030-02-01", "2031-06-20", "DUO-2030-0007");
        fine["Input.Kind"] = nameof(TermChangeKind.NewTerm);
        fine["Input.Reason"] = nameof(TermChangeReason.FineImposed);
        fine["Input.ReasonText"] = "Boete van € 1.250";
        clock.SetUtcNow(At("2030-02-03"));
        await client.SignInOrFailAsync(email);
        Assert.Equal($"/dossiers/{newcomer}/plan?klaar=termijn", (await client.SubmitAsync($"/dossiers/{newcomer}/termijn", "termijn", fine)).Location);
        plan = await client.GetAsync($"/dossiers/{newcomer}/plan");
        Assert.Contains("21 juni 2026 tot en met 20 juni 2031 (nieuwe termijn door DUO; eerst tot en met 20 juni 2029)", plan.Text, StringComparison.Ordinal);
        history = [.. plan.Document.QuerySelectorAll("#termijnbesluiten tbody tr").Select(r => r.TextContent)];
        Assert.Equal(2, history.Count);
        Assert.Contains("boete opgelegd: Boete van € 1.250", history[0], StringComparison.Ordinal);
        Assert.Contains("DUO-2029-0042", history[1], StringComparison.Ordinal);

        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystemFor(world.A.Id);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var audit = await db.AuditEntries.Where(a => a.ObjectType == nameof(TermChange)).ToListAsync();
        Assert.Equal(2, audit.Count(a => a.Action == AuditAction.Create));
        Assert.Contains(audit, a => a.Action == AuditAction.View && a.Purpose == RecordTermChange.Purpose);
    }

    [Fact]
    public async Task A_new_last_day_not_after_the_current_end_is_refused_beside_the_field_and_nothing_is_saved()
    {
        var clock = new FakeTimeProvider(At("2026-06-20"));
        await using var app = NewApp(clock);
        var world = await TestWorld.SeedAsync(app);
        using var client = new ThuisClient(app);
        var email = await world.CreateUserAsync(world.A, Roles.Coordinator);
        await client.SignInOrFailAsync(email);
        var newcomer = world.A.NewcomerId;
        var page = $"/dossiers/{newcomer}/termijn";

        // Before the first plan is fixed there is no term to extend.
        var early = await client.GetAsync(page);
        Assert.Equal(HttpStatusCode.OK, early.Status);
        Assert.Contains(RecordTermChange.NoTermYet, early.Text, StringComparison.Ordinal);
        Assert.Null(early.Document.QuerySelector("input[name='_handler'][value='termijn']"));
        Assert.Null((await client.GetAsync($"/dossiers/{newcomer}/plan")).Document.QuerySelector($"a[href='{page}']"));

        await FixFirstPlanAsync(client, newcomer, "2026-06-20");
        clock.SetUtcNow(At("2029-05-01"));
        await client.SignInOrFailAsync(email);

        var same = await client.SubmitAsync(page, "termijn", Extension("2029-04-20", "2029-06-20", "DUO-1"));
        Assert.Equal(HttpStatusCode.OK, same.Status);
        Assert.Null(same.Location);
        const string notLater = "De nieuwe laatste dag moet na het huidige einde van de termijn liggen (20 juni 2029).";
        Assert.Equal(notLater, same.Document.QuerySelector("#laatste-dag-fout")?.TextContent.Trim());
        var summary = same.Document.QuerySelector(".thuis-error-summary");
        Assert.NotNull(summary);
        Assert.Equal(notLater, summary.QuerySelector("a[href$='#laatste-dag']")?.TextContent.Trim());
        Assert.Equal("2029-06-20", same.ValueOf("Input.NewLastDay"));
        Assert.Equal("DUO-1", same.ValueOf("Input.DocumentReference"));

        var earlier = await client.SubmitAsync(page, "termijn", Extension("2029-04-20", "2028-12-31", "DUO-1"));
        Assert.Equal(notLater, earlier.Document.QuerySelector("#laatste-dag-fout")?.TextContent.Trim());

        // Every field has its own message in Dutch, listed once more at the top.
        var empty = await client.SubmitAsync(page, "termijn", new Dictionary<string, string> { ["Input.Reason"] = nameof(TermChangeReason.Other) });
        Assert.Contains("Kies of DUO de termijn verlengt", empty.Document.QuerySelector("#soort-fout")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("Vul de dagtekening van het besluit van DUO in.", empty.Document.QuerySelector("#dagtekening-fout")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("Vul de nieuwe laatste dag", empty.Document.QuerySelector("#laatste-dag-fout")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("Schrijf bij 'anders' op welke reden DUO noemt.", empty.Document.QuerySelector("#toelichting-fout")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("Vul het kenmerk van het besluit van DUO in.", empty.Document.QuerySelector("#kenmerk-fout")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(["#soort", "#dagtekening", "#laatste-dag", "#toelichting", "#kenmerk"],
            empty.Document.QuerySelectorAll(".thuis-error-summary a").Select(a => a.GetAttribute("href")![a.GetAttribute("href")!.IndexOf('#', StringComparison.Ordinal)..]));
        Assert.All(empty.Document.QuerySelectorAll(".thuis-error-summary a"), a => Assert.StartsWith($"{page}#", a.GetAttribute("href"), StringComparison.Ordinal));

        var misfit = Extension("2029-04-20", "2030-06-20", "DUO-1");
        misfit["Input.Reason"] = nameof(TermChangeReason.FineImposed);
        var refused = await client.SubmitAsync(page, "termijn", misfit);
        Assert.Contains("Een boete gaat samen met een nieuwe termijn", refused.Document.QuerySelector("#reden-fout")?.TextContent, StringComparison.Ordinal);

        var future = await client.SubmitAsync(page, "termijn", Extension("2029-05-02", "2030-06-20", "DUO-1"));
        Assert.Contains("kan niet in de toekomst liggen", future.Document.QuerySelector("#dagtekening-fout")?.TextContent, StringComparison.Ordinal);

        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystemFor(world.A.Id);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.False(await db.TermChanges.AnyAsync());
        Assert.Contains("21 juni 2026 tot en met 20 juni 2029", (await client.GetAsync($"/dossiers/{newcomer}/plan")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_switch_from_the_onderwijsroute_to_B1_after_three_years_is_allowed_within_an_extension_and_refused_after_it()
    {
        var clock = new FakeTimeProvider(At("2026-06-20"));
        await using var app = NewApp(clock);
        var world = await TestWorld.SeedAsync(app);
        var young = await PlanFields.AddNewcomerAsync(app, world.A, "Yonas", "Tesfamariam", new DateOnly(1998, 7, 1));
        using var client = new ThuisClient(app);
        var email = await world.CreateUserAsync(world.A, Roles.CaseManager);
        await client.SignInOrFailAsync(email);
        var plan = $"/dossiers/{young}/plan";
        var fields = PlanFields.FirstPlan();
        fields["Input.LearningRoute"] = nameof(LearningRoute.Education);
        fields["Input.MainGoal"] = nameof(MainGoal.Education);
        await FixFirstPlanAsync(client, young, "2026-06-20", fields);

        // After the three years, the switch to the B1-route is refused: the term has ended.
        clock.SetUtcNow(At("2029-07-10"));
        await client.SignInOrFailAsync(email);
        await client.SubmitAsync(plan, "concept", new Dictionary<string, string>());
        Assert.Equal($"{plan}?klaar=opgeslagen", (await client.SubmitAsync($"{plan}/bewerken", "plan",
            new Dictionary<string, string> { ["Input.LearningRoute"] = nameof(LearningRoute.B1) })).Location);
        var ended = await client.SubmitAsync($"{plan}/vaststellen", "vaststellen", new Dictionary<string, string> { ["Input.DecisionDate"] = "2029-07-10" });
        Assert.Contains("De inburgeringstermijn liep tot en met 20 juni 2029", ended.Text, StringComparison.Ordinal);

        // DUO extends the term: the switch is possible again within it, and the fix page shows the new end.
        Assert.Equal($"{plan}?klaar=termijn", (await client.SubmitAsync($"/dossiers/{young}/termijn", "termijn",
            Extension("2029-07-01", "2029-12-20", "DUO-2029-1234"))).Location);
        Assert.Contains("tot en met 20 december 2029", (await client.GetAsync($"{plan}/vaststellen")).Text, StringComparison.Ordinal);

        // After the extended term, it is refused once more; on its last day, it is allowed.
        clock.SetUtcNow(At("2030-01-05"));
        await client.SignInOrFailAsync(email);
        var after = await client.SubmitAsync($"{plan}/vaststellen", "vaststellen", new Dictionary<string, string> { ["Input.DecisionDate"] = "2030-01-05" });
        Assert.Contains("De inburgeringstermijn liep tot en met 20 december 2029", after.Text, StringComparison.Ordinal);
        Assert.Equal($"{plan}?klaar=vastgesteld", (await client.SubmitAsync($"{plan}/vaststellen", "vaststellen",
            new Dictionary<string, string> { ["Input.DecisionDate"] = "2029-12-20" })).Location);
        Assert.Contains("B1-route", (await client.GetAsync(plan)).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_term_signal_follows_the_new_last_day_in_the_same_request()
    {
        var clock = new FakeTimeProvider(At("2026-06-20"));
        await using var app = NewApp(clock);
        var world = await TestWorld.SeedAsync(app);
        using var client = new ThuisClient(app);
        var email = await world.CreateUserAsync(world.A, Roles.CaseManager);
        await client.SignInOrFailAsync(email);
        var newcomer = world.A.NewcomerId;
        var page = $"/dossiers/{newcomer}/termijn";
        await FixFirstPlanAsync(client, newcomer, "2026-06-20");

        clock.SetUtcNow(At("2029-01-10"));
        await EvaluateAsync(app, clock);
        var signal = await TermSignalAsync(app, world.A.Id, newcomer);
        Assert.True(signal?.IsOpen, "Het signaal over de termijn hoort open te staan.");
        Assert.Equal("De inburgeringstermijn loopt op 20 juni 2029 af", signal!.Reason);

        // An extension that still ends within six months: the signal stays, and says so at once.
        await client.SignInOrFailAsync(email);
        Assert.Equal($"/dossiers/{newcomer}/plan?klaar=termijn", (await client.SubmitAsync(page, "termijn",
            Extension("2029-01-08", "2029-07-05", "DUO-A"))).Location);
        signal = await TermSignalAsync(app, world.A.Id, newcomer);
        Assert.True(signal?.IsOpen);
        Assert.Equal("De inburgeringstermijn is verlengd tot en met 5 juli 2029 en loopt bijna af", signal!.Reason);

        // A new term that ends more than six months ahead: the signal closes in the same request.
        var fine = Extension("2029-01-09", "2030-07-05", "DUO-B");
        fine["Input.Kind"] = nameof(TermChangeKind.NewTerm);
        fine["Input.Reason"] = nameof(TermChangeReason.FineImposed);
        Assert.Equal($"/dossiers/{newcomer}/plan?klaar=termijn", (await client.SubmitAsync(page, "termijn", fine)).Location);
        signal = await TermSignalAsync(app, world.A.Id, newcomer);
        Assert.Equal(SignalState.Closed, signal!.State);

        // Six months before the new last day it is raised again, in the new term's words.
        clock.SetUtcNow(At("2030-01-05"));
        await EvaluateAsync(app, clock);
        signal = await TermSignalAsync(app, world.A.Id, newcomer);
        Assert.True(signal?.IsOpen);
        Assert.Equal("De nieuwe termijn tot en met 5 juli 2030 loopt bijna af", signal!.Reason);
        Assert.Equal(D("2030-01-05"), signal.Since);
    }

    [Fact]
    public async Task Another_municipalitys_user_or_a_partner_worker_cannot_open_or_post_the_page()
    {
        var clock = new FakeTimeProvider(At("2026-06-20"));
        await using var app = NewApp(clock);
        var world = await TestWorld.SeedAsync(app);
        using var ownClient = new ThuisClient(app);
        await ownClient.SignInOrFailAsync(await world.CreateUserAsync(world.B, Roles.CaseManager));
        await FixFirstPlanAsync(ownClient, world.B.NewcomerId, "2026-06-20");
        var pageOfB = $"/dossiers/{world.B.NewcomerId}/termijn";
        var formOfB = await ownClient.GetAsync(pageOfB);
        Assert.Equal(HttpStatusCode.OK, formOfB.Status);

        using var other = new ThuisClient(app);
        await other.SignInOrFailAsync(await world.CreateUserAsync(world.A, Roles.CaseManager, Roles.Coordinator));
        var refused = await other.GetAsync(pageOfB);
        Assert.Equal(HttpStatusCode.NotFound, refused.Status);
        Assert.DoesNotContain(world.B.NewcomerName, refused.Text, StringComparison.Ordinal);

        var own = await other.GetAsync($"/dossiers/{world.A.NewcomerId}/termijn");
        var token = own.Document.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>(Extension("2026-06-20", "2031-01-01", "INGEVOEGD"))
        {
            ["__RequestVerificationToken"] = token,
            ["_handler"] = "termijn",
        });
        using var posted = await other.Http.PostAsync(pageOfB, content);
        Assert.True(posted.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest, $"{posted.StatusCode}");

        using var partner = new ThuisClient(app);
        await partner.SignInOrFailAsync(await world.CreateUserAsync(world.B, Roles.PartnerWorker));
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.GetAsync(pageOfB)).Status);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.False(await db.TermChanges.IgnoreQueryFilters().AnyAsync());
        var audit = await db.AuditEntries.IgnoreQueryFilters()
            .Where(a => a.ObjectType == nameof(TermChange) && a.ObjectId == world.B.NewcomerId.ToString() && a.MunicipalityId == world.A.Id).ToListAsync();
        Assert.Contains(audit, a => a.Result == AuditResult.NotFound);
    }

    public static TheoryData<string, string[], string> LastDays => new()
    {
        // First decision date; changes as "decided on|recorded at|new last day"; the last day in force.
        { "2026-06-20", [], "2029-06-20" },
        { "2025-02-28", [], "2028-02-29" },
        { "2026-06-20", ["2029-02-15|2029-02-16T10:00|2030-06-20"], "2030-06-20" },
        // The latest decision counts, even when it was recorded before an older one.
        { "2026-06-20", ["2030-02-01|2030-02-02T10:00|2031-06-20", "2029-02-15|2030-03-01T10:00|2030-06-20"], "2031-06-20" },
        { "2026-06-20", ["2029-02-15|2029-02-16T10:00|2030-06-20", "2030-02-01|2030-02-02T10:00|2031-06-20"], "2031-06-20" },
        // Two decisions of one day: the one recorded last.
        { "2026-06-20", ["2029-02-15|2029-02-16T15:00|2030-01-31", "2029-02-15|2029-02-16T10:00|2030-06-20"], "2030-01-31" },
        { "2026-06-20", ["2029-02-15|2029-02-16T10:00|2030-06-20", "2029-02-15|2029-02-16T15:00|2030-01-31"], "2030-01-31" },
    };

    [Theory]
    [MemberData(nameof(LastDays))]
    public void The_last_day_in_force_is_that_of_DUOs_latest_decision_or_three_years_from_the_first_plan(string firstDecision, string[] changes, string lastDay)
    {
        var moves = changes.Select(c => c.Split('|')).Select(p => new TermMove(D(p[0]),
            new DateTimeOffset(DateTime.ParseExact(p[1], "yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture), TimeSpan.Zero), D(p[2])));
        Assert.Equal(D(lastDay), NewcomerDeadlines.LastDayInForce(D(firstDecision), moves));
    }

    [Theory]
    [InlineData(TermChangeKind.Extension, TermChangeReason.ConsiderableEffort, true)]
    [InlineData(TermChangeKind.Extension, TermChangeReason.NotToBlame, true)]
    [InlineData(TermChangeKind.Extension, TermChangeReason.NonExemptingEducation, true)]
    [InlineData(TermChangeKind.Extension, TermChangeReason.FineImposed, false)]
    [InlineData(TermChangeKind.Extension, TermChangeReason.Other, true)]
    [InlineData(TermChangeKind.NewTerm, TermChangeReason.FineImposed, true)]
    [InlineData(TermChangeKind.NewTerm, TermChangeReason.NotToBlame, false)]
    [InlineData(TermChangeKind.NewTerm, TermChangeReason.Other, true)]
    public void A_reason_fits_the_kind_of_decision_DUO_gives_it_for(TermChangeKind kind, TermChangeReason reason, bool fits) =>
        Assert.Equal(fits, TermChange.Fits(kind, reason));

    [Fact]
    public void The_term_change_itself_refuses_a_last_day_that_does_not_come_later_and_other_without_a_reason()
    {
        var newcomer = People.Newcomer(Guid.NewGuid(), "Test", "Persoon", new DateOnly(1990, 1, 1));
        TermChange Record(string newLastDay, TermChangeReason reason = TermChangeReason.NotToBlame, string? text = null, string reference = "DUO-1") =>
            TermChange.Record(newcomer, D("2029-06-20"), TermChangeKind.Extension, D("2029-05-01"), D(newLastDay), reason, text, reference, "test",
                DateTimeOffset.UnixEpoch);

        Assert.Throws<ArgumentException>(() => Record("2029-06-20"));
        Assert.Throws<ArgumentException>(() => Record("2029-01-01"));
        Assert.Throws<ArgumentException>(() => Record("2030-06-20", TermChangeReason.Other));
        Assert.Throws<ArgumentException>(() => Record("2030-06-20", TermChangeReason.FineImposed));
        Assert.Throws<ArgumentException>(() => Record("2030-06-20", reference: " "));
        var change = Record("2029-06-21", TermChangeReason.Other, "  Ziekte van een kind  ", " DUO-2 ");
        Assert.Equal(D("2029-06-21"), change.NewLastDay);
        Assert.Equal("Ziekte van een kind", change.ReasonText);
        Assert.Equal("DUO-2", change.DocumentReference);
        Assert.Equal(newcomer.Id, change.NewcomerId);
        Assert.Equal(newcomer.MunicipalityId, change.MunicipalityId);
    }

    [Fact]
    public void The_deadlines_show_the_term_as_DUO_last_moved_it()
    {
        var extension = new TermChangeEntry(TermChangeKind.Extension, D("2029-02-15"), D("2030-06-20"), TermChangeReason.NotToBlame, null, "DUO-1",
            "test", DateTimeOffset.UnixEpoch);
        var deadlines = NewcomerDeadlines.On(D("2029-03-01"), D("1990-01-01"), D("2026-03-01"), null, D("2026-06-20"), termChanges: [extension]);
        Assert.Equal(D("2030-06-20"), deadlines.TermLastDay);
        Assert.Equal(D("2029-06-20"), deadlines.OriginalTermLastDay);
        Assert.Equal(D("2027-12-20"), deadlines.RouteSwitchLastDay);
        Assert.Equal("21 juni 2026 tot en met 20 juni 2030 (verlengd door DUO; eerst tot en met 20 juni 2029)", deadlines.TermText);
        Assert.Equal("21 juni 2026 tot en met 20 juni 2029",
            NewcomerDeadlines.On(D("2029-03-01"), D("1990-01-01"), D("2026-03-01"), null, D("2026-06-20")).TermText);
        Assert.Null(NewcomerDeadlines.On(D("2029-03-01"), D("1990-01-01"), D("2026-03-01"), null, null).TermText);
    }

    private static Dictionary<string, string> Extension(string decidedOn, string newLastDay, string reference) => new()
    {
        ["Input.Kind"] = nameof(TermChangeKind.Extension),
        ["Input.DecidedOn"] = decidedOn,
        ["Input.NewLastDay"] = newLastDay,
        ["Input.Reason"] = nameof(TermChangeReason.NotToBlame),
        ["Input.DocumentReference"] = reference,
    };

    private static async Task FixFirstPlanAsync(ThuisClient client, Guid newcomerId, string decisionDate, Dictionary<string, string>? fields = null)
    {
        var plan = $"/dossiers/{newcomerId}/plan";
        Assert.Equal($"{plan}/bewerken", (await client.SubmitAsync(plan, "concept", new Dictionary<string, string>())).Location);
        Assert.Equal($"{plan}?klaar=opgeslagen", (await client.SubmitAsync($"{plan}/bewerken", "plan", fields ?? PlanFields.FirstPlan())).Location);
        Assert.Equal($"{plan}?klaar=vastgesteld", (await client.SubmitAsync($"{plan}/vaststellen", "vaststellen",
            new Dictionary<string, string> { ["Input.DecisionDate"] = decisionDate })).Location);
    }

    private static ThuisAppFactory NewApp(FakeTimeProvider clock) => new() { ConfigureTestServices = s => s.AddSingleton<TimeProvider>(clock) };

    private static async Task EvaluateAsync(ThuisAppFactory app, TimeProvider clock)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<EvaluateSignals>().RunOnceAsync(clock.GetUtcNow());
    }

    private static async Task<Signal?> TermSignalAsync(ThuisAppFactory app, Guid municipalityId, Guid newcomerId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystemFor(municipalityId);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var signals = await db.Signals.AsNoTracking()
            .Where(s => s.NewcomerId == newcomerId && s.Kind == SignalKind.IntegrationTermEnding).ToListAsync();
        return signals.OrderByDescending(s => s.RaisedOn).ThenByDescending(s => s.ClosedOn is null).FirstOrDefault();
    }
}
