using System.Threading.RateLimiting;

namespace Thuis.Web.Features.Accounts;

/// <summary>
/// Wrong passwords per sign-in name, whether or not the name has an account: after five in a quarter of an hour the
/// name is refused like a locked account, from every address. Someone guessing from many addresses gets no further,
/// and an unknown name behaves like a known one, so trying names tells nothing. Identity's own lockout still guards
/// the accounts that exist; this limit runs beside it.
/// </summary>
public sealed class AccountThrottle : IDisposable
{
    private readonly PartitionedRateLimiter<string> _failures;

    public AccountThrottle(IConfiguration configuration)
    {
        var permitted = configuration.GetValue("SignIn:FailuresPerQuarterPerAccount", 5);
        _failures = PartitionedRateLimiter.Create<string, string>(name => RateLimitPartition.GetFixedWindowLimiter(name,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = permitted, Window = TimeSpan.FromMinutes(15), QueueLimit = 0 }));
    }

    public bool Blocks(string name) => _failures.GetStatistics(Key(name))?.CurrentAvailablePermits == 0;

    public void Failed(string name)
    {
        using var lease = _failures.AttemptAcquire(Key(name));
    }

    public void Dispose() => _failures.Dispose();

    private static string Key(string name) => name.Trim().ToUpperInvariant();
}
