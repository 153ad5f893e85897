using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Thuis.Web.Data;
using Thuis.Web.Platform.Security;
using Thuis.Web.Tests.Infrastructure;

namespace Thuis.Web.Tests;

[Collection(AppCollection.Name)]
public sealed class RecordMilestonesTests(AppFixture fixture)
{
    private async Task<(ThuisClient Client, string Url)> CaseManagerWithNewcomerAsync(string family)
    {
        await using (var scope = fixture.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystemFor(fixture.World.A.Id);
            var newcomer = People.Newcomer(fixture.World.A.Id, "Rami", family, new DateOnly(1985, 9, 9));
            db.Newcomers.Add(newcomer);
            await db.SaveChangesAsync();
            var client = fixture.NewClient();
            await client.SignInOrFailAsync(await fixture.World.CreateUserAsync(fixture.World.A, Roles.CaseManager));
            return (client, $"/dossiers/{newcomer.Id}/mijlpalen");
        }
    }

    [Fact]
    public async Task Participating_is_recorded_as_reached_with_a_date_and_an_activity_and_shows_on_the_timeline()
    {
        var (client, url) = await CaseManagerWithNewcomerAsync("Qassem");
        using var _ = client;

        var refused = await client.SubmitAsync($"{url}/stand", "mijlpalen", new Dictionary<string, string>
        {
            ["Input.Participate.State"] = "Reached",
            ["Input.Integrate.State"] = "Behind",
            ["Input.Integrate.SignChoices[PVT afgerond]"] = "true",
        });
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("Vul in op welke datum de mijlpaal is bereikt.", refused.Text, StringComparison.Ordinal);
        Assert.Contains("Kruis aan waarin de persoon actief is: minstens één.", refused.Text, StringComparison.Ordinal);
        Assert.Contains("Schrijf op wat er in de weg staat, zodat het opgepakt kan worden.", refused.Text, StringComparison.Ordinal);
        Assert.NotNull(refused.Document.QuerySelector("input[name='Input.Integrate.SignChoices[PVT afgerond]'][checked]"));
        Assert.NotNull(refused.Document.QuerySelector("input[name='Input.Integrate.State'][value='Behind'][checked]"));

        var saved = await client.SubmitAsync($"{url}/stand", "mijlpalen", new Dictionary<string, string>
        {
            ["Input.Participate.State"] = "Reached",
            ["Input.Participate.ReachedOn"] = "2026-10-12",
            ["Input.Participate.SignChoices[vrijwilligerswerk]"] = "true",
            ["Input.Integrate.State"] = "Behind",
            ["Input.Integrate.SignChoices[PVT afgerond]"] = "true",
            ["Input.Integrate.Note"] = "Wacht op een plek bij de taalschool in Zwolle.",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        Assert.Equal($"{url}?opgeslagen=2", saved.Location);

        var timeline = await client.GetAsync(saved.Location!);
        var events = timeline.Document.QuerySelector("ol.thuis-events")!.TextContent;
        Assert.Contains("Participeren: bereikt op 12 oktober 2026", events, StringComparison.Ordinal);
        Assert.Contains("Inburgeren: loopt achter", events, StringComparison.Ordinal);
        Assert.Contains("Wacht op een plek bij de taalschool in Zwolle.", timeline.Text, StringComparison.Ordinal);
        Assert.Contains("Aangekruist: vrijwilligerswerk.", timeline.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stale_milestones_form_is_refused_with_the_input_kept()
    {
        var (client, url) = await CaseManagerWithNewcomerAsync("Halabi");
        using var _ = client;
        var stale = await client.GetAsync($"{url}/stand");

        var first = await client.SubmitAsync($"{url}/stand", "mijlpalen", new Dictionary<string, string>
        {
            ["Input.Integrate.SignChoices[taalcursus loopt]"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, first.Status);

        var refused = await client.PostFormAsync(stale, "mijlpalen", new Dictionary<string, string>
        {
            ["Input.Integrate.Note"] = "Taalcursus drie ochtenden per week",
        });
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("Iemand anders heeft dit dossier intussen gewijzigd.", refused.Text, StringComparison.Ordinal);
        Assert.Equal("Taalcursus drie ochtenden per week", refused.Document.QuerySelector("textarea[name='Input.Integrate.Note']")?.TextContent);
        Assert.DoesNotContain("Taalcursus drie ochtenden per week", (await client.GetAsync(url)).Text, StringComparison.Ordinal);
    }
}
