using System.Globalization;
using System.Net;
using System.Text;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Thuis.Web.Data;
using Thuis.Web.Features.Accounts;
using Thuis.Web.Features.Own;
using Thuis.Web.Features.Plans;
using Thuis.Web.Features.Trajectories;
using Thuis.Web.Features.Volunteering;
using Thuis.Web.Platform.Localization;
using Thuis.Web.Platform.Security;
using Thuis.Web.Tests.Infrastructure;

namespace Thuis.Web.Tests;

/// <summary>
/// Who may do what, as a table people can read and review (<c>authorization-matrix.md</c>): every address the app maps,
/// read from its endpoints, with GET and POST, for anonymous visitors, every role and the newcomer in their own Thuis, with
/// records of their own municipality and of another. A new address without a row fails, as does a row without an address.
/// </summary>
public sealed class AuthorizationMatrixTests(AuthorizationMatrixTests.Matrix matrix) : IClassFixture<AuthorizationMatrixTests.Matrix>
{
    public const string TableFile = "authorization-matrix.md";

    /// <summary>The table's columns after method and address: who asks.</summary>
    public static readonly string[] Columns =
        [Anonymous, Roles.Administrator, Roles.Coordinator, Roles.CaseManager, Roles.VolunteerCoordinator, Roles.PartnerWorker, Roles.PrivacyOfficer, Roles.Newcomer, Roles.Volunteer];

    private const string Anonymous = "anoniem";

    [Fact]
    public void The_table_has_a_row_for_every_address_the_app_maps_and_none_for_an_address_it_does_not()
    {
        var mapped = Endpoints(matrix.App.Services);
        var table = Table.Read();
        Assert.Contains(("GET", "/dossiers/{NewcomerId:guid}"), mapped);
        Assert.Contains(("POST", AccountsSetup.SignOutPath), mapped);

        var withoutRow = mapped.Where(e => !table.Rows.ContainsKey(e)).Select(e => $"{e.Method} {e.Template}").ToList();
        var withoutAddress = table.Rows.Keys.Where(r => !mapped.Contains(r)).Select(r => $"{r.Method} {r.Template}").ToList();

        Assert.True(withoutRow.Count == 0,
            $"Deze adressen hebben geen regel in {TableFile}; zet erin wie ze mag openen:\n" + string.Join('\n', withoutRow));
        Assert.True(withoutAddress.Count == 0,
            $"Deze regels in {TableFile} horen bij geen adres van de app meer; haal ze weg:\n" + string.Join('\n', withoutAddress));
    }

    [Fact]
    public async Task Everyone_gets_what_the_table_says_on_every_address_with_records_of_their_own_and_of_another_municipality()
    {
        var table = Table.Read();
        var observed = new Dictionary<(string Method, string Template), string[]>();
        var wrong = new List<string>();
        // Every address the app maps (one without a row fails the test above, and is still tried, to write its row).
        // Signing out ends the session the rest of the table needs, so it is tried last.
        var rows = matrix.Endpoints
            .OrderBy(r => r.Template == AccountsSetup.SignOutPath).ThenBy(r => r.Template, StringComparer.Ordinal).ThenBy(r => r.Method, StringComparer.Ordinal)
            .ToList();
        Assert.NotEmpty(rows);
        foreach (var row in rows)
        {
            var hasRecords = RoutePatternFactory.Parse(row.Template).Parameters.Any(p => matrix.OtherRecords[p.Name] != matrix.OwnRecords[p.Name]);
            // Each column asks with its own client, all at once.
            var cells = await Task.WhenAll(matrix.Askers.Select(async asker =>
            {
                var own = await asker.AskAsync(row.Method, TenancyTests.ReplaceParameters(row.Template, matrix.OwnRecords));
                // A refusal (403, or to the sign-in page) is decided by the role before any record is read; a page that
                // lets the role in is asked for the other municipality's record as well.
                var other = hasRecords && !Asker.IsRefusal(own)
                    ? await asker.AskAsync(row.Method, TenancyTests.ReplaceParameters(row.Template, matrix.OtherRecords))
                    : own;
                own = matrix.Readable(own);
                other = matrix.Readable(other);
                return own == other ? own : $"{own} / {other}";
            }));
            if (table.Rows.TryGetValue(row, out var expected))
            {
                wrong.AddRange(Enumerable.Range(0, Columns.Length)
                    .Where(column => !string.Equals(expected[column], cells[column], StringComparison.Ordinal))
                    .Select(column => $"{row.Method} {row.Template} als {Columns[column]}: verwacht {expected[column]}, kreeg {cells[column]}"));
            }
            observed[row] = cells;
        }

        var written = Table.WriteObserved(observed);
        Assert.True(wrong.Count == 0,
            $"{wrong.Count} antwoord(en) wijken af van {TableFile} (wat de app nu antwoordt staat in {written}):\n" + string.Join('\n', wrong));
    }

    [Fact]
    public async Task The_forms_of_a_page_posted_to_the_address_of_another_municipalitys_record_change_nothing()
    {
        var watch = matrix.Watch;
        // Signing out renews the account's security stamp, which ends every session of that account: when the table
        // above ran first, its newcomer signed Samira out everywhere, so her own pages are asked in a session of now.
        var newcomer = await matrix.SignInNewcomerAsync();
        var volunteer = await matrix.SignInVolunteerAsync();
        var pages = matrix.Endpoints.Where(e => e.Method == "POST" && RoutePatternFactory.Parse(e.Template).Parameters.Count > 0
                && matrix.Endpoints.Contains(("GET", e.Template)))
            .Select(e => e.Template)
            .ToList();
        Assert.Contains("/dossiers/{NewcomerId:guid}/bewerken", pages);
        Assert.Contains("/mijn/plan/stap/{StepId:guid}", pages);
        var posted = new List<string>();
        var wrong = new List<string>();
        foreach (var template in pages)
        {
            var client = template.StartsWith("/mijn", StringComparison.Ordinal) ? newcomer
                : template.StartsWith(VolunteeringSetup.StartPath + "/", StringComparison.Ordinal) ? volunteer
                : matrix.Everything;
            var ownUrl = TenancyTests.ReplaceParameters(template, matrix.OwnRecords);
            var page = await client.GetAsync(ownUrl);
            if (page.Status != HttpStatusCode.OK)
            {
                continue;
            }
            foreach (var form in NamedForms(page))
            {
                // Filled as the page shows it, every confirmation ticked, sent to the other municipality's record.
                var ticked = form.Element.Elements.OfType<IHtmlInputElement>()
                    .Where(i => i.Type is "checkbox" && !string.IsNullOrEmpty(i.Name) && !i.IsChecked)
                    .ToDictionary(i => i.Name!, i => i.Value is "" or "on" ? "true" : i.Value);
                var action = form.Element.GetAttribute("action") is { Length: > 0 } set ? set : ownUrl;
                var to = Readdress(action);
                watch.Clear();
                var answer = await client.PostFormAsync(page, form.Name, ticked, to);
                posted.Add($"POST {to} ({form.Name})");
                if (!watch.Saves.IsEmpty)
                {
                    wrong.Add($"POST {to} ({form.Name}) sloeg op: {string.Join(", ", watch.Saves)}");
                }
                if (answer.Status is not (HttpStatusCode.NotFound or HttpStatusCode.BadRequest or HttpStatusCode.Forbidden))
                {
                    wrong.Add($"POST {to} ({form.Name}) gaf {(int)answer.Status} {answer.Location} in plaats van 404, 400 of 403");
                }
            }
        }

        Assert.Contains(posted, p => p.Contains("/bewerken", StringComparison.Ordinal));
        Assert.Contains(posted, p => p.StartsWith("POST /mijn/plan/stap/", StringComparison.Ordinal));
        Assert.Contains(posted, p => p.StartsWith("POST /vrijwilliger/koppelingen/", StringComparison.Ordinal));
        Assert.True(posted.Count >= 20, $"Maar {posted.Count} formulieren gevonden:\n" + string.Join('\n', posted));
        Assert.True(wrong.Count == 0, string.Join('\n', wrong));
        // Nothing of the other municipality changed underneath either: its people, plans and referrals are as they were.
        Assert.Equal(matrix.OtherAtStart, await matrix.SnapshotOfOtherAsync());
    }

    private string Readdress(string url)
    {
        foreach (var (name, value) in matrix.OwnRecords)
        {
            url = url.Replace(value, matrix.OtherRecords[name], StringComparison.OrdinalIgnoreCase);
        }
        return url;
    }

    private static IEnumerable<(string Name, IHtmlFormElement Element)> NamedForms(ThuisClient.Page page) =>
        page.Document.Forms
            .Select(f => (Name: f.Elements.OfType<IHtmlInputElement>().FirstOrDefault(i => i.Name == "_handler")?.Value, Element: f))
            .Where(f => !string.IsNullOrEmpty(f.Name))
            .Select(f => (f.Name!, f.Element));

    /// <summary>Every address with its method, as the app maps it (GET and POST; a page answers both).</summary>
    internal static HashSet<(string Method, string Template)> Endpoints(IServiceProvider services) =>
        [.. services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && !raw.Contains("_framework", StringComparison.Ordinal) && !raw.Contains('*', StringComparison.Ordinal))
            // The stylesheets and scripts: the same files for everyone, no data.
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.StaticAssets.StaticAssetDescriptor>() is null)
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [HttpMethods.Get, HttpMethods.Post])
                .Where(m => m is "GET" or "POST")
                .Select(m => (m, Normalise(e.RoutePattern.RawText!))))];

    private static string Normalise(string template) => template.StartsWith('/') ? template : "/" + template;

    /// <summary>The table as kept in the repository: one row per method and address, one cell per column.</summary>
    public sealed record Table(Dictionary<(string Method, string Template), string[]> Rows)
    {
        private static string SourcePath => Path.Combine(AppContext.BaseDirectory, TableFile);

        public static Table Read()
        {
            var rows = new Dictionary<(string, string), string[]>();
            foreach (var line in File.ReadLines(SourcePath))
            {
                var cells = line.Split('|', StringSplitOptions.TrimEntries);
                // | GET | `/adres` | anoniem | ... |
                if (cells.Length != Columns.Length + 4 || cells[1] is not ("GET" or "POST"))
                {
                    continue;
                }
                var key = (cells[1], cells[2].Trim('`').Replace("\\|", "|", StringComparison.Ordinal));
                Assert.False(rows.ContainsKey(key), $"{key} staat twee keer in {TableFile}.");
                rows[key] = cells[3..^1];
            }
            return new Table(rows);
        }

        /// <summary>Writes what the app answered, in the table's own form, beside the tests, to compare and copy from.</summary>
        public static string WriteObserved(Dictionary<(string Method, string Template), string[]> observed)
        {
            var file = Path.Combine(AppContext.BaseDirectory, "authorization-matrix.observed.md");
            var text = new StringBuilder();
            text.AppendLine(CultureInfo.InvariantCulture, $"| Methode | Adres | {string.Join(" | ", Columns)} |");
            text.AppendLine(CultureInfo.InvariantCulture, $"|---|---|{string.Concat(Columns.Select(_ => "---|"))}");
            foreach (var ((method, template), cells) in observed.OrderBy(r => r.Key.Template, StringComparer.Ordinal).ThenBy(r => r.Key.Method, StringComparer.Ordinal))
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"| {method} | `{template}` | {string.Join(" | ", cells)} |");
            }
            File.WriteAllText(file, text.ToString());
            return file;
        }
    }

    /// <summary>Who asks: a client signed in (or not) and an antiforgery token of its own, so a refusal is never the token's.</summary>
    public sealed class Asker(ThuisClient client, string token)
    {
        public ThuisClient Client { get; } = client;

        public static bool IsRefusal(string answer) =>
            answer is "403" || answer.StartsWith("302 → /account/inloggen", StringComparison.Ordinal) || answer.StartsWith("302 → /mijn/aanmelden", StringComparison.Ordinal);

        /// <summary>The answer in the table's words: the status, and for a redirect where it leads (without the query).</summary>
        public async Task<string> AskAsync(string method, string url)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), url);
            if (method == "POST")
            {
                // A valid token and a form no page has: a page that lets the user in answers 400, one that does not 403.
                request.Content = new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["__RequestVerificationToken"] = token,
                    ["_handler"] = "matrix-geen-formulier",
                });
            }
            using var response = await Client.Http.SendAsync(request);
            var status = ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
            if (response.Headers.Location is not { } location)
            {
                return status;
            }
            var path = location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString.Split('?')[0];
            return $"{status} → {path}";
        }
    }

    /// <summary>
    /// One app with two municipalities, the newcomer of the first with a plan in force, someone signed in for every role
    /// of the first municipality, the newcomer in their own Thuis and the first municipality's volunteer in their own
    /// view (with a match in each municipality), and every save watched.
    /// </summary>
    public sealed class Matrix : IAsyncLifetime
    {
        internal PageWalkTests.SaveWatch Watch { get; } = new();

        public ThuisAppFactory App { get; }

        public TestWorld World { get; private set; } = default!;

        public HashSet<(string Method, string Template)> Endpoints { get; private set; } = [];

        /// <summary>In column order: anonymous, each staff role, the newcomer.</summary>
        public List<Asker> Askers { get; } = [];

        /// <summary>Someone with every staff role of the first municipality.</summary>
        public ThuisClient Everything { get; private set; } = default!;

        private readonly List<ThuisClient> _extraClients = [];
        private string? _samira;
        private string? _volunteer;

        public Dictionary<string, string> OwnRecords { get; private set; } = [];

        public Dictionary<string, string> OtherRecords { get; private set; } = [];

        public string OtherAtStart { get; private set; } = "";

        /// <summary>An answer with the records in a redirect's address named as in the route, e.g. <c>{NewcomerId}</c>.</summary>
        public string Readable(string answer)
        {
            var arrow = answer.IndexOf('→', StringComparison.Ordinal);
            if (arrow < 0)
            {
                return answer;
            }
            var address = answer[arrow..];
            foreach (var (name, id) in OwnRecords.Concat(OtherRecords).Where(r => Guid.TryParse(r.Value, out _)))
            {
                address = address.Replace(id, "{" + name + "}", StringComparison.OrdinalIgnoreCase);
            }
            return answer[..arrow] + address;
        }

        public Matrix() => App = new ThuisAppFactory { ConfigureTestServices = s => s.AddSingleton<IInterceptor>(Watch) };

        public async ValueTask InitializeAsync()
        {
            World = await TestWorld.SeedAsync(App);
            Endpoints = AuthorizationMatrixTests.Endpoints(App.Services);
            OwnRecords = await RecordsAsync(World.A);
            OtherRecords = await RecordsAsync(World.B);

            var anonymous = new ThuisClient(App);
            Askers.Add(new Asker(anonymous, await TokenAsync(anonymous, AccountsSetup.SignInPath)));
            foreach (var role in Roles.All)
            {
                var client = new ThuisClient(App);
                await client.SignInOrFailAsync(await World.CreateUserAsync(World.A, role));
                Askers.Add(new Asker(client, await TokenAsync(client, "/")));
            }
            var newcomer = new ThuisClient(App);
            var samira = await World.CreateNewcomerUserAsync(World.A, World.A.NewcomerId, "Samira");
            var signedIn = await newcomer.SignInAsync(samira);
            Assert.Equal(HttpStatusCode.Redirect, signedIn.Status);
            Askers.Add(new Asker(newcomer, await TokenAsync(newcomer, "/mijn")));
            _samira = samira;
            var volunteer = new ThuisClient(App);
            _volunteer = await VolunteerAccountAsync(World.A);
            Assert.Equal(HttpStatusCode.Redirect, (await volunteer.SignInAsync(_volunteer)).Status);
            Askers.Add(new Asker(volunteer, await TokenAsync(volunteer, VolunteeringSetup.StartPath)));
            Everything = new ThuisClient(App);
            await Everything.SignInOrFailAsync(await World.CreateUserAsync(World.A, [.. Roles.All]));
            OtherAtStart = await SnapshotOfOtherAsync();
        }

        /// <summary>Samira signed in to her own Thuis in a new session (the client is disposed with the fixture).</summary>
        public async Task<ThuisClient> SignInNewcomerAsync()
        {
            var client = new ThuisClient(App);
            _extraClients.Add(client);
            Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(_samira!)).Status);
            return client;
        }

        /// <summary>The volunteer of the first municipality signed in to their own view in a new session.</summary>
        public async Task<ThuisClient> SignInVolunteerAsync()
        {
            var client = new ThuisClient(App);
            _extraClients.Add(client);
            Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(_volunteer!)).Status);
            return client;
        }

        private async Task<string> VolunteerAccountAsync(TestMunicipality municipality)
        {
            await using var scope = App.Services.CreateAsyncScope();
            var email = $"eigen-vrijwilliger@{municipality.Name.ToLowerInvariant()}.test";
            var user = ThuisUser.ForVolunteer(email, municipality.VolunteerName, municipality.Id, municipality.VolunteerId);
            await DemoData.CreateUserAsync(scope.ServiceProvider.GetRequiredService<UserManager<ThuisUser>>(),
                user, TestWorld.Password, Roles.Volunteer);
            return email;
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var extra in _extraClients)
            {
                extra.Dispose();
            }
            foreach (var asker in Askers)
            {
                asker.Client.Dispose();
            }
            Everything?.Dispose();
            await App.DisposeAsync();
        }

        /// <summary>What the other municipality holds about people, as text to compare before and after.</summary>
        public async Task<string> SnapshotOfOtherAsync()
        {
            await using var scope = App.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var b = World.B.Id;
            var newcomers = await db.Newcomers.IgnoreQueryFilters().Where(n => n.MunicipalityId == b).OrderBy(n => n.Id)
                .Select(n => new { n.Id, n.Version }).ToListAsync();
            var plans = await db.IntegrationPlans.IgnoreQueryFilters().Where(p => p.MunicipalityId == b).OrderBy(p => p.Id)
                .Select(p => new { p.Id, p.Version }).ToListAsync();
            var referrals = await db.Referrals.IgnoreQueryFilters().Where(r => r.MunicipalityId == b).OrderBy(r => r.Id)
                .Select(r => new { r.Id, r.Version }).ToListAsync();
            return System.Text.Json.JsonSerializer.Serialize(new { newcomers, plans, referrals });
        }

        /// <summary>
        /// The municipality's records for every route parameter: the test world's, a step of the newcomer's plan in force,
        /// their referral as the activity their own Thuis asks about, and the calendar key of their lesson.
        /// </summary>
        private async Task<Dictionary<string, string>> RecordsAsync(TestMunicipality municipality)
        {
            var ids = municipality.RouteIds();
            ids["StepId"] = (await PlanStepAsync(municipality)).ToString();
            ids["ActivityId"] = (await OwnFeedbackTests.StartedAsync(App, new OwnFeedbackTests.OwnPerson(municipality.NewcomerId, "", "", municipality),
                ActivityKind.Arranged, Groups.Today.AddDays(-20), "Taalmaatje")).ToString();
            ids["Key"] = $"bijeenkomst-{await LessonNextWeekAsync(municipality):N}";
            ids["StatusCode"] = "404";
            // The municipality's volunteer is matched with someone: for the volunteer of A, their own match; B's is another's.
            var today = TimeProvider.System.InTheNetherlands();
            ids["VolunteerMatchId"] = (await VolunteerWorld.MatchAsync(App, municipality.Id, municipality.VolunteerId, "Maatje", "Matrix",
                today.AddDays(-10), sharesPhone: false, today: today)).ToString();
            // Same for both: addresses that name no record.
            ids["MatchId"] = ids["KeyId"] = Guid.Empty.ToString();
            return ids;
        }

        private async Task<Guid> PlanStepAsync(TestMunicipality municipality)
        {
            await using var scope = App.Services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystemFor(municipality.Id);
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var newcomer = await db.Newcomers.SingleAsync(n => n.Id == municipality.NewcomerId);
            var today = TimeProvider.System.InTheNetherlands();
            var plan = IntegrationPlan.FirstDraft(newcomer, "test", DateTimeOffset.UtcNow);
            plan.Revise(new PlanTerms(LearningRoute.B1, MainGoal.Participation, null, 4, 6, null, null, null, null, null, null, null),
                new Dictionary<ParticipationDomain, string> { [ParticipationDomain.Meeting] = "Mensen leren kennen" },
                [new StepContent(null, ParticipationDomain.Meeting, "Naar het taalcafé", StepOwner.Volunteer, null, today.AddDays(30), true, null)], today);
            plan.Fix(today, "test", DateTimeOffset.UtcNow);
            db.IntegrationPlans.Add(plan);
            await db.SaveChangesAsync();
            return plan.Steps.Single().Id;
        }

        private async Task<Guid> LessonNextWeekAsync(TestMunicipality municipality)
        {
            await using var scope = App.Services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystemFor(municipality.Id);
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var group = await db.CourseGroups.SingleAsync(g => g.Id == municipality.GroupId);
            var lesson = new Session(group, new SessionDetails(Groups.Today.AddDays(7), new TimeOnly(9, 0), new TimeOnly(11, 0), SessionKind.LanguageLesson, null, null));
            db.Sessions.Add(lesson);
            await db.SaveChangesAsync();
            return lesson.Id;
        }

        private static async Task<string> TokenAsync(ThuisClient client, string url)
        {
            var page = await client.GetAsync(url);
            return page.Document.QuerySelector("input[name='__RequestVerificationToken']")?.GetAttribute("value")
                ?? throw new InvalidOperationException($"Geen antiforgery-token op {url} ({page.Status}).");
        }
    }
}
