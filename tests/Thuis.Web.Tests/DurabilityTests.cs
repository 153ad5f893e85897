using System.Collections.Concurrent;
using System.Net;
using Microsoft.Data.Sqlite;
using Thuis.Web.Tests.Infrastructure;

namespace Thuis.Web.Tests;

/// <summary>
/// What Thuis confirmed stays confirmed: several case managers register newcomers at once through the real form, the
/// process is killed without warning (SIGKILL) in the middle of it, and after a restart on the same database every
/// registration that was answered with its dossier's address opens, and the audit chain is whole. On SQLite (write-ahead
/// log) and, in CI, on PostgreSQL.
/// </summary>
public sealed class DurabilityTests
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
                    if (Registrations.DossierOf(page) is { } id)
                    {
                        acknowledged[id] = family;
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
}
