using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Thuis.Web.Features.Reports;
using Thuis.Web.Platform.Localization;

namespace Thuis.Bench.Scale;

/// <summary>
/// Runs the coordinator's report once, warm, and lists every SQL command it sent with its time, slowest first: where
/// an index or a rewrite would pay.
/// </summary>
internal static partial class ExplainQueries
{
    public static async Task RunAsync(Arguments args)
    {
        var target = Target.From(args);
        var commands = new CommandLog();
        await using var app = new ScaleApp(target, commands);
        var services = app.Services;
        var municipalityId = await GenerateMunicipality.MunicipalityIdAsync(services);
        var today = services.GetRequiredService<TimeProvider>().InTheNetherlands().AddYears(-1);
        var (started, finished) = (DateTimeOffset.UtcNow, DateTimeOffset.UtcNow);
        foreach (var cohort in new[] { Cohort.Everyone, Cohort.Quarter(today.Year, ((today.Month - 1) / 3) + 1) })
        {
            for (var run = 0; run < 2; run++)
            {
                commands.Executed.Clear();
                await using var scope = GenerateMunicipality.Acting(services, municipalityId, out _);
                started = DateTimeOffset.UtcNow;
                await scope.ServiceProvider.GetRequiredService<BuildReport>().HandleAsync(cohort, BuildReport.Purpose, CancellationToken.None);
                finished = DateTimeOffset.UtcNow;
            }
            Console.WriteLine($"== report, cohort {cohort.Key}, in order: logged at (ms after the start), time in the database, first words");
            foreach (var (ms, sql, at) in commands.Executed)
            {
                Console.WriteLine($"{(at - started).TotalMilliseconds,8:0} {ms,6} ms  {FirstWords(sql)}");
            }
            Console.WriteLine($"{(finished - started).TotalMilliseconds,8:0} done");
            Console.WriteLine($"== report, cohort {cohort.Key}: {commands.Executed.Count} commands, {commands.Executed.Sum(c => c.Ms)} ms in the database");
            foreach (var (ms, sql, _) in commands.Executed.OrderByDescending(c => c.Ms))
            {
                Console.WriteLine($"{ms,6} ms  {sql}");
                Console.WriteLine();
            }
        }
    }

    private static string FirstWords(string logged)
    {
        var sql = logged[(logged.IndexOf('\n', StringComparison.Ordinal) + 1)..].ReplaceLineEndings(" ");
        return sql.Length > 160 ? sql[..160] : sql;
    }

    /// <summary>Keeps EF Core's "Executed DbCommand (N ms)" lines.</summary>
    internal sealed partial class CommandLog : ILoggerProvider
    {
        public ConcurrentQueue<(int Ms, string Sql, DateTimeOffset At)> Executed { get; } = [];

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class Logger(CommandLog log, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => category == "Microsoft.EntityFrameworkCore.Database.Command";

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var message = formatter(state, exception);
                if (Elapsed().Match(message) is { Success: true } match)
                {
                    log.Executed.Enqueue((int.Parse(match.Groups["ms"].Value, System.Globalization.CultureInfo.InvariantCulture), message, DateTimeOffset.UtcNow));
                }
            }
        }

        [GeneratedRegex(@"^Executed DbCommand \((?<ms>\d+)ms\)")]
        private static partial Regex Elapsed();
    }
}
