using System.Net;
using Thuis.Web.Features.Accounts;
using Thuis.Web.Platform.Security;
using Thuis.Web.Tests.Infrastructure;

namespace Thuis.Web.Tests;

[Collection(AppCollection.Name)]
public sealed class TwoFactorTests(AppFixture fixture)
{
    [Fact]
    public async Task A_user_turns_on_an_authenticator_app_and_then_signs_in_with_its_code()
    {
        var email = await fixture.World.CreateUserAsync(fixture.World.A, Roles.CaseManager);
        using var client = fixture.NewClient();
        await client.SignInOrFailAsync(email);

        var (key, used) = await EnableTwoFactorAsync(client);
        await client.SubmitSignOutAsync();

        var password = await client.SignInAsync(email);
        Assert.StartsWith(AccountsSetup.TwoFactorSignInPath, password.Location, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).Status);

        var wrong = await client.SubmitAsync(password.Location!, "tweestaps", new Dictionary<string, string> { ["Input.Code"] = "000000" });
        Assert.Contains("Deze code klopt niet", wrong.Text, StringComparison.Ordinal);

        // The code that switched the app on is used up, although its window is still open.
        var again = await client.SubmitAsync(password.Location!, "tweestaps", new Dictionary<string, string> { ["Input.Code"] = used });
        Assert.Contains("Deze code klopt niet", again.Text, StringComparison.Ordinal);

        var next = Totp.Code(key, DateTimeOffset.UtcNow.AddSeconds(30));
        var right = await client.SubmitAsync(password.Location!, "tweestaps", new Dictionary<string, string> { ["Input.Code"] = next });
        Assert.Equal("/", right.Location);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).Status);

        // Someone who saw that code over the user's shoulder cannot sign in with it, even with the password.
        using var onlooker = fixture.NewClient();
        var theirs = await onlooker.SignInAsync(email);
        var replayed = await onlooker.SubmitAsync(theirs.Location!, "tweestaps", new Dictionary<string, string> { ["Input.Code"] = next });
        Assert.Contains("Deze code klopt niet", replayed.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await onlooker.GetAsync("/")).Status);
    }

    [Fact]
    public async Task Opening_the_two_step_page_leaves_the_users_other_sessions_signed_in()
    {
        var email = await fixture.World.CreateUserAsync(fixture.World.A, Roles.CaseManager);
        using var laptop = fixture.NewClient();
        using var desk = fixture.NewClient();
        await laptop.SignInOrFailAsync(email);
        await desk.SignInOrFailAsync(email);

        var setup = await laptop.GetAsync(AccountsSetup.TwoFactorSetupPath);
        Assert.NotNull(setup.Document.QuerySelector("[data-testid=shared-key]"));

        Assert.Equal(HttpStatusCode.OK, (await desk.GetAsync("/")).Status);
        Assert.Equal(HttpStatusCode.OK, (await laptop.GetAsync("/")).Status);
    }

    [Fact]
    public async Task A_recovery_code_signs_in_once_when_the_phone_is_lost()
    {
        var email = await fixture.World.CreateUserAsync(fixture.World.A, Roles.CaseManager);
        using var client = fixture.NewClient();
        await client.SignInOrFailAsync(email);
        var setupPage = await client.GetAsync(AccountsSetup.TwoFactorSetupPath);
        var key = setupPage.Document.QuerySelector("[data-testid=shared-key]")!.TextContent;
        // The code is given on the page that showed the key, as a person does.
        var enabled = await client.PostFormAsync(setupPage, "aanzetten",
            new Dictionary<string, string> { ["EnableInput.Code"] = Totp.Code(key, DateTimeOffset.UtcNow) });
        var recoveryCode = enabled.Document.QuerySelectorAll("[data-testid=recovery-codes] li")[0].TextContent;
        await client.SubmitSignOutAsync();

        var first = await client.SignInAsync(email);
        var used = await client.SubmitAsync($"{AccountsSetup.RecoveryCodeSignInPath}?ReturnUrl=%2F", "herstelcode", new Dictionary<string, string> { ["Input.Code"] = recoveryCode });
        Assert.StartsWith(AccountsSetup.TwoFactorSignInPath, first.Location, StringComparison.Ordinal);
        Assert.Equal("/", used.Location);
        await client.SubmitSignOutAsync();

        await client.SignInAsync(email);
        var again = await client.SubmitAsync($"{AccountsSetup.RecoveryCodeSignInPath}?ReturnUrl=%2F", "herstelcode", new Dictionary<string, string> { ["Input.Code"] = recoveryCode });
        Assert.Contains("Deze herstelcode klopt niet of is al gebruikt.", again.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_the_municipality_requires_it_a_user_without_two_factor_must_set_it_up_before_anything_else()
    {
        await using var app = new ThuisAppFactory();
        var world = await TestWorld.SeedAsync(app);
        var adminEmail = await world.CreateUserAsync(world.A, Roles.Administrator);
        var caseManagerEmail = await world.CreateUserAsync(world.A, Roles.CaseManager);
        var otherMunicipalityEmail = await world.CreateUserAsync(world.B, Roles.CaseManager);
        using var caseManager = new ThuisClient(app);
        await caseManager.SignInOrFailAsync(caseManagerEmail);
        Assert.Equal(HttpStatusCode.OK, (await caseManager.GetAsync("/dossiers")).Status);

        using var admin = new ThuisClient(app);
        await admin.SignInOrFailAsync(adminEmail);
        var saved = await admin.SubmitAsync("/beheer", "tweestaps-verplicht", new Dictionary<string, string> { ["TwoFactorInput.Required"] = "true" });
        Assert.Contains("Tweestapsverificatie is nu verplicht.", saved.Text, StringComparison.Ordinal);

        var blocked = await caseManager.GetAsync("/dossiers");
        Assert.Equal(HttpStatusCode.Redirect, blocked.Status);
        Assert.Equal($"{AccountsSetup.TwoFactorSetupPath}?verplicht=1", blocked.Location);
        var setup = await caseManager.GetAsync(blocked.Location!);
        Assert.Contains("Uw gemeente verplicht tweestapsverificatie.", setup.Text, StringComparison.Ordinal);

        await EnableTwoFactorAsync(caseManager);
        Assert.Equal(HttpStatusCode.OK, (await caseManager.GetAsync("/dossiers")).Status);

        using var elsewhere = new ThuisClient(app);
        await elsewhere.SignInOrFailAsync(otherMunicipalityEmail);
        Assert.Equal(HttpStatusCode.OK, (await elsewhere.GetAsync("/dossiers")).Status);
    }

    /// <summary>Switches the code app on; gives its key and the code that switched it on (used up by that).</summary>
    private static async Task<(string Key, string Used)> EnableTwoFactorAsync(ThuisClient client)
    {
        var setup = await client.GetAsync(AccountsSetup.TwoFactorSetupPath);
        var key = setup.Document.QuerySelector("[data-testid=shared-key]")?.TextContent
            ?? throw new InvalidOperationException("Geen sleutel op de pagina.");
        Assert.StartsWith("data:image/png;base64,", setup.Document.QuerySelector("img.thuis-qr")?.GetAttribute("src"), StringComparison.Ordinal);

        // Each answer is the page with the same key again, as a person keeps the key they scanned.
        var refused = await client.PostFormAsync(setup, "aanzetten", new Dictionary<string, string> { ["EnableInput.Code"] = "12345" });
        Assert.Contains("De code bestaat uit zes cijfers.", refused.Text, StringComparison.Ordinal);

        var code = Totp.Code(key, DateTimeOffset.UtcNow);
        Assert.Equal(key, refused.Document.QuerySelector("[data-testid=shared-key]")?.TextContent);
        var enabled = await client.PostFormAsync(refused, "aanzetten", new Dictionary<string, string> { ["EnableInput.Code"] = code });
        Assert.Contains("Tweestapsverificatie staat aan.", enabled.Text, StringComparison.Ordinal);
        Assert.Equal(10, enabled.Document.QuerySelectorAll("[data-testid=recovery-codes] li").Length);
        return (key, code);
    }
}
