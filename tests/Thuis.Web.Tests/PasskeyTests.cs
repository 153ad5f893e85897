using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Thuis.Web.Data;
using Thuis.Web.Features.Accounts;
using Thuis.Web.Features.Own;
using Thuis.Web.Tests.Infrastructure;

namespace Thuis.Web.Tests;

/// <summary>
/// Passkeys through the real app: the options the browser asks for, and that nothing but a passkey the phone made for
/// this person's own challenge is kept. The passkey made by a (virtual) authenticator is walked in the browser journey.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class PasskeyTests(AppFixture fixture)
{
    [Fact]
    public async Task The_sign_in_options_ask_for_a_discoverable_passkey_with_the_persons_own_verification()
    {
        using var anyone = fixture.NewClient();
        using var response = await PostWithTokenAsync(anyone, AccountsSetup.SignInPath, Passkeys.RequestOptionsPath);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var options = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.True(options.RootElement.GetProperty("challenge").GetString()!.Length >= 43);
        Assert.Equal("required", options.RootElement.GetProperty("userVerification").GetString());
        // No account is named: the passkey itself says whose it is, so the options reveal no accounts.
        Assert.True(!options.RootElement.TryGetProperty("allowCredentials", out var allowed) || allowed.GetArrayLength() == 0);
    }

    [Fact]
    public async Task Only_a_signed_in_person_gets_options_for_a_new_passkey_made_out_to_their_own_account()
    {
        using var anyone = fixture.NewClient();
        using var refused = await PostWithTokenAsync(anyone, AccountsSetup.SignInPath, Passkeys.CreationOptionsPath);
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);

        var person = await OwnAccessTests.PersonWithPlanAsync(fixture.App, fixture.World.A);
        using var newcomer = await OwnAccessTests.ActivatedAsync(fixture, person);
        using var response = await PostWithTokenAsync(newcomer, OwnSetup.SignInSetupPath, Passkeys.CreationOptionsPath);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var options = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("required", options.RootElement.GetProperty("authenticatorSelection").GetProperty("residentKey").GetString());
        var userId = await UserIdAsync(person.Id);
        Assert.Equal(Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(userId)).TrimEnd('=').Replace('+', '-').Replace('/', '_'),
            options.RootElement.GetProperty("user").GetProperty("id").GetString());
    }

    [Fact]
    public async Task A_credential_not_made_for_this_persons_challenge_is_refused_and_nothing_is_kept()
    {
        var person = await OwnAccessTests.PersonWithPlanAsync(fixture.App, fixture.World.A);
        using var newcomer = await OwnAccessTests.ActivatedAsync(fixture, person);

        var forged = await newcomer.SubmitAsync(OwnSetup.SignInSetupPath, "passkey-toevoegen", new Dictionary<string, string>
        {
            ["Input.Name"] = "Nagemaakt",
            ["Input.Passkey.CredentialJson"] = """{"id":"AAAA","rawId":"AAAA","type":"public-key","response":{"clientDataJSON":"e30","attestationObject":"oA"}}""",
        });
        Assert.Equal(HttpStatusCode.OK, forged.Status);
        Assert.Contains("Dat lukte niet. Probeer het nog een keer.", forged.Text, StringComparison.Ordinal);

        var empty = await newcomer.SubmitAsync(OwnSetup.SignInSetupPath, "passkey-toevoegen", new Dictionary<string, string>());
        Assert.Contains("Deze browser kan geen passkey maken.", empty.Text, StringComparison.Ordinal);

        var page = await newcomer.GetAsync(OwnSetup.SignInSetupPath);
        Assert.Empty(page.Document.QuerySelectorAll("[data-testid=own-passkey]"));
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ThuisUser>>();
        Assert.Empty(await users.GetPasskeysAsync((await users.FindByIdAsync(await UserIdAsync(person.Id)))!));
    }

    [Fact]
    public async Task A_passkey_sign_in_without_a_passkey_asked_for_signs_no_one_in()
    {
        using var anyone = fixture.NewClient();
        var page = await anyone.SubmitAsync(AccountsSetup.SignInPath, "inloggen-passkey", new Dictionary<string, string>
        {
            ["Passkey.CredentialJson"] = """{"id":"AAAA","rawId":"AAAA","type":"public-key","response":{"clientDataJSON":"e30","authenticatorData":"AA","signature":"AA"}}""",
        });

        Assert.Contains("Deze passkey is niet herkend.", page.Text, StringComparison.Ordinal);
        Assert.Equal(OwnSetup.SignInPath, new Uri(new Uri("http://thuis"), (await anyone.GetAsync("/mijn")).Location).AbsolutePath);
    }

    /// <summary>Asks for passkey options as the page's script does: with the antiforgery token of the page's form.</summary>
    private static async Task<HttpResponseMessage> PostWithTokenAsync(ThuisClient client, string pageUrl, string optionsPath)
    {
        var page = await client.GetAsync(pageUrl);
        var token = page.Document.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value") ?? "";
        return await client.Http.PostAsync(optionsPath, new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
    }

    private async Task<string> UserIdAsync(Guid newcomerId)
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return db.Users.Where(u => u.NewcomerId == newcomerId).Select(u => u.Id).Single();
    }
}
