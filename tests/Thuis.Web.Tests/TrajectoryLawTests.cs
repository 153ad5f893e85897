using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Thuis.Web.Data;
using Thuis.Web.Features.Plans;
using Thuis.Web.Features.Trajectories;
using Thuis.Web.Platform.Security;
using Thuis.Web.Tests.Infrastructure;

namespace Thuis.Web.Tests;

/// <summary>The PVT and the MAP through the app: the law apart from the municipality's own practice.</summary>
[Collection(AppCollection.Name)]
public sealed class TrajectoryLawTests(AppFixture fixture)
{
    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly NextMonday => CalendarPeriod.MondayOf(Groups.Today).AddDays(7);

    private async Task<ThuisClient> SignedInAsync(TestMunicipality municipality, string role)
    {
        var client = fixture.NewClient();
        await client.SignInOrFailAsync(await fixture.World.CreateUserAsync(municipality, role));
        return client;
    }

    [Fact]
    public async Task The_administrator_sets_the_PVT_practice_and_the_template_and_the_group_follow_it_while_the_law_stays()
    {
        var here = await fixture.World.AddMunicipalityAsync("Werkwijzedorp");
        using var admin = await SignedInAsync(here, Roles.Administrator);

        var page = await admin.GetAsync("/beheer");
        Assert.Equal(("26", "3"), (page.ValueOf("PvtPracticeInput.Lessons"), page.ValueOf("PvtPracticeInput.Months")));
        Assert.Contains("De wet vraagt een participatieverklaringstraject (PVT) van minstens 12 uur", page.Text, StringComparison.Ordinal);

        var refused = await admin.PostFormAsync(page, "pvt-werkwijze", new Dictionary<string, string>
        {
            ["PvtPracticeInput.Lessons"] = "99",
            ["PvtPracticeInput.Months"] = "0",
        });
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("Kies 0 tot en met 60 taallessen.", refused.Text, StringComparison.Ordinal);
        Assert.Contains("Kies 1 tot en met 12 maanden.", refused.Text, StringComparison.Ordinal);
        Assert.Equal("99", refused.ValueOf("PvtPracticeInput.Lessons"));
        Assert.Equal(PvtPractice.Default, await Groups.ReadAsync(fixture.App, here, db => db.Municipalities.Where(m => m.Id == here.Id).Select(m => m.PvtPractice).SingleAsync()));

        var saved = await admin.PostFormAsync(await admin.GetAsync("/beheer"), "pvt-werkwijze", new Dictionary<string, string>
        {
            ["PvtPracticeInput.Lessons"] = "6",
            ["PvtPracticeInput.ThemedWorkshops"] = "false",
            ["PvtPracticeInput.Months"] = "1",
        });
        Assert.Contains("De werkwijze van het participatieverklaringstraject is opgeslagen.", saved.Text, StringComparison.Ordinal);
        Assert.Equal(new PvtPractice(6, false, 1), await Groups.ReadAsync(fixture.App, here, db => db.Municipalities.Where(m => m.Id == here.Id).Select(m => m.PvtPractice).SingleAsync()));

        using var coordinator = await SignedInAsync(here, Roles.Coordinator);
        Assert.Contains("Het sjabloon plant 6 taallessen op de gekozen lesdagen vanaf de startdatum, binnen 1 maand, en één workshop",
            (await coordinator.GetAsync("/trajecten/nieuw")).Text, StringComparison.Ordinal);
        var created = await coordinator.SubmitAsync("/trajecten/nieuw", "groep-aanmaken", new Dictionary<string, string>
        {
            ["Input.Name"] = "PVT Werkwijzedorp",
            ["Input.StartDate"] = Iso(NextMonday),
        });
        Assert.EndsWith("?aangemaakt=7", created.Location, StringComparison.Ordinal);
        var group = await coordinator.GetAsync(created.Location!);
        Assert.Equal("minstens 12 uur, met de ondertekening van de participatieverklaring", Row(group, "Wettelijke eis per deelnemer"));
        Assert.Equal("6 taallessen", Row(group, "Werkwijze van de gemeente"));
    }

    [Fact]
    public async Task A_MAP_group_counts_practice_hours_toward_the_law_s_40_and_does_not_take_someone_on_the_onderwijsroute()
    {
        using var coordinator = await SignedInAsync(fixture.World.A, Roles.Coordinator);
        var created = await coordinator.SubmitAsync("/trajecten/nieuw", "groep-aanmaken", new Dictionary<string, string>
        {
            ["Input.Kind"] = nameof(CourseKind.Map),
            ["Input.Name"] = "MAP praktijkproef",
            ["Input.StartDate"] = Iso(Groups.Today.AddDays(-14)),
        });
        Assert.Equal(HttpStatusCode.Redirect, created.Status);
        var groupId = Guid.Parse(created.Location!.Split('/', '?')[2]);

        var inPvt = await Groups.SeedAsync(fixture.App, fixture.World.A, "Praktijkloos", 0, 1);
        var wrongKind = await coordinator.SubmitAsync($"/trajecten/{inPvt.Id}/bijeenkomsten/nieuw", "bijeenkomst-toevoegen", new Dictionary<string, string>
        {
            ["Input.Date"] = Iso(Groups.Today.AddDays(2)),
            ["Input.Kind"] = nameof(SessionKind.Practice),
            ["Input.Start"] = "09:00",
            ["Input.End"] = "17:00",
        });
        Assert.Contains("Praktijkuren (werkervaring) horen bij een MAP-groep.", wrongKind.Text, StringComparison.Ordinal);

        var form = await coordinator.GetAsync($"/trajecten/{groupId}/bijeenkomsten/nieuw");
        Assert.NotNull(form.Document.QuerySelector("select[name='Input.Kind'] option[value='Practice']"));
        var practice = await coordinator.PostFormAsync(form, "bijeenkomst-toevoegen", new Dictionary<string, string>
        {
            ["Input.Date"] = Iso(Groups.Today.AddDays(-7)),
            ["Input.Kind"] = nameof(SessionKind.Practice),
            ["Input.Start"] = "09:00",
            ["Input.End"] = "17:00",
        });
        Assert.Equal(HttpStatusCode.Redirect, practice.Status);

        var newcomer = await Groups.NewcomerAsync(fixture.App, fixture.World.A, "Yara", "Praktijk");
        var enrolled = await coordinator.SubmitAsync($"/trajecten/{groupId}?zoek=praktijk", "inschrijven", new Dictionary<string, string>
        {
            ["Enrol.NewcomerId"] = newcomer.ToString(),
            ["Enrol.Since"] = Iso(Groups.Today.AddDays(-14)),
        });
        Assert.Equal(HttpStatusCode.Redirect, enrolled.Status);
        var sessionId = await Groups.ReadAsync(fixture.App, fixture.World.A, db => db.Sessions.Where(s => s.GroupId == groupId).Select(s => s.Id).SingleAsync());
        var attendance = await coordinator.GetAsync($"/trajecten/{groupId}/bijeenkomsten/{sessionId}");
        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.PostFormAsync(attendance, "aanwezigheid", new Dictionary<string, string> { ["Input.Rows[0].Value"] = "Present" })).Status);

        using var caseManager = await SignedInAsync(fixture.World.A, Roles.CaseManager);
        var lessons = await caseManager.GetAsync($"/dossiers/{newcomer}/lessen");
        Assert.Equal("8 van 40 uur", Row(lessons, "Praktijkuren"));
        Assert.Equal("wet: nog 32 uur praktijk, nog 8 thema's te gaan", Row(lessons, "Stand"));

        var onEducationRoute = await Groups.NewcomerAsync(fixture.App, fixture.World.A, "Omid", "Onderwijsroute");
        await FixPlanWithRouteAsync(onEducationRoute, LearningRoute.Education);
        var refused = await coordinator.SubmitAsync($"/trajecten/{groupId}?zoek=onderwijsroute", "inschrijven", new Dictionary<string, string>
        {
            ["Enrol.NewcomerId"] = onEducationRoute.ToString(),
            ["Enrol.Since"] = Iso(Groups.Today),
        });
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("Deze persoon volgt de onderwijsroute en is vrijgesteld van de MAP", refused.Text, StringComparison.Ordinal);
        Assert.Equal(0, await Groups.ReadAsync(fixture.App, fixture.World.A, db => db.Enrolments.CountAsync(e => e.GroupId == groupId && e.NewcomerId == onEducationRoute)));
    }

    private static string? Row(ThuisClient.Page page, string key) =>
        page.Document.QuerySelectorAll("dt").FirstOrDefault(dt => dt.TextContent.Trim() == key)?.NextElementSibling?.TextContent.Trim();

    private async Task FixPlanWithRouteAsync(Guid newcomerId, LearningRoute route)
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystemFor(fixture.World.A.Id);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var newcomer = await db.Newcomers.SingleAsync(n => n.Id == newcomerId);
        var plan = IntegrationPlan.FirstDraft(newcomer, "test", DateTimeOffset.UtcNow);
        plan.Revise(new PlanTerms(route, MainGoal.Education, null, null, null, null, null, null, null, 6, null, 1),
            new Dictionary<ParticipationDomain, string> { [ParticipationDomain.PaidWork] = "Naar het mbo" },
            [new StepContent(null, ParticipationDomain.PaidWork, "Intake bij het ROC", StepOwner.Newcomer, null, Groups.Today.AddDays(14), false, null)], Groups.Today);
        plan.Fix(Groups.Today, "test", DateTimeOffset.UtcNow);
        db.IntegrationPlans.Add(plan);
        await db.SaveChangesAsync();
    }
}
