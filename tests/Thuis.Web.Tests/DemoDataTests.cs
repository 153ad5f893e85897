using System.Net;
using Thuis.Web.Data;
using Thuis.Web.Tests.Infrastructure;

namespace Thuis.Web.Tests;

public sealed class DemoDataTests
{
    private static Dictionary<string, string?> EmbeddedDemo() => new()
    {
        // Demo data belongs to the embedded database only, whatever provider the other tests run on.
        ["Database:Provider"] = "Sqlite",
        ["Database:ConnectionString"] = $"Data Source={Path.Combine(Path.GetTempPath(), "thuis-tests", $"demo-{Guid.NewGuid():N}.db")}",
        ["Demo:SeedOnFirstStart"] = "true",
    };

    [Fact]
    public async Task In_development_the_embedded_database_starts_with_the_demo_accounts_from_the_README()
    {
        await using var app = new ThuisAppFactory("Development", EmbeddedDemo());
        using var client = new ThuisClient(app);

        var signIn = await client.SignInAsync("klantregisseur@dalfsen.example", DemoData.Password);
        Assert.Equal("/", signIn.Location);
        var dossiers = await client.GetAsync("/dossiers?wie=alle");
        Assert.Equal(HttpStatusCode.OK, dossiers.Status);
        Assert.Contains("Haddad, Samira", dossiers.Text, StringComparison.Ordinal);

        using var zoetermeer = new ThuisClient(app);
        Assert.Equal("/", (await zoetermeer.SignInAsync("beheerder@zoetermeer.example", DemoData.Password)).Location);
    }

    [Fact]
    public async Task In_production_no_demo_accounts_are_made_even_when_the_setting_is_on()
    {
        await using var app = new ThuisAppFactory("Production", EmbeddedDemo());
        using var client = new ThuisClient(app);

        var signIn = await client.SignInAsync("klantregisseur@dalfsen.example", DemoData.Password);

        Assert.Equal(HttpStatusCode.OK, signIn.Status);
        Assert.Contains("Het e-mailadres of het wachtwoord klopt niet.", signIn.Text, StringComparison.Ordinal);
    }
}
