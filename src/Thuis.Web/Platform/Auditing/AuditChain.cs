using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;

namespace Thuis.Web.Platform.Auditing;

/// <summary>What went wrong in a chain: an entry missing in the middle, one that was altered or re-hashed, the end cut off, or a checkpoint line that cannot be trusted.</summary>
public enum AuditChainProblemKind
{
    Gap,
    Alteration,
    Truncation,
    UntrustedCheckpoint,
}

/// <summary>The first place where a kind of problem shows, with what exactly was found there.</summary>
public sealed record AuditChainProblem(AuditChainProblemKind Kind, long Sequence, string Finding);

public sealed record AuditChainReport(
    Guid MunicipalityId, long EntriesChecked, long LastSequence, int CheckpointsChecked, DateTimeOffset? LastCheckpointAt,
    bool CheckpointFileFound, IReadOnlyList<AuditChainProblem> Problems)
{
    public bool IsIntact => Problems.Count == 0;

    /// <summary>The first entry of the chain where it goes wrong; null when the chain itself holds.</summary>
    public long? FirstBrokenSequence => Problems.Where(p => p.Kind != AuditChainProblemKind.UntrustedCheckpoint)
        .Select(p => (long?)p.Sequence).Min();

    public AuditChainProblem? First => Problems.OrderBy(p => p.Kind == AuditChainProblemKind.UntrustedCheckpoint).ThenBy(p => p.Sequence).FirstOrDefault();
}

/// <summary>Links new audit entries to their municipality's chain and verifies a chain end to end.</summary>
public static class AuditChain
{
    // One writer per municipality at a time inside this process; the unique (municipality, sequence)
    // index refuses a fork when two processes (nodes) append at once, and the later one links again (AppDbContext).
    private static readonly ConcurrentDictionary<Guid, SemaphoreSlim> Writers = new();

    /// <summary>How often a save is linked again after another node appended first; a handful, as each wait is one save.</summary>
    internal const int Attempts = 10;

    /// <summary>The save was refused because another process appended to the same chain at the same sequence.</summary>
    internal static bool IsForkRefused(DbUpdateException exception) =>
        exception.InnerException is System.Data.Common.DbException refused
        && (refused.SqlState == "23505" || refused.ErrorCode == 19 || refused.Message.Contains("UNIQUE", StringComparison.Ordinal))
        && refused.Message.Contains("AuditEntries", StringComparison.Ordinal)
        && refused.Message.Contains("Sequence", StringComparison.Ordinal);

    internal static async Task<IAsyncDisposable> LinkPendingAsync(AppDbContext db, AuditKey key, CancellationToken cancellationToken)
    {
        var pending = db.ChangeTracker.Entries<AuditEntry>()
            .Where(e => e.State == EntityState.Added)
            .Select(e => e.Entity)
            .GroupBy(e => e.MunicipalityId)
            .OrderBy(g => g.Key)
            .ToList();

        var held = new HeldWriters();
        try
        {
            await LinkAsync(db, key, pending, held, cancellationToken);
        }
        catch
        {
            // A writer left held would block this municipality's audit trail until the process restarts.
            await held.DisposeAsync();
            throw;
        }
        return held;
    }

    private static async Task LinkAsync(AppDbContext db, AuditKey key, List<IGrouping<Guid, AuditEntry>> pending, HeldWriters held, CancellationToken cancellationToken)
    {
        foreach (var municipality in pending)
        {
            var writer = Writers.GetOrAdd(municipality.Key, _ => new SemaphoreSlim(1, 1));
            await writer.WaitAsync(cancellationToken);
            held.Add(writer);

            var last = await db.AuditEntries.IgnoreQueryFilters()
                .Where(a => a.MunicipalityId == municipality.Key)
                .OrderByDescending(a => a.Sequence)
                .Select(a => new { a.Sequence, a.Hash })
                .FirstOrDefaultAsync(cancellationToken);

            var (sequence, hash) = last is null ? (0L, AuditEntry.GenesisHash) : (last.Sequence, last.Hash);
            foreach (var entry in municipality)
            {
                entry.LinkAfter(sequence, hash, key);
                (sequence, hash) = (entry.Sequence, entry.Hash);
            }
        }
    }

    /// <summary>
    /// Walks a municipality's whole chain with the key and the checkpoints written outside the database, and reports per
    /// kind of problem the first entry where it shows: a gap (a sequence missing), an alteration (an entry whose hash does
    /// not hold, an entry without key after a keyed one, or a checkpointed sequence with another hash), a truncation (the
    /// chain ends before a checkpointed sequence), and checkpoint lines whose own MAC does not hold.
    /// </summary>
    public static async Task<AuditChainReport> VerifyAsync(
        AppDbContext db, Guid municipalityId, AuditKey key, AuditCheckpointsRead anchors, CancellationToken cancellationToken)
    {
        var problems = new Dictionary<AuditChainProblemKind, AuditChainProblem>();
        void Found(AuditChainProblemKind kind, long sequence, string finding) => problems.TryAdd(kind, new AuditChainProblem(kind, sequence, finding));

        var checkpoints = anchors.Checkpoints.ToLookup(c => c.Sequence);
        var expectedSequence = 1L;
        var previousHash = AuditEntry.GenesisHash;
        var keyedSince = (long?)null;
        var checkedEntries = 0L;
        await foreach (var entry in db.AuditEntries.IgnoreQueryFilters().AsNoTracking()
            .Where(a => a.MunicipalityId == municipalityId)
            .OrderBy(a => a.Sequence)
            .AsAsyncEnumerable()
            .WithCancellation(cancellationToken))
        {
            checkedEntries++;
            var afterGap = entry.Sequence > expectedSequence;
            if (afterGap)
            {
                Found(AuditChainProblemKind.Gap, expectedSequence, expectedSequence == entry.Sequence - 1
                    ? $"Regel {expectedSequence} ontbreekt."
                    : $"Regels {expectedSequence} tot en met {entry.Sequence - 1} ontbreken.");
            }
            if (entry.KeyId is null && keyedSince is { } since)
            {
                Found(AuditChainProblemKind.Alteration, entry.Sequence,
                    $"Regel {entry.Sequence} is zonder sleutel berekend, terwijl de keten vanaf regel {since} met de sleutel is berekend.");
            }
            else if (entry.KeyId is not null && entry.KeyId != key.Id)
            {
                Found(AuditChainProblemKind.Alteration, entry.Sequence, $"Regel {entry.Sequence} is berekend met een andere sleutel dan die van Thuis.");
            }
            else if (!AuditKey.Same(entry.ComputeHash(key), entry.Hash))
            {
                Found(AuditChainProblemKind.Alteration, entry.Sequence, $"Regel {entry.Sequence} is gewijzigd: de inhoud past niet meer bij de vastgelegde code.");
            }
            else if (!afterGap && entry.PreviousHash != previousHash)
            {
                Found(AuditChainProblemKind.Alteration, entry.Sequence, $"Regel {entry.Sequence} verwijst niet naar de regel ervoor.");
            }
            foreach (var checkpoint in checkpoints[entry.Sequence])
            {
                if (checkpoint.Hash != entry.Hash)
                {
                    Found(AuditChainProblemKind.Alteration, entry.Sequence,
                        $"Regel {entry.Sequence} is opnieuw berekend: het ankerpunt van {AnchorTime(checkpoint)} legde voor deze regel een andere code vast.");
                }
            }
            if (entry.KeyId is not null)
            {
                keyedSince ??= entry.Sequence;
            }
            previousHash = entry.Hash;
            expectedSequence = entry.Sequence + 1;
        }

        var lastSequence = expectedSequence - 1;
        if (anchors.Checkpoints.Where(c => c.Sequence > lastSequence).MaxBy(c => c.Sequence) is { } beyond)
        {
            Found(AuditChainProblemKind.Truncation, lastSequence + 1,
                $"De keten eindigt bij regel {lastSequence}, maar het ankerpunt van {AnchorTime(beyond)} telde al {beyond.Sequence} regels: de laatste regels zijn verwijderd.");
        }
        if (anchors.UntrustedLines.Count > 0)
        {
            Found(AuditChainProblemKind.UntrustedCheckpoint, 0,
                $"Regel {string.Join(", ", anchors.UntrustedLines.Take(5))}{(anchors.UntrustedLines.Count > 5 ? " en meer" : "")} van het ankerbestand is onleesbaar of niet door Thuis geschreven.");
        }
        var lastAnchor = anchors.Checkpoints.Select(c => DateTimeOffset.TryParse(c.At, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at) ? at : (DateTimeOffset?)null).Max();
        return new AuditChainReport(municipalityId, checkedEntries, lastSequence, anchors.Checkpoints.Count, lastAnchor, anchors.FileFound,
            [.. problems.Values.OrderBy(p => p.Sequence)]);
    }

    private static string AnchorTime(AuditCheckpoint checkpoint) =>
        DateTimeOffset.TryParse(checkpoint.At, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at)
            ? Localization.DutchFormat.DateTime(at)
            : checkpoint.At;

    private sealed class HeldWriters : IAsyncDisposable
    {
        private readonly List<SemaphoreSlim> _held = [];

        public void Add(SemaphoreSlim writer) => _held.Add(writer);

        public ValueTask DisposeAsync()
        {
            foreach (var writer in _held)
            {
                writer.Release();
            }
            _held.Clear();
            return ValueTask.CompletedTask;
        }
    }
}
