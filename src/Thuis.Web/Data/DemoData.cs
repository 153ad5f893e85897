using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Thuis.Web.Features.Accounts;
using Thuis.Web.Features.Dossiers;
using Thuis.Web.Features.Municipalities;
using Thuis.Web.Features.Organisations;
using Thuis.Web.Platform.Security;

namespace Thuis.Web.Data;

/// <summary>
/// Two fictional municipalities with one user per role and a few fictional newcomers, so a fresh
/// clone can be tried at once. Only for the embedded database in Development; never in production.
/// </summary>
public static class DemoData
{
    /// <summary>The one password of every demo account; listed in the README.</summary>
    public const string Password = "welkom-bij-thuis";

    private static readonly (string CbsCode, string Name, string Region, string Domain, string Partner, (string Given, string Family, DateOnly Born, string Bsn)[] People)[] Municipalities =
    [
        ("0148", "Dalfsen", "IJsselland", "dalfsen.example", "VluchtelingenWerk Dalfsen (demo)",
        [
            ("Samira", "Haddad", new DateOnly(1991, 4, 12), "999990019"),
            ("Yonas", "Tesfay", new DateOnly(1998, 9, 3), "999990032"),
            ("Rami", "Al-Khatib", new DateOnly(1979, 1, 27), "999990044"),
        ]),
        ("0637", "Zoetermeer", "Haaglanden", "zoetermeer.example", "Taalhuis Zoetermeer (demo)",
        [
            ("Amal", "Yousef", new DateOnly(1986, 6, 30), "999990056"),
            ("Dawit", "Gebremedhin", new DateOnly(2001, 11, 15), "999990068"),
        ]),
    ];

    private static readonly (string Role, string Mailbox, string Name)[] Staff =
    [
        (Roles.Administrator, "beheerder", "Bea Beheer"),
        (Roles.Coordinator, "coordinator", "Cor Coördinator"),
        (Roles.CaseManager, "klantregisseur", "Karin Klantregisseur"),
        (Roles.VolunteerCoordinator, "vrijwilligers", "Vera Vrijwilligers"),
        (Roles.PartnerWorker, "partner", "Pieter Partner"),
    ];

    public static bool IsEnabled(WebApplication app) =>
        app.Environment.IsDevelopment()
        && app.Configuration.GetValue<bool>("Demo:SeedOnFirstStart")
        && app.Services.GetRequiredService<DatabaseOptions>().Provider == DatabaseProvider.Sqlite;

    public static async Task SeedDemoDataAsync(this WebApplication app)
    {
        if (!IsEnabled(app))
        {
            return;
        }
        await using (var scope = app.Services.CreateAsyncScope())
        {
            if (await scope.ServiceProvider.GetRequiredService<AppDbContext>().Municipalities.AnyAsync())
            {
                return;
            }
            await EnsureRolesAsync(scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>());
        }

        foreach (var m in Municipalities)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var services = scope.ServiceProvider;
            var db = services.GetRequiredService<AppDbContext>();
            var region = new Region(m.Region);
            var municipality = new Municipality(m.CbsCode, m.Name, region.Id);
            db.Regions.Add(region);
            db.Municipalities.Add(municipality);
            services.GetRequiredService<CurrentUser>().ActAsSystemFor(municipality.Id);

            var partner = new Organisation(municipality.Id, m.Partner, isPartner: true);
            db.Organisations.Add(partner);
            var clock = services.GetRequiredService<TimeProvider>();
            foreach (var p in m.People)
            {
                db.Newcomers.Add(new Newcomer(municipality.Id,
                    new PersonDetails(p.Given, p.Family, p.Born, Gender.Unknown, "Syrië", null, null, null, null, false, p.Bsn, null),
                    new LegalFrame(TargetGroup.AsylumPermitHolder, null, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), null, null, null, null, null),
                    clock.GetUtcNow()));
            }
            await db.SaveChangesAsync();

            var users = services.GetRequiredService<UserManager<ThuisUser>>();
            foreach (var (role, mailbox, name) in Staff)
            {
                var user = new ThuisUser($"{mailbox}@{m.Domain}", name, municipality.Id,
                    role == Roles.PartnerWorker ? partner.Id : null);
                await CreateUserAsync(users, user, Password, role);
            }
        }
    }

    public static async Task EnsureRolesAsync(RoleManager<IdentityRole> roles)
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
    }

    public static async Task CreateUserAsync(UserManager<ThuisUser> users, ThuisUser user, string password, string role)
    {
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException(string.Join(' ', created.Errors.Select(e => e.Description)));
        }
        await users.AddToRoleAsync(user, role);
    }
}
