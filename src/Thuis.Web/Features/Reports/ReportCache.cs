using System.Collections.Concurrent;
using Microsoft.Extensions.Caching.Memory;
using Thuis.Web.Platform.Security;

namespace Thuis.Web.Features.Reports;

/// <summary>
/// Keeps a counted report for a few minutes (Reports:CacheMinutes, 10 by default; 0 counts every time). Counting a
/// municipality of thousands takes seconds, and figures for accounting and steering do not change by the minute; the
/// page says when they were counted. Per municipality and cohort, one request counts while the others wait for it,
/// so a busy morning does not count the same report many times at once.
/// </summary>
/// <remarks>
/// Once the minutes have passed, figures up to twice that old are still shown at once while they are counted again
/// in the background (in a scope of its own, acting as the system for that municipality only), so that in a day of
/// use nobody waits the seconds a count takes every ten minutes. Older figures, and the first view of a day, wait
/// for a count as before.
/// </remarks>
public sealed partial class ReportCache(IMemoryCache cache, IConfiguration configuration, IServiceScopeFactory scopes, TimeProvider clock,
    ILogger<ReportCache> logger)
{
    // One gate per municipality and cohort, not per day as well, so that the gates do not pile up day after day.
    private readonly ConcurrentDictionary<(Guid, string), SemaphoreSlim> _counting = new();

    public int Minutes { get; } = Math.Max(0, configuration.GetValue("Reports:CacheMinutes", 10));

    /// <summary>
    /// The figures for <paramref name="key"/>: kept ones, or <paramref name="count"/> in this request. <paramref name="recount"/>
    /// counts them again in another scope, for the background.
    /// </summary>
    public async Task<ReportFigures> GetOrCountAsync((Guid Municipality, string Cohort, DateOnly Day) key, Func<Task<ReportFigures>> count,
        Func<IServiceProvider, Task<ReportFigures>> recount, CancellationToken cancellationToken)
    {
        if (Minutes == 0)
        {
            return await count();
        }
        var minutes = TimeSpan.FromMinutes(Minutes);
        if (cache.TryGetValue(key, out ReportFigures? kept))
        {
            var age = clock.GetUtcNow() - kept!.CountedAt;
            if (age < minutes)
            {
                return kept;
            }
            if (age < 2 * minutes)
            {
                RecountInBackground(key, recount);
                return kept;
            }
        }
        var gate = Gate(key);
        await gate.WaitAsync(cancellationToken);
        try
        {
            // Counted meanwhile, by another request or in the background.
            if (cache.TryGetValue(key, out kept) && clock.GetUtcNow() - kept!.CountedAt < minutes)
            {
                return kept;
            }
            var figures = await count();
            Keep(key, figures);
            return figures;
        }
        finally
        {
            gate.Release();
        }
    }

    private void RecountInBackground((Guid Municipality, string Cohort, DateOnly Day) key, Func<IServiceProvider, Task<ReportFigures>> recount)
    {
        var gate = Gate(key);
        if (!gate.Wait(0))
        {
            // Someone is counting these figures already.
            return;
        }
        _ = Task.Run(async () =>
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystemFor(key.Municipality);
                Keep(key, await recount(scope.ServiceProvider));
            }
            catch (Exception exception)
            {
                // The kept figures stay until they are too old; the next view after that counts them itself.
                LogRecountFailed(logger, exception);
            }
            finally
            {
                gate.Release();
            }
        });
    }

    private SemaphoreSlim Gate((Guid Municipality, string Cohort, DateOnly Day) key) =>
        _counting.GetOrAdd((key.Municipality, key.Cohort), _ => new SemaphoreSlim(1, 1));

    // The key holds the day, so a day's figures are not needed after it; how old they may be is checked on every view.
    private void Keep((Guid, string, DateOnly) key, ReportFigures figures) => cache.Set(key, figures, TimeSpan.FromDays(1));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rapportage opnieuw tellen op de achtergrond mislukt; de vorige cijfers blijven staan")]
    private static partial void LogRecountFailed(ILogger logger, Exception exception);
}
