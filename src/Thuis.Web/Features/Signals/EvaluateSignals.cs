using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Platform.Localization;
using Thuis.Web.Platform.Security;

namespace Thuis.Web.Features.Signals;

/// <summary>
/// Runs every rule and brings the signals in line with what holds: raises what holds and is not open yet, keeps the
/// wording of open ones current, closes open ones whose cause is gone and wakes snoozed ones whose date has come.
/// Running it twice changes nothing the second time. A signal resolved by a person is not raised again for the same
/// cause within the municipality's quiet days (at least the rest of that day).
/// </summary>
/// <remarks>
/// Features never call this: it runs every hour for everyone, and after every save that changed people's data for the
/// people it concerned (<see cref="SignalsFollowChanges"/>).
/// </remarks>
public sealed class EvaluateSignals(AppDbContext db, CurrentUser currentUser, IEnumerable<ISignalRule> rules, IServiceScopeFactory scopes)
{
    /// <summary>Every municipality, each in its own scope acting as the system for that municipality only.</summary>
    public async Task RunOnceAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var municipalities = await db.Municipalities.Select(m => m.Id).ToListAsync(cancellationToken);
        foreach (var municipalityId in municipalities)
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystemFor(municipalityId);
            await scope.ServiceProvider.GetRequiredService<EvaluateSignals>().EvaluateAsync(null, now, cancellationToken);
        }
    }

    /// <summary>These people of the current user's municipality, or everyone there when <paramref name="people"/> is null.</summary>
    internal async Task EvaluateAsync(IReadOnlyCollection<Guid>? people, DateTimeOffset now, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await EvaluateOnceAsync(people, now, cancellationToken);
                return;
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // Another node evaluated the same people at the same moment (its signal is there now, or it changed one
                // this round read): forget this round's signals and look again.
                foreach (var entry in db.ChangeTracker.Entries<Signal>().ToList())
                {
                    entry.State = EntityState.Detached;
                }
            }
        }
    }

    private async Task EvaluateOnceAsync(IReadOnlyCollection<Guid>? people, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var today = Today.DayInTheNetherlands(now);
        var municipalityId = currentUser.MunicipalityId ?? throw new InvalidOperationException("Geen gemeente.");
        var deadlines = await db.Municipalities.Where(m => m.Id == municipalityId)
            .Select(m => new { m.PipDeadlineWeeks, m.PvtStartDays }).SingleAsync(cancellationToken);
        var settings = await db.SignalSettings.AsNoTracking().SingleOrDefaultAsync(s => s.MunicipalityId == municipalityId, cancellationToken)
            ?? SignalSettings.Defaults(municipalityId);
        var scope = new SignalScope(db, today, settings, deadlines.PipDeadlineWeeks, deadlines.PvtStartDays, people);

        var found = new Dictionary<(SignalKind, Guid, Guid?), SignalFinding>();
        foreach (var rule in rules)
        {
            foreach (var finding in await rule.FindAsync(scope, cancellationToken))
            {
                found[(rule.Kind, finding.NewcomerId, finding.SubjectId)] = finding;
            }
        }

        var quietSince = today.AddDays(-Math.Max(1, settings.QuietDaysAfterResolve));
        var signals = db.Signals.Where(s => s.ClosedOn == null || (s.State == SignalState.Resolved && s.ClosedOn > quietSince));
        if (people is not null)
        {
            signals = signals.Where(s => people.Contains(s.NewcomerId));
        }
        var known = await signals.ToListAsync(cancellationToken);
        var open = new HashSet<(SignalKind, Guid, Guid?)>();
        foreach (var signal in known.Where(s => s.IsOpen))
        {
            var key = (signal.Kind, signal.NewcomerId, signal.SubjectId);
            if (found.TryGetValue(key, out var finding))
            {
                signal.WakeUp(today);
                signal.Describe(finding.Urgency, finding.Reason, finding.NextAction, finding.Since);
                open.Add(key);
            }
            else
            {
                signal.CloseBecauseCauseIsGone(today);
            }
        }
        // Resolved recently: quiet, unless the situation has since become more urgent than it was when resolved.
        var quiet = known.Where(s => s.State == SignalState.Resolved)
            .GroupBy(s => (s.Kind, s.NewcomerId, s.SubjectId))
            .ToDictionary(g => g.Key, g => g.MaxBy(s => s.ClosedOn)!);
        foreach (var (key, finding) in found)
        {
            if (!open.Contains(key) && !(quiet.TryGetValue(key, out var resolved) && !resolved.IsEscalatedBy(finding.Urgency)))
            {
                db.Signals.Add(new Signal(municipalityId, key.Item2, key.Item1, key.Item3, finding.Urgency, finding.Reason, finding.NextAction,
                    finding.Since, today));
            }
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
