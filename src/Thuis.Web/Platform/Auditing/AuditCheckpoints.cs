using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;

namespace Thuis.Web.Platform.Auditing;

/// <summary>One line of the checkpoint file: a municipality's chain stood at this sequence with this hash at this moment.</summary>
public sealed record AuditCheckpoint(
    [property: JsonPropertyName("at")] string At,
    [property: JsonPropertyName("municipality")] Guid MunicipalityId,
    [property: JsonPropertyName("sequence")] long Sequence,
    [property: JsonPropertyName("hash")] string Hash,
    [property: JsonPropertyName("keyId")] string KeyId,
    [property: JsonPropertyName("mac")] string Mac)
{
    internal static string Signed(string at, Guid municipalityId, long sequence, string hash) =>
        string.Join('\u001f', "thuis-audit-checkpoint", at, municipalityId.ToString("D"), sequence.ToString(CultureInfo.InvariantCulture), hash);
}

/// <summary>What the checkpoint file says about one municipality, and the lines of it that cannot be trusted.</summary>
public sealed record AuditCheckpointsRead(IReadOnlyList<AuditCheckpoint> Checkpoints, IReadOnlyList<int> UntrustedLines, bool FileFound);

/// <summary>
/// Anchors the audit chain outside the database: a line per municipality with its latest sequence and hash, appended to
/// a file (Audit:CheckpointFile) that is only ever opened for appending, so it can be shipped elsewhere as it grows
/// (see docs/audit.md). Verification reads it back: a chain that ends before, or differs at, a checkpointed sequence
/// was cut short or rewritten.
/// </summary>
public sealed class AuditCheckpoints(string path, AuditKey key)
{
    private static readonly SemaphoreSlim Writer = new(1, 1);

    public string Path { get; } = path;

    /// <summary>Appends a checkpoint for every municipality that has a trail; returns how many lines it wrote.</summary>
    public async Task<int> WriteAsync(AppDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var all = db.AuditEntries.IgnoreQueryFilters().AsNoTracking();
        var latest = await all
            .Where(a => a.Sequence == all.Where(b => b.MunicipalityId == a.MunicipalityId).Max(b => b.Sequence))
            .OrderBy(a => a.MunicipalityId)
            .Select(a => new { a.MunicipalityId, a.Sequence, a.Hash })
            .ToListAsync(cancellationToken);
        if (latest.Count == 0)
        {
            return 0;
        }
        var at = now.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);
        var text = new StringBuilder();
        foreach (var chain in latest)
        {
            var mac = key.Mac(AuditCheckpoint.Signed(at, chain.MunicipalityId, chain.Sequence, chain.Hash));
            text.Append(JsonSerializer.Serialize(new AuditCheckpoint(at, chain.MunicipalityId, chain.Sequence, chain.Hash, key.Id, mac))).Append('\n');
        }
        var bytes = Encoding.UTF8.GetBytes(text.ToString());

        await Writer.WaitAsync(cancellationToken);
        try
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path))!);
            // Append only: what was written before is never opened for writing again.
            var options = new FileStreamOptions { Mode = FileMode.Append, Access = FileAccess.Write, Share = FileShare.Read };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }
            await using var file = new FileStream(Path, options);
            await file.WriteAsync(bytes, cancellationToken);
            file.Flush(flushToDisk: true);
        }
        finally
        {
            Writer.Release();
        }
        return latest.Count;
    }

    /// <summary>The checkpoints of one municipality whose MAC holds, and the line numbers of lines that cannot be trusted.</summary>
    public async Task<AuditCheckpointsRead> ReadAsync(Guid municipalityId, CancellationToken cancellationToken)
    {
        if (!File.Exists(Path))
        {
            return new AuditCheckpointsRead([], [], FileFound: false);
        }
        var found = new List<AuditCheckpoint>();
        var untrusted = new List<int>();
        using var reader = new StreamReader(new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite), Encoding.UTF8);
        var number = 0;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            number++;
            if (line.Length == 0)
            {
                continue;
            }
            AuditCheckpoint? checkpoint;
            try
            {
                checkpoint = JsonSerializer.Deserialize<AuditCheckpoint>(line);
            }
            catch (JsonException)
            {
                checkpoint = null;
            }
            if (checkpoint is null || checkpoint.At is null || checkpoint.Hash is null || checkpoint.Mac is null)
            {
                untrusted.Add(number);
                continue;
            }
            if (checkpoint.MunicipalityId != municipalityId)
            {
                continue;
            }
            var expected = key.Mac(AuditCheckpoint.Signed(checkpoint.At, checkpoint.MunicipalityId, checkpoint.Sequence, checkpoint.Hash));
            if (AuditKey.Same(expected, checkpoint.Mac))
            {
                found.Add(checkpoint);
            }
            else
            {
                untrusted.Add(number);
            }
        }
        return new AuditCheckpointsRead(found, untrusted, FileFound: true);
    }
}
