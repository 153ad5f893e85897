using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Thuis.Web.Data;
using Thuis.Web.Features.Plans;
using Thuis.Web.Platform.Localization;
using Thuis.Web.Platform.Security;
using Thuis.Web.Tests.Infrastructure;

namespace Thuis.Web.Tests;

[Collection(AppCollection.Name)]
public sealed class PlanTests(AppFixture fixture)
{
    private static readonly string Soon = TimeProvider.System.InTheNetherlands().AddDays(10).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_save_based_on_an_older_page_is_refused_and_keeps_what_was_typed()
    {
        var (client, plan) = await DraftForNewPersonAsync("Leila", "Nouri");
        var left = await client.GetAsync($"{plan}/bewerken");
        await client.SubmitAsync($"{plan}/bewerken", "plan", new Dictionary<string, string> { ["Input.NewcomerWishes"] = "Eerst een eigen fiets." });

        var stale = await client.PostFormAsync(left, "plan", new Dictionary<string, string> { ["Input.NewcomerWishes"] = "Verpleegkundige worden." });

        Assert.Equal(HttpStatusCode.OK, stale.Status);
        Assert.Contains("Iemand anders heeft dit plan intussen gewijzigd", stale.Text, StringComparison.Ordinal);
        Assert.Equal("Verpleegkundige worden.", stale.Document.QuerySelector("#wensen")?.TextContent);
        Assert.Contains("Eerst een eigen fiets.", (await client.GetAsync(plan)).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Steps_need_a_description_and_a_date_and_new_steps_cannot_be_due_in_the_past()
    {
        var (client, plan) = await DraftForNewPersonAsync("Omar", "Saleh");

        var page = await client.SubmitAsync($"{plan}/bewerken", "plan", new Dictionary<string, string>
        {
            ["Input.Steps[0].What"] = "Zwemles voor de kinderen",
            ["Input.Steps[1].OwnerName"] = "Zwembad De Vrije Slag",
            ["Input.Steps[1].Due"] = Soon,
            ["Input.Steps[2].What"] = "Bibliotheekpas halen",
            ["Input.Steps[2].Due"] = "2020-01-01",
        });

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Kies de datum waarop deze stap klaar moet zijn.", page.Text, StringComparison.Ordinal);
        Assert.Contains("Beschrijf wat de stap is, of maak de hele regel leeg.", page.Text, StringComparison.Ordinal);
        Assert.Contains("Een nieuwe stap kan niet in het verleden klaar moeten zijn.", page.Text, StringComparison.Ordinal);
        Assert.Equal("Zwemles voor de kinderen", page.ValueOf("Input.Steps[0].What"));
        Assert.Equal("Zwembad De Vrije Slag", page.ValueOf("Input.Steps[1].OwnerName"));
        Assert.Contains("Er staan nog geen doelen of stappen in dit plan.", (await client.GetAsync(plan)).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_plan_nudges_toward_a_fun_step_in_meeting_and_warns_when_too_much_runs_at_once()
    {
        var (client, plan) = await DraftForNewPersonAsync("Hana", "Yousef");
        var work = new[] { "Cv maken", "Sollicitatiebrief", "Meelopen bij de bakker", "Werkfit-training", "Gesprek met jobcoach", "Vacatures zoeken" };
        // Three blank rows per save: six steps take two saves.
        await SaveStepsAsync(client, plan, work[..3], ParticipationDomain.PaidWork);
        var before = await client.GetAsync(plan);
        Assert.Contains("Er staat nog geen laagdrempelige, leuke stap in ‘ontmoeten’", before.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Let op overvragen", before.Text, StringComparison.Ordinal);

        await SaveStepsAsync(client, plan, work[3..], ParticipationDomain.PaidWork);
        var crowded = await client.GetAsync(plan);
        Assert.Contains("Let op overvragen: 6 stappen lopen nu of binnen vier weken tegelijk", crowded.Text, StringComparison.Ordinal);

        var edit = await client.GetAsync($"{plan}/bewerken");
        await client.PostFormAsync(edit, "plan", new Dictionary<string, string>
        {
            ["Input.Steps[6].Domain"] = nameof(ParticipationDomain.Meeting),
            ["Input.Steps[6].What"] = "Meezingen met het koor",
            ["Input.Steps[6].Due"] = Soon,
            ["Input.Steps[6].LowThreshold"] = "True",
            // Clearing a row removes the step.
            ["Input.Steps[5].What"] = "",
            ["Input.Steps[5].Due"] = "",
        });
        var after = await client.GetAsync(plan);
        Assert.DoesNotContain("Er staat nog geen laagdrempelige", after.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Vacatures zoeken", after.Text, StringComparison.Ordinal);
        Assert.Contains("Let op overvragen: 6 stappen", after.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Progress_is_recorded_on_the_plan_and_a_stopped_step_needs_a_reason()
    {
        var (client, plan) = await DraftForNewPersonAsync("Sara", "Mahmoud");
        await SaveStepsAsync(client, plan, ["Fietsles volgen", "Naar de inloop van de bibliotheek"], ParticipationDomain.SelfReliance);

        var refused = await client.SubmitAsync($"{plan}/voortgang", "voortgang", new Dictionary<string, string>
        {
            ["Input.Steps[0].Status"] = nameof(StepStatus.Done),
            ["Input.Steps[1].Status"] = nameof(StepStatus.Dropped),
        });
        Assert.Contains("Schrijf op waarom deze stap stopt.", refused.Text, StringComparison.Ordinal);
        Assert.Equal("Dropped", refused.Document.QuerySelector("select[name='Input.Steps[1].Status'] option[selected]")?.GetAttribute("value"));

        var saved = await client.SubmitAsync($"{plan}/voortgang", "voortgang", new Dictionary<string, string>
        {
            ["Input.Steps[0].Status"] = nameof(StepStatus.Done),
            ["Input.Steps[1].Status"] = nameof(StepStatus.Dropped),
            ["Input.Steps[1].DroppedReason"] = "Bibliotheek is verhuisd; past niet meer",
        });
        Assert.Equal($"{plan}?klaar=voortgang", saved.Location);
        var page = await client.GetAsync(plan);
        Assert.Contains("gedaan", page.Text, StringComparison.Ordinal);
        Assert.Contains("gestopt: Bibliotheek is verhuisd; past niet meer", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_municipalitys_plan_cannot_be_started_edited_or_printed()
    {
        var (client, ownPlan) = await DraftForNewPersonAsync("Noor", "Hamdan");
        var own = await client.GetAsync($"{ownPlan}/bewerken");
        var token = own.Document.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        var otherPlan = $"/dossiers/{fixture.World.B.NewcomerId}/plan";

        foreach (var (url, handler) in new[] { (otherPlan, "concept"), ($"{otherPlan}/bewerken", "plan"), ($"{otherPlan}/vaststellen", "vaststellen"), ($"{otherPlan}/voortgang", "voortgang") })
        {
            using var content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token,
                ["_handler"] = handler,
                ["Input.Steps[0].What"] = "Ingevoegd door een andere gemeente",
                ["Input.Steps[0].Due"] = Soon,
                ["Input.DecisionDate"] = "2026-07-01",
            });
            using var response = await client.Http.PostAsync(url, content);
            // The page finds no such dossier, so it never renders the form the post names: the post is refused.
            Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest, $"{url}: {response.StatusCode}");
            Assert.DoesNotContain(fixture.World.B.NewcomerName, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"{otherPlan}/afdrukken")).Status);

        await using var scope = fixture.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.False(await db.IntegrationPlans.IgnoreQueryFilters().AnyAsync(p => p.NewcomerId == fixture.World.B.NewcomerId));
    }

    [Fact]
    public async Task The_plans_overview_puts_people_without_a_fixed_plan_first_and_marks_a_passed_deadline()
    {
        var (client, _) = await DraftForNewPersonAsync("Ali", "Rezaei");

        var page = await client.GetAsync("/plannen?wie=alle");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var row = page.Document.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains("Rezaei, Ali", StringComparison.Ordinal));
        Assert.Contains("versie 1, concept", row.TextContent, StringComparison.Ordinal);
        // Registered on 1 June 2026: the PIP was due on 10 August 2026.
        Assert.Contains("10 augustus 2026", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("verstreken", row.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Gebremedhin", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_next_progress_meeting_in_the_past_is_refused_and_the_input_stays()
    {
        var (client, plan) = await DraftForNewPersonAsync("Farah", "Gesprek");

        var refused = await client.SubmitAsync($"{plan}/bewerken", "plan", new Dictionary<string, string> { ["Input.NextProgressMeeting"] = "2020-01-01" });

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Equal("De volgende voortgangsbespreking ligt in het verleden; kies vandaag of later.", refused.Document.QuerySelector("#volgende-fout")?.TextContent.Trim());
        Assert.EndsWith("#volgende", refused.Document.QuerySelector(".thuis-error-summary a")?.GetAttribute("href"), StringComparison.Ordinal);
        Assert.Equal("2020-01-01", refused.ValueOf("Input.NextProgressMeeting"));
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync($"{plan}/bewerken", "plan", new Dictionary<string, string> { ["Input.NextProgressMeeting"] = Soon })).Status);
    }

    [Fact]
    public async Task An_asylum_permit_holder_on_a_benefit_is_ontzorgd_for_at_least_six_months()
    {
        var (client, plan) = await DraftForNewPersonAsync("Nour", "Ontzorgd");
        var fields = new Dictionary<string, string> { ["Input.OntzorgenFrom"] = "2026-09-01", ["Input.OntzorgenUntil"] = "2027-01-31" };
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync($"{plan}/bewerken", "plan", fields)).Status);

        await using (var scope = fixture.App.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystemFor(fixture.World.A.Id);
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var id = await db.Newcomers.Where(n => n.GivenNames == "Nour" && n.FamilyName == "Ontzorgd").Select(n => n.Id).SingleAsync();
            var finances = new Thuis.Web.Features.Intake.FinancesSection(id, fixture.World.A.Id);
            finances.Update(Thuis.Web.Features.Intake.IncomeSource.Benefit, false, null, null, Thuis.Web.Features.Intake.DebtHelp.NotNeeded, true, true);
            db.Add(finances);
            await db.SaveChangesAsync();
        }
        var refused = await client.SubmitAsync($"{plan}/bewerken", "plan", fields);

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("ten minste zes maanden ontzorgd (Participatiewet, art. 56a): tot en met 28 februari 2027 of later.", refused.Text, StringComparison.Ordinal);
        Assert.Equal("2027-01-31", refused.ValueOf("Input.OntzorgenUntil"));
        fields["Input.OntzorgenUntil"] = "2027-02-28";
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync($"{plan}/bewerken", "plan", fields)).Status);
    }

    private async Task<(ThuisClient Client, string Plan)> DraftForNewPersonAsync(string given, string family)
    {
        var id = await PlanFields.AddNewcomerAsync(fixture.App, fixture.World.A, given, family, new DateOnly(1992, 3, 14));
        var client = fixture.NewClient();
        await client.SignInOrFailAsync(await fixture.World.CreateUserAsync(fixture.World.A, Roles.CaseManager));
        var plan = $"/dossiers/{id}/plan";
        Assert.Equal($"{plan}/bewerken", (await client.SubmitAsync(plan, "concept", new Dictionary<string, string>())).Location);
        return (client, plan);
    }

    private static async Task SaveStepsAsync(ThuisClient client, string plan, string[] steps, ParticipationDomain domain)
    {
        var edit = await client.GetAsync($"{plan}/bewerken");
        var first = edit.Document.QuerySelectorAll("input[name$='].What']").Count(i => !string.IsNullOrEmpty(i.GetAttribute("value")));
        var fields = new Dictionary<string, string>();
        for (var i = 0; i < steps.Length; i++)
        {
            fields[$"Input.Steps[{first + i}].Domain"] = domain.ToString();
            fields[$"Input.Steps[{first + i}].What"] = steps[i];
            fields[$"Input.Steps[{first + i}].Due"] = Soon;
        }
        var saved = await client.PostFormAsync(edit, "plan", fields);
        Assert.True(saved.Status == HttpStatusCode.Redirect, saved.Text);
    }
}
