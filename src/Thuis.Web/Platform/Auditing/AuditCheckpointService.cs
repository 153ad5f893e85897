using Thuis.Web.Data;

namespace Thuis.Web.Platform.Auditing;

/// <summary>Writes the audit chain's checkpoints at start and then every interval (Audit:CheckpointHours, one day by default).</summary>
internal sealed partial class AuditCheckpointService(
    IServiceScopeFactory scopes, AuditCheckpoints checkpoints, IConfiguration configuration, TimeProvider clock,
    ILogger<AuditCheckpointService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue("Audit:Checkpoints", true))
        {
            return;
        }
        var interval = TimeSpan.FromHours(Math.Max(1, configuration.GetValue("Audit:CheckpointHours", 24)));
        using var timer = new PeriodicTimer(interval, clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var written = await checkpoints.WriteAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), clock.GetUtcNow(), stoppingToken);
                LogWritten(logger, written, checkpoints.Path);
            }
            catch (IOException exception)
            {
                // The next round tries again; until then the chain is anchored by the checkpoints written before.
                LogFailed(logger, exception, checkpoints.Path);
            }
            catch (UnauthorizedAccessException exception)
            {
                LogFailed(logger, exception, checkpoints.Path);
            }
            catch (System.Data.Common.DbException exception)
            {
                LogFailed(logger, exception, checkpoints.Path);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Ankerpunten van de audittrail geschreven: {Count} gemeenten in {Path}")]
    private static partial void LogWritten(ILogger logger, int count, string path);

    [LoggerMessage(Level = LogLevel.Error, Message = "Ankerpunten van de audittrail schrijven naar {Path} mislukt; de volgende ronde probeert het opnieuw")]
    private static partial void LogFailed(ILogger logger, Exception exception, string path);
}
