using System.Collections.Concurrent;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Thuis.Web.Platform.Security;
using Thuis.Web.Tests.Infrastructure;

namespace Thuis.Web.Tests;

/// <summary>
/// What Thuis confirmed stays confirmed: several case managers register newcomers at once through the real form, the
/// process is killed without warning (SIGKILL) in the middle of it, and after a restart on the same database every
/// registration that was answered with its dossier's address opens, and the audit chain is whole. On SQLite (write-ahead
/// log) and, in CI, on PostgreSQL.
/// </summary>
public sealed partial class DurabilityTests
{
    private const int Writers = 4;
    private const int AcknowledgedBeforeKill = 40;

    [Fact]
    public async Task Every_acknowledged_registration_survives_a_SIGKILL_and_a_restart()
    {
        var (settings, world, email) = await Registrations.SeedAsync();
        var acknowledged = new ConcurrentDictionary<Guid, string>();
        var refused = new ConcurrentQueue<string>();

        var app = await AppProcess.StartAsync(settings);
        int killedWith;
        await using (app)
        {
            var clients = new List<ThuisClient>();
            for (var i = 0; i < Writers; i++)
            {
                var client = app.NewClient();
                await client.SignInOrFailAsync(email);
                clients.Add(client);
            }
            var enough = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var killed = false;
            var writers = clients.Select((client, writer) => Task.Run(async () =>
            {
                for (var n = 0; !Volatile.Read(ref killed); n++)
                {
                    var family = Registrations.FamilyName(writer, n);
                    ThuisClient.Page page;
                    try
                    {
                        page = await Registrations.RegisterAsync(client, family);
                    }
                    catch (Exception e) when (e is HttpRequestException or IOException && Volatile.Read(ref killed))
                    {
                        return; // in flight when the process died: never acknowledged
                    }
                    if (page.Status == HttpStatusCode.Redirect && DossierAddress().Match(page.Location ?? "") is { Success: true } match)
                    {
                        acknowledged[Guid.Parse(match.Groups[1].Value)] = family;
                        if (acknowledged.Count >= AcknowledgedBeforeKill)
                        {
                            enough.TrySetResult();
                        }
                    }
                    else if (!Volatile.Read(ref killed))
                    {
                        refused.Enqueue($"{family}: {page.Status} {page.Location} {page.Text[..Math.Min(200, page.Text.Length)]}");
                        enough.TrySetResult();
                        return;
                    }
                }
            })).ToList();

            await enough.Task.WaitAsync(TimeSpan.FromSeconds(120));
            Volatile.Write(ref killed, true);
            app.Kill();
            await Task.WhenAll(writers);
            killedWith = app.ExitCode;
            clients.ForEach(c => c.Dispose());
        }

        Assert.Empty(refused);
        Assert.Equal(128 + 9, killedWith);
        Assert.True(acknowledged.Count >= AcknowledgedBeforeKill, $"{acknowledged.Count} registraties bevestigd");

        await using (var restarted = await AppProcess.StartAsync(settings))
        {
            using var reader = restarted.NewClient();
            await reader.SignInOrFailAsync(email);
            foreach (var (id, family) in acknowledged)
            {
                var dossier = await reader.GetAsync($"/dossiers/{id}");
                Assert.True(dossier.Status == HttpStatusCode.OK && dossier.Text.Contains(family, StringComparison.Ordinal),
                    $"Bevestigde registratie {family} ({id}) is na de herstart weg: {dossier.Status}");
            }
        }

        await using var check = new ThuisAppFactory(settings: settings);
        var report = await AuditTampering.VerifyAsync(check, world.A.Id);
        Assert.True(report.IsIntact, string.Join("; ", report.Problems));
        SqliteConnection.ClearAllPools();
    }

    [GeneratedRegex("^/dossiers/([0-9a-f-]{36})\\?geregistreerd=1$")]
    internal static partial Regex DossierAddress();
}

/// <summary>Registering newcomers through the real form, as a case manager does, on an app started as its own process.</summary>
internal static class Registrations
{
    private static int _born;

    /// <summary>
    /// A fresh database with the test world and a case manager of municipality A, made by the app in this process, which
    /// is then stopped: its settings start the app again as its own process on the same data.
    /// </summary>
    public static async Task<(Dictionary<string, string?> Settings, TestWorld World, string CaseManager)> SeedAsync(
        IDictionary<string, string?>? settings = null)
    {
        TestWorld world;
        string email;
        Dictionary<string, string?> all;
        await using (var seed = new ThuisAppFactory(settings: settings))
        {
            world = await TestWorld.SeedAsync(seed);
            email = await world.CreateUserAsync(world.A, Roles.CaseManager);
            all = new Dictionary<string, string?>(seed.Settings);
        }
        SqliteConnection.ClearAllPools();
        return (all, world, email);
    }

    /// <summary>A family name no other registration has, of letters only: "Duurzaam" and the writer and number spelled in letters.</summary>
    public static string FamilyName(int writer, int n) =>
        $"Duurzaam{string.Concat($"{writer}x{n}".Select(c => c == 'x' ? 'x' : (char)('a' + (c - '0'))))}";

    /// <summary>Searches first, as the page asks, then registers a newcomer with a birth date no other registration has.</summary>
    public static Task<ThuisClient.Page> RegisterAsync(ThuisClient client, string family)
    {
        var born = new DateOnly(1960, 1, 1).AddDays(Interlocked.Increment(ref _born));
        return client.SubmitAsync($"/dossiers/nieuw?zoek={family}", "registreren", new Dictionary<string, string>
        {
            ["Input.GivenNames"] = "Amal",
            ["Input.FamilyName"] = family,
            ["Input.DateOfBirth"] = born.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Gender"] = "Female",
            ["Input.CountryOfOrigin"] = "Eritrea",
            ["Input.Bsn"] = "",
            ["Input.TargetGroup"] = "AsylumPermitHolder",
            ["Input.RegistrationDate"] = "2026-09-01",
            ["Input.Postcode"] = "",
        });
    }
}
