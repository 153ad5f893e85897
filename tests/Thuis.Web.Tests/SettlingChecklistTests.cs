using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Thuis.Web.Data;
using Thuis.Web.Features.Intake;
using Thuis.Web.Features.Milestones;
using Thuis.Web.Platform.Auditing;
using Thuis.Web.Platform.Localization;
using Thuis.Web.Platform.Security;
using Thuis.Web.Tests.Infrastructure;

namespace Thuis.Web.Tests;

[Collection(AppCollection.Name)]
public sealed class SettlingChecklistTests(AppFixture fixture)
{
    // The order of the fixed list; the test newcomers have no household recorded, so all fourteen items show.
    private const int Bank = 1;
    private const int GeneralPractitioner = 3;
    private const int Dentist = 4;
    private const int DigiD = 7;

    /// <summary>A newcomer of municipality A of its own, housed on 1 June 2026, so tests do not share a checklist.</summary>
    private async Task<Guid> NewcomerOfAAsync(string family, bool childlessHousehold = false)
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystemFor(fixture.World.A.Id);
        var newcomer = People.Newcomer(fixture.World.A.Id, "Noor", family, new DateOnly(1993, 3, 3));
        db.Newcomers.Add(newcomer);
        if (childlessHousehold)
        {
            var household = new HouseholdSection(newcomer.Id, fixture.World.A.Id);
            household.Update(null, false, [], Thuis.Web.Features.Dossiers.FamilyReunificationStatus.NotApplicable, null);
            household.MarkRecorded("Test", DateTimeOffset.UtcNow);
            db.Add(household);
        }
        await db.SaveChangesAsync();
        return newcomer.Id;
    }

    private async Task<(ThuisClient Client, string UserId)> CaseManagerOfAAsync()
    {
        var email = await fixture.World.CreateUserAsync(fixture.World.A, Roles.CaseManager);
        var client = fixture.NewClient();
        await client.SignInOrFailAsync(email);
        return (client, await fixture.World.UserIdOfAsync(email));
    }

    [Fact]
    public async Task Ticking_two_items_shows_them_arranged_with_date_and_name_and_the_progress_on_the_timeline()
    {
        var id = await NewcomerOfAAsync("Khalil");
        var (client, _) = await CaseManagerOfAAsync();
        using var _ = client;
        var before = await client.GetAsync($"/dossiers/{id}/mijlpalen");
        Assert.Equal(HttpStatusCode.OK, before.Status);
        Assert.Contains("Vestigen: 0 van 14 geregeld", before.Text, StringComparison.Ordinal);

        var saved = await client.SubmitAsync($"/dossiers/{id}/mijlpalen/vestigen", "vestigen", new Dictionary<string, string>
        {
            [$"Input.Items[{Bank}].Status"] = "Done",
            [$"Input.Items[{Bank}].DoneOn"] = "2026-06-15",
            [$"Input.Items[{GeneralPractitioner}].Status"] = "Done",
            [$"Input.Items[{GeneralPractitioner}].DoneOn"] = "2026-07-02",
            [$"Input.Items[{GeneralPractitioner}].Note"] = "Huisartsenpraktijk De Vecht",
        });

        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        Assert.Equal($"/dossiers/{id}/mijlpalen?opgeslagen=1", saved.Location);
        var timeline = await client.GetAsync(saved.Location!);
        Assert.Contains("De vestigingslijst is opgeslagen.", timeline.Text, StringComparison.Ordinal);
        Assert.Contains("Vestigen: 2 van 14 geregeld", timeline.Text, StringComparison.Ordinal);
        Assert.Contains("2 van 14 geregeld", timeline.Document.QuerySelector("ol.thuis-events")!.TextContent, StringComparison.Ordinal);
        var items = timeline.Document.QuerySelectorAll("ul.thuis-parts li").Select(li => li.TextContent).ToList();
        Assert.Contains(items, i => i.Contains("Bankrekening", StringComparison.Ordinal) && i.Contains("geregeld op 15 juni 2026 door Test klantregisseur", StringComparison.Ordinal));
        Assert.Contains(items, i => i.Contains("Huisarts", StringComparison.Ordinal) && i.Contains("geregeld op 2 juli 2026", StringComparison.Ordinal));
        Assert.Contains(items, i => i.Contains("DigiD", StringComparison.Ordinal) && i.Contains("open", StringComparison.Ordinal));

        var form = await client.GetAsync($"/dossiers/{id}/mijlpalen/vestigen");
        Assert.Equal("Huisartsenpraktijk De Vecht", form.ValueOf($"Input.Items[{GeneralPractitioner}].Note"));
        Assert.Equal("2026-07-02", form.ValueOf($"Input.Items[{GeneralPractitioner}].DoneOn"));
    }

    [Fact]
    public async Task Not_applicable_needs_a_reason_and_then_no_longer_counts()
    {
        var id = await NewcomerOfAAsync("Sabbagh");
        var (client, _) = await CaseManagerOfAAsync();
        using var _ = client;

        var refused = await client.SubmitAsync($"/dossiers/{id}/mijlpalen/vestigen", "vestigen", new Dictionary<string, string>
        {
            [$"Input.Items[{Dentist}].Status"] = "NotApplicable",
            [$"Input.Items[{DigiD}].Status"] = "Done",
            [$"Input.Items[{DigiD}].Note"] = "Samen geactiveerd op het gemeentehuis",
        });

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("Schrijf bij ‘niet van toepassing’ de reden op.", refused.Text, StringComparison.Ordinal);
        Assert.Equal("Samen geactiveerd op het gemeentehuis", refused.ValueOf($"Input.Items[{DigiD}].Note"));
        Assert.NotNull(refused.Document.QuerySelector($"input[name='Input.Items[{Dentist}].Status'][value='NotApplicable'][checked]"));
        Assert.Contains("Vestigen: 0 van 14 geregeld", (await client.GetAsync($"/dossiers/{id}/mijlpalen")).Text, StringComparison.Ordinal);

        var saved = await client.SubmitAsync($"/dossiers/{id}/mijlpalen/vestigen", "vestigen", new Dictionary<string, string>
        {
            [$"Input.Items[{Dentist}].Status"] = "NotApplicable",
            [$"Input.Items[{Dentist}].Note"] = "Volledig kunstgebit; gaat via de kaakchirurg in Zwolle.",
            [$"Input.Items[{DigiD}].Status"] = "Done",
            [$"Input.Items[{DigiD}].DoneOn"] = "2026-07-01",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        var timeline = await client.GetAsync($"/dossiers/{id}/mijlpalen");
        Assert.Contains("Vestigen: 1 van 13 geregeld", timeline.Text, StringComparison.Ordinal);
        Assert.Contains("niet van toepassing: Volledig kunstgebit", timeline.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task School_and_day_care_do_not_count_when_the_intake_records_a_household_without_children()
    {
        var id = await NewcomerOfAAsync("Darwish", childlessHousehold: true);
        var (client, _) = await CaseManagerOfAAsync();
        using var _ = client;

        var timeline = await client.GetAsync($"/dossiers/{id}/mijlpalen");
        Assert.Contains("Vestigen: 0 van 12 geregeld", timeline.Text, StringComparison.Ordinal);
        Assert.Contains("niet van toepassing: volgens de intake geen kinderen van 4 tot 18 jaar", timeline.Text, StringComparison.Ordinal);

        var form = await client.GetAsync($"/dossiers/{id}/mijlpalen/vestigen");
        Assert.Equal(12, form.Document.QuerySelectorAll("fieldset.thuis-settling-item").Length);
        Assert.Contains("Niet van toepassing volgens de intake", form.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stale_checklist_is_refused_with_the_input_kept_and_the_other_save_intact()
    {
        var id = await NewcomerOfAAsync("Najjar");
        var (client, _) = await CaseManagerOfAAsync();
        using var _ = client;
        var url = $"/dossiers/{id}/mijlpalen/vestigen";
        var stale = await client.GetAsync(url);

        var first = await client.SubmitAsync(url, "vestigen", new Dictionary<string, string>
        {
            [$"Input.Items[{Bank}].Status"] = "Done",
            [$"Input.Items[{Bank}].DoneOn"] = "2026-07-01",
        });
        Assert.Equal(HttpStatusCode.Redirect, first.Status);

        var refused = await client.PostFormAsync(stale, "vestigen", new Dictionary<string, string>
        {
            [$"Input.Items[{DigiD}].Status"] = "Done",
            [$"Input.Items[{DigiD}].DoneOn"] = "2026-07-02",
            [$"Input.Items[{DigiD}].Note"] = "Aangevraagd bij de balie",
        });
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("Iemand anders heeft dit dossier intussen gewijzigd.", refused.Text, StringComparison.Ordinal);
        Assert.Equal("Aangevraagd bij de balie", refused.ValueOf($"Input.Items[{DigiD}].Note"));

        var timeline = await client.GetAsync($"/dossiers/{id}/mijlpalen");
        Assert.Contains("Vestigen: 1 van 14 geregeld", timeline.Text, StringComparison.Ordinal);
        var items = timeline.Document.QuerySelectorAll("ul.thuis-parts li").Select(li => li.TextContent).ToList();
        Assert.Contains(items, i => i.Contains("Bankrekening", StringComparison.Ordinal) && i.Contains("geregeld op", StringComparison.Ordinal));
        Assert.Contains(items, i => i.Contains("DigiD", StringComparison.Ordinal) && !i.Contains("geregeld", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Arranged_without_a_date_is_refused_beside_the_date_and_in_the_summary_and_nothing_is_saved()
    {
        var id = await NewcomerOfAAsync("Zonderdatum");
        var (client, _) = await CaseManagerOfAAsync();
        using var _ = client;

        // The form has today's date ready for every open item; someone clears it and ticks "geregeld".
        var form = await client.GetAsync($"/dossiers/{id}/mijlpalen/vestigen");
        Assert.Equal(TimeProvider.System.InTheNetherlands().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), form.ValueOf($"Input.Items[{Bank}].DoneOn"));
        var refused = await client.PostFormAsync(form, "vestigen", new Dictionary<string, string>
        {
            [$"Input.Items[{Bank}].Status"] = "Done",
            [$"Input.Items[{Bank}].DoneOn"] = "",
        });

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.EndsWith($"#item-{Bank}-datum", refused.Document.QuerySelector(".thuis-error-summary a")?.GetAttribute("href"), StringComparison.Ordinal);
        Assert.Contains("Vul in wanneer dit geregeld is.", refused.Document.QuerySelector(".thuis-error-summary")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("Vestigen: 0 van 14 geregeld", (await client.GetAsync($"/dossiers/{id}/mijlpalen")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Viewing_the_timeline_and_the_checklist_and_saving_it_are_in_the_audit_trail()
    {
        var id = await NewcomerOfAAsync("Hamdan");
        var (client, userId) = await CaseManagerOfAAsync();
        using var _ = client;

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/dossiers/{id}/mijlpalen")).Status);
        var saved = await client.SubmitAsync($"/dossiers/{id}/mijlpalen/vestigen", "vestigen", new Dictionary<string, string>
        {
            [$"Input.Items[{Bank}].Status"] = "Done",
            [$"Input.Items[{Bank}].DoneOn"] = "2026-06-15",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);

        await using var scope = fixture.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var entries = await db.AuditEntries.IgnoreQueryFilters().AsNoTracking()
            .Where(a => a.ActorId == userId && a.ObjectId == id.ToString()).OrderBy(a => a.Sequence).ToListAsync();
        var views = entries.Where(e => e.Action == AuditAction.View).ToList();
        // The timeline, the form before posting, and the form as it is posted.
        Assert.Equal(3, views.Count);
        Assert.All(views, v => Assert.Equal((nameof(Milestone), AuditResult.Success, ViewMilestones.Purpose, fixture.World.A.Id), (v.ObjectType, v.Result, v.Purpose, v.MunicipalityId)));
        var created = Assert.Single(entries, e => e.Action == AuditAction.Create);
        Assert.Equal(nameof(SettlingChecklist), created.ObjectType);
    }

    [Fact]
    public async Task Another_municipalitys_newcomer_has_no_milestones_to_see_or_change()
    {
        var b = fixture.World.B;
        var (client, userId) = await CaseManagerOfAAsync();
        using var _ = client;
        foreach (var page in new[] { "mijlpalen", "mijlpalen/vestigen", "mijlpalen/stand" })
        {
            var answer = await client.GetAsync($"/dossiers/{b.NewcomerId}/{page}");
            Assert.Equal(HttpStatusCode.NotFound, answer.Status);
            Assert.DoesNotContain(b.NewcomerName, answer.Text, StringComparison.Ordinal);
        }

        // A form of one's own newcomer, posted to the address of the other municipality's newcomer.
        var own = await client.GetAsync($"/dossiers/{fixture.World.A.NewcomerId}/mijlpalen/vestigen");
        var form = own.Form("vestigen");
        var fields = form.Elements.OfType<AngleSharp.Html.Dom.IHtmlInputElement>()
            .Where(i => !string.IsNullOrEmpty(i.Name) && (i.Type is not "radio" || i.IsChecked))
            .ToDictionary(i => i.Name!, i => i.Value);
        fields[$"Input.Items[{Bank}].Status"] = "Done";
        using var content = new FormUrlEncodedContent(fields);
        using var posted = await client.Http.PostAsync($"/dossiers/{b.NewcomerId}/mijlpalen/vestigen", content);
        // The page finds no such newcomer and renders no form, so the post is refused before any handler runs.
        Assert.True(posted.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest, $"{posted.StatusCode}");

        await using var scope = fixture.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.False(await db.SettlingChecklists.IgnoreQueryFilters().AnyAsync(c => c.NewcomerId == b.NewcomerId));
        var attempts = await db.AuditEntries.IgnoreQueryFilters().AsNoTracking()
            .Where(a => a.ActorId == userId && a.ObjectId == b.NewcomerId.ToString()).ToListAsync();
        Assert.NotEmpty(attempts);
        Assert.All(attempts, a => Assert.Equal((AuditResult.NotFound, fixture.World.A.Id), (a.Result, a.MunicipalityId)));
    }
}
