using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Thuis.Web.Data;
using Thuis.Web.Platform.Jobs;
using Thuis.Web.Tests.Infrastructure;

namespace Thuis.Web.Tests;

/// <summary>
/// Two nodes' leases on one database (each a <see cref="JobLeases"/> with a node of its own, on a clock the test moves):
/// one runs at a time, once per interval, a dead node's lease is taken over when it runs out, and a failed run is not
/// counted. <see cref="MultiNodeTests"/> does the same with three processes.
/// </summary>
public sealed class JobLeaseTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    [Fact]
    public async Task One_node_runs_the_job_the_other_waits_and_it_is_due_again_one_interval_after_the_run_started()
    {
        await using var app = new ThuisAppFactory();
        var clock = new FakeTimeProvider(Now);
        var (a, b) = (Node(app, clock), Node(app, clock));

        var seenByB = true;
        Assert.True(await a.Leases.RunIfDueAsync("taak", Interval, async (_, token) =>
        {
            seenByB = await b.Leases.RunIfDueAsync("taak", Interval, (_, _) => Task.CompletedTask, token);
            clock.Advance(TimeSpan.FromMinutes(5));
        }, CancellationToken.None));
        Assert.False(seenByB);
        var lease = await LeaseAsync(app, "taak");
        Assert.Equal((null, 1L, a.Node.Name, Now.ToUnixTimeMilliseconds()), (lease.Holder, lease.Runs, lease.LastRunBy, lease.LastRunStarted));

        // Due one interval after the run started, not after it ended; before that neither node runs it.
        clock.Advance(Interval - TimeSpan.FromMinutes(5) - TimeSpan.FromMilliseconds(1));
        Assert.False(await b.Leases.RunIfDueAsync("taak", Interval, (_, _) => Task.CompletedTask, CancellationToken.None));
        Assert.False(await a.Leases.RunIfDueAsync("taak", Interval, (_, _) => Task.CompletedTask, CancellationToken.None));
        clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(await b.Leases.RunIfDueAsync("taak", Interval, (_, _) => Task.CompletedTask, CancellationToken.None));
        Assert.Equal((2L, b.Node.Name), ((await LeaseAsync(app, "taak")).Runs, (await LeaseAsync(app, "taak")).LastRunBy));
    }

    [Fact]
    public async Task A_lease_whose_node_died_is_taken_over_once_it_has_run_out_and_a_failed_run_is_not_counted()
    {
        await using var app = new ThuisAppFactory();
        var clock = new FakeTimeProvider(Now);
        var (a, b) = (Node(app, clock), Node(app, clock));

        // Node A fails: the lease is free at once and nothing is counted, so B runs it right away.
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            a.Leases.RunIfDueAsync("taak", Interval, (_, _) => throw new InvalidOperationException("kapot"), CancellationToken.None));
        Assert.Equal((null, 0L), ((await LeaseAsync(app, "taak")).Holder, (await LeaseAsync(app, "taak")).Runs));

        // A node took the lease and died (it renews no more): until the lease runs out nobody else runs the job.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var until = (Now + b.Leases.LeaseTime).ToUnixTimeMilliseconds();
            await db.JobLeases.Where(l => l.Name == "taak").ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, "gestorven:1:0").SetProperty(l => l.HeldUntil, until));
        }
        Assert.False(await b.Leases.RunIfDueAsync("taak", Interval, (_, _) => Task.CompletedTask, CancellationToken.None));
        clock.Advance(b.Leases.LeaseTime + TimeSpan.FromMilliseconds(1));
        Assert.True(await b.Leases.RunIfDueAsync("taak", Interval, (_, _) => Task.CompletedTask, CancellationToken.None));
        var lease = await LeaseAsync(app, "taak");
        Assert.Equal((null, 1L, b.Node.Name), (lease.Holder, lease.Runs, lease.LastRunBy));
    }

    private sealed record TestNode(JobNode Node, JobLeases Leases);

    private static TestNode Node(ThuisAppFactory app, TimeProvider clock)
    {
        var node = new JobNode();
        return new TestNode(node, new JobLeases(app.Services.GetRequiredService<IServiceScopeFactory>(), clock, node,
            app.Services.GetRequiredService<IConfiguration>(), NullLogger<JobLeases>.Instance));
    }

    private static async Task<JobLease> LeaseAsync(ThuisAppFactory app, string name)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().JobLeases.AsNoTracking().SingleAsync(l => l.Name == name);
    }
}
