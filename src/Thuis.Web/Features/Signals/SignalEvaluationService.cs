using Microsoft.EntityFrameworkCore;

namespace Thuis.Web.Features.Signals;

/// <summary>Evaluates the signal rules at start and then every interval (Signals:IntervalMinutes, one hour by default).</summary>
internal sealed partial class SignalEvaluationService(
    IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider clock, ILogger<SignalEvaluationService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue("Signals:Evaluate", true))
        {
            return;
        }
        var interval = TimeSpan.FromMinutes(Math.Max(1, configuration.GetValue("Signals:IntervalMinutes", 60)));
        using var timer = new PeriodicTimer(interval, clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<EvaluateSignals>().RunOnceAsync(clock.GetUtcNow(), stoppingToken);
            }
            catch (DbUpdateException exception)
            {
                // A case manager handled a signal during the run; the next run sees their change.
                LogFailed(logger, exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Signalen bijwerken mislukt; de volgende ronde probeert het opnieuw")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
