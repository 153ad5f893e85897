using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Thuis.Web.Data;
using Thuis.Web.Features.Intake;
using Thuis.Web.Features.Plans;
using Thuis.Web.Features.Work;
using Thuis.Web.Platform.Localization;
using Thuis.Web.Platform.Security;
using Thuis.Web.Tests.Infrastructure;

namespace Thuis.Web.Tests;

/// <summary>
/// The road in the plan (seed 003): the training steps the plan page suggests go in the plan with one button, and the
/// education route from the entree course up becomes a path of steps with due dates that follow from the durations.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class WorkRouteTests(AppFixture fixture)
{
    private static readonly DateOnly Today = TimeProvider.System.InTheNetherlands();

    private TestWorld World => fixture.World;

    [Fact]
    public async Task A_training_step_put_in_the_plan_becomes_a_step_in_the_work_domain_and_the_suggestion_is_gone()
    {
        var person = await PersonWithPlanAsync("Training", MainGoal.Work, steps: "Cv maken met de buurvrouw");
        using var client = await CaseManagerAsync(World.A);
        var plan = $"/dossiers/{person}/plan";

        var page = await client.GetAsync(plan);

        // The plan already has a CV step, so the CV is not suggested again.
        Assert.Equal(["sollicitatietraining", "elevator-pitch", "jobcoach"], Buttons(page));
        Assert.Contains("Sollicitatietraining volgen: in het plan zetten", page.Document.QuerySelectorAll("button[name='WorkStep.Step']").Select(b => b.GetAttribute("aria-label")));
        var added = await client.PostFormAsync(page, "werkstap", new Dictionary<string, string> { ["WorkStep.Step"] = "sollicitatietraining" });

        Assert.Equal($"{plan}?klaar={AddWorkStepToPlan.Added}", added.Location);
        var steps = await StepsAsync(World.A, person);
        var step = Assert.Single(steps, s => s.What == "Sollicitatietraining volgen");
        Assert.Equal(ParticipationDomain.PaidWork, step.Domain);
        Assert.Equal(StepOwner.Newcomer, step.Owner);
        Assert.Equal(Today.AddDays(56), step.Due);
        Assert.Equal(1, step.Position);
        var after = await client.GetAsync($"{plan}?klaar={AddWorkStepToPlan.Added}");
        Assert.Contains("De stap staat in het plan.", after.Text, StringComparison.Ordinal);
        Assert.Equal(["elevator-pitch", "jobcoach"], Buttons(after));

        // Posting the same step again (a second click on an old page) adds nothing.
        var again = await client.PostFormAsync(page, "werkstap", new Dictionary<string, string> { ["WorkStep.Step"] = "sollicitatietraining" });
        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.Contains(AddWorkStepToPlan.NotAsked, again.Text, StringComparison.Ordinal);
        Assert.Single(await StepsAsync(World.A, person), s => s.What == "Sollicitatietraining volgen");
    }

    [Fact]
    public async Task Training_steps_are_suggested_for_work_as_main_goal_or_from_piezo_phase_2_and_a_fixed_plan_gets_a_new_version()
    {
        using var client = await CaseManagerAsync(World.A);
        var participation = await PersonWithPlanAsync("Meedoen", MainGoal.Participation, phase: 1);
        Assert.Empty(Buttons(await client.GetAsync($"/dossiers/{participation}/plan")));
        var phaseTwo = await PersonWithPlanAsync("FaseTwee", MainGoal.Participation, phase: 2);
        Assert.Equal(["cv", "sollicitatietraining", "elevator-pitch", "jobcoach"], Buttons(await client.GetAsync($"/dossiers/{phaseTwo}/plan")));

        var person = await PersonWithPlanAsync("Vastgesteld", MainGoal.Work, fix: true, steps: "Bibliotheekpas halen");
        var plan = $"/dossiers/{person}/plan";
        var added = await client.SubmitAsync(plan, "werkstap", new Dictionary<string, string> { ["WorkStep.Step"] = "elevator-pitch" });

        Assert.Equal($"{plan}?klaar={AddWorkStepToPlan.AddedToNewVersion}", added.Location);
        var versions = await VersionsAsync(World.A, person);
        Assert.Equal([PlanState.Fixed, PlanState.Draft], versions.Select(p => p.State));
        Assert.Equal(["Bibliotheekpas halen"], versions[0].Steps.Select(s => s.What));
        Assert.Equal(["Bibliotheekpas halen", "Elevator pitch maken en oefenen"], versions[1].Steps.OrderBy(s => s.Position).Select(s => s.What));
    }

    [Fact]
    public async Task The_route_from_entree_to_mbo_2_adds_its_steps_in_order_with_due_dates_that_follow_from_the_durations()
    {
        var person = await PersonWithPlanAsync("Route", MainGoal.Work, education: EducationLevel.Primary, steps: "Bibliotheekpas halen");
        using var client = await CaseManagerAsync(World.A);
        var plan = $"/dossiers/{person}/plan";
        Assert.NotNull((await client.GetAsync(plan)).Document.QuerySelector($"a[href='{plan}/opleidingsroute']"));

        var form = await client.GetAsync($"{plan}/opleidingsroute");

        // The intake says primary school: the route starts at the entree course and aims, for now, at mbo 2.
        Assert.Equal(HttpStatusCode.OK, form.Status);
        Assert.Equal("entree", Selected(form, "Input.Start"));
        Assert.Equal("mbo2", Selected(form, "Input.Aim"));
        var levels = form.Document.QuerySelector("[data-testid=route-niveaus]")!.TextContent;
        Assert.Contains("Nederlands op B2 (Staatsexamen NT2 programma II)", levels, StringComparison.Ordinal);
        var startsOn = Today.AddDays(30);
        var saved = await client.PostFormAsync(form, "opleidingsroute", new Dictionary<string, string>
        {
            ["Input.Field"] = "zorg en welzijn",
            ["Input.StartsOn"] = Iso(startsOn),
            ["Input.School"] = "ROC Friese Poort",
        });

        Assert.Equal($"{plan}?klaar={ChooseEducationRoute.Added}", saved.Location);
        var steps = (await StepsAsync(World.A, person)).OrderBy(s => s.Position).ToList();
        Assert.Equal(
            ["Bibliotheekpas halen", "Entreeopleiding (mbo 1) in zorg en welzijn volgen en het diploma halen", "Basisberoepsopleiding (mbo 2) in zorg en welzijn volgen en het diploma halen"],
            steps.Select(s => s.What));
        Assert.Equal([startsOn.AddMonths(12), startsOn.AddMonths(12).AddMonths(24)], steps.Skip(1).Select(s => s.Due!.Value));
        Assert.All(steps.Skip(1), s =>
        {
            Assert.Equal("Opleidingsroute zorg en welzijn: entree → mbo 2", s.Offer);
            Assert.Equal("ROC Friese Poort", s.OwnerName);
            Assert.Equal(ParticipationDomain.PaidWork, s.Domain);
        });
        Assert.Contains("De opleidingsroute staat als stappen in het plan, op volgorde.", (await client.GetAsync($"{plan}?klaar={ChooseEducationRoute.Added}")).Text, StringComparison.Ordinal);

        // The same route once more is refused; the page says it is in the plan.
        var twice = await client.SubmitAsync($"{plan}/opleidingsroute", "opleidingsroute", new Dictionary<string, string>
        {
            ["Input.Field"] = "zorg en welzijn",
            ["Input.StartsOn"] = Iso(startsOn),
        });
        Assert.Equal(HttpStatusCode.OK, twice.Status);
        Assert.Contains(ChooseEducationRoute.AlreadyInPlan, twice.Text, StringComparison.Ordinal);
        Assert.Equal(3, (await StepsAsync(World.A, person)).Count);
    }

    [Fact]
    public async Task Bad_input_shows_every_message_at_once_beside_its_field_and_in_the_summary_and_keeps_what_was_typed_and_saved()
    {
        var person = await PersonWithPlanAsync("Fouten", MainGoal.Education, steps: "Bibliotheekpas halen");
        using var client = await CaseManagerAsync(World.A);
        var url = $"/dossiers/{person}/plan/opleidingsroute";

        var bad = await client.SubmitAsync(url, "opleidingsroute", new Dictionary<string, string>
        {
            ["Input.Start"] = "mbo3",
            ["Input.Aim"] = "entree",
            ["Input.Field"] = "",
            ["Input.StartsOn"] = Iso(Today.AddDays(-1)),
            ["Input.School"] = "Noorderpoort",
        });

        Assert.Equal(HttpStatusCode.OK, bad.Status);
        var summary = bad.Document.QuerySelector(".thuis-error-summary")!;
        Assert.NotNull(summary.GetAttribute("autofocus"));
        var messages = summary.QuerySelectorAll("li a").Select(a => (a.GetAttribute("href"), a.TextContent)).ToList();
        Assert.Equal(
        [
            ($"{url}#doel", "Het doel ligt onder het begin (mbo 3); kies een doel op of boven het begin."),
            ($"{url}#richting", "Vul de richting in, bijvoorbeeld ‘zorg en welzijn’ of ‘techniek’."),
            ($"{url}#start", "De route kan niet in het verleden beginnen."),
        ], messages);
        Assert.Contains("Het doel ligt onder het begin", bad.Document.QuerySelector("#doel-fout")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Vul de richting in", bad.Document.QuerySelector("#richting-fout")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("verleden", bad.Document.QuerySelector("#start-fout")!.TextContent, StringComparison.Ordinal);
        Assert.StartsWith("Fout: ", bad.Document.Title, StringComparison.Ordinal);
        Assert.Equal("mbo3", Selected(bad, "Input.Start"));
        Assert.Equal("entree", Selected(bad, "Input.Aim"));
        Assert.Equal("Noorderpoort", bad.ValueOf("Input.School"));
        Assert.Equal(Iso(Today.AddDays(-1)), bad.ValueOf("Input.StartsOn"));
        Assert.Equal(["Bibliotheekpas halen"], (await StepsAsync(World.A, person)).Select(s => s.What));
    }

    [Fact]
    public async Task A_route_chosen_on_a_plan_someone_changed_meanwhile_is_refused_and_keeps_what_was_typed()
    {
        var person = await PersonWithPlanAsync("Intussen", MainGoal.Work, steps: "Bibliotheekpas halen");
        using var client = await CaseManagerAsync(World.A);
        var url = $"/dossiers/{person}/plan/opleidingsroute";
        var stale = await client.GetAsync(url);
        var plan = await client.GetAsync($"/dossiers/{person}/plan");

        Assert.Equal($"/dossiers/{person}/plan?klaar={AddWorkStepToPlan.Added}",
            (await client.PostFormAsync(plan, "werkstap", new Dictionary<string, string> { ["WorkStep.Step"] = "jobcoach" })).Location);
        var refused = await client.PostFormAsync(stale, "opleidingsroute", new Dictionary<string, string>
        {
            ["Input.Field"] = "techniek",
            ["Input.StartsOn"] = Iso(Today.AddDays(20)),
        });

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains(EditPlan.PlanChangedMeanwhile, refused.Text, StringComparison.Ordinal);
        Assert.Equal("techniek", refused.ValueOf("Input.Field"));
        Assert.Equal(["Bibliotheekpas halen", "Kennismaken met een jobcoach"], (await StepsAsync(World.A, person)).OrderBy(s => s.Position).Select(s => s.What));

        // An old plan page's button is refused the same way, in words that fit a button.
        var second = await client.PostFormAsync(plan, "werkstap", new Dictionary<string, string> { ["WorkStep.Step"] = "cv" });
        Assert.Equal(HttpStatusCode.OK, second.Status);
        Assert.Contains(AddWorkStepToPlan.ChangedMeanwhile, second.Text, StringComparison.Ordinal);
        Assert.Equal(2, (await StepsAsync(World.A, person)).Count);
    }

    [Fact]
    public async Task Another_municipality_gets_404_for_the_route_and_a_forged_post_changes_nothing()
    {
        var ofB = await PersonWithPlanAsync("VanB", MainGoal.Work, where: World.B);
        var own = await PersonWithPlanAsync("Eigen", MainGoal.Work);
        using var client = await CaseManagerAsync(World.A);

        foreach (var url in new[] { $"/dossiers/{ofB}/plan/opleidingsroute", $"/dossiers/{Guid.NewGuid()}/plan/opleidingsroute", $"/dossiers/{ofB}/plan" })
        {
            var page = await client.GetAsync(url);
            Assert.True(page.Status == HttpStatusCode.NotFound, $"{url} gaf {page.Status}");
        }

        var form = await client.GetAsync($"/dossiers/{own}/plan/opleidingsroute");
        var token = form.Document.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        foreach (var (url, fields) in new[]
        {
            ($"/dossiers/{ofB}/plan/opleidingsroute", new Dictionary<string, string>
            {
                ["_handler"] = "opleidingsroute", ["Input.Start"] = "entree", ["Input.Aim"] = "mbo2", ["Input.Field"] = "techniek", ["Input.StartsOn"] = Iso(Today.AddDays(9)),
            }),
            ($"/dossiers/{ofB}/plan", new Dictionary<string, string> { ["_handler"] = "werkstap", ["WorkStep.Step"] = "cv" }),
        })
        {
            fields["__RequestVerificationToken"] = token;
            using var content = new FormUrlEncodedContent(fields);
            using var response = await client.Http.PostAsync(url, content);
            Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest, $"{url}: {response.StatusCode}");
        }
        Assert.Empty(await StepsAsync(World.B, ofB));
        Assert.DoesNotContain("VanB", (await client.GetAsync($"/dossiers/{ofB}/plan/opleidingsroute")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_start_follows_the_valued_level_first_and_the_education_otherwise()
    {
        Assert.Equal("entree", EducationRoutes.StartFor(EducationLevel.None, null).Key);
        Assert.Equal("mbo2", EducationRoutes.StartFor(EducationLevel.LowerSecondary, null).Key);
        Assert.Equal("mbo3", EducationRoutes.StartFor(EducationLevel.UpperSecondary, null).Key);
        Assert.Equal("hbo", EducationRoutes.StartFor(EducationLevel.Bachelor, null).Key);
        Assert.Equal("mbo3", EducationRoutes.StartFor(EducationLevel.Bachelor, 2).Key);
        Assert.Equal("mbo2", EducationRoutes.StartFor(EducationLevel.Primary, 1).Key);
        var person = await PersonWithPlanAsync("Gewaardeerd", MainGoal.Work, education: EducationLevel.UpperSecondary, valuedNlqf: 2);
        using var client = await CaseManagerAsync(World.A);

        var form = await client.GetAsync($"/dossiers/{person}/plan/opleidingsroute");

        Assert.Equal("mbo3", Selected(form, "Input.Start"));
        Assert.Equal("mbo4", Selected(form, "Input.Aim"));
        Assert.Contains("Diploma gewaardeerd op NLQF 2 — mbo 2", form.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_demo_has_someone_with_the_route_from_entree_to_mbo_2_and_two_training_steps_while_the_job_coach_is_still_suggested()
    {
        await using var app = new ThuisAppFactory("Development", new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["Database:ConnectionString"] = $"Data Source={Path.Combine(Path.GetTempPath(), "thuis-tests", $"demo-{Guid.NewGuid():N}.db")}",
            ["Demo:SeedOnFirstStart"] = "true",
        });
        using var client = new ThuisClient(app);
        await client.SignInAsync("klantregisseur@dalfsen.example", DemoData.Password);
        var (person, steps) = await DemoRouteAsync(app);

        Assert.Equal(
        [
            "Entreeopleiding (mbo 1) in zorg en welzijn volgen en het diploma halen",
            "Basisberoepsopleiding (mbo 2) in zorg en welzijn volgen en het diploma halen",
            "Sollicitatietraining volgen",
            "Elevator pitch maken en oefenen",
        ], steps.TakeLast(4));
        var plan = await client.GetAsync($"/dossiers/{person}/plan");
        var suggested = Buttons(plan);
        // Meeting a job coach stays suggested until the person has one; the demo gives applicants a coach.
        Assert.Equal(!await HasJobCoachAsync(app, person), suggested.Contains("jobcoach"));
        Assert.DoesNotContain("sollicitatietraining", suggested);
        Assert.DoesNotContain("elevator-pitch", suggested);
        Assert.DoesNotContain("Samira", plan.Document.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
    }

    private static async Task<(Guid Person, List<string> Steps)> DemoRouteAsync(ThuisAppFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystemFor((await db.Municipalities.SingleAsync(m => m.Name == "Dalfsen")).Id);
        var plan = await db.IntegrationPlans.AsNoTracking().Include(p => p.Steps)
            .SingleAsync(p => p.State == PlanState.Fixed && p.Steps.Any(s => s.Offer == "Opleidingsroute zorg en welzijn: entree → mbo 2"));
        return (plan.NewcomerId, [.. plan.Steps.OrderBy(s => s.Position).Select(s => s.What)]);
    }

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static List<string> Buttons(ThuisClient.Page page) =>
        [.. page.Document.QuerySelectorAll("button[name='WorkStep.Step']").Select(b => b.GetAttribute("value")!)];

    private static string? Selected(ThuisClient.Page page, string name) =>
        page.Document.QuerySelector($"select[name='{name}']") is IHtmlSelectElement select && select.SelectedOptions.Length > 0 ? select.SelectedOptions[0].Value : null;

    private async Task<Guid> PersonWithPlanAsync(string family, MainGoal goal, int? phase = null, bool fix = false,
        EducationLevel? education = null, int? valuedNlqf = null, TestMunicipality? where = null, params string[] steps)
    {
        var municipality = where ?? World.A;
        await using var scope = fixture.App.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystemFor(municipality.Id);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var newcomer = People.Newcomer(municipality.Id, "Amir", $"{family}{Guid.NewGuid().ToString("N")[..6]}", new DateOnly(1996, 5, 5));
        db.Newcomers.Add(newcomer);
        var plan = IntegrationPlan.FirstDraft(newcomer, "test", DateTimeOffset.UtcNow);
        plan.Revise(new PlanTerms(LearningRoute.B1, goal, null, null, null, null, null, null, null, null, null, phase),
            new Dictionary<ParticipationDomain, string>(),
            [.. steps.Select(s => new StepContent(null, ParticipationDomain.SelfReliance, s, StepOwner.Newcomer, null, Today.AddDays(14), false, null))], Today);
        if (fix)
        {
            plan.Fix(Today, "test", DateTimeOffset.UtcNow);
        }
        db.IntegrationPlans.Add(plan);
        if (education is { } level)
        {
            var section = new EducationSection(newcomer.Id, municipality.Id);
            section.Update(level, null, 6, valuedNlqf is { } nlqf ? [new Diploma("Diploma", "Eritrea", null, level, DiplomaValuation.Valued, null, nlqf, null)] : []);
            db.Add(section);
        }
        await db.SaveChangesAsync();
        return newcomer.Id;
    }

    private Task<List<IntegrationPlan>> VersionsAsync(TestMunicipality municipality, Guid person) =>
        Groups.ReadAsync(fixture.App, municipality, db => db.IntegrationPlans.AsNoTracking().Include(p => p.Steps).AsSplitQuery()
            .Where(p => p.NewcomerId == person).OrderBy(p => p.Number).ToListAsync());

    private async Task<IReadOnlyList<PlanStep>> StepsAsync(TestMunicipality municipality, Guid person) =>
        (await VersionsAsync(municipality, person)).LastOrDefault(p => p.State != PlanState.Superseded)?.Steps ?? [];

    private async Task<ThuisClient> CaseManagerAsync(TestMunicipality municipality)
    {
        var email = await World.CreateUserAsync(municipality, Roles.CaseManager);
        var client = fixture.NewClient();
        await client.SignInOrFailAsync(email);
        return client;
    }

    private static async Task<bool> HasJobCoachAsync(ThuisAppFactory app, Guid person)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystemFor((await db.Newcomers.IgnoreQueryFilters().SingleAsync(n => n.Id == person)).MunicipalityId);
        return await db.JobCoaches.AnyAsync(c => c.NewcomerId == person);
    }
}
