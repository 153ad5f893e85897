using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Thuis.Web.Data;
using Thuis.Web.Features.Plans;
using Thuis.Web.Platform.Auditing;
using Thuis.Web.Platform.Security;
using Thuis.Web.Tests.Infrastructure;

namespace Thuis.Web.Tests;

/// <summary>
/// A plan's life with a clock the test moves: drafted, fixed, replaced by new versions, with the term counted from
/// the first decision date and the law's route rules enforced on the way.
/// </summary>
public sealed class PlanVersionTests
{
    [Fact]
    public async Task A_fixed_plan_changes_only_through_a_new_version_and_the_term_stays_on_the_first_decision_date()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 6, 20, 9, 0, 0, TimeSpan.Zero));
        await using var app = new ThuisAppFactory { ConfigureTestServices = s => s.AddSingleton<TimeProvider>(clock) };
        var world = await TestWorld.SeedAsync(app);
        using var client = new ThuisClient(app);
        var email = await world.CreateUserAsync(world.A, Roles.CaseManager);
        await client.SignInOrFailAsync(email);
        var plan = $"/dossiers/{world.A.NewcomerId}/plan";

        Assert.Contains("Nog geen plan", (await client.GetAsync(plan)).Text, StringComparison.Ordinal);
        var started = await client.SubmitAsync(plan, "concept", new Dictionary<string, string>());
        Assert.Equal($"{plan}/bewerken", started.Location);

        var saved = await client.SubmitAsync($"{plan}/bewerken", "plan", PlanFields.FirstPlan());
        Assert.True(saved.Location == $"{plan}?klaar=opgeslagen", saved.Status + " " + string.Join(" / ", saved.Document.QuerySelectorAll(".validation-message, .utrecht-alert").Select(e => e.TextContent)));
        var fixedFirst = await client.SubmitAsync($"{plan}/vaststellen", "vaststellen", new Dictionary<string, string> { ["Input.DecisionDate"] = "2026-06-20" });
        Assert.Equal($"{plan}?klaar=vastgesteld", fixedFirst.Location);

        var first = await client.GetAsync(plan);
        Assert.Contains("Vastgesteld op 20 juni 2026", first.Text, StringComparison.Ordinal);
        Assert.Contains("21 juni 2026 tot en met 20 juni 2029", first.Text, StringComparison.Ordinal);
        Assert.Contains("20 december 2027", first.Text, StringComparison.Ordinal);
        Assert.Null(first.Document.QuerySelector($"a[href='{plan}/bewerken']"));
        var dossier = await client.GetAsync($"/dossiers/{world.A.NewcomerId}");
        Assert.Contains("versie 1, vastgesteld op 20 juni 2026; 3 open stappen", dossier.Text, StringComparison.Ordinal);
        Assert.Contains("21 juni 2026 tot en met 20 juni 2029", dossier.Text, StringComparison.Ordinal);

        // Two and a half months on: a new version starts as a copy of the plan in force.
        clock.SetUtcNow(new DateTimeOffset(2026, 9, 1, 9, 0, 0, TimeSpan.Zero));
        await client.SignInOrFailAsync(email); // a session does not last for months
        Assert.Equal($"{plan}/bewerken", (await client.SubmitAsync(plan, "concept", new Dictionary<string, string>())).Location);
        var draft = await client.GetAsync($"{plan}/bewerken");
        Assert.Contains("versie 2", draft.Text, StringComparison.Ordinal);
        Assert.Equal("Meetrainen bij de voetbalclub", draft.ValueOf("Input.Steps[0].What"));
        Assert.Equal("Cv maken", draft.ValueOf("Input.Steps[1].What"));
        Assert.Equal("", draft.ValueOf("Input.Steps[3].What"));
        await client.PostFormAsync(draft, "plan", new Dictionary<string, string>
        {
            ["Input.Steps[3].Domain"] = nameof(ParticipationDomain.Meeting),
            ["Input.Steps[3].What"] = "Naar het taalcafé in de bibliotheek",
            ["Input.Steps[3].Due"] = "2026-09-20",
        });
        var inBetween = await client.GetAsync(plan);
        Assert.Contains("Versie 1 blijft van kracht tot deze nieuwe versie is vastgesteld.", inBetween.Text, StringComparison.Ordinal);
        Assert.Equal($"{plan}?klaar=vastgesteld", (await client.SubmitAsync($"{plan}/vaststellen", "vaststellen",
            new Dictionary<string, string> { ["Input.DecisionDate"] = "2026-09-01" })).Location);

        var second = await client.GetAsync(plan);
        Assert.Contains("Vastgesteld op 1 september 2026", second.Text, StringComparison.Ordinal);
        Assert.Contains("Naar het taalcafé in de bibliotheek", second.Text, StringComparison.Ordinal);
        Assert.Contains("21 juni 2026 tot en met 20 juni 2029", second.Text, StringComparison.Ordinal);
        var history = second.Document.QuerySelectorAll("#geschiedenis-titel ~ div tbody tr").Select(r => r.TextContent).ToList();
        Assert.Equal(2, history.Count);
        Assert.Contains("vastgesteld", history[0], StringComparison.Ordinal);
        Assert.Contains("1 september 2026", history[0], StringComparison.Ordinal);
        Assert.Contains("vervangen", history[1], StringComparison.Ordinal);
        Assert.Contains("20 juni 2026", history[1], StringComparison.Ordinal);
        var old = await client.GetAsync($"{plan}?versie=1");
        Assert.Contains("Cv maken", old.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("taalcafé", old.Text, StringComparison.Ordinal);

        // Past the 18 months after the first plan, the learning route may no longer change.
        clock.SetUtcNow(new DateTimeOffset(2028, 1, 10, 9, 0, 0, TimeSpan.Zero));
        await client.SignInOrFailAsync(email); // a session does not last for months
        await client.SubmitAsync(plan, "concept", new Dictionary<string, string>());
        await client.SubmitAsync($"{plan}/bewerken", "plan", new Dictionary<string, string> { ["Input.LearningRoute"] = nameof(LearningRoute.Z) });
        var refused = await client.SubmitAsync($"{plan}/vaststellen", "vaststellen", new Dictionary<string, string> { ["Input.DecisionDate"] = "2028-01-10" });
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("Van leerroute wisselen kan tot en met 20 december 2027", refused.Text, StringComparison.Ordinal);
        Assert.Equal("2028-01-10", refused.ValueOf("Input.DecisionDate"));
        await client.SubmitAsync($"{plan}/bewerken", "plan", new Dictionary<string, string> { ["Input.LearningRoute"] = nameof(LearningRoute.B1) });
        Assert.Equal($"{plan}?klaar=vastgesteld", (await client.SubmitAsync($"{plan}/vaststellen", "vaststellen",
            new Dictionary<string, string> { ["Input.DecisionDate"] = "2028-01-10" })).Location);

        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystemFor(world.A.Id);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var versions = await db.IntegrationPlans.Where(p => p.NewcomerId == world.A.NewcomerId).OrderBy(p => p.Number).ToListAsync();
        Assert.Equal([PlanState.Superseded, PlanState.Superseded, PlanState.Fixed], versions.Select(v => v.State));
        Assert.Equal(new DateOnly(2029, 6, 20), (await NewcomerDeadlinesOf(db, world.A.NewcomerId)).TermLastDay);
        var planAudit = await db.AuditEntries.Where(a => a.ObjectType == nameof(IntegrationPlan)).ToListAsync();
        Assert.Equal(3, planAudit.Count(a => a.Action == AuditAction.Create));
        Assert.Contains(planAudit, a => a.Action == AuditAction.Update && a.Details!.Contains("DecisionDate", StringComparison.Ordinal));
        Assert.Contains(planAudit, a => a.Action == AuditAction.View);
        Assert.True(await db.AuditEntries.CountAsync(a => a.ObjectType == nameof(PlanStep) && a.Action == AuditAction.Create) >= 3 + 4 + 4);
    }

    [Fact]
    public async Task The_onderwijsroute_is_refused_for_a_decision_date_on_or_after_the_28th_birthday()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 6, 20, 9, 0, 0, TimeSpan.Zero));
        await using var app = new ThuisAppFactory { ConfigureTestServices = s => s.AddSingleton<TimeProvider>(clock) };
        var world = await TestWorld.SeedAsync(app);
        var young = await PlanFields.AddNewcomerAsync(app, world.A, "Yonas", "Tesfamariam", new DateOnly(1998, 7, 1));
        using var client = new ThuisClient(app);
        var email = await world.CreateUserAsync(world.A, Roles.CaseManager);
        await client.SignInOrFailAsync(email);
        var plan = $"/dossiers/{young}/plan";

        await client.SubmitAsync(plan, "concept", new Dictionary<string, string>());
        var fields = PlanFields.FirstPlan();
        fields["Input.LearningRoute"] = nameof(LearningRoute.Education);
        fields["Input.MainGoal"] = nameof(MainGoal.Education);
        Assert.Equal($"{plan}?klaar=opgeslagen", (await client.SubmitAsync($"{plan}/bewerken", "plan", fields)).Location);

        clock.SetUtcNow(new DateTimeOffset(2026, 7, 2, 9, 0, 0, TimeSpan.Zero));
        await client.SignInOrFailAsync(email); // a session does not last for months
        var onBirthday = await client.SubmitAsync($"{plan}/vaststellen", "vaststellen", new Dictionary<string, string> { ["Input.DecisionDate"] = "2026-07-01" });
        Assert.Contains("De onderwijsroute is alleen mogelijk tot 28 jaar; deze persoon is dan 28.", onBirthday.Text, StringComparison.Ordinal);
        var dayBefore = await client.SubmitAsync($"{plan}/vaststellen", "vaststellen", new Dictionary<string, string> { ["Input.DecisionDate"] = "2026-06-30" });
        Assert.Equal($"{plan}?klaar=vastgesteld", dayBefore.Location);

        // Someone of 36 cannot even have the onderwijsroute written into a draft.
        await client.SubmitAsync($"/dossiers/{world.A.NewcomerId}/plan", "concept", new Dictionary<string, string>());
        var older = await client.SubmitAsync($"/dossiers/{world.A.NewcomerId}/plan/bewerken", "plan", fields);
        Assert.Equal(HttpStatusCode.OK, older.Status);
        Assert.Contains("De onderwijsroute is alleen mogelijk tot 28 jaar; deze persoon is dan 36.", older.Text, StringComparison.Ordinal);
        Assert.Equal("Meetrainen bij de voetbalclub", older.ValueOf("Input.Steps[0].What"));
    }

    [Fact]
    public async Task The_onderwijsroute_given_before_28_is_kept_in_later_versions_and_may_become_B1_after_the_eighteen_months()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 6, 20, 9, 0, 0, TimeSpan.Zero));
        await using var app = new ThuisAppFactory { ConfigureTestServices = s => s.AddSingleton<TimeProvider>(clock) };
        var world = await TestWorld.SeedAsync(app);
        var young = await PlanFields.AddNewcomerAsync(app, world.A, "Yonas", "Tesfamariam", new DateOnly(1998, 7, 1));
        using var client = new ThuisClient(app);
        var email = await world.CreateUserAsync(world.A, Roles.CaseManager);
        await client.SignInOrFailAsync(email);
        var plan = $"/dossiers/{young}/plan";
        var fields = PlanFields.FirstPlan();
        fields["Input.LearningRoute"] = nameof(LearningRoute.Education);
        fields["Input.MainGoal"] = nameof(MainGoal.Education);
        await client.SubmitAsync(plan, "concept", new Dictionary<string, string>());
        await client.SubmitAsync($"{plan}/bewerken", "plan", fields);
        Assert.Equal($"{plan}?klaar=vastgesteld", (await client.SubmitAsync($"{plan}/vaststellen", "vaststellen",
            new Dictionary<string, string> { ["Input.DecisionDate"] = "2026-06-20" })).Location);

        // At 28 a new version keeps the onderwijsroute: the draft and the decision are both allowed.
        clock.SetUtcNow(new DateTimeOffset(2026, 9, 1, 9, 0, 0, TimeSpan.Zero));
        await client.SignInOrFailAsync(email);
        await client.SubmitAsync(plan, "concept", new Dictionary<string, string>());
        Assert.Equal($"{plan}?klaar=opgeslagen", (await client.SubmitAsync($"{plan}/bewerken", "plan",
            new Dictionary<string, string> { ["Input.LearningRoute"] = nameof(LearningRoute.Education) })).Location);
        Assert.Equal($"{plan}?klaar=vastgesteld", (await client.SubmitAsync($"{plan}/vaststellen", "vaststellen",
            new Dictionary<string, string> { ["Input.DecisionDate"] = "2026-09-01" })).Location);

        // Past the 18 months the onderwijsroute may still become the B1-route, but not the Z-route.
        clock.SetUtcNow(new DateTimeOffset(2028, 1, 10, 9, 0, 0, TimeSpan.Zero));
        await client.SignInOrFailAsync(email);
        await client.SubmitAsync(plan, "concept", new Dictionary<string, string>());
        Assert.Equal($"{plan}?klaar=opgeslagen", (await client.SubmitAsync($"{plan}/bewerken", "plan",
            new Dictionary<string, string> { ["Input.LearningRoute"] = nameof(LearningRoute.Education) })).Location);
        await client.SubmitAsync($"{plan}/bewerken", "plan", new Dictionary<string, string> { ["Input.LearningRoute"] = nameof(LearningRoute.Z) });
        var refused = await client.SubmitAsync($"{plan}/vaststellen", "vaststellen", new Dictionary<string, string> { ["Input.DecisionDate"] = "2028-01-10" });
        Assert.Contains("Van leerroute wisselen kan tot en met 20 december 2027", refused.Text, StringComparison.Ordinal);
        await client.SubmitAsync($"{plan}/bewerken", "plan", new Dictionary<string, string> { ["Input.LearningRoute"] = nameof(LearningRoute.B1) });
        Assert.Equal($"{plan}?klaar=vastgesteld", (await client.SubmitAsync($"{plan}/vaststellen", "vaststellen",
            new Dictionary<string, string> { ["Input.DecisionDate"] = "2028-01-10" })).Location);

        // Once on the B1-route at 29, going back to the onderwijsroute would be a new giving, and is refused.
        await client.SubmitAsync(plan, "concept", new Dictionary<string, string>());
        var back = await client.SubmitAsync($"{plan}/bewerken", "plan", new Dictionary<string, string> { ["Input.LearningRoute"] = nameof(LearningRoute.Education) });
        Assert.Contains("De onderwijsroute is alleen mogelijk tot 28 jaar; deze persoon is dan 29.", back.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Someone_younger_than_18_sees_when_the_duty_starts_instead_of_PIP_and_PVT_deadlines()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 6, 20, 9, 0, 0, TimeSpan.Zero));
        await using var app = new ThuisAppFactory { ConfigureTestServices = s => s.AddSingleton<TimeProvider>(clock) };
        var world = await TestWorld.SeedAsync(app);
        var minor = await PlanFields.AddNewcomerAsync(app, world.A, "Amal", "Haddad", new DateOnly(2008, 11, 3));
        using var client = new ThuisClient(app);
        await client.SignInOrFailAsync(await world.CreateUserAsync(world.A, Roles.CaseManager));
        const string note = "De inburgeringsplicht begint op 3 november 2026 (18e verjaardag); tot dan gelden geen termijnen voor PIP en PVT.";

        var dossier = await client.GetAsync($"/dossiers/{minor}");
        Assert.Contains(note, dossier.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("PIP uiterlijk vastgesteld", dossier.Text, StringComparison.Ordinal);
        var plan = await client.GetAsync($"/dossiers/{minor}/plan");
        Assert.Contains(note, plan.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("PIP uiterlijk vastgesteld", plan.Text, StringComparison.Ordinal);
        var list = await client.GetAsync("/plannen?wie=alle");
        Assert.Contains("geen (jonger dan 18)", list.Text, StringComparison.Ordinal);
    }

    private static async Task<NewcomerDeadlines> NewcomerDeadlinesOf(AppDbContext db, Guid newcomerId) =>
        await NewcomerDeadlines.ForAsync(db, await db.Newcomers.SingleAsync(n => n.Id == newcomerId), new DateOnly(2028, 1, 10), CancellationToken.None);
}

/// <summary>What a case manager types into a first plan in the tests.</summary>
internal static class PlanFields
{
    public static Dictionary<string, string> FirstPlan() => new()
    {
        ["Input.LearningRoute"] = nameof(LearningRoute.B1),
        ["Input.MainGoal"] = nameof(MainGoal.Work),
        ["Input.NewcomerWishes"] = "Weer als bakker werken en vrienden maken.",
        ["Input.Goals[0].Description"] = "Mensen ontmoeten in het dorp",
        ["Input.Goals[4].Description"] = "Werk vinden als bakker",
        ["Input.Steps[0].Domain"] = nameof(ParticipationDomain.Meeting),
        ["Input.Steps[0].What"] = "Meetrainen bij de voetbalclub",
        ["Input.Steps[0].Owner"] = nameof(StepOwner.Volunteer),
        ["Input.Steps[0].Due"] = "2026-07-15",
        ["Input.Steps[0].LowThreshold"] = "True",
        ["Input.Steps[1].Domain"] = nameof(ParticipationDomain.PaidWork),
        ["Input.Steps[1].What"] = "Cv maken",
        ["Input.Steps[1].Due"] = "2026-08-01",
        ["Input.Steps[2].Domain"] = nameof(ParticipationDomain.PaidWork),
        ["Input.Steps[2].What"] = "Een dag meelopen bij een bakkerij",
        ["Input.Steps[2].Owner"] = nameof(StepOwner.Partner),
        ["Input.Steps[2].OwnerName"] = "Werkgeversservicepunt",
        ["Input.Steps[2].Due"] = "2026-09-01",
    };

    public static async Task<Guid> AddNewcomerAsync(ThuisAppFactory app, TestMunicipality municipality, string given, string family, DateOnly born)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystemFor(municipality.Id);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var newcomer = People.Newcomer(municipality.Id, given, family, born);
        db.Newcomers.Add(newcomer);
        await db.SaveChangesAsync();
        return newcomer.Id;
    }
}
