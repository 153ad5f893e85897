using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Thuis.Web.Data;
using Thuis.Web.Features.Accounts;
using Thuis.Web.Features.Dossiers;
using Thuis.Web.Features.Interventions;
using Thuis.Web.Features.Milestones;
using Thuis.Web.Features.Municipalities;
using Thuis.Web.Features.Organisations;
using Thuis.Web.Features.Plans;
using Thuis.Web.Features.Referrals;
using Thuis.Web.Features.Signals;
using Thuis.Web.Features.SocialMap;
using Thuis.Web.Platform.Localization;
using Thuis.Web.Platform.Security;

namespace Thuis.Bench.Scale;

/// <summary>
/// Fills an empty database with one municipality at scale: its coordinator and case managers (about 200 people each),
/// newcomers housed over three years with their intake, plans, the social map, proposals and referrals in every state,
/// checklists and milestones, PVT and language groups with their sessions and attendance, and the signals the rules
/// raise. People's data is built through the entities and saved through the app's DbContext (so it is audited);
/// sessions and attendance, by far the largest tables, are written in bulk.
/// </summary>
internal static class GenerateMunicipality
{
    public const string CoordinatorEmail = "coordinator@amersfoort.example";

    public static string CaseManagerEmail(int number) => string.Create(CultureInfo.InvariantCulture, $"klantregisseur{number:00}@amersfoort.example");

    private const string CoordinatorName = "Cor Coördinator";

    private static readonly DemoTown Town = new("Amersfoort", Seed: 307, PostcodeDigits: ["3811", "3812", "3813", "3815", "3816", "3817", "3818", "3822", "3823", "3824", "3825", "3826"],
        Streets: ["Langestraat", "Utrechtseweg", "Leusderweg", "Hogeweg", "Kruiskamp", "Schothorsterlaan", "Vathorsterweg", "Nijenrodelaan", "Zwaluwenweg", "Kapelweg", "Ringweg Randenbroek", "Liendertseweg"],
        PrimarySchools: ["De Kameleon", "Het Kompas", "De Wonderboom", "Vathorst College basisschool", "De Tweemaster"],
        SecondarySchools: ["ISK Amersfoort (internationale schakelklas)", "Het Element, klas 1", "Corderius College, klas 2"],
        DayCare: ["peuterspeelzaal Het Hummelhuis", "kinderopvang De Zonnebloem", "nog geen plek"],
        NearbyCities: ["Utrecht", "Amersfoort", "Leusden", "Soest", "Barneveld", "Nijkerk"],
        FirstGivenName: "Rania", FirstFamilyName: "Haddad", FirstBorn: new DateOnly(1990, 2, 14), FirstBsn: "999900006");

    public static async Task RunAsync(Arguments args)
    {
        var target = Target.From(args);
        var newcomers = args.Get("newcomers", 5000);
        var attendance = args.Get("attendance", 1_000_000);
        var seed = args.Get("seed", 7);
        var caseManagers = Math.Max(1, (int)Math.Round(newcomers / 200.0));
        var total = Stopwatch.StartNew();
        var lap = Stopwatch.StartNew();
        void Done(string what)
        {
            Console.WriteLine(FormattableString.Invariant($"{what,-44} {lap.Elapsed.TotalSeconds,8:0.0} s"));
            lap.Restart();
        }

        await using var app = new ScaleApp(target);
        var services = app.Services; // builds the host: Program migrates the database here
        Done("schema (the app's migrations)");
        var clock = services.GetRequiredService<TimeProvider>();
        var today = clock.InTheNetherlands();

        Guid municipalityId;
        Organisation partner;
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            if (await db.Municipalities.AnyAsync())
            {
                throw new InvalidOperationException("De database is niet leeg: genereer in een nieuwe database.");
            }
            await DemoData.EnsureRolesAsync(scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>());
            var region = new Region("Amersfoort");
            var municipality = new Municipality("0307", newcomers > 20_000 ? "Amersfoort (landelijke omvang)" : "Amersfoort", region.Id);
            db.Regions.Add(region);
            db.Municipalities.Add(municipality);
            municipalityId = municipality.Id;
            scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystemFor(municipalityId);
            partner = new Organisation(municipalityId, "VluchtelingenWerk Amersfoort", isPartner: true);
            db.Organisations.Add(partner);
            await db.SaveChangesAsync();
            await DemoInterventions.AddToAsync(db, municipalityId, partner.Id, Town.City);
            await db.SaveChangesAsync();
        }

        var caseManagerIds = new List<string>();
        await using (var scope = services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ThuisUser>>();
            await DemoData.CreateUserAsync(users, new ThuisUser(CoordinatorEmail, CoordinatorName, municipalityId), DemoData.Password, Roles.Coordinator);
            for (var i = 1; i <= caseManagers; i++)
            {
                var user = new ThuisUser(CaseManagerEmail(i), string.Create(CultureInfo.InvariantCulture, $"Klantregisseur {i:00}"), municipalityId);
                await DemoData.CreateUserAsync(users, user, DemoData.Password, Roles.CaseManager);
                caseManagerIds.Add(user.Id);
            }
        }
        Done($"{caseManagers + 1} users (coordinator, case managers)");

        await using (var scope = Acting(services, municipalityId, out var db))
        {
            // Three years of arrivals: the dossiers of a municipality that has used Thuis since the law of 2021.
            await DemoNewcomers.AddManyAsync(db, municipalityId, Town, caseManagerIds, "Klantregisseur 01", newcomers, housedWithinDays: 3 * 365, clock);
        }
        Done($"{newcomers:N0} newcomers with their intake");

        await using (var scope = Acting(services, municipalityId, out var db))
        {
            var (random, weeklyRandom) = (new Random(seed), new Random(seed + 1));
            const int page = 1000;
            for (var skip = 0; ; skip += page)
            {
                var people = await db.Newcomers.OrderBy(n => n.RegistrationDate).ThenBy(n => n.Id).Skip(skip).Take(page).ToListAsync();
                if (people.Count == 0)
                {
                    break;
                }
                DemoPlans.AddFor(db, people, random, weeklyRandom, "Klantregisseur 01", today);
                await db.SaveChangesAsync();
                db.ChangeTracker.Clear();
            }
        }
        Done("plans (versions, goals, steps)");

        await using (var scope = Acting(services, municipalityId, out var db))
        {
            var tracked = await db.Organisations.SingleAsync(o => o.Id == partner.Id);
            DemoSocialMap.AddTo(db, municipalityId, Town, tracked, clock);
            await db.SaveChangesAsync();
        }
        Done("social map (organisations, offers)");

        await using (var scope = Acting(services, municipalityId, out var db))
        {
            await AddReferralsAsync(db, new Random(seed + 1), today);
        }
        Done("proposals, consents, referrals");

        await using (var scope = Acting(services, municipalityId, out var db))
        {
            await DemoMilestones.AddAsync(db, clock, "Klantregisseur 01", showcaseBsn: "");
            await db.SaveChangesAsync();
        }
        Done("settling checklists and milestones");

        long sessions;
        long rows;
        await using (var scope = Acting(services, municipalityId, out var db))
        {
            (sessions, rows) = await Trajectories.AddAsync(db, target.Provider, municipalityId, new Random(seed + 2), attendance, today, clock.GetUtcNow());
        }
        Done($"course groups, {sessions:N0} sessions, {rows:N0} attendance rows");

        await DemoSignals.RaiseAsync(services);
        Done("signals (the rules run once)");

        await using (var scope = Acting(services, municipalityId, out var db))
        {
            if (target.Provider == DatabaseProvider.Sqlite)
            {
                await db.Database.ExecuteSqlRawAsync("ANALYZE");
            }
            else
            {
                await db.Database.ExecuteSqlRawAsync("VACUUM ANALYZE");
            }
            Done("ANALYZE");
            Console.WriteLine();
            Console.WriteLine("rows per table:");
            foreach (var (table, count) in await CountsAsync(db))
            {
                Console.WriteLine(FormattableString.Invariant($"  {table,-32} {count,12:N0}"));
            }
        }
        Console.WriteLine(FormattableString.Invariant($"total {total.Elapsed.TotalMinutes:0.0} min; sign in as {CoordinatorEmail} or {CaseManagerEmail(1)} with '{DemoData.Password}'"));
    }

    /// <summary>A scope whose DbContext acts as the system for the municipality, as seeding and jobs do.</summary>
    public static AsyncServiceScope Acting(IServiceProvider services, Guid municipalityId, out AppDbContext db)
    {
        var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystemFor(municipalityId);
        db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return scope;
    }

    public static async Task<Guid> MunicipalityIdAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Municipalities.Select(m => m.Id).SingleAsync();
    }

    /// <summary>
    /// Most people housed for a while were proposed one to three offers of the social map, some of them suggested by
    /// matching; most said yes and were referred, and the referrals went as far as the time since allows.
    /// </summary>
    private static async Task AddReferralsAsync(AppDbContext db, Random random, DateOnly today)
    {
        var organisations = await db.Organisations.ToDictionaryAsync(o => o.Id);
        // Only partners receive referrals through Thuis.
        var offers = (await db.Offers.Where(o => o.Active).OrderBy(o => o.Title).ToListAsync())
            .Where(o => organisations[o.OrganisationId].IsPartner).ToList();
        const int page = 1000;
        for (var skip = 0; ; skip += page)
        {
            var people = await db.Newcomers.Where(n => n.HousingDate != null).OrderBy(n => n.HousingDate).ThenBy(n => n.Id).Skip(skip).Take(page).ToListAsync();
            if (people.Count == 0)
            {
                break;
            }
            foreach (var person in people)
            {
                var first = person.HousingDate!.Value.AddDays(30);
                if (person.Status != DossierStatus.Active || first >= today || person.AsksNotNow(today) || random.NextDouble() < 0.3)
                {
                    continue;
                }
                for (var n = random.Next(1, 4); n > 0; n--)
                {
                    var offer = offers[random.Next(offers.Count)];
                    var organisation = organisations[offer.OrganisationId];
                    var proposedOn = first.AddDays(random.Next(0, today.DayNumber - first.DayNumber));
                    var proposal = new Proposal(person, TargetKind.Offer, offer.Id, offer.Title, offer.OrganisationId,
                        "Past bij wat de persoon zelf wil en kan.", "Klantregisseur 01", new DateTimeOffset(proposedOn, new TimeOnly(10, 0), TimeSpan.Zero), today,
                        random.NextDouble() < 0.5 ? new MatchMark(Math.Round(0.5 + (random.NextDouble() / 2), 2), "1") : null);
                    db.Proposals.Add(proposal);
                    var roll = random.NextDouble();
                    var answeredOn = Earlier(proposedOn.AddDays(random.Next(1, 10)), today);
                    if (roll < 0.1)
                    {
                        continue; // still waiting for an answer
                    }
                    if (roll < 0.25)
                    {
                        proposal.RecordAnswer(roll < 0.18 ? NewcomerAnswer.No : NewcomerAnswer.NotNow, answeredOn, "Past nu niet.");
                        continue;
                    }
                    proposal.RecordAnswer(NewcomerAnswer.Yes, answeredOn, null);
                    var consent = new Consent(proposal, RecordNewcomerAnswer.DefaultPurpose(proposal.What, organisation.Name), answeredOn, answeredOn.AddMonths(12), "Klantregisseur 01");
                    db.Consents.Add(consent);
                    var referral = new Referral(proposal, consent, organisation, null, answeredOn);
                    db.Referrals.Add(referral);
                    referral.Send(answeredOn);
                    var answered = answeredOn.AddDays(random.Next(2, 20));
                    if (answered > today)
                    {
                        continue;
                    }
                    if (random.NextDouble() < 0.12)
                    {
                        referral.Decline(answered, "Geen plek meer; later opnieuw.");
                        continue;
                    }
                    referral.Accept(answered);
                    var started = answered.AddDays(random.Next(3, 21));
                    if (started > today || random.NextDouble() < 0.15)
                    {
                        continue;
                    }
                    referral.Start(started);
                    var ended = started.AddMonths(3);
                    if (ended <= today)
                    {
                        if (random.NextDouble() < 0.7)
                        {
                            referral.End(ended, ReferralOutcome.StillGoingAtThreeMonths, null);
                        }
                        else
                        {
                            referral.End(started.AddDays(random.Next(7, 80)), ReferralOutcome.Stopped, "Kwam niet meer; past niet bij het rooster.");
                        }
                    }
                }
            }
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }
    }

    private static DateOnly Earlier(DateOnly a, DateOnly b) => a < b ? a : b;

    private static async Task<List<(string Table, long Count)>> CountsAsync(AppDbContext db)
    {
        var counts = new List<(string, long)>();
        foreach (var entityType in db.Model.GetEntityTypes().Where(t => t.GetTableName() is not null && !t.IsOwned() && t.BaseType is null)
            .Select(t => t.GetTableName()!).Distinct().Order(StringComparer.Ordinal))
        {
            var connection = db.Database.GetDbConnection();
            if (connection.State != System.Data.ConnectionState.Open)
            {
                await connection.OpenAsync();
            }
            await using var command = connection.CreateCommand();
#pragma warning disable CA2100 // table names come from the app's own model
            command.CommandText = $"SELECT COUNT(*) FROM \"{entityType}\"";
#pragma warning restore CA2100
            counts.Add((entityType, Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture)));
        }
        return counts;
    }
}
