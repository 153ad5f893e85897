using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Platform.Localization;
using Thuis.Web.Platform.Security;

namespace Thuis.Web.Features.Retention;

/// <summary>
/// The daily retention run: in every municipality, the dossiers whose term has passed (<see cref="RetentionRules"/>)
/// are erased, one save per person, each with its line in the report of what was erased.
/// </summary>
public sealed class ApplyRetention(AppDbContext db, CurrentUser currentUser, IServiceScopeFactory scopes)
{
    public async Task<int> RunOnceAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var erased = 0;
        var municipalities = await db.Municipalities.Select(m => m.Id).ToListAsync(cancellationToken);
        foreach (var municipalityId in municipalities)
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystemFor(municipalityId);
            erased += await scope.ServiceProvider.GetRequiredService<ApplyRetention>().EraseDueAsync(now, cancellationToken);
        }
        return erased;
    }

    /// <summary>Erases the dossiers of the current municipality whose term has passed; returns how many.</summary>
    internal async Task<int> EraseDueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var municipalityId = currentUser.MunicipalityId ?? throw new InvalidOperationException("Geen gemeente.");
        var today = Today.DayInTheNetherlands(now);
        var closedBefore = today.AddYears(-RetentionRules.YearsAfterClosing);
        var due = await db.Newcomers
            .Where(n => n.ErasedAt == null && n.ClosedOn != null && n.ClosedOn <= closedBefore)
            .Select(n => n.Id)
            .ToListAsync(cancellationToken);
        foreach (var newcomerId in due)
        {
            db.ChangeTracker.Clear();
            var person = await PersonErasure.PrepareAsync(db, newcomerId, cancellationToken);
            var erasure = Erasure.ForTermPassed(municipalityId, newcomerId, today, now);
            db.Add(erasure);
            person!.Finish(erasure, now, today);
            await db.SaveChangesAsync(cancellationToken);
        }
        return due.Count;
    }
}
