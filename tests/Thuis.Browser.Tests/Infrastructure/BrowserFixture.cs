using System.Diagnostics;
using Microsoft.Playwright;

[assembly: AssemblyFixture(typeof(Thuis.Browser.Tests.Infrastructure.BrowserFixture))]

namespace Thuis.Browser.Tests.Infrastructure;

/// <summary>
/// One running Thuis app and one headless Debian Chromium for the whole test run; every test gets
/// a fresh browser context of its own, so no cookie or session leaks from one test to the next.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private const string FallbackChromium = "/usr/bin/chromium";

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public ThuisAppFactory App { get; } = new();

    public Uri BaseAddress { get; private set; } = default!;

    public async ValueTask InitializeAsync()
    {
        var chromium = FindChromium();
        App.StartServer();
        BaseAddress = App.BaseAddress;

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args =
            [
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        });
    }

    /// <summary>
    /// A fresh context (cookies, storage) with one page, in Dutch, at a desktop size; at another address of the same app
    /// when asked (passkeys need a host name such as localhost, never an IP address).
    /// </summary>
    public async Task<IBrowserContext> NewContextAsync(Uri? baseAddress = null)
    {
        var browser = _browser ?? throw new InvalidOperationException("The browser has not been started.");
        return await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = (baseAddress ?? BaseAddress).ToString(),
            Locale = "nl-NL",
            TimezoneId = "Europe/Amsterdam",
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }
        _playwright?.Dispose();
        await App.DisposeAsync();
    }

    // Debian's chromium, never a browser downloaded by `playwright install`.
    private static string FindChromium()
    {
        var found = CommandV("chromium");
        var path = string.IsNullOrWhiteSpace(found) ? FallbackChromium : found;
        if (!File.Exists(path))
        {
            throw new InvalidOperationException(
                $"Chromium was not found (`command -v chromium` gave nothing and {FallbackChromium} does not exist). " +
                "The browser tests need Debian's Chromium: apt-get install -y chromium.");
        }
        return path;
    }

    private static string? CommandV(string program)
    {
        try
        {
            using var shell = Process.Start(new ProcessStartInfo("/bin/sh", ["-c", $"command -v {program}"])
            {
                RedirectStandardOutput = true,
                UseShellExecute = false,
            });
            if (shell is null)
            {
                return null;
            }
            var output = shell.StandardOutput.ReadToEnd().Trim();
            shell.WaitForExit();
            return shell.ExitCode == 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
