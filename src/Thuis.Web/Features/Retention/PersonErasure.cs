using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Features.Dossiers;
using Thuis.Web.Platform.Privacy;

namespace Thuis.Web.Features.Retention;

/// <summary>
/// One person's erasure, made ready and then finished in the one save of the caller: every text of the person cleared
/// (<see cref="PersonalData"/>), their own account removed, the dossier left with only its reference, dates and states.
/// </summary>
internal sealed class PersonErasure
{
    public const string Purpose = "Wissen van persoonsgegevens (Besluit inburgering 2021 art. 9.9, AVG art. 17)";

    private readonly Newcomer _newcomer;
    private readonly int _records;

    private PersonErasure(Newcomer newcomer, int records)
    {
        _newcomer = newcomer;
        _records = records;
    }

    /// <summary>Clears the person's data in the tracked records; null when there is no such dossier here.</summary>
    public static async Task<PersonErasure?> PrepareAsync(AppDbContext db, Guid newcomerId, CancellationToken cancellationToken)
    {
        var newcomer = await db.Newcomers.SingleOrDefaultAsync(n => n.Id == newcomerId, cancellationToken);
        if (newcomer is null)
        {
            return null;
        }
        db.AuditPurpose = Purpose;
        var records = await PersonalData.EraseAsync(db, newcomerId, cancellationToken);
        foreach (var account in await db.Users.Where(u => u.NewcomerId == newcomerId).ToListAsync(cancellationToken))
        {
            db.Users.Remove(account);
        }
        return new PersonErasure(newcomer, records);
    }

    public void Finish(Erasure erasure, DateTimeOffset now, DateOnly today)
    {
        _newcomer.MarkErased(now, today);
        erasure.MarkDone(_records, now);
    }
}
