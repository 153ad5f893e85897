using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Thuis.Web.Data;
using Thuis.Web.Features.Dossiers;
using Thuis.Web.Features.Intake;
using Thuis.Web.Features.Milestones;
using Thuis.Web.Features.Money;
using Thuis.Web.Features.Plans;
using Thuis.Web.Features.Referrals;
using Thuis.Web.Features.Signals;
using Thuis.Web.Features.Trajectories;
using Thuis.Web.Platform.Security;
using Thuis.Web.Tests.Infrastructure;

namespace Thuis.Web.Tests;

/// <summary>
/// Each signal rule on its edge days, on a fake clock: raised exactly when its condition holds, not raised twice,
/// closed when its cause is gone, and with each municipality's own thresholds.
/// </summary>
public sealed class SignalRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 12, 1);

    /// <summary>One row: a person set up so the rule is just on one side of its edge.</summary>
    private sealed record Case(string Name, SignalKind Kind, bool Raised, int? Urgency, Func<AppDbContext, Newcomer, Task> Arrange);

    private static IEnumerable<Case> Cases()
    {
        // Defaults: PIP 10 weeks after registration, PVT 14 days after housing, warnings 14 days ahead.
        yield return new("PIP over 15 dagen", SignalKind.PipDeadline, false, null, (_, n) => Register(n, Today.AddDays(15 - 70)));
        yield return new("PIP over 14 dagen", SignalKind.PipDeadline, true, 3, (_, n) => Register(n, Today.AddDays(14 - 70)));
        yield return new("PIP gisteren verlopen", SignalKind.PipDeadline, true, 1, (_, n) => Register(n, Today.AddDays(-1 - 70)));
        yield return new("PIP vastgesteld", SignalKind.PipDeadline, false, null, async (db, n) =>
        {
            await Register(n, Today.AddDays(-1 - 70));
            db.IntegrationPlans.Add(FixedPlan(n, Today.AddDays(-3), [(ParticipationDomain.Meeting, StepStatus.Planned)], null));
        });
        // The inburgeringsplicht starts at 18: no PIP, PVT or invitation signals before, deadlines counted from the birthday after.
        yield return new("17 jaar, PIP lang verlopen", SignalKind.PipDeadline, false, null, async (_, n) =>
        {
            await Register(n, Today.AddDays(-200));
            Born(n, Today.AddYears(-18).AddDays(1));
        });
        yield return new("17 jaar, PVT lang verlopen", SignalKind.PvtStart, false, null, async (_, n) =>
        {
            await House(n, Today.AddDays(-200));
            Born(n, Today.AddYears(-18).AddDays(1));
        });
        yield return new("17 jaar, niet uitgenodigd", SignalKind.IntakeInvitation, false, null, async (_, n) =>
        {
            await Register(n, Today.AddDays(-200));
            Born(n, Today.AddYears(-18).AddDays(1));
        });
        yield return new("Vandaag 18, PIP telt vanaf de verjaardag", SignalKind.PipDeadline, false, null, async (_, n) =>
        {
            await Register(n, Today.AddDays(-200));
            Born(n, Today.AddYears(-18));
        });
        yield return new("18 sinds 57 dagen, PIP over 13 dagen", SignalKind.PipDeadline, true, 3, async (_, n) =>
        {
            await Register(n, Today.AddDays(-200));
            Born(n, Today.AddYears(-18).AddDays(-57));
        });
        yield return new("PVT over 15 dagen", SignalKind.PvtStart, false, null, (_, n) => House(n, Today.AddDays(15 - 14)));
        yield return new("PVT over 7 dagen", SignalKind.PvtStart, true, 2, (_, n) => House(n, Today.AddDays(7 - 14)));
        // The PVT start signal clears only when the person starts in time: the group's first day, or the day they joined.
        yield return new("PVT verlopen, groep begon op tijd", SignalKind.PvtStart, false, null, async (db, n) =>
        {
            await House(n, Today.AddDays(-20));
            Pvt(db, n, starts: Today.AddDays(-10), joined: Today.AddDays(-10));
        });
        yield return new("PVT verlopen, groep begon een dag te laat", SignalKind.PvtStart, true, 1, async (db, n) =>
        {
            await House(n, Today.AddDays(-20));
            Pvt(db, n, starts: Today.AddDays(-5), joined: Today.AddDays(-5));
        });
        yield return new("PVT over 7 dagen, groep begint over 10 dagen", SignalKind.PvtStart, true, 2, async (db, n) =>
        {
            await House(n, Today.AddDays(7 - 14));
            Pvt(db, n, starts: Today.AddDays(10), joined: Today);
        });
        yield return new("PVT verlopen, te laat ingestroomd in een lopende groep", SignalKind.PvtStart, true, 1, async (db, n) =>
        {
            await House(n, Today.AddDays(-20));
            Pvt(db, n, starts: Today.AddDays(-30), joined: Today.AddDays(-2));
        });
        yield return new("Voortgangsgesprek over 8 dagen", SignalKind.ProgressMeetingDue, false, null, (db, n) =>
            Add(db, FixedPlan(n, Today.AddDays(-30), [(ParticipationDomain.Meeting, StepStatus.Doing)], Today.AddDays(8))));
        yield return new("Voortgangsgesprek over 7 dagen", SignalKind.ProgressMeetingDue, true, 2, (db, n) =>
            Add(db, FixedPlan(n, Today.AddDays(-30), [(ParticipationDomain.Meeting, StepStatus.Doing)], Today.AddDays(7))));
        yield return new("Termijn over ruim 6 maanden", SignalKind.IntegrationTermEnding, false, null, (db, n) =>
            Add(db, FixedPlan(n, Today.AddMonths(6).AddYears(-3).AddDays(1), [(ParticipationDomain.Meeting, StepStatus.Doing)], null)));
        yield return new("Termijn over 6 maanden", SignalKind.IntegrationTermEnding, true, 3, (db, n) =>
            Add(db, FixedPlan(n, Today.AddMonths(6).AddYears(-3), [(ParticipationDomain.Meeting, StepStatus.Doing)], null)));
        // Stagnation: six weeks without a step started or done.
        yield return new("Plan 41 dagen stil", SignalKind.Stagnation, false, null, (db, n) =>
            Add(db, FixedPlan(n, Today.AddDays(-41), [(ParticipationDomain.Meeting, StepStatus.Planned)], null)));
        yield return new("Plan 42 dagen stil", SignalKind.Stagnation, true, 3, (db, n) =>
            Add(db, FixedPlan(n, Today.AddDays(-42), [(ParticipationDomain.Meeting, StepStatus.Planned)], null)));
        // Isolation: eight weeks after housing, nothing in "ontmoeten".
        yield return new("55 dagen gehuisvest", SignalKind.Isolation, false, null, (_, n) => House(n, Today.AddDays(-55)));
        yield return new("56 dagen gehuisvest", SignalKind.Isolation, true, 2, (_, n) => House(n, Today.AddDays(-56)));
        yield return new("56 dagen gehuisvest, stap in ontmoeten", SignalKind.Isolation, false, null, async (db, n) =>
        {
            await House(n, Today.AddDays(-56));
            db.IntegrationPlans.Add(FixedPlan(n, Today.AddDays(-10), [(ParticipationDomain.Meeting, StepStatus.Planned)], null));
        });
        // Over-asked: more than six things at once.
        yield return new("6 stappen tegelijk", SignalKind.OverAsked, false, null, (db, n) =>
            Add(db, FixedPlan(n, Today.AddDays(-10), [.. Enumerable.Repeat((ParticipationDomain.SelfReliance, StepStatus.Doing), 6)], null)));
        yield return new("7 stappen tegelijk", SignalKind.OverAsked, true, 3, (db, n) =>
            Add(db, FixedPlan(n, Today.AddDays(-10), [.. Enumerable.Repeat((ParticipationDomain.SelfReliance, StepStatus.Doing), 7)], null)));
        // Attendance: three unexcused absences among the last four sessions.
        yield return new("2 van 4 gemist", SignalKind.Attendance, false, null, (db, n) => Lessons(db, n, Attendance.Present, Attendance.Present,
            Attendance.UnexcusedAbsence, Attendance.UnexcusedAbsence));
        yield return new("3 van 4 gemist", SignalKind.Attendance, true, 2, (db, n) => Lessons(db, n, Attendance.Present, Attendance.UnexcusedAbsence,
            Attendance.UnexcusedAbsence, Attendance.UnexcusedAbsence));
        yield return new("3 gemist, 1 met bericht", SignalKind.Attendance, false, null, (db, n) => Lessons(db, n, Attendance.UnexcusedAbsence,
            Attendance.ExcusedAbsence, Attendance.UnexcusedAbsence, Attendance.UnexcusedAbsence, Attendance.Present));
        // Referral: ten days without the partner's answer.
        yield return new("Verwijzing 9 dagen", SignalKind.ReferralUnanswered, false, null, (db, n) => SentReferral(db, n, Today.AddDays(-9)));
        yield return new("Verwijzing 10 dagen", SignalKind.ReferralUnanswered, true, 2, (db, n) => SentReferral(db, n, Today.AddDays(-10)));
        yield return new("Schulden, hulp nodig", SignalKind.DebtsWithoutHelp, true, 2, (db, n) => Debts(db, n, DebtHelp.Needed));
        yield return new("Schulden, doorverwezen", SignalKind.DebtsWithoutHelp, false, null, (db, n) => Debts(db, n, DebtHelp.Referred));
        yield return new("Niet nu tot vandaag", SignalKind.NotNowEnded, false, null, (_, n) => Pause(n, Today));
        yield return new("Niet nu tot gisteren", SignalKind.NotNowEnded, true, 2, (_, n) => Pause(n, Today.AddDays(-1)));
        // Intake invitations: the first within two weeks of registration, every invitation followed by its outcome.
        yield return new("Ingeschreven 13 dagen, niet uitgenodigd", SignalKind.IntakeInvitation, false, null, (_, n) => Register(n, Today.AddDays(-13)));
        yield return new("Ingeschreven 14 dagen, niet uitgenodigd", SignalKind.IntakeInvitation, true, 2, (_, n) => Register(n, Today.AddDays(-14)));
        yield return new("Ingeschreven 14 dagen, conceptplan", SignalKind.IntakeInvitation, false, null, async (db, n) =>
        {
            await Register(n, Today.AddDays(-14));
            db.IntegrationPlans.Add(IntegrationPlan.FirstDraft(n, "test", Now));
        });
        yield return new("Uitnodiging vandaag", SignalKind.IntakeInvitation, false, null, (db, n) => Invited(db, n, (Today, InvitationOutcome.Planned)));
        yield return new("Uitnodiging gisteren zonder uitkomst", SignalKind.IntakeInvitation, true, 2, (db, n) => Invited(db, n, (Today.AddDays(-1), InvitationOutcome.Planned)));
        yield return new("Niet verschenen", SignalKind.IntakeInvitation, true, 1, (db, n) => Invited(db, n, (Today.AddDays(-3), InvitationOutcome.NoShow)));
        yield return new("Niet verschenen, opnieuw uitgenodigd", SignalKind.IntakeInvitation, false, null, (db, n) =>
            Invited(db, n, (Today.AddDays(-3), InvitationOutcome.NoShow), (Today.AddDays(4), InvitationOutcome.Planned)));
        yield return new("Verschenen", SignalKind.IntakeInvitation, false, null, (db, n) => Invited(db, n, (Today.AddDays(-3), InvitationOutcome.Attended)));
        // A consent the person withdrew themselves is news for the quiet days after resolving (14 by default).
        yield return new("Toestemming vandaag zelf ingetrokken", SignalKind.ConsentWithdrawn, true, 2, (db, n) => Withdrawn(db, n, Today, themselves: true));
        yield return new("Toestemming 13 dagen geleden zelf ingetrokken", SignalKind.ConsentWithdrawn, true, 2, (db, n) => Withdrawn(db, n, Today.AddDays(-13), themselves: true));
        yield return new("Toestemming 14 dagen geleden zelf ingetrokken", SignalKind.ConsentWithdrawn, false, null, (db, n) => Withdrawn(db, n, Today.AddDays(-14), themselves: true));
        yield return new("Toestemming door de klantregisseur ingetrokken", SignalKind.ConsentWithdrawn, false, null, (db, n) => Withdrawn(db, n, Today, themselves: false));
        // 18-month milestones: settling is due three months after housing, integrating after twelve.
        yield return new("Gehuisvest 3 maanden, lijst niet af", SignalKind.MilestoneBehind, false, null, (_, n) => House(n, Today.AddMonths(-3)));
        yield return new("Gehuisvest 3 maanden en een dag, lijst niet af", SignalKind.MilestoneBehind, true, 3, (_, n) => House(n, Today.AddMonths(-3).AddDays(-1)));
        yield return new("Gehuisvest 2 maanden, inburgeren loopt achter", SignalKind.MilestoneBehind, true, 3, async (db, n) =>
        {
            await House(n, Today.AddMonths(-2));
            Behind(db, n, MilestoneKind.Integrate, "Wacht op kinderopvang");
        });
        // Ontzorgen: the hand-back is planned four weeks before the end; the law's six months for a permit holder on bijstand.
        yield return new("Ontzorgen eindigt over 29 dagen, niets gepland", SignalKind.OntzorgenHandBack, false, null, (db, n) =>
            Ontzorgd(db, n, Today.AddMonths(-8), Today.AddDays(29), IncomeSource.Work));
        yield return new("Ontzorgen eindigt over 28 dagen, geen rekeningen", SignalKind.OntzorgenHandBack, true, 3, (db, n) =>
            Ontzorgd(db, n, Today.AddMonths(-8), Today.AddDays(28), IncomeSource.Work));
        yield return new("Ontzorgen eindigt over 7 dagen, huur zonder terugdatum", SignalKind.OntzorgenHandBack, true, 2, (db, n) =>
            Ontzorgd(db, n, Today.AddMonths(-8), Today.AddDays(7), IncomeSource.Work, [(FixedCostKind.Rent, null), (FixedCostKind.Water, Today.AddDays(8))]));
        yield return new("Ontzorgen eindigt over 7 dagen, alles gepland", SignalKind.OntzorgenHandBack, false, null, (db, n) =>
            Ontzorgd(db, n, Today.AddMonths(-8), Today.AddDays(7), IncomeSource.Work, [(FixedCostKind.Rent, Today.AddDays(8)), (FixedCostKind.Water, Today.AddDays(8))]));
        yield return new("Ontzorgen gisteren geëindigd, huur zonder terugdatum", SignalKind.OntzorgenHandBack, true, 1, (db, n) =>
            Ontzorgd(db, n, Today.AddMonths(-8), Today.AddDays(-1), IncomeSource.Work, [(FixedCostKind.Rent, null)]));
        yield return new("Ontzorgen gisteren geëindigd, geen rekeningen", SignalKind.OntzorgenHandBack, false, null, (db, n) =>
            Ontzorgd(db, n, Today.AddMonths(-8), Today.AddDays(-1), IncomeSource.Work));
        yield return new("Bijstand, gehuisvest, geen ontzorgen", SignalKind.OntzorgenBelowLaw, true, 2, async (db, n) =>
        {
            await House(n, Today.AddDays(-3));
            Income(db, n, IncomeSource.Benefit);
        });
        yield return new("Loon, gehuisvest, geen ontzorgen", SignalKind.OntzorgenBelowLaw, false, null, async (db, n) =>
        {
            await House(n, Today.AddDays(-3));
            Income(db, n, IncomeSource.Work);
        });
        // From 1 June 2026 the six months run to 30 November 2026.
        yield return new("Bijstand, ontzorgen tot de laatste dag van zes maanden", SignalKind.OntzorgenBelowLaw, false, null, (db, n) =>
            Ontzorgd(db, n, new DateOnly(2026, 6, 1), new DateOnly(2026, 11, 30), IncomeSource.Benefit));
        yield return new("Bijstand, ontzorgen een dag te kort", SignalKind.OntzorgenBelowLaw, true, 1, (db, n) =>
            Ontzorgd(db, n, new DateOnly(2026, 6, 1), new DateOnly(2026, 11, 29), IncomeSource.Benefit));
        yield return new("Loon, ontzorgen een dag korter dan zes maanden", SignalKind.OntzorgenBelowLaw, false, null, (db, n) =>
            Ontzorgd(db, n, new DateOnly(2026, 6, 1), new DateOnly(2026, 11, 29), IncomeSource.Work));
        yield return new("Bijstand, huur terug de dag na zes maanden", SignalKind.OntzorgenBelowLaw, false, null, (db, n) =>
            Ontzorgd(db, n, new DateOnly(2026, 6, 1), null, IncomeSource.Benefit, [(FixedCostKind.Rent, new DateOnly(2026, 12, 1))]));
        yield return new("Bijstand, huur terug op de laatste dag van zes maanden", SignalKind.OntzorgenBelowLaw, true, 1, (db, n) =>
            Ontzorgd(db, n, new DateOnly(2026, 6, 1), null, IncomeSource.Benefit, [(FixedCostKind.Rent, new DateOnly(2026, 11, 30))]));
    }

    [Fact]
    public async Task Each_rule_raises_a_signal_exactly_when_its_condition_holds()
    {
        await using var app = NewApp();
        var world = await TestWorld.SeedAsync(app);
        var cases = Cases().ToList();
        var people = new List<Guid>();
        foreach (var row in cases)
        {
            people.Add(await NewcomerAsync(app, world.A.Id, row.Name, row.Arrange));
        }

        await EvaluateAsync(app);

        var signals = await SignalsAsync(app, world.A.Id);
        var failures = new List<string>();
        for (var i = 0; i < cases.Count; i++)
        {
            var signal = signals.SingleOrDefault(s => s.NewcomerId == people[i] && s.Kind == cases[i].Kind);
            if ((signal is not null) != cases[i].Raised || (signal is not null && signal.Urgency != cases[i].Urgency))
            {
                failures.Add($"{cases[i].Name}: verwacht {(cases[i].Raised ? $"urgentie {cases[i].Urgency}" : "geen")}, kreeg {signal?.Urgency.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "geen"}");
            }
        }
        Assert.Empty(failures);
        Assert.All(signals.Where(s => s.Kind == SignalKind.Attendance), s => Assert.Equal("Heeft 3 van de laatste 4 lessen gemist zonder bericht", s.Reason));
        var noShow = signals.Single(s => s.NewcomerId == people[cases.FindIndex(c => c.Name == "Niet verschenen")] && s.Kind == SignalKind.IntakeInvitation);
        Assert.Equal("Tweede uitnodiging sturen, met een waarschuwing.", noShow.NextAction);
        var behind = signals.Single(s => s.NewcomerId == people[cases.FindIndex(c => c.Name == "Gehuisvest 2 maanden, inburgeren loopt achter")] && s.Kind == SignalKind.MilestoneBehind);
        Assert.Equal("Inburgeren loopt achter: Wacht op kinderopvang", behind.Reason);
    }

    [Fact]
    public async Task A_second_run_raises_nothing_new_and_a_signal_closes_when_its_cause_is_gone()
    {
        var clock = new FakeTimeProvider(Now);
        await using var app = NewApp(clock);
        var world = await TestWorld.SeedAsync(app);
        var paused = await NewcomerAsync(app, world.A.Id, "Pauze", (_, n) => Pause(n, Today.AddDays(-1)));

        await EvaluateAsync(app);
        var first = await SignalsAsync(app, world.A.Id);
        await EvaluateAsync(app);
        var second = await SignalsAsync(app, world.A.Id);
        Assert.Equal(first.Select(s => s.Id).Order(), second.Select(s => s.Id).Order());
        Assert.Single(second, s => s.NewcomerId == paused && s.Kind == SignalKind.NotNowEnded);

        // The save itself is the event: no evaluation is asked for.
        await AsSystemAsync(app, world.A.Id, async db => (await db.Newcomers.SingleAsync(n => n.Id == paused)).Resume());
        var closed = (await SignalsAsync(app, world.A.Id)).Single(s => s.NewcomerId == paused && s.Kind == SignalKind.NotNowEnded);
        Assert.Equal(SignalState.Closed, closed.State);
        Assert.Equal(Today, closed.ClosedOn);
    }

    [Fact]
    public async Task Saving_the_invitation_outcome_closes_its_signal_at_once()
    {
        await using var app = NewApp();
        var world = await TestWorld.SeedAsync(app);
        var invited = await NewcomerAsync(app, world.A.Id, "Uitgenodigd", (db, n) => Invited(db, n, (Today.AddDays(-1), InvitationOutcome.Planned)));
        await EvaluateAsync(app);
        Assert.Single(await SignalsAsync(app, world.A.Id), s => s.NewcomerId == invited && s.Kind == SignalKind.IntakeInvitation && s.IsOpen);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystemFor(world.A.Id);
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var version = await db.Set<InvitationsSection>().Where(s => s.NewcomerId == invited).Select(s => s.Version).SingleAsync();
            var saved = await scope.ServiceProvider.GetRequiredService<SaveIntakeSection>().HandleAsync(invited, version,
                (id, municipality) => new InvitationsSection(id, municipality),
                s => s.Update([new Invitation { Date = Today.AddDays(-1), Outcome = InvitationOutcome.Attended }]), CancellationToken.None);
            Assert.True(saved.IsSaved);
        }

        var signal = (await SignalsAsync(app, world.A.Id)).Single(s => s.NewcomerId == invited && s.Kind == SignalKind.IntakeInvitation);
        Assert.Equal(SignalState.Closed, signal.State);
        Assert.Equal(Today, signal.ClosedOn);
    }

    [Fact]
    public async Task The_administrator_changes_the_thresholds_and_the_signals_follow_at_once_in_that_municipality_only()
    {
        await using var app = NewApp();
        var world = await TestWorld.SeedAsync(app);
        var inA = await NewcomerAsync(app, world.A.Id, "Gemeente A", (db, n) => SentReferral(db, n, Today.AddDays(-5)));
        var inB = await NewcomerAsync(app, world.B.Id, "Gemeente B", (db, n) => SentReferral(db, n, Today.AddDays(-5)));
        await EvaluateAsync(app);
        Assert.DoesNotContain(await SignalsAsync(app, world.A.Id), s => s.NewcomerId == inA && s.Kind == SignalKind.ReferralUnanswered);

        using var admin = new ThuisClient(app);
        await admin.SignInOrFailAsync(await world.CreateUserAsync(world.A, Roles.Administrator));
        var page = await admin.GetAsync("/beheer");
        Assert.Equal("10", page.ValueOf("Input.ReferralAnswerDays"));

        var refused = await admin.SubmitAsync("/beheer", "signaaldrempels", new Dictionary<string, string>
        {
            ["Input.AttendanceAbsences"] = "5",
            ["Input.AttendanceWindow"] = "4",
            ["Input.ReferralAnswerDays"] = "5",
        });
        Assert.Contains("Kijk naar minstens zoveel lessen als er gemist mogen worden.", refused.Text, StringComparison.Ordinal);
        Assert.Equal("5", refused.ValueOf("Input.AttendanceAbsences"));
        Assert.Equal("5", refused.ValueOf("Input.ReferralAnswerDays"));
        Assert.DoesNotContain(await SignalsAsync(app, world.A.Id), s => s.NewcomerId == inA && s.Kind == SignalKind.ReferralUnanswered);

        var saved = await admin.SubmitAsync("/beheer", "signaaldrempels", new Dictionary<string, string> { ["Input.ReferralAnswerDays"] = "5" });
        Assert.Contains("De drempels zijn opgeslagen en de signalen zijn opnieuw bepaald.", saved.Text, StringComparison.Ordinal);
        Assert.Equal("5", saved.ValueOf("Input.ReferralAnswerDays"));
        Assert.Single(await SignalsAsync(app, world.A.Id), s => s.NewcomerId == inA && s.Kind == SignalKind.ReferralUnanswered && s.IsOpen);
        Assert.DoesNotContain(await SignalsAsync(app, world.B.Id), s => s.NewcomerId == inB && s.Kind == SignalKind.ReferralUnanswered);

        // A form loaded before that save is refused and keeps what was typed.
        var stale = await admin.SubmitAsync("/beheer", "signaaldrempels", new Dictionary<string, string>
        {
            ["Input.Version"] = page.ValueOf("Input.Version")!,
            ["Input.StagnationWeeks"] = "3",
        });
        Assert.Contains("Iemand anders heeft de drempels intussen gewijzigd.", stale.Text, StringComparison.Ordinal);
        Assert.Equal("3", stale.ValueOf("Input.StagnationWeeks"));
        await AsSystemAsync(app, world.A.Id, async db => Assert.Equal(6, (await db.SignalSettings.SingleAsync(s => s.MunicipalityId == world.A.Id)).StagnationWeeks));

        using var caseManager = new ThuisClient(app);
        await caseManager.SignInOrFailAsync(await world.CreateUserAsync(world.A, Roles.CaseManager));
        Assert.NotEqual(System.Net.HttpStatusCode.OK, (await caseManager.GetAsync("/beheer")).Status);
    }

    [Fact]
    public async Task A_resolved_signal_stays_quiet_and_a_snoozed_one_returns_on_its_date()
    {
        await using var app = NewApp();
        var world = await TestWorld.SeedAsync(app);
        var resolved = await NewcomerAsync(app, world.A.Id, "Opgelost", (db, n) => Debts(db, n, DebtHelp.Needed));
        var snoozed = await NewcomerAsync(app, world.A.Id, "Later", (db, n) => Debts(db, n, DebtHelp.Needed));
        await EvaluateAsync(app);
        await AsSystemAsync(app, world.A.Id, async db =>
        {
            (await db.Signals.SingleAsync(s => s.NewcomerId == resolved && s.Kind == SignalKind.DebtsWithoutHelp)).Resolve("Afgesproken met de bewindvoerder", "test", Today);
            (await db.Signals.SingleAsync(s => s.NewcomerId == snoozed && s.Kind == SignalKind.DebtsWithoutHelp)).Snooze(Today.AddDays(3), "test", Today);
        });

        await EvaluateAsync(app);
        var sameDay = await SignalsAsync(app, world.A.Id);
        Assert.Single(sameDay, s => s.NewcomerId == resolved && s.Kind == SignalKind.DebtsWithoutHelp);
        Assert.Equal(SignalState.Snoozed, sameDay.Single(s => s.NewcomerId == snoozed && s.Kind == SignalKind.DebtsWithoutHelp).State);

        await EvaluateAsync(app, Now.AddDays(3));
        var later = await SignalsAsync(app, world.A.Id);
        Assert.Single(later, s => s.NewcomerId == resolved && s.Kind == SignalKind.DebtsWithoutHelp);
        Assert.Equal(SignalState.Open, later.Single(s => s.NewcomerId == snoozed && s.Kind == SignalKind.DebtsWithoutHelp).State);

        // After the quiet days (14 by default) a cause that still holds is raised again.
        await EvaluateAsync(app, Now.AddDays(14));
        Assert.Equal(2, (await SignalsAsync(app, world.A.Id)).Count(s => s.NewcomerId == resolved && s.Kind == SignalKind.DebtsWithoutHelp));
    }

    [Fact]
    public async Task A_snoozed_signal_returns_when_its_deadline_comes_before_the_snooze_ends()
    {
        await using var app = NewApp();
        var world = await TestWorld.SeedAsync(app);
        // PIP due in ten days: urgency 3. Snoozed for a month, it must not sleep through the deadline.
        var person = await NewcomerAsync(app, world.A.Id, "Sluimer", (_, n) => Register(n, Today.AddDays(10 - 70)));
        await EvaluateAsync(app);
        await AsSystemAsync(app, world.A.Id, async db =>
            (await db.Signals.SingleAsync(s => s.NewcomerId == person && s.Kind == SignalKind.PipDeadline)).Snooze(Today.AddDays(30), "test", Today));

        await EvaluateAsync(app, Now.AddDays(2));
        var stillAsleep = (await SignalsAsync(app, world.A.Id)).Single(s => s.NewcomerId == person && s.Kind == SignalKind.PipDeadline);
        Assert.Equal((SignalState.Snoozed, 3), (stillAsleep.State, stillAsleep.Urgency));

        // Within a week of the deadline its urgency rises: it asks for attention again.
        await EvaluateAsync(app, Now.AddDays(3));
        var woken = (await SignalsAsync(app, world.A.Id)).Single(s => s.NewcomerId == person && s.Kind == SignalKind.PipDeadline);
        Assert.Equal((SignalState.Open, 2, (DateOnly?)null), (woken.State, woken.Urgency, woken.SnoozedUntil));
    }

    [Fact]
    public async Task A_resolved_signal_is_raised_again_within_its_quiet_days_when_the_situation_escalates()
    {
        await using var app = NewApp();
        var world = await TestWorld.SeedAsync(app);
        var person = await NewcomerAsync(app, world.A.Id, "Opgelost", (_, n) => Register(n, Today.AddDays(10 - 70)));
        await EvaluateAsync(app);
        await AsSystemAsync(app, world.A.Id, async db =>
            (await db.Signals.SingleAsync(s => s.NewcomerId == person && s.Kind == SignalKind.PipDeadline)).Resolve("Gesprek staat gepland", "test", Today));

        // Same urgency a day later: the resolution holds.
        await EvaluateAsync(app, Now.AddDays(1));
        Assert.Single(await SignalsAsync(app, world.A.Id), s => s.NewcomerId == person && s.Kind == SignalKind.PipDeadline);

        // The deadline passes without a plan, well within the fourteen quiet days: a new, most urgent signal.
        await EvaluateAsync(app, Now.AddDays(11));
        var signals = (await SignalsAsync(app, world.A.Id)).Where(s => s.NewcomerId == person && s.Kind == SignalKind.PipDeadline).ToList();
        Assert.Equal(2, signals.Count);
        var raised = Assert.Single(signals, s => s.IsOpen);
        Assert.Equal(1, raised.Urgency);
        Assert.StartsWith("Het PIP had uiterlijk", raised.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Since_is_the_day_the_situation_began_not_the_day_the_rule_ran()
    {
        await using var app = NewApp();
        var world = await TestWorld.SeedAsync(app);
        var late = await NewcomerAsync(app, world.A.Id, "Laat", (_, n) => Register(n, Today.AddDays(-200)));
        var absent = await NewcomerAsync(app, world.A.Id, "Afwezig", (db, n) => Lessons(db, n, Attendance.Present, Attendance.UnexcusedAbsence,
            Attendance.UnexcusedAbsence, Attendance.UnexcusedAbsence));
        var referred = await NewcomerAsync(app, world.A.Id, "Verwezen", (db, n) => SentReferral(db, n, Today.AddDays(-25)));
        var paused = await NewcomerAsync(app, world.A.Id, "Pauze", (_, n) => Pause(n, Today.AddDays(-9)));

        await EvaluateAsync(app);

        var signals = await SignalsAsync(app, world.A.Id);
        DateOnly SinceOf(Guid person, SignalKind kind) => signals.Single(s => s.NewcomerId == person && s.Kind == kind).Since;
        // Registered 200 days ago: the PIP was due after 70 days and asked for attention from 14 days before.
        Assert.Equal(Today.AddDays(-200 + 70 - 14), SinceOf(late, SignalKind.PipDeadline));
        // The lessons were weekly up to last week; the first of the three missed was three weeks ago.
        Assert.Equal(Today.AddDays(-21), SinceOf(absent, SignalKind.Attendance));
        Assert.Equal(Today.AddDays(-25 + 10), SinceOf(referred, SignalKind.ReferralUnanswered));
        Assert.Equal(Today.AddDays(-8), SinceOf(paused, SignalKind.NotNowEnded));
        Assert.All(signals.Where(s => s.NewcomerId == late || s.NewcomerId == absent), s => Assert.Equal(Today, s.RaisedOn));
    }

    [Fact]
    public async Task Each_municipality_uses_its_own_thresholds()
    {
        await using var app = NewApp();
        var world = await TestWorld.SeedAsync(app);
        await AsSystemAsync(app, world.A.Id, db =>
        {
            var settings = new SignalSettings(world.A.Id);
            settings.Change(14, 3, 4, 6, 8, 6, referralAnswerDays: 5, 14);
            db.SignalSettings.Add(settings);
            return Task.CompletedTask;
        });
        var inA = await NewcomerAsync(app, world.A.Id, "Gemeente A", (db, n) => SentReferral(db, n, Today.AddDays(-5)));
        var inB = await NewcomerAsync(app, world.B.Id, "Gemeente B", (db, n) => SentReferral(db, n, Today.AddDays(-5)));

        await EvaluateAsync(app);

        Assert.Single(await SignalsAsync(app, world.A.Id), s => s.NewcomerId == inA && s.Kind == SignalKind.ReferralUnanswered);
        Assert.DoesNotContain(await SignalsAsync(app, world.B.Id), s => s.NewcomerId == inB && s.Kind == SignalKind.ReferralUnanswered);
    }

    private static ThuisAppFactory NewApp(TimeProvider? clock = null) =>
        new() { ConfigureTestServices = s => s.AddSingleton(clock ?? new FakeTimeProvider(Now)) };

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

    private static async Task AsSystemAsync(ThuisAppFactory app, Guid municipalityId, Func<AppDbContext, Task> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystemFor(municipalityId);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await work(db);
        await db.SaveChangesAsync();
    }

    /// <summary>A person registered and housed long ago with a plan, so only what the case arranges can raise its signal.</summary>
    private static async Task<Guid> NewcomerAsync(ThuisAppFactory app, Guid municipalityId, string name, Func<AppDbContext, Newcomer, Task> arrange)
    {
        var id = Guid.Empty;
        await AsSystemAsync(app, municipalityId, async db =>
        {
            var newcomer = People.Newcomer(municipalityId, name, "Test", new DateOnly(1990, 1, 1));
            newcomer.UpdateLegalFrame(Frame(new DateOnly(2026, 3, 1), null));
            db.Newcomers.Add(newcomer);
            await arrange(db, newcomer);
            id = newcomer.Id;
        });
        return id;
    }

    private static LegalFrame Frame(DateOnly registered, DateOnly? housed) =>
        new(TargetGroup.AsylumPermitHolder, new DateOnly(2026, 1, 1), registered, housed, null, null, null, null);

    private static Task Register(Newcomer newcomer, DateOnly on)
    {
        newcomer.UpdateLegalFrame(Frame(on, null));
        return Task.CompletedTask;
    }

    private static Task House(Newcomer newcomer, DateOnly on)
    {
        newcomer.UpdateLegalFrame(Frame(new DateOnly(2026, 3, 1), on));
        return Task.CompletedTask;
    }

    private static void Born(Newcomer n, DateOnly on) =>
        n.UpdatePerson(new PersonDetails(n.GivenNames, n.FamilyName, on, n.Gender, n.CountryOfOrigin, null, null, null, null, false, null, null));

    private static Task Pause(Newcomer newcomer, DateOnly until)
    {
        newcomer.Pause(until, "Eerst de verhuizing");
        return Task.CompletedTask;
    }

    private static Task Add(AppDbContext db, IntegrationPlan plan)
    {
        db.IntegrationPlans.Add(plan);
        return Task.CompletedTask;
    }

    private static IntegrationPlan FixedPlan(Newcomer newcomer, DateOnly decided, IReadOnlyList<(ParticipationDomain Domain, StepStatus Status)> steps, DateOnly? nextMeeting)
    {
        var plan = IntegrationPlan.FirstDraft(newcomer, "test", Now);
        plan.Revise(new PlanTerms(LearningRoute.B1, MainGoal.Participation, null, null, null, null, null, null, null, null, nextMeeting, null),
            new Dictionary<ParticipationDomain, string>(),
            [.. steps.Select(s => new StepContent(null, s.Domain, "Een stap", StepOwner.Newcomer, null, null, true, null))], decided);
        plan.Fix(decided, "test", Now);
        foreach (var (step, wanted) in plan.Steps.Zip(steps))
        {
            if (wanted.Status != StepStatus.Planned)
            {
                plan.RecordProgress(step.Id, wanted.Status, null, decided);
            }
        }
        return plan;
    }

    private static void Pvt(AppDbContext db, Newcomer newcomer, DateOnly starts, DateOnly joined)
    {
        var group = new CourseGroup(newcomer.MunicipalityId, new CourseGroupDetails(CourseKind.Pvt, $"PVT {newcomer.GivenNames}", null, null, starts, null));
        db.CourseGroups.Add(group);
        db.Enrolments.Add(new Enrolment(group, newcomer.Id, newcomer.MunicipalityId, joined, "test", Now));
    }

    /// <summary>Weekly lessons up to last week, the last value the most recent.</summary>
    private static Task Lessons(AppDbContext db, Newcomer newcomer, params Attendance[] values)
    {
        var group = new CourseGroup(newcomer.MunicipalityId, new CourseGroupDetails(CourseKind.LanguageCourse, $"Groep {newcomer.GivenNames}", null, null, Today.AddDays(-60), null));
        db.CourseGroups.Add(group);
        for (var i = 0; i < values.Length; i++)
        {
            var session = new Session(group, new SessionDetails(Today.AddDays(-7 * (values.Length - i)), new TimeOnly(9, 0), new TimeOnly(11, 0), SessionKind.LanguageLesson, null, null));
            db.Sessions.Add(session);
            db.AttendanceRecords.Add(new AttendanceRecord(session, newcomer.Id, values[i], "test", Now));
        }
        return Task.CompletedTask;
    }

    private static async Task SentReferral(AppDbContext db, Newcomer newcomer, DateOnly sent)
    {
        var partner = await db.Organisations.FirstAsync(o => o.IsPartner);
        var proposal = new Proposal(newcomer, TargetKind.Other, null, "Taalcafé", partner.Id, null, "test", Now, sent);
        proposal.RecordAnswer(NewcomerAnswer.Yes, sent, null);
        var consent = new Consent(proposal, "Doorverwijzing", sent, sent.AddYears(1), "test");
        var referral = new Referral(proposal, consent, partner, null, sent);
        referral.Send(sent);
        db.Proposals.Add(proposal);
        db.Consents.Add(consent);
        db.Referrals.Add(referral);
    }

    private static async Task Withdrawn(AppDbContext db, Newcomer newcomer, DateOnly on, bool themselves)
    {
        var partner = await db.Organisations.FirstAsync(o => o.IsPartner);
        var given = on.AddDays(-30);
        var proposal = new Proposal(newcomer, TargetKind.Other, null, "Taalcafé", partner.Id, null, "test", Now, given);
        var by = new ByWhom("Test", themselves, Now);
        proposal.RecordAnswer(NewcomerAnswer.Yes, given, null, null, null, by);
        var consent = new Consent(proposal, "Doorverwijzing", given, given.AddYears(1), by);
        consent.Withdraw(on, by);
        db.Proposals.Add(proposal);
        db.Consents.Add(consent);
    }

    private static Task Invited(AppDbContext db, Newcomer newcomer, params (DateOnly Date, InvitationOutcome Outcome)[] invitations)
    {
        var section = new InvitationsSection(newcomer.Id, newcomer.MunicipalityId);
        section.Update(invitations.Select(i => new Invitation { Date = i.Date, Outcome = i.Outcome }));
        db.Add(section);
        // Invited long enough ago that only the invitations themselves decide.
        return Register(newcomer, Today.AddDays(-30));
    }

    private static void Behind(AppDbContext db, Newcomer newcomer, MilestoneKind kind, string note)
    {
        var milestone = new Milestone(newcomer.Id, newcomer.MunicipalityId, kind);
        milestone.Record(MilestoneState.Behind, null, [], note, "test", Now, Today);
        db.Milestones.Add(milestone);
    }

    private static void Income(AppDbContext db, Newcomer newcomer, IncomeSource income)
    {
        var finances = new FinancesSection(newcomer.Id, newcomer.MunicipalityId);
        finances.Update(income, false, null, null, DebtHelp.NotNeeded, true, null);
        db.Add(finances);
    }

    /// <summary>Ontzorgd from <paramref name="from"/> in the plan, with bills that go back on their day (or not yet planned).</summary>
    private static Task Ontzorgd(AppDbContext db, Newcomer newcomer, DateOnly from, DateOnly? until, IncomeSource income,
        params IReadOnlyList<(FixedCostKind Kind, DateOnly? Back)> bills)
    {
        Income(db, newcomer, income);
        var plan = IntegrationPlan.FirstDraft(newcomer, "test", Now);
        plan.Revise(new PlanTerms(LearningRoute.B1, MainGoal.Participation, null, null, null, from, until, null, null, null, null, null),
            new Dictionary<ParticipationDomain, string>(), [], from);
        db.IntegrationPlans.Add(plan);
        foreach (var (kind, back) in bills)
        {
            db.OntzorgenCosts.Add(new OntzorgenCost(newcomer, new OntzorgenCostDetails(kind, null, "Woonstichting", 600m, from, back, back is null ? null : "budgetcoach")));
        }
        return Task.CompletedTask;
    }

    private static Task Debts(AppDbContext db, Newcomer newcomer, DebtHelp help)
    {
        var finances = new FinancesSection(newcomer.Id, newcomer.MunicipalityId);
        finances.Update(IncomeSource.Benefit, true, 1200m, "Zorgverzekeraar", help, true, false);
        db.Add(finances);
        return Task.CompletedTask;
    }
}
