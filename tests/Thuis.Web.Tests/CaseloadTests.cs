using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Thuis.Web.Data;
using Thuis.Web.Features.Intake;
using Thuis.Web.Platform.Security;
using Thuis.Web.Tests.Infrastructure;

namespace Thuis.Web.Tests;

public sealed class CaseloadTests
{
    [Fact]
    public async Task The_caseload_tells_per_person_which_intake_parts_are_still_missing()
    {
        await using var app = new ThuisAppFactory();
        var world = await TestWorld.SeedAsync(app);
        var recorded = new List<string>();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystemFor(world.A.Id);
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var before = await IntakePart.RecordedAsync(db, [world.A.NewcomerId], CancellationToken.None);
            recorded.AddRange(before[world.A.NewcomerId].Select(p => p.Part.Title));
            var languages = new LanguagesSection(world.A.NewcomerId, world.A.Id);
            languages.MarkRecorded("test", DateTimeOffset.UtcNow);
            var network = new NetworkSection(world.A.NewcomerId, world.A.Id);
            network.MarkRecorded("test", DateTimeOffset.UtcNow);
            db.AddRange(languages, network);
            await db.SaveChangesAsync();
            Assert.DoesNotContain("Talen", recorded);

            // Read back with who recorded them and when, in the order of the conversation (languages before network).
            var after = (await IntakePart.RecordedAsync(db, [world.A.NewcomerId], CancellationToken.None))[world.A.NewcomerId].ToList();
            var added = after.Where(p => p.Part.Title is "Talen" or "Informeel netwerk").ToList();
            Assert.Equal(["Talen", "Informeel netwerk"], added.Select(p => p.Part.Title));
            Assert.All(added, p => Assert.Equal("test", p.RecordedBy));
            Assert.Equal(after.OrderBy(p => IntakePart.All.ToList().IndexOf(p.Part)).Select(p => p.Part), after.Select(p => p.Part));
        }
        using var caseManager = new ThuisClient(app);
        await caseManager.SignInOrFailAsync(await world.CreateUserAsync(world.A, Roles.CaseManager));

        var page = await caseManager.GetAsync($"/dossiers?wie=alle&zoek={Uri.EscapeDataString(world.A.NewcomerName)}");

        var row = page.Document.QuerySelectorAll("tbody tr").Single();
        var done = recorded.Count + 2;
        Assert.Contains($"{done}/12, mist {12 - done}", row.TextContent, StringComparison.Ordinal);
        var missing = row.QuerySelector(".thuis-part__state")!.TextContent;
        Assert.DoesNotContain("Talen", missing, StringComparison.Ordinal);
        Assert.DoesNotContain("Informeel netwerk", missing, StringComparison.Ordinal);
        Assert.Contains("Wensen en dromen", missing, StringComparison.Ordinal);
    }

    [Fact]
    public async Task People_without_a_case_manager_stay_in_the_whole_municipality_and_have_a_choice_of_their_own()
    {
        await using var app = new ThuisAppFactory();
        var world = await TestWorld.SeedAsync(app);
        var email = await world.CreateUserAsync(world.A, Roles.CaseManager);
        var me = await world.UserIdOfAsync(email);
        await Groups.NewcomerAsync(app, world.A, "Amal", "Zonderregisseur");
        var guided = await Groups.NewcomerAsync(app, world.A, "Bilal", "Zonderregisseur");
        await Groups.ReadAsync(app, world.A, async db =>
        {
            (await db.Newcomers.SingleAsync(n => n.Id == guided)).AssignCaseManager(me);
            return await db.SaveChangesAsync();
        });
        using var caseManager = new ThuisClient(app);
        await caseManager.SignInOrFailAsync(email);

        static List<string> Names(ThuisClient.Page page) =>
            [.. page.Document.QuerySelectorAll("tbody tr td:first-child").Select(td => td.TextContent.Trim())];

        var without = await caseManager.GetAsync("/dossiers?wie=zonder&zoek=Zonderregisseur");
        Assert.Equal(["Zonderregisseur, Amal"], Names(without));
        Assert.Equal("zonder", without.Document.QuerySelector("select#wie option[selected]")?.GetAttribute("value"));
        Assert.Equal("zonder klantregisseur", without.Document.QuerySelector("select#wie option[value='zonder']")?.TextContent.Trim());
        Assert.Contains("geen", without.Document.QuerySelector("tbody tr")!.TextContent, StringComparison.Ordinal);

        // "Hele gemeente" includes them; "mijn caseload" holds only the case manager's own.
        Assert.Equal(["Zonderregisseur, Amal", "Zonderregisseur, Bilal"], Names(await caseManager.GetAsync("/dossiers?wie=alle&zoek=Zonderregisseur")));
        Assert.Equal(["Zonderregisseur, Bilal"], Names(await caseManager.GetAsync("/dossiers?wie=mijn&zoek=Zonderregisseur")));
    }
}
