using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Thuis.Web.Data;
using Thuis.Web.Features.Intake;
using Thuis.Web.Features.Matching;
using Thuis.Web.Features.Plans;
using Thuis.Web.Features.Referrals;
using Thuis.Web.Features.SocialMap;
using Thuis.Web.Platform.Localization;
using Thuis.Web.Platform.Security;
using Thuis.Web.Tests.Infrastructure;

namespace Thuis.Web.Tests;

/// <summary>
/// Suggestions on the dossier and matching rounds, through the real app: what the intake says becomes reasons a case
/// manager can read, hard limits (language, Dutch, places, "niet nu", an earlier no) are never crossed, and only a
/// case manager's or coordinator's decision turns a match into a proposal.
/// </summary>
public sealed class MatchingTests
{
    [Fact]
    public async Task Suggestions_explain_themselves_follow_the_filters_and_one_becomes_a_proposal_with_todays_reasons()
    {
        await using var app = new ThuisAppFactory();
        var world = await TestWorld.SeedAsync(app);
        var tesfay = await AddPersonAsync(app, world.A, "Tesfay", "Kidane", talents: "Goed in koken voor grote groepen; was kok in Asmara.",
            interests: ["hardlopen"], languages: [("Tigrinya", CefrLevel.C2), ("Nederlands", CefrLevel.A1)], knows: ["Anna de Vries"]);
        var kitchen = await AddOfferAsync(app, world.A, "Kookcafé De Ontmoeting", OfferKind.VolunteerRole, ["koken"], ParticipationDomain.ContributingToSociety, capacity: 2);
        var running = await AddOfferAsync(app, world.A, "Hardloopgroep Dalfsen", OfferKind.Activity, ["hardlopen"], ParticipationDomain.Meeting);
        await AddOfferAsync(app, world.A, "Boekhouden voor beginners", OfferKind.Course, ["koken"], ParticipationDomain.FinancialHealth, dutchNeeded: CefrLevel.B1);
        await AddOfferAsync(app, world.A, "Kookgroep voor vrouwen", OfferKind.Activity, ["koken"], ParticipationDomain.Meeting, audiences: [TargetAudience.Women]);
        await AddVolunteerAsync(app, world.A, "Anna de Vries", VolunteerRole.Buddy, [("Tigrinya", CefrLevel.B2)], capacity: 1);
        await AddVolunteerAsync(app, world.A, "Piet Jansen", VolunteerRole.Buddy, [("Engels", CefrLevel.C1)], capacity: 3);
        var caseManager = await SignInAsync(app, world, world.A, Roles.CaseManager);
        var url = $"/dossiers/{tesfay}/suggesties";

        var page = await caseManager.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var cards = Cards(page);
        Assert.Contains("Kookcafé De Ontmoeting", cards.Keys);
        Assert.Contains("Hardloopgroep Dalfsen", cards.Keys);
        Assert.Contains("Buddy Anna de Vries", cards.Keys);
        // B1 Dutch needed, women only, no language in common: never suggested, whatever else fits.
        Assert.DoesNotContain("Boekhouden voor beginners", cards.Keys);
        Assert.DoesNotContain("Kookgroep voor vrouwen", cards.Keys);
        Assert.DoesNotContain("Buddy Piet Jansen", cards.Keys);
        // Volunteers without a received VOG are not deployed.
        Assert.DoesNotContain(cards.Keys, k => k.Contains(world.A.VolunteerName, StringComparison.Ordinal));
        Assert.Contains("is goed in koken; daar draait dit aanbod om", cards["Kookcafé De Ontmoeting"], StringComparison.Ordinal);
        Assert.Contains("houdt van hardlopen; daar draait dit aanbod om", cards["Hardloopgroep Dalfsen"], StringComparison.Ordinal);
        Assert.Contains("spreekt Tigrinya, net als de buddy", cards["Buddy Anna de Vries"], StringComparison.Ordinal);
        Assert.Contains("kent hier één persoon", cards["Buddy Anna de Vries"], StringComparison.Ordinal);
        Assert.DoesNotContain("fietsen", page.Text, StringComparison.Ordinal);
        var scores = cards.Values.Select(Score).ToList();
        Assert.Equal(scores.OrderDescending(), scores);

        Assert.Equal(["Buddy Anna de Vries"], Cards(await caseManager.GetAsync($"{url}?soort=Volunteer")).Keys);
        var meeting = Cards(await caseManager.GetAsync($"{url}?domein={ParticipationDomain.Meeting}")).Keys.ToList();
        Assert.Contains("Hardloopgroep Dalfsen", meeting);
        Assert.DoesNotContain("Kookcafé De Ontmoeting", meeting);
        Assert.Equal(["Kookcafé De Ontmoeting"], Cards(await caseManager.GetAsync($"{url}?soort={OfferKind.VolunteerRole}&domein={ParticipationDomain.ContributingToSociety}")).Keys);

        var proposed = await caseManager.SubmitAsync(url, "suggestie-voorstellen", new Dictionary<string, string> { ["Input.Key"] = $"aanbod:{kitchen}" });

        Assert.Matches($"^/dossiers/{tesfay}/voorstellen/[0-9a-f-]{{36}}\\?klaar=voorgesteld$", proposed.Location);
        var proposal = await InA(app, world, db => db.Proposals.SingleAsync(p => p.NewcomerId == tesfay));
        Assert.Equal(TargetKind.Offer, proposal.Kind);
        Assert.Equal(kitchen, proposal.TargetId);
        Assert.Equal(world.A.PartnerOrganisationId, proposal.OrganisationId);
        Assert.Equal($"Kookcafé De Ontmoeting (VluchtelingenWerk Dalfsen)", proposal.What);
        Assert.Contains("is goed in koken; daar draait dit aanbod om", proposal.Reasons, StringComparison.Ordinal);
        Assert.Equal(Thuis.Matching.MatchingEngine.RulesVersion, proposal.MatchRulesVersion);
        Assert.Equal(Score(cards["Kookcafé De Ontmoeting"]), proposal.MatchScore!.Value, 1);
        Assert.Contains("Het voorstel is vastgelegd.", (await caseManager.GetAsync(proposed.Location!)).Text, StringComparison.Ordinal);

        var again = await caseManager.GetAsync(url);
        Assert.Contains("Al voorgesteld", Cards(again)["Kookcafé De Ontmoeting"], StringComparison.Ordinal);
        var twice = await caseManager.PostFormAsync(page, "suggestie-voorstellen", new Dictionary<string, string> { ["Input.Key"] = $"aanbod:{kitchen}" });
        Assert.Contains("‘Kookcafé De Ontmoeting’ is Tesfay al voorgesteld.", twice.Text, StringComparison.Ordinal);
        var unknown = await caseManager.SubmitAsync(url, "suggestie-voorstellen", new Dictionary<string, string> { ["Input.Key"] = $"aanbod:{Guid.NewGuid()}" });
        Assert.Contains("Dit aanbod of deze vrijwilliger is er niet meer", unknown.Text, StringComparison.Ordinal);
        Assert.Equal(1, await InA(app, world, db => db.Proposals.CountAsync(p => p.NewcomerId == tesfay)));

        var audits = await InA(app, world, db => db.AuditEntries.CountAsync(e => e.ObjectId == tesfay.ToString() && e.Purpose == "Suggesties bekijken"));
        Assert.True(audits >= 6, $"{audits} keer vastgelegd");
        _ = running;
    }

    [Fact]
    public async Task A_place_promised_to_one_person_is_not_suggested_to_the_next_and_not_now_or_no_is_respected()
    {
        await using var app = new ThuisAppFactory();
        var world = await TestWorld.SeedAsync(app);
        var first = await AddPersonAsync(app, world.A, "Yonas", "Tekle", languages: [("Tigrinya", CefrLevel.C2)]);
        var second = await AddPersonAsync(app, world.A, "Saba", "Haile", languages: [("Tigrinya", CefrLevel.C2)]);
        await AddVolunteerAsync(app, world.A, "Anna de Vries", VolunteerRole.Buddy, [("Tigrinya", CefrLevel.B2)], capacity: 1);
        var choir = await AddOfferAsync(app, world.A, "Wereldkoor", OfferKind.Activity, ["zingen"], ParticipationDomain.Meeting);
        var caseManager = await SignInAsync(app, world, world.A, Roles.CaseManager);

        Assert.Contains("Buddy Anna de Vries", Cards(await caseManager.GetAsync($"/dossiers/{second}/suggesties")).Keys);
        var firstPage = await caseManager.GetAsync($"/dossiers/{first}/suggesties");
        var volunteerKey = firstPage.Document.QuerySelectorAll("button[name='Input.Key']").Select(b => b.GetAttribute("value")!).Single(v => v.StartsWith("vrijwilliger:", StringComparison.Ordinal));
        Assert.NotNull((await caseManager.PostFormAsync(firstPage, "suggestie-voorstellen", new Dictionary<string, string> { ["Input.Key"] = volunteerKey })).Location);

        // Anna's one place is promised while Yonas has not answered: Saba no longer sees her, and proposing her is refused.
        var secondPage = await caseManager.GetAsync($"/dossiers/{second}/suggesties");
        Assert.DoesNotContain("Buddy Anna de Vries", Cards(secondPage).Keys);
        var refused = await caseManager.PostFormAsync(secondPage, "suggestie-voorstellen", new Dictionary<string, string> { ["Input.Key"] = volunteerKey });
        Assert.Contains("‘Buddy Anna de Vries’ heeft geen plek meer vrij.", refused.Text, StringComparison.Ordinal);

        // Saba says no to the choir: it is not suggested to her again.
        var choirProposal = await caseManager.SubmitAsync($"/dossiers/{second}/suggesties", "suggestie-voorstellen", new Dictionary<string, string> { ["Input.Key"] = $"aanbod:{choir}" });
        await caseManager.SubmitAsync(choirProposal.Location!, "antwoord", new Dictionary<string, string> { ["Answer.Answer"] = nameof(NewcomerAnswer.No), ["Answer.Note"] = "Zingt liever niet." });
        Assert.DoesNotContain("Wereldkoor", Cards(await caseManager.GetAsync($"/dossiers/{second}/suggesties")).Keys);

        // Yonas asks for "niet nu": no suggestions and no proposals until the date.
        var before = await caseManager.GetAsync($"/dossiers/{first}/suggesties");
        await InA(app, world, async db =>
        {
            var yonas = await db.Newcomers.SingleAsync(n => n.Id == first);
            yonas.Pause(TimeProvider.System.InTheNetherlands().AddMonths(2), "Eerst de verhuizing van zijn broer.");
            await db.SaveChangesAsync();
            return 0;
        });
        var paused = await caseManager.GetAsync($"/dossiers/{first}/suggesties");
        Assert.Contains("Yonas heeft ‘niet nu’ gevraagd tot en met", paused.Text, StringComparison.Ordinal);
        Assert.Empty(Cards(paused));
        var notNow = await caseManager.PostFormAsync(before, "suggestie-voorstellen", new Dictionary<string, string> { ["Input.Key"] = $"aanbod:{choir}" });
        Assert.Contains("Yonas heeft ‘niet nu’ gevraagd", notNow.Text, StringComparison.Ordinal);
        Assert.Equal(1, await InA(app, world, db => db.Proposals.CountAsync(p => p.NewcomerId == first)));

        // Another municipality's newcomer does not exist here, also not for a post.
        Assert.Equal(HttpStatusCode.NotFound, (await caseManager.GetAsync($"/dossiers/{world.B.NewcomerId}/suggesties")).Status);
        var partnerWorker = await SignInAsync(app, world, world.A, Roles.PartnerWorker);
        Assert.Equal(HttpStatusCode.Forbidden, (await partnerWorker.GetAsync($"/dossiers/{second}/suggesties")).Status);
    }

    [Fact]
    public async Task A_yes_to_a_volunteer_of_the_volunteer_centre_is_referred_there_and_the_centre_sees_it()
    {
        await using var app = new ThuisAppFactory();
        var world = await TestWorld.SeedAsync(app);
        var coordinator = await SignInAsync(app, world, world.A, Roles.VolunteerCoordinator);
        var fields = new Dictionary<string, string>
        {
            ["Input.Name"] = "Tesfay Berhane",
            ["Input.RoleChoices[Buddy]"] = "true",
            ["Input.Capacity"] = "1",
            ["Input.Vog"] = nameof(VogStatus.Received),
            ["Input.VogDate"] = "2026-01-05",
            ["Input.Languages[0].Language"] = "Tigrinya",
            ["Input.Languages[0].Level"] = nameof(CefrLevel.C2),
            ["Input.OrganisationId"] = world.B.PartnerOrganisationId.ToString(),
        };
        // Another municipality's organisation cannot be chosen, not even by a crafted form; nothing is saved.
        var refused = await coordinator.SubmitAsync("/vrijwilligers/nieuw", "vrijwilliger-toevoegen", fields);
        Assert.Contains("Kies een organisatie van de sociale kaart van uw gemeente.", refused.Text, StringComparison.Ordinal);
        Assert.Equal("Tesfay Berhane", refused.ValueOf("Input.Name"));
        Assert.Equal(0, await InA(app, world, db => db.Volunteers.CountAsync(v => v.Name == "Tesfay Berhane")));

        fields["Input.OrganisationId"] = world.A.PartnerOrganisationId.ToString();
        var saved = await coordinator.SubmitAsync("/vrijwilligers/nieuw", "vrijwilliger-toevoegen", fields);
        var centre = await InA(app, world, db => db.Organisations.Where(o => o.Id == world.A.PartnerOrganisationId).Select(o => o.Name).SingleAsync());
        Assert.Contains(centre, (await coordinator.GetAsync(saved.Location!)).Document.QuerySelector("dl")!.TextContent, StringComparison.Ordinal);

        var person = await AddPersonAsync(app, world.A, "Yonas", "Tekle", languages: [("Tigrinya", CefrLevel.C2)]);
        var caseManager = await SignInAsync(app, world, world.A, Roles.CaseManager);
        var suggestions = await caseManager.GetAsync($"/dossiers/{person}/suggesties");
        var card = Cards(suggestions)["Buddy Tesfay Berhane"];
        Assert.Contains(centre, card, StringComparison.Ordinal);
        var key = suggestions.Document.QuerySelectorAll("button[name='Input.Key']").Select(b => b.GetAttribute("value")!).Single(v => v.StartsWith("vrijwilliger:", StringComparison.Ordinal));
        var proposalUrl = (await caseManager.PostFormAsync(suggestions, "suggestie-voorstellen", new Dictionary<string, string> { ["Input.Key"] = key })).Location!;
        await caseManager.SubmitAsync(proposalUrl, "antwoord", new Dictionary<string, string> { ["Answer.Answer"] = nameof(NewcomerAnswer.Yes) });
        var withYes = await caseManager.GetAsync(proposalUrl);
        Assert.Contains($"Doorverwijzen naar {centre}", withYes.Text, StringComparison.Ordinal);
        Assert.NotNull((await caseManager.SubmitAsync(proposalUrl, "doorverwijzen", new Dictionary<string, string> { ["Refer.ContactNeeded"] = "false" })).Location);

        var partner = await SignInAsync(app, world, world.A, Roles.PartnerWorker);
        var referrals = await partner.GetAsync("/verwijzingen");
        Assert.Contains(referrals.Document.QuerySelectorAll("tbody tr"), r => r.TextContent.Contains("Yonas", StringComparison.Ordinal)
            && r.TextContent.Contains("Tesfay Berhane", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_matching_round_keeps_to_capacities_and_each_accepted_match_becomes_a_proposal()
    {
        await using var app = new ThuisAppFactory();
        var world = await TestWorld.SeedAsync(app);
        var people = new List<Guid>();
        foreach (var (given, language) in new[] { ("Amal", "Arabisch"), ("Omar", "Arabisch"), ("Senait", "Tigrinya"), ("Hamid", "Dari") })
        {
            people.Add(await AddPersonAsync(app, world.A, given, "Ronde", interests: ["taal"], languages: [(language, CefrLevel.C2)]));
        }
        var resting = await AddPersonAsync(app, world.A, "Rustig", "Ronde", languages: [("Arabisch", CefrLevel.C2)]);
        await InA(app, world, async db =>
        {
            (await db.Newcomers.SingleAsync(n => n.Id == resting)).Pause(TimeProvider.System.InTheNetherlands().AddMonths(1), "Zwanger, na de bevalling weer.");
            await db.SaveChangesAsync();
            return 0;
        });
        var joke = await AddVolunteerAsync(app, world.A, "Joke Al-Khatib", VolunteerRole.LanguageBuddy, [("Arabisch", CefrLevel.C1), ("Nederlands", CefrLevel.C2)], capacity: 1);
        var els = await AddVolunteerAsync(app, world.A, "Els Prins", VolunteerRole.LanguageBuddy, [("Nederlands", CefrLevel.C2)], capacity: 2);
        await AddVolunteerAsync(app, world.A, "Bas Buddy", VolunteerRole.Buddy, [("Arabisch", CefrLevel.C1)], capacity: 5);
        var coordinator = await SignInAsync(app, world, world.A, Roles.Coordinator);

        var form = await coordinator.GetAsync("/koppelen");
        Assert.Null(form.Document.QuerySelector($"input[name='Input.People[{resting}]']"));
        Assert.NotNull(form.Document.QuerySelector($"input[name='Input.People[{people[0]}]']"));
        var nobody = await coordinator.PostFormAsync(form, "koppelronde", new Dictionary<string, string> { ["Input.Kind"] = "Volunteer.LanguageBuddy" }
            .Concat(form.Document.QuerySelectorAll("input[name^='Input.People']").Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, "false")))
            .ToDictionary());
        Assert.Contains("Kies minstens één persoon.", nobody.Text, StringComparison.Ordinal);
        Assert.Equal(0, await InA(app, world, db => db.CohortRuns.CountAsync(r => r.Pool == "taalmaatje")));

        var fields = new Dictionary<string, string> { ["Input.Kind"] = "Volunteer.LanguageBuddy", ["Input.MaxPerPerson"] = "1" };
        foreach (var input in form.Document.QuerySelectorAll("input[name^='Input.People']"))
        {
            fields[input.GetAttribute("name")!] = people.Any(p => input.GetAttribute("name")!.Contains(p.ToString(), StringComparison.Ordinal)) ? "true" : "false";
        }
        var ran = await coordinator.PostFormAsync(form, "koppelronde", fields);

        Assert.Matches("^/koppelen/[0-9a-f-]{36}$", ran.Location);
        var runId = Guid.Parse(ran.Location!["/koppelen/".Length..]);
        var matches = await InA(app, world, db => db.CohortMatches.Where(m => m.RunId == runId).ToListAsync());
        // Three places among two taalmaatjes for four people: three matched, nobody twice, no taalmaatje over capacity.
        Assert.Equal(3, matches.Count);
        Assert.Equal(3, matches.Select(m => m.NewcomerId).Distinct().Count());
        Assert.All(matches, m => Assert.Contains(m.NewcomerId, people));
        Assert.Equal(1, matches.Count(m => m.TargetId == joke));
        Assert.Equal(2, matches.Count(m => m.TargetId == els));
        // Joke speaks Arabic: her one place goes to Amal or Omar, who speak it too.
        Assert.Contains(matches.Single(m => m.TargetId == joke).NewcomerId, people[0..2]);
        Assert.Contains(matches, m => m.TargetId == joke && m.Reasons.Any(r => r.Text == "spreekt Arabisch, net als het taalmaatje"));
        Assert.All(matches, m => Assert.Equal(m.Score, m.Reasons.Sum(r => r.Contribution), 2));

        var review = await coordinator.GetAsync(ran.Location!);
        Assert.Contains("Koppelvoorstellen: taalmaatje", review.Text, StringComparison.Ordinal);
        Assert.Contains("4 mensen, 3 met een koppelvoorstel", review.Text, StringComparison.Ordinal);
        var accepts = review.Document.QuerySelectorAll("button[name='Input.Decision']").Select(b => b.GetAttribute("value")!).ToList();
        Assert.Equal(3, accepts.Count);
        Assert.All(accepts, a => Assert.StartsWith("accepteren:", a, StringComparison.Ordinal));
        Assert.Equal(3, review.Document.QuerySelectorAll("a[href*='/afwijzen/']").Length);

        Assert.Equal($"{ran.Location}?klaar=geaccepteerd", (await coordinator.PostFormAsync(review, "koppelbesluit", new Dictionary<string, string> { ["Input.Decision"] = accepts[0] })).Location);
        Assert.Equal($"{ran.Location}?klaar=geaccepteerd", (await coordinator.SubmitAsync(ran.Location!, "koppelbesluit", new Dictionary<string, string> { ["Input.Decision"] = accepts[1] })).Location);
        var reject = $"{ran.Location}/afwijzen/{accepts[2].Split(':')[1]}";
        var withoutReason = await coordinator.SubmitAsync(reject, "afwijzen", new Dictionary<string, string>());
        Assert.Contains("Kies waarom u dit koppelvoorstel afwijst.", withoutReason.Text, StringComparison.Ordinal);
        Assert.Equal($"{ran.Location}?klaar=afgewezen", (await coordinator.SubmitAsync(reject, "afwijzen", new Dictionary<string, string> { ["Input.Reason"] = nameof(CohortRejection.NotSuitable) })).Location);
        // The page was open before the decisions: deciding again from it is refused, and nothing is proposed twice.
        var stale = await coordinator.PostFormAsync(review, "koppelbesluit", new Dictionary<string, string> { ["Input.Decision"] = accepts[0] });
        Assert.Contains("Over dit koppelvoorstel is intussen al besloten", stale.Text, StringComparison.Ordinal);

        var decided = await InA(app, world, db => db.CohortMatches.Where(m => m.RunId == runId).ToListAsync());
        Assert.Equal(2, decided.Count(m => m.Decision == CohortMatchDecision.Accepted));
        Assert.Equal(1, decided.Count(m => m.Decision == CohortMatchDecision.Rejected));
        var proposals = await InA(app, world, db => db.Proposals.Where(p => people.Contains(p.NewcomerId)).ToListAsync());
        Assert.Equal(2, proposals.Count);
        Assert.All(proposals, p => Assert.Equal(TargetKind.Volunteer, p.Kind));
        Assert.Equal(decided.Where(m => m.ProposalId != null).Select(m => m.ProposalId!.Value).Order(), proposals.Select(p => p.Id).Order());
        Assert.All(proposals, p => Assert.Equal(NewcomerAnswer.Pending, p.Answer));

        var list = await coordinator.GetAsync("/koppelen");
        var row = list.Document.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains("taalmaatje", StringComparison.Ordinal));
        Assert.Equal(["4", "3", "2", "0"], row.QuerySelectorAll("td").Skip(2).Select(c => c.TextContent.Trim()));
        Assert.Equal(4, await InA(app, world, db => db.AuditEntries.CountAsync(e => e.Purpose == "Koppelronde" && people.Select(p => p.ToString()).Contains(e.ObjectId))));

        var caseManager = await SignInAsync(app, world, world.A, Roles.CaseManager);
        Assert.Equal(HttpStatusCode.Forbidden, (await caseManager.GetAsync("/koppelen")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await caseManager.GetAsync(ran.Location!)).Status);
    }

    internal static Dictionary<string, string> Cards(ThuisClient.Page page) =>
        page.Document.QuerySelectorAll(".thuis-suggestions > li")
            .ToDictionary(li => li.QuerySelector("h3")!.TextContent.Trim(), li => li.TextContent);

    private static double Score(string card)
    {
        var at = card.IndexOf("(score ", StringComparison.Ordinal) + "(score ".Length;
        return double.Parse(card[at..card.IndexOf(')', at)], System.Globalization.CultureInfo.GetCultureInfo("nl-NL"));
    }

    internal static async Task<ThuisClient> SignInAsync(ThuisAppFactory app, TestWorld world, TestMunicipality municipality, string role)
    {
        var client = new ThuisClient(app);
        await client.SignInOrFailAsync(await world.CreateUserAsync(municipality, role));
        return client;
    }

    internal static async Task<T> InA<T>(ThuisAppFactory app, TestWorld world, Func<AppDbContext, Task<T>> read)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystemFor(world.A.Id);
        return await read(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    internal static async Task<Guid> AddPersonAsync(ThuisAppFactory app, TestMunicipality municipality, string given, string family, string? talents = null,
        string[]? interests = null, (string Language, CefrLevel Level)[]? languages = null, string[]? knows = null)
    {
        var id = await PlanFields.AddNewcomerAsync(app, municipality, given, family, new DateOnly(1991, 2, 3));
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystemFor(municipality.Id);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var strengths = new StrengthsSection(id, municipality.Id);
        strengths.Update(talents, null, null, interests ?? [], null, null);
        strengths.MarkRecorded("test", DateTimeOffset.UtcNow);
        db.Add(strengths);
        var spoken = new LanguagesSection(id, municipality.Id);
        spoken.Update((languages ?? []).Select(l => new LanguageSkill { Language = l.Language, Speaking = l.Level, Listening = l.Level }), Literacy.Literate);
        spoken.MarkRecorded("test", DateTimeOffset.UtcNow);
        db.Add(spoken);
        var network = new NetworkSection(id, municipality.Id);
        network.Update((knows ?? []).Select(who => new Contact { Who = who, Relation = RelationKind.Friend }));
        network.MarkRecorded("test", DateTimeOffset.UtcNow);
        db.Add(network);
        await db.SaveChangesAsync();
        return id;
    }

    internal static async Task<Guid> AddOfferAsync(ThuisAppFactory app, TestMunicipality municipality, string title, OfferKind kind, string[] tags,
        ParticipationDomain domain, int? capacity = null, CefrLevel dutchNeeded = CefrLevel.None, TargetAudience[]? audiences = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystemFor(municipality.Id);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var partner = await db.Organisations.SingleAsync(o => o.Id == municipality.PartnerOrganisationId);
        var offer = new Offer(partner, new OfferDetails(kind, title, null, null, WeekGrid.Empty, null, 0, capacity, dutchNeeded, false,
            [domain], audiences ?? [], tags));
        db.Offers.Add(offer);
        await db.SaveChangesAsync();
        return offer.Id;
    }

    internal static async Task<Guid> AddVolunteerAsync(ThuisAppFactory app, TestMunicipality municipality, string name, VolunteerRole role,
        (string Language, CefrLevel Level)[] languages, int capacity, string? preferences = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystemFor(municipality.Id);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var volunteer = new Volunteer(municipality.Id, new VolunteerDetails(name, [role], null, null,
            [.. languages.Select(l => new VolunteerLanguage { Language = l.Language, Level = l.Level })], WeekGrid.Empty, capacity, null, preferences,
            VogStatus.Received, new DateOnly(2026, 1, 5), null));
        db.Volunteers.Add(volunteer);
        await db.SaveChangesAsync();
        return volunteer.Id;
    }
}
