using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Thuis.Web.Data;
using Thuis.Web.Features.Accounts;
using Thuis.Web.Features.Own;
using Thuis.Web.Features.Plans;
using Thuis.Web.Features.Signals;
using Thuis.Web.Platform.Security;
using Thuis.Web.Tests.Infrastructure;

namespace Thuis.Web.Tests;

/// <summary>The newcomer's own Thuis: the invitation, the activation, and that a newcomer reaches only their own data.</summary>
[Collection(AppCollection.Name)]
public sealed class OwnAccessTests(AppFixture fixture)
{
    internal const string NewPassword = "mijn eigen lange wachtwoord";

    private TestWorld World => fixture.World;

    [Fact]
    public async Task The_case_manager_prints_a_letter_and_the_person_activates_once_with_password_and_authenticator()
    {
        var person = await PersonWithPlanAsync(fixture.App, World.A);
        using var caseManager = await SignedInAsync(Roles.CaseManager);
        var letter = await InviteAsync(caseManager, person.Id);

        Assert.Matches("^[A-Z0-9]{5}-[A-Z0-9]{5}$", letter.Code);
        Assert.EndsWith(AccountsSetup.ActivationPath, letter.Address, StringComparison.Ordinal);
        Assert.Equal(Platform.Localization.DutchFormat.Date(DateTimeOffset.UtcNow.AddDays(14)), letter.ValidUntil);
        Assert.NotNull(letter.Page.Document.QuerySelector(".thuis-letter__qr svg"));
        Assert.Null(letter.Page.Document.QuerySelector(".thuis-letter__qr [style]"));

        using var newcomer = fixture.NewClient();
        var activated = await ActivateAsync(newcomer, letter.SignInName, letter.Code.ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal));
        Assert.Equal($"{AccountsSetup.OwnSignInSetupPath}?nieuw=1", activated.Location);

        var choice = await newcomer.GetAsync(activated.Location!);
        Assert.Equal(HttpStatusCode.OK, choice.Status);
        Assert.NotNull(choice.Document.QuerySelector("[data-testid=own-passkeys] thuis-passkey[operation=create]"));
        var setup = await newcomer.GetAsync(OwnSetup.CodeAppPath);
        var key = setup.Document.QuerySelector("[data-testid=shared-key]")!.TextContent;
        var enabled = await newcomer.PostFormAsync(setup, "aanzetten",
            new Dictionary<string, string> { ["EnableInput.Code"] = Totp.Code(key, DateTimeOffset.UtcNow) });
        Assert.NotEmpty(enabled.Document.QuerySelectorAll("[data-testid=recovery-codes] li"));
        Assert.Equal("/mijn", (await newcomer.GetAsync("/")).Location);
        Assert.Equal(HttpStatusCode.OK, (await newcomer.GetAsync("/mijn/plan")).Status);

        using var again = fixture.NewClient();
        var second = await ActivateAsync(again, letter.SignInName, letter.Code);
        Assert.Equal(HttpStatusCode.OK, second.Status);
        Assert.Contains(ActivateOwnAccess.WrongCode, second.Text, StringComparison.Ordinal);

        using var later = fixture.NewClient();
        var signIn = await later.SignInAsync(letter.SignInName, NewPassword);
        Assert.StartsWith(AccountsSetup.TwoFactorSignInPath, signIn.Location, StringComparison.Ordinal);

        var status = await caseManager.GetAsync($"/dossiers/{person.Id}/eigen-thuis");
        Assert.Contains("Toegangja", Squeeze(status.Document.QuerySelector("[data-testid=own-access-status]")!.TextContent), StringComparison.Ordinal);
        Assert.Contains("Laatst ingelogd", status.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_name_a_wrong_code_and_a_mistyped_password_each_get_a_Dutch_message_that_names_nothing()
    {
        var person = await PersonWithPlanAsync(fixture.App, World.A);
        using var caseManager = await SignedInAsync(Roles.CaseManager);
        var letter = await InviteAsync(caseManager, person.Id);
        using var newcomer = fixture.NewClient();

        var wrongName = await ActivateAsync(newcomer, "niemand@dalfsen.thuis", letter.Code);
        var wrongCode = await ActivateAsync(newcomer, letter.SignInName, "ACDEF-GHJKM");
        Assert.Contains(ActivateOwnAccess.WrongCode, wrongName.Text, StringComparison.Ordinal);
        Assert.Contains(ActivateOwnAccess.WrongCode, wrongCode.Text, StringComparison.Ordinal);
        Assert.NotNull(wrongCode.Document.QuerySelector(".utrecht-form-field--invalid #code"));

        var shortPassword = await newcomer.SubmitAsync(AccountsSetup.ActivationPath, "activeren", new Dictionary<string, string>
        {
            ["Input.SignInName"] = letter.SignInName,
            ["Input.Code"] = letter.Code,
            ["Input.Password"] = "te kort",
            ["Input.RepeatPassword"] = "te kort",
        });
        Assert.Contains("minstens 12 tekens", shortPassword.Text, StringComparison.Ordinal);
        // The code was not used up by a refused attempt.
        Assert.Equal($"{AccountsSetup.OwnSignInSetupPath}?nieuw=1", (await ActivateAsync(newcomer, letter.SignInName, letter.Code)).Location);
    }

    [Fact]
    public async Task The_code_is_kept_only_as_a_hash_and_appears_nowhere_in_the_database()
    {
        var person = await PersonWithPlanAsync(fixture.App, World.A);
        using var caseManager = await SignedInAsync(Roles.CaseManager);
        var letter = await InviteAsync(caseManager, person.Id);
        var plain = letter.Code.Replace("-", "", StringComparison.Ordinal);

        var invitation = await Groups.ReadAsync(fixture.App, World.A, db => db.OwnAccessInvitations.SingleAsync(i => i.NewcomerId == person.Id));
        Assert.Equal(32, invitation.CodeHash.Length);
        Assert.NotEqual(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(plain)), invitation.CodeHash);
        Assert.True(invitation.Matches(letter.Code));
        var audit = await Groups.ReadAsync(fixture.App, World.A, db => db.AuditEntries.Select(e => e.Details).ToListAsync());
        Assert.DoesNotContain(audit, d => d != null && d.Contains(plain, StringComparison.Ordinal));
        Assert.True(await Groups.ReadAsync(fixture.App, World.A, db => db.AuditEntries.AnyAsync(e => e.ObjectType == nameof(OwnAccessInvitation) && e.ObjectId == invitation.Id.ToString())));

        if (!TestDatabase.UsesPostgres)
        {
            var file = fixture.App.Database.ConnectionString.Replace("Data Source=", "", StringComparison.Ordinal).Split(';')[0];
            foreach (var path in Directory.GetFiles(Path.GetDirectoryName(file)!, Path.GetFileName(file) + "*"))
            {
                await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                using var reader = new StreamReader(stream, System.Text.Encoding.Latin1);
                var content = await reader.ReadToEndAsync();
                Assert.DoesNotContain(plain, content, StringComparison.Ordinal);
                Assert.DoesNotContain(letter.Code, content, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task Inviting_again_ends_the_session_the_password_and_the_earlier_code()
    {
        var person = await PersonWithPlanAsync(fixture.App, World.A);
        using var caseManager = await SignedInAsync(Roles.CaseManager);
        var first = await InviteAsync(caseManager, person.Id);
        var unused = await InviteAsync(caseManager, person.Id);
        using var newcomer = fixture.NewClient();
        Assert.Contains(ActivateOwnAccess.WrongCode, (await ActivateAsync(newcomer, first.SignInName, first.Code)).Text, StringComparison.Ordinal);
        Assert.Equal($"{AccountsSetup.OwnSignInSetupPath}?nieuw=1", (await ActivateAsync(newcomer, unused.SignInName, unused.Code)).Location);
        Assert.Equal(HttpStatusCode.OK, (await newcomer.GetAsync("/mijn/plan")).Status);

        var third = await InviteAsync(caseManager, person.Id);
        Assert.Equal(first.SignInName, third.SignInName);

        var ended = await newcomer.GetAsync("/mijn/plan");
        Assert.Equal(HttpStatusCode.Redirect, ended.Status);
        Assert.StartsWith(OwnSetup.SignInPath, new Uri(fixture.App.BaseAddress, ended.Location).AbsolutePath, StringComparison.Ordinal);
        using var withOldPassword = fixture.NewClient();
        Assert.Equal(HttpStatusCode.OK, (await withOldPassword.SignInAsync(first.SignInName, NewPassword)).Status);
        Assert.Contains(ActivateOwnAccess.WrongCode, (await ActivateAsync(withOldPassword, unused.SignInName, unused.Code)).Text, StringComparison.Ordinal);
        Assert.Equal($"{AccountsSetup.OwnSignInSetupPath}?nieuw=1", (await ActivateAsync(withOldPassword, third.SignInName, third.Code)).Location);
    }

    [Fact]
    public async Task Revoking_access_after_confirming_ends_the_persons_session_and_shows_no_access()
    {
        var person = await PersonWithPlanAsync(fixture.App, World.A);
        using var caseManager = await SignedInAsync(Roles.CaseManager);
        var letter = await InviteAsync(caseManager, person.Id);
        using var newcomer = fixture.NewClient();
        await ActivateAsync(newcomer, letter.SignInName, letter.Code);
        var url = $"/dossiers/{person.Id}/eigen-thuis";

        var unconfirmed = await caseManager.SubmitAsync(url, "intrekken", new Dictionary<string, string>());
        Assert.Contains("Vink aan dat u de toegang echt wilt intrekken.", unconfirmed.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await newcomer.GetAsync("/mijn")).Status);

        var revoked = await caseManager.SubmitAsync(url, "intrekken", new Dictionary<string, string> { ["RevokeInput.Confirm"] = "true" });
        Assert.Equal($"{url}?ingetrokken=1", revoked.Location);
        Assert.Equal(HttpStatusCode.Redirect, (await newcomer.GetAsync("/mijn")).Status);
        var status = await caseManager.GetAsync(url);
        Assert.Contains("Toegangnee", Squeeze(status.Document.QuerySelector("[data-testid=own-access-status]")!.TextContent), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_code_no_longer_works_fourteen_days_after_the_invitation()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = new ThuisAppFactory { ConfigureTestServices = s => s.AddSingleton<TimeProvider>(clock) };
        var world = await TestWorld.SeedAsync(app);
        var late = await PersonWithPlanAsync(app, world.A);
        var inTime = await PersonWithPlanAsync(app, world.A);
        using var caseManager = new ThuisClient(app);
        await caseManager.SignInOrFailAsync(await world.CreateUserAsync(world.A, Roles.CaseManager));
        var lateLetter = await InviteAsync(caseManager, late.Id);
        var inTimeLetter = await InviteAsync(caseManager, inTime.Id);

        clock.Advance(TimeSpan.FromDays(14) - TimeSpan.FromMinutes(1));
        using var first = new ThuisClient(app);
        Assert.Equal($"{AccountsSetup.OwnSignInSetupPath}?nieuw=1", (await ActivateAsync(first, inTimeLetter.SignInName, inTimeLetter.Code)).Location);

        clock.Advance(TimeSpan.FromMinutes(1));
        using var second = new ThuisClient(app);
        Assert.Contains(ActivateOwnAccess.WrongCode, (await ActivateAsync(second, lateLetter.SignInName, lateLetter.Code)).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Activation_attempts_are_rate_limited_per_address()
    {
        await using var app = new ThuisAppFactory(settings: new Dictionary<string, string?> { ["Activation:PermitPerMinutePerAddress"] = "3" });
        await TestWorld.SeedAsync(app);
        using var client = new ThuisClient(app);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await ActivateAsync(client, "iemand@dalfsen.thuis", "ACDEF-GHJKM")).Status);
        }
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task A_newcomer_sees_only_their_own_plan_and_another_persons_step_answers_404()
    {
        var own = await PersonWithPlanAsync(fixture.App, World.A);
        var neighbour = await PersonWithPlanAsync(fixture.App, World.A);
        var elsewhere = await PersonWithPlanAsync(fixture.App, World.B);
        var ownYes = await OwnProposalsTests.AddAnsweredYesAsync(fixture.App, World.A, own.Id);
        var neighbourYes = await OwnProposalsTests.AddAnsweredYesAsync(fixture.App, World.A, neighbour.Id);
        var elsewhereYes = await OwnProposalsTests.AddAnsweredYesAsync(fixture.App, World.B, elsewhere.Id);
        using var newcomer = await ActivatedAsync(own);

        foreach (var url in new[] { "/mijn", "/mijn/plan", $"/mijn/plan/stap/{own.StepId}", "/mijn/taal", OwnSetup.AppointmentsPath, $"{OwnSetup.AppointmentsPath}?weergave=week", OwnSetup.CalendarPath,
            "/mijn/voorstellen", "/mijn/toestemmingen", $"/mijn/voorstellen/{ownYes.ProposalId}", $"/mijn/toestemmingen/{ownYes.ConsentId}/intrekken",
            "/mijn/hoe-gaat-het", "/mijn/wat-ik-wil", OwnSetup.SignInSetupPath })
        {
            var page = await newcomer.GetAsync(url);
            Assert.True(page.Status == HttpStatusCode.OK, $"{url} gaf {page.Status}");
            Assert.DoesNotContain(own.Bsn, page.Text, StringComparison.Ordinal);
            Assert.DoesNotContain(neighbour.Step, page.Text, StringComparison.Ordinal);
            Assert.DoesNotContain(elsewhere.Step, page.Text, StringComparison.Ordinal);
            Assert.DoesNotContain(neighbourYes.What, page.Text, StringComparison.Ordinal);
            Assert.DoesNotContain(elsewhereYes.What, page.Text, StringComparison.Ordinal);
        }
        Assert.Contains(own.Step, (await newcomer.GetAsync("/mijn/plan")).Text, StringComparison.Ordinal);
        Assert.Contains(ownYes.What, (await newcomer.GetAsync("/mijn/toestemmingen")).Text, StringComparison.Ordinal);

        foreach (var (other, yes) in new[] { (neighbour, neighbourYes), (elsewhere, elsewhereYes) })
        {
            var page = await newcomer.GetAsync($"/mijn/plan/stap/{other.StepId}");
            Assert.Equal(HttpStatusCode.NotFound, page.Status);
            Assert.DoesNotContain(other.Step, page.Text, StringComparison.Ordinal);
            foreach (var url in new[] { $"/mijn/voorstellen/{yes.ProposalId}", $"/mijn/toestemmingen/{yes.ConsentId}/intrekken" })
            {
                var record = await newcomer.GetAsync(url);
                Assert.True(record.Status == HttpStatusCode.NotFound, $"{url} gaf {record.Status}");
                Assert.DoesNotContain(yes.What, record.Text, StringComparison.Ordinal);
            }
        }
        // Another person's lesson or referral, of this municipality or another, has no calendar file for this newcomer.
        foreach (var key in new[] { $"bijeenkomst-{World.A.SessionId:N}", $"bijeenkomst-{World.B.SessionId:N}", $"verwijzing-{World.A.ReferralId:N}",
            $"verwijzing-{World.B.ReferralId:N}", $"geregeld-{World.A.ProposalId:N}", $"geregeld-{World.B.ProposalId:N}" })
        {
            var file = await newcomer.GetAsync($"{OwnSetup.AppointmentsPath}/{key}.ics");
            Assert.True(file.Status == HttpStatusCode.NotFound, $"{key} gaf {file.Status}");
            Assert.DoesNotContain(World.A.NewcomerName, file.Text, StringComparison.Ordinal);
            Assert.DoesNotContain(World.B.NewcomerName, file.Text, StringComparison.Ordinal);
        }
        // A form posted for another person's step, with the own plan's version, changes nothing there.
        var form = await newcomer.GetAsync($"/mijn/plan/stap/{own.StepId}");
        var version = form.ValueOf("DoneInput.Version")!;
        foreach (var other in new[] { neighbour, elsewhere })
        {
            using var content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = "klaar",
                ["DoneInput.Version"] = version,
                ["__RequestVerificationToken"] = form.Document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
            });
            using var response = await newcomer.Http.PostAsync($"/mijn/plan/stap/{other.StepId}", content);
            Assert.NotEqual(HttpStatusCode.Redirect, response.StatusCode);
            var stepStatus = await Groups.ReadAsync(fixture.App, other.Municipality, db => db.PlanSteps.Where(s => s.Id == other.StepId).Select(s => s.Status).SingleAsync());
            Assert.Equal(StepStatus.Planned, stepStatus);
        }
    }

    [Fact]
    public async Task Another_persons_activity_answers_404_on_hoe_gaat_het_and_their_wishes_never_show()
    {
        var own = await PersonWithPlanAsync(fixture.App, World.A);
        var neighbour = await PersonWithPlanAsync(fixture.App, World.A);
        var elsewhere = await PersonWithPlanAsync(fixture.App, World.B);
        var today = Platform.Localization.Today.InTheNetherlands(TimeProvider.System);
        var ownActivity = await OwnFeedbackTests.StartedAsync(fixture.App, AsOwn(own), ActivityKind.Arranged, today.AddDays(-15), "Mijn eigen taalmaatje");
        var theirs = new List<(Person Person, Guid Activity)>();
        foreach (var other in new[] { neighbour, elsewhere })
        {
            foreach (var kind in Enum.GetValues<ActivityKind>())
            {
                theirs.Add((other, await OwnFeedbackTests.StartedAsync(fixture.App, AsOwn(other), kind, today.AddDays(-15), $"Activiteit van {other.Step}")));
            }
            await using var scope = fixture.App.Services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystemFor(other.Municipality.Id);
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var wishes = new Features.Intake.AspirationsSection(other.Id, other.Municipality.Id);
            wishes.Update($"Wens van {other.Step}", null);
            wishes.MarkRecorded("test", DateTimeOffset.UtcNow);
            db.Add(wishes);
            await db.SaveChangesAsync();
        }
        using var newcomer = await ActivatedAsync(own);

        Assert.Equal(HttpStatusCode.OK, (await newcomer.GetAsync($"/mijn/hoe-gaat-het/{ownActivity}")).Status);
        foreach (var (other, activity) in theirs)
        {
            var page = await newcomer.GetAsync($"/mijn/hoe-gaat-het/{activity}");
            Assert.True(page.Status == HttpStatusCode.NotFound, $"De activiteit van een ander ({other.Municipality.Name}) gaf {page.Status}");
            Assert.DoesNotContain(other.Step, page.Text, StringComparison.Ordinal);
        }
        foreach (var url in new[] { "/mijn", "/mijn/hoe-gaat-het", "/mijn/wat-ik-wil" })
        {
            var page = await newcomer.GetAsync(url);
            Assert.DoesNotContain(neighbour.Step, page.Text, StringComparison.Ordinal);
            Assert.DoesNotContain(elsewhere.Step, page.Text, StringComparison.Ordinal);
            Assert.DoesNotContain(own.Bsn, page.Text, StringComparison.Ordinal);
        }
        Assert.Contains("Mijn eigen taalmaatje", (await newcomer.GetAsync("/mijn/hoe-gaat-het")).Text, StringComparison.Ordinal);
    }

    private static OwnFeedbackTests.OwnPerson AsOwn(Person person) => new(person.Id, "Hana", "", person.Municipality);

    [Fact]
    public async Task Every_staff_page_answers_403_to_a_newcomer()
    {
        var own = await PersonWithPlanAsync(fixture.App, World.A);
        using var newcomer = await ActivatedAsync(own);
        var b = World.B;
        var ids = b.RouteIds();
        ids["NewcomerId"] = own.Id.ToString();
        ids["StepId"] = own.StepId.ToString();
        var staffPages = StaffPageTemplates(fixture.App.Services);
        Assert.Contains("/dossiers/{NewcomerId:guid}/eigen-thuis", staffPages);
        Assert.Contains("/dossiers", staffPages);
        foreach (var template in staffPages)
        {
            var url = TenancyTests.ReplaceParameters(template, ids);
            var page = await newcomer.GetAsync(url);
            Assert.True(page.Status == HttpStatusCode.Forbidden, $"{url} gaf {(int)page.Status} aan een statushouder in plaats van 403");
            Assert.DoesNotContain(own.Bsn, page.Text, StringComparison.Ordinal);
        }
        Assert.Equal("/mijn", (await newcomer.GetAsync("/")).Location);
        Assert.Equal(["/mijn", "/mijn/plan", "/mijn/wat-ik-wil", OwnSetup.AppointmentsPath, OwnSetup.CvPath, "/mijn/geld", "/mijn/voorstellen", "/mijn/hoe-gaat-het", "/mijn/gegevens"],
            [.. (await newcomer.GetAsync("/mijn")).Document.QuerySelectorAll("nav.thuis-nav a[href]").Select(a => a.GetAttribute("href")!)]);
    }

    [Fact]
    public async Task Staff_do_not_reach_the_newcomers_own_pages()
    {
        var email = await World.CreateUserAsync(World.A, [.. Roles.All]);
        using var staff = fixture.NewClient();
        await staff.SignInOrFailAsync(email);
        foreach (var url in new[] { "/mijn", "/mijn/plan", $"/mijn/plan/stap/{Guid.NewGuid()}", "/mijn/taal", "/mijn/gegevens", "/mijn/gegevens/download",
            OwnSetup.AppointmentsPath, OwnSetup.CalendarPath, $"{OwnSetup.AppointmentsPath}/bijeenkomst-{World.A.SessionId:N}.ics",
            "/mijn/voorstellen", $"/mijn/voorstellen/{World.A.ProposalId}", "/mijn/toestemmingen", $"/mijn/toestemmingen/{World.A.ConsentId}/intrekken",
            "/mijn/hoe-gaat-het", $"/mijn/hoe-gaat-het/{World.A.ReferralId}", "/mijn/wat-ik-wil", OwnSetup.SignInSetupPath, OwnSetup.CvPath, OwnSetup.CvFilePath, "/mijn/geld" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync(url)).Status);
        }
        Assert.DoesNotContain("/mijn", (await staff.GetAsync("/")).Document.QuerySelectorAll("nav.thuis-nav a[href]").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public async Task Without_a_plan_in_force_the_person_reads_that_it_is_not_ready_yet()
    {
        var draftOnly = await PersonWithPlanAsync(fixture.App, World.A, fix: false);
        using var newcomer = await ActivatedAsync(draftOnly);
        var page = await newcomer.GetAsync("/mijn/plan");
        Assert.NotNull(page.Document.QuerySelector("[data-testid=own-no-plan]"));
        Assert.DoesNotContain(draftOnly.Step, page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Marking_a_step_done_and_saying_one_is_not_going_well_reach_the_case_managers_plan_and_signals()
    {
        var person = await PersonWithPlanAsync(fixture.App, World.A);
        using var newcomer = await ActivatedAsync(person);

        var concern = await newcomer.SubmitAsync($"/mijn/plan/stap/{person.StepId}", "nietgoed",
            new Dictionary<string, string> { ["ConcernInput.Words"] = "De les is te ver weg" });
        Assert.Equal("/mijn/plan?gemeld=1", concern.Location);
        var signal = await Groups.ReadAsync(fixture.App, World.A, db => db.Signals
            .Where(s => s.NewcomerId == person.Id && s.Kind == SignalKind.StepConcern && s.State == SignalState.Open).Select(s => s.Reason).SingleAsync());
        Assert.Contains("De les is te ver weg", signal, StringComparison.Ordinal);
        Assert.Contains("Uw klantregisseur weet het.", (await newcomer.GetAsync("/mijn/plan")).Text, StringComparison.Ordinal);

        var done = await newcomer.SubmitAsync($"/mijn/plan/stap/{person.StepId}", "klaar", new Dictionary<string, string>());
        Assert.Equal("/mijn/plan?klaar=1", done.Location);
        var after = await Groups.ReadAsync(fixture.App, World.A, async db => new
        {
            Status = await db.PlanSteps.Where(s => s.Id == person.StepId).Select(s => s.Status).SingleAsync(),
            Open = await db.Signals.CountAsync(s => s.NewcomerId == person.Id && s.Kind == SignalKind.StepConcern && s.State == SignalState.Open),
        });
        Assert.Equal(StepStatus.Done, after.Status);
        Assert.Equal(0, after.Open);
        Assert.Equal(HttpStatusCode.NotFound, (await newcomer.GetAsync($"/mijn/plan/stap/{person.StepId}")).Status);
    }

    [Fact]
    public async Task Inviting_activating_and_revoking_tell_the_change_of_that_person()
    {
        var changes = new ChangeLog();
        await using var app = new ThuisAppFactory { ConfigureTestServices = changes.AddTo };
        var world = await TestWorld.SeedAsync(app);
        var person = await PersonWithPlanAsync(app, world.A);
        using var caseManager = new ThuisClient(app);
        await caseManager.SignInOrFailAsync(await world.CreateUserAsync(world.A, Roles.CaseManager));

        var letter = await InviteAsync(caseManager, person.Id);
        Assert.Contains(changes.Told, t => t.Request.StartsWith("POST /dossiers", StringComparison.Ordinal) && t.Change.People.Contains(person.Id));
        changes.Clear();
        using var newcomer = new ThuisClient(app);
        await ActivateAsync(newcomer, letter.SignInName, letter.Code);
        Assert.Contains(changes.Told, t => t.Request == $"POST {AccountsSetup.ActivationPath}" && t.Change.People.Contains(person.Id));
        await InviteAsync(caseManager, person.Id);
        changes.Clear();
        await caseManager.SubmitAsync($"/dossiers/{person.Id}/eigen-thuis", "intrekken", new Dictionary<string, string> { ["RevokeInput.Confirm"] = "true" });
        Assert.Contains(changes.Told, t => t.Request.StartsWith("POST /dossiers", StringComparison.Ordinal) && t.Change.People.Contains(person.Id));
    }

    // --- helpers ---

    internal sealed record Person(Guid Id, Guid StepId, string Step, string Bsn, TestMunicipality Municipality);

    internal sealed record Letter(string Code, string SignInName, string Address, string ValidUntil, ThuisClient.Page Page);

    /// <summary>Someone with a BSN and a plan of one goal and one open step; fixed unless asked otherwise.</summary>
    internal static async Task<Person> PersonWithPlanAsync(ThuisAppFactory app, TestMunicipality municipality, bool fix = true, string? bsn = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystemFor(municipality.Id);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        bsn ??= NewBsn();
        var step = $"Naar de taalcafé-avond {Guid.NewGuid().ToString("N")[..6]}";
        var newcomer = People.Newcomer(municipality.Id, "Hana", $"Eigen{Guid.NewGuid().ToString("N")[..6]}", new DateOnly(1990, 5, 5), bsn);
        var plan = IntegrationPlan.FirstDraft(newcomer, "test", DateTimeOffset.UtcNow);
        var today = Platform.Localization.Today.InTheNetherlands(TimeProvider.System);
        plan.Revise(new PlanTerms(LearningRoute.B1, MainGoal.Participation, null, 4, 6, null, null, null, null, null, null, null),
            new Dictionary<ParticipationDomain, string> { [ParticipationDomain.Meeting] = "Mensen leren kennen in het dorp" },
            [new StepContent(null, ParticipationDomain.Meeting, step, StepOwner.Volunteer, "taalmaatje Els", today.AddDays(30), true, null)], today);
        if (fix)
        {
            plan.Fix(today, "test", DateTimeOffset.UtcNow);
        }
        db.Newcomers.Add(newcomer);
        db.IntegrationPlans.Add(plan);
        await db.SaveChangesAsync();
        return new Person(newcomer.Id, plan.Steps.Single().Id, step, bsn, municipality);
    }

    private Task<ThuisClient> ActivatedAsync(Person person) => ActivatedAsync(fixture, person);

    /// <summary>The person, invited by a case manager of their municipality, with their own Thuis activated (no authenticator yet).</summary>
    internal static async Task<ThuisClient> ActivatedAsync(AppFixture fixture, Person person)
    {
        using var caseManager = new ThuisClient(fixture.App);
        await caseManager.SignInOrFailAsync(await fixture.World.CreateUserAsync(person.Municipality, Roles.CaseManager));
        var letter = await InviteAsync(caseManager, person.Id);
        var newcomer = fixture.NewClient();
        var activated = await ActivateAsync(newcomer, letter.SignInName, letter.Code);
        Assert.Equal($"{AccountsSetup.OwnSignInSetupPath}?nieuw=1", activated.Location);
        return newcomer;
    }

    internal static async Task<Letter> InviteAsync(ThuisClient caseManager, Guid newcomerId, string? language = null)
    {
        var page = await caseManager.SubmitAsync($"/dossiers/{newcomerId}/eigen-thuis", "uitnodigen",
            language is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["InviteInput.Language"] = language });
        Assert.True(page.Status == HttpStatusCode.OK, $"Uitnodigen gaf {page.Status}: {page.Text}");
        string Read(string id) => page.Document.QuerySelector($"[data-testid={id}]")?.TextContent.Trim()
            ?? throw new InvalidOperationException($"Geen {id} in de brief: {page.Text}");
        return new Letter(Read("letter-code"), Read("letter-sign-in-name"), Read("letter-address"), Read("letter-valid-until"), page);
    }

    internal static Task<ThuisClient.Page> ActivateAsync(ThuisClient client, string signInName, string code) =>
        client.SubmitAsync(AccountsSetup.ActivationPath, "activeren", new Dictionary<string, string>
        {
            ["Input.SignInName"] = signInName,
            ["Input.Code"] = code,
            ["Input.Password"] = NewPassword,
            ["Input.RepeatPassword"] = NewPassword,
        });

    private async Task<ThuisClient> SignedInAsync(string role)
    {
        var client = fixture.NewClient();
        await client.SignInOrFailAsync(await World.CreateUserAsync(World.A, role));
        return client;
    }

    /// <summary>Every page and endpoint that is not anonymous and not the newcomer's own: the staff's.</summary>
    private static List<string> StaffPageTemplates(IServiceProvider services) =>
        [.. services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && !raw.StartsWith("/fout", StringComparison.Ordinal)
                && !raw.Contains("_framework", StringComparison.Ordinal) && !raw.Contains('*', StringComparison.Ordinal)
                && !raw.StartsWith("/mijn", StringComparison.Ordinal) && !raw.StartsWith("/account", StringComparison.Ordinal)
                && !raw.StartsWith("/health", StringComparison.Ordinal) && raw != "/" && raw != "/taal"
                // The partner API answers a session with 401: it takes only a key (the authorization matrix).
                && !raw.StartsWith("/api/", StringComparison.Ordinal))
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null && e.Metadata.GetOrderedMetadata<IAuthorizeData>().Count > 0)
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>() is not { } methods || methods.HttpMethods.Contains("GET"))
            .Select(e => e.RoutePattern.RawText!)
            .Distinct()];

    private static string Squeeze(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    /// <summary>A fictional BSN that passes the eleven test, different every time.</summary>
    internal static string NewBsn()
    {
        while (true)
        {
            var digits = Enumerable.Range(0, 8).Select(_ => RandomNumberGenerator.GetInt32(10)).Prepend(9).Take(8).ToArray();
            var sum = digits.Select((d, i) => d * (9 - i)).Sum();
            var last = sum % 11;
            if (last < 10)
            {
                return string.Concat(digits) + last;
            }
        }
    }
}
