using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;
using Thuis.Web.Data;

namespace Thuis.Bench.Scale;

/// <summary>Which database a command works on, as the app itself is configured.</summary>
internal sealed record Target(DatabaseProvider Provider, string ConnectionString)
{
    public static Target From(Arguments args) => new(
        args.Get("provider", "sqlite").ToUpperInvariant() switch
        {
            "POSTGRES" or "POSTGRESQL" => DatabaseProvider.Postgres,
            _ => DatabaseProvider.Sqlite,
        },
        args.Get("connection", "Data Source=/tmp/thuis-scale/thuis.db"));
}

/// <summary>
/// The real Thuis app in this process, over the target database: Program runs as in production (migrations, the
/// intervention catalogue, every service and query filter), without the demo data and the signal background job.
/// </summary>
internal sealed class ScaleApp(Target target, ILoggerProvider? commandLog = null) : WebApplicationFactory<Program>
{
    // The factory looks for the app's content here before it searches for a solution above the harness.
    static ScaleApp() => Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_THUIS_WEB", WebProjectFolder());

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseContentRoot(WebProjectFolder());
        builder.UseSetting("Database:Provider", target.Provider.ToString());
        builder.UseSetting("Database:ConnectionString", target.ConnectionString);
        builder.UseSetting("Demo:SeedOnFirstStart", "false");
        builder.UseSetting("Signals:Evaluate", "false");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore.Migrations", "Error");
        if (commandLog is not null)
        {
            builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command", "Information");
            builder.ConfigureLogging(logging => logging.AddProvider(commandLog));
        }
    }

    /// <summary>src/Thuis.Web above the harness's output folder, where the app finds its content.</summary>
    public static string WebProjectFolder()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                var candidate = Path.Combine(folder.FullName, "src", "Thuis.Web");
                if (File.Exists(Path.Combine(candidate, "Thuis.Web.csproj")))
                {
                    return candidate;
                }
            }
        }
        throw new DirectoryNotFoundException("src/Thuis.Web niet gevonden boven " + AppContext.BaseDirectory);
    }
}

/// <summary>The command line: a command, then --name value pairs.</summary>
internal sealed class Arguments
{
    private readonly Dictionary<string, string> _values = new(StringComparer.OrdinalIgnoreCase);

    public Arguments(string[] args)
    {
        Command = args.Length > 0 ? args[0] : "";
        for (var i = 1; i < args.Length; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal))
            {
                var hasValue = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal);
                _values[args[i][2..]] = hasValue ? args[++i] : "true";
            }
        }
    }

    public string Command { get; }

    public string Get(string name, string fallback) => _values.TryGetValue(name, out var value) ? value : fallback;

    public int Get(string name, int fallback) =>
        _values.TryGetValue(name, out var value) ? int.Parse(value, System.Globalization.CultureInfo.InvariantCulture) : fallback;

    public bool Has(string name) => _values.ContainsKey(name);
}
