using System.Net;
using Thuis.Web.Features.Own;
using Thuis.Web.Platform.Localization;
using Thuis.Web.Platform.Security;
using Thuis.Web.Tests.Infrastructure;
using static Thuis.Web.Tests.OwnAccessTests;

namespace Thuis.Web.Tests;

/// <summary>
/// The newcomer signs in on a page of their own, in their language: their own pages send them there, a password with
/// the code app takes one code field (the app's six digits or a recovery code), and signing out brings them back.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class OwnSignInTests(AppFixture fixture)
{
    [Fact]
    public async Task The_person_sets_up_the_code_app_signs_out_and_signs_in_again_on_their_own_page_back_where_they_were_going()
    {
        var person = await PersonWithPlanAsync(fixture.App, fixture.World.A);
        using var caseManager = fixture.NewClient();
        await caseManager.SignInOrFailAsync(await fixture.World.CreateUserAsync(fixture.World.A, Roles.CaseManager));
        var name = (await InviteAsync(caseManager, person.Id)) is var letter ? letter.SignInName : "";
        using var newcomer = fixture.NewClient();
        Assert.Equal($"{OwnSetup.SignInSetupPath}?nieuw=1", (await ActivateAsync(newcomer, name, letter.Code)).Location);
        var setup = await newcomer.GetAsync(OwnSetup.CodeAppPath);
        Assert.Equal("Code-app instellen", setup.Document.QuerySelector("h1")!.TextContent);
        var key = setup.Document.QuerySelector("[data-testid=shared-key]")!.TextContent;
        var wrong = await newcomer.PostFormAsync(setup, "aanzetten", new Dictionary<string, string> { ["EnableInput.Code"] = "12345" });
        Assert.Contains("De code heeft zes cijfers.", wrong.Text, StringComparison.Ordinal);
        var switchedOn = Totp.Code(key, DateTimeOffset.UtcNow);
        var enabled = await newcomer.PostFormAsync(wrong, "aanzetten", new Dictionary<string, string> { ["EnableInput.Code"] = switchedOn });
        var recoveryCodes = enabled.Document.QuerySelectorAll("[data-testid=recovery-codes] li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal(10, recoveryCodes.Count);
        Assert.Contains("De code-app staat aan.", enabled.Text, StringComparison.Ordinal);

        var signedOut = await newcomer.SubmitSignOutAsync(OwnSetup.StartPath);
        Assert.Equal($"{OwnSetup.SignInPath}?uitgelogd=1", signedOut.Location);
        Assert.Contains("U bent uitgelogd.", (await newcomer.GetAsync(signedOut.Location!)).Text, StringComparison.Ordinal);

        using var later = fixture.NewClient();
        var sent = await later.GetAsync("/mijn/plan");
        Assert.Equal(HttpStatusCode.Redirect, sent.Status);
        Assert.Equal($"{OwnSetup.SignInPath}?ReturnUrl=%2Fmijn%2Fplan", sent.Location);
        var signInPage = await later.GetAsync(sent.Location!);
        Assert.NotNull(signInPage.Document.QuerySelector("thuis-passkey[operation=request]"));

        var refused = await later.SubmitAsync(sent.Location!, "aanmelden",
            new Dictionary<string, string> { ["Input.SignInName"] = name, ["Input.Password"] = "niet mijn wachtwoord" });
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("De gebruikersnaam of het wachtwoord klopt niet.", refused.Text, StringComparison.Ordinal);
        Assert.True(string.IsNullOrEmpty(refused.Document.QuerySelector("#wachtwoord")!.GetAttribute("value")), "Het getypte wachtwoord komt terug in de pagina.");

        var password = await later.SubmitAsync(sent.Location!, "aanmelden",
            new Dictionary<string, string> { ["Input.SignInName"] = name, ["Input.Password"] = NewPassword });
        Assert.Equal($"{OwnSetup.SignInCodePath}?ReturnUrl=%2Fmijn%2Fplan", password.Location);
        var wrongCode = await later.SubmitAsync(password.Location!, "aanmelden-code", new Dictionary<string, string> { ["Input.Code"] = "000000" });
        Assert.Contains("Deze code klopt niet.", wrongCode.Text, StringComparison.Ordinal);
        var usedUp = await later.SubmitAsync(password.Location!, "aanmelden-code", new Dictionary<string, string> { ["Input.Code"] = switchedOn });
        Assert.Contains("Deze code klopt niet.", usedUp.Text, StringComparison.Ordinal);
        var code = await later.SubmitAsync(password.Location!, "aanmelden-code",
            new Dictionary<string, string> { ["Input.Code"] = Totp.Code(key, DateTimeOffset.UtcNow.AddSeconds(30)) });
        Assert.Equal("/mijn/plan", code.Location);
        Assert.Equal(HttpStatusCode.OK, (await later.GetAsync("/mijn/plan")).Status);

        // Without the phone: a recovery code in the same field, once.
        using var withoutPhone = fixture.NewClient();
        await SignInWithPasswordAsync(withoutPhone, name);
        var recovered = await withoutPhone.SubmitAsync(OwnSetup.SignInCodePath, "aanmelden-code", new Dictionary<string, string> { ["Input.Code"] = recoveryCodes[0] });
        Assert.Equal(OwnSetup.StartPath, recovered.Location);
        using var again = fixture.NewClient();
        await SignInWithPasswordAsync(again, name);
        var used = await again.SubmitAsync(OwnSetup.SignInCodePath, "aanmelden-code", new Dictionary<string, string> { ["Input.Code"] = recoveryCodes[0] });
        Assert.Equal(HttpStatusCode.OK, used.Status);
        Assert.Contains("Een herstelcode werkt maar één keer.", used.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_code_step_without_a_password_first_asks_to_sign_in_again()
    {
        using var stranger = fixture.NewClient();

        var page = await stranger.GetAsync(OwnSetup.SignInCodePath);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Het inloggen duurde te lang. Log opnieuw in.", page.Text, StringComparison.Ordinal);
        Assert.Null(page.Document.QuerySelector("input[name='Input.Code']"));
    }

    [Fact]
    public async Task The_sign_in_page_speaks_the_persons_language_right_to_left_with_every_error_at_once()
    {
        using var visitor = fixture.NewClient();

        var arabic = await visitor.GetAsync($"{OwnSetup.SignInPath}?{LocalizationSetup.LanguageParameter}=ar");
        Assert.Equal("rtl", arabic.Document.DocumentElement.GetAttribute("dir"));
        Assert.Equal(OwnTexts.In(Languages.Find("ar")!, "LogInTitle"), arabic.Document.QuerySelector("h1")!.TextContent);

        var empty = await visitor.SubmitAsync($"{OwnSetup.SignInPath}?{LocalizationSetup.LanguageParameter}=ti", "aanmelden", new Dictionary<string, string>());

        var tigrinya = Languages.Find("ti")!;
        var summary = empty.Document.QuerySelector(".thuis-error-summary")!.TextContent;
        Assert.Contains(OwnTexts.In(tigrinya, "SignInNameMissing"), summary, StringComparison.Ordinal);
        Assert.Contains(OwnTexts.In(tigrinya, "LogInPasswordMissing"), summary, StringComparison.Ordinal);
    }

    private static async Task SignInWithPasswordAsync(ThuisClient client, string signInName)
    {
        var password = await client.SubmitAsync(OwnSetup.SignInPath, "aanmelden",
            new Dictionary<string, string> { ["Input.SignInName"] = signInName, ["Input.Password"] = NewPassword });
        Assert.Equal(OwnSetup.SignInCodePath, password.Location);
    }
}
