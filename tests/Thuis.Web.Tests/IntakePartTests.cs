using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Thuis.Web.Data;
using Thuis.Web.Features.Intake;
using Thuis.Web.Platform.Auditing;
using Thuis.Web.Platform.Security;
using Thuis.Web.Tests.Infrastructure;

namespace Thuis.Web.Tests;

[Collection(AppCollection.Name)]
public sealed class IntakePartTests(AppFixture fixture)
{
    private const string FormName = "intake-deel";

    private async Task<(ThuisClient Client, Guid NewcomerId)> CaseManagerWithNewcomerAsync()
    {
        Guid id;
        await using (var scope = fixture.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystemFor(fixture.World.A.Id);
            var newcomer = People.Newcomer(fixture.World.A.Id, "Hamid", $"Rahimi{Guid.NewGuid():N}"[..14], new DateOnly(1985, 3, 3));
            db.Newcomers.Add(newcomer);
            await db.SaveChangesAsync();
            id = newcomer.Id;
        }
        var client = fixture.NewClient();
        await client.SignInOrFailAsync(await fixture.World.CreateUserAsync(fixture.World.A, Roles.CaseManager));
        return (client, id);
    }

    [Fact]
    public async Task A_part_with_bad_input_shows_the_Dutch_message_and_keeps_the_other_values()
    {
        var (client, id) = await CaseManagerWithNewcomerAsync();
        using var _ = client;
        var url = $"/dossiers/{id}/intake/leerbaarheid";

        var page = await client.SubmitAsync(url, FormName, new Dictionary<string, string>
        {
            ["Input.Score"] = "420",
            ["Input.Outcome"] = "B1Feasible",
            ["Input.Exempt"] = "true",
            ["Input.ExemptionReason"] = "",
            ["Input.TakenOn"] = "2026-10-10",
        });

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Vul de reden van de ontheffing in.", page.Text, StringComparison.Ordinal);
        Assert.Equal("420", page.ValueOf("Input.Score"));
        Assert.Equal("2026-10-10", page.ValueOf("Input.TakenOn"));
        var dossier = await client.GetAsync($"/dossiers/{id}");
        Assert.Contains("0 van 12 onderdelen ingevuld", dossier.Text, StringComparison.Ordinal);

        var badYears = await client.SubmitAsync($"/dossiers/{id}/intake/werkervaring", FormName, new Dictionary<string, string>
        {
            ["Input.Jobs[0].Title"] = "lasser",
            ["Input.Jobs[0].Years"] = "99",
        });
        Assert.Contains("Vul een aantal jaren tussen 0 en 60 in.", badYears.Text, StringComparison.Ordinal);
        Assert.Equal("lasser", badYears.ValueOf("Input.Jobs[0].Title"));

        var unknownOccupation = await client.SubmitAsync($"/dossiers/{id}/intake/werkervaring", FormName, new Dictionary<string, string>
        {
            ["Input.Jobs[0].Title"] = "lasser",
            ["Input.Jobs[0].EscoUri"] = "http://example.org/geen-esco",
        });
        Assert.Contains("Dit beroep komt niet voor in ESCO; zoek het opnieuw op.", unknownOccupation.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_good_post_saves_the_part_and_the_dossier_shows_who_recorded_it()
    {
        var (client, id) = await CaseManagerWithNewcomerAsync();
        using var _ = client;

        var saved = await client.SubmitAsync($"/dossiers/{id}/intake/talen", FormName, new Dictionary<string, string>
        {
            ["Input.Languages[0].Language"] = "Dari",
            ["Input.Languages[0].MotherTongue"] = "true",
            ["Input.Languages[0].Speaking"] = "C2",
            ["Input.Languages[1].Language"] = "Nederlands",
            ["Input.Languages[1].Speaking"] = "A1",
            ["Input.Languages[2].Language"] = "",
            ["Input.LatinScript"] = "Partly",
        });

        Assert.Equal($"/dossiers/{id}/intake/talen?opgeslagen=1", saved.Location);
        var page = await client.GetAsync(saved.Location!);
        Assert.Contains("Opgeslagen.", page.Text, StringComparison.Ordinal);
        Assert.Equal("Dari", page.ValueOf("Input.Languages[0].Language"));
        Assert.Equal("Nederlands", page.ValueOf("Input.Languages[1].Language"));
        var dossier = await client.GetAsync($"/dossiers/{id}");
        Assert.Contains("1 van 12 onderdelen ingevuld", dossier.Text, StringComparison.Ordinal);
        Assert.Contains("ingevuld door Test klantregisseur", dossier.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_two_people_save_the_same_part_the_second_is_refused_and_nothing_is_overwritten()
    {
        var (first, id) = await CaseManagerWithNewcomerAsync();
        using var _ = first;
        using var second = fixture.NewClient();
        await second.SignInOrFailAsync(await fixture.World.CreateUserAsync(fixture.World.A, Roles.Coordinator));
        var url = $"/dossiers/{id}/intake/wensen";

        // Both open the empty part, then both save.
        var firstForm = await first.GetAsync(url);
        var secondForm = await second.GetAsync(url);
        Assert.Equal(firstForm.ValueOf("Input.Version"), secondForm.ValueOf("Input.Version"));
        var saved = await first.SubmitAsync(url, FormName, new Dictionary<string, string> { ["Input.ShortTerm"] = "Nederlands leren" });
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        var refused = await second.PostFormAsync(secondForm, FormName, new Dictionary<string, string> { ["Input.ShortTerm"] = "Werk als kok" });
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("intussen", refused.Text, StringComparison.Ordinal);
        Assert.Equal("Werk als kok", refused.ValueOf("Input.ShortTerm") ?? refused.Document.QuerySelector("textarea[name='Input.ShortTerm']")?.TextContent);

        // Both open the saved part, then both change it.
        var a = await first.GetAsync(url);
        var b = await second.GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, (await first.PostFormAsync(a, FormName, new Dictionary<string, string> { ["Input.ShortTerm"] = "Nederlands leren, fietsen" })).Status);
        var refusedAgain = await second.PostFormAsync(b, FormName, new Dictionary<string, string> { ["Input.ShortTerm"] = "Overschrijven" });
        Assert.Contains("heeft dit onderdeel intussen opgeslagen", refusedAgain.Text, StringComparison.Ordinal);

        await using var scope = fixture.App.Services.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<AspirationsSection>().IgnoreQueryFilters().SingleAsync(s => s.NewcomerId == id);
        Assert.Equal("Nederlands leren, fietsen", stored.ShortTerm);
    }

    [Fact]
    public async Task Personal_circumstances_are_refused_to_other_roles_and_every_view_is_audited()
    {
        var (client, id) = await CaseManagerWithNewcomerAsync();
        using var _ = client;
        var url = $"/dossiers/{id}/intake/persoonlijke-omstandigheden";
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(url, FormName, new Dictionary<string, string> { ["Input.MentalHealth"] = "Slaapt slecht; huisarts weet ervan." })).Status);

        var view = await client.GetAsync(url);
        Assert.Contains("Slaapt slecht", view.Text, StringComparison.Ordinal);

        foreach (var role in new[] { Roles.PartnerWorker, Roles.VolunteerCoordinator, Roles.Administrator })
        {
            using var other = fixture.NewClient();
            await other.SignInOrFailAsync(await fixture.World.CreateUserAsync(fixture.World.A, role));
            var refused = await other.GetAsync(url);
            Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
            Assert.DoesNotContain("Slaapt slecht", refused.Text, StringComparison.Ordinal);
        }

        await using var scope = fixture.App.Services.CreateAsyncScope();
        var views = await scope.ServiceProvider.GetRequiredService<AppDbContext>().AuditEntries.IgnoreQueryFilters()
            .Where(a => a.ObjectType == nameof(CircumstancesSection) && a.ObjectId == id.ToString() && a.Action == AuditAction.View)
            .ToListAsync();
        Assert.True(views.Count >= 2, $"{views.Count} inzages vastgelegd");
        Assert.All(views, v => Assert.DoesNotContain("Slaapt", v.Details ?? "", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Opening_any_part_of_the_intake_is_recorded_in_the_audit_trail_with_its_purpose()
    {
        var (client, id) = await CaseManagerWithNewcomerAsync();
        using var _ = client;

        foreach (var part in IntakePart.All)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/dossiers/{id}/intake/{part.Slug}")).Status);
        }

        await using var scope = fixture.App.Services.CreateAsyncScope();
        var views = await scope.ServiceProvider.GetRequiredService<AppDbContext>().AuditEntries.IgnoreQueryFilters()
            .Where(a => a.ObjectId == id.ToString() && a.Action == AuditAction.View)
            .ToListAsync();
        Assert.All(IntakePart.All, part => Assert.Contains(views, v => v.ObjectType == part.Section.Name && v.Result == AuditResult.Success));
        Assert.Contains(views, v => v.ObjectType == nameof(FinancesSection) && v.Purpose == "Brede intake inzien: financiën");
    }
}
