using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Thuis.Web.Tests.Infrastructure;

/// <summary>The real Thuis app over a real database, with every log line kept for inspection.</summary>
public class ThuisAppFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;

    public ThuisAppFactory(string environment = "Testing", IDictionary<string, string?>? settings = null)
    {
        Database = TestDatabase.CreateFresh();
        Environment = environment;
        _settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = Database.Provider,
            ["Database:ConnectionString"] = Database.ConnectionString,
            ["SignIn:PermitPerMinutePerAddress"] = "100000",
            ["Activation:PermitPerMinutePerAddress"] = "100000",
            // Tests evaluate signals and count reports themselves, on their own clock.
            ["Signals:Evaluate"] = "false",
            ["Retention:Run"] = "false",
            ["Reports:CountAtStart"] = "false",
            ["DataProtection:KeyFolder"] = Path.Combine(Path.GetTempPath(), "thuis-tests", $"keys-{Guid.NewGuid():N}"),
            // The audit chain's key and checkpoints, as an installation configures them; tests write checkpoints themselves.
            ["Audit:Key"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
            ["Audit:CheckpointFile"] = Path.Combine(Path.GetTempPath(), "thuis-tests", $"{Guid.NewGuid():N}.audit-checkpoints.jsonl"),
            ["Audit:Checkpoints"] = "false",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
        // Real HTTP over a loopback socket, as a browser would reach the app.
        UseKestrel(0);
    }

    /// <summary>Where the running app listens, e.g. http://127.0.0.1:41234/.</summary>
    public Uri BaseAddress
    {
        get
        {
            StartServer();
            var addresses = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
            return new Uri(addresses.First());
        }
    }

    public TestDatabase Database { get; }

    /// <summary>A setting as the app was started with, e.g. the audit chain's checkpoint file.</summary>
    public string? Setting(string key) => _settings.GetValueOrDefault(key);

    /// <summary>Every setting the app was started with, to start it again on the same data (e.g. as its own process).</summary>
    public IReadOnlyDictionary<string, string?> Settings => _settings;

    public string Environment { get; }

    public FakeLogCollector Logs => Services.GetFakeLogCollector();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureLogging(logging => logging.AddFakeLogging().SetMinimumLevel(LogLevel.Debug));
        builder.ConfigureTestServices(services => ConfigureTestServices?.Invoke(services));
    }

    /// <summary>Lets a test replace a service, e.g. to make a page fail on purpose.</summary>
    public Action<IServiceCollection>? ConfigureTestServices { get; init; }
}
