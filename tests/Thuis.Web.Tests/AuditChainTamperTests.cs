using System.Net;
using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Thuis.Web.Platform.Auditing;
using Thuis.Web.Platform.Security;
using Thuis.Web.Tests.Infrastructure;

namespace Thuis.Web.Tests;

/// <summary>
/// An insider with write access to the database but not the key tampers with the audit trail in SQL; the check finds
/// each kind of tampering, with the first entry where it goes wrong.
/// </summary>
public sealed class AuditChainTamperTests
{
    [Fact]
    public async Task An_untouched_chain_with_its_checkpoint_verifies_intact()
    {
        await using var app = new ThuisAppFactory();
        var world = await TrailOfSeveralViewsAsync(app);
        await AuditTampering.WriteCheckpointAsync(app);

        var report = await AuditTampering.VerifyAsync(app, world.A.Id);

        Assert.True(report.IsIntact, string.Join("; ", report.Problems));
        Assert.Equal(1, report.CheckpointsChecked);
        Assert.Equal(await AuditTampering.LastSequenceAsync(app, world.A.Id), report.LastSequence);
    }

    [Fact]
    public async Task Deleting_the_newest_entries_after_a_checkpoint_is_found_as_truncation()
    {
        await using var app = new ThuisAppFactory();
        var world = await TrailOfSeveralViewsAsync(app);
        await AuditTampering.WriteCheckpointAsync(app);
        var last = await AuditTampering.LastSequenceAsync(app, world.A.Id);

        await AuditTampering.DeleteAsync(app, world.A.Id, _ => true, last - 2, last);

        var report = await AuditTampering.VerifyAsync(app, world.A.Id);
        var problem = Assert.Single(report.Problems);
        Assert.Equal(AuditChainProblemKind.Truncation, problem.Kind);
        Assert.Equal(last - 2, problem.Sequence);
        Assert.Equal(last - 2, report.FirstBrokenSequence);
    }

    [Fact]
    public async Task Rewriting_an_entry_and_recomputing_every_later_hash_without_a_key_is_found_as_alteration()
    {
        await using var app = new ThuisAppFactory();
        var world = await TrailOfSeveralViewsAsync(app);

        await AuditTampering.RewriteAsync(app, world.A.Id, 3, ownKey: null);

        var report = await AuditTampering.VerifyAsync(app, world.A.Id);
        Assert.Equal(AuditChainProblemKind.Alteration, report.First?.Kind);
        Assert.Equal(3, report.FirstBrokenSequence);
        Assert.DoesNotContain(report.Problems, p => p.Kind is AuditChainProblemKind.Gap or AuditChainProblemKind.Truncation);
    }

    [Fact]
    public async Task Rewriting_an_entry_and_recomputing_every_later_hash_with_another_key_is_found_as_alteration()
    {
        await using var app = new ThuisAppFactory();
        var world = await TrailOfSeveralViewsAsync(app);

        await AuditTampering.RewriteAsync(app, world.A.Id, 3, ownKey: RandomNumberGenerator.GetBytes(32));

        var report = await AuditTampering.VerifyAsync(app, world.A.Id);
        Assert.Equal(AuditChainProblemKind.Alteration, report.First?.Kind);
        Assert.Equal(3, report.FirstBrokenSequence);
    }

    [Fact]
    public async Task Rewriting_every_entry_without_a_key_is_found_at_the_first_checkpointed_sequence()
    {
        await using var app = new ThuisAppFactory();
        var world = await TrailOfSeveralViewsAsync(app);
        await AuditTampering.WriteCheckpointAsync(app);
        var checkpointed = await AuditTampering.LastSequenceAsync(app, world.A.Id);

        // From the very first entry, so no keyed entry is left before an unkeyed one: only the checkpoint can tell.
        await AuditTampering.RewriteAsync(app, world.A.Id, 1, ownKey: null);

        var report = await AuditTampering.VerifyAsync(app, world.A.Id);
        var problem = Assert.Single(report.Problems);
        Assert.Equal(AuditChainProblemKind.Alteration, problem.Kind);
        Assert.Equal(checkpointed, problem.Sequence);
    }

    [Fact]
    public async Task Deleting_an_entry_from_the_middle_is_found_as_a_gap()
    {
        await using var app = new ThuisAppFactory();
        var world = await TrailOfSeveralViewsAsync(app);

        await AuditTampering.DeleteAsync(app, world.A.Id, s => s == 4, 4, 4);

        var report = await AuditTampering.VerifyAsync(app, world.A.Id);
        var problem = Assert.Single(report.Problems);
        Assert.Equal(AuditChainProblemKind.Gap, problem.Kind);
        Assert.Equal(4, problem.Sequence);
    }

    [Fact]
    public async Task A_forged_line_in_the_checkpoint_file_is_not_trusted()
    {
        await using var app = new ThuisAppFactory();
        var world = await TrailOfSeveralViewsAsync(app);
        var file = app.Setting("Audit:CheckpointFile")!;
        await File.AppendAllTextAsync(file,
            $"{{\"at\":\"2026-12-01T00:00:00.0000000+00:00\",\"municipality\":\"{world.A.Id}\",\"sequence\":1,\"hash\":\"{new string('a', 64)}\",\"keyId\":\"x\",\"mac\":\"{new string('b', 64)}\"}}\n");

        var report = await AuditTampering.VerifyAsync(app, world.A.Id);

        var problem = Assert.Single(report.Problems);
        Assert.Equal(AuditChainProblemKind.UntrustedCheckpoint, problem.Kind);
        Assert.Null(report.FirstBrokenSequence);
        Assert.Equal(0, report.CheckpointsChecked);
    }

    [Fact]
    public async Task The_checkpoint_file_is_only_appended_to()
    {
        await using var app = new ThuisAppFactory();
        var world = await TrailOfSeveralViewsAsync(app);
        var file = app.Setting("Audit:CheckpointFile")!;

        await AuditTampering.WriteCheckpointAsync(app);
        var first = await File.ReadAllTextAsync(file);
        await ViewDossierAsync(app, world);
        await AuditTampering.WriteCheckpointAsync(app);
        var second = await File.ReadAllTextAsync(file);

        Assert.StartsWith(first, second, StringComparison.Ordinal);
        Assert.Equal(2, first.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal(4, second.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains($"\"municipality\":\"{world.A.Id}\"", first, StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        }
    }

    [Fact]
    public async Task Entries_hashed_before_the_chain_was_keyed_verify_as_before()
    {
        await using var app = new ThuisAppFactory();
        var world = await TrailOfSeveralViewsAsync(app);
        var last = await AuditTampering.LastSequenceAsync(app, world.A.Id);

        // The whole chain as an older Thuis wrote it: plain SHA-256, no key.
        await AuditTampering.RewriteAsync(app, world.A.Id, 1, ownKey: null);
        await ViewDossierAsync(app, world);

        var report = await AuditTampering.VerifyAsync(app, world.A.Id);
        Assert.True(report.IsIntact, string.Join("; ", report.Problems));
        Assert.True(report.LastSequence > last);
    }

    [Fact]
    public async Task The_administrators_check_tells_in_Dutch_that_the_newest_entries_were_removed()
    {
        await using var app = new ThuisAppFactory();
        var world = await TrailOfSeveralViewsAsync(app);
        using var administrator = new ThuisClient(app);
        await administrator.SignInOrFailAsync(await world.CreateUserAsync(world.A, Roles.Administrator));

        var intact = await administrator.SubmitAsync("/beheer", "audit-controle", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.OK, intact.Status);
        Assert.Contains("De audittrail is intact.", intact.Text, StringComparison.Ordinal);

        await AuditTampering.WriteCheckpointAsync(app);
        var last = await AuditTampering.LastSequenceAsync(app, world.A.Id);
        await AuditTampering.DeleteAsync(app, world.A.Id, _ => true, last - 1, last);
        var broken = await administrator.SubmitAsync("/beheer", "audit-controle", new Dictionary<string, string>());

        var report = broken.Document.QuerySelector("[data-testid=audit-report]")!.TextContent;
        Assert.Contains("De audittrail is niet intact.", report, StringComparison.Ordinal);
        Assert.Contains($"Het gaat voor het eerst mis bij regel {last - 1}.", report, StringComparison.Ordinal);
        Assert.Contains("Ingekort:", report, StringComparison.Ordinal);
        Assert.Contains("de laatste regels zijn verwijderd", report, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_does_not_start_without_an_audit_key()
    {
        await using var app = new ThuisAppFactory("Production", new Dictionary<string, string?> { ["Audit:Key"] = "" });

        var refused = Record.Exception(() => app.StartServer());

        Assert.NotNull(refused);
        var messages = string.Join(" | ", Chain(refused));
        Assert.Contains("Thuis start niet zonder sleutel voor de audittrail", messages, StringComparison.Ordinal);
        Assert.Contains("Audit:KeyFile", messages, StringComparison.Ordinal);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task The_demo_run_makes_its_own_key_file_beside_the_database_readable_by_the_owner_only_and_keeps_it()
    {
        var folder = Path.Combine(Path.GetTempPath(), "thuis-tests", $"sleutel-{Guid.NewGuid():N}");
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["Database:ConnectionString"] = $"Data Source={Path.Combine(folder, "thuis.db")}",
            ["Audit:Key"] = "",
            ["Demo:SeedOnFirstStart"] = "false",
        };
        string firstKeyId;
        await using (var first = new ThuisAppFactory("Development", settings))
        {
            firstKeyId = first.Services.GetRequiredService<AuditKey>().Id;
        }
        await using var second = new ThuisAppFactory("Development", settings);

        var keyFile = Path.Combine(folder, "thuis.audit-key");
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));
        Assert.True(Convert.FromBase64String(await File.ReadAllTextAsync(keyFile)).Length >= 32);
        Assert.Equal(firstKeyId, second.Services.GetRequiredService<AuditKey>().Id);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    private static IEnumerable<string> Chain(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            yield return exception.Message;
        }
    }

    /// <summary>A fresh app whose municipality A has a trail of several entries: its setup and four dossier views.</summary>
    private static async Task<TestWorld> TrailOfSeveralViewsAsync(ThuisAppFactory app)
    {
        var world = await TestWorld.SeedAsync(app);
        for (var i = 0; i < 4; i++)
        {
            await ViewDossierAsync(app, world);
        }
        return world;
    }

    private static async Task ViewDossierAsync(ThuisAppFactory app, TestWorld world)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Thuis.Web.Data.AppDbContext>();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystemFor(world.A.Id);
        db.RecordAudit(AuditAction.View, "Newcomer", world.A.NewcomerId.ToString(), AuditResult.Success, "test", world.A.NewcomerId);
        await db.SaveChangesAsync();
    }
}
