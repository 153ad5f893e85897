using System.Buffers.Binary;
using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Thuis.Web.Features.Accounts;
using Thuis.Web.Platform.Security;
using Thuis.Web.Tests.Infrastructure;

namespace Thuis.Web.Tests;

[Collection(AppCollection.Name)]
public sealed class SignInTests(AppFixture fixture)
{
    [Fact]
    public async Task Signing_in_with_the_right_password_opens_the_start_page_of_the_users_municipality()
    {
        var email = await fixture.World.CreateUserAsync(fixture.World.A, Roles.CaseManager);
        using var client = fixture.NewClient();

        var signIn = await client.SignInAsync(email);
        Assert.Equal(HttpStatusCode.Redirect, signIn.Status);
        Assert.Equal("/", signIn.Location);

        var start = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, start.Status);
        Assert.Equal("Dalfsen", start.Document.QuerySelector("[data-testid=municipality]")?.TextContent);
        Assert.Contains("klantregisseur", start.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_address_costs_one_password_check_like_a_known_one_so_time_does_not_tell_which_exist()
    {
        var hasher = new CountingHasher();
        await using var app = new ThuisAppFactory { ConfigureTestServices = s => s.AddSingleton<IPasswordHasher<ThuisUser>>(hasher) };
        var world = await TestWorld.SeedAsync(app);
        var email = await world.CreateUserAsync(world.A, Roles.CaseManager);
        using var client = new ThuisClient(app);

        hasher.Checks = 0;
        var known = await client.SignInAsync(email, "niet het goede wachtwoord");
        var checksForKnown = hasher.Checks;
        hasher.Checks = 0;
        var unknown = await client.SignInAsync("niemand-" + email, "niet het goede wachtwoord");

        Assert.Contains("Het e-mailadres of het wachtwoord klopt niet.", known.Text, StringComparison.Ordinal);
        Assert.Equal(1, checksForKnown);
        Assert.Equal(1, hasher.Checks);
        Assert.Equal(known.Document.QuerySelector("[role=alert]")?.TextContent, unknown.Document.QuerySelector("[role=alert]")?.TextContent);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_a_name_from_every_address_and_an_unknown_name_answers_the_same()
    {
        var email = await fixture.World.CreateUserAsync(fixture.World.A, Roles.CaseManager);
        var answers = new Dictionary<string, List<string>>();
        foreach (var name in new[] { email, "niemand-" + email })
        {
            answers[name] = [];
            for (var attempt = 1; attempt <= 6; attempt++)
            {
                // A new browser each time, as someone trying from many places.
                using var client = fixture.NewClient();
                var page = await client.SignInAsync(name, "niet het goede wachtwoord " + attempt);
                answers[name].Add(page.Location ?? page.Document.QuerySelector("[role=alert]")?.TextContent?.Trim() ?? page.Status.ToString());
            }
        }

        Assert.Equal(answers[email], answers["niemand-" + email]);
        Assert.All(answers[email].Take(4), a => Assert.Contains("Het e-mailadres of het wachtwoord klopt niet.", a, StringComparison.Ordinal));
        Assert.All(answers[email].Skip(4), a => Assert.Equal(AccountsSetup.LockoutPath, a));
    }

    private sealed class CountingHasher : IPasswordHasher<ThuisUser>
    {
        private readonly PasswordHasher<ThuisUser> _inner = new(Microsoft.Extensions.Options.Options.Create(new PasswordHasherOptions { IterationCount = 210_000 }));

        public int Checks { get; set; }

        public string HashPassword(ThuisUser user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(ThuisUser user, string hashedPassword, string providedPassword)
        {
            Checks++;
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }

    [Fact]
    public async Task A_wrong_password_shows_a_Dutch_message_and_keeps_the_email_address()
    {
        var email = await fixture.World.CreateUserAsync(fixture.World.A, Roles.CaseManager);
        using var client = fixture.NewClient();

        var page = await client.SignInAsync(email, "niet het goede wachtwoord");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Het e-mailadres of het wachtwoord klopt niet.", page.Text, StringComparison.Ordinal);
        Assert.Equal(email, page.ValueOf("Input.Email"));
        Assert.Equal("", page.ValueOf("Input.Password"));
    }

    [Fact]
    public async Task An_empty_sign_in_form_shows_messages_beside_the_fields()
    {
        using var client = fixture.NewClient();

        var page = await client.SignInAsync("", "");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var messages = page.Document.QuerySelectorAll(".validation-message").Select(m => m.TextContent).ToList();
        Assert.Contains("Vul uw e-mailadres in.", messages);
        Assert.Contains("Vul uw wachtwoord in.", messages);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_and_then_the_right_one_is_refused()
    {
        var email = await fixture.World.CreateUserAsync(fixture.World.A, Roles.CaseManager);
        using var client = fixture.NewClient();

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            var wrong = await client.SignInAsync(email, $"verkeerd wachtwoord {attempt}");
            Assert.Equal(HttpStatusCode.OK, wrong.Status);
        }
        var fifth = await client.SignInAsync(email, "verkeerd wachtwoord 5");
        Assert.Equal(AccountsSetup.LockoutPath, fifth.Location);

        var right = await client.SignInAsync(email);
        Assert.Equal(AccountsSetup.LockoutPath, right.Location);
        var start = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, start.Status);
        Assert.StartsWith(AccountsSetup.SignInPath, start.Location, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signing_out_ends_the_session_everywhere_including_copies_of_the_cookie()
    {
        var email = await fixture.World.CreateUserAsync(fixture.World.A, Roles.CaseManager);
        using var client = fixture.NewClient();
        await client.SignInOrFailAsync(email);
        var sessionCookie = client.CookieHeader;
        Assert.Contains("thuis.sessie=", sessionCookie, StringComparison.Ordinal);
        using (var copy = fixture.NewClient())
        {
            copy.UseCopiedCookies(sessionCookie);
            Assert.Equal(HttpStatusCode.OK, (await copy.GetAsync("/")).Status);
        }

        var signOut = await client.SubmitSignOutAsync();
        Assert.Equal($"{AccountsSetup.SignInPath}?uitgelogd=1", signOut.Location);

        using var stolen = fixture.NewClient();
        stolen.UseCopiedCookies(sessionCookie);
        var reused = await stolen.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, reused.Status);
        Assert.StartsWith(AccountsSetup.SignInPath, reused.Location, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Passwords_need_twelve_characters_and_nothing_else_and_are_hashed_with_at_least_210000_rounds()
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ThuisUser>>();

        var tooShort = await users.CreateAsync(new ThuisUser($"kort-{Guid.NewGuid():N}@dalfsen.test", "Kort", fixture.World.A.Id), "elf tekens!");
        Assert.False(tooShort.Succeeded);
        Assert.Contains(tooShort.Errors, e => e.Description == "Een wachtwoord heeft minstens 12 tekens.");

        var user = new ThuisUser($"lang-{Guid.NewGuid():N}@dalfsen.test", "Lang", fixture.World.A.Id);
        var plainButLong = await users.CreateAsync(user, "alleenkleineletters");
        Assert.True(plainButLong.Succeeded, string.Join(' ', plainButLong.Errors.Select(e => e.Description)));

        // Identity v3 hash layout: format marker, PRF, iteration count (big-endian), salt length, salt, subkey.
        var hash = Convert.FromBase64String(user.PasswordHash!);
        Assert.Equal(0x01, hash[0]);
        Assert.True(BinaryPrimitives.ReadUInt32BigEndian(hash.AsSpan(5, 4)) >= 210_000);
    }
}
