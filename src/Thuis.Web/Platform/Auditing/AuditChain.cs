using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;

namespace Thuis.Web.Platform.Auditing;

public sealed record AuditChainReport(Guid MunicipalityId, long EntriesChecked, long? FirstBrokenSequence)
{
    public bool IsIntact => FirstBrokenSequence is null;
}

/// <summary>Links new audit entries to their municipality's chain and verifies a chain end to end.</summary>
public static class AuditChain
{
    // One writer per municipality at a time inside this process; the unique (municipality, sequence)
    // index refuses a fork should two processes ever append at once.
    private static readonly ConcurrentDictionary<Guid, SemaphoreSlim> Writers = new();

    internal static async Task<IAsyncDisposable> LinkPendingAsync(AppDbContext db, CancellationToken cancellationToken)
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
            await LinkAsync(db, pending, held, cancellationToken);
        }
        catch
        {
            // A writer left held would block this municipality's audit trail until the process restarts.
            await held.DisposeAsync();
            throw;
        }
        return held;
    }

    private static async Task LinkAsync(AppDbContext db, List<IGrouping<Guid, AuditEntry>> pending, HeldWriters held, CancellationToken cancellationToken)
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
                entry.LinkAfter(sequence, hash);
                (sequence, hash) = (entry.Sequence, entry.Hash);
            }
        }
    }

    /// <summary>Walks a municipality's whole chain and reports the first entry that does not fit.</summary>
    public static async Task<AuditChainReport> VerifyAsync(AppDbContext db, Guid municipalityId, CancellationToken cancellationToken)
    {
        var expectedSequence = 1L;
        var previousHash = AuditEntry.GenesisHash;
        await foreach (var entry in db.AuditEntries.IgnoreQueryFilters().AsNoTracking()
            .Where(a => a.MunicipalityId == municipalityId)
            .OrderBy(a => a.Sequence)
            .AsAsyncEnumerable()
            .WithCancellation(cancellationToken))
        {
            if (entry.Sequence != expectedSequence || entry.PreviousHash != previousHash || entry.ComputeHash() != entry.Hash)
            {
                return new AuditChainReport(municipalityId, expectedSequence - 1, expectedSequence);
            }
            previousHash = entry.Hash;
            expectedSequence++;
        }
        return new AuditChainReport(municipalityId, expectedSequence - 1, null);
    }

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
