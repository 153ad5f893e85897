namespace Thuis.Web.Platform.Jobs;

public static class JobsSetup
{
    /// <summary>The leases that let background jobs run on one node at a time (<see cref="JobLeases"/>).</summary>
    public static void AddJobs(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<JobNode>();
        builder.Services.AddSingleton<JobLeases>();
    }
}
