using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Thuis.Web.Data;
using Thuis.Web.Features.Accounts;
using Thuis.Web.Platform.Security;
using Thuis.Web.Tests.Infrastructure;

namespace Thuis.Web.Tests;

[Collection(AppCollection.Name)]
public sealed class PasswordChangeTests(AppFixture fixture)
{
    private const string Page = "/account/wachtwoord";
    private const string NewPassword = "vier paarse olifanten dansen";

    public static TheoryData<string> EveryStaffRole => [.. Roles.All];

    [Theory]
    [MemberData(nameof(EveryStaffRole))]
    public async Task Every_staff_role_finds_the_password_page_in_the_user_menu(string role)
    {
        using var client = await SignedInAsync(role);

        var start = await client.GetAsync("/");
        var page = await client.GetAsync(Page);

        Assert.NotNull(start.Document.QuerySelector($".thuis-header a[href='{Page}']"));
        Assert.Equal(HttpStatusCode.OK, page.Status);
    }

    [Fact]
    public async Task A_password_shorter_than_twelve_characters_is_refused()
    {
        using var client = await SignedInAsync(Roles.CaseManager);

        var page = await ChangeAsync(client, TestWorld.Password, "kort genoeg");

        Assert.Contains("Een wachtwoord heeft minstens 12 tekens.", page.Text, StringComparison.Ordinal);
        Assert.NotNull(page.Document.QuerySelector(".utrecht-form-field--invalid #nieuw"));
    }

    [Theory]
    [InlineData("password1234")]
    [InlineData("Password1234")]
    [InlineData("123456789012")]
    [InlineData("welkom123456")]
    [InlineData("Wachtwoord2024!")]
    public async Task A_common_password_is_refused_in_Dutch(string common)
    {
        using var client = await SignedInAsync(Roles.Coordinator);

        var page = await ChangeAsync(client, TestWorld.Password, common);

        Assert.Contains(CommonPasswordValidator.Message, page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_list_holds_at_least_ten_thousand_common_passwords() =>
        Assert.True(CommonPasswordValidator.Count >= 10_000, $"{CommonPasswordValidator.Count} wachtwoorden");

    [Fact]
    public async Task Every_place_a_password_is_set_checks_the_list()
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ThuisUser>>();

        Assert.Contains(users.PasswordValidators, v => v is CommonPasswordValidator);
        var made = await users.CreateAsync(new ThuisUser($"lijst-{Guid.NewGuid():N}@dalfsen.test", "Lijst", fixture.World.A.Id), "password1234");
        Assert.Contains(made.Errors, e => e.Code == CommonPasswordValidator.Code);
    }

    [Fact]
    public async Task A_wrong_current_password_is_refused_and_nothing_changes()
    {
        var email = await fixture.World.CreateUserAsync(fixture.World.A, Roles.VolunteerCoordinator);
        using var client = fixture.NewClient();
        await client.SignInOrFailAsync(email);

        var page = await ChangeAsync(client, "niet mijn huidige wachtwoord", NewPassword);

        Assert.Contains("Uw huidige wachtwoord klopt niet.", page.Text, StringComparison.Ordinal);
        using var again = fixture.NewClient();
        await again.SignInOrFailAsync(email);
    }

    [Fact]
    public async Task A_changed_password_ends_the_other_sessions_keeps_this_one_and_is_audited()
    {
        var email = await fixture.World.CreateUserAsync(fixture.World.A, Roles.CaseManager);
        var userId = await fixture.World.UserIdOfAsync(email);
        using var here = fixture.NewClient();
        using var elsewhere = fixture.NewClient();
        await here.SignInOrFailAsync(email);
        await elsewhere.SignInOrFailAsync(email);

        var changed = await ChangeAsync(here, TestWorld.Password, NewPassword);

        Assert.Equal($"{Page}?gewijzigd=1", changed.Location);
        Assert.Contains("Uw wachtwoord is gewijzigd.", (await here.GetAsync(changed.Location!)).Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await here.GetAsync("/dossiers")).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await elsewhere.GetAsync("/dossiers")).Status);
        using var later = fixture.NewClient();
        Assert.Equal("/", (await later.SignInAsync(email, NewPassword)).Location);
        Assert.NotEqual("/", (await later.SignInAsync(email)).Location);

        await using var scope = fixture.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var entry = await db.AuditEntries.IgnoreQueryFilters()
            .Where(a => a.ObjectId == userId && a.Details != null && a.Details.Contains("PasswordHash")).ToListAsync();
        var audited = Assert.Single(entry);
        Assert.Equal(userId, audited.ActorId);
        Assert.Equal(fixture.World.A.Id, audited.MunicipalityId);
    }

    private async Task<ThuisClient> SignedInAsync(string role)
    {
        var email = await fixture.World.CreateUserAsync(fixture.World.A, role);
        var client = fixture.NewClient();
        await client.SignInOrFailAsync(email);
        return client;
    }

    private static Task<ThuisClient.Page> ChangeAsync(ThuisClient client, string current, string next) =>
        client.SubmitAsync(Page, "wachtwoord", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = current,
            ["Input.NewPassword"] = next,
            ["Input.RepeatPassword"] = next,
        });
}
