using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;

namespace Thuis.Web.Features.Transfers;

/// <summary>The transfers of one dossier, oldest first, with what came along from the previous municipality.</summary>
public sealed class ListTransfers(AppDbContext db)
{
    // The dossier page shows transfers in two places; both ask while the page renders, and one context must not run two
    // queries at once, so the second gets the first one's answer.
    private readonly Dictionary<Guid, Task<IReadOnlyList<Transfer>>> _read = [];

    public Task<IReadOnlyList<Transfer>> HandleAsync(Guid newcomerId, CancellationToken cancellationToken)
    {
        if (!_read.TryGetValue(newcomerId, out var read))
        {
            read = ReadAsync(newcomerId, cancellationToken);
            _read[newcomerId] = read;
        }
        return read;
    }

    private async Task<IReadOnlyList<Transfer>> ReadAsync(Guid newcomerId, CancellationToken cancellationToken)
    {
        var transfers = await db.Transfers.AsNoTracking().Where(t => t.NewcomerId == newcomerId).ToListAsync(cancellationToken);
        // Ordered here: SQLite cannot order by a moment with its offset.
        return [.. transfers.OrderBy(t => t.At)];
    }
}
