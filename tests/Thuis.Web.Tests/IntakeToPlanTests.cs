using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Thuis.Web.Data;
using Thuis.Web.Features.Intake;
using Thuis.Web.Features.Plans;
using Thuis.Web.Platform.Auditing;
using Thuis.Web.Platform.Localization;
using Thuis.Web.Platform.Security;
using Thuis.Web.Tests.Infrastructure;

namespace Thuis.Web.Tests;

/// <summary>The plan starts from the intake, and the guide's interventions become steps of the plan.</summary>
[Collection(AppCollection.Name)]
public sealed class IntakeToPlanTests(AppFixture fixture)
{
    private static readonly string Soon = TimeProvider.System.InTheNetherlands().AddDays(10).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private TestWorld World => fixture.World;

    [Fact]
    public async Task The_plan_form_shows_the_intake_and_takes_over_its_wishes_only_while_the_plan_has_none()
    {
        var id = await AddPersonWithIntakeAsync("Meron", "Tesfay");
        var (client, plan) = await DraftAsync(id);

        var edit = await client.GetAsync($"{plan}/bewerken");

        var summary = edit.Document.QuerySelector(".thuis-intake-summary")!.TextContent;
        Assert.Contains("Goed met kinderen en geduldig", summary, StringComparison.Ordinal);
        Assert.Contains("Naaien en haren vlechten", summary, StringComparison.Ordinal);
        Assert.Contains("Tigrinya (moedertaal): luisteren C2, lezen B2, spreken C2, schrijven B1", summary, StringComparison.Ordinal);
        Assert.Contains("Nederlands: luisteren A1, lezen enkele woorden, spreken A1, schrijven geen", summary, StringComparison.Ordinal);
        Assert.Contains("Fietsen leren en vriendinnen maken", summary, StringComparison.Ordinal);
        Assert.Equal("Komend jaar: Fietsen leren en vriendinnen maken\nLater: Verpleegkundige worden", edit.Document.QuerySelector("#wensen")?.TextContent);
        Assert.Contains("Overgenomen uit de intake", edit.Document.QuerySelector("#wensen-uitleg")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("wensen-uitleg wensen-fout", edit.Document.QuerySelector("#wensen")?.GetAttribute("aria-describedby"));
        Assert.Contains(edit.Document.QuerySelectorAll(".thuis-intake-summary a"), a => a.GetAttribute("href") == $"/dossiers/{id}/intake/eigen-kracht");

        // What the case manager typed is the plan's from then on; the intake no longer fills it.
        var saved = await client.PostFormAsync(edit, "plan", new Dictionary<string, string> { ["Input.NewcomerWishes"] = "Eerst fietsen, dan de zorg in." });
        Assert.Equal($"{plan}?klaar=opgeslagen", saved.Location);
        var again = await client.GetAsync($"{plan}/bewerken");
        Assert.Equal("Eerst fietsen, dan de zorg in.", again.Document.QuerySelector("#wensen")?.TextContent);
        Assert.DoesNotContain("Overgenomen uit de intake", again.Text, StringComparison.Ordinal);

        // A refused save keeps what was typed, also an empty field, instead of filling in the intake again.
        var refused = await client.PostFormAsync(again, "plan", new Dictionary<string, string>
        {
            ["Input.NewcomerWishes"] = "",
            ["Input.NextProgressMeeting"] = "2020-01-01",
        });
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Equal("", refused.Document.QuerySelector("#wensen")?.TextContent);
    }

    [Fact]
    public async Task Without_an_intake_the_plan_form_and_the_dossier_say_so_and_link_to_the_intake_parts()
    {
        var id = await PlanFields.AddNewcomerAsync(fixture.App, World.A, "Ahmad", "Zonder", new DateOnly(1990, 5, 5));
        var (client, plan) = await DraftAsync(id);

        var edit = await client.GetAsync($"{plan}/bewerken");
        Assert.Contains("De intake noemt nog geen talenten.", edit.Text, StringComparison.Ordinal);
        Assert.Contains("De intake noemt nog geen talen.", edit.Text, StringComparison.Ordinal);
        Assert.Contains("De intake noemt nog geen wensen.", edit.Text, StringComparison.Ordinal);
        Assert.Equal("", edit.Document.QuerySelector("#wensen")?.TextContent);
        var links = edit.Document.QuerySelectorAll(".thuis-intake-summary a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal([$"/dossiers/{id}/intake/eigen-kracht", $"/dossiers/{id}/intake/talen", $"/dossiers/{id}/intake/wensen"], links);

        var dossier = await client.GetAsync($"/dossiers/{id}");
        var section = dossier.Document.QuerySelector(".thuis-intake-summary")!;
        Assert.Contains("Talenten en talen", section.TextContent, StringComparison.Ordinal);
        Assert.Contains("De intake noemt nog geen talenten.", section.TextContent, StringComparison.Ordinal);
        Assert.Contains("De intake noemt nog geen talen.", section.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("wensen", section.TextContent, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_dossier_shows_talents_and_languages_with_a_link_to_change_them()
    {
        var id = await AddPersonWithIntakeAsync("Selam", "Haile");
        using var client = await CaseManagerAsync(World.A);

        var dossier = await client.GetAsync($"/dossiers/{id}");

        var section = dossier.Document.QuerySelector(".thuis-intake-summary")!;
        Assert.Contains("Goed met kinderen en geduldig", section.TextContent, StringComparison.Ordinal);
        Assert.Contains("Tigrinya (moedertaal): luisteren C2", section.TextContent, StringComparison.Ordinal);
        var links = section.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal([$"/dossiers/{id}/intake/eigen-kracht", $"/dossiers/{id}/intake/talen"], links);
    }

    [Fact]
    public async Task An_intervention_chosen_from_the_plan_becomes_a_step_in_its_domain_is_audited_and_leads_back_to_the_plan()
    {
        var id = await PlanFields.AddNewcomerAsync(fixture.App, World.A, "Dawit", "Kiezer", new DateOnly(1988, 8, 8));
        var (client, plan) = await DraftAsync(id);
        var name = $"Samen koken {Guid.NewGuid().ToString("N")[..6]}";
        var interventionId = await Guide.AddOwnInterventionAsync(fixture.App, World.A, Guide.Details(name, domain: ParticipationDomain.Meeting));
        await Guide.MakeAvailableAsync(fixture.App, World.A, interventionId, "kookclub@example.org");

        var edit = await client.GetAsync($"{plan}/bewerken");
        var toGuide = edit.Document.QuerySelectorAll("a").Single(a => a.TextContent == "Kies uit de interventiewijzer").GetAttribute("href")!;
        var planId = await Groups.ReadAsync(fixture.App, World.A, db => db.IntegrationPlans.Where(p => p.NewcomerId == id).Select(p => p.Id).SingleAsync());
        Assert.Equal($"/interventiewijzer?plan={planId}", toGuide);

        var guide = await client.GetAsync(toGuide);
        Assert.Equal(HttpStatusCode.OK, guide.Status);
        Assert.Contains("U kiest uit de interventiewijzer voor het plan van Dawit Kiezer", guide.Text, StringComparison.Ordinal);
        Assert.NotNull(guide.Document.QuerySelector($"a[href='/dossiers/{id}/plan']"));
        Assert.Equal(planId.ToString(), guide.ValueOf("plan"));
        var add = guide.Document.QuerySelectorAll(".thuis-guide-card a").Select(a => a.GetAttribute("href"))
            .Single(h => h!.StartsWith($"/interventiewijzer/{interventionId}/aan-plan", StringComparison.Ordinal))!;
        Assert.Equal($"/interventiewijzer/{interventionId}/aan-plan?plan={planId}", add);
        Assert.Contains($"/interventiewijzer/{interventionId}?plan={planId}", guide.Document.QuerySelectorAll(".thuis-card__title a").Select(a => a.GetAttribute("href")));
        var detail = await client.GetAsync($"/interventiewijzer/{interventionId}?plan={planId}");
        Assert.Equal(add, detail.Document.QuerySelectorAll("a").Single(a => a.TextContent == "Voeg toe aan plan").GetAttribute("href"));

        var form = await client.GetAsync(add);
        Assert.Equal(HttpStatusCode.OK, form.Status);
        Assert.Equal($"Meedoen met {name}", form.ValueOf("Input.What"));
        var withoutDate = await client.PostFormAsync(form, "interventie-aan-plan", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.OK, withoutDate.Status);
        Assert.Equal("Kies de datum waarop deze stap klaar moet zijn.", withoutDate.Document.QuerySelector("#klaar-fout")?.TextContent.Trim());
        Assert.EndsWith("#klaar", withoutDate.Document.QuerySelector(".thuis-error-summary a")?.GetAttribute("href"), StringComparison.Ordinal);

        var saved = await client.PostFormAsync(withoutDate, "interventie-aan-plan", new Dictionary<string, string> { ["Input.Due"] = Soon, ["Input.LowThreshold"] = "True" });
        Assert.Equal($"{plan}?klaar=interventie", saved.Location);

        var back = await client.GetAsync(saved.Location!);
        Assert.Contains("De interventie staat als nieuwe stap in het plan.", back.Text, StringComparison.Ordinal);
        var meeting = back.Document.QuerySelector("section[aria-labelledby='domein-Meeting']")!.TextContent;
        Assert.Contains($"Meedoen met {name}", meeting, StringComparison.Ordinal);
        Assert.Contains($"Aanbod: {name} — ", meeting, StringComparison.Ordinal);

        var step = await Groups.ReadAsync(fixture.App, World.A, db => db.Set<PlanStep>().SingleAsync(s => s.PlanId == planId));
        Assert.Equal(ParticipationDomain.Meeting, step.Domain);
        Assert.Equal(StepOwner.Partner, step.Owner);
        Assert.True(step.LowThreshold);
        Assert.StartsWith($"{name} — ", step.Offer, StringComparison.Ordinal);
        var audit = await Groups.ReadAsync(fixture.App, World.A, db => db.AuditEntries
            .Where(a => a.ObjectType == nameof(PlanStep) && a.ObjectId == step.Id.ToString()).Select(a => a.Action).ToListAsync());
        Assert.Equal([AuditAction.Create], audit);
        Assert.True(await Groups.ReadAsync(fixture.App, World.A, db => db.AuditEntries
            .AnyAsync(a => a.ObjectType == nameof(IntegrationPlan) && a.ObjectId == planId.ToString() && a.Action == AuditAction.Update)));
    }

    [Fact]
    public async Task Adding_to_a_plan_in_force_makes_a_new_draft_version_and_a_plan_changed_meanwhile_is_not_overwritten()
    {
        var id = await PlanFields.AddNewcomerAsync(fixture.App, World.A, "Hiwet", "Versie", new DateOnly(1991, 1, 1));
        var (client, plan) = await DraftAsync(id);
        var saved = await client.SubmitAsync($"{plan}/bewerken", "plan", new Dictionary<string, string>
        {
            ["Input.LearningRoute"] = nameof(LearningRoute.B1),
            ["Input.MainGoal"] = nameof(MainGoal.Participation),
            ["Input.Steps[0].Domain"] = nameof(ParticipationDomain.SelfReliance),
            ["Input.Steps[0].What"] = "Bibliotheekpas halen",
            ["Input.Steps[0].Due"] = Soon,
        });
        Assert.Equal($"{plan}?klaar=opgeslagen", saved.Location);
        var today = TimeProvider.System.InTheNetherlands().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.Equal($"{plan}?klaar=vastgesteld", (await client.SubmitAsync($"{plan}/vaststellen", "vaststellen", new Dictionary<string, string> { ["Input.DecisionDate"] = today })).Location);
        var firstId = await Groups.ReadAsync(fixture.App, World.A, db => db.IntegrationPlans.Where(p => p.NewcomerId == id).Select(p => p.Id).SingleAsync());
        var interventionId = await Guide.AddOwnInterventionAsync(fixture.App, World.A, Guide.Details("Budgetcafé", domain: ParticipationDomain.FinancialHealth));

        // The plan in force offers the guide too.
        Assert.NotNull((await client.GetAsync(plan)).Document.QuerySelector($"a[href='/interventiewijzer?plan={firstId}']"));
        var form = await client.GetAsync($"/interventiewijzer/{interventionId}/aan-plan?plan={firstId}&domein=FinancialHealth");
        Assert.Contains("Versie 1 is vastgesteld en verandert niet.", form.Text, StringComparison.Ordinal);
        var added = await client.PostFormAsync(form, "interventie-aan-plan", new Dictionary<string, string> { ["Input.Due"] = Soon });
        Assert.Equal($"{plan}?klaar=interventie-nieuwe-versie", added.Location);

        var versions = await Groups.ReadAsync(fixture.App, World.A, db => db.IntegrationPlans.Include(p => p.Steps).AsSplitQuery()
            .Where(p => p.NewcomerId == id).OrderBy(p => p.Number).ToListAsync());
        Assert.Equal([PlanState.Fixed, PlanState.Draft], versions.Select(p => p.State));
        Assert.Equal(["Bibliotheekpas halen"], versions[0].Steps.Select(s => s.What));
        Assert.Equal(["Bibliotheekpas halen", "Meedoen met Budgetcafé"], versions[1].Steps.OrderBy(s => s.Position).Select(s => s.What));
        Assert.Equal(ParticipationDomain.FinancialHealth, versions[1].Steps.Single(s => s.Offer == "Budgetcafé").Domain);

        // A form loaded before someone else saved the draft is refused and keeps what was typed.
        var stale = await client.GetAsync($"/interventiewijzer/{interventionId}/aan-plan?plan={firstId}");
        await client.SubmitAsync($"{plan}/bewerken", "plan", new Dictionary<string, string> { ["Input.NewcomerWishes"] = "Zelf de post lezen." });
        var refused = await client.PostFormAsync(stale, "interventie-aan-plan", new Dictionary<string, string> { ["Input.Due"] = Soon, ["Input.What"] = "Eerste keer naar het budgetcafé" });
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("Iemand anders heeft dit plan intussen gewijzigd", refused.Text, StringComparison.Ordinal);
        Assert.Equal("Eerste keer naar het budgetcafé", refused.ValueOf("Input.What"));
        Assert.Equal(2, await Groups.ReadAsync(fixture.App, World.A, db => db.Set<PlanStep>().CountAsync(s => s.PlanId == versions[1].Id)));
    }

    [Fact]
    public async Task A_plan_of_another_municipality_an_unknown_plan_or_a_role_without_plans_gets_404_and_the_guide_alone_is_unchanged()
    {
        var id = await PlanFields.AddNewcomerAsync(fixture.App, World.A, "Yonas", "Grens", new DateOnly(1993, 3, 3));
        var (client, plan) = await DraftAsync(id);
        var ownPlan = await Groups.ReadAsync(fixture.App, World.A, db => db.IntegrationPlans.Where(p => p.NewcomerId == id).Select(p => p.Id).SingleAsync());
        var planOfB = await PlanOfBAsync();
        var interventionId = await Guide.AddOwnInterventionAsync(fixture.App, World.A, Guide.Details($"Taalcafé {Guid.NewGuid().ToString("N")[..6]}"));

        foreach (var url in new[]
        {
            $"/interventiewijzer?plan={planOfB}", $"/interventiewijzer?plan={Guid.NewGuid()}", "/interventiewijzer?plan=abc",
            $"/interventiewijzer/{interventionId}?plan={planOfB}", $"/interventiewijzer/{interventionId}?plan=abc",
            $"/interventiewijzer/{interventionId}/aan-plan?plan={planOfB}", $"/interventiewijzer/{interventionId}/aan-plan?plan={Guid.NewGuid()}",
            $"/interventiewijzer/{interventionId}/aan-plan?plan=abc", $"/interventiewijzer/{interventionId}/aan-plan",
            $"/interventiewijzer/{World.B.InterventionId}/aan-plan?plan={ownPlan}", $"/interventiewijzer/{Guid.NewGuid()}/aan-plan?plan={ownPlan}",
        })
        {
            var page = await client.GetAsync(url);
            Assert.True(page.Status == HttpStatusCode.NotFound, $"{url} gaf {page.Status}");
            Assert.DoesNotContain(World.B.NewcomerName, page.Text, StringComparison.Ordinal);
        }

        // A forged post for B's plan, with a valid token of one's own form, changes nothing.
        var own = await client.GetAsync($"/interventiewijzer/{interventionId}/aan-plan?plan={ownPlan}");
        var token = own.Document.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        using (var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["_handler"] = "interventie-aan-plan",
            ["Input.Domain"] = nameof(ParticipationDomain.Meeting),
            ["Input.What"] = "Ingevoegd door een andere gemeente",
            ["Input.Due"] = Soon,
        }))
        {
            using var response = await client.Http.PostAsync($"/interventiewijzer/{interventionId}/aan-plan?plan={planOfB}", content);
            Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest, response.StatusCode.ToString());
        }
        await using (var scope = fixture.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            Assert.False(await db.Set<PlanStep>().IgnoreQueryFilters().AnyAsync(s => s.PlanId == planOfB));
        }

        using var volunteers = await SignedInAsync(World.A, Roles.VolunteerCoordinator);
        Assert.Equal(HttpStatusCode.NotFound, (await volunteers.GetAsync($"/interventiewijzer?plan={ownPlan}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await volunteers.GetAsync($"/interventiewijzer/{interventionId}?plan={ownPlan}")).Status);
        Assert.DoesNotContain("Voeg toe aan plan", (await volunteers.GetAsync($"/interventiewijzer/{interventionId}")).Text, StringComparison.Ordinal);
        var plain = await volunteers.GetAsync("/interventiewijzer");
        Assert.Equal(HttpStatusCode.OK, plain.Status);
        Assert.DoesNotContain("Voeg toe aan plan", plain.Text, StringComparison.Ordinal);
        Assert.Null(plain.Document.QuerySelector("input[name='plan']"));
        Assert.DoesNotContain("Voeg toe aan plan", (await client.GetAsync("/interventiewijzer")).Text, StringComparison.Ordinal);
        Assert.Contains("Er staan nog geen doelen of stappen in dit plan.", (await client.GetAsync(plan)).Text, StringComparison.Ordinal);
    }

    private async Task<Guid> AddPersonWithIntakeAsync(string given, string family)
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var a = World.A;
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystemFor(a.Id);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var newcomer = People.Newcomer(a.Id, given, family, new DateOnly(1995, 4, 4));
        var strengths = new StrengthsSection(newcomer.Id, a.Id);
        strengths.Update("Goed met kinderen en geduldig", "Naaien en haren vlechten", null, [], null, null);
        strengths.MarkRecorded("test", DateTimeOffset.UtcNow);
        var languages = new LanguagesSection(newcomer.Id, a.Id);
        languages.Update([
            new LanguageSkill { Language = "Nederlands", Listening = CefrLevel.A1, Reading = CefrLevel.PreA1, Speaking = CefrLevel.A1, Writing = CefrLevel.None },
            new LanguageSkill { Language = "Tigrinya", MotherTongue = true, Listening = CefrLevel.C2, Reading = CefrLevel.B2, Speaking = CefrLevel.C2, Writing = CefrLevel.B1 },
        ], Literacy.Literate);
        languages.MarkRecorded("test", DateTimeOffset.UtcNow);
        var wishes = new AspirationsSection(newcomer.Id, a.Id);
        wishes.Update("Fietsen leren en vriendinnen maken", "Verpleegkundige worden");
        wishes.MarkRecorded("test", DateTimeOffset.UtcNow);
        db.Newcomers.Add(newcomer);
        db.AddRange(strengths, languages, wishes);
        await db.SaveChangesAsync();
        return newcomer.Id;
    }

    private async Task<Guid> PlanOfBAsync()
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystemFor(World.B.Id);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var newcomer = People.Newcomer(World.B.Id, "Plan", $"VanB{Guid.NewGuid().ToString("N")[..6]}", new DateOnly(1990, 1, 1));
        var draft = IntegrationPlan.FirstDraft(newcomer, "test", DateTimeOffset.UtcNow);
        db.Newcomers.Add(newcomer);
        db.IntegrationPlans.Add(draft);
        await db.SaveChangesAsync();
        return draft.Id;
    }

    private async Task<(ThuisClient Client, string Plan)> DraftAsync(Guid newcomerId)
    {
        var client = await CaseManagerAsync(World.A);
        var plan = $"/dossiers/{newcomerId}/plan";
        Assert.Equal($"{plan}/bewerken", (await client.SubmitAsync(plan, "concept", new Dictionary<string, string>())).Location);
        return (client, plan);
    }

    private Task<ThuisClient> CaseManagerAsync(TestMunicipality municipality) => SignedInAsync(municipality, Roles.CaseManager);

    private async Task<ThuisClient> SignedInAsync(TestMunicipality municipality, string role)
    {
        var email = await World.CreateUserAsync(municipality, role);
        var client = fixture.NewClient();
        await client.SignInOrFailAsync(email);
        return client;
    }
}
