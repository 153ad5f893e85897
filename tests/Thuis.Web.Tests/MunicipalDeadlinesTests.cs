using Thuis.Web.Platform.Security;
using Thuis.Web.Tests.Infrastructure;

namespace Thuis.Web.Tests;

public sealed class MunicipalDeadlinesTests
{
    [Fact]
    public async Task An_administrator_sets_the_PIP_deadline_and_every_dossier_of_the_municipality_counts_with_it()
    {
        await using var app = new ThuisAppFactory();
        var world = await TestWorld.SeedAsync(app);
        using var caseManager = new ThuisClient(app);
        await caseManager.SignInOrFailAsync(await world.CreateUserAsync(world.A, Roles.CaseManager));
        // The test newcomers registered on 1 June 2026 and were housed that day.
        var before = await caseManager.GetAsync($"/dossiers/{world.A.NewcomerId}");
        Assert.Contains("10 augustus 2026", before.Text, StringComparison.Ordinal);
        Assert.Contains("15 juni 2026", before.Text, StringComparison.Ordinal);

        using var admin = new ThuisClient(app);
        await admin.SignInOrFailAsync(await world.CreateUserAsync(world.A, Roles.Administrator));
        var refused = await admin.SubmitAsync("/beheer", "termijnen", new Dictionary<string, string> { ["DeadlinesInput.PipDeadlineWeeks"] = "12" });
        Assert.Contains("Kies 1 tot en met 10 weken; de wet staat er hoogstens tien toe.", refused.Text, StringComparison.Ordinal);
        Assert.Equal("12", refused.ValueOf("DeadlinesInput.PipDeadlineWeeks"));

        var saved = await admin.SubmitAsync("/beheer", "termijnen", new Dictionary<string, string>
        {
            ["DeadlinesInput.PipDeadlineWeeks"] = "8",
            ["DeadlinesInput.PvtStartDays"] = "7",
        });
        Assert.Contains("De termijnen zijn opgeslagen.", saved.Text, StringComparison.Ordinal);

        var after = await caseManager.GetAsync($"/dossiers/{world.A.NewcomerId}");
        Assert.Contains("27 juli 2026", after.Text, StringComparison.Ordinal);
        Assert.Contains("8 juni 2026", after.Text, StringComparison.Ordinal);

        using var other = new ThuisClient(app);
        await other.SignInOrFailAsync(await world.CreateUserAsync(world.B, Roles.CaseManager));
        Assert.Contains("10 augustus 2026", (await other.GetAsync($"/dossiers/{world.B.NewcomerId}")).Text, StringComparison.Ordinal);
    }
}
