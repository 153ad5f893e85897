using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Platform.Editing;
using Thuis.Web.Platform.Localization;
using Thuis.Web.Platform.Security;

namespace Thuis.Web.Features.Signals;

/// <summary>
/// Runs every rule and brings the signals in line with what holds: raises what holds and is not open yet, keeps the
/// wording of open ones current, closes open ones whose cause is gone and wakes snoozed ones whose date has come.
/// Running it twice changes nothing the second time. A signal resolved by a person is not raised again for the same
/// cause within the municipality's quiet days (at least the rest of that day).
/// </summary>
public sealed class EvaluateSignals(AppDbContext db, CurrentUser currentUser, IEnumerable<ISignalRule> rules, IServiceScopeFactory scopes, TimeProvider clock)
{
    /// <summary>Every municipality, each in its own scope acting as the system for that municipality only.</summary>
    public async Task RunOnceAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var municipalities = await db.Municipalities.Select(m => m.Id).ToListAsync(cancellationToken);
        foreach (var municipalityId in municipalities)
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystemFor(municipalityId);
            await scope.ServiceProvider.GetRequiredService<EvaluateSignals>().EvaluateAsync(null, TodayOf(now), cancellationToken);
        }
    }

    /// <summary>One person, after a change that may raise or settle a signal (attendance, progress, an answer, status).</summary>
    public Task ForNewcomerAsync(Guid newcomerId, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        EvaluateAsync(newcomerId, TodayOf(now), cancellationToken);

    /// <summary>Everyone of the current user's municipality, after its thresholds changed.</summary>
    public Task ForMunicipalityAsync(DateTimeOffset now, CancellationToken cancellationToken = default) =>
        EvaluateAsync(null, TodayOf(now), cancellationToken);

    /// <summary>After a successful change to these people, their signals follow at once rather than at the next hourly run.</summary>
    public async Task<EditResult> AfterAsync(EditResult result, IEnumerable<Guid> newcomerIds, CancellationToken cancellationToken)
    {
        if (result.Succeeded)
        {
            foreach (var id in newcomerIds.Distinct())
            {
                await ForNewcomerAsync(id, clock.GetUtcNow(), cancellationToken);
            }
        }
        return result;
    }

    private async Task EvaluateAsync(Guid? newcomerId, DateOnly today, CancellationToken cancellationToken)
    {
        var municipalityId = currentUser.MunicipalityId ?? throw new InvalidOperationException("Geen gemeente.");
        var deadlines = await db.Municipalities.Where(m => m.Id == municipalityId)
            .Select(m => new { m.PipDeadlineWeeks, m.PvtStartDays }).SingleAsync(cancellationToken);
        var settings = await db.SignalSettings.AsNoTracking().SingleOrDefaultAsync(s => s.MunicipalityId == municipalityId, cancellationToken)
            ?? SignalSettings.Defaults(municipalityId);
        var scope = new SignalScope(db, today, settings, deadlines.PipDeadlineWeeks, deadlines.PvtStartDays, newcomerId);

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
        if (newcomerId is { } id)
        {
            signals = signals.Where(s => s.NewcomerId == id);
        }
        var known = await signals.ToListAsync(cancellationToken);
        var open = new HashSet<(SignalKind, Guid, Guid?)>();
        foreach (var signal in known.Where(s => s.IsOpen))
        {
            var key = (signal.Kind, signal.NewcomerId, signal.SubjectId);
            if (found.TryGetValue(key, out var finding))
            {
                signal.WakeUp(today);
                signal.Describe(finding.Urgency, finding.Reason, finding.NextAction);
                open.Add(key);
            }
            else
            {
                signal.CloseBecauseCauseIsGone(today);
            }
        }
        var quiet = known.Where(s => s.State == SignalState.Resolved).Select(s => (s.Kind, s.NewcomerId, s.SubjectId)).ToHashSet();
        foreach (var ((kind, newcomer, subject), finding) in found)
        {
            if (!open.Contains((kind, newcomer, subject)) && !quiet.Contains((kind, newcomer, subject)))
            {
                db.Signals.Add(new Signal(municipalityId, newcomer, kind, subject, finding.Urgency, finding.Reason, finding.NextAction, today));
            }
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    private static DateOnly TodayOf(DateTimeOffset now) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, DutchFormat.TimeZone).DateTime);
}
