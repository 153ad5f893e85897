using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Thuis.Web.Data;
using Thuis.Web.Features.Own;
using Thuis.Web.Platform.Files;
using Thuis.Web.Platform.Security;
using Thuis.Web.Tests.Infrastructure;

namespace Thuis.Web.Tests;

/// <summary>
/// What people type is only ever text: payloads for HTML, attributes, URLs, SQL, spreadsheets, templates and headers go
/// through every text field of every form staff and newcomers fill in, and every page and export that shows them is read
/// back. No element or attribute of a payload appears, a CSV never starts a cell with a formula, SQL is stored as written.
/// </summary>
public sealed class InjectionTests
{
    /// <summary>What a payload adds when it is not escaped: a marker no page of Thuis has of its own.</summary>
    private const string Marker = "xss";

    public static readonly string[] Payloads =
    [
        // HTML and script
        "<script>alert('xss')</script>",
        "<SCRIPT SRC=//xss.example/x.js></SCRIPT>",
        "<img src=x onerror=alert('xss')>",
        "<svg onload=alert('xss')>",
        "<svg><script>xss()</script></svg>",
        "<iframe src=\"javascript:alert('xss')\"></iframe>",
        "<body onload=alert('xss')>",
        "<b data-xss=\"1\">vet</b>",
        "<a href=\"javascript:alert('xss')\">klik</a>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert('xss')>",
        "<details open ontoggle=alert('xss')>",
        "<input autofocus onfocus=alert('xss')>",
        "<video><source onerror=alert('xss')></video>",
        "<object data=\"javascript:alert('xss')\"></object>",
        "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert('xss')\">",
        "<style>@import 'https://xss.example/x.css';</style>",
        "</textarea><script>alert('xss')</script>",
        "</title><script>alert('xss')</script>",
        "<!--<img src=\"--><img src=x onerror=alert('xss')//\">",
        // attribute breakers
        "\"'><svg onload=alert('xss')>",
        "\" onmouseover=\"alert('xss')",
        "' onfocus='alert(\"xss\")' autofocus='",
        "\" autofocus onfocus=alert('xss') x=\"",
        "`><img src=x onerror=alert('xss')>",
        // URLs
        "javascript:alert('xss')",
        "JaVaScRiPt:alert('xss')",
        " javascript:alert('xss')",
        "java\tscript:alert('xss')",
        "data:text/html,<script>alert('xss')</script>",
        "vbscript:msgbox('xss')",
        // entities and encodings
        "&lt;script&gt;alert('xss')&lt;/script&gt;",
        "&#60;svg onload=alert('xss')&#62;",
        "%3Cscript%3Ealert('xss')%3C/script%3E",
        "\\u003cscript\\u003ealert('xss')\\u003c/script\\u003e",
        // unicode
        "Naam\u202Efdp.exe",
        "A\u200Bmina\u200D\uFEFF",
        "\u0645\u0631\u062D\u0628\u0627 <svg onload=alert('xss')>",
        // SQL
        "'; DROP TABLE \"Newcomers\";--",
        "' OR 1=1 --",
        "\" OR \"\"=\"",
        "1; DELETE FROM \"AuditEntries\" WHERE 1=1; --",
        "Robert'); DROP TABLE Students;--",
        // spreadsheet formulas
        "=cmd|' /C calc'!A0",
        "+1+1",
        "-2+3",
        "@SUM(1)",
        "=HYPERLINK(\"https://xss.example\",\"klik\")",
        "\t=1+1",
        // templates
        "@(1+1)",
        "{{7*7}}",
        "${7*7}",
        "@DateTime" + ".Now", // a Razor expression, typed; split so the architecture test does not take it for a clock read
        // paths, lengths, control characters
        "../../../../etc/passwd",
        "..\\..\\windows\\win.ini",
        new string('A', 10_000),
        "voor\0na",
        "regel\r\nSet-Cookie: xss=1\r\nX-Xss: 1",
    ];

    /// <summary>Posts per form at most; the payloads are shared out over its fields and rounds.</summary>
    private const int Rounds = 4;

    /// <summary>For addresses: one of each kind that would add an element or attribute.</summary>
    private static readonly string[] QueryPayloads =
        ["<script>alert('xss')</script>", "\"'><svg onload=alert('xss')>", "<b data-xss=\"1\">vet</b>", "\" onmouseover=\"alert('xss')", "javascript:alert('xss')"];

    private const string SqlPayload = "'; DROP TABLE \"Newcomers\";--";

    /// <summary>Pages whose forms sign someone in or out, or change sign-in itself: not where people type text about others.</summary>
    private static readonly string[] NotTyped =
        ["/account", "/mijn/aanmelden", "/mijn/activeren", "/mijn/digid", "/mijn/inloggen", "/fout", "/niet-gevonden", "/over"];

    /// <summary>Pages that end or remove something: walked last, so the rest still has its records.</summary>
    private static readonly string[] Ending = ["status", "verwijderen", "uitschrijven", "deactiveren", "intrekken", "overdragen", "tweestaps-herstellen", "rol"];

    [Fact]
    public void There_are_at_least_fifty_payloads_and_each_carries_something_to_find()
    {
        Assert.True(Payloads.Length >= 50, $"Maar {Payloads.Length} payloads.");
        Assert.Equal(Payloads.Length, Payloads.Distinct().Count());
    }

    [Fact]
    public async Task The_check_finds_every_payload_written_into_a_page_unescaped_and_none_escaped()
    {
        // Encoded payloads are text even unescaped, the header one aims at headers; the rest would add an element or attribute.
        var active = Payloads.Where(p => p.Contains(Marker, StringComparison.Ordinal) && p[0] is not ('&' or '%' or '\\') && !p.Contains('\n', StringComparison.Ordinal)).ToList();
        Assert.True(active.Count >= 30);
        foreach (var payload in active)
        {
            var raw = new List<string>();
            var escaped = new List<string>();
            Check(await PageAsync($"<p>{payload}</p><input value=\"{payload}\"><input title='{payload}'><a href=\"{payload}\">x</a>"), payload, raw);
            var encoded = WebUtility.HtmlEncode(payload);
            Check(await PageAsync($"<p>{encoded}</p><input value=\"{encoded}\"><input title='{encoded}'><a href=\"/zoek?q={Uri.EscapeDataString(payload)}\">x</a>"), payload, escaped);
            Assert.True(raw.Count > 0, $"Niet gevonden: {payload}");
            Assert.True(escaped.Count == 0, string.Join('\n', escaped));
        }
    }

    private static async Task<ThuisClient.Page> PageAsync(string body)
    {
        using var response = new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StringContent($"<!DOCTYPE html><html><body>{body}</body></html>", System.Text.Encoding.UTF8, "text/html"),
        };
        return await ThuisClient.Page.ReadAsync(response);
    }

    [Fact]
    public async Task Payloads_typed_into_every_text_field_stay_text_on_every_page_and_export()
    {
        await using var app = new ThuisAppFactory();
        var world = await TestWorld.SeedAsync(app);
        using var staff = new ThuisClient(app);
        await staff.SignInOrFailAsync(await world.CreateUserAsync(world.A, [.. Roles.All]));
        var person = await OwnAccessTests.PersonWithPlanAsync(app, world.A);
        var activity = await OwnFeedbackTests.StartedAsync(app, new OwnFeedbackTests.OwnPerson(person.Id, "Hana", "", world.A),
            ActivityKind.Arranged, Groups.Today.AddDays(-20), "Taalmaatje");
        using var newcomer = new ThuisClient(app);
        Assert.Equal(HttpStatusCode.Redirect, (await newcomer.SignInAsync(await world.CreateNewcomerUserAsync(world.A, person.Id, "Hana"))).Status);
        var records = world.A.RouteIds();
        records["StepId"] = person.StepId.ToString();
        records["ActivityId"] = activity.ToString();
        records["Key"] = "onbekend";
        records["StatusCode"] = "404";
        var newcomersBefore = await CountAsync(app, db => db.Newcomers.IgnoreQueryFilters().CountAsync());
        var problems = new List<string>();
        var stored = new List<string>();

        // 1. Every named form with text fields, filled with the payloads in turn until each went through the form.
        var templates = PageWalkTests.PageTemplates(app.Services)
            .Where(t => !NotTyped.Any(n => t.StartsWith(n, StringComparison.Ordinal)))
            .OrderBy(t => Ending.Any(e => t.EndsWith("/" + e, StringComparison.Ordinal)))
            .ThenBy(t => t, StringComparer.Ordinal)
            .ToList();
        Assert.Contains("/sociale-kaart/organisaties/nieuw", templates);
        Assert.Contains("/mijn/wat-ik-wil", templates);
        foreach (var template in templates)
        {
            var client = template.StartsWith("/mijn", StringComparison.Ordinal) ? newcomer : staff;
            var url = TenancyTests.ReplaceParameters(template, records);
            var page = await client.GetAsync(url);
            if (page.Status != HttpStatusCode.OK)
            {
                continue;
            }
            foreach (var formName in TextForms(page))
            {
                var fields = TextFields(page.Form(formName)).ToList();
                // Several payloads to a field, in a few rounds, so every payload goes through every form without a post each.
                var rounds = Math.Min(Rounds, (Payloads.Length + fields.Count - 1) / fields.Count);
                var perField = (Payloads.Length + fields.Count * rounds - 1) / (fields.Count * rounds);
                for (var round = 0; round < rounds; round++)
                {
                    var chunks = fields.Select((f, i) => (Name: f.GetAttribute("name")!,
                            Chunk: Payloads.Skip(((round * fields.Count) + i) * perField).Take(perField).DefaultIfEmpty(Payloads[i % Payloads.Length]).ToList()))
                        .ToList();
                    var (answer, saved) = await SubmitAsync(client, url, formName, chunks, fields, problems);
                    if (saved)
                    {
                        stored.Add($"{template} ({formName})");
                    }
                    if (answer.Status == HttpStatusCode.Redirect && answer.Location is { } next && next.StartsWith('/'))
                    {
                        Check(await client.GetAsync(next), $"na {formName} op {url}: {next}", problems);
                    }
                }
            }
        }

        // 2. Searches and filters: every query parameter of every page, with payloads.
        foreach (var (template, names) in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Template: e.RoutePattern.RawText, Page: e.Metadata.GetMetadata<ComponentTypeMetadata>()?.Type))
            .Where(p => p.Page is not null && p.Template is not null && templates.Contains(p.Template))
            .Select(p => (p.Template!, OddAddressTests.QueryParameterNames(p.Page!)))
            .Where(p => p.Item2.Count > 0)
            .DistinctBy(p => p.Item1))
        {
            var client = template.StartsWith("/mijn", StringComparison.Ordinal) ? newcomer : staff;
            foreach (var payload in QueryPayloads)
            {
                var url = $"{TenancyTests.ReplaceParameters(template, records)}?{string.Join('&', names.Select(n => $"{n}={Uri.EscapeDataString(payload)}"))}";
                Check(await client.GetAsync(url), url, problems);
            }
        }

        // 3. Every page again, now showing what was stored (the stylesheets and scripts are files of Thuis, not pages).
        var files = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.StaticAssets.StaticAssetDescriptor>() is not null)
            .Select(e => e.RoutePattern.RawText).ToHashSet();
        foreach (var template in PageWalkTests.PageTemplates(app.Services).Where(t => !files.Contains(t)))
        {
            var client = template.StartsWith("/mijn", StringComparison.Ordinal) ? newcomer : staff;
            var url = TenancyTests.ReplaceParameters(template, records);
            Check(await client.GetAsync(url), url, problems);
        }

        Check(await staff.GetAsync("/dossiers?wie=alle"), "/dossiers?wie=alle", problems);

        // 4. The exports: no cell a spreadsheet would run, and the payloads that look like formulas are in them, defused.
        var defused = 0;
        foreach (var export in new[] { "/sociale-kaart/export/organisaties.csv", "/sociale-kaart/export/aanbod.csv", "/vrijwilligers/export.csv", "/audit/export.csv" })
        {
            using var response = await staff.Http.GetAsync(export);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{export} gaf {response.StatusCode}");
            // Field by field as written: the import's reader takes Thuis's own apostrophe off again, a spreadsheet does not.
            var text = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF');
            foreach (var cell in CsvText.ReadRecords(new StringReader(text), ';').SelectMany(r => r))
            {
                if (cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r' && CsvFile.Defused(cell) != cell)
                {
                    problems.Add($"{export}: de cel '{cell}' wordt in een spreadsheet een formule");
                }
                defused += cell.StartsWith("'=cmd|", StringComparison.Ordinal) || cell.StartsWith("'+1+1", StringComparison.Ordinal)
                    || cell.StartsWith("'-2+3", StringComparison.Ordinal) || cell.StartsWith("'@SUM(", StringComparison.Ordinal) ? 1 : 0;
            }
        }
        using (var own = await newcomer.Http.GetAsync(OwnSetup.DataDownloadPath))
        {
            Assert.Equal(HttpStatusCode.OK, own.StatusCode);
            // The person's own data is JSON: it reads as JSON whatever they typed.
            System.Text.Json.JsonDocument.Parse(await own.Content.ReadAsStringAsync()).Dispose();
        }

        Assert.True(problems.Count == 0, $"{problems.Count} probleem/problemen:\n" + string.Join('\n', problems.Distinct().Take(80)));
        var forms = stored.Distinct().ToList();
        Assert.True(forms.Count >= 25, $"Maar {forms.Count} formulieren sloegen payloads op:\n" + string.Join('\n', forms));
        string[] mustStore = ["/sociale-kaart/organisaties/nieuw", "/dossiers/{NewcomerId:guid}/bewerken", "/mijn/wat-ik-wil"];
        Assert.True(mustStore.All(m => forms.Any(f => f.StartsWith(m + " ", StringComparison.Ordinal))),
            "Niet opgeslagen: " + string.Join(", ", mustStore.Where(m => !forms.Any(f => f.StartsWith(m + " ", StringComparison.Ordinal))))
            + "\nWel:\n" + string.Join('\n', forms));
        Assert.True(defused > 0, "Geen enkele formule-payload kwam geneutraliseerd in een export.");
        Assert.True(await CountAsync(app, db => db.Newcomers.IgnoreQueryFilters().CountAsync()) >= newcomersBefore);
    }

    [Fact]
    public async Task SQL_typed_into_a_name_is_stored_as_written_and_the_database_stays_whole()
    {
        await using var app = new ThuisAppFactory();
        var world = await TestWorld.SeedAsync(app);
        using var coordinator = new ThuisClient(app);
        await coordinator.SignInOrFailAsync(await world.CreateUserAsync(world.A, Roles.Coordinator));
        var sql = Payloads.Where(p => p.Contains("DROP", StringComparison.Ordinal) || p.Contains(" OR ", StringComparison.Ordinal)
            || p.Contains("DELETE", StringComparison.Ordinal)).ToList();
        Assert.Contains(SqlPayload, sql);
        var auditBefore = await CountAsync(app, db => db.AuditEntries.IgnoreQueryFilters().CountAsync());

        foreach (var payload in sql)
        {
            var saved = await coordinator.SubmitAsync("/sociale-kaart/organisaties/nieuw", "organisatie-toevoegen",
                new Dictionary<string, string> { ["Input.Name"] = payload });
            Assert.True(saved.Status == HttpStatusCode.Redirect, $"{payload}: {saved.Status} {saved.Text}");
        }

        var names = await Groups.ReadAsync(app, world.A, db => db.Organisations.Select(o => o.Name).ToListAsync());
        Assert.All(sql, payload => Assert.Contains(payload, names));
        Assert.Equal(2, await CountAsync(app, db => db.Newcomers.IgnoreQueryFilters().CountAsync()));
        Assert.True(await CountAsync(app, db => db.AuditEntries.IgnoreQueryFilters().CountAsync()) > auditBefore);
        var map = await coordinator.GetAsync("/sociale-kaart");
        Assert.Contains(SqlPayload, map.Text, StringComparison.Ordinal);
    }

    /// <summary>
    /// Posts the form; fields the page refuses (too long, not a date, not an address) get the value the page showed or a
    /// plain one, and the form is posted again, so the other payloads are still stored.
    /// </summary>
    private static async Task<(ThuisClient.Page Answer, bool Saved)> SubmitAsync(ThuisClient client, string url, string formName,
        List<(string Name, List<string> Chunk)> chunks, List<IElement> fields, List<string> problems)
    {
        var page = await client.GetAsync(url);
        if (page.Status != HttpStatusCode.OK || !TextForms(page).Contains(formName))
        {
            return (page, false);
        }
        var values = chunks.ToDictionary(c => c.Name, c => string.Join(' ', c.Chunk));
        // A refused field gets one payload of its share, then what the page showed, then nothing, then a plain value.
        var fallbacks = chunks.ToDictionary(c => c.Name, c => new Queue<string>([c.Chunk[0], .. Shown(fields.First(f => f.GetAttribute("name") == c.Name)), "", Plain(fields.First(f => f.GetAttribute("name") == c.Name))]));
        ThuisClient.Page answer = page;
        for (var attempt = 0; attempt < 5; attempt++)
        {
            answer = await client.PostFormAsync(page, formName, values);
            Check(answer, $"POST {url} ({formName})", problems);
            if (answer.Status == HttpStatusCode.Redirect)
            {
                return (answer, true);
            }
            var refused = answer.Document.QuerySelectorAll("[aria-invalid=true], .invalid, .utrecht-form-field--invalid input, .utrecht-form-field--invalid textarea")
                .Select(e => e.GetAttribute("name")).OfType<string>().Where(values.ContainsKey).Distinct().ToList();
            if (answer.Status != HttpStatusCode.OK || refused.Count == 0)
            {
                // Shown again without a refused field: saved on the page itself.
                return (answer, answer.Status == HttpStatusCode.OK && answer.Document.QuerySelector(".utrecht-alert--error, [role=alert]") is null);
            }
            foreach (var name in refused)
            {
                while (fallbacks[name].TryDequeue(out var next))
                {
                    if (next != values[name])
                    {
                        values[name] = next;
                        break;
                    }
                }
            }
        }
        return (answer, false);
    }

    private static IEnumerable<string> Shown(IElement field) =>
        (field is IHtmlTextAreaElement area ? area.Value : (field as IHtmlInputElement)?.Value) is { Length: > 0 } shown ? [shown] : [];

    private static string Plain(IElement field) => (field as IHtmlInputElement)?.Type switch
    {
        "email" => $"iemand-{Guid.NewGuid():N}@example.test",
        "tel" => "0612345678",
        "url" => "https://example.test",
        _ => "Gewone tekst",
    };

    /// <summary>The named forms of a page that have somewhere to type text.</summary>
    private static List<string> TextForms(ThuisClient.Page page) =>
        [.. page.Document.Forms
            .Where(f => TextFields(f).Any())
            .Select(f => f.Elements.OfType<IHtmlInputElement>().FirstOrDefault(i => i.Name == "_handler")?.Value)
            .OfType<string>()];

    private static IEnumerable<IElement> TextFields(IHtmlFormElement form) =>
        form.Elements.Where(e => !string.IsNullOrEmpty(e.GetAttribute("name")) && e switch
        {
            IHtmlTextAreaElement => true,
            IHtmlInputElement input => input.Type is "text" or "search" or "url" or "tel" or "email" && !input.IsReadOnly,
            _ => false,
        });

    /// <summary>Looks for anything a payload would add to the page when not escaped, and for pages that broke.</summary>
    private static void Check(ThuisClient.Page page, string where, List<string> problems)
    {
        if ((int)page.Status >= 500)
        {
            problems.Add($"{where}: {(int)page.Status}");
        }
        foreach (var header in page.Response.Headers.Concat(page.Response.Content.Headers))
        {
            if (header.Key.Contains(Marker, StringComparison.OrdinalIgnoreCase) || header.Value.Any(v => v.Contains("xss=", StringComparison.OrdinalIgnoreCase)))
            {
                problems.Add($"{where}: kop {header.Key}: {string.Join(", ", header.Value)}");
            }
        }
        if (page.Response.Content.Headers.ContentType?.MediaType != "text/html")
        {
            // Files (CSV, JSON, calendars) are never shown as a page; the exports are read below as what they are.
            return;
        }
        foreach (var element in page.Document.All)
        {
            foreach (var attribute in element.Attributes)
            {
                var value = new string(attribute.Value.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)).ToArray());
                if (attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase) || attribute.Name.Contains(Marker, StringComparison.OrdinalIgnoreCase)
                    || (attribute.Name is "href" or "src" or "action" or "formaction" or "data" or "content"
                        && (value.Contains("javascript:", StringComparison.OrdinalIgnoreCase) || value.Contains("vbscript:", StringComparison.OrdinalIgnoreCase)
                            || value.StartsWith("data:text/html", StringComparison.OrdinalIgnoreCase))))
                {
                    problems.Add($"{where}: <{element.LocalName} {attribute.Name}=\"{attribute.Value}\">");
                }
            }
            if (element.LocalName is "script" or "style" or "iframe" or "object" or "svg" or "math" or "meta" or "base" or "embed"
                && element.OuterHtml.Contains(Marker, StringComparison.OrdinalIgnoreCase))
            {
                problems.Add($"{where}: {element.OuterHtml[..Math.Min(120, element.OuterHtml.Length)]}");
            }
        }
    }

    private static async Task<int> CountAsync(ThuisAppFactory app, Func<AppDbContext, Task<int>> count)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await count(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }
}
