using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Thuis.Web.Data;

namespace Thuis.Bench.Scale;

/// <summary>
/// Starts the real app (the Release build, as a separate process on 127.0.0.1), signs in over HTTP as a generated case
/// manager and the coordinator, and puts each page under a steady load with wrk: /health/live as the trivial baseline,
/// the caseload, one dossier, the start page (inbox) and the report. wrk's Debian build has no fixed-rate mode, so a
/// Lua script paces every connection with delay() to about the asked rate (the delay less the page's median time in the
/// warm-up), and counts every answer that is not 200.
/// </summary>
internal static partial class PageLoadBenchmark
{
    private const string Script = """
        local threads = {}
        function setup(thread) table.insert(threads, thread) end
        function init(args) not_ok = 0 end
        function delay() return DELAY_MS end
        function response(status, headers, body) if status ~= 200 then not_ok = not_ok + 1 end end
        function done(summary, latency, requests)
          local bad = 0
          for _, t in ipairs(threads) do bad = bad + t:get("not_ok") end
          local e = summary.errors
          io.write(string.format("RESULT requests=%d duration_us=%d p50=%d p75=%d p90=%d p95=%d p99=%d max=%d not_ok=%d connect=%d read=%d write=%d timeout=%d status=%d\n",
            summary.requests, summary.duration, latency:percentile(50), latency:percentile(75), latency:percentile(90),
            latency:percentile(95), latency:percentile(99), latency.max, bad, e.connect, e.read, e.write, e.timeout, e.status))
        end
        """;

    public static async Task<int> RunAsync(Arguments args)
    {
        var target = Target.From(args);
        var port = args.Get("port", 5180);
        var duration = args.Get("duration", 30);
        var warmUp = args.Get("warmup", 5);
        var rate = args.Get("rate", 100);
        var connections = args.Get("connections", 10);
        var baseUrl = $"http://127.0.0.1:{port}";
        var web = ScaleApp.WebProjectFolder();
        var dll = Path.Combine(web, "bin", "Release", "net10.0", "Thuis.Web.dll");
        if (!File.Exists(dll))
        {
            Console.WriteLine($"Build the app first: dotnet build src/Thuis.Web -c Release ({dll} not found)");
            return 1;
        }

        using var server = StartApp(dll, web, baseUrl, target);
        try
        {
            await WaitUntilLiveAsync(baseUrl);
            var caseManager = await SignInAsync(baseUrl, GenerateMunicipality.CaseManagerEmail(1));
            var coordinator = await SignInAsync(baseUrl, GenerateMunicipality.CoordinatorEmail);
            var dossier = await FirstDossierAsync(baseUrl, caseManager);
            (string Name, string Path, string? Cookie)[] pages =
            [
                ("health (baseline)", "/health/live", null),
                ("caseload", "/dossiers", caseManager),
                ("dossier", $"/dossiers/{dossier}", caseManager),
                ("start page (inbox)", "/", caseManager),
                ("report", "/rapportages", coordinator),
            ];
            var script = Path.Combine(Path.GetTempPath(), $"thuis-paced-{Environment.ProcessId}.lua");
            var interval = 1000 * connections / rate;
            var load = Machine.LoadAverage();
            var results = new JsonObject();
            var failed = false;
            foreach (var (name, path, cookie) in pages)
            {
                await WriteScriptAsync(script, interval);
                var warm = await WrkAsync(baseUrl + path, cookie, script, warmUp, connections);
                // A connection sends its next request a delay after the answer, so the delay leaves room for the page's
                // own time (its median in the warm-up) to keep the asked rate rather than fall short by it.
                var delay = Math.Max(0, (int)Math.Round(interval - warm["p50Ms"]!.GetValue<double>()));
                await WriteScriptAsync(script, delay);
                var result = await WrkAsync(baseUrl + path, cookie, script, duration, connections);
                result["delayMs"] = delay;
                var p95 = result["p95Ms"]!.GetValue<double>();
                var errors = result["errors"]!.GetValue<long>();
                failed |= errors > 0;
                Console.WriteLine(FormattableString.Invariant(
                    $"{name,-20} {result["requestsPerSecond"],6} req/s  p50 {result["p50Ms"],7} ms  p95 {p95,7} ms  p99 {result["p99Ms"],7} ms  errors {errors}  {(p95 <= 100 && errors == 0 ? "ok" : "MISSED")}"));
                result["path"] = path.StartsWith("/dossiers/", StringComparison.Ordinal) ? "/dossiers/{id}" : path;
                results[name] = result;
            }
            File.Delete(script);
            results["targetRequestsPerSecond"] = rate;
            results["connections"] = connections;
            results["durationSeconds"] = duration;
            results["loadAverageBefore"] = load;
            results["loadAverageAfter"] = Machine.LoadAverage();
            results["at"] = DateTimeOffset.UtcNow.ToString("u", CultureInfo.InvariantCulture);
            Machine.Save(args.Get("out", "bench/results/scale.json"), $"pages-{target.Provider.ToString().ToLowerInvariant()}{args.Get("label", "")}", results);
            return failed ? 2 : 0;
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
        }
    }

    private static Process StartApp(string dll, string web, string baseUrl, Target target)
    {
        var start = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = web,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_URLS"] = baseUrl;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Database__Provider"] = target.Provider == DatabaseProvider.Postgres ? "Postgres" : "Sqlite";
        start.Environment["Database__ConnectionString"] = target.ConnectionString;
        start.Environment["Demo__SeedOnFirstStart"] = "false";
        start.Environment["Signals__Evaluate"] = "false";
        start.Environment["SignIn__PermitPerMinutePerAddress"] = "1000";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(start) ?? throw new InvalidOperationException("De app start niet.");
        // Drain the app's output so it never blocks on a full pipe; show errors.
        process.OutputDataReceived += (_, e) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                Console.Error.WriteLine(e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitUntilLiveAsync(string baseUrl)
    {
        using var http = new HttpClient();
        for (var i = 0; i < 240; i++)
        {
            try
            {
                using var response = await http.GetAsync(new Uri(baseUrl + "/health/live"));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(500);
        }
        throw new TimeoutException("De app werd niet bereikbaar.");
    }

    /// <summary>Signs in through the real form (antiforgery token and all) and returns the Cookie header that carries the session.</summary>
    private static async Task<string> SignInAsync(string baseUrl, string email)
    {
        var cookies = new CookieContainer();
        using var handler = new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false };
        using var http = new HttpClient(handler) { BaseAddress = new Uri(baseUrl) };
        var page = await http.GetStringAsync(new Uri("/account/inloggen", UriKind.Relative));
        // The page holds more forms (the language switch); take the sign-in form's own fields.
        var form = page.Split("<form").Single(f => f.Contains("value=\"inloggen\"", StringComparison.Ordinal));
        var fields = HiddenInput().Matches(form).ToDictionary(m => WebUtility.HtmlDecode(m.Groups["name"].Value), m => WebUtility.HtmlDecode(m.Groups["value"].Value));
        fields["Input.Email"] = email;
        fields["Input.Password"] = DemoData.Password;
        using var content = new FormUrlEncodedContent(fields);
        using var response = await http.PostAsync(new Uri("/account/inloggen", UriKind.Relative), content);
        var header = cookies.GetCookieHeader(new Uri(baseUrl));
        // A refused sign-in shows the form again; a good one sends the session cookie and leads away from the account pages.
        if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.AbsolutePath.StartsWith("/account", StringComparison.Ordinal) != false
            || !response.Headers.Contains("Set-Cookie"))
        {
            throw new InvalidOperationException($"Inloggen als {email} mislukte: {(int)response.StatusCode}");
        }
        return header;
    }

    private static async Task<string> FirstDossierAsync(string baseUrl, string cookie)
    {
        using var http = new HttpClient { BaseAddress = new Uri(baseUrl) };
        http.DefaultRequestHeaders.Add("Cookie", cookie);
        var page = await http.GetStringAsync(new Uri("/dossiers", UriKind.Relative));
        return DossierLink().Match(page) is { Success: true } match ? match.Groups["id"].Value
            : throw new InvalidOperationException("Geen dossier op de caseload gevonden.");
    }

    private static Task WriteScriptAsync(string path, int delayMs) =>
        File.WriteAllTextAsync(path, Script.Replace("DELAY_MS", delayMs.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));

    private static async Task<JsonObject> WrkAsync(string url, string? cookie, string script, int seconds, int connections)
    {
        var start = new ProcessStartInfo("wrk") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-t2", $"-c{connections}", $"-d{seconds}s", "--latency", "--timeout", "10s", "-s", script })
        {
            start.ArgumentList.Add(argument);
        }
        if (cookie is not null)
        {
            start.ArgumentList.Add("-H");
            start.ArgumentList.Add($"Cookie: {cookie}");
        }
        start.ArgumentList.Add(url);
        using var wrk = Process.Start(start) ?? throw new InvalidOperationException("wrk start niet (apt-get install -y wrk).");
        var output = await wrk.StandardOutput.ReadToEndAsync();
        await wrk.WaitForExitAsync();
        var line = output.Split('\n').FirstOrDefault(l => l.StartsWith("RESULT ", StringComparison.Ordinal))
            ?? throw new InvalidOperationException("wrk gaf geen resultaat:\n" + output + await wrk.StandardError.ReadToEndAsync());
        var values = line[7..].Split(' ').Select(p => p.Split('=')).ToDictionary(p => p[0], p => long.Parse(p[1], CultureInfo.InvariantCulture));
        static double Ms(long microseconds) => Math.Round(microseconds / 1000.0, 2);
        // A page so slow that no request finished in the run has no latency to show: every connection counts as an error.
        var unanswered = values["requests"] == 0 ? connections : 0;
        var errors = values["not_ok"] + values["connect"] + values["read"] + values["write"] + values["timeout"] + unanswered;
        return new JsonObject
        {
            ["requests"] = values["requests"],
            ["requestsPerSecond"] = Math.Round(values["requests"] / (values["duration_us"] / 1_000_000.0), 1),
            ["p50Ms"] = Ms(values["p50"]),
            ["p75Ms"] = Ms(values["p75"]),
            ["p90Ms"] = Ms(values["p90"]),
            ["p95Ms"] = Ms(values["p95"]),
            ["p99Ms"] = Ms(values["p99"]),
            ["maxMs"] = Ms(values["max"]),
            ["errors"] = errors,
            ["notOk"] = values["not_ok"],
            ["socketErrors"] = values["connect"] + values["read"] + values["write"] + values["timeout"],
            ["unanswered"] = unanswered,
            ["wrk"] = output.Trim(),
        };
    }

    [GeneratedRegex("<input[^>]*type=\"hidden\"[^>]*name=\"(?<name>[^\"]+)\"[^>]*value=\"(?<value>[^\"]*)\"")]
    private static partial Regex HiddenInput();

    [GeneratedRegex("href=\"/?dossiers/(?<id>[0-9a-fA-F-]{36})\"")]
    private static partial Regex DossierLink();
}
