using System.Globalization;
using System.Net;
using Npgsql;
using Thuis.Web.Data;
using Thuis.Web.Features.Dossiers;
using Thuis.Web.Features.Signals;
using Thuis.Web.Tests.Infrastructure;

namespace Thuis.Web.Tests;

/// <summary>
/// Three Thuis processes on one throwaway PostgreSQL database, as behind a load balancer: they start at once (one
/// migrates and seeds, the others wait), a session made on one node is good on the others (the key ring is in the
/// database, sealed), conflicting edits through different nodes are caught, the signal job runs once per interval
/// across the nodes and raises no signal twice, and a node killed while it holds the job's lease is taken over.
/// Needs PostgreSQL: test.sh runs it in the PostgreSQL pass only (trait Database=PostgreSQL).
/// </summary>
[Trait("Database", "PostgreSQL")]
public sealed class MultiNodeTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(6);

    [Fact]
    public async Task Three_nodes_share_sessions_catch_conflicting_edits_run_the_signal_job_once_per_interval_and_take_over_a_killed_node()
    {
        var server = Environment.GetEnvironmentVariable(TestDatabase.PostgresVariable);
        Assert.False(string.IsNullOrWhiteSpace(server),
            $"Drie knooppunten hebben PostgreSQL nodig: zet {TestDatabase.PostgresVariable} (test.sh doet dat in de PostgreSQL-ronde).");
        var database = TestDatabase.CreateFresh();
        var settings = new Dictionary<string, string?>
        {
            // Development, so that the demo data (and its accounts) is seeded, on PostgreSQL because it is asked.
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Database:Provider"] = database.Provider,
            ["Database:ConnectionString"] = database.ConnectionString,
            ["Demo:SeedOnFirstStart"] = "true",
            [DemoData.OnPostgresSetting] = "true",
            ["DataProtection:Store"] = "Database",
            ["DataProtection:KeyEncryptionKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
            ["Audit:Key"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
            ["Audit:Checkpoints"] = "false",
            ["SignIn:PermitPerMinutePerAddress"] = "100000",
            ["Reports:CountAtStart"] = "false",
            ["Retention:Run"] = "false",
            ["Signals:Evaluate"] = "true",
            ["Signals:IntervalMinutes"] = Interval.TotalMinutes.ToString(CultureInfo.InvariantCulture),
            ["Jobs:PollSeconds"] = "1",
            ["Jobs:LeaseSeconds"] = "3",
            // A node waits after taking the lease, so that the test can kill the node that holds it.
            ["Jobs:HoldAfterTakingSeconds"] = "2",
        };
        var nodes = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => AppProcess.StartAsync(settings)));
        try
        {
            // A session made on node 1 is good on nodes 2 and 3, forms included.
            using var first = nodes[0].NewClient();
            var signInPage = await first.GetAsync("/account/inloggen");
            Assert.True(signInPage.Status == HttpStatusCode.OK, $"De inlogpagina gaf {signInPage.Status}.\n{nodes[0].Output}");
            Assert.Equal(HttpStatusCode.Redirect, (await first.SignInAsync("klantregisseur@dalfsen.example", DemoData.Password)).Status);
            var list = await first.GetAsync("/dossiers?wie=alle");
            Assert.Equal(HttpStatusCode.OK, list.Status);
            var dossier = list.Document.QuerySelectorAll("a[href^='/dossiers/']").Select(a => a.GetAttribute("href")!)
                .First(href => Guid.TryParse(href["/dossiers/".Length..], out _));
            using var second = nodes[1].NewClient();
            using var third = nodes[2].NewClient();
            second.UseCopiedCookies(first.CookieHeader);
            third.UseCopiedCookies(first.CookieHeader);
            foreach (var other in new[] { second, third })
            {
                var page = await other.GetAsync(dossier);
                Assert.True(page.Status == HttpStatusCode.OK, $"{dossier} op een ander knooppunt gaf {page.Status}");
                Assert.Contains("Karin Klantregisseur", page.Text, StringComparison.Ordinal);
            }

            // The same form opened on node 2 and node 3: the first save wins, the second is told and loses nothing.
            var onSecond = await second.GetAsync($"{dossier}/bewerken");
            var onThird = await third.GetAsync($"{dossier}/bewerken");
            var saved = await second.PostFormAsync(onSecond, "gegevens", new Dictionary<string, string> { ["Input.Phone"] = "06 1111 2222" });
            Assert.Equal(HttpStatusCode.Redirect, saved.Status);
            var refused = await third.PostFormAsync(onThird, "gegevens", new Dictionary<string, string> { ["Input.Phone"] = "06 3333 4444" });
            Assert.Contains(EditNewcomer.ChangedMeanwhile, refused.Text, StringComparison.Ordinal);
            Assert.Equal("06 3333 4444", refused.ValueOf("Input.Phone"));
            Assert.Equal("06 1111 2222", (await first.GetAsync($"{dossier}/bewerken")).ValueOf("Input.Phone"));

            // The signal job: watched for a few intervals, every run starts at least one interval after the one before,
            // whichever node ran it, and no signal is open twice.
            var runs = await WatchRunsAsync(database.ConnectionString, TimeSpan.FromSeconds(20));
            Assert.True(runs.Count >= 2, $"De signaaltaak draaide {runs.Count} keer in 20 s.\n{Outputs(nodes)}");
            foreach (var (earlier, later) in runs.Zip(runs.Skip(1)))
            {
                Assert.True(later.Started - earlier.Started >= Interval,
                    $"Twee rondes binnen één interval: {earlier.Started:O} ({earlier.By}) en {later.Started:O} ({later.By})");
            }
            Assert.Equal(0, await ScalarAsync(database.ConnectionString, """
                SELECT count(*) FROM (SELECT 1 FROM "Signals" WHERE "ClosedOn" IS NULL
                GROUP BY "MunicipalityId", "NewcomerId", "Kind", "SubjectId" HAVING count(*) > 1) AS twice
                """));
            Assert.True(await ScalarAsync(database.ConnectionString, """SELECT count(*) FROM "Signals" """) > 0, "De demo heeft signalen.");

            // The node that holds the lease dies while it holds it: another node runs the job once the lease runs out.
            var holder = await WaitForAsync(() => HolderAsync(database.ConnectionString), TimeSpan.FromSeconds(30));
            var dying = nodes.Single(n => holder.Contains($":{n.Id}:", StringComparison.Ordinal));
            var before = (await WatchRunsAsync(database.ConnectionString, TimeSpan.Zero)).LastOrDefault();
            dying.Kill();
            var takenOver = await WaitForAsync(async () =>
            {
                var last = (await WatchRunsAsync(database.ConnectionString, TimeSpan.Zero)).LastOrDefault();
                return last is not null && last != before ? last : null;
            }, TimeSpan.FromSeconds(30));
            Assert.NotEqual(holder, takenOver.By);
            Assert.Contains(nodes.Where(n => n != dying), n => takenOver.By.Contains($":{n.Id}:", StringComparison.Ordinal));
        }
        finally
        {
            foreach (var node in nodes)
            {
                await node.DisposeAsync();
            }
        }
    }

    private sealed record Run(DateTimeOffset Started, string By);

    /// <summary>The signal job's completed runs seen in the lease row, looked at twice a second for <paramref name="during"/>.</summary>
    private static async Task<List<Run>> WatchRunsAsync(string connectionString, TimeSpan during)
    {
        var runs = new List<Run>();
        var until = DateTime.UtcNow + during;
        do
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("""SELECT "LastRunStarted", "LastRunBy" FROM "JobLeases" WHERE "Name" = @name""", connection);
            command.Parameters.AddWithValue("name", SignalEvaluationService.JobName);
            await using var reader = await command.ExecuteReaderAsync();
            if (await reader.ReadAsync() && !await reader.IsDBNullAsync(0))
            {
                var run = new Run(DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(0)), reader.GetString(1));
                if (runs.Count == 0 || runs[^1] != run)
                {
                    runs.Add(run);
                }
            }
            if (during > TimeSpan.Zero)
            {
                await Task.Delay(500);
            }
        }
        while (DateTime.UtcNow < until);
        return runs;
    }

    private static async Task<string?> HolderAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""SELECT "Holder" FROM "JobLeases" WHERE "Name" = @name""", connection);
        command.Parameters.AddWithValue("name", SignalEvaluationService.JobName);
        return await command.ExecuteScalarAsync() as string;
    }

    private static async Task<long> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private static async Task<T> WaitForAsync<T>(Func<Task<T?>> look, TimeSpan timeout)
        where T : class
    {
        var until = DateTime.UtcNow + timeout;
        while (true)
        {
            if (await look() is { } found)
            {
                return found;
            }
            Assert.True(DateTime.UtcNow < until, $"Na {timeout.TotalSeconds} s nog niet gezien.");
            await Task.Delay(100);
        }
    }

    private static string Outputs(AppProcess[] nodes) => string.Join("\n---\n", nodes.Select(n => n.Output));
}
