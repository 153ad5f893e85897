using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Thuis.Web.Data;
using Thuis.Web.Features.Accounts;
using Thuis.Web.Features.Intake;
using Thuis.Web.Features.Interventions;
using Thuis.Web.Features.Matching;
using Thuis.Web.Features.Municipalities;
using Thuis.Web.Features.Organisations;
using Thuis.Web.Features.Plans;
using Thuis.Web.Features.Referrals;
using Thuis.Web.Features.Signals;
using Thuis.Web.Features.SocialMap;
using Thuis.Web.Features.Trajectories;
using Thuis.Web.Platform.Localization;
using Thuis.Web.Platform.Security;

namespace Thuis.Web.Tests.Infrastructure;

/// <summary>
/// A test municipality: its newcomer, partner organisation, a course group with one session in which the newcomer is
/// enrolled, an intervention of its own in the guide (a municipal addition), on its social map one offer of the partner
/// organisation and one volunteer, a proposal the newcomer said yes to with its referral sent to the partner, and a
/// matching round that matched the newcomer to the offer.
/// </summary>
public sealed record TestMunicipality(
    Guid Id, string Name, Guid NewcomerId, string NewcomerName, string NewcomerBsn, Guid PartnerOrganisationId, Guid GroupId, Guid SessionId,
    Guid InterventionId, Guid OfferId, Guid VolunteerId, string VolunteerName, Guid ProposalId, Guid ReferralId, Guid RunId, Guid SignalId,
    Guid ConsentId)
{
    /// <summary>A staff account of the municipality, for the administrator's pages of one user.</summary>
    public string StaffUserId { get; init; } = "";

    /// <summary>
    /// Each route parameter that names a record, with this municipality's record, for tests that walk every page with
    /// another's records. A new page whose parameter is missing here fails those tests until it is added.
    /// </summary>
    public Dictionary<string, string> RouteIds() => new(StringComparer.OrdinalIgnoreCase)
    {
        ["NewcomerId"] = NewcomerId.ToString(),
        ["GroupId"] = GroupId.ToString(),
        ["SessionId"] = SessionId.ToString(),
        ["ProposalId"] = ProposalId.ToString(),
        ["ReferralId"] = ReferralId.ToString(),
        ["ConsentId"] = ConsentId.ToString(),
        ["RunId"] = RunId.ToString(),
        // The round has no matches in the test world; an unknown match answers 404 the same way.
        ["MatchId"] = Guid.NewGuid().ToString(),
        // No municipality registers another's key in the test world; an unknown key answers 404 the same way.
        ["KeyId"] = Guid.NewGuid().ToString(),
        // No partner API key is issued in the test world; an unknown key answers 404 the same way.
        ["ApiKeyId"] = Guid.NewGuid().ToString(),
        // Nobody applied for a job in the test world; an unknown application answers 404 the same way.
        ["ApplicationId"] = Guid.NewGuid().ToString(),
        // Nobody is ontzorgd in the test world; an unknown fixed cost answers 404 the same way.
        ["CostId"] = Guid.NewGuid().ToString(),
        ["SignalId"] = SignalId.ToString(),
        // Shared interventions are everyone's; the municipality's own addition is what no other may reach.
        ["InterventionId"] = InterventionId.ToString(),
        ["OrganisationId"] = PartnerOrganisationId.ToString(),
        ["OfferId"] = OfferId.ToString(),
        ["VolunteerId"] = VolunteerId.ToString(),
        ["UserId"] = StaffUserId,
        // The test world records no debts and no early signals of arrears; an unknown one answers 404 the same way.
        ["DebtId"] = Guid.NewGuid().ToString(),
        ["ReportId"] = Guid.NewGuid().ToString(),
        // No volunteer is matched in the test world; VolunteerViewTests and the authorization matrix make real matches.
        ["VolunteerMatchId"] = Guid.NewGuid().ToString(),
        // No erasure is asked for in the test world; an unknown request answers 404 the same way.
        ["ErasureId"] = Guid.NewGuid().ToString(),
        // The test world plans no draagvlak activity and records no role model's consent; an unknown one answers 404 the same way.
        ["CommunityActivityId"] = Guid.NewGuid().ToString(),
        ["RoleModelConsentId"] = Guid.NewGuid().ToString(),
    };
}

/// <summary>Two municipalities with a newcomer each, and users made on demand, for tests that need people and roles.</summary>
public sealed class TestWorld(ThuisAppFactory app, TestMunicipality a, TestMunicipality b)
{
    public const string Password = "een lang wachtwoord voor tests";

    private static int _nextCbsCode = 9000;

    public TestMunicipality A { get; } = a;

    public TestMunicipality B { get; } = b;

    public static async Task<TestWorld> SeedAsync(ThuisAppFactory app)
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await DemoData.EnsureRolesAsync(scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>());
        }
        var a = await SeedMunicipalityAsync(app, "0148", "Dalfsen", "Samira", "Haddad", "999990019");
        var b = await SeedMunicipalityAsync(app, "0637", "Zoetermeer", "Dawit", "Gebremedhin", "999990068");
        return new TestWorld(app, a, b);
    }

    /// <summary>Makes a new user with a unique e-mail address, so tests never share an account's state.</summary>
    public async Task<string> CreateUserAsync(TestMunicipality municipality, params string[] roles)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var email = $"{roles[0].ToLowerInvariant()}-{Guid.NewGuid():N}@{municipality.Name.ToLowerInvariant()}.test";
        var user = new ThuisUser(email, $"Test {Roles.DutchName(roles[0])}", municipality.Id,
            roles.Contains(Roles.PartnerWorker) ? municipality.PartnerOrganisationId : null);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ThuisUser>>();
        await DemoData.CreateUserAsync(users, user, Password, roles[0]);
        foreach (var role in roles.Skip(1))
        {
            await users.AddToRoleAsync(user, role);
        }
        return email;
    }

    /// <summary>A newcomer's own account, as if activated from the letter, bound to a new person of the municipality.</summary>
    public async Task<string> CreateNewcomerUserAsync(TestMunicipality municipality)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystemFor(municipality.Id);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var person = People.Newcomer(municipality.Id, "Eigen", $"Thuis{Guid.NewGuid():N}"[..16], new DateOnly(1995, 3, 3));
        db.Newcomers.Add(person);
        await db.SaveChangesAsync();
        return await CreateNewcomerUserAsync(municipality, person.Id, person.GivenNames);
    }

    /// <summary>An own account, as if activated from the letter, for someone already in the municipality.</summary>
    public async Task<string> CreateNewcomerUserAsync(TestMunicipality municipality, Guid newcomerId, string givenNames)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var signInName = $"nieuwkomer-{Guid.NewGuid():N}@{municipality.Name.ToLowerInvariant()}.test";
        var user = ThuisUser.ForNewcomer(signInName, givenNames, municipality.Id, newcomerId);
        await DemoData.CreateUserAsync(scope.ServiceProvider.GetRequiredService<UserManager<ThuisUser>>(), user, Password, Roles.Newcomer);
        return signInName;
    }

    /// <summary>
    /// Another municipality, for tests that need one no other test touches (its guide shows only the shared catalogue
    /// and its own addition) or several in one region.
    /// </summary>
    public async Task<TestMunicipality> AddMunicipalityAsync(string name, Guid? regionId = null)
    {
        var cbsCode = Interlocked.Increment(ref _nextCbsCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await SeedMunicipalityAsync(app, cbsCode, name, "Test", $"Persoon {name}", null, regionId);
    }

    public async Task<Guid> AddRegionAsync(string name)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var region = new Region(name);
        db.Regions.Add(region);
        await db.SaveChangesAsync();
        return region.Id;
    }

    public async Task<string> UserIdOfAsync(string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<ThuisUser>>().FindByEmailAsync(email);
        return user?.Id ?? throw new InvalidOperationException($"Geen gebruiker {email}.");
    }

    private static async Task<TestMunicipality> SeedMunicipalityAsync(ThuisAppFactory app, string cbsCode, string name, string given, string family, string? bsn,
        Guid? regionId = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var municipality = new Municipality(cbsCode, name, regionId);
        db.Municipalities.Add(municipality);
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystemFor(municipality.Id);
        var partner = new Organisation(municipality.Id, $"VluchtelingenWerk {name}", isPartner: true);
        var newcomer = People.Newcomer(municipality.Id, given, family, new DateOnly(1990, 5, 1), bsn);
        var group = new CourseGroup(municipality.Id, new CourseGroupDetails(CourseKind.LanguageCourse, $"Taalcursus {name}", null, null, new DateOnly(2026, 6, 1), null));
        var session = new Session(group, new SessionDetails(new DateOnly(2026, 6, 2), new TimeOnly(9, 0), new TimeOnly(11, 0), SessionKind.LanguageLesson, null, null));
        db.Organisations.Add(partner);
        db.Newcomers.Add(newcomer);
        db.CourseGroups.Add(group);
        db.Sessions.Add(session);
        db.Enrolments.Add(new Enrolment(group, newcomer.Id, municipality.Id, group.StartDate, "test", DateTimeOffset.UtcNow));
        var ownIntervention = new Intervention(municipality.Id, Guide.Details($"Eigen aanpak {name}"));
        db.Interventions.Add(ownIntervention);
        var offer = new Offer(partner, new OfferDetails(OfferKind.Activity, $"Taalcafé {name}", null, null, WeekGrid.Empty, null, 0, null,
            CefrLevel.None, true, [ParticipationDomain.Meeting], [], ["taal"]));
        var volunteer = new Volunteer(municipality.Id, new VolunteerDetails($"Vrijwilliger {family} {name}", [VolunteerRole.LanguageBuddy], null,
            $"vrijwilliger@{name.ToLowerInvariant()}.test", [], WeekGrid.Empty, 1, null, null, VogStatus.NotRequested, null, null));
        db.Offers.Add(offer);
        db.Volunteers.Add(volunteer);
        var today = TimeProvider.System.InTheNetherlands();
        var proposal = new Proposal(newcomer, TargetKind.Other, null, "Taalcafé in de bibliotheek", partner.Id, null, "test", DateTimeOffset.UtcNow, today);
        proposal.RecordAnswer(NewcomerAnswer.Yes, today, null);
        var consent = new Consent(proposal, "Doorverwijzing naar het taalcafé", today, today.AddYears(1), "test");
        var referral = new Referral(proposal, consent, partner, null, today);
        referral.Send(today);
        db.Proposals.Add(proposal);
        db.Consents.Add(consent);
        db.Referrals.Add(referral);
        var run = new CohortRun(municipality.Id, PoolFilter.Everything, 1, [newcomer.Id], "1", "test", DateTimeOffset.UtcNow);
        run.Add(newcomer, new PoolItem($"aanbod:{offer.Id}", TargetKind.Offer, offer.Id, offer.Title, "activiteit", partner.Name, partner.Id, true,
            [ParticipationDomain.Meeting], -1, null), 1.0, []);
        db.CohortRuns.Add(run);
        var signal = new Signal(municipality.Id, newcomer.Id, SignalKind.DebtsWithoutHelp, null, 2, "Heeft schulden en nog geen schuldhulp",
            $"Stel {given} schuldhulp voor", today, today);
        db.Signals.Add(signal);
        await db.SaveChangesAsync();
        var staff = new ThuisUser($"medewerker-{cbsCode}@{string.Concat(name.Where(char.IsAsciiLetterOrDigit)).ToLowerInvariant()}.test", $"Medewerker {name}", municipality.Id);
        await DemoData.CreateUserAsync(scope.ServiceProvider.GetRequiredService<UserManager<ThuisUser>>(), staff, Password, Roles.Coordinator);
        return new TestMunicipality(municipality.Id, name, newcomer.Id, newcomer.FullName, bsn ?? "", partner.Id, group.Id, session.Id,
            ownIntervention.Id, offer.Id, volunteer.Id, volunteer.Name, proposal.Id, referral.Id, run.Id, signal.Id, consent.Id)
        {
            StaffUserId = staff.Id,
        };
    }
}
