using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Thuis.Web.Data;
using Thuis.Web.Features.Dossiers;
using Thuis.Web.Features.Intake;
using Thuis.Web.Features.Interventions;
using Thuis.Web.Platform.Auditing;
using Thuis.Web.Platform.Localization;
using Thuis.Web.Platform.Security;
using Thuis.Web.Tests.Infrastructure;

namespace Thuis.Web.Tests;

[Collection(AppCollection.Name)]
public sealed class InterventionGuideTests(AppFixture fixture)
{
    private const string FinancialFor55WithA1 = "/interventiewijzer?domein=FinancialHealth&leeftijd=55&taal=A1&aangepast=1";

    private static readonly string[] FinancialFitsFor55WithA1 = ["Geldzaken in eigen taal", "Thuisadministratie met een vrijwilliger", "Vroeg erop af bij geldzorgen"];

    private TestWorld World => fixture.World;

    [Fact]
    public async Task The_guide_page_shows_exactly_the_interventions_that_fit_with_the_reasons_why()
    {
        var municipality = await World.AddMunicipalityAsync(Unique("Hattem"));
        using var client = await SignedInAsync(municipality, Roles.CaseManager);

        var page = await client.GetAsync(FinancialFor55WithA1);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(FinancialFitsFor55WithA1, CardNames(page).Order());
        Assert.Contains("3 interventies gevonden", page.Text, StringComparison.Ordinal);
        var card = Card(page, "Thuisadministratie met een vrijwilliger");
        Assert.Contains("past bij 55 jaar", card, StringComparison.Ordinal);
        Assert.Contains("taalniveau A1 is genoeg", card, StringComparison.Ordinal);
        Assert.Contains("voorbeeldinhoud", card, StringComparison.Ordinal);
        Assert.Contains("niet hier", card, StringComparison.Ordinal);
        Assert.Contains("effectief – goede aanwijzingen (verlopen)", Card(page, "Vroeg erop af bij geldzorgen"), StringComparison.Ordinal);
        Assert.DoesNotContain("Grip op geld", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_expired_recognition_is_shown_as_verlopen_and_a_current_one_with_its_last_day()
    {
        var municipality = await World.AddMunicipalityAsync(Unique("Heerde"));
        var today = TimeProvider.System.InTheNetherlands();
        var expired = await Guide.AddOwnInterventionAsync(fixture.App, municipality,
            Guide.Details("Oude aanpak", new Recognition(RecognitionLevel.WellFounded, today.AddYears(-3), 3)));
        var current = await Guide.AddOwnInterventionAsync(fixture.App, municipality,
            Guide.Details("Nieuwe aanpak", new Recognition(RecognitionLevel.WellFounded, today.AddYears(-3).AddDays(1), 3)));
        using var client = await SignedInAsync(municipality, Roles.CaseManager);

        var old = await client.GetAsync($"/interventiewijzer/{expired}");
        var fresh = await client.GetAsync($"/interventiewijzer/{current}");

        Assert.Contains("goed onderbouwd (verlopen)", old.Text, StringComparison.Ordinal);
        Assert.Contains($"{DutchFormat.Date(today.AddDays(-1))} — verlopen (3 jaar)", old.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("verlopen", fresh.Text, StringComparison.Ordinal);
        Assert.Contains($"{DutchFormat.Date(today)} (3 jaar)", fresh.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Availability_belongs_to_one_municipality_and_its_changes_are_audited()
    {
        var here = await World.AddMunicipalityAsync(Unique("Olst"));
        var elsewhere = await World.AddMunicipalityAsync(Unique("Wijhe"));
        var coordinatorEmail = await World.CreateUserAsync(here, Roles.Coordinator);
        using var coordinator = fixture.NewClient();
        await coordinator.SignInOrFailAsync(coordinatorEmail);
        var intervention = Guide.IdOfShipped(fixture.App, "thuisadministratie");

        var saved = await coordinator.SubmitAsync($"/interventiewijzer/{intervention}/beschikbaarheid", "beschikbaarheid", new Dictionary<string, string>
        {
            ["Input.OrganisationId"] = here.PartnerOrganisationId.ToString(),
            ["Input.Capacity"] = "8",
            ["Input.WaitingList"] = "2",
            ["Input.Schedule"] = "maandagochtend",
            ["Input.Contact"] = "Fatima, 0570-123456",
        });

        Assert.Equal($"/interventiewijzer/{intervention}?klaar=beschikbaar", saved.Location);
        var detail = await coordinator.GetAsync($"/interventiewijzer/{intervention}");
        Assert.Contains("VluchtelingenWerk " + here.Name, detail.Text, StringComparison.Ordinal);
        Assert.Contains("Fatima, 0570-123456", detail.Text, StringComparison.Ordinal);
        var guideHere = await coordinator.GetAsync(FinancialFor55WithA1);
        Assert.Contains($"hier beschikbaar bij VluchtelingenWerk {here.Name}", Card(guideHere, "Thuisadministratie met een vrijwilliger"), StringComparison.Ordinal);
        Assert.Equal("Thuisadministratie met een vrijwilliger", CardNames(guideHere)[0]);
        Assert.Equal(["Thuisadministratie met een vrijwilliger"], CardNames(await coordinator.GetAsync("/interventiewijzer?hier=ja&aangepast=1")));

        using var other = await SignedInAsync(elsewhere, Roles.CaseManager);
        var guideElsewhere = await other.GetAsync(FinancialFor55WithA1);
        Assert.Contains("niet hier", Card(guideElsewhere, "Thuisadministratie met een vrijwilliger"), StringComparison.Ordinal);
        Assert.DoesNotContain(here.Name, guideElsewhere.Text, StringComparison.Ordinal);
        var detailElsewhere = await other.GetAsync($"/interventiewijzer/{intervention}");
        Assert.Contains("Deze interventie is hier (nog) niet beschikbaar.", detailElsewhere.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Fatima", detailElsewhere.Text, StringComparison.Ordinal);
        Assert.Empty(CardNames(await other.GetAsync("/interventiewijzer?hier=ja&aangepast=1")));

        var userId = await World.UserIdOfAsync(coordinatorEmail);
        var audit = await Groups.ReadAsync(fixture.App, here, db => db.AuditEntries
            .Where(a => a.ActorId == userId && a.ObjectType == nameof(InterventionAvailability)).ToListAsync());
        var created = Assert.Single(audit);
        Assert.Equal(AuditAction.Create, created.Action);
        Assert.Equal(here.Id, created.MunicipalityId);

        await coordinator.SubmitAsync($"/interventiewijzer/{intervention}/beschikbaarheid", "beschikbaarheid", new Dictionary<string, string> { ["Input.WaitingList"] = "5" });
        var changed = await Groups.ReadAsync(fixture.App, here, db => db.AuditEntries
            .Where(a => a.ActorId == userId && a.ObjectType == nameof(InterventionAvailability) && a.Action == AuditAction.Update).SingleAsync());
        Assert.Contains("WaitingList", changed.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nearby_means_another_municipality_of_the_same_region_and_shows_nothing_but_its_name()
    {
        var region = await World.AddRegionAsync(Unique("Regio Vechtdal"));
        var asking = await World.AddMunicipalityAsync(Unique("Ommen"), region);
        var neighbour = await World.AddMunicipalityAsync(Unique("Hardenberg"), region);
        var farAway = await World.AddMunicipalityAsync(Unique("Vlissingen"), await World.AddRegionAsync(Unique("Regio Walcheren")));
        var intervention = Guide.IdOfShipped(fixture.App, "sterker-samen");
        await Guide.MakeAvailableAsync(fixture.App, neighbour, intervention, "Bel Dirk op 0523-999999");
        const string search = "/interventiewijzer?zoek=sterker+samen&aangepast=1";

        using var client = await SignedInAsync(asking, Roles.CaseManager);
        var guide = await client.GetAsync(search);
        var detail = await client.GetAsync($"/interventiewijzer/{intervention}");

        var card = Card(guide, "Sterker samen (veerkrachtgroep)");
        Assert.Contains("in de buurt", card, StringComparison.Ordinal);
        Assert.Contains($"in de buurt: {neighbour.Name}", card, StringComparison.Ordinal);
        Assert.Contains($"In de buurt beschikbaar in: {neighbour.Name}.", detail.Text, StringComparison.Ordinal);
        foreach (var page in new[] { guide, detail })
        {
            Assert.DoesNotContain("VluchtelingenWerk " + neighbour.Name, page.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("Dirk", page.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("woensdagmiddag", page.Text, StringComparison.Ordinal);
        }

        using var far = await SignedInAsync(farAway, Roles.CaseManager);
        var farGuide = await far.GetAsync(search);
        Assert.Contains("niet hier", Card(farGuide, "Sterker samen (veerkrachtgroep)"), StringComparison.Ordinal);
        Assert.DoesNotContain(neighbour.Name, farGuide.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(neighbour.Name, (await far.GetAsync($"/interventiewijzer/{intervention}")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_municipalitys_own_intervention_is_found_only_there_and_cannot_be_changed_from_elsewhere()
    {
        using var a = await SignedInAsync(World.A, Roles.Coordinator);

        var search = await a.GetAsync("/interventiewijzer?zoek=eigen+aanpak&aangepast=1");
        Assert.Contains("Eigen aanpak Dalfsen", CardNames(search));
        Assert.DoesNotContain("Zoetermeer", search.Text, StringComparison.Ordinal);
        Assert.Contains("eigen aanvulling", Card(search, "Eigen aanpak Dalfsen"), StringComparison.Ordinal);
        foreach (var url in new[] { "", "/bewerken", "/beschikbaarheid" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await a.GetAsync($"/interventiewijzer/{World.B.InterventionId}{url}")).Status);
        }

        // Below the pages too: the handlers never find another municipality's addition.
        await using (var scope = fixture.App.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystemFor(World.A.Id);
            var edit = await scope.ServiceProvider.GetRequiredService<SaveIntervention>().HandleAsync(World.B.InterventionId,
                new InterventionForm { Name = "Overgenomen", Summary = "Door een andere gemeente gewijzigd.", Domains = [new DomainChoice { Domain = Features.Plans.ParticipationDomain.Meeting, Chosen = true }] },
                CancellationToken.None);
            var availability = await scope.ServiceProvider.GetRequiredService<ChangeAvailability>().HandleAsync(World.B.InterventionId,
                new AvailabilityForm { OrganisationId = World.A.PartnerOrganisationId }, CancellationToken.None);
            Assert.True(edit.IsNotFound);
            Assert.True(availability.IsNotFound);
        }
        var unchanged = await Groups.ReadAsync(fixture.App, World.B, db => db.Interventions.SingleAsync(i => i.Id == World.B.InterventionId));
        Assert.Equal("Eigen aanpak Zoetermeer", unchanged.Name);
        Assert.Equal(0, await Groups.ReadAsync(fixture.App, World.B, db => db.InterventionAvailabilities.IgnoreQueryFilters().CountAsync(x => x.InterventionId == World.B.InterventionId)));
    }

    [Fact]
    public async Task A_coordinator_adds_an_intervention_for_the_own_municipality_and_cannot_change_the_shared_catalogue()
    {
        var municipality = await World.AddMunicipalityAsync(Unique("Raalte"));
        using var coordinator = await SignedInAsync(municipality, Roles.Coordinator);

        var invalid = await coordinator.SubmitAsync("/interventiewijzer/nieuw", "interventie-toevoegen", new Dictionary<string, string>
        {
            ["Input.Name"] = "Fietsles voor vrouwen",
            ["Input.Summary"] = "Leren fietsen in een kleine groep.",
            ["Input.MinAge"] = "40",
            ["Input.MaxAge"] = "30",
            ["Input.Recognition"] = nameof(RecognitionLevel.WellDescribed),
            ["Input.SourceUrl"] = "javascript:alert(1)",
        });
        Assert.Equal(HttpStatusCode.OK, invalid.Status);
        Assert.Contains("Kies minstens één participatiedomein.", invalid.Text, StringComparison.Ordinal);
        Assert.Contains("De minimumleeftijd is hoger dan de maximumleeftijd.", invalid.Text, StringComparison.Ordinal);
        Assert.Contains("Vul de datum van de beoordeling in.", invalid.Text, StringComparison.Ordinal);
        Assert.Contains("Vul een volledig webadres in, beginnend met https://.", invalid.Text, StringComparison.Ordinal);
        Assert.Equal("Fietsles voor vrouwen", invalid.ValueOf("Input.Name"));

        var added = await coordinator.SubmitAsync("/interventiewijzer/nieuw", "interventie-toevoegen", new Dictionary<string, string>
        {
            ["Input.Name"] = "Fietsles voor vrouwen",
            ["Input.Summary"] = "Leren fietsen in een kleine groep.",
            ["Input.Domains[2].Chosen"] = "True",
            ["Input.Gender"] = nameof(TargetGender.Women),
            ["Input.Shared"] = "True",
        });
        Assert.StartsWith("/interventiewijzer/", added.Location, StringComparison.Ordinal);
        var id = Guid.Parse(added.Location!["/interventiewijzer/".Length..].Split('?')[0]);
        var stored = await Groups.ReadAsync(fixture.App, municipality, db => db.Interventions.SingleAsync(i => i.Id == id));
        Assert.Equal(municipality.Id, stored.MunicipalityId);
        Assert.Equal([Features.Plans.ParticipationDomain.SelfReliance], stored.Domains);
        Assert.Equal(TargetGender.Women, stored.Target.Gender);
        Assert.Contains("Fietsles voor vrouwen", CardNames(await coordinator.GetAsync("/interventiewijzer?doelgroep=Women&aangepast=1")));

        using var b = await SignedInAsync(World.B, Roles.Coordinator);
        Assert.Equal(HttpStatusCode.NotFound, (await b.GetAsync($"/interventiewijzer/{id}")).Status);

        var shared = Guide.IdOfShipped(fixture.App, "grip-op-geld");
        var refused = await coordinator.GetAsync($"/interventiewijzer/{shared}/bewerken");
        Assert.Contains("Alleen een functioneel beheerder wijzigt de gedeelde catalogus.", refused.Text, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => refused.Form("interventie-wijzigen"));
    }

    [Fact]
    public async Task An_administrator_keeps_the_shared_catalogue_and_a_stale_edit_is_refused()
    {
        using var admin = await SignedInAsync(World.A, Roles.Administrator);
        var shared = Guide.IdOfShipped(fixture.App, "rolmodellen");
        var left = await admin.GetAsync($"/interventiewijzer/{shared}/bewerken");

        var saved = await admin.SubmitAsync($"/interventiewijzer/{shared}/bewerken", "interventie-wijzigen", new Dictionary<string, string> { ["Input.Owner"] = "Stichting Rolmodel (getest)" });
        var stale = await admin.PostFormAsync(left, "interventie-wijzigen", new Dictionary<string, string> { ["Input.Owner"] = "Een ander" });

        Assert.True(saved.Location == $"/interventiewijzer/{shared}?klaar=opgeslagen",
            saved.Status + " " + string.Join(" / ", saved.Document.QuerySelectorAll(".validation-message, .utrecht-alert").Select(e => e.TextContent)));
        Assert.Contains("Iemand anders heeft deze interventie intussen gewijzigd", stale.Text, StringComparison.Ordinal);
        Assert.Equal("Een ander", stale.ValueOf("Input.Owner"));
        var stored = await Groups.ReadAsync(fixture.App, World.B, db => db.Interventions.SingleAsync(i => i.Id == shared));
        Assert.Equal("Stichting Rolmodel (getest)", stored.Owner);
        Assert.True(stored.IsExample);
    }

    [Fact]
    public async Task A_stale_availability_save_is_refused_and_keeps_what_was_typed()
    {
        var municipality = await World.AddMunicipalityAsync(Unique("Dalen"));
        using var coordinator = await SignedInAsync(municipality, Roles.Coordinator);
        var url = $"/interventiewijzer/{Guide.IdOfShipped(fixture.App, "vrouwen-ontmoeten")}/beschikbaarheid";
        var organisation = municipality.PartnerOrganisationId.ToString();
        var leftBeforeCreating = await coordinator.GetAsync(url);

        Assert.EndsWith("klaar=beschikbaar", (await coordinator.SubmitAsync(url, "beschikbaarheid", new Dictionary<string, string> { ["Input.OrganisationId"] = organisation, ["Input.Capacity"] = "10" })).Location, StringComparison.Ordinal);
        var staleCreate = await coordinator.PostFormAsync(leftBeforeCreating, "beschikbaarheid", new Dictionary<string, string> { ["Input.OrganisationId"] = organisation, ["Input.Schedule"] = "vrijdagochtend" });
        Assert.Contains("Iemand anders heeft de beschikbaarheid van deze interventie intussen gewijzigd", staleCreate.Text, StringComparison.Ordinal);
        Assert.Equal("vrijdagochtend", staleCreate.ValueOf("Input.Schedule"));

        var leftBeforeChanging = await coordinator.GetAsync(url);
        Assert.EndsWith("klaar=beschikbaar", (await coordinator.SubmitAsync(url, "beschikbaarheid", new Dictionary<string, string> { ["Input.Capacity"] = "12" })).Location, StringComparison.Ordinal);
        var staleChange = await coordinator.PostFormAsync(leftBeforeChanging, "beschikbaarheid", new Dictionary<string, string> { ["Input.Capacity"] = "99" });
        Assert.Contains("intussen gewijzigd", staleChange.Text, StringComparison.Ordinal);
        Assert.Equal("99", staleChange.ValueOf("Input.Capacity"));
        var staleRemove = await coordinator.PostFormAsync(leftBeforeChanging, "niet-beschikbaar", new Dictionary<string, string>());
        Assert.Contains("intussen gewijzigd", staleRemove.Text, StringComparison.Ordinal);
        Assert.Equal(12, await Groups.ReadAsync(fixture.App, municipality, db => db.InterventionAvailabilities.Select(a => a.Capacity).SingleAsync()));

        var removed = await coordinator.SubmitAsync(url, "niet-beschikbaar", new Dictionary<string, string>());
        Assert.EndsWith("klaar=niet-beschikbaar", removed.Location, StringComparison.Ordinal);
        Assert.Equal(0, await Groups.ReadAsync(fixture.App, municipality, db => db.InterventionAvailabilities.CountAsync()));
        Assert.Equal(1, await Groups.ReadAsync(fixture.App, municipality, db => db.AuditEntries.CountAsync(a => a.ObjectType == nameof(InterventionAvailability) && a.Action == AuditAction.Delete)));
    }

    [Fact]
    public async Task An_organisation_of_another_municipality_cannot_deliver_an_intervention_here()
    {
        var municipality = await World.AddMunicipalityAsync(Unique("Ermelo"));
        using var coordinator = await SignedInAsync(municipality, Roles.Coordinator);
        var url = $"/interventiewijzer/{Guide.IdOfShipped(fixture.App, "taalmaatjes")}/beschikbaarheid";

        var page = await coordinator.SubmitAsync(url, "beschikbaarheid", new Dictionary<string, string> { ["Input.OrganisationId"] = World.B.PartnerOrganisationId.ToString() });

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Kies de organisatie in uw gemeente die de interventie uitvoert.", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("VluchtelingenWerk Zoetermeer", page.Text, StringComparison.Ordinal);
        Assert.Equal(0, await Groups.ReadAsync(fixture.App, municipality, db => db.InterventionAvailabilities.CountAsync()));
    }

    [Fact]
    public async Task Searching_for_a_person_fills_the_filters_from_dossier_and_intake_and_is_audited()
    {
        var municipality = await World.AddMunicipalityAsync(Unique("Staphorst"));
        var today = TimeProvider.System.InTheNetherlands();
        var newcomerId = await AddPersonAsync(municipality, "Yusuf", "Karimi", today.AddYears(-55).AddDays(-10), dutchSpeaking: CefrLevel.A1, children: 2);
        var email = await World.CreateUserAsync(municipality, Roles.CaseManager);
        using var client = fixture.NewClient();
        await client.SignInOrFailAsync(email);

        var page = await client.GetAsync($"/interventiewijzer?domein=FinancialHealth&voor={newcomerId}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Gezocht voor Yusuf Karimi (55 jaar, Nederlands A1, heeft kinderen)", page.Text, StringComparison.Ordinal);
        Assert.Equal("55", page.ValueOf("leeftijd"));
        Assert.Equal("A1", Selected(page, "taal"));
        Assert.Equal(GuideQuery.Yes, Selected(page, "ouder"));
        Assert.Equal(nameof(Features.Plans.ParticipationDomain.FinancialHealth), Selected(page, "domein"));
        Assert.Equal(FinancialFitsFor55WithA1, CardNames(page).Order());
        Assert.Equal(newcomerId.ToString(), page.ValueOf("voor"));
        Assert.Contains($"/interventiewijzer/{Guide.IdOfShipped(fixture.App, "thuisadministratie")}?voor={newcomerId}",
            page.Document.QuerySelectorAll(".thuis-guide-card a").Select(l => l.GetAttribute("href")));

        // Once the form is sent, it says exactly what is asked: a cleared filter stays cleared.
        var adjusted = await client.GetAsync($"/interventiewijzer?domein=FinancialHealth&voor={newcomerId}&aangepast=1&taal=");
        Assert.Equal("", Selected(adjusted, "taal"));
        Assert.Contains("Grip op geld (groepscursus)", CardNames(adjusted));

        var userId = await World.UserIdOfAsync(email);
        var views = await Groups.ReadAsync(fixture.App, municipality, db => db.AuditEntries
            .Where(a => a.ActorId == userId && a.Action == AuditAction.View).ToListAsync());
        Assert.Equal(2, views.Count);
        Assert.All(views, v =>
        {
            Assert.Equal(nameof(Newcomer), v.ObjectType);
            Assert.Equal(newcomerId.ToString(), v.ObjectId);
            Assert.Equal(SearchInterventions.Purpose, v.Purpose);
            Assert.Equal(AuditResult.Success, v.Result);
        });

        var ofB = await client.GetAsync($"/interventiewijzer?voor={World.B.NewcomerId}");
        Assert.Equal(HttpStatusCode.NotFound, ofB.Status);
        Assert.DoesNotContain(World.B.NewcomerName, ofB.Text, StringComparison.Ordinal);
        Assert.Equal(AuditResult.NotFound, await Groups.ReadAsync(fixture.App, municipality, db => db.AuditEntries
            .Where(a => a.ActorId == userId && a.ObjectId == World.B.NewcomerId.ToString()).Select(a => a.Result).SingleAsync()));

        using var volunteers = await SignedInAsync(municipality, Roles.VolunteerCoordinator);
        Assert.Equal(HttpStatusCode.OK, (await volunteers.GetAsync("/interventiewijzer")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await volunteers.GetAsync($"/interventiewijzer?voor={newcomerId}")).Status);
    }

    [Fact]
    public async Task Each_goal_of_a_plan_links_to_the_guide_for_its_domain_and_person_on_screen_only()
    {
        var municipality = await World.AddMunicipalityAsync(Unique("Nunspeet"));
        var newcomerId = await PlanFields.AddNewcomerAsync(fixture.App, municipality, "Rania", "Aziz", new DateOnly(1988, 3, 3));
        using var client = await SignedInAsync(municipality, Roles.CaseManager);
        var plan = $"/dossiers/{newcomerId}/plan";
        await client.SubmitAsync(plan, "concept", new Dictionary<string, string>());
        var fields = PlanFields.FirstPlan();
        foreach (var due in fields.Keys.Where(k => k.EndsWith(".Due", StringComparison.Ordinal)).ToList())
        {
            fields[due] = TimeProvider.System.InTheNetherlands().AddDays(30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        }
        Assert.Equal($"{plan}?klaar=opgeslagen", (await client.SubmitAsync($"{plan}/bewerken", "plan", fields)).Location);

        var screen = await client.GetAsync(plan);
        var print = await client.GetAsync($"{plan}/afdrukken");

        var links = screen.Document.QuerySelectorAll("a").Where(l => l.TextContent.StartsWith("Interventies voor dit doel", StringComparison.Ordinal))
            .Select(l => l.GetAttribute("href")).ToList();
        Assert.Equal([$"/interventiewijzer?domein=Meeting&voor={newcomerId}", $"/interventiewijzer?domein=PaidWork&voor={newcomerId}"], links);
        Assert.DoesNotContain("Interventies voor dit doel", print.Text, StringComparison.Ordinal);
        Assert.Contains("Werk vinden als bakker", print.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Loading_the_catalogue_again_changes_nothing_and_a_changed_file_entry_updates_only_that_entry()
    {
        var shipped = InterventionSeedFile.Shipped();
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var loader = scope.ServiceProvider.GetRequiredService<LoadInterventionCatalogue>();
        var before = await ShippedRowsAsync(db);

        Assert.Equal(0, await loader.HandleAsync(shipped, CancellationToken.None));
        Assert.Equal(before, await ShippedRowsAsync(db));
        Assert.Equal(shipped.Select(s => s.Key).Order(), before.Select(r => r.Key).Order());

        // A new entry in the file, for nobody's age, so the other tests' searches stay as they are.
        var key = $"test-{Guid.NewGuid():N}";
        var entry = shipped[0] with { Key = key, Name = "Testinterventie uit het bestand", MinAge = 119, MaxAge = 119 };
        Assert.Equal(1, await loader.HandleAsync([entry], CancellationToken.None));
        var added = await db.Interventions.AsNoTracking().SingleAsync(i => i.SeedKey == key);
        Assert.Equal(0, await loader.HandleAsync([entry], CancellationToken.None));

        // An administrator's edit stays until the file itself changes the entry.
        var tracked = await db.Interventions.SingleAsync(i => i.SeedKey == key);
        tracked.Update(entry.ToDetails() with { Owner = "Aangepast door beheer" });
        await db.SaveChangesAsync();
        Assert.Equal(0, await loader.HandleAsync([entry], CancellationToken.None));
        db.ChangeTracker.Clear();
        Assert.Equal("Aangepast door beheer", (await db.Interventions.AsNoTracking().SingleAsync(i => i.SeedKey == key)).Owner);

        Assert.Equal(1, await loader.HandleAsync([entry with { Summary = "Een nieuwe samenvatting." }], CancellationToken.None));
        db.ChangeTracker.Clear();
        var updated = await db.Interventions.AsNoTracking().SingleAsync(i => i.SeedKey == key);
        Assert.Equal(added.Id, updated.Id);
        Assert.Equal("Een nieuwe samenvatting.", updated.Summary);
        Assert.Equal(shipped[0].Owner, updated.Owner);
        Assert.Null(updated.MunicipalityId);
        Assert.Equal(before, await ShippedRowsAsync(db));
    }

    private static async Task<List<(string Key, Guid Id, Guid Version)>> ShippedRowsAsync(AppDbContext db)
    {
        var keys = InterventionSeedFile.Shipped().Select(s => s.Key).ToList();
        return [.. (await db.Interventions.AsNoTracking().Where(i => i.SeedKey != null && keys.Contains(i.SeedKey))
                .Select(i => new { i.SeedKey, i.Id, i.Version }).ToListAsync())
            .Select(r => (r.SeedKey!, r.Id, r.Version)).OrderBy(r => r.Item1, StringComparer.Ordinal)];
    }

    private async Task<ThuisClient> SignedInAsync(TestMunicipality municipality, string role)
    {
        var email = await World.CreateUserAsync(municipality, role);
        var client = fixture.NewClient();
        await client.SignInOrFailAsync(email);
        return client;
    }

    private async Task<Guid> AddPersonAsync(TestMunicipality municipality, string given, string family, DateOnly born, CefrLevel dutchSpeaking, int children)
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystemFor(municipality.Id);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var newcomer = People.Newcomer(municipality.Id, given, family, born);
        var languages = new LanguagesSection(newcomer.Id, municipality.Id);
        languages.Update([
            new LanguageSkill { Language = "Dari", MotherTongue = true, Listening = CefrLevel.C2, Speaking = CefrLevel.C2, Reading = CefrLevel.C1, Writing = CefrLevel.C1 },
            new LanguageSkill { Language = "Nederlands", Listening = CefrLevel.A2, Speaking = dutchSpeaking, Reading = CefrLevel.A2, Writing = CefrLevel.A1 },
        ], Literacy.Literate);
        languages.MarkRecorded("test", DateTimeOffset.UtcNow);
        var household = new HouseholdSection(newcomer.Id, municipality.Id);
        household.Update("Partner", true, Enumerable.Range(1, children).Select(i => new Child { Name = $"Kind {i}" }), FamilyReunificationStatus.NotApplicable, null);
        household.MarkRecorded("test", DateTimeOffset.UtcNow);
        db.Newcomers.Add(newcomer);
        db.Add(languages);
        db.Add(household);
        await db.SaveChangesAsync();
        return newcomer.Id;
    }

    private static string Unique(string name) => $"{name}-{Guid.NewGuid().ToString("N")[..6]}";

    private static List<string> CardNames(ThuisClient.Page page) =>
        [.. page.Document.QuerySelectorAll(".thuis-guide-card h3").Select(h => h.TextContent.Trim())];

    private static string Card(ThuisClient.Page page, string name) =>
        page.Document.QuerySelectorAll(".thuis-guide-card").SingleOrDefault(c => c.QuerySelector("h3")?.TextContent.Trim() == name)?.TextContent
        ?? throw new InvalidOperationException($"Geen kaart '{name}' op de pagina: {string.Join(", ", CardNames(page))}");

    private static string? Selected(ThuisClient.Page page, string select) =>
        page.Document.QuerySelector($"select[name='{select}'] option[selected]")?.GetAttribute("value");
}
