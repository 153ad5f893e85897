using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Thuis.Web.Data;
using Thuis.Web.Platform.Auditing;

namespace Thuis.Web.Tests.Infrastructure;

/// <summary>
/// What an insider with write access to the database (but not the key) can do to the audit trail, straight in SQL, and
/// the check of the chain as the administrator's button runs it.
/// </summary>
public static class AuditTampering
{
    /// <summary>Checks a municipality's chain with the app's key and its checkpoint file, without adding an entry.</summary>
    public static async Task<AuditChainReport> VerifyAsync(ThuisAppFactory app, Guid municipalityId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var anchors = await app.Services.GetRequiredService<AuditCheckpoints>().ReadAsync(municipalityId, CancellationToken.None);
        return await AuditChain.VerifyAsync(db, municipalityId, app.Services.GetRequiredService<AuditKey>(), anchors, CancellationToken.None);
    }

    /// <summary>Writes today's checkpoint, as the daily job does.</summary>
    public static async Task WriteCheckpointAsync(ThuisAppFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await app.Services.GetRequiredService<AuditCheckpoints>()
            .WriteAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), DateTimeOffset.UtcNow, CancellationToken.None);
    }

    public static async Task<long> LastSequenceAsync(ThuisAppFactory app, Guid municipalityId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().AuditEntries.IgnoreQueryFilters()
            .Where(a => a.MunicipalityId == municipalityId).MaxAsync(a => a.Sequence);
    }

    public static async Task DeleteAsync(ThuisAppFactory app, Guid municipalityId, Func<long, bool> which, long from, long to)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var sequences = Enumerable.Range((int)from, (int)(to - from + 1)).Select(i => (long)i).Where(which).ToList();
        await scope.ServiceProvider.GetRequiredService<AppDbContext>().AuditEntries.IgnoreQueryFilters()
            .Where(a => a.MunicipalityId == municipalityId && sequences.Contains(a.Sequence))
            .ExecuteDeleteAsync();
    }

    /// <summary>
    /// Changes the purpose of one entry and recomputes its hash and every later one, with plain SHA-256 (no key) or with
    /// a key of the insider's own while keeping the key id the entries show, so every link looks whole again.
    /// </summary>
    public static async Task RewriteAsync(ThuisAppFactory app, Guid municipalityId, long sequence, byte[]? ownKey)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var entries = await db.AuditEntries.IgnoreQueryFilters().AsNoTracking()
            .Where(a => a.MunicipalityId == municipalityId && a.Sequence >= sequence)
            .OrderBy(a => a.Sequence).ToListAsync();
        var previousHash = entries[0].PreviousHash;
        foreach (var entry in entries)
        {
            var purpose = entry.Sequence == sequence ? "iets onschuldigs" : entry.Purpose;
            var canonical = string.Join('\u001f',
                entry.MunicipalityId.ToString("D"), entry.Sequence.ToString(CultureInfo.InvariantCulture),
                entry.OccurredAt.UtcTicks.ToString(CultureInfo.InvariantCulture), entry.ActorId, entry.ActorRoles, entry.Action.ToString(),
                entry.ObjectType, entry.ObjectId, entry.Result.ToString(), entry.Origin ?? "", purpose, entry.Details ?? "", previousHash)
                + (entry.PersonId is { } person ? '\u001f' + person.ToString("D") : "");
            var bytes = Encoding.UTF8.GetBytes(canonical);
            var hash = Convert.ToHexStringLower(ownKey is null ? SHA256.HashData(bytes) : HMACSHA256.HashData(ownKey, bytes));
            var keyId = ownKey is null ? null : entry.KeyId;
            var prior = previousHash;
            await db.AuditEntries.IgnoreQueryFilters().Where(a => a.Id == entry.Id).ExecuteUpdateAsync(set => set
                .SetProperty(a => a.Purpose, purpose)
                .SetProperty(a => a.PreviousHash, prior)
                .SetProperty(a => a.Hash, hash)
                .SetProperty(a => a.KeyId, keyId));
            previousHash = hash;
        }
    }
}
