using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Thuis.Web.Data;
using Thuis.Web.Features.Accounts;
using Thuis.Web.Features.Dossiers;
using Thuis.Web.Features.Intake;
using Thuis.Web.Features.Own;
using Thuis.Web.Features.Referrals;
using Thuis.Web.Features.Reports;
using Thuis.Web.Features.Signals;
using Thuis.Web.Features.Trajectories;
using Thuis.Web.Platform.Security;
using Thuis.Web.Tests.Infrastructure;

namespace Thuis.Web.Tests;

/// <summary>
/// "Hoe gaat het?" and "Wat ik wil" in the newcomer's own Thuis: when a question is asked, that it is answered once, that
/// an unhappy answer reaches the case manager, that the person's wishes are their own words and never overwrite the case
/// manager's save, and that the case manager and the report see it all.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class OwnFeedbackTests(AppFixture fixture)
{
    private const string FormName = "hoe-gaat-het";
    private const string IntakeForm = "intake-deel";

    private TestWorld World => fixture.World;

    private static DateOnly Today => Groups.Today;

    [Fact]
    public async Task A_question_is_asked_from_fourteen_days_after_the_start_and_not_on_the_thirteenth()
    {
        var person = await PersonWithAccountAsync(fixture.App, World.A);
        var thirteen = await StartedAsync(fixture.App, person, ActivityKind.Referral, Today.AddDays(-13), "Taalcafé dertien");
        var fourteen = await StartedAsync(fixture.App, person, ActivityKind.Arranged, Today.AddDays(-14), "Taalmaatje veertien");
        var group = await StartedAsync(fixture.App, person, ActivityKind.CourseGroup, Today.AddDays(-20), "Taalcursus twintig");
        using var newcomer = await SignedInAsync(fixture.App, person);

        var list = await newcomer.GetAsync("/mijn/hoe-gaat-het");
        Assert.Equal(HttpStatusCode.OK, list.Status);
        var asked = list.Document.QuerySelectorAll("[data-testid=own-question]").Select(q => q.QuerySelector(".thuis-own__what")!.TextContent).ToList();
        Assert.Equal(["Taalcursus twintig", "Taalmaatje veertien"], asked.Order(StringComparer.Ordinal));
        Assert.Contains("U doet nu twee weken mee.", list.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Taalcafé dertien", list.Text, StringComparison.Ordinal);

        var start = await newcomer.GetAsync("/mijn");
        Assert.Contains("Er zijn 2 vragen voor u", start.Document.QuerySelector("[data-testid=own-question-card]")!.TextContent, StringComparison.Ordinal);

        var notYet = await newcomer.GetAsync($"/mijn/hoe-gaat-het/{thirteen}");
        Assert.Equal(HttpStatusCode.OK, notYet.Status);
        Assert.Contains("Over deze activiteit is nu geen vraag.", notYet.Text, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => notYet.Form(FormName));

        // A form of a question that is asked, sent for the activity of thirteen days: refused, nothing saved.
        var open = await newcomer.GetAsync($"/mijn/hoe-gaat-het/{fourteen}");
        var forged = await PostToAsync(newcomer, open, $"/mijn/hoe-gaat-het/{thirteen}", Answer(3, WantsToContinue.Yes));
        Assert.Equal(HttpStatusCode.OK, forged.Status);
        Assert.Contains("Over deze activiteit is nu geen vraag.", forged.Text, StringComparison.Ordinal);
        Assert.Equal(0, await AnswersAsync(fixture.App, person));
        Assert.NotEqual(Guid.Empty, group);
    }

    [Fact]
    public async Task Three_months_are_calendar_months_so_the_thirtieth_of_November_is_asked_on_the_twenty_eighth_of_February()
    {
        // The rule itself, at the ends of months and in a leap year.
        var endOfMay = new OwnActivity(ActivityKind.Referral, Guid.NewGuid(), "x", new DateOnly(2026, 5, 31));
        Assert.Equal(new DateOnly(2026, 8, 31), endOfMay.AskedFrom(FeedbackMoment.ThreeMonths));
        Assert.Equal(new DateOnly(2026, 6, 14), endOfMay.AskedFrom(FeedbackMoment.TwoWeeks));
        Assert.Equal(new DateOnly(2024, 2, 29), new OwnActivity(ActivityKind.Arranged, Guid.NewGuid(), "x", new DateOnly(2023, 11, 30)).AskedFrom(FeedbackMoment.ThreeMonths));
        Assert.Null(endOfMay.Asked(new DateOnly(2026, 11, 30), [], DossierStatus.Active));
        Assert.Equal(FeedbackMoment.ThreeMonths, endOfMay.Asked(new DateOnly(2026, 11, 29), [FeedbackMoment.TwoWeeks], DossierStatus.Active));
        Assert.Null(endOfMay.Asked(new DateOnly(2026, 9, 1), [], DossierStatus.Paused));

        var clock = new FakeTimeProvider(new DateTimeOffset(2027, 2, 27, 9, 0, 0, TimeSpan.Zero));
        await using var app = new ThuisAppFactory { ConfigureTestServices = s => s.AddSingleton<TimeProvider>(clock) };
        var world = await TestWorld.SeedAsync(app);
        var person = await PersonWithAccountAsync(app, world.A);
        var thirtieth = await StartedAsync(app, person, ActivityKind.Arranged, new DateOnly(2026, 11, 30), "Buddy sinds 30 november");
        var twentySeventh = await StartedAsync(app, person, ActivityKind.CourseGroup, new DateOnly(2026, 11, 27), "Groep sinds 27 november");
        using var newcomer = await SignedInAsync(app, person);

        // 27 February: three months since 27 November, not yet since 30 November (that one is still at two weeks).
        Assert.Equal("ThreeMonths", (await newcomer.GetAsync($"/mijn/hoe-gaat-het/{twentySeventh}")).ValueOf("Input.Moment"));
        var twoWeeks = await newcomer.GetAsync($"/mijn/hoe-gaat-het/{thirtieth}");
        Assert.Equal("TwoWeeks", twoWeeks.ValueOf("Input.Moment"));
        Assert.Equal("/mijn/hoe-gaat-het?verstuurd=1", (await newcomer.PostFormAsync(twoWeeks, FormName, Answer(4, WantsToContinue.Yes))).Location);
        Assert.Equal(["Groep sinds 27 november"], Questions(await newcomer.GetAsync("/mijn/hoe-gaat-het")));

        // 28 February 2027 is the last day of the month: three calendar months after 30 November.
        clock.Advance(TimeSpan.FromDays(1));
        using var nextDay = await SignedInAsync(app, person);
        Assert.Equal("ThreeMonths", (await nextDay.GetAsync($"/mijn/hoe-gaat-het/{thirtieth}")).ValueOf("Input.Moment"));
        Assert.Equal(["Buddy sinds 30 november", "Groep sinds 27 november"], Questions(await nextDay.GetAsync("/mijn/hoe-gaat-het")).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Each_moment_is_answered_once_and_a_second_post_gets_a_clear_message()
    {
        var person = await PersonWithAccountAsync(fixture.App, World.A);
        var activity = await StartedAsync(fixture.App, person, ActivityKind.Arranged, Today.AddDays(-15), "Taalmaatje Els");
        using var newcomer = await SignedInAsync(fixture.App, person);
        var page = await newcomer.GetAsync($"/mijn/hoe-gaat-het/{activity}");
        Assert.Equal(5, page.Document.QuerySelectorAll("input[type=radio][name='Input.Face']").Length);
        Assert.All(page.Document.QuerySelectorAll("label.thuis-face"), label =>
        {
            Assert.NotNull(label.QuerySelector("input[type=radio]"));
            Assert.False(string.IsNullOrWhiteSpace(label.TextContent));
        });
        Assert.Equal(5, page.Document.QuerySelectorAll("label.thuis-face svg[aria-hidden=true]").Length);

        var first = await newcomer.PostFormAsync(page, FormName, Answer(5, WantsToContinue.Yes, "Fijne gesprekken"));
        Assert.Equal("/mijn/hoe-gaat-het?verstuurd=1", first.Location);
        var second = await newcomer.PostFormAsync(page, FormName, Answer(1, WantsToContinue.No, "Toch niet"));
        Assert.Equal(HttpStatusCode.OK, second.Status);
        Assert.Contains("U heeft deze vraag al beantwoord.", second.Document.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(1, await AnswersAsync(fixture.App, person));

        var list = await newcomer.GetAsync("/mijn/hoe-gaat-het?verstuurd=1");
        Assert.Contains("Dank u wel!", list.Document.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(list.Document.QuerySelectorAll("[data-testid=own-question]"));
        Assert.Contains("U zei: Heel goed. Doorgaan: Ja.", list.Document.QuerySelector("[data-testid=own-answer]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("U heeft deze vraag al beantwoord.", (await newcomer.GetAsync($"/mijn/hoe-gaat-het/{activity}")).Text, StringComparison.Ordinal);
        Assert.Null((await newcomer.GetAsync("/mijn")).Document.QuerySelector("[data-testid=own-question-card]"));
    }

    [Fact]
    public async Task Answering_without_a_face_or_a_choice_shows_both_messages_beside_the_fields_and_in_the_summary_and_keeps_the_words()
    {
        var person = await PersonWithAccountAsync(fixture.App, World.A);
        var activity = await StartedAsync(fixture.App, person, ActivityKind.CourseGroup, Today.AddDays(-14), "Taalcursus A1");
        using var newcomer = await SignedInAsync(fixture.App, person);

        var page = await newcomer.SubmitAsync($"/mijn/hoe-gaat-het/{activity}", FormName, new Dictionary<string, string> { ["Input.Words"] = "Mijn eigen woorden" });
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Kies een gezicht: hoe gaat het?", page.Document.QuerySelector("#gezicht-fout")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Kies ja, nee of weet ik niet.", page.Document.QuerySelector("#doorgaan-fout")!.TextContent, StringComparison.Ordinal);
        var summary = page.Document.QuerySelector(".thuis-error-summary")!;
        Assert.Equal(["#gezicht-1", "#doorgaan-Yes"], summary.QuerySelectorAll("a").Select(a => a.GetAttribute("href")![a.GetAttribute("href")!.IndexOf('#', StringComparison.Ordinal)..]));
        Assert.Equal("Mijn eigen woorden", page.Document.QuerySelector("#woorden")!.TextContent);
        Assert.Equal(0, await AnswersAsync(fixture.App, person));
    }

    [Fact]
    public async Task An_unhappy_answer_raises_a_signal_with_the_persons_words_and_a_happy_one_none()
    {
        var person = await PersonWithAccountAsync(fixture.App, World.A);
        var unhappy = await StartedAsync(fixture.App, person, ActivityKind.Referral, Today.AddDays(-16), "Fietsles voor volwassenen");
        var happy = await StartedAsync(fixture.App, person, ActivityKind.Arranged, Today.AddDays(-16), "Buddy Jan");
        var stopping = await StartedAsync(fixture.App, person, ActivityKind.CourseGroup, Today.AddDays(-16), "Taalcursus B1");
        using var newcomer = await SignedInAsync(fixture.App, person);

        var sent = await newcomer.SubmitAsync($"/mijn/hoe-gaat-het/{unhappy}", FormName, Answer(2, WantsToContinue.DontKnow, "De fiets is te groot voor mij"));
        Assert.Equal("/mijn/hoe-gaat-het?verstuurd=2", sent.Location);
        Assert.Contains("neemt contact met u op", (await newcomer.GetAsync(sent.Location!)).Text, StringComparison.Ordinal);
        Assert.Equal("/mijn/hoe-gaat-het?verstuurd=1", (await newcomer.SubmitAsync($"/mijn/hoe-gaat-het/{happy}", FormName, Answer(4, WantsToContinue.Yes, "Leuk"))).Location);
        Assert.Equal("/mijn/hoe-gaat-het?verstuurd=2", (await newcomer.SubmitAsync($"/mijn/hoe-gaat-het/{stopping}", FormName, Answer(4, WantsToContinue.No))).Location);

        var signals = await Groups.ReadAsync(fixture.App, World.A, db => db.Signals
            .Where(s => s.NewcomerId == person.Id && s.Kind == SignalKind.ActivityNotGoingWell && s.State == SignalState.Open)
            .Select(s => s.Reason).ToListAsync());
        Assert.Equal(2, signals.Count);
        var bike = Assert.Single(signals, r => r.Contains("Fietsles voor volwassenen", StringComparison.Ordinal));
        Assert.Equal("Hana zegt na twee weken over ‘Fietsles voor volwassenen’: slecht, doorgaan: weet het niet: ‘De fiets is te groot voor mij’", bike);
        Assert.Contains(signals, r => r.Contains("Taalcursus B1", StringComparison.Ordinal) && r.Contains("doorgaan: nee", StringComparison.Ordinal));
        Assert.DoesNotContain(signals, r => r.Contains("Buddy Jan", StringComparison.Ordinal));

        // The municipality's list of signals shows it, with the person's words.
        using var coordinator = new ThuisClient(fixture.App);
        await coordinator.SignInOrFailAsync(await World.CreateUserAsync(World.A, Roles.Coordinator));
        Assert.Contains("De fiets is te groot voor mij", (await coordinator.GetAsync($"/signalen?soort={SignalKind.ActivityNotGoingWell}")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_persons_activity_answers_404_in_the_same_and_in_another_municipality()
    {
        var own = await PersonWithAccountAsync(fixture.App, World.A);
        var ownActivity = await StartedAsync(fixture.App, own, ActivityKind.Arranged, Today.AddDays(-15), "Eigen buddy");
        var neighbour = await PersonWithAccountAsync(fixture.App, World.A, "Buur");
        var elsewhere = await PersonWithAccountAsync(fixture.App, World.B, "Elders");
        var others = new[]
        {
            (neighbour, await StartedAsync(fixture.App, neighbour, ActivityKind.Referral, Today.AddDays(-15), "Taalcafé van de buur")),
            (neighbour, await StartedAsync(fixture.App, neighbour, ActivityKind.CourseGroup, Today.AddDays(-15), "Groep van de buur")),
            (elsewhere, await StartedAsync(fixture.App, elsewhere, ActivityKind.Arranged, Today.AddDays(-15), "Buddy elders")),
        };
        using var newcomer = await SignedInAsync(fixture.App, own);
        var form = await newcomer.GetAsync($"/mijn/hoe-gaat-het/{ownActivity}");

        foreach (var (other, activity) in others)
        {
            var page = await newcomer.GetAsync($"/mijn/hoe-gaat-het/{activity}");
            Assert.Equal(HttpStatusCode.NotFound, page.Status);
            Assert.DoesNotContain("buur", page.Text, StringComparison.OrdinalIgnoreCase);
            // A form sent there finds no question to answer: the page has no form for it (400), and nothing is saved.
            var posted = await PostToAsync(newcomer, form, $"/mijn/hoe-gaat-het/{activity}", Answer(1, WantsToContinue.No, "Ingevuld voor een ander"));
            Assert.True(posted.Status is HttpStatusCode.NotFound or HttpStatusCode.BadRequest, $"Een antwoord voor een ander gaf {posted.Status}");
            Assert.DoesNotContain("buur", posted.Text, StringComparison.OrdinalIgnoreCase);
            Assert.Equal(0, await AnswersAsync(fixture.App, other));
        }
        foreach (var url in new[] { "/mijn/hoe-gaat-het", "/mijn" })
        {
            var page = await newcomer.GetAsync(url);
            Assert.DoesNotContain("buur", page.Text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Buddy elders", page.Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_case_manager_sees_the_answers_in_the_dossier_and_the_journey()
    {
        var person = await PersonWithAccountAsync(fixture.App, World.A);
        var activity = await StartedAsync(fixture.App, person, ActivityKind.Referral, Today.AddDays(-15), "Inloopochtend voor ouders");
        using (var newcomer = await SignedInAsync(fixture.App, person))
        {
            await newcomer.SubmitAsync($"/mijn/hoe-gaat-het/{activity}", FormName, Answer(3, WantsToContinue.Yes, "Ik begrijp nog niet alles"));
        }
        using var caseManager = new ThuisClient(fixture.App);
        await caseManager.SignInOrFailAsync(await World.CreateUserAsync(World.A, Roles.CaseManager));

        var dossier = await caseManager.GetAsync($"/dossiers/{person.Id}");
        var row = dossier.Document.QuerySelector("[data-testid=dossier-feedback] tbody tr")!.TextContent;
        foreach (var part in new[] { "Inloopochtend voor ouders", "verwijzing", "na 2 weken", "3 – gaat wel", "ja", "Ik begrijp nog niet alles" })
        {
            Assert.Contains(part, row, StringComparison.Ordinal);
        }
        var journey = await caseManager.GetAsync($"/dossiers/{person.Id}/verloop?onderwerp=OwnVoice");
        Assert.Contains("Hana zegt na 2 weken over ‘Inloopochtend voor ouders’: gaat wel, doorgaan: ja — ‘Ik begrijp nog niet alles’", journey.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_wishes_are_saved_as_the_persons_own_words_and_the_case_manager_sees_who_changed_them()
    {
        var person = await PersonWithAccountAsync(fixture.App, World.A);
        using var caseManager = new ThuisClient(fixture.App);
        await caseManager.SignInOrFailAsync(await World.CreateUserAsync(World.A, Roles.CaseManager));
        // What the case manager recorded in the intake earlier, beyond what the person writes, stays.
        await caseManager.SubmitAsync($"/dossiers/{person.Id}/intake/eigen-kracht", IntakeForm,
            new Dictionary<string, string> { ["Input.Talents"] = "Goed met kinderen", ["Input.Skills"] = "Lassen", ["Input.InterestChoices[koken]"] = "true" });
        using var newcomer = await SignedInAsync(fixture.App, person);

        var page = await newcomer.GetAsync("/mijn/wat-ik-wil");
        Assert.Equal("Goed met kinderen", page.Document.QuerySelector("#talenten")!.TextContent);
        var saved = await newcomer.PostFormAsync(page, "wat-ik-wil", new Dictionary<string, string>
        {
            ["Input.ThisYear"] = "  Ik wil leren fietsen.  ",
            ["Input.Later"] = "Weer werken als kapper",
            ["Input.Talents"] = "Haren knippen en koken",
            ["Input.Giving"] = "Buren helpen met vertalen",
        });
        Assert.Equal("/mijn/wat-ik-wil?opgeslagen=1", saved.Location);
        Assert.Contains("Bewaard.", (await newcomer.GetAsync(saved.Location!)).Text, StringComparison.Ordinal);

        var stored = await Groups.ReadAsync(fixture.App, World.A, async db => new
        {
            Aspirations = await db.Set<AspirationsSection>().SingleAsync(s => s.NewcomerId == person.Id),
            Strengths = await db.Set<StrengthsSection>().SingleAsync(s => s.NewcomerId == person.Id),
            Reciprocity = await db.Set<ReciprocitySection>().SingleAsync(s => s.NewcomerId == person.Id),
        });
        Assert.Equal(("Ik wil leren fietsen.", "Weer werken als kapper"), (stored.Aspirations.ShortTerm, stored.Aspirations.LongTerm));
        Assert.Equal(("Haren knippen en koken", "Lassen", "koken"), (stored.Strengths.Talents, stored.Strengths.Skills, string.Join(',', stored.Strengths.Interests)));
        Assert.Equal("Buren helpen met vertalen", stored.Reciprocity.Description);
        Assert.All(new IntakeSection[] { stored.Aspirations, stored.Strengths, stored.Reciprocity }, s =>
        {
            Assert.True(s.RecordedByNewcomer);
            Assert.Equal("Hana", s.RecordedBy);
        });

        var dossier = await caseManager.GetAsync($"/dossiers/{person.Id}");
        Assert.StartsWith("aangepast door Hana zelf op ", dossier.Document.QuerySelector("[data-testid=intake-wensen]")!.TextContent, StringComparison.Ordinal);
        Assert.StartsWith("aangepast door Hana zelf op ", dossier.Document.QuerySelector("[data-testid=intake-eigen-kracht]")!.TextContent, StringComparison.Ordinal);
        Assert.StartsWith("nog niet ingevuld", dossier.Document.QuerySelector("[data-testid=intake-talen]")!.TextContent, StringComparison.Ordinal);
        var part = await caseManager.GetAsync($"/dossiers/{person.Id}/intake/wensen");
        Assert.StartsWith("Aangepast door Hana zelf op ", part.Document.QuerySelector("[data-testid=recorded-by]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Ik wil leren fietsen.", part.Document.QuerySelector("#korte-termijn")!.TextContent);
        Assert.Contains("Intake: Wensen en dromen aangepast door Hana zelf", (await caseManager.GetAsync($"/dossiers/{person.Id}/verloop")).Text, StringComparison.Ordinal);

        // The case manager's next save is theirs again.
        await caseManager.SubmitAsync($"/dossiers/{person.Id}/intake/wensen", IntakeForm,
            new Dictionary<string, string> { ["Input.ShortTerm"] = "Fietsen en zwemmen" });
        Assert.StartsWith("ingevuld door Test klantregisseur", (await caseManager.GetAsync($"/dossiers/{person.Id}")).Document.QuerySelector("[data-testid=intake-wensen]")!.TextContent,
            StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_case_managers_save_in_between_is_not_overwritten_and_the_person_keeps_their_words_and_sees_what_is_saved()
    {
        var person = await PersonWithAccountAsync(fixture.App, World.A);
        using var caseManager = new ThuisClient(fixture.App);
        await caseManager.SignInOrFailAsync(await World.CreateUserAsync(World.A, Roles.CaseManager));
        using var newcomer = await SignedInAsync(fixture.App, person);
        var page = await newcomer.GetAsync("/mijn/wat-ik-wil");

        await caseManager.SubmitAsync($"/dossiers/{person.Id}/intake/wensen", IntakeForm,
            new Dictionary<string, string> { ["Input.ShortTerm"] = "Taalniveau A2 halen" });
        var conflict = await newcomer.PostFormAsync(page, "wat-ik-wil", new Dictionary<string, string> { ["Input.ThisYear"] = "Een fiets kopen" });
        Assert.Equal(HttpStatusCode.OK, conflict.Status);
        Assert.Contains("Uw klantregisseur heeft dit net ook veranderd.", conflict.Document.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Een fiets kopen", conflict.Document.QuerySelector("#dit-jaar")!.TextContent);
        Assert.Contains("Taalniveau A2 halen", conflict.Document.QuerySelector("[data-testid=own-wishes-now]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Taalniveau A2 halen", await ShortTermAsync(person));

        // What the page does not show (the case manager's skills) may change meanwhile: the person's save goes through and keeps it.
        var fresh = await newcomer.GetAsync("/mijn/wat-ik-wil");
        Assert.Equal("Taalniveau A2 halen", fresh.Document.QuerySelector("#dit-jaar")!.TextContent);
        await caseManager.SubmitAsync($"/dossiers/{person.Id}/intake/eigen-kracht", IntakeForm, new Dictionary<string, string> { ["Input.Skills"] = "Lassen" });
        Assert.Equal("/mijn/wat-ik-wil?opgeslagen=1", (await newcomer.PostFormAsync(fresh, "wat-ik-wil",
            new Dictionary<string, string> { ["Input.ThisYear"] = "Een fiets kopen" })).Location);
        Assert.Equal("Lassen", await Groups.ReadAsync(fixture.App, World.A, db => db.Set<StrengthsSection>().Where(s => s.NewcomerId == person.Id).Select(s => s.Skills).SingleAsync()));
        Assert.Equal("Een fiets kopen", await ShortTermAsync(person));

        // Having seen what is saved now, the person saves again from the page that showed it: now theirs is saved.
        var again = await newcomer.GetAsync("/mijn/wat-ik-wil");
        await caseManager.SubmitAsync($"/dossiers/{person.Id}/intake/wensen", IntakeForm, new Dictionary<string, string> { ["Input.ShortTerm"] = "Taalniveau A2 halen in mei" });
        var told = await newcomer.PostFormAsync(again, "wat-ik-wil", new Dictionary<string, string> { ["Input.ThisYear"] = "Een fiets en een helm kopen" });
        Assert.Contains("Taalniveau A2 halen in mei", told.Document.QuerySelector("[data-testid=own-wishes-now]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Taalniveau A2 halen in mei", await ShortTermAsync(person));
        Assert.Equal("/mijn/wat-ik-wil?opgeslagen=1", (await newcomer.PostFormAsync(told, "wat-ik-wil", new Dictionary<string, string>())).Location);
        Assert.Equal("Een fiets en een helm kopen", await ShortTermAsync(person));
    }

    [Fact]
    public async Task Answering_and_writing_what_I_want_tell_the_change_of_that_person()
    {
        var changes = new ChangeLog();
        await using var app = new ThuisAppFactory { ConfigureTestServices = changes.AddTo };
        var world = await TestWorld.SeedAsync(app);
        var person = await PersonWithAccountAsync(app, world.A);
        var activity = await StartedAsync(app, person, ActivityKind.Arranged, Today.AddDays(-14), "Buddy");
        using var newcomer = await SignedInAsync(app, person);
        changes.Clear();

        await newcomer.SubmitAsync($"/mijn/hoe-gaat-het/{activity}", FormName, Answer(4, WantsToContinue.Yes));
        Assert.Contains(changes.Told, t => t.Request == $"POST /mijn/hoe-gaat-het/{activity}" && t.Change.People.Contains(person.Id));
        changes.Clear();
        await newcomer.SubmitAsync("/mijn/wat-ik-wil", "wat-ik-wil", new Dictionary<string, string> { ["Input.Later"] = "Een eigen kapsalon" });
        Assert.Contains(changes.Told, t => t.Request == "POST /mijn/wat-ik-wil" && t.Change.People.Contains(person.Id));
    }

    [Fact]
    public async Task The_report_counts_the_answers_per_offer_intervention_and_group_with_the_average_face()
    {
        var town = await World.AddMunicipalityAsync($"Vraagdorp{Guid.NewGuid().ToString("N")[..4]}");
        var first = await PersonWithAccountAsync(fixture.App, town, "Eerste");
        var second = await PersonWithAccountAsync(fixture.App, town, "Tweede");
        var started = Today.AddMonths(-4);
        await AnsweredAsync(fixture.App, first, ActivityKind.Referral, await StartedAsync(fixture.App, first, ActivityKind.Referral, started, "Taalcafé op donderdag"), started,
            (FeedbackMoment.TwoWeeks, 2, WantsToContinue.Yes), (FeedbackMoment.ThreeMonths, 4, WantsToContinue.Yes));
        await AnsweredAsync(fixture.App, second, ActivityKind.Referral, await StartedAsync(fixture.App, second, ActivityKind.Referral, started, "Het taalcafé"), started,
            (FeedbackMoment.TwoWeeks, 5, WantsToContinue.No));
        await AnsweredAsync(fixture.App, second, ActivityKind.Referral, await StartedAsync(fixture.App, second, ActivityKind.Referral, started, "Eigen aanpak", TargetKind.Intervention), started,
            (FeedbackMoment.ThreeMonths, 1, WantsToContinue.No));
        await AnsweredAsync(fixture.App, first, ActivityKind.CourseGroup, await StartedAsync(fixture.App, first, ActivityKind.CourseGroup, started, "Taalcursus Vraagdorp"), started,
            (FeedbackMoment.TwoWeeks, 3, WantsToContinue.DontKnow));

        using var coordinator = new ThuisClient(fixture.App);
        await coordinator.SignInOrFailAsync(await World.CreateUserAsync(town, Roles.Coordinator));
        var page = await coordinator.GetAsync("/rapportages");
        var rows = page.Document.QuerySelectorAll($"[data-testid=tabel-{ReportTables.Feedback}] tbody tr")
            .ToDictionary(r => r.QuerySelector("th")!.TextContent.Trim(), r => r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList());
        // Columns: answers, after two weeks, after three months, average face, unhappy (1 or 2), wants to stop.
        Assert.Equal(["3", "2", "1", "3,7", "1", "1"], rows[$"Taalcafé {town.Name} (aanbod)"]); // (2 + 4 + 5) / 3 = 3.67
        Assert.Equal(["1", "0", "1", "1", "1", "1"], rows[$"Eigen aanpak {town.Name} (interventie)"]);
        Assert.Equal(["1", "1", "0", "3", "0", "0"], rows["Taalcursus Vraagdorp (cursusgroep)"]);
        Assert.Equal(3, rows.Count);

        var csv = System.Text.Encoding.UTF8.GetString(await coordinator.Http.GetByteArrayAsync(ReportsSetup.CsvAddress(Cohort.Everyone, ReportTables.Feedback)));
        Assert.Contains($"Taalcafé {town.Name} (aanbod);3;2;1;3,7;1;1\r\n", csv, StringComparison.Ordinal);
    }

    // --- helpers ---

    internal sealed record OwnPerson(Guid Id, string GivenNames, string SignInName, TestMunicipality Municipality);

    /// <summary>A new person of the municipality with their own account, as if activated from the letter.</summary>
    internal static async Task<OwnPerson> PersonWithAccountAsync(ThuisAppFactory app, TestMunicipality municipality, string given = "Hana")
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystemFor(municipality.Id);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var person = People.Newcomer(municipality.Id, given, $"Vraag{Guid.NewGuid().ToString("N")[..6]}", new DateOnly(1991, 1, 1));
        db.Newcomers.Add(person);
        await db.SaveChangesAsync();
        var signInName = $"eigen-{Guid.NewGuid():N}@{municipality.Name.ToLowerInvariant()}.test";
        await DemoData.CreateUserAsync(scope.ServiceProvider.GetRequiredService<UserManager<ThuisUser>>(),
            ThuisUser.ForNewcomer(signInName, given, municipality.Id, person.Id), TestWorld.Password, Roles.Newcomer);
        return new OwnPerson(person.Id, given, signInName, municipality);
    }

    internal static async Task<ThuisClient> SignedInAsync(ThuisAppFactory app, OwnPerson person)
    {
        var client = new ThuisClient(app);
        await client.SignInOrFailAsync(person.SignInName);
        return client;
    }

    /// <summary>
    /// Something the person takes part in from <paramref name="startedOn"/>: a referral to the municipality's offer (or its
    /// own intervention) started by the partner, a taalmaatje arranged without a partner, or a course group. Its id as the
    /// person's page names it.
    /// </summary>
    internal static async Task<Guid> StartedAsync(ThuisAppFactory app, OwnPerson person, ActivityKind kind, DateOnly startedOn, string what,
        TargetKind target = TargetKind.Offer)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var municipality = person.Municipality;
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystemFor(municipality.Id);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var newcomer = await db.Newcomers.SingleAsync(n => n.Id == person.Id);
        var before = startedOn.AddDays(-3);
        Guid id;
        switch (kind)
        {
            case ActivityKind.Referral:
                var partner = await db.Organisations.SingleAsync(o => o.Id == municipality.PartnerOrganisationId);
                var proposal = new Proposal(newcomer, target, target == TargetKind.Intervention ? municipality.InterventionId : municipality.OfferId, what,
                    partner.Id, null, "test", DateTimeOffset.UtcNow, before);
                proposal.RecordAnswer(NewcomerAnswer.Yes, before, null);
                var consent = new Consent(proposal, "Doorverwijzen", before, before.AddYears(1), "test");
                var referral = new Referral(proposal, consent, partner, null, before);
                referral.Send(before);
                referral.Accept(before.AddDays(1));
                referral.Start(startedOn);
                db.AddRange(proposal, consent, referral);
                id = referral.Id;
                break;
            case ActivityKind.Arranged:
                var buddy = new Proposal(newcomer, TargetKind.Volunteer, municipality.VolunteerId, what, null, null, "test", DateTimeOffset.UtcNow, before);
                buddy.RecordAnswer(NewcomerAnswer.Yes, before, null);
                buddy.RecordArrangement("Vrijwilligerscentrale", startedOn, null);
                db.AddRange(buddy, new Consent(buddy, "Kennismaken met een taalmaatje", before, before.AddYears(1), "test"));
                id = buddy.Id;
                break;
            default:
                var group = new CourseGroup(municipality.Id, new CourseGroupDetails(CourseKind.LanguageCourse, what, "Taalschool", null, startedOn, null));
                db.AddRange(group, new Enrolment(group, person.Id, municipality.Id, startedOn, "test", DateTimeOffset.UtcNow));
                id = group.Id;
                break;
        }
        await db.SaveChangesAsync();
        return id;
    }

    /// <summary>Answers straight in the database, on the day each moment was asked; for the report, which only counts them.</summary>
    private static async Task AnsweredAsync(ThuisAppFactory app, OwnPerson person, ActivityKind kind, Guid activityId, DateOnly startedOn,
        params (FeedbackMoment Moment, int Face, WantsToContinue Continue)[] answers)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystemFor(person.Municipality.Id);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var newcomer = await db.Newcomers.SingleAsync(n => n.Id == person.Id);
        var activity = new OwnActivity(kind, activityId, "x", startedOn);
        var answered = new List<FeedbackMoment>();
        foreach (var (moment, face, wantsToContinue) in answers)
        {
            var on = activity.AskedFrom(moment);
            db.ActivityFeedbacks.Add(new ActivityFeedback(newcomer, activity, moment, answered, face, null, wantsToContinue, on, DateTimeOffset.UtcNow));
            answered.Add(moment);
        }
        await db.SaveChangesAsync();
    }

    private static Dictionary<string, string> Answer(int face, WantsToContinue wantsToContinue, string? words = null)
    {
        var fields = new Dictionary<string, string> { ["Input.Face"] = face.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Input.WantsToContinue"] = wantsToContinue.ToString() };
        if (words is not null)
        {
            fields["Input.Words"] = words;
        }
        return fields;
    }

    /// <summary>Posts the form of a page fetched earlier to another address, as a forged request would.</summary>
    private static async Task<ThuisClient.Page> PostToAsync(ThuisClient client, ThuisClient.Page page, string url, Dictionary<string, string> fields)
    {
        var values = new Dictionary<string, string>
        {
            ["_handler"] = FormName,
            ["Input.Moment"] = page.ValueOf("Input.Moment")!,
            ["__RequestVerificationToken"] = page.Form(FormName).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
        };
        foreach (var (key, value) in fields)
        {
            values[key] = value;
        }
        using var content = new FormUrlEncodedContent(values);
        using var response = await client.Http.PostAsync(url, content);
        return await ThuisClient.Page.ReadAsync(response);
    }

    private static List<string> Questions(ThuisClient.Page page) =>
        [.. page.Document.QuerySelectorAll("[data-testid=own-question] .thuis-own__what").Select(q => q.TextContent)];

    private static Task<int> AnswersAsync(ThuisAppFactory app, OwnPerson person) =>
        Groups.ReadAsync(app, person.Municipality, db => db.ActivityFeedbacks.CountAsync(f => f.NewcomerId == person.Id));

    private Task<string?> ShortTermAsync(OwnPerson person) =>
        Groups.ReadAsync(fixture.App, person.Municipality, db => db.Set<AspirationsSection>().Where(s => s.NewcomerId == person.Id).Select(s => s.ShortTerm).SingleAsync());
}
