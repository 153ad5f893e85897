using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Thuis.Web.Data;
using Thuis.Web.Features.Referrals;
using Thuis.Web.Features.SocialMap;
using Thuis.Web.Features.Work;
using Thuis.Web.Platform.Localization;
using Thuis.Web.Platform.Security;
using Thuis.Web.Tests.Infrastructure;
using Engine = Thuis.Matching;

namespace Thuis.Web.Tests;

/// <summary>
/// The road from a vacancy to a lasting job, through the real app on the demo: the vacancy's candidates are the people
/// it fits at their level; the employer gets nothing before the person's yes and consent; the application goes from
/// applied to hired with contract, hours and benefit, or not hired with the reason; every error shows at once and
/// nothing saved is lost; two edits at once do not overwrite each other; another municipality sees none of it.
/// </summary>
public sealed class WorkRoadTests
{
    private static Dictionary<string, string?> EmbeddedDemo() => new()
    {
        ["Database:Provider"] = "Sqlite",
        ["Database:ConnectionString"] = $"Data Source={Path.Combine(Path.GetTempPath(), "thuis-tests", $"demo-{Guid.NewGuid():N}.db")}",
        ["Demo:SeedOnFirstStart"] = "true",
    };

    [Fact]
    public async Task The_teachers_candidacy_goes_from_proposal_through_consent_to_a_hire_that_records_its_terms_and_level()
    {
        await using var app = new ThuisAppFactory("Development", EmbeddedDemo());
        using var caseManager = new ThuisClient(app);
        await caseManager.SignInAsync("klantregisseur@dalfsen.example", DemoData.Password);
        var samira = await SamiraAsync(app);
        var assistant = await OfferAsync(app, "Onderwijsassistent (leerwerkbaan)");
        var orderPicker = await OfferAsync(app, "Orderpicker");

        // The vacancy in her own field has her among its candidates, with the reason in words; the warehouse does not.
        var candidates = await caseManager.GetAsync(WorkSetup.CandidatesPath(assistant));
        Assert.Equal(HttpStatusCode.OK, candidates.Status);
        Assert.Contains("24 uur per week · tijdelijk contract", candidates.Text, StringComparison.Ordinal);
        var card = CandidateCard(candidates, "Samira Haddad");
        Assert.NotNull(card);
        Assert.Contains("in je eigen vak (leraar basisonderwijs), als opstap", card!.TextContent, StringComparison.Ordinal);
        Assert.Null(CandidateCard(await caseManager.GetAsync(WorkSetup.CandidatesPath(orderPicker)), "Samira Haddad"));

        // Proposed from the vacancy: a proposal waits for her answer, and nothing can be applied for yet.
        var proposed = await caseManager.SubmitAsync(WorkSetup.CandidatesPath(assistant), "kandidaat-voorstellen",
            new Dictionary<string, string> { ["Input.NewcomerId"] = samira.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, proposed.Status);
        var proposalPath = proposed.Location!.Split('?')[0];
        var proposal = Guid.Parse(proposalPath.Split('/')[^1]);
        var early = await caseManager.SubmitAsync(WorkSetup.ApplicationsPath(samira), "sollicitatie-starten",
            new Dictionary<string, string> { ["Start.ProposalId"] = proposal.ToString() });
        Assert.Contains(JobApplication.NoConsent, early.Text, StringComparison.Ordinal);
        Assert.Empty(await ApplicationsAsync(app, samira));

        // Her yes, with the consent to share her CV with the school.
        var answer = await caseManager.GetAsync(proposalPath);
        Assert.StartsWith("Cv en gegevens delen met ", answer.ValueOf("Answer.Purpose"), StringComparison.Ordinal);
        Assert.Contains("voor een sollicitatie op: Onderwijsassistent (leerwerkbaan)", answer.ValueOf("Answer.Purpose"), StringComparison.Ordinal);
        var yes = await caseManager.PostFormAsync(answer, "antwoord", new Dictionary<string, string> { ["Answer.Answer"] = nameof(NewcomerAnswer.Yes) });
        Assert.Equal(HttpStatusCode.Redirect, yes.Status);

        var work = await caseManager.GetAsync(WorkSetup.ApplicationsPath(samira));
        Assert.Contains("Onderwijsassistent (leerwerkbaan)", work.Document.QuerySelector("#klaar")!.NextElementSibling!.TextContent, StringComparison.Ordinal);
        var started = await caseManager.PostFormAsync(work, "sollicitatie-starten", new Dictionary<string, string> { ["Start.ProposalId"] = proposal.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, started.Status);
        var path = started.Location!.Split('?')[0];
        var application = Assert.Single(await ApplicationsAsync(app, samira));
        Assert.Equal(ApplicationState.Applied, application.State);
        Assert.Equal(WorkSetup.ApplicationPath(samira, application.Id), path);
        var again = await caseManager.PostFormAsync(work, "sollicitatie-starten", new Dictionary<string, string> { ["Start.ProposalId"] = proposal.ToString() });
        Assert.Contains("al vastgelegd", again.Text, StringComparison.Ordinal);

        // A hire without its terms, dated tomorrow: every message at once, beside its field, and nothing changes.
        var tomorrow = TimeProvider.System.InTheNetherlands().AddDays(1);
        var bad = await caseManager.SubmitAsync(path, "sollicitatie-stap", new Dictionary<string, string>
        {
            ["Input.Step"] = nameof(ApplicationState.Hired),
            ["Input.On"] = tomorrow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["Input.HoursPerWeek"] = "70",
        });
        Assert.Equal(HttpStatusCode.OK, bad.Status);
        Assert.Contains(JobApplication.InTheFuture, bad.Text, StringComparison.Ordinal);
        Assert.Contains("Kies het contract.", bad.Text, StringComparison.Ordinal);
        Assert.Contains(Offer.HoursRefusal, bad.Text, StringComparison.Ordinal);
        Assert.Contains("Kies wat het werk met de uitkering doet.", bad.Text, StringComparison.Ordinal);
        Assert.Equal(4, bad.Document.QuerySelectorAll(".thuis-error-summary li").Length);
        Assert.Equal("70", bad.Document.QuerySelector("#uren")!.GetAttribute("value"));
        Assert.Equal(ApplicationState.Applied, Assert.Single(await ApplicationsAsync(app, samira)).State);

        // A step the application cannot take is refused with the reason.
        var left = await caseManager.SubmitAsync(path, "sollicitatie-stap", new Dictionary<string, string> { ["Input.Step"] = nameof(ApplicationState.Left), ["Input.Note"] = "weg" });
        Assert.Contains("kan niet naar ‘uit dienst’", left.Text, StringComparison.Ordinal);

        // The interview; then a page loaded before it cannot record the hire on old grounds.
        var stale = await caseManager.GetAsync(path);
        AssertSaved(await caseManager.SubmitAsync(path, "sollicitatie-stap", new Dictionary<string, string> { ["Input.Step"] = nameof(ApplicationState.Interview), ["Input.Note"] = "met de directeur" }));
        var conflict = await caseManager.PostFormAsync(stale, "sollicitatie-stap", new Dictionary<string, string>
        {
            ["Input.Step"] = nameof(ApplicationState.NotHired),
            ["Input.Note"] = "te weinig Nederlands",
        });
        Assert.Contains(RecordApplicationStep.ChangedMeanwhile, conflict.Text, StringComparison.Ordinal);
        Assert.Equal(ApplicationState.Interview, Assert.Single(await ApplicationsAsync(app, samira)).State);

        AssertSaved(await caseManager.SubmitAsync(path, "sollicitatie-stap", new Dictionary<string, string> { ["Input.Step"] = nameof(ApplicationState.TrialPlacement) }));
        AssertSaved(await caseManager.SubmitAsync(path, "sollicitatie-stap", new Dictionary<string, string>
        {
            ["Input.Step"] = nameof(ApplicationState.Hired),
            ["Input.Contract"] = nameof(ContractKind.Temporary),
            ["Input.HoursPerWeek"] = "24",
            ["Input.Benefit"] = nameof(BenefitAfterHire.Partly),
        }));
        var hired = Assert.Single(await ApplicationsAsync(app, samira));
        Assert.Equal(ApplicationState.Hired, hired.State);
        Assert.Equal((ContractKind.Temporary, 24, BenefitAfterHire.Partly), (hired.Contract!.Value, hired.HoursPerWeek!.Value, hired.Benefit!.Value));
        // A teacher as a classroom assistant: a stepping stone in her own field, and work below her level all the same.
        Assert.Equal((Engine.SkillLevel.Four, Engine.SkillLevel.Two), (hired.PersonLevel, hired.WorkLevel));
        Assert.True(hired.IsBelowLevel);
        Assert.Equal([ApplicationState.Applied, ApplicationState.Interview, ApplicationState.TrialPlacement, ApplicationState.Hired], hired.Steps.Select(s => s.State));
        var viewsBefore = await ViewsAsync(app, samira);
        var page = await caseManager.GetAsync(path);
        Assert.Equal(viewsBefore + 1, await ViewsAsync(app, samira));
        Assert.Contains("24 uur per week, tijdelijk contract, gedeeltelijk uit de uitkering", page.Text, StringComparison.Ordinal);
        Assert.Contains("onder het eigen niveau", page.Text, StringComparison.Ordinal);
        Assert.Contains("met de directeur", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_job_coach_is_chosen_with_every_error_at_once_and_a_second_choice_on_an_old_page_is_refused()
    {
        await using var app = new ThuisAppFactory("Development", EmbeddedDemo());
        using var caseManager = new ThuisClient(app);
        await caseManager.SignInAsync("klantregisseur@dalfsen.example", DemoData.Password);
        var samira = await SamiraAsync(app);
        var path = WorkSetup.JobCoachPath(samira);

        var bad = await caseManager.SubmitAsync(path, "jobcoach", new Dictionary<string, string> { ["Input.Organisation"] = "Werkplein" });
        Assert.Equal(HttpStatusCode.OK, bad.Status);
        Assert.Contains("Kies of de jobcoach een professional of een vrijwilliger is.", bad.Text, StringComparison.Ordinal);
        Assert.Contains("Vul de naam van de jobcoach in.", bad.Text, StringComparison.Ordinal);
        Assert.Equal("Werkplein", bad.Document.QuerySelector("#organisatie")!.GetAttribute("value"));

        var stale = await caseManager.GetAsync(path);
        var saved = await caseManager.SubmitAsync(path, "jobcoach", new Dictionary<string, string>
        {
            ["Input.Kind"] = nameof(JobCoachKind.Volunteer),
            ["Input.Name"] = "Els de Vries",
            ["Input.Organisation"] = "VluchtelingenWerk",
        });
        Assert.Equal($"{WorkSetup.ApplicationsPath(samira)}?klaar=jobcoach", saved.Location);
        Assert.Contains("Els de Vries (vrijwilliger, VluchtelingenWerk)", (await caseManager.GetAsync(WorkSetup.ApplicationsPath(samira))).Document.QuerySelector("[data-testid=jobcoach]")!.TextContent, StringComparison.Ordinal);

        var conflict = await caseManager.PostFormAsync(stale, "jobcoach", new Dictionary<string, string>
        {
            ["Input.Kind"] = nameof(JobCoachKind.Professional),
            ["Input.Name"] = "Ruud Werkcoach",
        });
        Assert.Contains(AssignJobCoach.ChangedMeanwhile, conflict.Text, StringComparison.Ordinal);
        Assert.Contains("Els de Vries", (await caseManager.GetAsync(WorkSetup.ApplicationsPath(samira))).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_demo_shows_applications_in_every_state_each_for_work_the_engine_puts_the_person_forward_for()
    {
        await using var app = new ThuisAppFactory("Development", EmbeddedDemo());
        app.StartServer();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystemFor((await db.Municipalities.SingleAsync(m => m.Name == "Dalfsen")).Id);

        var applications = await db.JobApplications.AsNoTracking().ToListAsync();

        Assert.Equal(Enum.GetValues<ApplicationState>().Order(), applications.Select(a => a.State).Distinct().Order());
        Assert.All(applications, a => Assert.True(a.LastStepOn <= TimeProvider.System.InTheNetherlands()));
        Assert.Contains(applications, a => a.StillWorkingAfter(12, TimeProvider.System.InTheNetherlands()));
        var coaches = await db.JobCoaches.AsNoTracking().ToListAsync();
        Assert.Equal([JobCoachKind.Professional, JobCoachKind.Volunteer], coaches.Select(c => c.Kind).Distinct().Order());
        // Every demo application came from a proposal the person said yes to, with consent to share with the employer.
        var consents = await db.Consents.AsNoTracking().Where(c => applications.Select(a => a.ConsentId).Contains(c.Id)).ToListAsync();
        Assert.Equal(applications.Count, consents.Count);
        Assert.All(consents, c => Assert.StartsWith("Cv en gegevens delen met ", c.Purpose, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Another_municipality_reaches_neither_the_work_page_nor_an_application_nor_a_vacancys_candidates()
    {
        await using var app = new ThuisAppFactory("Development", EmbeddedDemo());
        using var other = new ThuisClient(app);
        await other.SignInAsync("klantregisseur@zoetermeer.example", DemoData.Password);
        var samira = await SamiraAsync(app);
        var assistant = await OfferAsync(app, "Onderwijsassistent (leerwerkbaan)");
        Guid someone, application;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystemFor((await db.Municipalities.SingleAsync(m => m.Name == "Dalfsen")).Id);
            (someone, application) = await db.JobApplications.Select(a => ValueTuple.Create(a.NewcomerId, a.Id)).FirstAsync();
        }

        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(WorkSetup.ApplicationsPath(samira))).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(WorkSetup.ApplicationPath(someone, application))).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(WorkSetup.JobCoachPath(samira))).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(WorkSetup.CandidatesPath(assistant))).Status);
        // Zoetermeer's own vacancies list only Zoetermeer's people.
        using var own = new ThuisClient(app);
        await own.SignInAsync("klantregisseur@zoetermeer.example", DemoData.Password);
        var theirs = await OfferAsync(app, "Onderwijsassistent (leerwerkbaan)", "Zoetermeer");
        Assert.DoesNotContain("Samira Haddad", (await own.GetAsync(WorkSetup.CandidatesPath(theirs))).Text, StringComparison.Ordinal);
    }

    private static void AssertSaved(ThuisClient.Page page) =>
        Assert.True(page.Status == HttpStatusCode.Redirect && page.Location!.EndsWith("?klaar=stap", StringComparison.Ordinal),
            $"Niet opgeslagen: {page.Status} {page.Location} {page.Document.QuerySelector(".utrecht-form-field-error-message, .thuis-error-summary, [role=alert]")?.TextContent}");

    private static AngleSharp.Dom.IElement? CandidateCard(ThuisClient.Page page, string name) =>
        page.Document.QuerySelectorAll(".thuis-card").FirstOrDefault(c => c.QuerySelector("h3")?.TextContent.Trim() == name);

    private static async Task<Guid> SamiraAsync(ThuisAppFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystemFor((await db.Municipalities.SingleAsync(m => m.Name == "Dalfsen")).Id);
        return await db.Newcomers.Where(n => n.GivenNames == "Samira" && n.FamilyName == "Haddad").Select(n => n.Id).SingleAsync();
    }

    private static async Task<Guid> OfferAsync(ThuisAppFactory app, string title, string municipality = "Dalfsen")
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystemFor((await db.Municipalities.SingleAsync(m => m.Name == municipality)).Id);
        return await db.Offers.Where(o => o.Title == title).Select(o => o.Id).SingleAsync();
    }

    /// <summary>How many looks at the person's dossier the audit trail holds.</summary>
    private static async Task<int> ViewsAsync(ThuisAppFactory app, Guid personId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().AuditEntries.IgnoreQueryFilters()
            .CountAsync(a => a.Action == Thuis.Web.Platform.Auditing.AuditAction.View && a.PersonId == personId);
    }

    private static async Task<List<JobApplication>> ApplicationsAsync(ThuisAppFactory app, Guid newcomerId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystemFor((await db.Newcomers.IgnoreQueryFilters().SingleAsync(n => n.Id == newcomerId)).MunicipalityId);
        return await db.JobApplications.AsNoTracking().Where(a => a.NewcomerId == newcomerId).ToListAsync();
    }
}
