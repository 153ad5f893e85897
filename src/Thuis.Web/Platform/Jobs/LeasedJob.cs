namespace Thuis.Web.Platform.Jobs;

/// <summary>
/// A background job that runs once per interval across all nodes (<see cref="JobLeases"/>). Every node looks every
/// poll (Jobs:PollSeconds, 60 by default, never longer than the interval) whether the job is due and free, so a job whose
/// node died is taken over within a lease time and a poll.
/// </summary>
internal abstract partial class LeasedJob(JobLeases leases, IConfiguration configuration, TimeProvider clock, ILogger logger) : BackgroundService
{
    protected IConfiguration Configuration { get; } = configuration;

    /// <summary>The lease's name, the same on every node.</summary>
    protected abstract string Name { get; }

    protected abstract bool Enabled { get; }

    protected abstract TimeSpan Interval { get; }

    protected abstract Task RunAsync(IServiceProvider services, DateTimeOffset now, CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Enabled)
        {
            return;
        }
        var poll = TimeSpan.FromSeconds(Math.Max(1, Configuration.GetValue("Jobs:PollSeconds", 60)));
        using var timer = new PeriodicTimer(poll < Interval ? poll : Interval, clock);
        do
        {
            try
            {
                await leases.RunIfDueAsync(Name, Interval, (services, cancellationToken) => RunAsync(services, clock.GetUtcNow(), cancellationToken), stoppingToken);
            }
            catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
            {
                // The lease was lost while running; the node that took it runs the job.
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The next look tries again: the lease was freed without counting the run.
                LogFailed(logger, Name, exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Taak {Job} mislukt; de volgende ronde probeert het opnieuw")]
    private static partial void LogFailed(ILogger logger, string job, Exception exception);
}
