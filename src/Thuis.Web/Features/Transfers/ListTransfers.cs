using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;

namespace Thuis.Web.Features.Transfers;

/// <summary>The transfers of one dossier, oldest first, with what came along from the previous municipality.</summary>
public sealed class ListTransfers(AppDbContext db)
{
    public async Task<IReadOnlyList<Transfer>> HandleAsync(Guid newcomerId, CancellationToken cancellationToken)
    {
        var transfers = await db.Set<Transfer>().AsNoTracking().Where(t => t.NewcomerId == newcomerId).ToListAsync(cancellationToken);
        // Ordered here: SQLite cannot order by a moment with its offset.
        return [.. transfers.OrderBy(t => t.At)];
    }
}
