using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Thuis.Web.Data;
using Thuis.Web.Features.Accounts;
using Thuis.Web.Features.Own;
using Thuis.Web.Platform.Localization;
using Thuis.Web.Platform.Security;
using Thuis.Web.Tests.Infrastructure;

namespace Thuis.Web.Tests;

/// <summary>Thuis with a DigiD broker configured: the fake broker of the tests, on its own loopback port.</summary>
public sealed class DigiDFixture : IAsyncLifetime
{
    public FakeDigiDBroker Broker { get; private set; } = default!;

    public ThuisAppFactory App { get; private set; } = default!;

    public TestWorld World { get; private set; } = default!;

    /// <summary>The data-change events the app tells, with the request that caused each.</summary>
    public ChangeLog Changes { get; } = new();

    public async ValueTask InitializeAsync()
    {
        Broker = await FakeDigiDBroker.StartAsync();
        App = new ThuisAppFactory(settings: new Dictionary<string, string?>
        {
            ["Authentication:DigiD:Authority"] = Broker.Authority,
            ["Authentication:DigiD:ClientId"] = FakeDigiDBroker.ClientId,
            ["Authentication:DigiD:ClientSecret"] = FakeDigiDBroker.ClientSecret,
            // Everything the app and the framework can say, so a BSN in a log line has every chance to show.
            ["Logging:LogLevel:Default"] = "Debug",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Debug",
        })
        { ConfigureTestServices = Changes.AddTo };
        App.StartServer();
        World = await TestWorld.SeedAsync(App);
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await Broker.DisposeAsync();
    }

    public ThuisClient NewClient() => new(App);
}

[CollectionDefinition(Name)]
public sealed class DigiDCollection : ICollectionFixture<DigiDFixture>
{
    public const string Name = "Thuis app met DigiD";
}

/// <summary>A newcomer signs in through the municipality's DigiD broker: only into the own Thuis of their active dossier.</summary>
[Collection(DigiDCollection.Name)]
public sealed class DigiDSignInTests(DigiDFixture fixture)
{
    private TestWorld World => fixture.World;

    [Fact]
    public async Task A_person_with_an_activated_own_Thuis_lands_on_mijn_signed_in_as_themselves_without_a_second_step()
    {
        // A municipality that requires two-step sign-in: DigiD substantieel has already asked two factors.
        var strict = await World.AddMunicipalityAsync("Staphorst");
        var person = await OwnAccessTests.PersonWithPlanAsync(fixture.App, strict);
        await ActivatedWithLetterAsync(person);
        await RequireTwoFactorAsync(strict);
        using var phone = fixture.NewClient();

        var signIn = await SignInWithDigiDAsync(phone, person.Bsn);

        Assert.Equal(DigiDSetup.FinishPath, signIn.Landing);
        Assert.Equal(HttpStatusCode.OK, signIn.Page.Status);
        Assert.NotNull(signIn.Page.Document.QuerySelector($"meta[http-equiv=refresh][content='0; url={OwnSetup.StartPath}']"));
        Assert.NotNull(signIn.Page.Document.QuerySelector($"[data-testid=digid-signed-in] a[href='{OwnSetup.StartPath}']"));
        Assert.Contains("thuis.sessie=", phone.CookieHeader, StringComparison.Ordinal);
        Assert.DoesNotContain("thuis.extern", phone.CookieHeader, StringComparison.Ordinal);
        foreach (var url in new[] { OwnSetup.StartPath, "/mijn/plan", "/mijn/gegevens" })
        {
            var page = await phone.GetAsync(url);
            Assert.True(page.Status == HttpStatusCode.OK, $"{url} gaf {page.Status} {page.Location}");
        }
        Assert.Contains(person.Step, (await phone.GetAsync("/mijn/plan")).Text, StringComparison.Ordinal);
        Assert.Equal(OwnSetup.StartPath, (await phone.GetAsync("/")).Location);

        // Thuis asked the broker for the code flow with PKCE, the openid scope only, and DigiD substantieel or higher.
        var asked = fixture.Broker.LastAuthorizeRequest;
        Assert.Equal("code", asked["response_type"]);
        Assert.Equal("openid", asked["scope"]);
        Assert.Equal("S256", asked["code_challenge_method"]);
        Assert.Equal(new Uri(fixture.App.BaseAddress, DigiDSetup.CallbackPath).ToString(), asked["redirect_uri"]);
        Assert.Contains(FakeDigiDBroker.Substantial, asked["acr_values"].Split(' '));
        Assert.DoesNotContain(FakeDigiDBroker.Midden, asked["acr_values"].Split(' '));

        // The BSN went nowhere: not into an address of Thuis, a log line, or the accounts' tables.
        Assert.DoesNotContain(signIn.Addresses, a => a.Contains(person.Bsn, StringComparison.Ordinal));
        Assert.DoesNotContain(fixture.App.Logs.GetSnapshot(), r => (r.Message + r.Exception).Contains(person.Bsn, StringComparison.Ordinal));
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.False(await db.UserLogins.AnyAsync(l => l.ProviderKey.Contains(person.Bsn)));
        Assert.False(await db.UserClaims.AnyAsync(c => c.ClaimValue != null && c.ClaimValue.Contains(person.Bsn)));
        Assert.False(await db.UserTokens.AnyAsync(t => t.Value != null && t.Value.Contains(person.Bsn)));
    }

    [Fact]
    public async Task After_revoking_access_the_persons_DigiD_opens_nothing()
    {
        var person = await OwnAccessTests.PersonWithPlanAsync(fixture.App, World.A);
        using var caseManager = await CaseManagerAsync(World.A);
        await ActivatedWithLetterAsync(person);
        await caseManager.SubmitAsync($"/dossiers/{person.Id}/eigen-thuis", "intrekken", new Dictionary<string, string> { ["RevokeInput.Confirm"] = "true" });
        using var phone = fixture.NewClient();

        var signIn = await SignInWithDigiDAsync(phone, person.Bsn);

        await AssertRefusedAsync(phone, signIn, DigiDSetup.NoOwnThuisPath);
    }

    [Fact]
    public async Task A_BSN_without_an_own_Thuis_gets_a_clear_page_in_Dutch_or_English_and_no_session()
    {
        foreach (var bsn in new[] { OwnAccessTests.NewBsn(), World.A.NewcomerBsn })
        {
            using var phone = fixture.NewClient();
            var signIn = await SignInWithDigiDAsync(phone, bsn);
            await AssertRefusedAsync(phone, signIn, DigiDSetup.NoOwnThuisPath);
            Assert.Contains("Er is geen Mijn Thuis voor deze DigiD.", signIn.Page.Text, StringComparison.Ordinal);
            Assert.Contains("klantregisseur", signIn.Page.Text, StringComparison.Ordinal);
            Assert.NotNull(signIn.Page.Document.QuerySelector($"a[href='{OwnSetup.SignInPath}']"));

            var english = await phone.GetAsync($"{DigiDSetup.NoOwnThuisPath}?taal={Languages.English.Name}");
            Assert.Equal("en", english.Document.DocumentElement.GetAttribute("lang"));
            Assert.Contains("There is no My Thuis for this DigiD.", english.Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_invited_person_activates_their_own_Thuis_with_DigiD_and_the_letter_is_used_up()
    {
        var person = await OwnAccessTests.PersonWithPlanAsync(fixture.App, World.A);
        using var caseManager = await CaseManagerAsync(World.A);
        var letter = await OwnAccessTests.InviteAsync(caseManager, person.Id);
        using var phone = fixture.NewClient();
        fixture.Changes.Clear();

        var signIn = await SignInWithDigiDAsync(phone, person.Bsn);

        Assert.Equal(DigiDSetup.FinishPath, signIn.Landing);
        // Activating is a change of that person, told like the letter's activation, so the case manager's views follow.
        Assert.Contains(fixture.Changes.Told, t => t.Change.People.Contains(person.Id));
        Assert.Contains(person.Step, (await phone.GetAsync("/mijn/plan")).Text, StringComparison.Ordinal);
        using var withLetter = fixture.NewClient();
        Assert.Contains(ActivateOwnAccess.WrongCode, (await OwnAccessTests.ActivateAsync(withLetter, letter.SignInName, letter.Code)).Text, StringComparison.Ordinal);
        var status = await caseManager.GetAsync($"/dossiers/{person.Id}/eigen-thuis");
        Assert.Contains("Toegangja", Squeeze(status.Document.QuerySelector("[data-testid=own-access-status]")!.TextContent), StringComparison.Ordinal);
        Assert.Contains("Laatst ingelogd", status.Text, StringComparison.Ordinal);
        // The activation is the invitation's, recorded like the letter's, by the system for the municipality.
        var invitation = await Groups.ReadAsync(fixture.App, World.A, db => db.OwnAccessInvitations.SingleAsync(i => i.NewcomerId == person.Id));
        Assert.NotNull(invitation.ActivatedAt);

        // Revoking ends the DigiD access too, and the open session with it.
        await caseManager.SubmitAsync($"/dossiers/{person.Id}/eigen-thuis", "intrekken", new Dictionary<string, string> { ["RevokeInput.Confirm"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, (await phone.GetAsync("/mijn")).Status);
        using var later = fixture.NewClient();
        await AssertRefusedAsync(later, await SignInWithDigiDAsync(later, person.Bsn), DigiDSetup.NoOwnThuisPath);

        // A new letter opens it again, with DigiD as well as with the code.
        await OwnAccessTests.InviteAsync(caseManager, person.Id);
        using var again = fixture.NewClient();
        Assert.Equal(DigiDSetup.FinishPath, (await SignInWithDigiDAsync(again, person.Bsn)).Landing);
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/mijn/plan")).Status);
    }

    [Fact]
    public async Task A_person_never_lands_in_another_persons_account_or_in_their_old_municipalitys()
    {
        var inA = await OwnAccessTests.PersonWithPlanAsync(fixture.App, World.A);
        var inB = await OwnAccessTests.PersonWithPlanAsync(fixture.App, World.B);
        await ActivatedWithLetterAsync(inA);
        await ActivatedWithLetterAsync(inB);
        using var phone = fixture.NewClient();
        await SignInWithDigiDAsync(phone, inA.Bsn);
        var plan = await phone.GetAsync("/mijn/plan");
        Assert.Contains(inA.Step, plan.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(inB.Step, plan.Text, StringComparison.Ordinal);

        // The person of A moves to B: the dossier in A is closed as moved, the one in B is active but not yet invited.
        await MovedAwayAsync(inA);
        var moved = await OwnAccessTests.PersonWithPlanAsync(fixture.App, World.B, bsn: inA.Bsn);
        using var afterMove = fixture.NewClient();
        await AssertRefusedAsync(afterMove, await SignInWithDigiDAsync(afterMove, inA.Bsn), DigiDSetup.NoOwnThuisPath);

        // Once B invites them, DigiD opens B's own Thuis, never A's.
        using var caseManagerB = await CaseManagerAsync(World.B);
        await OwnAccessTests.InviteAsync(caseManagerB, moved.Id);
        using var inNewTown = fixture.NewClient();
        Assert.Equal(DigiDSetup.FinishPath, (await SignInWithDigiDAsync(inNewTown, inA.Bsn)).Landing);
        var newPlan = await inNewTown.GetAsync("/mijn/plan");
        Assert.Contains(moved.Step, newPlan.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(inA.Step, newPlan.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_id_token_signed_with_another_key_or_below_substantieel_is_refused()
    {
        var person = await OwnAccessTests.PersonWithPlanAsync(fixture.App, World.A);
        await ActivatedWithLetterAsync(person);

        using var forged = fixture.NewClient();
        var stranger = await SignInWithDigiDAsync(forged, person.Bsn, signedByAStranger: true);
        await AssertRefusedAsync(forged, stranger, DigiDSetup.FailedPath);
        Assert.Contains("Inloggen met DigiD is niet gelukt.", stranger.Page.Text, StringComparison.Ordinal);

        using var midden = fixture.NewClient();
        await AssertRefusedAsync(midden, await SignInWithDigiDAsync(midden, person.Bsn, acr: FakeDigiDBroker.Midden), DigiDSetup.FailedPath);

        // Opening the landing page without an answer from the broker signs nobody in.
        using var direct = fixture.NewClient();
        var opened = await direct.GetAsync(DigiDSetup.FinishPath);
        Assert.Equal(DigiDSetup.FailedPath, opened.Location);
        Assert.DoesNotContain("thuis.sessie", direct.CookieHeader, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_DigiD_button_posts_a_form_with_a_token_and_a_post_without_one_is_refused()
    {
        using var client = fixture.NewClient();
        var page = await client.GetAsync(AccountsSetup.SignInPath);
        var form = page.Document.QuerySelector($"form[method=post][action='{DigiDSetup.StartPath}']");
        Assert.NotNull(form);
        Assert.NotNull(form.QuerySelector("input[name=__RequestVerificationToken]"));
        Assert.Equal("Inloggen met DigiD", form.QuerySelector("button[type=submit]")?.TextContent.Trim());
        var csp = page.Response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains($"form-action 'self' {fixture.Broker.Authority};", csp, StringComparison.Ordinal);

        using var without = new FormUrlEncodedContent(new Dictionary<string, string>());
        using var response = await client.Http.PostAsync(DigiDSetup.StartPath, without);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    // --- helpers ---

    /// <summary>Where Thuis sent the person after the broker, the page there, and every address Thuis sent them to on the way.</summary>
    private sealed record DigiDSignIn(string? Landing, ThuisClient.Page Page, IReadOnlyList<string> Addresses);

    /// <summary>Presses "Inloggen met DigiD", logs in at the broker as the person with this BSN, and follows Thuis back.</summary>
    private async Task<DigiDSignIn> SignInWithDigiDAsync(ThuisClient phone, string bsn, string acr = FakeDigiDBroker.Substantial, bool signedByAStranger = false)
    {
        var addresses = new List<string>();
        var signInPage = await phone.GetAsync(AccountsSetup.SignInPath);
        var token = signInPage.Document.QuerySelector($"form[action='{DigiDSetup.StartPath}'] input[name=__RequestVerificationToken]")?.GetAttribute("value");
        Assert.NotNull(token);
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
        using var start = await phone.Http.PostAsync(DigiDSetup.StartPath, content);
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        var toBroker = start.Headers.Location!.ToString();
        addresses.Add(toBroker);
        Assert.StartsWith($"{fixture.Broker.Authority}/authorize?", toBroker, StringComparison.Ordinal);

        using var atBroker = await phone.Http.GetAsync(FakeDigiDBroker.LogIn(toBroker, bsn, acr, signedByAStranger));
        Assert.Equal(HttpStatusCode.Redirect, atBroker.StatusCode);
        var back = atBroker.Headers.Location!;
        Assert.Equal(DigiDSetup.CallbackPath, back.AbsolutePath);

        using var callback = await phone.Http.GetAsync(back);
        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        var landing = callback.Headers.Location!.OriginalString;
        addresses.Add(landing);
        var page = await phone.GetAsync(landing);
        while (page.Status == HttpStatusCode.Redirect && page.Location is { } next)
        {
            addresses.Add(next);
            page = await phone.GetAsync(next);
        }
        return new DigiDSignIn(landing, page, addresses);
    }

    private static async Task AssertRefusedAsync(ThuisClient phone, DigiDSignIn signIn, string refusal)
    {
        Assert.Contains(refusal, signIn.Addresses);
        Assert.Equal(HttpStatusCode.OK, signIn.Page.Status);
        Assert.NotNull(signIn.Page.Document.QuerySelector("[data-testid=digid-refused]"));
        Assert.DoesNotContain("thuis.sessie", phone.CookieHeader, StringComparison.Ordinal);
        Assert.DoesNotContain("thuis.extern", phone.CookieHeader, StringComparison.Ordinal);
        var mine = await phone.GetAsync(OwnSetup.StartPath);
        Assert.Equal(HttpStatusCode.Redirect, mine.Status);
        Assert.StartsWith(OwnSetup.SignInPath, mine.Location, StringComparison.Ordinal);
    }

    /// <summary>Invited by a case manager of their municipality and activated with the letter's code and a password.</summary>
    private async Task ActivatedWithLetterAsync(OwnAccessTests.Person person)
    {
        using var caseManager = await CaseManagerAsync(person.Municipality);
        var letter = await OwnAccessTests.InviteAsync(caseManager, person.Id);
        using var newcomer = fixture.NewClient();
        Assert.Equal($"{OwnSetup.SignInSetupPath}?nieuw=1", (await OwnAccessTests.ActivateAsync(newcomer, letter.SignInName, letter.Code)).Location);
    }

    private async Task<ThuisClient> CaseManagerAsync(TestMunicipality municipality)
    {
        var client = fixture.NewClient();
        await client.SignInOrFailAsync(await World.CreateUserAsync(municipality, Roles.CaseManager));
        return client;
    }

    private async Task RequireTwoFactorAsync(TestMunicipality municipality)
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var found = await db.Municipalities.SingleAsync(m => m.Id == municipality.Id);
        found.SetTwoFactorRequirement(true);
        await db.SaveChangesAsync();
    }

    private async Task MovedAwayAsync(OwnAccessTests.Person person)
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystemFor(person.Municipality.Id);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var newcomer = await db.Newcomers.SingleAsync(n => n.Id == person.Id);
        newcomer.MarkMovedAway("Verhuisd naar Zoetermeer", new DateOnly(2026, 11, 1));
        await db.SaveChangesAsync();
    }

    private static string Squeeze(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
}

/// <summary>Without a broker configured, as in every other test and in Development, DigiD does not exist in Thuis.</summary>
[Collection(AppCollection.Name)]
public sealed class DigiDNotConfiguredTests(AppFixture fixture)
{
    [Fact]
    public async Task The_sign_in_page_has_no_DigiD_button_and_every_DigiD_address_answers_404()
    {
        using var client = fixture.NewClient();
        var page = await client.GetAsync(AccountsSetup.SignInPath);
        Assert.Null(page.Document.QuerySelector("[data-testid=digid]"));
        Assert.DoesNotContain("DigiD", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("form-action 'self' ", page.Response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);

        // A post with a valid token, so only the missing route can refuse it.
        var token = page.Document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
        using var start = await client.Http.PostAsync(DigiDSetup.StartPath, content);
        Assert.Equal(HttpStatusCode.NotFound, start.StatusCode);
        foreach (var url in new[] { DigiDSetup.CallbackPath, $"{DigiDSetup.CallbackPath}?code=x&state=y", DigiDSetup.FinishPath, DigiDSetup.NoOwnThuisPath, DigiDSetup.FailedPath })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(url)).Status);
        }
    }
}
