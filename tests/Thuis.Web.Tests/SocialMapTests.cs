using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Thuis.Web.Data;
using Thuis.Web.Features.Intake;
using Thuis.Web.Features.SocialMap;
using Thuis.Web.Platform.Auditing;
using Thuis.Web.Platform.Security;
using Thuis.Web.Tests.Infrastructure;

namespace Thuis.Web.Tests;

[Collection(AppCollection.Name)]
public sealed class SocialMapTests(AppFixture fixture)
{
    private const string NewOrganisation = "/sociale-kaart/organisaties/nieuw";

    private async Task<ThuisClient> SignedInAsync(TestMunicipality municipality, string role)
    {
        var client = fixture.NewClient();
        await client.SignInOrFailAsync(await fixture.World.CreateUserAsync(municipality, role));
        return client;
    }

    private static string Unique(string name) => $"{name} {Guid.NewGuid().ToString("N")[..6]}";

    private static async Task<Guid> AddOrganisationAsync(ThuisClient client, string name, bool partner)
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.Name"] = name,
            ["Input.Type"] = nameof(OrganisationType.SportsClub),
            ["Input.Postcode"] = "7721ab",
            ["Input.ByAppointment"] = "true",
            ["Input.DomainChoices[Meeting]"] = "true",
        };
        if (partner)
        {
            fields["Input.IsPartner"] = "true";
        }
        var saved = await client.SubmitAsync(NewOrganisation, "organisatie-toevoegen", fields);
        Assert.True(saved.Status == HttpStatusCode.Redirect, saved.Text);
        return Guid.Parse(saved.Location!.Split('/')[3].Split('?')[0]);
    }

    [Fact]
    public async Task An_organisation_with_a_wrong_postcode_email_and_phone_shows_Dutch_messages_and_keeps_what_was_typed()
    {
        using var client = await SignedInAsync(fixture.World.A, Roles.Coordinator);

        var refused = await client.SubmitAsync(NewOrganisation, "organisatie-toevoegen", new Dictionary<string, string>
        {
            ["Input.Name"] = "Voetbalclub Fout",
            ["Input.Postcode"] = "0721 AB",
            ["Input.Email"] = "info-at-club",
            ["Input.Phone"] = "bel de kantine",
        });

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("Vul een Nederlandse postcode in, bijvoorbeeld 7721 AB.", refused.Text, StringComparison.Ordinal);
        Assert.Contains("Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl.", refused.Text, StringComparison.Ordinal);
        Assert.Contains("Vul een telefoonnummer in met cijfers", refused.Text, StringComparison.Ordinal);
        Assert.Equal("0721 AB", refused.ValueOf("Input.Postcode"));
        Assert.Equal("info-at-club", refused.ValueOf("Input.Email"));
    }

    [Fact]
    public async Task The_partner_flag_is_stored_shown_as_a_badge_and_filters_the_map()
    {
        using var client = await SignedInAsync(fixture.World.A, Roles.Coordinator);
        var (partnerName, otherName) = (Unique("Buurthuis Partner"), Unique("Buurthuis Geen Partner"));

        var partnerId = await AddOrganisationAsync(client, partnerName, partner: true);
        var otherId = await AddOrganisationAsync(client, otherName, partner: false);

        var partnerPage = await client.GetAsync($"/sociale-kaart/organisaties/{partnerId}");
        Assert.Equal("partner Partnerorganisatie: mag verwijzingen ontvangen.", partnerPage.Document.QuerySelector("[data-testid=partner-status]")!.TextContent.Trim());
        Assert.Contains("7721 AB", partnerPage.Text, StringComparison.Ordinal);
        var otherPage = await client.GetAsync($"/sociale-kaart/organisaties/{otherId}");
        Assert.Equal("geen partner Geen partnerorganisatie: kan geen verwijzingen ontvangen.", otherPage.Document.QuerySelector("[data-testid=partner-status]")!.TextContent.Trim());

        var partners = await client.GetAsync("/sociale-kaart?partner=ja&zoek=buurthuis");
        Assert.Contains(partnerName, partners.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(otherName, partners.Text, StringComparison.Ordinal);
        var nonPartners = await client.GetAsync("/sociale-kaart?partner=nee&zoek=buurthuis");
        Assert.Contains(otherName, nonPartners.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(partnerName, nonPartners.Text, StringComparison.Ordinal);

        await using var scope = fixture.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var stored = await db.Organisations.IgnoreQueryFilters().Where(o => o.Id == partnerId || o.Id == otherId).ToDictionaryAsync(o => o.Id, o => o.IsPartner);
        Assert.True(stored[partnerId]);
        Assert.False(stored[otherId]);

        var again = await client.SubmitAsync(NewOrganisation, "organisatie-toevoegen", new Dictionary<string, string>
        {
            ["Input.Name"] = partnerName.ToUpperInvariant(),
            ["Input.ByAppointment"] = "true",
            ["Input.DomainChoices[Meeting]"] = "true",
        });
        Assert.Contains("Er staat al een organisatie met deze naam op de sociale kaart van uw gemeente.", again.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_offer_needs_a_cost_and_capacity_of_at_least_zero_a_domain_and_a_reason_when_inactive()
    {
        using var client = await SignedInAsync(fixture.World.A, Roles.Coordinator);
        var organisationId = await AddOrganisationAsync(client, Unique("Sportclub Aanbod"), partner: false);
        var url = $"/sociale-kaart/organisaties/{organisationId}/aanbod/nieuw";

        var refused = await client.SubmitAsync(url, "aanbod-toevoegen", new Dictionary<string, string>
        {
            ["Input.Title"] = "Zaalvoetbal",
            ["Input.Cost"] = "-5",
            ["Input.Capacity"] = "-1",
            ["Input.Active"] = "false",
        });

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("De kosten kunnen niet negatief zijn; vul 0 in als het gratis is.", refused.Text, StringComparison.Ordinal);
        Assert.Contains("De capaciteit kan niet negatief zijn; laat het veld leeg als er geen grens is.", refused.Text, StringComparison.Ordinal);
        Assert.Contains("Kies minstens één participatiedomein waarbij dit aanbod hoort.", refused.Text, StringComparison.Ordinal);
        Assert.Contains("Schrijf op waarom het aanbod niet meer actief is.", refused.Text, StringComparison.Ordinal);
        Assert.Equal("Zaalvoetbal", refused.ValueOf("Input.Title"));

        var saved = await client.SubmitAsync(url, "aanbod-toevoegen", new Dictionary<string, string>
        {
            ["Input.Title"] = "Zaalvoetbal",
            ["Input.Cost"] = "0",
            ["Input.Capacity"] = "0",
            ["Input.LowThreshold"] = "true",
            ["Input.DomainChoices[Meeting]"] = "true",
            ["Input.AudienceChoices[Youth]"] = "true",
            ["Input.TagChoices[voetbal]"] = "true",
            ["Input.WhenChoices[Wednesday-Evening]"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        var page = await client.GetAsync($"/sociale-kaart/organisaties/{organisationId}");
        Assert.Contains("Zaalvoetbal", page.Text, StringComparison.Ordinal);
        Assert.Contains("laagdrempelig", page.Text, StringComparison.Ordinal);
        Assert.Contains("wo avond", page.Text, StringComparison.Ordinal);
        Assert.Contains("Past bij: voetbal", page.Text, StringComparison.Ordinal);
        Assert.Contains("voor jongeren", page.Text, StringComparison.Ordinal);

        var found = await client.GetAsync("/sociale-kaart/aanbod?tag=voetbal&doelgroep=Youth&laagdrempelig=ja&zoek=zaalvoetbal");
        Assert.Contains("Zaalvoetbal", found.Text, StringComparison.Ordinal);
        var notFound = await client.GetAsync("/sociale-kaart/aanbod?domein=PaidWork&zoek=zaalvoetbal");
        Assert.DoesNotContain("Zaalvoetbal", notFound.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_long_list_of_offers_is_shown_25_at_a_time_keeping_the_filters_from_page_to_page()
    {
        await using var app = new ThuisAppFactory();
        var world = await TestWorld.SeedAsync(app);
        await Groups.ReadAsync(app, world.A, async db =>
        {
            var club = new Thuis.Web.Features.Organisations.Organisation(world.A.Id, "Sportpark Pagina", isPartner: false);
            db.Organisations.Add(club);
            for (var i = 1; i <= 30; i++)
            {
                db.Offers.Add(new Offer(club, new OfferDetails(OfferKind.Activity, $"Pagina-aanbod {i:00}", null, null, WeekGrid.Empty, null, 0, null,
                    CefrLevel.None, i % 2 == 0, [Thuis.Web.Features.Plans.ParticipationDomain.Meeting], [], [])));
            }
            return await db.SaveChangesAsync();
        });
        using var client = new ThuisClient(app);
        await client.SignInOrFailAsync(await world.CreateUserAsync(world.A, Roles.CaseManager));

        static List<string> Titles(ThuisClient.Page page) =>
            [.. page.Document.QuerySelectorAll("tbody tr").Select(tr => tr.TextContent).SelectMany(t => System.Text.RegularExpressions.Regex.Matches(t, "Pagina-aanbod \\d\\d").Select(m => m.Value))];

        var first = await client.GetAsync("/sociale-kaart/aanbod?zoek=Pagina-aanbod");
        Assert.Equal(25, Titles(first).Count);
        Assert.Equal("30 aanbod gevonden, pagina 1 van 2", first.Document.QuerySelector("caption")!.TextContent.Trim());
        Assert.StartsWith("Aanbod zoeken, pagina 1 van 2", first.Document.Title, StringComparison.Ordinal);
        var next = first.Document.QuerySelector("nav.thuis-pages a[rel=next]")!.GetAttribute("href")!;
        Assert.Null(first.Document.QuerySelector("nav.thuis-pages a[rel=prev]"));

        var second = await client.GetAsync(next);
        Assert.Equal(["Pagina-aanbod 26", "Pagina-aanbod 27", "Pagina-aanbod 28", "Pagina-aanbod 29", "Pagina-aanbod 30"], Titles(second));
        Assert.NotNull(second.Document.QuerySelector("nav.thuis-pages a[rel=prev]"));

        // The filters travel with the pages; fifteen low-threshold offers fit on one page, so there are no page links.
        var lowThreshold = await client.GetAsync("/sociale-kaart/aanbod?zoek=Pagina-aanbod&laagdrempelig=ja");
        Assert.Equal(15, Titles(lowThreshold).Count);
        Assert.Null(lowThreshold.Document.QuerySelector("nav.thuis-pages"));
        Assert.Contains("gratis=ja", (await client.GetAsync("/sociale-kaart/aanbod?zoek=Pagina-aanbod&gratis=ja")).Document
            .QuerySelector("nav.thuis-pages a[rel=next]")!.GetAttribute("href"), StringComparison.Ordinal);

        // A page beyond the last shows the last.
        Assert.Equal(5, Titles(await client.GetAsync("/sociale-kaart/aanbod?zoek=Pagina-aanbod&pagina=9")).Count);
    }

    [Fact]
    public async Task An_offer_cannot_be_moved_to_or_added_to_another_municipalitys_organisation()
    {
        var world = fixture.World;
        using var client = await SignedInAsync(world.A, Roles.Coordinator);
        var editUrl = $"/sociale-kaart/aanbod/{world.A.OfferId}/bewerken";

        var refused = await client.SubmitAsync(editUrl, "aanbod-wijzigen", new Dictionary<string, string> { ["Input.OrganisationId"] = world.B.PartnerOrganisationId.ToString() });
        Assert.Contains(EditOffer.OtherOrganisation, refused.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/sociale-kaart/organisaties/{world.B.PartnerOrganisationId}/aanbod/nieuw")).Status);

        await using var scope = fixture.App.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystemFor(world.A.Id);
        var created = await scope.ServiceProvider.GetRequiredService<EditOffer>().CreateAsync(world.B.PartnerOrganisationId,
            new OfferForm { Title = "Ingeslopen", Cost = 0, Active = true, DomainChoices = new() { ["Meeting"] = true } }, CancellationToken.None);
        Assert.True(created.IsNotFound);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(world.A.PartnerOrganisationId, await db.Offers.IgnoreQueryFilters().Where(o => o.Id == world.A.OfferId).Select(o => o.OrganisationId).SingleAsync());
        Assert.False(await db.Offers.IgnoreQueryFilters().AnyAsync(o => o.Title == "Ingeslopen"));
    }

    [Fact]
    public async Task A_stale_organisation_or_volunteer_form_is_refused_without_overwriting()
    {
        using var coordinator = await SignedInAsync(fixture.World.A, Roles.Coordinator);
        var organisationId = await AddOrganisationAsync(coordinator, Unique("Koor Oud"), partner: false);
        var url = $"/sociale-kaart/organisaties/{organisationId}/bewerken";
        var stale = await coordinator.GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.SubmitAsync(url, "organisatie-wijzigen", new Dictionary<string, string> { ["Input.ContactPerson"] = "Anja Eerst" })).Status);

        var refused = await coordinator.PostFormAsync(stale, "organisatie-wijzigen", new Dictionary<string, string> { ["Input.ContactPerson"] = "Bert Later" });
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("Iemand anders heeft deze organisatie intussen gewijzigd.", refused.Text, StringComparison.Ordinal);
        Assert.Equal("Bert Later", refused.ValueOf("Input.ContactPerson"));
        Assert.Contains("Anja Eerst", (await coordinator.GetAsync($"/sociale-kaart/organisaties/{organisationId}")).Text, StringComparison.Ordinal);

        using var volunteers = await SignedInAsync(fixture.World.A, Roles.VolunteerCoordinator);
        var volunteerUrl = $"/vrijwilligers/{fixture.World.A.VolunteerId}/bewerken";
        var staleVolunteer = await volunteers.GetAsync(volunteerUrl);
        Assert.Equal(HttpStatusCode.Redirect, (await volunteers.SubmitAsync(volunteerUrl, "vrijwilliger-wijzigen", new Dictionary<string, string> { ["Input.Area"] = "Oosterheem" })).Status);
        var refusedVolunteer = await volunteers.PostFormAsync(staleVolunteer, "vrijwilliger-wijzigen", new Dictionary<string, string> { ["Input.Area"] = "Westerpark" });
        Assert.Contains("Iemand anders heeft de gegevens van deze vrijwilliger intussen gewijzigd.", refusedVolunteer.Text, StringComparison.Ordinal);
        Assert.Equal("Westerpark", refusedVolunteer.ValueOf("Input.Area"));
        Assert.Contains("Oosterheem", (await volunteers.GetAsync($"/vrijwilligers/{fixture.World.A.VolunteerId}")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_volunteer_needs_a_role_a_capacity_of_at_least_zero_and_a_VOG_date_and_without_a_VOG_is_not_yet_deployable()
    {
        using var client = await SignedInAsync(fixture.World.A, Roles.VolunteerCoordinator);

        var refused = await client.SubmitAsync("/vrijwilligers/nieuw", "vrijwilliger-toevoegen", new Dictionary<string, string>
        {
            ["Input.Name"] = "Els Fout",
            ["Input.Capacity"] = "-1",
            ["Input.Vog"] = nameof(VogStatus.Received),
            ["Input.Email"] = "els@",
        });
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("Kies minstens één rol, bijvoorbeeld taalmaatje.", refused.Text, StringComparison.Ordinal);
        Assert.Contains("De capaciteit kan niet negatief zijn", refused.Text, StringComparison.Ordinal);
        Assert.Contains("Vul de datum van de ontvangen VOG in.", refused.Text, StringComparison.Ordinal);
        Assert.Contains("Vul een geldig e-mailadres in", refused.Text, StringComparison.Ordinal);

        var name = Unique("Marieke Taalmaatje");
        var saved = await client.SubmitAsync("/vrijwilligers/nieuw", "vrijwilliger-toevoegen", new Dictionary<string, string>
        {
            ["Input.Name"] = name,
            ["Input.RoleChoices[LanguageBuddy]"] = "true",
            ["Input.Capacity"] = "2",
            ["Input.Vog"] = nameof(VogStatus.Requested),
            ["Input.VogDate"] = "2026-01-15",
            ["Input.Languages[0].Language"] = "Arabisch",
            ["Input.Languages[0].Level"] = nameof(CefrLevel.B1),
            ["Input.AvailabilityChoices[Tuesday-Evening]"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        var page = await client.GetAsync(saved.Location!);
        Assert.Contains("Nog niet inzetbaar: de VOG is aangevraagd (15 januari 2026).", page.Text, StringComparison.Ordinal);

        var list = await client.GetAsync("/vrijwilligers?rol=LanguageBuddy&taal=arab&dag=Tuesday&vog=Requested");
        Assert.Contains(name, list.Text, StringComparison.Ordinal);
        Assert.Contains("nog niet inzetbaar", list.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(name, (await client.GetAsync("/vrijwilligers?dag=Monday")).Text, StringComparison.Ordinal);
        Assert.DoesNotContain(name, (await client.GetAsync("/vrijwilligers?rol=JobCoach")).Text, StringComparison.Ordinal);
        Assert.DoesNotContain(name, (await client.GetAsync("/vrijwilligers?vog=Received")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Viewing_and_adding_a_volunteer_is_audited_and_another_municipalitys_volunteer_is_not_found()
    {
        var world = fixture.World;
        var email = await world.CreateUserAsync(world.A, Roles.VolunteerCoordinator);
        var userId = await world.UserIdOfAsync(email);
        using var client = fixture.NewClient();
        await client.SignInOrFailAsync(email);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/vrijwilligers/{world.A.VolunteerId}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/vrijwilligers/{world.B.VolunteerId}")).Status);
        var saved = await client.SubmitAsync("/vrijwilligers/nieuw", "vrijwilliger-toevoegen", new Dictionary<string, string>
        {
            ["Input.Name"] = Unique("Henk Buddy"),
            ["Input.RoleChoices[Buddy]"] = "true",
            ["Input.Capacity"] = "1",
        });
        var newId = saved.Location!.Split('/')[2].Split('?')[0];
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(saved.Location)).Status);

        await using var scope = fixture.App.Services.CreateAsyncScope();
        var entries = await scope.ServiceProvider.GetRequiredService<AppDbContext>().AuditEntries.IgnoreQueryFilters().AsNoTracking()
            .Where(a => a.ActorId == userId).OrderBy(a => a.Sequence).ToListAsync();
        Assert.Contains(entries, e => e is { Action: AuditAction.View, ObjectType: nameof(Volunteer), Result: AuditResult.Success, Purpose: ViewVolunteer.Purpose }
            && e.ObjectId == world.A.VolunteerId.ToString() && e.MunicipalityId == world.A.Id);
        Assert.Contains(entries, e => e is { Action: AuditAction.View, Result: AuditResult.NotFound } && e.ObjectId == world.B.VolunteerId.ToString() && e.MunicipalityId == world.A.Id);
        Assert.Contains(entries, e => e is { Action: AuditAction.Create, ObjectType: nameof(Volunteer) } && e.ObjectId == newId);
        Assert.Contains(entries, e => e is { Action: AuditAction.View, Result: AuditResult.Success } && e.ObjectId == newId);
    }

    [Fact]
    public async Task Case_managers_read_the_map_but_do_not_keep_it_and_do_not_see_volunteers()
    {
        using var caseManager = await SignedInAsync(fixture.World.A, Roles.CaseManager);
        Assert.Equal(HttpStatusCode.OK, (await caseManager.GetAsync("/sociale-kaart")).Status);
        Assert.Equal(HttpStatusCode.OK, (await caseManager.GetAsync("/sociale-kaart/aanbod")).Status);
        Assert.Equal(HttpStatusCode.OK, (await caseManager.GetAsync($"/sociale-kaart/organisaties/{fixture.World.A.PartnerOrganisationId}")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await caseManager.GetAsync(NewOrganisation)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await caseManager.GetAsync($"/sociale-kaart/aanbod/{fixture.World.A.OfferId}/bewerken")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await caseManager.GetAsync("/vrijwilligers")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await caseManager.GetAsync(SocialMapSetup.VolunteersExportPath)).Status);

        using var coordinator = await SignedInAsync(fixture.World.A, Roles.Coordinator);
        Assert.Equal(HttpStatusCode.OK, (await coordinator.GetAsync("/vrijwilligers")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await coordinator.GetAsync("/vrijwilligers/nieuw")).Status);
    }

    [Fact]
    public async Task The_coverage_view_counts_a_new_offer_in_its_domain_and_audience()
    {
        using var client = await SignedInAsync(fixture.World.A, Roles.Coordinator);
        var before = await CellAsync(client, "cel-PaidWork-Women");

        var organisationId = await AddOrganisationAsync(client, Unique("Werkgever Dekking"), partner: true);
        var saved = await client.SubmitAsync($"/sociale-kaart/organisaties/{organisationId}/aanbod/nieuw", "aanbod-toevoegen", new Dictionary<string, string>
        {
            ["Input.Title"] = "Werkervaring voor vrouwen",
            ["Input.Kind"] = nameof(OfferKind.Internship),
            ["Input.DomainChoices[PaidWork]"] = "true",
            ["Input.AudienceChoices[Women]"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);

        var after = await CellAsync(client, "cel-PaidWork-Women");
        Assert.Equal(before.Items + 1, after.Items);
        Assert.Equal(before.Organisations + 1, after.Organisations);
        var page = await client.GetAsync("/sociale-kaart/dekking");
        Assert.Contains("Werkervaring voor vrouwen", page.Text, StringComparison.Ordinal);
    }

    private static async Task<(int Items, int Organisations)> CellAsync(ThuisClient client, string testId)
    {
        var page = await client.GetAsync("/sociale-kaart/dekking");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var text = page.Document.QuerySelector($"[data-testid={testId}]")!.TextContent.Trim();
        if (text == "gat")
        {
            return (0, 0);
        }
        var numbers = System.Text.RegularExpressions.Regex.Matches(text, "[0-9]+").Select(m => int.Parse(m.Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        return (numbers[0], numbers[1]);
    }
}
