using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Thuis.Web.Data;
using Thuis.Web.Features.Accounts;
using Thuis.Web.Features.Dossiers;
using Thuis.Web.Features.Referrals;
using Thuis.Web.Features.Signals;
using Thuis.Web.Features.SocialMap;
using Thuis.Web.Features.Volunteering;
using Thuis.Web.Platform.Auditing;
using Thuis.Web.Platform.Security;
using Thuis.Web.Tests.Infrastructure;

namespace Thuis.Web.Tests;

/// <summary>
/// The volunteer's own view (issue 20): a volunteer sees only their own matches with the minimum, logs meetings, raises a
/// concern that reaches the case manager, ends a match; the volunteer coordinator invites them and sees hours and the
/// pairs gone quiet; nothing else of Thuis opens for them.
/// </summary>
public sealed class VolunteerViewTests(VolunteerViewTests.Fixture fixture) : IClassFixture<VolunteerViewTests.Fixture>
{
    public static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    public static readonly DateOnly Today = new(2026, 12, 1);

    public sealed class Fixture : IAsyncLifetime
    {
        public FakeTimeProvider Clock { get; } = new(Now);

        public ThuisAppFactory App { get; }

        public TestWorld World { get; private set; } = default!;

        public Fixture() => App = new ThuisAppFactory { ConfigureTestServices = s => s.AddSingleton<TimeProvider>(Clock) };

        public async ValueTask InitializeAsync() => World = await TestWorld.SeedAsync(App);

        public async ValueTask DisposeAsync() => await App.DisposeAsync();
    }

    [Fact]
    public async Task A_volunteer_sees_only_their_own_matches_with_first_name_language_and_only_the_contact_the_person_shared()
    {
        var (volunteerId, email) = await VolunteerWorld.VolunteerWithAccountAsync(fixture.App, fixture.World.A, "Els Maatje");
        var shared = await VolunteerWorld.MatchAsync(fixture.App, fixture.World.A.Id, volunteerId, "Noor Amina", "Haddad-Zeidan", Today.AddDays(-20), sharesPhone: true);
        var notShared = await VolunteerWorld.MatchAsync(fixture.App, fixture.World.A.Id, volunteerId, "Yonas", "Tesfamariam", Today.AddDays(-10), sharesPhone: false);
        var (otherVolunteer, _) = await VolunteerWorld.VolunteerWithAccountAsync(fixture.App, fixture.World.A, "Jan Anders");
        var someoneElses = await VolunteerWorld.MatchAsync(fixture.App, fixture.World.A.Id, otherVolunteer, "Farah", "Karimi", Today.AddDays(-5), sharesPhone: true);
        using var client = new ThuisClient(fixture.App);
        await client.SignInOrFailAsync(email);

        var start = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, start.Status);
        Assert.Equal(VolunteeringSetup.StartPath, start.Location);
        var mine = await client.GetAsync(VolunteeringSetup.StartPath);

        Assert.Equal(HttpStatusCode.OK, mine.Status);
        var cards = mine.Document.QuerySelector("[data-testid=koppelingen]")!.TextContent;
        Assert.Contains("Noor", cards, StringComparison.Ordinal);
        Assert.Contains("Yonas", cards, StringComparison.Ordinal);
        Assert.DoesNotContain("Farah", mine.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Amina", mine.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Haddad-Zeidan", mine.Text, StringComparison.Ordinal);

        var withPhone = await client.GetAsync(VolunteeringSetup.MatchPath(shared));
        Assert.Equal(HttpStatusCode.OK, withPhone.Status);
        var facts = withPhone.Document.QuerySelector("[data-testid=koppeling]")!.TextContent;
        Assert.Contains("06 12345678", facts, StringComparison.Ordinal);
        Assert.Contains("Arabisch", facts, StringComparison.Ordinal);
        Assert.Contains("Kennismaken en Nederlands oefenen", facts, StringComparison.Ordinal);
        Assert.DoesNotContain("noor@", facts, StringComparison.Ordinal);
        foreach (var secret in new[] { "Haddad-Zeidan", "999990", "Syrië", "gezondheid", "schuld" })
        {
            Assert.DoesNotContain(secret, withPhone.Text, StringComparison.OrdinalIgnoreCase);
        }
        var withoutPhone = await client.GetAsync(VolunteeringSetup.MatchPath(notShared));
        Assert.DoesNotContain("06 12345678", withoutPhone.Text, StringComparison.Ordinal);
        Assert.Contains("niet gedeeld", withoutPhone.Document.QuerySelector("[data-testid=koppeling]")!.TextContent, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(VolunteeringSetup.MatchPath(someoneElses))).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(VolunteeringSetup.MeetingPath(someoneElses))).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(VolunteeringSetup.MatchPath(fixture.World.A.ProposalId))).Status);
    }

    [Fact]
    public async Task Every_view_of_a_match_by_the_volunteer_is_in_the_audit_trail_with_the_person_and_a_refused_one_too()
    {
        var (volunteerId, email) = await VolunteerWorld.VolunteerWithAccountAsync(fixture.App, fixture.World.A, "Ingrid Audit");
        var match = await VolunteerWorld.MatchAsync(fixture.App, fixture.World.A.Id, volunteerId, "Rima", "Audit", Today.AddDays(-3), sharesPhone: false);
        var (otherVolunteer, _) = await VolunteerWorld.VolunteerWithAccountAsync(fixture.App, fixture.World.A, "Wim Audit");
        var notMine = await VolunteerWorld.MatchAsync(fixture.App, fixture.World.A.Id, otherVolunteer, "Sami", "Audit", Today.AddDays(-3), sharesPhone: false);
        using var client = new ThuisClient(fixture.App);
        await client.SignInOrFailAsync(email);
        var userId = await fixture.World.UserIdOfAsync(email);

        await client.GetAsync(VolunteeringSetup.StartPath);
        await client.GetAsync(VolunteeringSetup.MatchPath(match));
        await client.GetAsync(VolunteeringSetup.MatchPath(notMine));

        var entries = await VolunteerWorld.ReadAsync(fixture.App, fixture.World.A.Id, db => db.AuditEntries.AsNoTracking()
            .Where(a => a.ActorId == userId && a.ObjectType == OwnMatchAudit.ObjectType).ToListAsync());
        Assert.Equal(2, entries.Count(a => a.ObjectId == match.ToString() && a.Result == AuditResult.Success && a.Action == AuditAction.View));
        Assert.Single(entries, a => a.ObjectId == notMine.ToString() && a.Result == AuditResult.NotFound);
        Assert.DoesNotContain(entries, a => a.ObjectId == notMine.ToString() && a.Result == AuditResult.Success);
    }

    [Theory]
    [InlineData("/dossiers")]
    [InlineData("/vrijwilligers")]
    [InlineData("/signalen")]
    [InlineData("/verwijzingen")]
    [InlineData("/sociale-kaart")]
    [InlineData("/koppelen")]
    [InlineData("/rapportages")]
    [InlineData("/beheer")]
    [InlineData("/audit")]
    [InlineData("/mijn")]
    [InlineData("/vrijwilligers/inzet")]
    public async Task The_volunteer_reaches_no_page_but_their_own(string address)
    {
        var (_, email) = await VolunteerWorld.VolunteerWithAccountAsync(fixture.App, fixture.World.A, $"Nadia {address.Length}");
        using var client = new ThuisClient(fixture.App);
        await client.SignInOrFailAsync(email);

        var page = await client.GetAsync(address);

        Assert.True(page.Status is HttpStatusCode.Forbidden or HttpStatusCode.NotFound || page.Location?.StartsWith("/mijn/aanmelden", StringComparison.Ordinal) == true,
            $"{address} gaf {(int)page.Status} {page.Location}");
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/dossiers/{fixture.World.A.NewcomerId}")).Status);
    }

    [Fact]
    public async Task The_menu_of_a_volunteer_has_only_their_matches()
    {
        var (_, email) = await VolunteerWorld.VolunteerWithAccountAsync(fixture.App, fixture.World.A, "Menu Maatje");
        using var client = new ThuisClient(fixture.App);
        await client.SignInOrFailAsync(email);

        var page = await client.GetAsync(VolunteeringSetup.StartPath);

        Assert.Equal([VolunteeringSetup.StartPath], page.Document.QuerySelectorAll("nav.thuis-nav a").Select(a => a.GetAttribute("href")).ToList());
    }

    [Fact]
    public async Task Logging_a_meeting_takes_today_and_a_quick_duration_and_refuses_a_day_to_come_beside_its_field()
    {
        var (volunteerId, email) = await VolunteerWorld.VolunteerWithAccountAsync(fixture.App, fixture.World.A, "Kees Log");
        var match = await VolunteerWorld.MatchAsync(fixture.App, fixture.World.A.Id, volunteerId, "Lina", "Log", Today.AddDays(-30), sharesPhone: false);
        using var client = new ThuisClient(fixture.App);
        await client.SignInOrFailAsync(email);

        var future = await client.SubmitAsync(VolunteeringSetup.MeetingPath(match), "ontmoeting", new Dictionary<string, string>
        {
            ["Input.On"] = "2026-12-02",
            ["Input.Minutes"] = "60",
            ["Input.ActivityChoices[LanguagePractice]"] = "true",
        });
        Assert.Equal(HttpStatusCode.OK, future.Status);
        Assert.Contains("Kies vandaag of een dag eerder", future.Document.QuerySelector("#datum-fout")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(future.Document.QuerySelector(".utrecht-alert, [role=alert], .thuis-error-summary"));

        var nothing = await client.SubmitAsync(VolunteeringSetup.MeetingPath(match), "ontmoeting", new Dictionary<string, string>
        {
            ["Input.Minutes"] = "0",
        });
        Assert.True(nothing.Document.QuerySelector("#minuten-fout") is not null, $"{nothing.Status} {nothing.Location} {nothing.Text}");
        Assert.Contains("Vul het aantal minuten in", nothing.Document.QuerySelector("#minuten-fout")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Kies wat jullie deden", nothing.Text, StringComparison.Ordinal);

        var saved = await client.SubmitAsync(VolunteeringSetup.MeetingPath(match), "ontmoeting", new Dictionary<string, string>
        {
            ["Input.Minutes"] = "90",
            ["Input.ActivityChoices[LanguagePractice]"] = "true",
            ["Input.ActivityChoices[OutTogether]"] = "true",
            ["Input.Note"] = "Naar de markt geweest.",
        });

        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        var meeting = await VolunteerWorld.ReadAsync(fixture.App, fixture.World.A.Id, db => db.VolunteerMeetings.AsNoTracking().SingleAsync(m => m.ProposalId == match));
        Assert.Equal(Today, meeting.On);
        Assert.Equal(90, meeting.Minutes);
        Assert.Equal([MeetingActivity.LanguagePractice, MeetingActivity.OutTogether], meeting.Activities);
        Assert.Equal("Naar de markt geweest.", meeting.Note);
        var page = await client.GetAsync(VolunteeringSetup.MatchPath(match));
        Assert.Contains("1,5 uur", page.Document.QuerySelector("[data-testid=ontmoetingen]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_concern_in_the_volunteers_own_words_raises_a_signal_for_the_case_manager_at_once()
    {
        var (volunteerId, email) = await VolunteerWorld.VolunteerWithAccountAsync(fixture.App, fixture.World.A, "Marieke Zorg");
        var match = await VolunteerWorld.MatchAsync(fixture.App, fixture.World.A.Id, volunteerId, "Hassan", "Zorg", Today.AddDays(-30), sharesPhone: false);
        using var client = new ThuisClient(fixture.App);
        await client.SignInOrFailAsync(email);

        var empty = await client.SubmitAsync(VolunteeringSetup.ConcernPath(match), "zorgen", new Dictionary<string, string> { ["Input.Words"] = " " });
        Assert.Contains("Schrijf in je eigen woorden", empty.Document.QuerySelector("#woorden-fout")!.TextContent, StringComparison.Ordinal);
        var raised = await client.SubmitAsync(VolunteeringSetup.ConcernPath(match), "zorgen", new Dictionary<string, string>
        {
            ["Input.Words"] = "Hij slaapt slecht en zegt dat hij de brieven niet meer opent.",
        });

        Assert.Equal(HttpStatusCode.Redirect, raised.Status);
        var newcomerId = await VolunteerWorld.ReadAsync(fixture.App, fixture.World.A.Id, db => db.Proposals.Where(p => p.Id == match).Select(p => p.NewcomerId).SingleAsync());
        var signal = await VolunteerWorld.ReadAsync(fixture.App, fixture.World.A.Id, db => db.Signals.AsNoTracking()
            .SingleAsync(s => s.NewcomerId == newcomerId && s.Kind == SignalKind.VolunteerConcern));
        Assert.Equal("Taalmaatje Marieke Zorg maakt zich zorgen over Hassan: ‘Hij slaapt slecht en zegt dat hij de brieven niet meer opent.’", signal.Reason);
        Assert.True(signal.IsOpen);
        using var caseManager = new ThuisClient(fixture.App);
        var caseManagerEmail = await fixture.World.CreateUserAsync(fixture.World.A, Roles.CaseManager);
        var caseManagerId = await fixture.World.UserIdOfAsync(caseManagerEmail);
        await VolunteerWorld.AsSystemAsync(fixture.App, fixture.World.A.Id, async db =>
            (await db.Newcomers.SingleAsync(n => n.Id == newcomerId)).AssignCaseManager(caseManagerId));
        await caseManager.SignInOrFailAsync(caseManagerEmail);
        var signals = await caseManager.GetAsync("/signalen");
        Assert.Contains("Hij slaapt slecht", signals.Text, StringComparison.Ordinal);
        Assert.Contains("vrijwilliger maakt zich zorgen", signals.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ending_a_match_asks_a_reason_and_a_confirmation_and_then_the_match_is_gone_from_the_volunteers_view()
    {
        var (volunteerId, email) = await VolunteerWorld.VolunteerWithAccountAsync(fixture.App, fixture.World.A, "Henk Einde");
        var match = await VolunteerWorld.MatchAsync(fixture.App, fixture.World.A.Id, volunteerId, "Omar", "Einde", Today.AddDays(-60), sharesPhone: false);
        using var client = new ThuisClient(fixture.App);
        await client.SignInOrFailAsync(email);

        var unconfirmed = await client.SubmitAsync(VolunteeringSetup.EndPath(match), "beeindigen", new Dictionary<string, string> { ["Input.Reason"] = "Other" });
        Assert.Contains("Schrijf op waarom", unconfirmed.Document.QuerySelector("#toelichting-fout")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Vink aan", unconfirmed.Document.QuerySelector("#bevestig-fout")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await VolunteerWorld.ReadAsync(fixture.App, fixture.World.A.Id, db => db.MatchEndings.CountAsync(e => e.ProposalId == match)));

        var ended = await client.SubmitAsync(VolunteeringSetup.EndPath(match), "beeindigen", new Dictionary<string, string>
        {
            ["Input.Reason"] = nameof(MatchEndReason.GoalReached),
            ["Input.Confirmed"] = "true",
        });

        Assert.Equal(HttpStatusCode.Redirect, ended.Status);
        var ending = await VolunteerWorld.ReadAsync(fixture.App, fixture.World.A.Id, db => db.MatchEndings.AsNoTracking().SingleAsync(e => e.ProposalId == match));
        Assert.Equal(MatchEndReason.GoalReached, ending.Reason);
        Assert.Equal(Today, await VolunteerWorld.ReadAsync(fixture.App, fixture.World.A.Id, db => db.Proposals.Where(p => p.Id == match).Select(p => p.ArrangedEndedOn).SingleAsync()));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(VolunteeringSetup.MatchPath(match))).Status);
        Assert.DoesNotContain("Omar", (await client.GetAsync(VolunteeringSetup.StartPath)).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_volunteer_sees_their_VOG_expiry_by_the_municipalitys_term_and_the_trainings_of_the_volunteer_centre()
    {
        var (volunteerId, email) = await VolunteerWorld.VolunteerWithAccountAsync(fixture.App, fixture.World.A, "Saskia Vog", new DateOnly(2024, 1, 15));
        await VolunteerWorld.AsSystemAsync(fixture.App, fixture.World.A.Id, async db =>
        {
            var centre = new Thuis.Web.Features.Organisations.Organisation(fixture.World.A.Id, new Thuis.Web.Features.Organisations.OrganisationDetails(
                "Vrijwilligerscentrale Test", OrganisationType.VolunteerOrganisation, null, null, null, null, null, null, null, null, false, [], [], false, null));
            db.Organisations.Add(centre);
            db.Offers.Add(new Offer(centre, new OfferDetails(OfferKind.Course, "Basistraining taalmaatje test", null, "dinsdagavond", WeekGrid.Empty, null, 0, null,
                Thuis.Web.Features.Intake.CefrLevel.B1, false, [Thuis.Web.Features.Plans.ParticipationDomain.ContributingToSociety], [], [])));
            await Task.CompletedTask;
        });
        using var client = new ThuisClient(fixture.App);
        await client.SignInOrFailAsync(email);

        var page = await client.GetAsync(VolunteeringSetup.StartPath);

        Assert.Contains("15 januari 2027", page.Document.QuerySelector("[data-testid=vog]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Basistraining taalmaatje test", page.Document.QuerySelector("[data-testid=trainingen]")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.Document.QuerySelector("[data-testid=geen-koppelingen]"));
    }

    [Fact]
    public async Task The_volunteer_coordinator_invites_a_volunteer_who_chooses_a_password_and_lands_on_their_own_matches()
    {
        var volunteerId = await VolunteerWorld.AddVolunteerAsync(fixture.App, fixture.World.A.Id, "Tesfay Uitnodiging", "tesfay.uitnodiging@mail.test", null);
        using var coordinator = new ThuisClient(fixture.App);
        await coordinator.SignInOrFailAsync(await fixture.World.CreateUserAsync(fixture.World.A, Roles.VolunteerCoordinator));
        var volunteerPage = await coordinator.GetAsync($"/vrijwilligers/{volunteerId}");
        Assert.NotNull(volunteerPage.Document.QuerySelector($"a[href='{VolunteeringSetup.InvitePath(volunteerId)}']"));

        var invited = await coordinator.SubmitAsync(VolunteeringSetup.InvitePath(volunteerId), "uitnodigen", new Dictionary<string, string>());

        var link = invited.Document.QuerySelector("[data-testid=uitnodigingslink]")?.GetAttribute("value");
        Assert.NotNull(link);
        using var volunteer = new ThuisClient(fixture.App);
        var accepted = await volunteer.SubmitAsync(new Uri(link).PathAndQuery, "uitnodiging", new Dictionary<string, string>
        {
            ["Input.Password"] = "een goed wachtwoord voor de vrijwilliger",
            ["Input.RepeatPassword"] = "een goed wachtwoord voor de vrijwilliger",
        });
        Assert.Equal(HttpStatusCode.Redirect, accepted.Status);
        var home = await volunteer.GetAsync("/");
        Assert.Equal(VolunteeringSetup.StartPath, home.Location);
        Assert.Equal(HttpStatusCode.OK, (await volunteer.GetAsync(VolunteeringSetup.StartPath)).Status);

        await using var scope = fixture.App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ThuisUser>>();
        var account = await users.FindByEmailAsync("tesfay.uitnodiging@mail.test");
        Assert.Equal(volunteerId, account!.VolunteerId);
        Assert.Equal([Roles.Volunteer], await users.GetRolesAsync(account));
        var again = await coordinator.SubmitAsync(VolunteeringSetup.InvitePath(volunteerId), "intrekken", new Dictionary<string, string> { ["Confirm"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, again.Status);
        // Sessions are checked against the account at the next request after a moment has passed (the clock stands still here).
        fixture.Clock.Advance(TimeSpan.FromSeconds(2));
        Assert.NotEqual(HttpStatusCode.OK, (await volunteer.GetAsync(VolunteeringSetup.StartPath)).Status);
    }

    [Fact]
    public async Task The_administrator_cannot_give_the_volunteer_role_and_does_not_list_volunteers_accounts()
    {
        var (_, email) = await VolunteerWorld.VolunteerWithAccountAsync(fixture.App, fixture.World.A, "Niet Beheer");
        using var admin = new ThuisClient(fixture.App);
        await admin.SignInOrFailAsync(await fixture.World.CreateUserAsync(fixture.World.A, Roles.Administrator));

        var users = await admin.GetAsync("/beheer/gebruikers");
        var invite = await admin.GetAsync("/beheer/gebruikers/uitnodigen");

        Assert.DoesNotContain(email, users.Text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(invite.Document.QuerySelectorAll("input[type=radio], option"), o => o.GetAttribute("value") == Roles.Volunteer);
        Assert.DoesNotContain(Roles.Volunteer, Roles.All);
    }

    [Fact]
    public async Task A_pair_goes_quiet_on_the_day_N_weeks_after_the_last_meeting_and_not_the_day_before()
    {
        var municipality = await fixture.World.AddMunicipalityAsync("Stilstad");
        var (volunteerId, _) = await VolunteerWorld.VolunteerWithAccountAsync(fixture.App, municipality, "Rob Stil");
        // Default four weeks: quiet from the 28th day after the last meeting (or the start, while none was logged).
        var dayBefore = await VolunteerWorld.MatchAsync(fixture.App, municipality.Id, volunteerId, "Een", "Stil", Today.AddDays(-100), false, lastMeeting: Today.AddDays(-27));
        var onTheDay = await VolunteerWorld.MatchAsync(fixture.App, municipality.Id, volunteerId, "Twee", "Stil", Today.AddDays(-100), false, lastMeeting: Today.AddDays(-28));
        var dayAfter = await VolunteerWorld.MatchAsync(fixture.App, municipality.Id, volunteerId, "Drie", "Stil", Today.AddDays(-100), false, lastMeeting: Today.AddDays(-29));
        var startedDayBefore = await VolunteerWorld.MatchAsync(fixture.App, municipality.Id, volunteerId, "Vier", "Stil", Today.AddDays(-27), false);
        var startedOnTheDay = await VolunteerWorld.MatchAsync(fixture.App, municipality.Id, volunteerId, "Vijf", "Stil", Today.AddDays(-28), false);

        await VolunteerWorld.EvaluateAsync(fixture.App);

        var quiet = await VolunteerWorld.ReadAsync(fixture.App, municipality.Id, db => db.Signals.AsNoTracking().Where(s => s.Kind == SignalKind.MatchGoneQuiet && s.State == SignalState.Open)
            .Select(s => s.SubjectId).ToListAsync());
        Assert.DoesNotContain(dayBefore, quiet);
        Assert.Contains(onTheDay, quiet);
        Assert.Contains(dayAfter, quiet);
        Assert.DoesNotContain(startedDayBefore, quiet);
        Assert.Contains(startedOnTheDay, quiet);
        var signal = await VolunteerWorld.ReadAsync(fixture.App, municipality.Id, db => db.Signals.AsNoTracking().SingleAsync(s => s.SubjectId == onTheDay));
        Assert.Equal(Today, signal.Since);
        Assert.Equal("Twee en Taalmaatje Rob Stil hebben sinds 3 november 2026 geen ontmoeting vastgelegd (4 weken of langer)", signal.Reason);
    }

    [Fact]
    public async Task The_number_of_quiet_weeks_is_the_municipalitys_setting_and_a_logged_meeting_ends_the_quiet_signal()
    {
        var municipality = await fixture.World.AddMunicipalityAsync("Instelstad");
        var (volunteerId, email) = await VolunteerWorld.VolunteerWithAccountAsync(fixture.App, municipality, "Gert Instelling");
        var match = await VolunteerWorld.MatchAsync(fixture.App, municipality.Id, volunteerId, "Zes", "Instelling", Today.AddDays(-100), false, lastMeeting: Today.AddDays(-15));
        await VolunteerWorld.AsSystemAsync(fixture.App, municipality.Id, async db =>
        {
            var settings = SignalSettings.Defaults(municipality.Id);
            settings.ChangeVolunteering(2, 36);
            db.SignalSettings.Add(settings);
            await Task.CompletedTask;
        });
        await VolunteerWorld.EvaluateAsync(fixture.App);
        Assert.True(await VolunteerWorld.ReadAsync(fixture.App, municipality.Id, db => db.Signals.AnyAsync(s => s.SubjectId == match && s.State == SignalState.Open)));

        using var client = new ThuisClient(fixture.App);
        await client.SignInOrFailAsync(email);
        var logged = await client.SubmitAsync(VolunteeringSetup.MeetingPath(match), "ontmoeting", new Dictionary<string, string>
        {
            ["Input.Minutes"] = "60",
            ["Input.ActivityChoices[GettingToKnow]"] = "true",
        });

        Assert.Equal(HttpStatusCode.Redirect, logged.Status);
        Assert.False(await VolunteerWorld.ReadAsync(fixture.App, municipality.Id, db => db.Signals.AnyAsync(s => s.SubjectId == match && s.State == SignalState.Open)));
    }

    [Fact]
    public async Task Ending_a_quiet_match_closes_its_signal_at_once()
    {
        var municipality = await fixture.World.AddMunicipalityAsync("Eindstad");
        var (volunteerId, email) = await VolunteerWorld.VolunteerWithAccountAsync(fixture.App, municipality, "Miriam Einde");
        var match = await VolunteerWorld.MatchAsync(fixture.App, municipality.Id, volunteerId, "Zeven", "Einde", Today.AddDays(-100), false, lastMeeting: Today.AddDays(-50));
        await VolunteerWorld.EvaluateAsync(fixture.App);
        Assert.True(await VolunteerWorld.ReadAsync(fixture.App, municipality.Id, db => db.Signals.AnyAsync(s => s.SubjectId == match && s.State == SignalState.Open)));
        using var client = new ThuisClient(fixture.App);
        await client.SignInOrFailAsync(email);

        var ended = await client.SubmitAsync(VolunteeringSetup.EndPath(match), "beeindigen", new Dictionary<string, string>
        {
            ["Input.Reason"] = nameof(MatchEndReason.NotWorking),
            ["Input.Confirmed"] = "true",
        });

        Assert.Equal(HttpStatusCode.Redirect, ended.Status);
        Assert.False(await VolunteerWorld.ReadAsync(fixture.App, municipality.Id, db => db.Signals.AnyAsync(s => s.SubjectId == match && s.State == SignalState.Open)));
    }

    [Fact]
    public async Task The_volunteer_coordinator_sees_hours_and_meetings_per_volunteer_and_the_pairs_gone_quiet_by_first_name_only()
    {
        var municipality = await fixture.World.AddMunicipalityAsync("Inzetstad");
        var (busy, _) = await VolunteerWorld.VolunteerWithAccountAsync(fixture.App, municipality, "Anneke Druk");
        var (quiet, _) = await VolunteerWorld.VolunteerWithAccountAsync(fixture.App, municipality, "Bas Stil");
        await VolunteerWorld.MatchAsync(fixture.App, municipality.Id, busy, "Leila", "Achternaam", Today.AddDays(-50), false, lastMeeting: Today.AddDays(-3), minutes: 90);
        await VolunteerWorld.MatchAsync(fixture.App, municipality.Id, quiet, "Dawit", "Geheim", Today.AddDays(-90), false, lastMeeting: Today.AddDays(-40), minutes: 60);
        using var coordinator = new ThuisClient(fixture.App);
        await coordinator.SignInOrFailAsync(await fixture.World.CreateUserAsync(municipality, Roles.VolunteerCoordinator));

        var page = await coordinator.GetAsync(VolunteeringSetup.OverviewPath);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var efforts = page.Document.QuerySelector("[data-testid=inzet]")!.TextContent;
        Assert.Contains("Anneke Druk", efforts, StringComparison.Ordinal);
        Assert.Contains("1,5", efforts, StringComparison.Ordinal);
        var pairs = page.Document.QuerySelector("[data-testid=stille-koppelingen]")!.TextContent;
        Assert.Contains("Bas Stil", pairs, StringComparison.Ordinal);
        Assert.Contains("Dawit", pairs, StringComparison.Ordinal);
        Assert.DoesNotContain("Leila", pairs, StringComparison.Ordinal);
        Assert.DoesNotContain("Geheim", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Achternaam", page.Text, StringComparison.Ordinal);
        var menu = await coordinator.GetAsync("/vrijwilligers");
        Assert.NotNull(menu.Document.QuerySelector($"a[href='{VolunteeringSetup.OverviewPath}']"));
    }
}

/// <summary>Volunteers with their own account and their matches, for the tests of the volunteer's view, the page walk, the menu and the matrix.</summary>
internal static class VolunteerWorld
{
    internal static async Task<T> ReadAsync<T>(ThuisAppFactory app, Guid municipalityId, Func<AppDbContext, Task<T>> read)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystemFor(municipalityId);
        return await read(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    internal static async Task AsSystemAsync(ThuisAppFactory app, Guid municipalityId, Func<AppDbContext, Task> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystemFor(municipalityId);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await work(db);
        await db.SaveChangesAsync();
    }

    internal static async Task EvaluateAsync(ThuisAppFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<EvaluateSignals>().RunOnceAsync(VolunteerViewTests.Now);
    }

    internal static async Task<Guid> AddVolunteerAsync(ThuisAppFactory app, Guid municipalityId, string name, string email, DateOnly? vogDate)
    {
        var id = Guid.Empty;
        await AsSystemAsync(app, municipalityId, async db =>
        {
            var volunteer = new Volunteer(municipalityId, new VolunteerDetails(name, [VolunteerRole.LanguageBuddy], "06 99999999", email, [], WeekGrid.Empty, 3,
                null, null, vogDate is null ? VogStatus.NotRequested : VogStatus.Received, vogDate, "basistraining taalmaatje"));
            db.Volunteers.Add(volunteer);
            id = volunteer.Id;
            await Task.CompletedTask;
        });
        return id;
    }

    /// <summary>A volunteer of the municipality with their own account (password <see cref="TestWorld.Password"/>).</summary>
    internal static async Task<(Guid VolunteerId, string Email)> VolunteerWithAccountAsync(ThuisAppFactory app, TestMunicipality municipality, string name,
        DateOnly? vogDate = null)
    {
        var email = $"vrijwilliger-{Guid.NewGuid():N}@{municipality.Name.ToLowerInvariant()}.test";
        var volunteerId = await AddVolunteerAsync(app, municipality.Id, name, email, vogDate ?? new DateOnly(2026, 1, 1));
        await using var scope = app.Services.CreateAsyncScope();
        var user = ThuisUser.ForVolunteer(email, name, municipality.Id, volunteerId);
        await DemoData.CreateUserAsync(scope.ServiceProvider.GetRequiredService<UserManager<ThuisUser>>(), user, TestWorld.Password, Roles.Volunteer);
        return (volunteerId, email);
    }

    /// <summary>
    /// A match as Thuis makes one: a proposal of the volunteer the person said yes to, their consent (sharing their phone
    /// number or not), arranged through the volunteer centre from <paramref name="started"/>; with one meeting on
    /// <paramref name="lastMeeting"/> when given.
    /// </summary>
    internal static async Task<Guid> MatchAsync(ThuisAppFactory app, Guid municipalityId, Guid volunteerId, string given, string family, DateOnly started,
        bool sharesPhone, DateOnly? lastMeeting = null, int minutes = 60, DateOnly? today = null)
    {
        var on = today ?? VolunteerViewTests.Today;
        var id = Guid.Empty;
        await AsSystemAsync(app, municipalityId, async db =>
        {
            var person = new Newcomer(municipalityId,
                new PersonDetails(given, family, new DateOnly(1990, 1, 1), Gender.Unknown, "Syrië", null, "06 12345678",
                    $"{given.Split(' ')[0].ToLowerInvariant()}@mail.test", "Arabisch", false, null, null),
                new LegalFrame(TargetGroup.AsylumPermitHolder, new DateOnly(2026, 1, 1), new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 1), null, null, null, null),
                DateTimeOffset.UtcNow);
            db.Newcomers.Add(person);
            var proposedOn = started.AddDays(-5);
            var proposal = new Proposal(person, TargetKind.Volunteer, volunteerId, "Taalmaatje", null, null, "Karin Klantregisseur",
                new DateTimeOffset(proposedOn.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), proposedOn);
            proposal.RecordAnswer(NewcomerAnswer.Yes, proposedOn, null);
            db.Proposals.Add(proposal);
            db.Consents.Add(new Consent(proposal, "Kennismaken en Nederlands oefenen met een taalmaatje", proposedOn, on.AddMonths(6),
                ByWhom.Staff("Karin Klantregisseur", DateTimeOffset.UtcNow), sharesPhone, false));
            proposal.RecordArrangement("Vrijwilligerscentrale", started, null);
            if (lastMeeting is { } last)
            {
                db.VolunteerMeetings.Add(new VolunteerMeeting(municipalityId, new MatchKey(proposal.Id, person.Id, volunteerId), last, minutes,
                    [MeetingActivity.LanguagePractice], null, "test", DateTimeOffset.UtcNow, on));
            }
            id = proposal.Id;
            await Task.CompletedTask;
        });
        return id;
    }
}
