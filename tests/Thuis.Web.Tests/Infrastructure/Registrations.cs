using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Thuis.Web.Platform.Security;

namespace Thuis.Web.Tests.Infrastructure;

/// <summary>Registering newcomers through the real form, as a case manager does, on an app started as its own process.</summary>
public static partial class Registrations
{
    private static int _born;

    /// <summary>
    /// A fresh database with the test world and a case manager of municipality A, made by the app in this process, which
    /// is then stopped: its settings start the app again as its own process on the same data.
    /// </summary>
    public static async Task<(Dictionary<string, string?> Settings, TestWorld World, string CaseManager)> SeedAsync(
        IDictionary<string, string?>? settings = null)
    {
        TestWorld world;
        string email;
        Dictionary<string, string?> all;
        await using (var seed = new ThuisAppFactory(settings: settings))
        {
            world = await TestWorld.SeedAsync(seed);
            email = await world.CreateUserAsync(world.A, Roles.CaseManager);
            all = new Dictionary<string, string?>(seed.Settings);
        }
        SqliteConnection.ClearAllPools();
        return (all, world, email);
    }

    /// <summary>The new dossier's id when the registration was confirmed: a redirect to that dossier.</summary>
    public static Guid? DossierOf(ThuisClient.Page page) =>
        page.Status == HttpStatusCode.Redirect && DossierAddress().Match(page.Location ?? "") is { Success: true } match
            ? Guid.Parse(match.Groups[1].Value)
            : null;

    /// <summary>A family name no other registration has, of letters only: "Duurzaam" and the writer and number spelled in letters.</summary>
    public static string FamilyName(int writer, int n) =>
        $"Duurzaam{string.Concat($"{writer}x{n}".Select(c => c == 'x' ? 'x' : (char)('a' + (c - '0'))))}";

    /// <summary>Searches first, as the page asks, then registers a newcomer with a birth date no other registration has.</summary>
    public static Task<ThuisClient.Page> RegisterAsync(ThuisClient client, string family)
    {
        var born = new DateOnly(1960, 1, 1).AddDays(Interlocked.Increment(ref _born));
        return client.SubmitAsync($"/dossiers/nieuw?zoek={family}", "registreren", new Dictionary<string, string>
        {
            ["Input.GivenNames"] = "Amal",
            ["Input.FamilyName"] = family,
            ["Input.DateOfBirth"] = born.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Gender"] = "Female",
            ["Input.CountryOfOrigin"] = "Eritrea",
            ["Input.Bsn"] = "",
            ["Input.TargetGroup"] = "AsylumPermitHolder",
            ["Input.RegistrationDate"] = "2026-09-01",
            ["Input.Postcode"] = "",
        });
    }

    [GeneratedRegex("^/dossiers/([0-9a-f-]{36})\\?geregistreerd=1$")]
    private static partial Regex DossierAddress();
}
