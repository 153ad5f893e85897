using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Thuis.Web.Platform.Health;

namespace Thuis.Web.Platform;

public static class Operations
{
    /// <summary>Structured (JSON) logs on the console, and health checks for the platform.</summary>
    public static void AddOperations(this WebApplicationBuilder builder)
    {
        builder.WebHost.ConfigureKestrel(o => o.AddServerHeader = false);
        builder.Logging.ClearProviders();
        builder.Logging.AddJsonConsole(o =>
        {
            o.UseUtcTimestamp = true;
            o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
        });
        builder.Services.AddHealthChecks().AddCheck<DatabaseWriteHealthCheck>("database-write", tags: ["ready"]);
    }

    public static void MapOperations(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).DisableRateLimiting();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") }).DisableRateLimiting();
    }
}
