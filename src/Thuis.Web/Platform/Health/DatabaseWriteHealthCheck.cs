using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Thuis.Web.Data;

namespace Thuis.Web.Platform.Health;

/// <summary>A row the readiness check writes and rolls back, to prove the database accepts writes.</summary>
internal sealed class ReadinessProbe
{
    public Guid Id { get; set; }

    public DateTimeOffset CheckedAt { get; set; }
}

/// <summary>Ready means: the database is reachable and accepts a write right now.</summary>
internal sealed class DatabaseWriteHealthCheck(AppDbContext db, TimeProvider clock) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            db.ReadinessProbes.Add(new ReadinessProbe { Id = Guid.CreateVersion7(), CheckedAt = clock.GetUtcNow() });
            await db.SaveChangesAsync(cancellationToken);
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return HealthCheckResult.Healthy("De database accepteert schrijfacties.");
        }
        catch (Exception exception) when (exception is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
        {
            return HealthCheckResult.Unhealthy("De database accepteert geen schrijfacties.", exception);
        }
    }
}

internal sealed class ReadinessProbeMapping : Microsoft.EntityFrameworkCore.IEntityTypeConfiguration<ReadinessProbe>
{
    public void Configure(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<ReadinessProbe> builder) =>
        builder.ToTable("ReadinessProbes");
}
