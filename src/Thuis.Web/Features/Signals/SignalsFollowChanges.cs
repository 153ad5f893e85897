using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Platform.Changes;
using Thuis.Web.Platform.Security;

namespace Thuis.Web.Features.Signals;

/// <summary>
/// After every save that changed people's data, their signals follow in the same request: a deadline that passed the
/// moment a date was entered shows at once, a signal whose cause was just taken away closes at once.
/// </summary>
internal sealed partial class SignalsFollowChanges(EvaluateSignals signals, AppDbContext db, CurrentUser currentUser, TimeProvider clock,
    ILogger<SignalsFollowChanges> logger) : IDataChangeSubscriber
{
    // Beyond this many people one pass over the whole municipality is cheaper than a list of ids in every query.
    private const int MostPeopleByName = 500;

    public async Task OnChangedAsync(DataChange change, CancellationToken cancellationToken)
    {
        // Its own saves, and work done for another municipality than the one this scope acts for (setting one up).
        if (change.OnlyOf(typeof(Signal)) || currentUser.MunicipalityId != change.MunicipalityId)
        {
            return;
        }
        if (!change.Everyone && change.People.Count == 0)
        {
            return;
        }
        try
        {
            await signals.EvaluateAsync(change.Everyone || change.People.Count > MostPeopleByName ? null : change.People,
                clock.GetUtcNow(), cancellationToken);
        }
        catch (DbUpdateException exception)
        {
            // Someone handled one of these signals at this very moment. The change itself is saved; the signals follow
            // at the next change or the hourly run, and nothing half-done stays behind for the next save.
            foreach (var entry in db.ChangeTracker.Entries<Signal>().Where(e => e.State is EntityState.Added or EntityState.Modified).ToList())
            {
                entry.State = EntityState.Detached;
            }
            LogNotFollowed(logger, exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Signalen volgden een wijziging niet; de volgende wijziging of het uurlijkse bijwerken haalt dat in")]
    private static partial void LogNotFollowed(ILogger logger, Exception exception);
}
