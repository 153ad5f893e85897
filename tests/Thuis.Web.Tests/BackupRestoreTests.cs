using System.Net;
using Microsoft.Data.Sqlite;
using Thuis.Web.Platform.Auditing;
using Thuis.Web.Platform.Security;
using Thuis.Web.Tests.Infrastructure;

namespace Thuis.Web.Tests;

/// <summary>
/// The backup an administrator makes as docs/backup.md tells it — the checkpoint file first, then the database online
/// (SQLite's backup API, PostgreSQL's pg_dump -Fc) while Thuis keeps writing — restored into a fresh database (a copied
/// file, pg_restore) holds every dossier, opens in Thuis, and its audit chain verifies with the same key.
/// </summary>
public sealed class BackupRestoreTests
{
    [Fact]
    public async Task A_backup_of_the_running_app_restored_into_a_fresh_database_starts_shows_the_data_and_verifies_its_audit_chain()
    {
        var (live, world, email) = await Registrations.SeedAsync(new Dictionary<string, string?> { ["Audit:Checkpoints"] = "true" });
        var original = new TestDatabase(live["Database:Provider"]!, live["Database:ConnectionString"]!);
        var folder = OwnerOnlyFolder();
        var registered = new Dictionary<Guid, string>();
        string backup;

        await using (var app = await AppProcess.StartAsync(live))
        {
            using var client = app.NewClient();
            await client.SignInOrFailAsync(email);
            for (var n = 0; n < 5; n++)
            {
                var family = Registrations.FamilyName(9, n);
                var page = await Registrations.RegisterAsync(client, family);
                var id = Registrations.DossierOf(page) ?? throw new InvalidOperationException($"Registratie niet bevestigd: {page.Status} {page.Text}");
                Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/dossiers/{id}")).Status);
                registered[id] = family;
            }

            // Another case manager keeps registering while the backup is made.
            using var busy = app.NewClient();
            await busy.SignInOrFailAsync(email);
            using var stop = new CancellationTokenSource();
            var writing = Task.Run(async () =>
            {
                for (var n = 0; !stop.IsCancellationRequested; n++)
                {
                    Assert.Equal(HttpStatusCode.Redirect, (await Registrations.RegisterAsync(busy, Registrations.FamilyName(8, n))).Status);
                }
            });
            await Task.Delay(300);

            Assert.True(File.Exists(live["Audit:CheckpointFile"]), "Thuis schreef bij het starten geen ankerpunt.");
            File.Copy(live["Audit:CheckpointFile"]!, Path.Combine(folder, AuditingSetup.DefaultCheckpointFileName));
            backup = await DatabaseBackup.BackUpAsync(original, folder);

            await stop.CancelAsync();
            await writing;
        }

        var restored = await DatabaseBackup.RestoreAsync(original, backup);
        var checkpoints = Path.Combine(OwnerOnlyFolder(), AuditingSetup.DefaultCheckpointFileName);
        File.Copy(Path.Combine(folder, AuditingSetup.DefaultCheckpointFileName), checkpoints);
        var settings = new Dictionary<string, string?>(live)
        {
            ["Database:Provider"] = restored.Provider,
            ["Database:ConnectionString"] = restored.ConnectionString,
            ["Audit:CheckpointFile"] = checkpoints,
        };

        await using (var app = await AppProcess.StartAsync(settings))
        {
            using var client = app.NewClient();
            await client.SignInOrFailAsync(email);
            foreach (var (id, family) in registered)
            {
                var dossier = await client.GetAsync($"/dossiers/{id}");
                Assert.Equal(HttpStatusCode.OK, dossier.Status);
                Assert.Contains(family, dossier.Text, StringComparison.Ordinal);
            }
        }

        await using var check = new ThuisAppFactory(settings: new Dictionary<string, string?>(settings) { ["Audit:Checkpoints"] = "false" });
        foreach (var municipality in new[] { world.A, world.B })
        {
            var report = await AuditTampering.VerifyAsync(check, municipality.Id);
            Assert.True(report.IsIntact, $"{municipality.Name}: {string.Join("; ", report.Problems)}");
            Assert.True(report.CheckpointsChecked >= 1, $"{municipality.Name}: geen ankerpunt gecontroleerd");
        }
        Assert.True(await AuditTampering.LastSequenceAsync(check, world.A.Id) > registered.Count * 2);
        SqliteConnection.ClearAllPools();
    }

    [Fact]
    public async Task A_restored_older_backup_checked_against_the_live_checkpoint_file_shows_the_lost_entries_as_cut_off()
    {
        await using var app = new ThuisAppFactory();
        var world = await TestWorld.SeedAsync(app);
        using var client = new ThuisClient(app);
        await client.SignInOrFailAsync(await world.CreateUserAsync(world.A, Roles.CaseManager));
        Assert.Equal(HttpStatusCode.Redirect, (await Registrations.RegisterAsync(client, Registrations.FamilyName(7, 0))).Status);
        await AuditTampering.WriteCheckpointAsync(app);
        var folder = OwnerOnlyFolder();
        var checkpointsWithBackup = Path.Combine(folder, AuditingSetup.DefaultCheckpointFileName);
        File.Copy(app.Setting("Audit:CheckpointFile")!, checkpointsWithBackup);
        var backup = await DatabaseBackup.BackUpAsync(app.Database, folder);
        var inBackup = await AuditTampering.LastSequenceAsync(app, world.A.Id);

        // After the backup the work goes on and the daily checkpoint counts it; then the database is lost.
        Assert.Equal(HttpStatusCode.Redirect, (await Registrations.RegisterAsync(client, Registrations.FamilyName(7, 1))).Status);
        await AuditTampering.WriteCheckpointAsync(app);

        var restored = await DatabaseBackup.RestoreAsync(app.Database, backup);
        var restoredSettings = new Dictionary<string, string?>(app.Settings)
        {
            ["Database:Provider"] = restored.Provider,
            ["Database:ConnectionString"] = restored.ConnectionString,
        };
        await using (var withLiveFile = new ThuisAppFactory(settings: restoredSettings))
        {
            var report = await AuditTampering.VerifyAsync(withLiveFile, world.A.Id);
            var problem = Assert.Single(report.Problems);
            Assert.Equal(AuditChainProblemKind.Truncation, problem.Kind);
            Assert.Equal(inBackup + 1, problem.Sequence);
        }
        await using var withBackupFile = new ThuisAppFactory(settings: new Dictionary<string, string?>(restoredSettings)
        {
            ["Audit:CheckpointFile"] = checkpointsWithBackup,
        });
        var intact = await AuditTampering.VerifyAsync(withBackupFile, world.A.Id);
        Assert.True(intact.IsIntact, string.Join("; ", intact.Problems));
        Assert.Equal(inBackup, intact.LastSequence);
        SqliteConnection.ClearAllPools();
    }

    private static string OwnerOnlyFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "thuis-tests", $"backup-{Guid.NewGuid():N}");
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
        }
        else
        {
            Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        return folder;
    }
}
