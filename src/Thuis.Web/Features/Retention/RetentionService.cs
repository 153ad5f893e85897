using Microsoft.EntityFrameworkCore;

namespace Thuis.Web.Features.Retention;

/// <summary>Runs the retention rules at start and then every day (Retention:IntervalHours, 24 by default).</summary>
internal sealed partial class RetentionService(
    IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider clock, ILogger<RetentionService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue("Retention:Run", true))
        {
            return;
        }
        var interval = TimeSpan.FromHours(Math.Max(1, configuration.GetValue("Retention:IntervalHours", 24)));
        using var timer = new PeriodicTimer(interval, clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var erased = await scope.ServiceProvider.GetRequiredService<ApplyRetention>().RunOnceAsync(clock.GetUtcNow(), stoppingToken);
                LogRan(logger, erased);
            }
            catch (DbUpdateException exception)
            {
                // Someone changed a dossier during the run; the next run erases it.
                LogFailed(logger, exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Bewaartermijnen toegepast: {Erased} dossiers gewist")]
    private static partial void LogRan(ILogger logger, int erased);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bewaartermijnen toepassen mislukt; de volgende ronde probeert het opnieuw")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
