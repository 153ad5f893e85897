using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Thuis.Web.Data;
using Thuis.Web.Features.Accounts;
using Thuis.Web.Features.Users;
using Thuis.Web.Platform.Auditing;
using Thuis.Web.Platform.Editing;
using Thuis.Web.Platform.Security;
using Thuis.Web.Tests.Infrastructure;

namespace Thuis.Web.Tests;

[Collection(AppCollection.Name)]
public sealed class UserAdministrationTests(AppFixture fixture)
{
    private const string NewPassword = "drie groene appels op tafel";

    private TestWorld World => fixture.World;

    [Fact]
    public async Task The_administrator_sees_the_municipalitys_staff_with_role_organisation_status_and_two_step_but_no_newcomers_or_other_municipalities()
    {
        var partner = await World.CreateUserAsync(World.A, Roles.PartnerWorker);
        var ofB = await World.CreateUserAsync(World.B, Roles.CaseManager);
        var newcomer = await World.CreateNewcomerUserAsync(World.A);
        using var admin = await SignedInAsync(World.A, Roles.Administrator);

        var rows = await AllRowsAsync(admin);

        var row = Assert.Single(rows, r => r.Contains(partner, StringComparison.Ordinal));
        Assert.Contains("medewerker partnerorganisatie", row, StringComparison.Ordinal);
        Assert.Contains($"VluchtelingenWerk {World.A.Name}", row, StringComparison.Ordinal);
        Assert.Contains("actief", row, StringComparison.Ordinal);
        Assert.Contains("uit", row, StringComparison.Ordinal);
        Assert.Contains("nooit", row, StringComparison.Ordinal);
        Assert.DoesNotContain(rows, r => r.Contains(ofB, StringComparison.Ordinal));
        Assert.DoesNotContain(rows, r => r.Contains(newcomer, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_list_shows_when_a_user_last_signed_in()
    {
        var email = await World.CreateUserAsync(World.A, Roles.Coordinator);
        using (var coordinator = fixture.NewClient())
        {
            await coordinator.SignInOrFailAsync(email);
        }
        using var admin = await SignedInAsync(World.A, Roles.Administrator);

        var row = Assert.Single(await AllRowsAsync(admin), r => r.Contains(email, StringComparison.Ordinal));

        Assert.DoesNotContain("nooit", row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_long_list_is_paged()
    {
        var municipality = await World.AddMunicipalityAsync("Veeldorp");
        // With the municipality's own staff member and its administrator: two more than a page.
        for (var i = 0; i < Platform.Paging.Paging.PageSize; i++)
        {
            await World.CreateUserAsync(municipality, Roles.CaseManager);
        }
        using var admin = await SignedInAsync(municipality, Roles.Administrator);

        var first = await admin.GetAsync(UsersSetup.ListPath);
        var second = await admin.GetAsync($"{UsersSetup.ListPath}?pagina=2");

        Assert.Equal(Platform.Paging.Paging.PageSize, first.Document.QuerySelectorAll("[data-testid=gebruiker]").Length);
        Assert.Equal(2, second.Document.QuerySelectorAll("[data-testid=gebruiker]").Length);
        Assert.Contains("Pagina 2 van 2", second.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Roles.Coordinator)]
    [InlineData(Roles.CaseManager)]
    [InlineData(Roles.VolunteerCoordinator)]
    [InlineData(Roles.PartnerWorker)]
    public async Task Only_the_administrator_may_open_user_administration(string role)
    {
        var someone = await World.UserIdOfAsync(await World.CreateUserAsync(World.A, Roles.CaseManager));
        using var client = await SignedInAsync(World.A, role);

        foreach (var path in new[] { UsersSetup.ListPath, "/beheer/gebruikers/uitnodigen", $"/beheer/gebruikers/{someone}", $"/beheer/gebruikers/{someone}/rol",
            $"/beheer/gebruikers/{someone}/deactiveren", $"/beheer/gebruikers/{someone}/tweestaps-herstellen" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(path)).Status);
        }
    }

    [Fact]
    public async Task Another_municipalitys_user_and_a_newcomers_own_account_are_not_found_and_cannot_be_changed()
    {
        var ofB = await World.UserIdOfAsync(await World.CreateUserAsync(World.B, Roles.CaseManager));
        var newcomer = await World.UserIdOfAsync(await World.CreateNewcomerUserAsync(World.A));
        using var admin = await SignedInAsync(World.A, Roles.Administrator);

        foreach (var id in new[] { ofB, newcomer })
        {
            foreach (var path in new[] { $"/beheer/gebruikers/{id}", $"/beheer/gebruikers/{id}/rol", $"/beheer/gebruikers/{id}/deactiveren", $"/beheer/gebruikers/{id}/tweestaps-herstellen" })
            {
                Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(path)).Status);
            }
        }
        // Straight to the handlers, as a forged form would: nothing found, nothing changed.
        await using var scope = ScopeOf(World.A);
        var services = scope.ServiceProvider;
        Assert.True((await services.GetRequiredService<DeactivateUser>().HandleAsync(ofB, Guid.Empty, default)).IsNotFound);
        Assert.True((await services.GetRequiredService<ResetTwoFactor>().HandleAsync(ofB, Guid.Empty, default)).IsNotFound);
        Assert.True((await services.GetRequiredService<ChangeUserRole>().HandleAsync(ofB, new ChangeUserRoleForm { Role = Roles.Coordinator }, default)).IsNotFound);
        Assert.True((await services.GetRequiredService<InviteUser>().AgainAsync(ofB, "http://localhost", default)).IsNotFound);
        Assert.False((await AccountAsync(ofB)).IsDeactivated);
    }

    [Fact]
    public async Task An_invited_case_manager_opens_the_link_chooses_a_password_and_signs_in()
    {
        using var admin = await SignedInAsync(World.A, Roles.Administrator);
        var email = $"nieuw-{Guid.NewGuid():N}@dalfsen.test";

        var link = await InviteAsync(admin, email, "Nieuwe Klantregisseur", Roles.CaseManager);
        var row = Assert.Single(await AllRowsAsync(admin), r => r.Contains(email, StringComparison.Ordinal));
        Assert.Contains("uitgenodigd", row, StringComparison.Ordinal);

        using var invited = fixture.NewClient();
        var page = await invited.GetAsync(link);
        Assert.Contains("Nieuwe Klantregisseur", page.Text, StringComparison.Ordinal);
        var accepted = await invited.PostFormAsync(page, "uitnodiging", new Dictionary<string, string>
        {
            ["Input.Password"] = NewPassword,
            ["Input.RepeatPassword"] = NewPassword,
        });
        Assert.Equal("/", accepted.Location);
        Assert.Equal(HttpStatusCode.OK, (await invited.GetAsync("/dossiers")).Status);

        using var later = fixture.NewClient();
        var signedIn = await later.SignInAsync(email, NewPassword);
        Assert.Equal("/", signedIn.Location);
        Assert.Contains("actief", Assert.Single(await AllRowsAsync(admin), r => r.Contains(email, StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_the_municipality_requires_two_step_the_invited_user_sets_it_up_first()
    {
        var municipality = await World.AddMunicipalityAsync("Tweestapsdorp");
        await using (var scope = ScopeOf(municipality))
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            (await db.Municipalities.SingleAsync(m => m.Id == municipality.Id)).SetTwoFactorRequirement(true);
            await db.SaveChangesAsync();
        }
        string link;
        await using (var scope = ScopeOf(municipality))
        {
            var made = await scope.ServiceProvider.GetRequiredService<InviteUser>().HandleAsync(new InviteUserForm
            {
                Email = $"tweestaps-{Guid.NewGuid():N}@tweestapsdorp.test",
                DisplayName = "Nieuwe Coördinator",
                Role = Roles.Coordinator,
            }, "http://localhost", default);
            link = PathOf(made.Value!.Link);
        }
        using var invited = fixture.NewClient();

        await invited.SubmitAsync(link, "uitnodiging", new Dictionary<string, string> { ["Input.Password"] = NewPassword, ["Input.RepeatPassword"] = NewPassword });
        var start = await invited.GetAsync("/");

        Assert.Equal($"{AccountsSetup.TwoFactorSetupPath}?verplicht=1", start.Location);
    }

    [Fact]
    public async Task A_link_works_once_and_a_used_expired_or_replaced_link_says_so()
    {
        using var admin = await SignedInAsync(World.A, Roles.Administrator);
        var email = $"eenmalig-{Guid.NewGuid():N}@dalfsen.test";
        var first = await InviteAsync(admin, email, "Eenmalig", Roles.VolunteerCoordinator);
        var userId = await World.UserIdOfAsync(email);

        var again = await admin.SubmitAsync($"/beheer/gebruikers/{userId}", "opnieuw-uitnodigen", new Dictionary<string, string>());
        var second = again.Document.QuerySelector("[data-testid=uitnodigingslink]")!.GetAttribute("value")!;
        using var anyone = fixture.NewClient();
        Assert.Contains("vervangen door een nieuwere", (await anyone.GetAsync(PathOf(first))).Text, StringComparison.Ordinal);

        var secondPage = await anyone.GetAsync(PathOf(second));
        Assert.True(secondPage.Document.QuerySelector("#wachtwoord") is not null, secondPage.Text);
        await anyone.PostFormAsync(secondPage, "uitnodiging", new Dictionary<string, string> { ["Input.Password"] = NewPassword, ["Input.RepeatPassword"] = NewPassword });
        using var stranger = fixture.NewClient();
        Assert.Contains("al gebruikt", (await stranger.GetAsync(PathOf(second))).Text, StringComparison.Ordinal);
        Assert.Contains("niet (meer) geldig", (await stranger.GetAsync("/account/uitnodiging?token=verzonnen")).Text, StringComparison.Ordinal);

        var late = await InviteAsync(admin, $"laat-{Guid.NewGuid():N}@dalfsen.test", "Laat", Roles.Coordinator);
        await using (var scope = fixture.App.Services.CreateAsyncScope())
        {
            var hash = StaffInvitation.Hash(Uri.UnescapeDataString(late.Split("token=")[1]));
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().StaffInvitations.IgnoreQueryFilters()
                .Where(i => i.TokenHash == hash).ExecuteUpdateAsync(i => i.SetProperty(x => x.ExpiresAt, DateTimeOffset.UtcNow.AddMinutes(-1)));
        }
        var expired = await stranger.GetAsync(PathOf(late));
        Assert.Contains("Deze uitnodiging is verlopen", expired.Text, StringComparison.Ordinal);
        Assert.Null(expired.Document.QuerySelector("#wachtwoord"));

        // A form posted from the page while it was still open is refused too.
        await using (var scope = ScopeOf(World.A))
        {
            var refused = await scope.ServiceProvider.GetRequiredService<AcceptInvitation>().HandleAsync(new AcceptInvitationForm
            {
                Token = Uri.UnescapeDataString(late.Split("token=")[1]),
                Password = NewPassword,
                RepeatPassword = NewPassword,
            }, default);
            Assert.Equal(OutcomeKind.Refused, refused.Kind);
            Assert.Contains("verlopen", refused.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_link_is_kept_only_as_a_hash_and_never_in_the_audit_trail()
    {
        using var admin = await SignedInAsync(World.A, Roles.Administrator);
        var email = $"hash-{Guid.NewGuid():N}@dalfsen.test";
        var link = await InviteAsync(admin, email, "Hash", Roles.Coordinator);
        var token = link.Split("token=")[1];
        var userId = await World.UserIdOfAsync(email);

        await using var scope = fixture.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var invitation = await db.StaffInvitations.IgnoreQueryFilters().SingleAsync(i => i.UserId == userId);
        Assert.Equal(StaffInvitation.Hash(token), invitation.TokenHash);
        Assert.Equal(StaffInvitation.ValidDays, (invitation.ExpiresAt - invitation.CreatedAt).TotalDays);
        var details = await db.AuditEntries.IgnoreQueryFilters().Select(a => a.Details ?? "").ToListAsync();
        Assert.DoesNotContain(details, d => d.Contains(token, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_partner_worker_needs_one_of_the_municipalitys_partner_organisations_and_no_one_else_has_one()
    {
        using var admin = await SignedInAsync(World.A, Roles.Administrator);

        var without = await admin.SubmitAsync("/beheer/gebruikers/uitnodigen", "uitnodigen", Invitation("p1@dalfsen.test", Roles.PartnerWorker, null));
        var otherRole = await admin.SubmitAsync("/beheer/gebruikers/uitnodigen", "uitnodigen", Invitation("p2@dalfsen.test", Roles.Coordinator, World.A.PartnerOrganisationId));
        var ofB = await admin.SubmitAsync("/beheer/gebruikers/uitnodigen", "uitnodigen", Invitation("p3@dalfsen.test", Roles.PartnerWorker, World.B.PartnerOrganisationId));
        var noRole = await admin.SubmitAsync("/beheer/gebruikers/uitnodigen", "uitnodigen", Invitation("", "", null));

        Assert.Contains("Kies de partnerorganisatie waar deze medewerker werkt.", without.Text, StringComparison.Ordinal);
        Assert.Contains("Alleen een medewerker partnerorganisatie hoort bij een organisatie.", otherRole.Text, StringComparison.Ordinal);
        Assert.Contains("Kies een partnerorganisatie van uw gemeente.", ofB.Text, StringComparison.Ordinal);
        Assert.Contains("Vul het e-mailadres in.", noRole.Text, StringComparison.Ordinal);
        Assert.Contains("Kies een rol.", noRole.Text, StringComparison.Ordinal);
        Assert.Equal("Partner", noRole.ValueOf("Input.DisplayName"));
        Assert.Null(without.Document.QuerySelector("[data-testid=uitnodigingslink]"));

        var link = await InviteAsync(admin, $"partner-{Guid.NewGuid():N}@dalfsen.test", "Partner", Roles.PartnerWorker, World.A.PartnerOrganisationId);
        Assert.Contains("/account/uitnodiging?token=", link, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_role_can_be_given_and_an_address_in_use_is_refused()
    {
        using var admin = await SignedInAsync(World.A, Roles.Administrator);
        var form = await admin.GetAsync("/beheer/gebruikers/uitnodigen");
        var offered = form.Document.QuerySelectorAll("#rol option").Select(o => o.GetAttribute("value") ?? "").Where(v => v.Length > 0).ToList();
        Assert.Equal(Roles.All, offered);

        var existing = await World.CreateUserAsync(World.B, Roles.Coordinator);
        var taken = await admin.SubmitAsync("/beheer/gebruikers/uitnodigen", "uitnodigen", Invitation(existing, Roles.Coordinator, null));
        Assert.Contains("Er is al een account met dit e-mailadres.", taken.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Changing_a_role_takes_effect_in_the_users_open_session()
    {
        var email = await World.CreateUserAsync(World.A, Roles.PartnerWorker);
        var userId = await World.UserIdOfAsync(email);
        using var worker = fixture.NewClient();
        await worker.SignInOrFailAsync(email);
        Assert.Equal(HttpStatusCode.Forbidden, (await worker.GetAsync("/dossiers")).Status);
        using var admin = await SignedInAsync(World.A, Roles.Administrator);

        var changed = await admin.SubmitAsync($"/beheer/gebruikers/{userId}/rol", "rol",
            new Dictionary<string, string> { ["Input.Role"] = Roles.CaseManager, ["Input.OrganisationId"] = "" });

        Assert.Equal($"/beheer/gebruikers/{userId}?gewijzigd=rol", changed.Location);
        Assert.Equal(HttpStatusCode.OK, (await worker.GetAsync("/dossiers")).Status);
        var account = await AccountAsync(userId);
        Assert.Null(account.OrganisationId);
        Assert.Contains("klantregisseur", (await admin.GetAsync($"/beheer/gebruikers/{userId}")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_administrators_changing_the_same_user_at_once_do_not_overwrite_each_other()
    {
        var userId = await World.UserIdOfAsync(await World.CreateUserAsync(World.A, Roles.Coordinator));
        using var first = await SignedInAsync(World.A, Roles.Administrator);
        using var second = await SignedInAsync(World.A, Roles.Administrator);
        var firstForm = await first.GetAsync($"/beheer/gebruikers/{userId}/rol");
        var secondForm = await second.GetAsync($"/beheer/gebruikers/{userId}/rol");

        var saved = await first.PostFormAsync(firstForm, "rol", new Dictionary<string, string> { ["Input.Role"] = Roles.CaseManager });
        var conflict = await second.PostFormAsync(secondForm, "rol", new Dictionary<string, string> { ["Input.Role"] = Roles.VolunteerCoordinator });

        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        Assert.Contains("Iemand anders heeft deze gebruiker net gewijzigd.", conflict.Text, StringComparison.Ordinal);
        Assert.Contains("klantregisseur", (await first.GetAsync($"/beheer/gebruikers/{userId}")).Text, StringComparison.Ordinal);

        // A deactivation confirmed on a page opened before the role change is refused the same way.
        var stale = await second.GetAsync($"/beheer/gebruikers/{userId}/deactiveren");
        await first.SubmitAsync($"/beheer/gebruikers/{userId}/rol", "rol", new Dictionary<string, string> { ["Input.Role"] = Roles.Coordinator });
        var late = await second.PostFormAsync(stale, "deactiveren", new Dictionary<string, string>());
        Assert.Contains("Iemand anders heeft deze gebruiker net gewijzigd.", late.Text, StringComparison.Ordinal);
        Assert.False((await AccountAsync(userId)).IsDeactivated);
    }

    [Fact]
    public async Task Deactivating_ends_the_users_session_at_once_and_blocks_sign_in_until_reactivated()
    {
        var email = await World.CreateUserAsync(World.A, Roles.CaseManager);
        var userId = await World.UserIdOfAsync(email);
        using var user = fixture.NewClient();
        await user.SignInOrFailAsync(email);
        using var admin = await SignedInAsync(World.A, Roles.Administrator);

        var confirm = await admin.GetAsync($"/beheer/gebruikers/{userId}/deactiveren");
        Assert.Contains("Ja, deactiveren", confirm.Text, StringComparison.Ordinal);
        var done = await admin.PostFormAsync(confirm, "deactiveren", new Dictionary<string, string>());
        Assert.Equal($"/beheer/gebruikers/{userId}?gewijzigd=gedeactiveerd", done.Location);

        Assert.Equal(HttpStatusCode.Redirect, (await user.GetAsync("/dossiers")).Status);
        var refused = await user.SignInAsync(email);
        Assert.Contains("Uw account is gedeactiveerd.", refused.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await user.GetAsync("/")).Status);
        var wrongPassword = await user.SignInAsync(email, "een ander wachtwoord dan dit");
        Assert.DoesNotContain("gedeactiveerd", wrongPassword.Text, StringComparison.Ordinal);
        Assert.Contains("gedeactiveerd", Assert.Single(await AllRowsAsync(admin), r => r.Contains(email, StringComparison.Ordinal)), StringComparison.Ordinal);

        var reactivated = await admin.SubmitAsync($"/beheer/gebruikers/{userId}/deactiveren", "deactiveren", new Dictionary<string, string>());
        Assert.Equal($"/beheer/gebruikers/{userId}?gewijzigd=geactiveerd", reactivated.Location);
        await user.SignInOrFailAsync(email);
    }

    [Fact]
    public async Task An_administrator_cannot_deactivate_or_demote_themselves()
    {
        var email = await World.CreateUserAsync(World.A, Roles.Administrator);
        var me = await World.UserIdOfAsync(email);
        using var admin = fixture.NewClient();
        await admin.SignInOrFailAsync(email);

        var page = await admin.GetAsync($"/beheer/gebruikers/{me}");
        Assert.DoesNotContain("Deactiveren", page.Text, StringComparison.Ordinal);
        var deactivated = await admin.SubmitAsync($"/beheer/gebruikers/{me}/deactiveren", "deactiveren", new Dictionary<string, string>());
        var demoted = await admin.SubmitAsync($"/beheer/gebruikers/{me}/rol", "rol", new Dictionary<string, string> { ["Input.Role"] = Roles.Coordinator });

        Assert.Contains("U kunt uw eigen account niet deactiveren.", deactivated.Text, StringComparison.Ordinal);
        Assert.Contains("U kunt uzelf de rol van functioneel beheerder niet afnemen.", demoted.Text, StringComparison.Ordinal);
        Assert.False((await AccountAsync(me)).IsDeactivated);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(UsersSetup.ListPath)).Status);
    }

    [Fact]
    public async Task The_municipality_always_keeps_an_active_administrator()
    {
        var municipality = await World.AddMunicipalityAsync("Eenbeheerderdorp");
        var only = await World.UserIdOfAsync(await World.CreateUserAsync(municipality, Roles.Administrator));
        var version = (await AccountAsync(only)).Version;

        // Acting for the municipality without being that administrator, so only this rule can refuse.
        await using var scope = ScopeOf(municipality);
        var deactivate = await scope.ServiceProvider.GetRequiredService<DeactivateUser>().HandleAsync(only, version, default);
        var demote = await scope.ServiceProvider.GetRequiredService<ChangeUserRole>().HandleAsync(only,
            new ChangeUserRoleForm { Role = Roles.Coordinator, Version = version }, default);

        Assert.Equal(OutcomeKind.Refused, deactivate.Kind);
        Assert.Contains("laatste actieve functioneel beheerder", deactivate.Message, StringComparison.Ordinal);
        Assert.Equal(OutcomeKind.Refused, demote.Kind);
        Assert.False((await AccountAsync(only)).IsDeactivated);
    }

    [Fact]
    public async Task Resetting_two_step_removes_the_app_recovery_codes_and_passkeys_and_ends_the_session()
    {
        var email = await World.CreateUserAsync(World.A, Roles.Coordinator);
        var userId = await World.UserIdOfAsync(email);
        using var user = fixture.NewClient();
        await user.SignInOrFailAsync(email);
        await using (var scope = fixture.App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ThuisUser>>();
            var account = (await users.FindByIdAsync(userId))!;
            await users.ResetAuthenticatorKeyAsync(account);
            await users.GenerateNewTwoFactorRecoveryCodesAsync(account, 10);
            await users.SetTwoFactorEnabledAsync(account, true);
        }
        using var admin = await SignedInAsync(World.A, Roles.Administrator);
        Assert.Contains("aan", Assert.Single(await AllRowsAsync(admin), r => r.Contains(email, StringComparison.Ordinal)), StringComparison.Ordinal);

        var done = await admin.SubmitAsync($"/beheer/gebruikers/{userId}/tweestaps-herstellen", "tweestaps-herstellen", new Dictionary<string, string>());

        Assert.Equal($"/beheer/gebruikers/{userId}?gewijzigd=tweestaps", done.Location);
        await using (var scope = fixture.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            Assert.False((await db.Users.SingleAsync(u => u.Id == userId)).TwoFactorEnabled);
            Assert.False(await db.UserTokens.AnyAsync(t => t.UserId == userId && t.LoginProvider == "[AspNetUserStore]"));
            Assert.False(await db.UserPasskeys.AnyAsync(p => p.UserId == userId));
        }
        Assert.Equal(HttpStatusCode.Redirect, (await user.GetAsync("/dossiers")).Status);
        var again = await user.SignInAsync(email);
        Assert.Equal("/", again.Location);
    }

    [Fact]
    public async Task Every_change_to_a_user_is_in_the_audit_trail_without_passwords_or_tokens()
    {
        using var admin = await SignedInAsync(World.A, Roles.Administrator);
        var email = $"audit-{Guid.NewGuid():N}@dalfsen.test";
        var link = await InviteAsync(admin, email, "Audit", Roles.CaseManager);
        var userId = await World.UserIdOfAsync(email);
        using (var invited = fixture.NewClient())
        {
            await invited.SubmitAsync(PathOf(link), "uitnodiging", new Dictionary<string, string> { ["Input.Password"] = NewPassword, ["Input.RepeatPassword"] = NewPassword });
        }
        await admin.SubmitAsync($"/beheer/gebruikers/{userId}/rol", "rol", new Dictionary<string, string> { ["Input.Role"] = Roles.Coordinator });
        await admin.SubmitAsync($"/beheer/gebruikers/{userId}/deactiveren", "deactiveren", new Dictionary<string, string>());
        await admin.SubmitAsync($"/beheer/gebruikers/{userId}/deactiveren", "deactiveren", new Dictionary<string, string>());
        await admin.SubmitAsync($"/beheer/gebruikers/{userId}/tweestaps-herstellen", "tweestaps-herstellen", new Dictionary<string, string>());

        await using var scope = fixture.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var trail = await db.AuditEntries.IgnoreQueryFilters().Where(a => a.ObjectType == nameof(ThuisUser) && a.ObjectId == userId)
            .OrderBy(a => a.Sequence).ToListAsync();
        var details = trail.Select(a => a.Details ?? "").ToList();
        Assert.All(trail, a => Assert.Equal(World.A.Id, a.MunicipalityId));
        Assert.Contains(trail, a => a.Action == AuditAction.Create);
        Assert.Contains("Rol gegeven: klantregisseur", details);
        Assert.Contains(details, d => d.Contains("PasswordHash", StringComparison.Ordinal));
        Assert.Contains("Rol ontnomen: klantregisseur", details);
        Assert.Contains("Rol gegeven: coördinator integratie", details);
        Assert.Equal(2, details.Count(d => d.Contains("DeactivatedAt", StringComparison.Ordinal)));
        Assert.Contains(details, d => d.Contains("TwoFactorResetAt", StringComparison.Ordinal));
        var hash = (await db.Users.SingleAsync(u => u.Id == userId)).PasswordHash!;
        Assert.DoesNotContain(details, d => d.Contains(hash, StringComparison.Ordinal) || d.Contains(NewPassword, StringComparison.Ordinal));
        Assert.Contains(trail, a => a.ActorRoles.Contains(Roles.Administrator, StringComparison.Ordinal));
        Assert.True((await AuditTampering.VerifyAsync(fixture.App, World.A.Id)).IsIntact);
    }

    [Fact]
    public async Task The_administration_page_and_the_administrators_menu_lead_to_the_users()
    {
        using var admin = await SignedInAsync(World.A, Roles.Administrator);

        var administration = await admin.GetAsync("/beheer");
        var start = await admin.GetAsync("/");

        Assert.NotNull(administration.Document.QuerySelector("main a[href='/beheer/gebruikers']"));
        Assert.NotNull(start.Document.QuerySelector("nav.thuis-nav a[href='/beheer/gebruikers']"));
    }

    private async Task<ThuisClient> SignedInAsync(TestMunicipality municipality, string role)
    {
        var email = await World.CreateUserAsync(municipality, role);
        var client = fixture.NewClient();
        await client.SignInOrFailAsync(email);
        return client;
    }

    private AsyncServiceScope ScopeOf(TestMunicipality municipality)
    {
        var scope = fixture.App.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystemFor(municipality.Id);
        return scope;
    }

    private async Task<ThuisUser> AccountAsync(string userId)
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Users.AsNoTracking().SingleAsync(u => u.Id == userId);
    }

    private static Dictionary<string, string> Invitation(string email, string role, Guid? organisationId) => new()
    {
        ["Input.Email"] = email,
        ["Input.DisplayName"] = "Partner",
        ["Input.Role"] = role,
        ["Input.OrganisationId"] = organisationId?.ToString() ?? "",
    };

    private static async Task<string> InviteAsync(ThuisClient admin, string email, string name, string role, Guid? organisationId = null)
    {
        var invited = await admin.SubmitAsync("/beheer/gebruikers/uitnodigen", "uitnodigen", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.DisplayName"] = name,
            ["Input.Role"] = role,
            ["Input.OrganisationId"] = organisationId?.ToString() ?? "",
        });
        var link = invited.Document.QuerySelector("[data-testid=uitnodigingslink]")?.GetAttribute("value");
        Assert.True(link is not null, $"Geen uitnodigingslink: {invited.Status} {invited.Text}");
        return PathOf(link);
    }

    private static string PathOf(string link) => link.StartsWith('/') ? link : new Uri(link).PathAndQuery;

    private static async Task<List<string>> AllRowsAsync(ThuisClient admin)
    {
        var rows = new List<string>();
        for (var page = 1; ; page++)
        {
            var list = await admin.GetAsync($"{UsersSetup.ListPath}?pagina={page}");
            rows.AddRange(list.Document.QuerySelectorAll("[data-testid=gebruiker]").Select(r => r.TextContent));
            if (list.Document.QuerySelector("a[rel=next]") is null)
            {
                return rows;
            }
        }
    }
}
