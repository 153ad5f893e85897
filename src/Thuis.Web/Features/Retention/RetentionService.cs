using Thuis.Web.Platform.Jobs;

namespace Thuis.Web.Features.Retention;

/// <summary>
/// Runs the retention rules at start and then every day (Retention:IntervalHours, 24 by default), on one node at a time
/// and once per interval across the nodes (<see cref="LeasedJob"/>).
/// </summary>
internal sealed partial class RetentionService(JobLeases leases, IConfiguration configuration, TimeProvider clock, ILogger<RetentionService> logger)
    : LeasedJob(leases, configuration, clock, logger)
{
    protected override string Name => "bewaartermijnen";

    protected override bool Enabled => Configuration.GetValue("Retention:Run", true);

    protected override TimeSpan Interval => TimeSpan.FromHours(Math.Max(1.0 / 3600, Configuration.GetValue("Retention:IntervalHours", 24.0)));

    protected override async Task RunAsync(IServiceProvider services, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var erased = await services.GetRequiredService<ApplyRetention>().RunOnceAsync(now, cancellationToken);
        LogRan(logger, erased);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Bewaartermijnen toegepast: {Erased} dossiers gewist")]
    private static partial void LogRan(ILogger logger, int erased);
}
