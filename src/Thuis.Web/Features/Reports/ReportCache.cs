using System.Collections.Concurrent;
using Microsoft.Extensions.Caching.Memory;

namespace Thuis.Web.Features.Reports;

/// <summary>
/// Keeps a counted report for a few minutes (Reports:CacheMinutes, 10 by default; 0 counts every time). Counting a
/// municipality of thousands takes seconds, and figures for accounting and steering do not change by the minute; the
/// page says when they were counted. Per municipality, cohort and day, one request counts while the others wait for it,
/// so a busy morning does not count the same report many times at once.
/// </summary>
public sealed class ReportCache(IMemoryCache cache, IConfiguration configuration)
{
    private readonly ConcurrentDictionary<(Guid, string, DateOnly), SemaphoreSlim> _counting = new();

    public int Minutes { get; } = Math.Max(0, configuration.GetValue("Reports:CacheMinutes", 10));

    public async Task<ReportFigures> GetOrCountAsync((Guid Municipality, string Cohort, DateOnly Day) key, Func<Task<ReportFigures>> count,
        CancellationToken cancellationToken)
    {
        if (Minutes == 0)
        {
            return await count();
        }
        if (cache.TryGetValue(key, out ReportFigures? figures))
        {
            return figures!;
        }
        var gate = _counting.GetOrAdd(key, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (cache.TryGetValue(key, out figures))
            {
                return figures!;
            }
            figures = await count();
            cache.Set(key, figures, TimeSpan.FromMinutes(Minutes));
            return figures;
        }
        finally
        {
            gate.Release();
        }
    }
}
