using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;

namespace Thuis.Web.Tests.Infrastructure;

/// <summary>
/// Thuis as its own operating-system process, started as an installation starts it (<c>dotnet Thuis.Web.dll</c>) on the
/// settings of a test app — its database, audit key and checkpoint file, key ring — given as environment variables, and
/// listening on a free port of 127.0.0.1. <see cref="Kill"/> ends it with SIGKILL: it gets no chance to finish a request,
/// flush a buffer or close the database.
/// </summary>
public sealed partial class AppProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output;

    private AppProcess(Process process, ConcurrentQueue<string> output, Uri baseAddress)
    {
        _process = process;
        _output = output;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public int Id => _process.Id;

    /// <summary>How the process ended: 137 (128 + 9) after SIGKILL.</summary>
    public int ExitCode => _process.ExitCode;

    /// <summary>The last lines the app wrote, for a failing test's message.</summary>
    public string Output => string.Join('\n', _output.TakeLast(40));

    /// <summary>Starts the app on these settings (configuration keys such as <c>Database:ConnectionString</c>) and waits until it is ready.</summary>
    public static async Task<AppProcess> StartAsync(IReadOnlyDictionary<string, string?> settings)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            // As `dotnet run` does: the project's folder is the content root.
            WorkingDirectory = ProjectFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(AppAssembly);
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add("http://127.0.0.1:0");
        foreach (var inherited in new[] { "ASPNETCORE_URLS", "ASPNETCORE_HTTP_PORTS", "DOTNET_ENVIRONMENT" })
        {
            info.Environment.Remove(inherited);
        }
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        foreach (var (key, value) in settings)
        {
            info.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var output = new ConcurrentQueue<string>();
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        void Read(object? sender, DataReceivedEventArgs line)
        {
            if (line.Data is null)
            {
                return;
            }
            output.Enqueue(line.Data);
            while (output.Count > 200 && output.TryDequeue(out _))
            {
            }
            if (Listening().Match(line.Data) is { Success: true } match)
            {
                listening.TrySetResult(new Uri(match.Groups[1].Value + "/"));
            }
        }
        process.OutputDataReceived += Read;
        process.ErrorDataReceived += Read;
        process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException(
            $"Thuis stopte bij het starten (code {process.ExitCode}):\n{string.Join('\n', output.TakeLast(40))}"));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var app = new AppProcess(process, output, await WaitAsync(listening.Task, process, output));
        await app.WaitUntilReadyAsync();
        return app;
    }

    public ThuisClient NewClient() => new(BaseAddress);

    /// <summary>Sends SIGKILL (what <see cref="Process.Kill()"/> does on Linux) to this process only and waits until it is gone.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: false);
        _process.WaitForExit();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: false);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    private static async Task<Uri> WaitAsync(Task<Uri> listening, Process process, ConcurrentQueue<string> output)
    {
        try
        {
            return await listening.WaitAsync(StartTimeout);
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: false);
            throw new TimeoutException($"Thuis luisterde na {StartTimeout.TotalSeconds} s nog niet:\n{string.Join('\n', output.TakeLast(40))}");
        }
    }

    private async Task WaitUntilReadyAsync()
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        var until = DateTime.UtcNow + StartTimeout;
        while (true)
        {
            using var response = await http.GetAsync("/health/ready");
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return;
            }
            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"Thuis werd niet gereed ({response.StatusCode}):\n{Output}");
            }
            await Task.Delay(200);
        }
    }

    /// <summary>The repository's src/Thuis.Web, found upwards from the tests' own folder.</summary>
    private static string ProjectFolder
    {
        get
        {
            var folder = new DirectoryInfo(AppContext.BaseDirectory);
            while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Thuis.slnx")))
            {
                folder = folder.Parent;
            }
            return folder is null
                ? throw new InvalidOperationException($"Geen Thuis.slnx boven {AppContext.BaseDirectory}.")
                : Path.Combine(folder.FullName, "src", "Thuis.Web");
        }
    }

    /// <summary>The app as built with the tests: src/Thuis.Web/bin/&lt;configuration&gt;/&lt;framework&gt;/Thuis.Web.dll.</summary>
    private static string AppAssembly
    {
        get
        {
            // The tests run from tests/Thuis.Web.Tests/bin/<configuration>/<framework>/.
            var framework = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var path = Path.Combine(ProjectFolder, "bin", framework.Parent!.Name, framework.Name, "Thuis.Web.dll");
            return File.Exists(path) ? path : throw new InvalidOperationException($"Thuis is niet gebouwd: {path} ontbreekt.");
        }
    }

    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:\d+)")]
    private static partial Regex Listening();
}
