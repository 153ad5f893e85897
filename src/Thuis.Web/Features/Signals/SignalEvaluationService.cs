using Thuis.Web.Platform.Jobs;

namespace Thuis.Web.Features.Signals;

/// <summary>
/// Evaluates the signal rules at start and then every interval (Signals:IntervalMinutes, one hour by default), on one
/// node at a time and once per interval across the nodes (<see cref="LeasedJob"/>).
/// </summary>
internal sealed class SignalEvaluationService(JobLeases leases, IConfiguration configuration, TimeProvider clock, ILogger<SignalEvaluationService> logger)
    : LeasedJob(leases, configuration, clock, logger)
{
    public const string JobName = "signalen";

    protected override string Name => JobName;

    protected override bool Enabled => Configuration.GetValue("Signals:Evaluate", true);

    protected override TimeSpan Interval => TimeSpan.FromMinutes(Math.Max(1.0 / 60, Configuration.GetValue("Signals:IntervalMinutes", 60.0)));

    protected override Task RunAsync(IServiceProvider services, DateTimeOffset now, CancellationToken cancellationToken) =>
        services.GetRequiredService<EvaluateSignals>().RunOnceAsync(now, cancellationToken);
}
