using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Thuis.Web.Features.Accounts;
using Thuis.Web.Features.Dossiers;
using Thuis.Web.Features.Interventions;
using Thuis.Web.Features.Milestones;
using Thuis.Web.Features.Municipalities;
using Thuis.Web.Features.Organisations;
using Thuis.Web.Features.Own;
using Thuis.Web.Features.Plans;
using Thuis.Web.Features.Referrals;
using Thuis.Web.Features.Signals;
using Thuis.Web.Features.SocialMap;
using Thuis.Web.Features.Trajectories;
using Thuis.Web.Platform.Jobs;
using Thuis.Web.Platform.Localization;
using Thuis.Web.Platform.Security;

namespace Thuis.Web.Data;

/// <summary>
/// Two fictional municipalities with one user per role and about forty fictional newcomers each, so a
/// fresh clone can be tried at once. Only for the embedded database in Development; never in production.
/// </summary>
public static class DemoData
{
    /// <summary>The one password of every demo account; listed in the README.</summary>
    public const string Password = "welkom-bij-thuis";

    private static readonly (string CbsCode, string Name, string Region, string Domain, string Partner, DemoTown Town)[] Municipalities =
    [
        ("0148", "Dalfsen", "IJsselland", "dalfsen.example", "VluchtelingenWerk Dalfsen (demo)",
            new DemoTown("Dalfsen", Seed: 148, PostcodeDigits: ["7721", "7722"],
                Streets: ["Kerkstraat", "Molenweg", "Julianastraat", "Prinsenstraat", "Beatrixlaan", "Esdoornlaan", "Lindenlaan", "Schoolstraat", "Wilhelminastraat", "Vechtkade"],
                PrimarySchools: ["obs De Linde", "cbs De Wegwijzer", "Kindcentrum Het Kompas"],
                SecondarySchools: ["ISK Zwolle (internationale schakelklas)", "scholengemeenschap De Vechtstroom, klas 2"],
                DayCare: ["peuteropvang Dikkertje Dap", "kinderopvang 't Kabouterhuis", "nog geen plek"],
                NearbyCities: ["Zwolle", "Ommen", "Hardenberg", "Deventer", "Dalfsen"],
                FirstGivenName: "Samira", FirstFamilyName: "Haddad", FirstBorn: new DateOnly(1991, 4, 12), FirstBsn: "999990019")),
        ("0637", "Zoetermeer", "Haaglanden", "zoetermeer.example", "Taalhuis Zoetermeer (demo)",
            new DemoTown("Zoetermeer", Seed: 637, PostcodeDigits: ["2711", "2712", "2717", "2722", "2725", "2726"],
                Streets: ["Dorpsstraat", "Parkweg", "Stationsstraat", "Lindelaan", "Molenstraat", "Schoolstraat", "Prins Bernhardlaan", "Kastanjelaan", "Voorweg", "Rietlanden"],
                PrimarySchools: ["De Regenboog", "Het Startblok", "De Vuurvogel"],
                SecondarySchools: ["ISK Zoetermeer (internationale schakelklas)", "lyceum Het Meerpad, klas 1"],
                DayCare: ["peuterspeelzaal De Boemel", "kinderopvang Het Speelhuis", "nog geen plek"],
                NearbyCities: ["Den Haag", "Delft", "Leiden", "Rotterdam", "Zoetermeer"],
                FirstGivenName: "Amal", FirstFamilyName: "Yousef", FirstBorn: new DateOnly(1986, 6, 30), FirstBsn: "999990056")),
    ];

    private static readonly (string Role, string Mailbox, string Name)[] Staff =
    [
        (Roles.Administrator, "beheerder", "Bea Beheer"),
        (Roles.Coordinator, "coordinator", "Cor Coördinator"),
        (Roles.CaseManager, "klantregisseur", "Karin Klantregisseur"),
        (Roles.VolunteerCoordinator, "vrijwilligers", "Vera Vrijwilligers"),
        (Roles.PartnerWorker, "partner", "Pieter Partner"),
        (Roles.PrivacyOfficer, "fg", "Femke Gegevensbescherming"),
    ];

    /// <summary>Demo data on PostgreSQL too, when asked explicitly (Development only, as on SQLite), to try several nodes.</summary>
    public const string OnPostgresSetting = "Demo:SeedOnPostgres";

    private const string SeedJob = "demodata";

    public static bool IsEnabled(WebApplication app) =>
        app.Environment.IsDevelopment()
        && app.Configuration.GetValue<bool>("Demo:SeedOnFirstStart")
        && (app.Services.GetRequiredService<DatabaseOptions>().Provider == DatabaseProvider.Sqlite || app.Configuration.GetValue<bool>(OnPostgresSetting));

    /// <summary>
    /// Seeds an empty database once. Several nodes may start at once on one PostgreSQL: one seeds, under a lease, and
    /// the others wait until it is done before they serve.
    /// </summary>
    public static async Task SeedDemoDataAsync(this WebApplication app)
    {
        if (!IsEnabled(app))
        {
            return;
        }
        var leases = app.Services.GetRequiredService<JobLeases>();
        var once = TimeSpan.FromDays(36525);
        while (!await leases.RunIfDueAsync(SeedJob, once, (_, _) => SeedAsync(app), CancellationToken.None))
        {
            await using var scope = app.Services.CreateAsyncScope();
            if (await scope.ServiceProvider.GetRequiredService<AppDbContext>().JobLeases.AnyAsync(l => l.Name == SeedJob && l.Runs > 0))
            {
                return;
            }
            await Task.Delay(TimeSpan.FromSeconds(1));
        }
    }

    private static async Task SeedAsync(WebApplication app)
    {
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
            await db.SaveChangesAsync();
            await DemoInterventions.AddToAsync(db, municipality.Id, partner.Id, m.Name);

            var users = services.GetRequiredService<UserManager<ThuisUser>>();
            ThuisUser? caseManager = null;
            foreach (var (role, mailbox, name) in Staff)
            {
                var user = new ThuisUser($"{mailbox}@{m.Domain}", name, municipality.Id,
                    role == Roles.PartnerWorker ? partner.Id : null);
                await CreateUserAsync(users, user, Password, role);
                caseManager = role == Roles.CaseManager ? user : caseManager;
            }

            // All newcomers and their intake parts in one save: a first start stays quick.
            DemoNewcomers.AddTo(db, municipality.Id, m.Town, caseManager!.Id, caseManager.DisplayName, services.GetRequiredService<TimeProvider>());
            await db.SaveChangesAsync();
            await DemoPlans.AddToAsync(db, m.Town, caseManager.DisplayName, services.GetRequiredService<TimeProvider>());
            await db.SaveChangesAsync();
            await DemoReferrals.AddToAsync(db, partner, m.Town, caseManager.DisplayName, services.GetRequiredService<TimeProvider>());
            await db.SaveChangesAsync();
            await DemoMilestones.AddAsync(db, services.GetRequiredService<TimeProvider>(), caseManager.DisplayName, m.Town.FirstBsn);
            await TrajectoryDemo.AddToAsync(db, municipality.Id, m.Town.City, m.Town.Seed, "Cor Coördinator", services.GetRequiredService<TimeProvider>());
            await db.SaveChangesAsync();
            DemoSocialMap.AddTo(db, municipality.Id, m.Town, partner, services.GetRequiredService<TimeProvider>());
            await db.SaveChangesAsync();
            Features.PartnerApi.DemoPartnerApi.AddTo(db, partner, services.GetRequiredService<TimeProvider>());
            await db.SaveChangesAsync();
            await Features.Work.DemoWork.AddToAsync(db, services.GetRequiredService<Features.Matching.ReadMatchingPool>(),
                services.GetRequiredService<Features.Matching.ReadMatchingPeople>(), services.GetRequiredService<Features.Occupations.OccupationCatalogue>(),
                m.Town, caseManager.DisplayName, services.GetRequiredService<TimeProvider>());
            await db.SaveChangesAsync();
            await Features.Money.DemoMoney.AddToAsync(db, m.Town, services.GetRequiredService<TimeProvider>());
            await db.SaveChangesAsync();
            await Features.Debts.DemoDebts.AddToAsync(db, m.Town, caseManager.DisplayName, services.GetRequiredService<TimeProvider>());
            await db.SaveChangesAsync();
            await Features.Reports.DemoReports.AddToAsync(db, caseManager.DisplayName, services.GetRequiredService<TimeProvider>());
            await db.SaveChangesAsync();
            await Features.Costs.DemoCosts.AddToAsync(db, municipality.Id, services.GetRequiredService<TimeProvider>());
            await db.SaveChangesAsync();
            await Features.Community.DemoCommunity.AddToAsync(db, municipality.Id, m.Town, caseManager.DisplayName, services.GetRequiredService<TimeProvider>());
            await db.SaveChangesAsync();
            await AddOwnAccountAsync(db, users, municipality.Id, m.Domain, partner, caseManager.DisplayName, services.GetRequiredService<TimeProvider>());
            await Features.Volunteering.DemoVolunteering.AddToAsync(db, users, municipality.Id, m.Domain, Password, caseManager.DisplayName,
                services.GetRequiredService<TimeProvider>());
        }
        await DemoSignals.RaiseAsync(app.Services);
    }

    public static async Task EnsureRolesAsync(RoleManager<IdentityRole> roles)
    {
        foreach (var role in Roles.Existing)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
    }

    /// <summary>
    /// One person per municipality with their own Thuis, as if they had activated the letter: someone with a plan in
    /// force and open steps, lessons still to come in a group they are in (so Mijn afspraken has something to show), a
    /// proposal waiting for their answer, a consent that holds, and one question "Hoe gaat het?" waiting: about a course
    /// group that started a few weeks ago, or else about a taalmaatje who started sixteen days ago. Two-step verification
    /// follows the municipality, as for the staff's demo accounts.
    /// </summary>
    private static async Task AddOwnAccountAsync(AppDbContext db, UserManager<ThuisUser> users, Guid municipalityId, string domain,
        Organisation partner, string caseManagerName, TimeProvider clock)
    {
        var today = clock.InTheNetherlands();
        var candidates = await db.IntegrationPlans
            .Where(p => p.State == PlanState.Fixed && p.Steps.Any(s => s.Status == StepStatus.Planned || s.Status == StepStatus.Doing))
            .Join(db.Newcomers, p => p.NewcomerId, n => n.Id, (p, n) => new
            {
                Person = n,
                Lessons = db.Enrolments.Any(e => e.NewcomerId == n.Id && db.Sessions.Any(s => s.GroupId == e.GroupId && s.Date >= today)),
            })
            .Where(c => c.Person.Status == Features.Dossiers.DossierStatus.Active)
            .OrderByDescending(c => c.Lessons).ThenBy(c => c.Person.FamilyName).ThenBy(c => c.Person.GivenNames)
            .Select(c => c.Person).ToListAsync();
        Newcomer? person = null;
        var waiting = 0;
        foreach (var candidate in candidates)
        {
            waiting = (await OwnActivities.ReadAsync(db, candidate.Id, CancellationToken.None)).Count(a => a.Asked(today, [], candidate.Status) is not null);
            if (waiting <= 1)
            {
                person = candidate;
                break;
            }
        }
        person ??= candidates[0];
        await DemoReferrals.AddForOwnAccountAsync(db, person.Id, partner, caseManagerName, clock);
        await db.SaveChangesAsync();
        var account = ThuisUser.ForNewcomer($"nieuwkomer@{domain}", person.GivenNames, municipalityId, person.Id);
        await CreateUserAsync(users, account, Password, Roles.Newcomer);
        if (waiting > 0)
        {
            return;
        }

        var buddy = (await db.Volunteers.ToListAsync()).Where(v => v.Roles.Contains(VolunteerRole.LanguageBuddy))
            .OrderBy(v => v.Name, StringComparer.Ordinal).FirstOrDefault();
        var startedOn = today.AddDays(-(OwnActivity.TwoWeeksDays + 2));
        var proposedOn = startedOn.AddDays(-10);
        var proposal = new Proposal(person, buddy is null ? TargetKind.Other : TargetKind.Volunteer, buddy?.Id,
            buddy is null ? "Een taalmaatje" : $"Taalmaatje {buddy.Name.Split(' ')[0]}", null,
            "Wil Nederlands oefenen in het dagelijks leven; de taalmaatje woont in de buurt.", caseManagerName,
            new DateTimeOffset(proposedOn.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero), proposedOn);
        proposal.RecordAnswer(NewcomerAnswer.Yes, proposedOn.AddDays(3), null);
        db.Proposals.Add(proposal);
        db.Consents.Add(new Consent(proposal, "Kennismaken met een taalmaatje van de vrijwilligerscentrale", proposedOn.AddDays(3),
            proposedOn.AddDays(3).AddMonths(12), caseManagerName));
        proposal.RecordArrangement("Vrijwilligerscentrale", startedOn, null);
        await db.SaveChangesAsync();
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
