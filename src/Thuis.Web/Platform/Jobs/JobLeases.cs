using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;

namespace Thuis.Web.Platform.Jobs;

/// <summary>
/// Runs a job on exactly one node at a time and once per interval across all nodes on the database. Taking the lease is
/// one conditional update, which the database does for one node only: free or run out, and due. While the job runs its
/// node renews the lease; a node that dies stops renewing, and the first node to look after the lease ran out takes the
/// job over. A run that fails frees the lease without counting, so the next look runs it again.
/// </summary>
public sealed partial class JobLeases(IServiceScopeFactory scopes, TimeProvider clock, JobNode node, IConfiguration configuration,
    ILogger<JobLeases> logger)
{
    /// <summary>How long a lease holds without renewal (Jobs:LeaseSeconds, 120 by default); renewed every third of it.</summary>
    public TimeSpan LeaseTime { get; } = TimeSpan.FromSeconds(Math.Max(1, configuration.GetValue("Jobs:LeaseSeconds", 120)));

    // For drills: a node waits this long after taking a lease, so that stopping it shows another node taking over.
    private readonly TimeSpan _holdAfterTaking = TimeSpan.FromSeconds(Math.Max(0, configuration.GetValue("Jobs:HoldAfterTakingSeconds", 0)));

    /// <summary>
    /// Runs <paramref name="work"/> when the job is due and this node takes its lease; false when it was not due or
    /// another node holds it.
    /// </summary>
    public async Task<bool> RunIfDueAsync(string name, TimeSpan interval, Func<IServiceProvider, CancellationToken, Task> work,
        CancellationToken cancellationToken)
    {
        var started = clock.GetUtcNow();
        if (!await TryTakeAsync(name, interval, started, cancellationToken))
        {
            return false;
        }
        LogTaken(logger, name, node.Name);
        using var running = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var renewing = RenewWhileRunningAsync(name, running);
        var completed = false;
        try
        {
            if (_holdAfterTaking > TimeSpan.Zero)
            {
                await Task.Delay(_holdAfterTaking, clock, running.Token);
            }
            await using var scope = scopes.CreateAsyncScope();
            await work(scope.ServiceProvider, running.Token);
            completed = true;
        }
        finally
        {
            await running.CancelAsync();
            await renewing;
            await FreeAsync(name, completed ? started : null, CancellationToken.None);
        }
        LogRan(logger, name, node.Name, started);
        return true;
    }

    private async Task<bool> TryTakeAsync(string name, TimeSpan interval, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (!await db.JobLeases.AnyAsync(l => l.Name == name, cancellationToken))
        {
            db.JobLeases.Add(new JobLease(name));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException exception) when (exception.InnerException is DbException)
            {
                // Another node made the row at the same moment; it is there now.
            }
        }
        var at = now.ToUnixTimeMilliseconds();
        var until = (now + LeaseTime).ToUnixTimeMilliseconds();
        var dueIfStartedBefore = (now - interval).ToUnixTimeMilliseconds();
        var me = node.Name;
        var taken = await db.JobLeases
            .Where(l => l.Name == name && (l.Holder == null || l.Holder == me || l.HeldUntil < at)
                && (l.LastRunStarted == null || l.LastRunStarted <= dueIfStartedBefore))
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, me).SetProperty(l => l.HeldUntil, until), cancellationToken);
        return taken == 1;
    }

    private async Task RenewWhileRunningAsync(string name, CancellationTokenSource running)
    {
        var me = node.Name;
        try
        {
            using var timer = new PeriodicTimer(LeaseTime / 3, clock);
            while (await timer.WaitForNextTickAsync(running.Token))
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                var until = (clock.GetUtcNow() + LeaseTime).ToUnixTimeMilliseconds();
                var renewed = await db.JobLeases.Where(l => l.Name == name && l.Holder == me)
                    .ExecuteUpdateAsync(s => s.SetProperty(l => l.HeldUntil, until), running.Token);
                if (renewed == 0)
                {
                    // The lease ran out (this node was stalled) and another node took it: stop, it runs the job now.
                    LogLost(logger, name, me);
                    await running.CancelAsync();
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The job ended.
        }
    }

    private async Task FreeAsync(string name, DateTimeOffset? completedRunStarted, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var me = node.Name;
        var mine = db.JobLeases.Where(l => l.Name == name && l.Holder == me);
        if (completedRunStarted is { } started)
        {
            var at = started.ToUnixTimeMilliseconds();
            await mine.ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, (string?)null).SetProperty(l => l.HeldUntil, 0L)
                .SetProperty(l => l.LastRunStarted, at).SetProperty(l => l.LastRunBy, me).SetProperty(l => l.Runs, l => l.Runs + 1), cancellationToken);
        }
        else
        {
            await mine.ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, (string?)null).SetProperty(l => l.HeldUntil, 0L), cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Taak {Job}: lease genomen door {Node}")]
    private static partial void LogTaken(ILogger logger, string job, string node);

    [LoggerMessage(Level = LogLevel.Information, Message = "Taak {Job} gedraaid op {Node}, begonnen {Started:o}")]
    private static partial void LogRan(ILogger logger, string job, string node, DateTimeOffset started);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Taak {Job}: lease kwijt op {Node}; een ander knooppunt draait de taak nu")]
    private static partial void LogLost(ILogger logger, string job, string node);
}
