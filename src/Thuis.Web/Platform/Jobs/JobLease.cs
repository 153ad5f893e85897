using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Thuis.Web.Platform.Jobs;

/// <summary>
/// One background job's lease, shared by every node on the database: the node that holds it runs the job, the others
/// wait. A lease is held for a short time and renewed while the job runs, so when its node dies another takes it over as
/// soon as it runs out. Times are milliseconds since 1970 (UTC), so both databases compare them in SQL.
/// </summary>
public sealed class JobLease
{
    public const int NameLength = 100;
    public const int NodeLength = 200;

    private JobLease()
    {
        Name = "";
    }

    public JobLease(string name)
    {
        Name = name;
    }

    public string Name { get; private set; }

    /// <summary>The node that holds the lease (<see cref="JobNode.Name"/>); null when free.</summary>
    public string? Holder { get; private set; }

    /// <summary>Until when the holder holds it, unless renewed.</summary>
    public long HeldUntil { get; private set; }

    /// <summary>When the last completed run started; the next is due one interval later.</summary>
    public long? LastRunStarted { get; private set; }

    public string? LastRunBy { get; private set; }

    /// <summary>How many runs completed, on all nodes together.</summary>
    public long Runs { get; private set; }
}

internal sealed class JobLeaseMapping : IEntityTypeConfiguration<JobLease>
{
    public void Configure(EntityTypeBuilder<JobLease> builder)
    {
        builder.HasKey(l => l.Name);
        builder.Property(l => l.Name).HasMaxLength(JobLease.NameLength);
        builder.Property(l => l.Holder).HasMaxLength(JobLease.NodeLength);
        builder.Property(l => l.LastRunBy).HasMaxLength(JobLease.NodeLength);
    }
}
