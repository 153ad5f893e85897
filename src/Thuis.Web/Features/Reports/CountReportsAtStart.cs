using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Platform.Security;

namespace Thuis.Web.Features.Reports;

/// <summary>
/// Counts every municipality's report for everyone once when the app starts (Reports:CountAtStart, on by default), in
/// the background, so that the first coordinator after a restart does not wait the seconds a count takes.
/// </summary>
public sealed partial class CountReportsAtStart(IServiceScopeFactory scopes, ILogger<CountReportsAtStart> logger)
{
    /// <summary>Each municipality in a scope of its own, acting as the system for that municipality only.</summary>
    public async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        List<Guid> municipalities;
        await using (var scope = scopes.CreateAsyncScope())
        {
            municipalities = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Municipalities.Select(m => m.Id).ToListAsync(cancellationToken);
        }
        foreach (var municipalityId in municipalities)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystemFor(municipalityId);
                await scope.ServiceProvider.GetRequiredService<BuildReport>().FiguresAsync(Cohort.Everyone, cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The first view counts them itself, as it would without this.
                LogFailed(logger, exception);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rapportage vooraf tellen bij de start mislukt; de eerste weergave telt zelf")]
    private static partial void LogFailed(ILogger logger, Exception exception);

    /// <summary>Runs it once, after the app has started.</summary>
    internal sealed class AtStart(CountReportsAtStart counting, IConfiguration configuration) : BackgroundService
    {
        protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
            configuration.GetValue("Reports:CountAtStart", true) ? counting.RunOnceAsync(stoppingToken) : Task.CompletedTask;
    }
}
