using System.Globalization;

namespace Thuis.Web.Platform.Jobs;

/// <summary>This process, as the leases and the logs name it: the machine, the process and a random part of its own.</summary>
public sealed class JobNode
{
    public string Name { get; } = string.Create(CultureInfo.InvariantCulture,
        $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}");
}
