using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Thuis.Browser.Tests.Infrastructure;

/// <summary>
/// The real Thuis app on real Kestrel, on a free loopback port, over a fresh SQLite file with the
/// demo municipalities Dalfsen and Zoetermeer, so a browser can walk it as a user would.
/// </summary>
public sealed class ThuisAppFactory : WebApplicationFactory<Program>
{
    private readonly string _databaseFile =
        Path.Combine(Path.GetTempPath(), "thuis-browser-tests", $"{Guid.NewGuid():N}.db");

    private readonly IDictionary<string, string?> _settings;

    /// <param name="settings">Settings beyond the demo's, e.g. a DigiD broker.</param>
    public ThuisAppFactory(IDictionary<string, string?>? settings = null)
    {
        _settings = settings ?? new Dictionary<string, string?>();
        Directory.CreateDirectory(Path.GetDirectoryName(_databaseFile)!);
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
    }

    /// <summary>Where the browser reaches the app; known once the server has started.</summary>
    public Uri BaseAddress
    {
        get
        {
            var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses
                ?? throw new InvalidOperationException("Kestrel reports no addresses; was the server started?");
            var address = addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.Ordinal))
                ?? throw new InvalidOperationException($"Kestrel listens on no http address: {string.Join(", ", addresses)}");
            return new Uri(address);
        }
    }

    private string CheckpointFile => $"{_databaseFile}.audit-checkpoints.jsonl";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Development seeds the demo data and serves the static assets straight from the project.
        builder.UseEnvironment("Development");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Database:ConnectionString", $"Data Source={_databaseFile}");
        builder.UseSetting("Demo:SeedOnFirstStart", "true");
        // Every test signs in from the same loopback address; the limit itself is tested in Thuis.Web.Tests.
        builder.UseSetting("SignIn:PermitPerMinutePerAddress", "1000");
        // No hourly signal run: what a journey sees after a change was brought by that change itself.
        builder.UseSetting("Signals:Evaluate", "false");
        builder.UseSetting("Retention:Run", "false");
        builder.UseSetting("DataProtection:KeyFolder", Path.Combine(Path.GetTempPath(), "thuis-browser-tests", $"keys-{Guid.NewGuid():N}"));
        // The audit key is made beside the database as in the demo run; each app anchors its chain in its own file.
        builder.UseSetting("Audit:CheckpointFile", CheckpointFile);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _databaseFile, $"{_databaseFile}-wal", $"{_databaseFile}-shm", CheckpointFile })
        {
            try
            {
                File.Delete(file);
            }
            catch (IOException)
            {
                // A file still held open is left to the temp folder's own cleaning.
            }
        }
    }
}
