using System.Net;
using Microsoft.EntityFrameworkCore;
using Thuis.Web.Features.Dossiers;
using Thuis.Web.Features.Intake;
using Thuis.Web.Features.Matching;
using Thuis.Web.Features.Plans;
using Thuis.Web.Features.Referrals;
using Thuis.Web.Features.SocialMap;
using Thuis.Web.Platform.Localization;
using Thuis.Web.Platform.Security;
using Thuis.Web.Tests.Infrastructure;
using static Thuis.Web.Tests.MatchingTests;

namespace Thuis.Web.Tests;

/// <summary>
/// Matching rounds keep their word (issue 15, item 4) and suggestions respect the person (item 5), through the real
/// app: who can join a round, no pair twice, open matches holding their places, reasons from the right side in real
/// Dutch, a rejection with its reason, "niet nu" per proposal, the informal network, a step after a yes to a
/// non-partner, and a warning when a plan and proposals ask too much at once.
/// </summary>
public sealed class MatchingRoundsTests
{
    private static readonly DateOnly Today = TimeProvider.System.InTheNetherlands();

    [Fact]
    public async Task A_round_offers_only_people_who_can_be_matched_now_chosen_by_housing_cohort_status_and_case_manager()
    {
        await using var app = new ThuisAppFactory();
        var world = await TestWorld.SeedAsync(app);
        var caseManager = await world.CreateUserAsync(world.A, Roles.CaseManager);
        var caseManagerId = await world.UserIdOfAsync(caseManager);
        var lastMonth = new DateOnly(Today.Year, Today.Month, 1).AddMonths(-1);
        var september = await PersonHousedAsync(app, world, "September", lastMonth.AddDays(2), caseManagerId);
        var earlier = await PersonHousedAsync(app, world, "Eerder", lastMonth.AddMonths(-4), null);
        var future = await PersonHousedAsync(app, world, "Toekomst", Today.AddDays(10), caseManagerId);
        var resting = await PersonHousedAsync(app, world, "Rustig", lastMonth, caseManagerId, pausedUntil: Today.AddMonths(1));
        var rested = await PersonHousedAsync(app, world, "Uitgerust", lastMonth, null, pausedUntil: Today.AddDays(-1));
        var coordinator = await SignInAsync(app, world, world.A, Roles.Coordinator);

        var all = await coordinator.GetAsync("/koppelen");
        var listed = Listed(all);
        Assert.Contains(september, listed);
        Assert.Contains(earlier, listed);
        Assert.Contains(rested, listed);
        // Housed in the future, or still asking "niet nu": not offered.
        Assert.DoesNotContain(future, listed);
        Assert.DoesNotContain(resting, listed);
        Assert.All(all.Document.QuerySelectorAll("input[name^='Input.People']"), i => Assert.True(i.HasAttribute("checked")));

        var month = CohortQuery.MonthOf(lastMonth);
        Assert.NotNull(all.Document.QuerySelector($"select[name=cohort] option[value='{month}']"));
        Assert.Equal([september, rested], Listed(await coordinator.GetAsync($"/koppelen?cohort={month}")).Order());
        Assert.Contains(september, Listed(await coordinator.GetAsync($"/koppelen?cohort={CohortQuery.QuarterOf(lastMonth)}")));
        Assert.Equal([rested], Listed(await coordinator.GetAsync($"/koppelen?status={CohortQuery.AfterNotNow}")));
        Assert.Equal([september], Listed(await coordinator.GetAsync($"/koppelen?klantregisseur={caseManagerId}")));

        // Nobody, then everyone shown: only the ticks change, no round runs.
        var url = $"/koppelen?cohort={month}";
        var runsBefore = await InA(app, world, db => db.CohortRuns.CountAsync());
        var none = await coordinator.SubmitAsync(url, "koppelronde", new Dictionary<string, string> { ["Input.Select"] = "geen" });
        Assert.Equal(HttpStatusCode.OK, none.Status);
        Assert.All(none.Document.QuerySelectorAll("input[name^='Input.People']"), i => Assert.False(i.HasAttribute("checked")));
        var again = await coordinator.PostFormAsync(none, "koppelronde", new Dictionary<string, string> { ["Input.Select"] = "alle" });
        Assert.Equal(2, again.Document.QuerySelectorAll("input[name^='Input.People'][checked]").Length);
        Assert.Equal(runsBefore, await InA(app, world, db => db.CohortRuns.CountAsync()));

        // A crafted form with someone who asks "niet nu" leaves them out.
        var fields = new Dictionary<string, string> { [$"Input.People[{resting}]"] = "true", [$"Input.People[{september}]"] = "true" };
        var ran = await coordinator.SubmitAsync(url, "koppelronde", fields);
        var runId = Guid.Parse(ran.Location!["/koppelen/".Length..]);
        var joined = await InA(app, world, db => db.CohortRuns.Where(r => r.Id == runId).Select(r => r.People).SingleAsync());
        Assert.Equal(new[] { september, rested }.Order(), joined.Order());
    }

    [Fact]
    public async Task A_second_round_sees_the_first_no_pair_comes_twice_and_a_rejection_keeps_its_reason()
    {
        await using var app = new ThuisAppFactory();
        var world = await TestWorld.SeedAsync(app);
        var amal = await AddPersonAsync(app, world.A, "Amal", "Ronde", interests: ["taal"], languages: [("Arabisch", CefrLevel.C2)]);
        var omar = await AddPersonAsync(app, world.A, "Omar", "Ronde", interests: ["taal"], languages: [("Arabisch", CefrLevel.C2)]);
        var joke = await AddVolunteerAsync(app, world.A, "Joke Al-Khatib", VolunteerRole.LanguageBuddy, [("Arabisch", CefrLevel.C1)], capacity: 1);
        var coordinator = await SignInAsync(app, world, world.A, Roles.Coordinator);

        var first = await RunAsync(coordinator, [amal, omar]);
        var firstMatch = Assert.Single(await MatchesAsync(app, world, first));
        Assert.Equal(joke, firstMatch.TargetId);

        // Joke's one place is held by the open match: a second round, before any decision, has no place to give.
        var runs = await InA(app, world, db => db.CohortRuns.CountAsync());
        var second = await coordinator.PostFormAsync(await coordinator.GetAsync("/koppelen"), "koppelronde", new Dictionary<string, string> { ["Input.Kind"] = "Volunteer.LanguageBuddy" });
        Assert.Contains("In ‘taalmaatje’ is nu geen plek vrij.", second.Text, StringComparison.Ordinal);
        Assert.Equal(runs, await InA(app, world, db => db.CohortRuns.CountAsync()));

        // Rejecting asks for a reason from the short list, and a note with "anders".
        var reject = $"/koppelen/{first}/afwijzen/{firstMatch.Id}";
        var form = await coordinator.GetAsync(reject);
        Assert.Equal(5, form.Document.QuerySelectorAll("input[name='Input.Reason']").Length);
        Assert.Contains("heeft al iets vergelijkbaars", form.Text, StringComparison.Ordinal);
        var other = await coordinator.PostFormAsync(form, "afwijzen", new Dictionary<string, string> { ["Input.Reason"] = nameof(CohortRejection.Other) });
        Assert.Contains("Schrijf kort op waarom, bij ‘anders’.", other.Text, StringComparison.Ordinal);
        Assert.Equal($"/koppelen/{first}?klaar=afgewezen", (await coordinator.PostFormAsync(form, "afwijzen", new Dictionary<string, string>
        {
            ["Input.Reason"] = nameof(CohortRejection.Other),
            ["Input.Note"] = "Joke en deze persoon kennen elkaar al van het werk.",
        })).Location);
        var review = await coordinator.GetAsync($"/koppelen/{first}");
        Assert.Contains("anders — Joke en deze persoon kennen elkaar al van het werk.", review.Text, StringComparison.Ordinal);
        var stale = await coordinator.PostFormAsync(form, "afwijzen", new Dictionary<string, string> { ["Input.Reason"] = nameof(CohortRejection.NotSuitable) });
        Assert.Null(stale.Location);
        Assert.Equal(CohortRejection.Other, (await InA(app, world, db => db.CohortMatches.SingleAsync(m => m.Id == firstMatch.Id))).RejectionReason);

        // The third round respects the rejection: the place is free again, but not for the same person.
        var third = await RunAsync(coordinator, [amal, omar]);
        var thirdMatch = Assert.Single(await MatchesAsync(app, world, third));
        Assert.Equal(joke, thirdMatch.TargetId);
        Assert.NotEqual(firstMatch.NewcomerId, thirdMatch.NewcomerId);

        // Accepted, it becomes a proposal (its own open match is not counted against it); a fourth round proposes nothing again.
        var accept = (await coordinator.GetAsync($"/koppelen/{third}")).Document.QuerySelectorAll("button[name='Input.Decision']").Single().GetAttribute("value")!;
        Assert.Equal($"/koppelen/{third}?klaar=geaccepteerd", (await coordinator.SubmitAsync($"/koppelen/{third}", "koppelbesluit", new Dictionary<string, string> { ["Input.Decision"] = accept })).Location);
        var form4 = await coordinator.GetAsync("/koppelen");
        var full = await coordinator.PostFormAsync(form4, "koppelronde", new Dictionary<string, string> { ["Input.Kind"] = "Volunteer.LanguageBuddy" });
        Assert.Contains("In ‘taalmaatje’ is nu geen plek vrij.", full.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_proposal_answered_no_or_niet_nu_is_never_matched_again_in_a_round_and_the_answered_pair_is_not_repeated()
    {
        await using var app = new ThuisAppFactory();
        var world = await TestWorld.SeedAsync(app);
        var saba = await AddPersonAsync(app, world.A, "Saba", "Haile", interests: ["zingen"], languages: [("Tigrinya", CefrLevel.C2)]);
        var choir = await AddOfferAsync(app, world.A, "Wereldkoor", OfferKind.Activity, ["zingen"], ParticipationDomain.Meeting, capacity: 5);
        var caseManager = await SignInAsync(app, world, world.A, Roles.CaseManager);
        var proposal = await caseManager.SubmitAsync($"/dossiers/{saba}/suggesties", "suggestie-voorstellen", new Dictionary<string, string> { ["Input.Key"] = $"aanbod:{choir}" });
        var coordinator = await SignInAsync(app, world, world.A, Roles.Coordinator);

        // Proposed and waiting for an answer: a round does not propose the same pair.
        Assert.DoesNotContain(await MatchesAsync(app, world, await RunAsync(coordinator, [saba], kind: nameof(OfferKind.Activity))), m => m.TargetId == choir);

        await caseManager.SubmitAsync(proposal.Location!, "antwoord", new Dictionary<string, string>
        {
            ["Answer.Answer"] = nameof(NewcomerAnswer.NotNow),
            ["Answer.NotNowUntil"] = Today.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        });
        Assert.DoesNotContain(await MatchesAsync(app, world, await RunAsync(coordinator, [saba], kind: nameof(OfferKind.Activity))), m => m.TargetId == choir);
    }

    [Fact]
    public async Task Reasons_name_a_volunteers_wish_as_theirs_met_by_the_household_with_the_right_article()
    {
        await using var app = new ThuisAppFactory();
        var world = await TestWorld.SeedAsync(app);
        var family = await AddPersonAsync(app, world.A, "Hiba", "Gezin", interests: ["kinderen"], languages: [("Arabisch", CefrLevel.C2)]);
        await InA(app, world, async db =>
        {
            var household = new HouseholdSection(family, world.A.Id);
            household.Update("Karim", true, [new Child { Name = "Lina", DateOfBirth = Today.AddYears(-7), SchoolOrDayCare = "De Regenboog" }], FamilyReunificationStatus.NotApplicable, null);
            household.MarkRecorded("test", DateTimeOffset.UtcNow);
            db.Add(household);
            await db.SaveChangesAsync();
            return 0;
        });
        var single = await AddPersonAsync(app, world.A, "Samir", "Alleen", interests: ["kinderen"], languages: [("Arabisch", CefrLevel.C2)]);
        await AddVolunteerAsync(app, world.A, "Marleen Bos", VolunteerRole.LanguageBuddy, [("Arabisch", CefrLevel.B1)], capacity: 2, preferences: "Liefst een gezin met kinderen.");
        await AddVolunteerAsync(app, world.A, "Ahmed Rolmodel", VolunteerRole.RoleModel, [("Arabisch", CefrLevel.C2)], capacity: 2);
        var caseManager = await SignInAsync(app, world, world.A, Roles.CaseManager);

        var cards = Cards(await caseManager.GetAsync($"/dossiers/{family}/suggesties"));
        var buddy = cards["Taalmaatje Marleen Bos"];
        Assert.Contains("Het taalmaatje wil liefst een gezin met kinderen; dat past", buddy, StringComparison.Ordinal);
        // Her wish is not the newcomer's talent or interest.
        Assert.DoesNotContain("houdt van kinderen", buddy, StringComparison.Ordinal);
        Assert.DoesNotContain("is goed in kinderen", buddy, StringComparison.Ordinal);
        Assert.Contains("spreekt Arabisch, net als het taalmaatje", buddy, StringComparison.Ordinal);
        Assert.Contains("spreekt Arabisch, net als het rolmodel", cards["Rolmodel Ahmed Rolmodel"], StringComparison.Ordinal);
        Assert.DoesNotContain("de taalmaatje", buddy, StringComparison.Ordinal);

        var alone = Cards(await caseManager.GetAsync($"/dossiers/{single}/suggesties"));
        Assert.DoesNotContain("wil liefst", alone.GetValueOrDefault("Taalmaatje Marleen Bos") ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task Niet_nu_on_one_proposal_hides_that_offer_or_its_kind_until_the_day_the_person_chose()
    {
        await using var app = new ThuisAppFactory();
        var world = await TestWorld.SeedAsync(app);
        var saba = await AddPersonAsync(app, world.A, "Saba", "Haile", interests: ["zingen", "dansen"], languages: [("Tigrinya", CefrLevel.C2)]);
        var choir = await AddOfferAsync(app, world.A, "Wereldkoor", OfferKind.Activity, ["zingen"], ParticipationDomain.Meeting);
        await AddOfferAsync(app, world.A, "Dansavond", OfferKind.Activity, ["dansen"], ParticipationDomain.Meeting);
        await AddOfferAsync(app, world.A, "Koor De Lindeboom", OfferKind.Membership, ["zingen"], ParticipationDomain.Meeting);
        var caseManager = await SignInAsync(app, world, world.A, Roles.CaseManager);
        var url = $"/dossiers/{saba}/suggesties";

        var proposal = (await caseManager.SubmitAsync(url, "suggestie-voorstellen", new Dictionary<string, string> { ["Input.Key"] = $"aanbod:{choir}" })).Location!;
        var withoutDate = await caseManager.SubmitAsync(proposal, "antwoord", new Dictionary<string, string> { ["Answer.Answer"] = nameof(NewcomerAnswer.NotNow) });
        Assert.Contains("Kies tot wanneer de persoon dit niet meer voorgesteld wil krijgen", withoutDate.Text, StringComparison.Ordinal);

        var until = Today.AddMonths(2);
        await caseManager.SubmitAsync(proposal, "antwoord", new Dictionary<string, string>
        {
            ["Answer.Answer"] = nameof(NewcomerAnswer.NotNow),
            ["Answer.NotNowUntil"] = until.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["Answer.Note"] = "Eerst wennen aan de nieuwe school van de kinderen.",
        });
        var stored = await InA(app, world, db => db.Proposals.SingleAsync(p => p.NewcomerId == saba));
        Assert.Equal(until, stored.NotNowUntil);
        Assert.Null(stored.NotNowKind);
        Assert.Contains("Niet voorstellen tot en met", (await caseManager.GetAsync(proposal)).Text, StringComparison.Ordinal);

        var cards = Cards(await caseManager.GetAsync(url)).Keys.ToList();
        Assert.DoesNotContain("Wereldkoor", cards);
        Assert.Contains("Dansavond", cards);
        Assert.Contains("Koor De Lindeboom", cards);
        var refused = await caseManager.SubmitAsync(url, "suggestie-voorstellen", new Dictionary<string, string> { ["Input.Key"] = $"aanbod:{choir}" });
        Assert.Contains("past nu niet bij Saba", refused.Text, StringComparison.Ordinal);

        // "Ook geen ander aanbod van deze soort": every activity is hidden for the period, a membership is not.
        var danceProposal = await InA(app, world, db => db.Offers.Where(o => o.Title == "Dansavond").Select(o => o.Id).SingleAsync());
        var second = (await caseManager.SubmitAsync(url, "suggestie-voorstellen", new Dictionary<string, string> { ["Input.Key"] = $"aanbod:{danceProposal}" })).Location!;
        await caseManager.SubmitAsync(second, "antwoord", new Dictionary<string, string>
        {
            ["Answer.Answer"] = nameof(NewcomerAnswer.NotNow),
            ["Answer.NotNowUntil"] = until.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["Answer.NotNowWholeKind"] = "true",
        });
        var after = Cards(await caseManager.GetAsync(url)).Keys.ToList();
        Assert.DoesNotContain("Dansavond", after);
        Assert.DoesNotContain("Wereldkoor", after);
        Assert.Contains("Koor De Lindeboom", after);
        Assert.Equal(nameof(OfferKind.Activity), (await InA(app, world, db => db.Proposals.SingleAsync(p => p.TargetId == danceProposal))).NotNowKind);
    }

    [Fact]
    public async Task Someone_the_intake_says_they_know_at_a_club_counts_in_the_suggestion()
    {
        await using var app = new ThuisAppFactory();
        var world = await TestWorld.SeedAsync(app);
        var yonas = await AddPersonAsync(app, world.A, "Yonas", "Tekle", interests: ["voetbal"], languages: [("Tigrinya", CefrLevel.C2)],
            knows: ["kent iemand bij de voetbalclub"]);
        var other = await AddPersonAsync(app, world.A, "Daniel", "Tekle", interests: ["voetbal"], languages: [("Tigrinya", CefrLevel.C2)]);
        await AddOfferAsync(app, world.A, "Voetbalclub SV Vechtdal: training", OfferKind.Membership, ["voetbal"], ParticipationDomain.Meeting);
        await AddOfferAsync(app, world.A, "Zaalvoetbal op vrijdag", OfferKind.Activity, ["voetbal"], ParticipationDomain.Meeting);
        var caseManager = await SignInAsync(app, world, world.A, Roles.CaseManager);

        var cards = Cards(await caseManager.GetAsync($"/dossiers/{yonas}/suggesties"));
        Assert.Contains("kent hier één persoon", cards["Voetbalclub SV Vechtdal: training"], StringComparison.Ordinal);
        Assert.DoesNotContain("kent hier", cards["Zaalvoetbal op vrijdag"], StringComparison.Ordinal);
        Assert.Equal("Voetbalclub SV Vechtdal: training", cards.Keys.First());
        Assert.DoesNotContain("kent hier", Cards(await caseManager.GetAsync($"/dossiers/{other}/suggesties"))["Voetbalclub SV Vechtdal: training"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_yes_to_an_offer_of_a_non_partner_ends_in_a_recorded_step_not_a_dead_end()
    {
        await using var app = new ThuisAppFactory();
        var world = await TestWorld.SeedAsync(app);
        var person = await AddPersonAsync(app, world.A, "Rahel", "Kahsay", interests: ["zingen"], languages: [("Tigrinya", CefrLevel.C2)]);
        var choir = await InA(app, world, async db =>
        {
            var club = new Thuis.Web.Features.Organisations.Organisation(world.A.Id, "Koor Zanglust", isPartner: false);
            db.Organisations.Add(club);
            var offer = new Offer(club, new OfferDetails(OfferKind.Membership, "Koor Zanglust", null, null, WeekGrid.Empty, null, 0, null, CefrLevel.None, false,
                [ParticipationDomain.Meeting], [], ["zingen"]));
            db.Offers.Add(offer);
            await db.SaveChangesAsync();
            return offer.Id;
        });
        var caseManager = await SignInAsync(app, world, world.A, Roles.CaseManager);
        var proposal = (await caseManager.SubmitAsync($"/dossiers/{person}/suggesties", "suggestie-voorstellen", new Dictionary<string, string> { ["Input.Key"] = $"aanbod:{choir}" })).Location!;
        await caseManager.SubmitAsync(proposal, "antwoord", new Dictionary<string, string> { ["Answer.Answer"] = nameof(NewcomerAnswer.Yes) });

        var page = await caseManager.GetAsync(proposal);
        Assert.Contains("Koor Zanglust is geen partner", page.Text, StringComparison.Ordinal);
        Assert.Null(page.Document.QuerySelector("input[name=_handler][value=doorverwijzen]"));
        var empty = await caseManager.PostFormAsync(page, "geregeld", new Dictionary<string, string>());
        Assert.Contains("Schrijf op wie het heeft geregeld.", empty.Text, StringComparison.Ordinal);
        Assert.Contains("Vul in wanneer het begon of begint.", empty.Text, StringComparison.Ordinal);
        var started = Today.AddDays(-14);
        var saved = await caseManager.SubmitAsync(proposal, "geregeld", new Dictionary<string, string>
        {
            ["Arrangement.ArrangedBy"] = "de buurvrouw, die zelf in het koor zingt",
            ["Arrangement.StartedOn"] = started.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        });
        Assert.EndsWith("?klaar=geregeld", saved.Location, StringComparison.Ordinal);
        var stored = await InA(app, world, db => db.Proposals.SingleAsync(p => p.NewcomerId == person));
        Assert.Equal("de buurvrouw, die zelf in het koor zingt", stored.ArrangedBy);
        Assert.Equal(started, stored.ArrangedStartedOn);
        Assert.Null(stored.ArrangedEndedOn);
        var shown = await caseManager.GetAsync(proposal);
        Assert.Contains("Loopt nog", shown.Text, StringComparison.Ordinal);

        var ended = await caseManager.SubmitAsync(proposal, "geregeld", new Dictionary<string, string>
        {
            ["Arrangement.ArrangedBy"] = "de buurvrouw, die zelf in het koor zingt",
            ["Arrangement.StartedOn"] = started.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["Arrangement.EndedOn"] = started.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        });
        Assert.Contains("Het stopt niet vóór de start", ended.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Suggestions_warn_when_the_plan_and_proposals_together_ask_too_much_at_once()
    {
        await using var app = new ThuisAppFactory();
        var world = await TestWorld.SeedAsync(app);
        var person = await AddPersonAsync(app, world.A, "Meron", "Druk", interests: ["zingen"], languages: [("Tigrinya", CefrLevel.C2)]);
        var offers = new List<Guid>();
        foreach (var title in new[] { "Koor A", "Koor B", "Koor C", "Koor D" })
        {
            offers.Add(await AddOfferAsync(app, world.A, title, OfferKind.Activity, ["zingen"], ParticipationDomain.Meeting));
        }
        var caseManager = await SignInAsync(app, world, world.A, Roles.CaseManager);
        var url = $"/dossiers/{person}/suggesties";
        Assert.DoesNotContain("Let op overvragen", (await caseManager.GetAsync(url)).Text, StringComparison.Ordinal);

        await InA(app, world, async db =>
        {
            var newcomer = await db.Newcomers.SingleAsync(n => n.Id == person);
            var plan = IntegrationPlan.FirstDraft(newcomer, "test", DateTimeOffset.UtcNow);
            plan.Revise(new PlanTerms(LearningRoute.B1, MainGoal.Participation, null, 4, 6, null, null, null, null, null, null, null), new Dictionary<ParticipationDomain, string>(), [], Today);
            db.IntegrationPlans.Add(plan);
            await db.SaveChangesAsync();
            return 0;
        });
        foreach (var offer in offers.Take(3))
        {
            await caseManager.SubmitAsync(url, "suggestie-voorstellen", new Dictionary<string, string> { ["Input.Key"] = $"aanbod:{offer}" });
        }
        var page = await caseManager.GetAsync(url);
        Assert.True(page.Text.Contains("Let op overvragen", StringComparison.Ordinal), page.Document.QuerySelector("main")?.TextContent);
        Assert.Contains("Let op overvragen: Meron heeft nu 0 stappen uit het plan tegelijk, 10 uur PVT en MAP per week en 3 voorstellen die wachten op antwoord of lopen.", page.Text, StringComparison.Ordinal);
    }

    private static List<Guid> Listed(ThuisClient.Page page) =>
        [.. page.Document.QuerySelectorAll("input[name^='Input.People']").Select(i => Guid.Parse(i.GetAttribute("name")!["Input.People[".Length..^1]))];

    private static async Task<Guid> RunAsync(ThuisClient coordinator, Guid[] people, string kind = "Volunteer.LanguageBuddy")
    {
        var form = await coordinator.GetAsync("/koppelen");
        var fields = new Dictionary<string, string> { ["Input.Kind"] = kind, ["Input.MaxPerPerson"] = "1" };
        foreach (var input in form.Document.QuerySelectorAll("input[name^='Input.People']"))
        {
            fields[input.GetAttribute("name")!] = people.Any(p => input.GetAttribute("name")!.Contains(p.ToString(), StringComparison.Ordinal)) ? "true" : "false";
        }
        var ran = await coordinator.PostFormAsync(form, "koppelronde", fields);
        Assert.True(ran.Location is not null, ran.Text);
        return Guid.Parse(ran.Location!["/koppelen/".Length..]);
    }

    private static Task<List<CohortMatch>> MatchesAsync(ThuisAppFactory app, TestWorld world, Guid run) =>
        InA(app, world, db => db.CohortMatches.Where(m => m.RunId == run).ToListAsync());

    private static async Task<Guid> PersonHousedAsync(ThuisAppFactory app, TestWorld world, string given, DateOnly housed, string? caseManagerId, DateOnly? pausedUntil = null)
    {
        var id = await PlanFields.AddNewcomerAsync(app, world.A, given, "Cohort", new DateOnly(1990, 1, 1));
        await InA(app, world, async db =>
        {
            var n = await db.Newcomers.SingleAsync(x => x.Id == id);
            n.UpdateLegalFrame(new LegalFrame(TargetGroup.AsylumPermitHolder, housed.AddMonths(-3), housed, housed, null, null, null, null));
            n.AssignCaseManager(caseManagerId);
            if (pausedUntil is { } until)
            {
                n.Pause(until, "Even rust.");
            }
            await db.SaveChangesAsync();
            return 0;
        });
        return id;
    }
}
