using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Thuis.Web.Data;
using Thuis.Web.Features.Intake;
using Thuis.Web.Features.Organisations;
using Thuis.Web.Features.PartnerApi;
using Thuis.Web.Features.Referrals;
using Thuis.Web.Platform.Auditing;
using Thuis.Web.Platform.Localization;
using Thuis.Web.Platform.Security;
using Thuis.Web.Tests.Infrastructure;

namespace Thuis.Web.Tests;

/// <summary>
/// The partner API: a partner organisation's own system does with a key what its workers do on their pages — with the
/// same rules and the same minimum data, only the organisation's own referrals, every call audited.
/// </summary>
public sealed class PartnerApiTests
{
    private const string HealthText = "Slaapt slecht sinds de vlucht; PTSS in behandeling";
    private const string MentalText = "Gesprekken bij de GGZ";
    private const string Creditor = "Incassobureau Noord";
    private const decimal DebtAmount = 4321.87m;

    [Fact]
    public async Task A_partner_system_lists_reads_accepts_starts_records_attendance_and_ends_a_referral_with_its_key()
    {
        await using var app = new ThuisAppFactory();
        var world = await TestWorld.SeedAsync(app);
        await AddPrivateDataAsync(app, world.A);
        var key = await IssueKeyAsync(app, world.A.Id, world.A.PartnerOrganisationId, "Registratiesysteem");
        using var api = new ApiClient(app, key);
        var referral = $"/api/v1/referrals/{world.A.ReferralId}";

        var list = await api.GetAsync("/api/v1/referrals");
        Assert.Equal(HttpStatusCode.OK, list.Status);
        var row = Assert.Single(list.Json!.AsArray());
        Assert.Equal(world.A.ReferralId.ToString(), row!["id"]!.GetValue<string>());
        Assert.Equal("Samira", row["firstName"]!.GetValue<string>());
        Assert.Equal("sent", row["state"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/referrals?waitingOnly=true")).Status);

        var read = await api.GetAsync(referral);
        Assert.Equal(HttpStatusCode.OK, read.Status);
        Assert.Equal("Taalcafé in de bibliotheek", read.Json!["what"]!.GetValue<string>());
        Assert.Equal("Samira", read.Json["person"]!["firstName"]!.GetValue<string>());
        Assert.Null(read.Json["person"]!["phone"]);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", read.Json["sentOn"]!.GetValue<string>());

        var accepted = await api.PostAsync($"{referral}/accept", new { version = Version(read) });
        Assert.Equal(HttpStatusCode.OK, accepted.Status);
        Assert.Equal("accepted", accepted.Json!["state"]!.GetValue<string>());

        var today = TimeProvider.System.InTheNetherlands().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var started = await api.PostAsync($"{referral}/start", new { version = Version(accepted), on = today });
        Assert.Equal("started", started.Json!["state"]!.GetValue<string>());
        Assert.Equal(today, started.Json["startedOn"]!.GetValue<string>());

        var attended = await api.PostAsync($"{referral}/attendance", new { version = Version(started), on = today, present = true });
        var day = Assert.Single(attended.Json!["attendance"]!.AsArray());
        Assert.True(day!["present"]!.GetValue<bool>());
        var changed = await api.PostAsync($"{referral}/attendance", new { version = Version(attended), present = false });
        Assert.False(changed.Json!["attendance"]![0]!["present"]!.GetValue<bool>());
        Assert.True(changed.Json["attendance"]![0]!["wasPresent"]!.GetValue<bool>());

        // The rule of the referral itself: "still going" only from three months after the start.
        var tooEarly = await api.PostAsync($"{referral}/end", new { version = Version(changed), outcome = "stillGoingAtThreeMonths" });
        AssertProblem(tooEarly, HttpStatusCode.BadRequest, ApiProblems.Validation);
        Assert.Contains("drie maanden na de start", tooEarly.Json!["errors"]!["outcome"]![0]!.GetValue<string>(), StringComparison.Ordinal);

        var ended = await api.PostAsync($"{referral}/end", new { version = Version(changed), outcome = "stopped", note = "Werk gevonden, geen tijd meer." });
        Assert.Equal(HttpStatusCode.OK, ended.Status);
        Assert.Equal("ended", ended.Json!["state"]!.GetValue<string>());
        Assert.Equal("stopped", ended.Json["outcome"]!.GetValue<string>());

        // A step the state does not allow any more is refused by the referral's own rule.
        var again = await api.PostAsync($"{referral}/accept", new { version = Version(ended) });
        AssertProblem(again, HttpStatusCode.UnprocessableEntity, ApiProblems.RefusedType);
        Assert.Contains("beëindigd", again.Json!["detail"]!.GetValue<string>(), StringComparison.Ordinal);

        // A change to an older version is refused: someone else changed it meanwhile.
        var stale = await api.PostAsync($"{referral}/accept", new { version = Version(read) });
        AssertProblem(stale, HttpStatusCode.Conflict, ApiProblems.ChangedMeanwhileType);

        // The case manager sees in Thuis what the partner's system recorded.
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystemFor(world.A.Id);
        var stored = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Referrals.AsNoTracking().SingleAsync(r => r.Id == world.A.ReferralId);
        Assert.Equal(ReferralState.Ended, stored.State);
        Assert.Equal("Werk gevonden, geen tijd meer.", stored.EndNote);

        api.AssertNothingPrivate(world.A.NewcomerBsn, world.B.NewcomerBsn, "Haddad");
    }

    [Fact]
    public async Task A_partner_system_declines_with_a_reason_and_a_decline_without_one_names_the_field_in_dutch_or_english()
    {
        await using var app = new ThuisAppFactory();
        var world = await TestWorld.SeedAsync(app);
        await AddPrivateDataAsync(app, world.A);
        var key = await IssueKeyAsync(app, world.A.Id, world.A.PartnerOrganisationId, "Registratiesysteem");
        using var api = new ApiClient(app, key);
        var referral = $"/api/v1/referrals/{world.A.ReferralId}";
        var read = await api.GetAsync(referral);

        var withoutReason = await api.PostAsync($"{referral}/decline", new { version = Version(read) });
        AssertProblem(withoutReason, HttpStatusCode.BadRequest, ApiProblems.Validation);
        Assert.Equal("nl", withoutReason.Response.Content.Headers.ContentLanguage.Single());
        Assert.StartsWith("Schrijf op waarom u de verwijzing niet aanneemt", withoutReason.Json!["errors"]!["reason"]![0]!.GetValue<string>(), StringComparison.Ordinal);

        var inEnglish = await api.PostAsync($"{referral}/decline", new { version = Version(read) }, "en-GB,en;q=0.9,nl;q=0.5");
        Assert.Equal("Invalid input", inEnglish.Json!["title"]!.GetValue<string>());
        Assert.StartsWith("Write down why you do not accept the referral", inEnglish.Json["errors"]!["reason"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        var notFoundInEnglish = await api.GetAsync($"/api/v1/referrals/{Guid.NewGuid()}", "en");
        Assert.Equal("Not found", notFoundInEnglish.Json!["title"]!.GetValue<string>());

        var declined = await api.PostAsync($"{referral}/decline", new { version = Version(read), reason = "Het taalcafé zit vol tot de zomer." });
        Assert.Equal(HttpStatusCode.OK, declined.Status);
        Assert.Equal("declined", declined.Json!["state"]!.GetValue<string>());
        Assert.Equal("Het taalcafé zit vol tot de zomer.", declined.Json["declineReason"]!.GetValue<string>());
        api.AssertNothingPrivate(world.A.NewcomerBsn, world.B.NewcomerBsn, "Haddad");
    }

    [Fact]
    public async Task Bad_input_answers_a_problem_naming_every_field_and_writes_nothing()
    {
        await using var app = new ThuisAppFactory();
        var world = await TestWorld.SeedAsync(app);
        var key = await IssueKeyAsync(app, world.A.Id, world.A.PartnerOrganisationId, "Registratiesysteem");
        using var api = new ApiClient(app, key);
        var referral = $"/api/v1/referrals/{world.A.ReferralId}";
        var before = await StoredAsync(app, world.A);

        var nonsense = await api.PostRawAsync($"{referral}/end", """{ "version": "nog niet", "on": "morgen", "outcome": "misschien", "note": 12 }""");
        AssertProblem(nonsense, HttpStatusCode.BadRequest, ApiProblems.Validation);
        var errors = nonsense.Json!["errors"]!.AsObject();
        Assert.Equal(["note", "on", "outcome", "version"], errors.Select(e => e.Key).Order(StringComparer.Ordinal));
        Assert.All(errors, e => Assert.False(string.IsNullOrWhiteSpace(e.Value![0]!.GetValue<string>())));

        // A field of the wrong shape and a broken rule are named together, not one after the other.
        var both = await api.PostRawAsync($"{referral}/decline", """{ "version": "nog niet" }""");
        AssertProblem(both, HttpStatusCode.BadRequest, ApiProblems.Validation);
        Assert.Equal(["reason", "version"], both.Json!["errors"]!.AsObject().Select(e => e.Key).Order(StringComparer.Ordinal));
        Assert.StartsWith("Schrijf op waarom u de verwijzing niet aanneemt", both.Json["errors"]!["reason"]![0]!.GetValue<string>(), StringComparison.Ordinal);

        var noVersion = await api.PostRawAsync($"{referral}/accept", "{}");
        Assert.Equal(PartnerApiTexts.VersionMissing, noVersion.Json!["errors"]!["version"]![0]!.GetValue<string>());
        AssertProblem(await api.PostRawAsync($"{referral}/accept", "niet eens json"), HttpStatusCode.BadRequest, ApiProblems.Validation);
        AssertProblem(await api.PostRawAsync($"{referral}/accept", ""), HttpStatusCode.BadRequest, ApiProblems.Validation);
        var tooLong = await api.PostAsync($"{referral}/decline", new { version = before.Version, reason = new string('x', 1001) });
        Assert.Equal("Hoogstens 1000 tekens.", tooLong.Json!["errors"]!["reason"]![0]!.GetValue<string>());
        var future = TimeProvider.System.InTheNetherlands().AddDays(2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var notYet = await api.PostAsync($"{referral}/start", new { version = before.Version, on = future });
        Assert.Equal(HttpStatusCode.BadRequest, notYet.Status);
        Assert.Equal("Kies een datum die niet na vandaag ligt.", notYet.Json!["errors"]!["on"]![0]!.GetValue<string>());

        var after = await StoredAsync(app, world.A);
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(ReferralState.Sent, after.State);
        Assert.Null(after.DeclineReason);
        Assert.Empty(after.Attendance);
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystemFor(world.A.Id);
        Assert.False(await scope.ServiceProvider.GetRequiredService<AppDbContext>().AuditEntries
            .AnyAsync(a => a.ObjectType == nameof(Referral) && a.Action == AuditAction.Update && a.Result == AuditResult.Success));
    }

    [Fact]
    public async Task A_revoked_an_unknown_or_a_missing_key_is_refused_with_a_problem()
    {
        await using var app = new ThuisAppFactory();
        var world = await TestWorld.SeedAsync(app);
        var key = await IssueKeyAsync(app, world.A.Id, world.A.PartnerOrganisationId, "Oud systeem");
        using var api = new ApiClient(app, key);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/referrals")).Status);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystemFor(world.A.Id);
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var stored = await db.PartnerApiKeys.SingleAsync();
            Assert.NotNull(stored.LastUsedAt);
            Assert.DoesNotContain(key, Convert.ToHexString(stored.SecretHash), StringComparison.Ordinal);
            stored.Revoke("test", DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
        }
        var revoked = await api.GetAsync("/api/v1/referrals");
        AssertProblem(revoked, HttpStatusCode.Unauthorized, ApiProblems.UnauthorizedType);
        Assert.Equal("Bearer", revoked.Response.Headers.WwwAuthenticate.Single().Scheme);
        AssertProblem(await api.GetAsync($"/api/v1/referrals/{world.A.ReferralId}"), HttpStatusCode.Unauthorized, ApiProblems.UnauthorizedType);

        using var unknown = new ApiClient(app, key[..^4] + "abcd");
        AssertProblem(await unknown.GetAsync("/api/v1/referrals"), HttpStatusCode.Unauthorized, ApiProblems.UnauthorizedType);
        using var nonsense = new ApiClient(app, "geheim");
        AssertProblem(await nonsense.GetAsync("/api/v1/referrals"), HttpStatusCode.Unauthorized, ApiProblems.UnauthorizedType);
        using var none = new ApiClient(app, null);
        var anonymous = await none.GetAsync("/api/v1/referrals", "en");
        AssertProblem(anonymous, HttpStatusCode.Unauthorized, ApiProblems.UnauthorizedType);
        Assert.Equal("No valid API key", anonymous.Json!["title"]!.GetValue<string>());

        // A signed-in partner worker's cookie is no key: the API takes keys only.
        using var partner = new ThuisClient(app);
        await partner.SignInOrFailAsync(await world.CreateUserAsync(world.A, Roles.PartnerWorker));
        Assert.Equal(HttpStatusCode.Unauthorized, (await partner.Http.GetAsync(new Uri("/api/v1/referrals", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Another_organisations_and_another_municipalitys_referral_is_not_found()
    {
        await using var app = new ThuisAppFactory();
        var world = await TestWorld.SeedAsync(app);
        Guid club;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystemFor(world.A.Id);
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var organisation = new Organisation(world.A.Id, "Atletiekclub De Veluwe", isPartner: true);
            db.Organisations.Add(organisation);
            await db.SaveChangesAsync();
            club = organisation.Id;
        }
        var before = await StoredAsync(app, world.A);
        using var otherOrganisation = new ApiClient(app, await IssueKeyAsync(app, world.A.Id, club, "Clubsysteem"));
        using var otherMunicipality = new ApiClient(app, await IssueKeyAsync(app, world.B.Id, world.B.PartnerOrganisationId, "Systeem Zoetermeer"));

        foreach (var api in new[] { otherOrganisation, otherMunicipality })
        {
            Assert.DoesNotContain(world.A.ReferralId.ToString(), (await api.GetAsync("/api/v1/referrals")).Text, StringComparison.Ordinal);
            AssertProblem(await api.GetAsync($"/api/v1/referrals/{world.A.ReferralId}"), HttpStatusCode.NotFound, ApiProblems.NotFoundType);
            AssertProblem(await api.PostAsync($"/api/v1/referrals/{world.A.ReferralId}/accept", new { version = before.Version }),
                HttpStatusCode.NotFound, ApiProblems.NotFoundType);
            AssertProblem(await api.PostAsync($"/api/v1/referrals/{world.A.ReferralId}/decline", new { version = before.Version, reason = "niet van ons" }),
                HttpStatusCode.NotFound, ApiProblems.NotFoundType);
            api.AssertNothingPrivate(world.A.NewcomerBsn, world.B.NewcomerBsn, "Haddad");
        }
        Assert.Contains(world.B.ReferralId.ToString(), (await otherMunicipality.GetAsync("/api/v1/referrals")).Text, StringComparison.Ordinal);
        var after = await StoredAsync(app, world.A);
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(ReferralState.Sent, after.State);
    }

    [Fact]
    public async Task Too_many_calls_with_one_key_get_a_429_problem_with_retry_after_and_other_keys_go_on()
    {
        await using var app = new ThuisAppFactory(settings: new Dictionary<string, string?> { ["PartnerApi:PermitPerMinutePerKey"] = "3" });
        var world = await TestWorld.SeedAsync(app);
        using var busy = new ApiClient(app, await IssueKeyAsync(app, world.A.Id, world.A.PartnerOrganisationId, "Druk systeem"));
        using var calm = new ApiClient(app, await IssueKeyAsync(app, world.A.Id, world.A.PartnerOrganisationId, "Rustig systeem"));
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await busy.GetAsync("/api/v1/referrals")).Status);
        }
        var limited = await busy.GetAsync("/api/v1/referrals", "en");
        AssertProblem(limited, HttpStatusCode.TooManyRequests, ApiProblems.RateLimitedType);
        Assert.True(limited.Response.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After ontbreekt");
        Assert.Equal("Too many requests", limited.Json!["title"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await calm.GetAsync("/api/v1/referrals")).Status);
    }

    [Fact]
    public async Task Every_call_is_in_the_audit_trail_with_the_key_its_organisation_and_the_result()
    {
        await using var app = new ThuisAppFactory();
        var world = await TestWorld.SeedAsync(app);
        var key = await IssueKeyAsync(app, world.A.Id, world.A.PartnerOrganisationId, "Registratiesysteem");
        using var api = new ApiClient(app, key);
        var read = await api.GetAsync($"/api/v1/referrals/{world.A.ReferralId}");
        await api.GetAsync("/api/v1/referrals");
        await api.GetAsync($"/api/v1/referrals/{world.B.ReferralId}");
        await api.PostAsync($"/api/v1/referrals/{world.A.ReferralId}/decline", new { version = Version(read) });
        await api.PostAsync($"/api/v1/referrals/{world.A.ReferralId}/accept", new { version = Version(read) });

        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystemFor(world.A.Id);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var keyId = (await db.PartnerApiKeys.SingleAsync()).Id;
        var calls = await db.AuditEntries.AsNoTracking().Where(a => a.ActorId == $"api-sleutel:{keyId}" && a.Purpose == PartnerApiSetup.AuditPurpose)
            .OrderBy(a => a.Sequence).ToListAsync();
        Assert.Equal(5, calls.Count);
        Assert.All(calls, c => Assert.Contains("‘Registratiesysteem’ van VluchtelingenWerk Dalfsen", c.Details, StringComparison.Ordinal));
        Assert.Equal([AuditResult.Success, AuditResult.Success, AuditResult.NotFound, AuditResult.Refused, AuditResult.Success], calls.Select(c => c.Result));
        Assert.Equal([AuditAction.View, AuditAction.View, AuditAction.View, AuditAction.Update, AuditAction.Update], calls.Select(c => c.Action));
        Assert.Contains("POST /api/v1/referrals/{referralId:guid}/decline → 400", calls[3].Details, StringComparison.Ordinal);
        // The change itself is audited too, as every change of a referral is, under the same key.
        Assert.True(await db.AuditEntries.AnyAsync(a => a.ActorId == $"api-sleutel:{keyId}" && a.ObjectType == nameof(Referral)
            && a.ObjectId == world.A.ReferralId.ToString() && a.Action == AuditAction.Update && a.Purpose != PartnerApiSetup.AuditPurpose));

        // Its readers see the key and its organisation as who did it, never an id.
        using var administrator = new ThuisClient(app);
        await administrator.SignInOrFailAsync(await world.CreateUserAsync(world.A, Roles.Administrator));
        var trail = await administrator.GetAsync("/audit");
        Assert.Contains("API-sleutel ‘Registratiesysteem’ van VluchtelingenWerk Dalfsen", trail.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("api-sleutel:", trail.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_served_openapi_document_is_the_one_checked_in()
    {
        await using var app = new ThuisAppFactory();
        using var http = new HttpClient { BaseAddress = app.BaseAddress };
        using var response = await http.GetAsync(new Uri(PartnerApiSetup.DocumentPath, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var served = Normalise(await response.Content.ReadAsStringAsync());
        var path = Path.Combine(RepositoryRoot(), "docs", "api", "openapi-v1.json");
        if (Environment.GetEnvironmentVariable("THUIS_REFRESH_OPENAPI") == "1")
        {
            await File.WriteAllTextAsync(path, served);
        }
        var checkedIn = File.Exists(path) ? Normalise(await File.ReadAllTextAsync(path)) : "";
        Assert.True(served == checkedIn,
            $"Het OpenAPI-document van de partner-API ({PartnerApiSetup.DocumentPath}) verschilt van docs/api/openapi-v1.json. Is de API bewust veranderd? "
            + "Ververs het bestand met: THUIS_REFRESH_OPENAPI=1 dotnet tests/Thuis.Web.Tests/bin/Debug/net10.0/Thuis.Web.Tests.dll -class Thuis.Web.Tests.PartnerApiTests "
            + "-method Thuis.Web.Tests.PartnerApiTests.The_served_openapi_document_is_the_one_checked_in, en zet de wijziging in docs/api.md.");
        var document = JsonNode.Parse(served)!;
        Assert.Equal(7, document["paths"]!.AsObject().Sum(p => p.Value!.AsObject().Count));
        Assert.NotNull(document["components"]!["securitySchemes"]!["bearer"]);
    }

    [Fact]
    public async Task The_administrator_issues_a_key_shown_once_and_revokes_it_after_confirming_and_nobody_else_reaches_the_page()
    {
        await using var app = new ThuisAppFactory();
        var world = await TestWorld.SeedAsync(app);
        using var admin = new ThuisClient(app);
        await admin.SignInOrFailAsync(await world.CreateUserAsync(world.A, Roles.Administrator));

        var empty = await admin.GetAsync(PartnerApiSetup.KeysPage);
        Assert.Contains("Nog geen sleutels.", empty.Text, StringComparison.Ordinal);
        var missing = await admin.SubmitAsync(PartnerApiSetup.KeysPage, "sleutel-maken", new Dictionary<string, string> { ["Input.Name"] = "" });
        Assert.Contains("Kies de partnerorganisatie.", missing.Text, StringComparison.Ordinal);
        Assert.Contains("Geef de sleutel een naam", missing.Text, StringComparison.Ordinal);

        var issued = await admin.SubmitAsync(PartnerApiSetup.KeysPage, "sleutel-maken", new Dictionary<string, string>
        {
            ["Input.OrganisationId"] = world.A.PartnerOrganisationId.ToString(),
            ["Input.Name"] = "Registratiesysteem",
        });
        var key = issued.Document.QuerySelector("[data-testid='api-sleutel']")!.GetAttribute("value")!;
        Assert.StartsWith(PartnerApiKey.KeyStart, key, StringComparison.Ordinal);
        using var api = new ApiClient(app, key);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/referrals")).Status);

        var listed = await admin.GetAsync(PartnerApiSetup.KeysPage);
        Assert.DoesNotContain(key, listed.Document.DocumentElement.OuterHtml, StringComparison.Ordinal);
        var row = Assert.Single(listed.Document.QuerySelectorAll("[data-testid='sleutel']"));
        Assert.Contains("Registratiesysteem", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("VluchtelingenWerk Dalfsen", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("in gebruik", row.TextContent, StringComparison.Ordinal);
        var revokePage = row.QuerySelector("a[href$='/intrekken']")!.GetAttribute("href")!;

        var confirm = await admin.GetAsync(revokePage);
        Assert.Contains("API-sleutel intrekken?", confirm.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/referrals")).Status);
        var revoked = await admin.PostFormAsync(confirm, "sleutel-intrekken", new Dictionary<string, string>());
        Assert.Equal($"{PartnerApiSetup.KeysPage}?opgeslagen=ingetrokken", revoked.Location);
        Assert.Contains("ingetrokken op", (await admin.GetAsync(PartnerApiSetup.KeysPage)).Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/referrals")).Status);

        foreach (var role in new[] { Roles.Coordinator, Roles.CaseManager, Roles.PartnerWorker, Roles.PrivacyOfficer, Roles.VolunteerCoordinator })
        {
            using var other = new ThuisClient(app);
            await other.SignInOrFailAsync(await world.CreateUserAsync(world.A, role));
            Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync(PartnerApiSetup.KeysPage)).Status);
            Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync(revokePage)).Status);
        }
        using var elsewhere = new ThuisClient(app);
        await elsewhere.SignInOrFailAsync(await world.CreateUserAsync(world.B, Roles.Administrator));
        Assert.Equal(HttpStatusCode.NotFound, (await elsewhere.GetAsync(revokePage)).Status);
        Assert.DoesNotContain("Registratiesysteem", (await elsewhere.GetAsync(PartnerApiSetup.KeysPage)).Text, StringComparison.Ordinal);
    }

    /// <summary>Issues a key as the administrator's page does, for tests of the API itself.</summary>
    internal static async Task<string> IssueKeyAsync(ThuisAppFactory app, Guid municipalityId, Guid organisationId, string name)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystemFor(municipalityId);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var organisation = await db.Organisations.SingleAsync(o => o.Id == organisationId);
        var (key, secret) = PartnerApiKey.Issue(organisation, name, "test", DateTimeOffset.UtcNow);
        db.Add(key);
        await db.SaveChangesAsync();
        return secret;
    }

    /// <summary>Health, mental health and a debt with its amount in the newcomer's intake: none of it may leave through the API.</summary>
    private static async Task AddPrivateDataAsync(ThuisAppFactory app, TestMunicipality municipality)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystemFor(municipality.Id);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var circumstances = new CircumstancesSection(municipality.NewcomerId, municipality.Id);
        circumstances.Update(HealthText, MentalText, "Traumazorg via de huisarts", null, null);
        var finances = new FinancesSection(municipality.NewcomerId, municipality.Id);
        finances.Update(default, true, DebtAmount, Creditor, default, true, false);
        db.Add(circumstances);
        db.Add(finances);
        await db.SaveChangesAsync();
    }

    private static async Task<Referral> StoredAsync(ThuisAppFactory app, TestMunicipality municipality)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystemFor(municipality.Id);
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Referrals.AsNoTracking().SingleAsync(r => r.Id == municipality.ReferralId);
    }

    private static string Version(ApiClient.Answer answer) => answer.Json!["version"]!.GetValue<string>();

    private static void AssertProblem(ApiClient.Answer answer, HttpStatusCode status, string type)
    {
        Assert.Equal(status, answer.Status);
        Assert.Equal("application/problem+json", answer.Response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(type, answer.Json!["type"]!.GetValue<string>());
        Assert.Equal((int)status, answer.Json["status"]!.GetValue<int>());
        Assert.False(string.IsNullOrWhiteSpace(answer.Json["title"]?.GetValue<string>()));
        Assert.False(string.IsNullOrWhiteSpace(answer.Json["detail"]?.GetValue<string>()));
    }

    private static string Normalise(string json) => json.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd() + "\n";

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Thuis.slnx")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException("Thuis.slnx niet gevonden.");
    }

    /// <summary>A partner organisation's system calling the API with its key; keeps every answer to check none holds private data.</summary>
    internal sealed class ApiClient : IDisposable
    {
        private readonly HttpClient _http;
        private readonly List<string> _bodies = [];

        public ApiClient(ThuisAppFactory app, string? key)
        {
            _http = new HttpClient { BaseAddress = app.BaseAddress };
            if (key is not null)
            {
                _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
            }
        }

        public sealed record Answer(HttpStatusCode Status, JsonNode? Json, string Text, HttpResponseMessage Response);

        public Task<Answer> GetAsync(string url, string? language = null) => SendAsync(new HttpRequestMessage(HttpMethod.Get, url), language);

        public Task<Answer> PostAsync(string url, object body, string? language = null) =>
            PostRawAsync(url, JsonSerializer.Serialize(body), language);

        public Task<Answer> PostRawAsync(string url, string body, string? language = null) =>
            SendAsync(new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") }, language);

        private async Task<Answer> SendAsync(HttpRequestMessage request, string? language)
        {
            using (request)
            {
                if (language is not null)
                {
                    request.Headers.TryAddWithoutValidation("Accept-Language", language);
                }
                var response = await _http.SendAsync(request);
                var text = await response.Content.ReadAsStringAsync();
                _bodies.Add(text);
                return new Answer(response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text), text, response);
            }
        }

        /// <summary>No answer carried a BSN, a family name, health, a debt or an amount.</summary>
        public void AssertNothingPrivate(params string[] alsoAbsent)
        {
            Assert.NotEmpty(_bodies);
            foreach (var body in _bodies)
            {
                foreach (var text in alsoAbsent.Concat([HealthText, MentalText, "Traumazorg", Creditor, "4321", "4.321", "health", "gezondheid", "bsn", "debt", "amount"]))
                {
                    Assert.DoesNotContain(text, body, StringComparison.OrdinalIgnoreCase);
                }
                // Ids are hexadecimal and may hold nine digits in a row by chance; a BSN is never inside one.
                var withoutIds = System.Text.RegularExpressions.Regex.Replace(body, "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}", "");
                Assert.DoesNotMatch(@"(?<!\d)\d{9}(?!\d)", withoutIds);
            }
        }

        public void Dispose() => _http.Dispose();
    }
}
