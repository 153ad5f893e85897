using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Thuis.Web.Data;
using Thuis.Web.Features.Community;
using Thuis.Web.Features.Dossiers;
using Thuis.Web.Features.Referrals;
using Thuis.Web.Features.Signals;
using Thuis.Web.Platform.Auditing;
using Thuis.Web.Platform.Security;
using Thuis.Web.Tests.Infrastructure;

namespace Thuis.Web.Tests;

/// <summary>
/// Draagvlak activities through the real app: planned with every error beside its field, only with role models who
/// consent, their reach recorded after the day; withdrawing consent takes someone off what is still to come and is
/// audited; the calendar shows what comes first; the reach report counts per quarter and neighbourhood and exports;
/// another municipality reaches none of it; and the quiet-neighbourhood signal on the edges of its window.
/// </summary>
public sealed class CommunityTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 12, 1);

    private static ThuisAppFactory NewApp() => new() { ConfigureTestServices = s => s.AddSingleton<TimeProvider>(new FakeTimeProvider(Now)) };

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_role_model_presentation_is_planned_with_every_error_beside_its_field_then_with_a_consenting_newcomer_and_its_reach()
    {
        await using var app = NewApp();
        var world = await TestWorld.SeedAsync(app);
        using var caseManager = await SignedInAsync(app, world, world.A, Roles.CaseManager);
        using var planner = await SignedInAsync(app, world, world.A, Roles.VolunteerCoordinator);

        // Nobody consents yet: the form says so and offers no one.
        var empty = await planner.GetAsync(CommunitySetup.NewPath);
        Assert.Equal(HttpStatusCode.OK, empty.Status);
        Assert.Contains("Nog niemand heeft toestemming gegeven.", empty.Text, StringComparison.Ordinal);

        // The case manager records Samira's consent, as she said it.
        var recorded = await caseManager.SubmitAsync(CommunitySetup.RoleModelsPath, "rolmodel-toestemming", new Dictionary<string, string>
        {
            ["Input.NewcomerId"] = world.A.NewcomerId.ToString(),
            ["Input.Note"] = "Vertelt graag op scholen.",
        });
        Assert.Equal(HttpStatusCode.Redirect, recorded.Status);
        var consent = await ReadAsync(app, world.A, db => db.RoleModelConsents.SingleAsync(c => c.NewcomerId == world.A.NewcomerId));
        Assert.Equal((Today, (DateOnly?)null), (consent.GivenOn, consent.WithdrawnOn));

        // Everything wrong at once: each message beside its field and in the summary.
        var form = await planner.GetAsync(CommunitySetup.NewPath);
        var bad = await planner.PostFormAsync(form, "activiteit", new Dictionary<string, string>
        {
            ["Input.Kind"] = nameof(CommunityActivityKind.RoleModelPresentation),
            ["Input.Title"] = "",
            ["Input.Place"] = "",
            ["Input.PostcodeArea"] = "844",
            ["Input.Date"] = Day(Today.AddDays(7)),
            ["Input.Reached"] = "30",
        });
        Assert.Equal(HttpStatusCode.OK, bad.Status);
        foreach (var message in new[]
        {
            "Kies waar de presentatie is", "Geef de activiteit een titel.", "Kies de organisatie die de activiteit ontvangt.",
            "Vul in waar de activiteit is.", "Vul het postcodegebied van de buurt in", "Het bereik en het vervolg vult u in na de activiteit.",
        })
        {
            Assert.Contains(message, bad.Text, StringComparison.Ordinal);
        }
        Assert.Equal(6, bad.Document.QuerySelectorAll(".thuis-error-summary li").Length);
        Assert.NotNull(bad.Document.QuerySelector("#waar-fout .validation-message"));
        Assert.NotNull(bad.Document.QuerySelector("#postcodegebied-fout .validation-message"));
        Assert.NotNull(bad.Document.QuerySelector("#bereikt-fout .validation-message"));
        Assert.Equal("844", bad.Document.QuerySelector("#postcodegebied")!.GetAttribute("value"));
        Assert.Empty(await ReadAsync(app, world.A, db => db.CommunityActivities.ToListAsync()));

        // Planned on today, at a secondary school, with Samira as role model and the reach of the day.
        var planned = await planner.PostFormAsync(form, "activiteit", Presentation(world.A, Today, new Dictionary<string, string>
        {
            ["Input.RoleModels[0].Chosen"] = "true",
            ["Input.Audience"] = nameof(AudienceKind.Pupils),
            ["Input.Reached"] = "54",
            ["Input.NewVolunteers"] = "2",
            ["Input.NewOffers"] = "1",
        }));
        Assert.Equal(HttpStatusCode.Redirect, planned.Status);
        var activity = await ReadAsync(app, world.A, db => db.CommunityActivities.Include(a => a.RoleModels).SingleAsync());
        Assert.Equal((CommunityActivityKind.RoleModelPresentation, PresentationSetting.SecondarySchool, "8441", 54, 2, 1),
            (activity.Kind, activity.Setting, activity.PostcodeArea, activity.Reached, activity.NewVolunteers, activity.NewOffers));
        Assert.Equal(world.A.NewcomerId, Assert.Single(activity.RoleModels).NewcomerId);
        Assert.Equal(CommunitySetup.ActivityPath(activity.Id) + "?klaar=opgeslagen", planned.Location);

        // Its page names the role model, and that look at her data is in the audit trail.
        var page = await caseManager.GetAsync(CommunitySetup.ActivityPath(activity.Id));
        Assert.Contains("Samira", page.Document.QuerySelector("[data-testid='rolmodellen']")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("54 mensen", page.Document.QuerySelector("[data-testid='bereik']")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.Document.QuerySelector($"a[href='{CommunitySetup.EditPath(activity.Id)}']"));
        Assert.Contains(await ReadAsync(app, world.A, db => db.AuditEntries.Where(e => e.PersonId == world.A.NewcomerId).ToListAsync()),
            e => e.Action == AuditAction.View && e.ObjectType == nameof(ActivityRoleModel));

        // A page loaded before that save cannot overwrite it.
        var edit = await planner.GetAsync(CommunitySetup.EditPath(activity.Id));
        Assert.Equal(HttpStatusCode.Redirect, (await planner.PostFormAsync(edit, "activiteit", new Dictionary<string, string> { ["Input.Reached"] = "60" })).Status);
        var stale = await planner.PostFormAsync(edit, "activiteit", new Dictionary<string, string> { ["Input.Reached"] = "70" });
        Assert.Contains(PlanActivity.ChangedMeanwhile, stale.Text, StringComparison.Ordinal);
        Assert.Equal(60, (await ReadAsync(app, world.A, db => db.CommunityActivities.SingleAsync())).Reached);
    }

    [Fact]
    public async Task Nobody_is_a_role_model_without_consent_and_withdrawing_takes_them_off_what_is_still_to_come()
    {
        await using var app = NewApp();
        var world = await TestWorld.SeedAsync(app);
        var (consenting, without) = (world.A.NewcomerId, await NewcomerAsync(app, world.A, "Zonder", null, null));
        await AsSystemAsync(app, world.A, async db =>
        {
            var person = await db.Newcomers.SingleAsync(n => n.Id == consenting);
            db.RoleModelConsents.Add(new RoleModelConsent(person, Today.AddMonths(-2), null, ByWhom.Staff("test", Now)));
        });
        using var planner = await SignedInAsync(app, world, world.A, Roles.Coordinator);

        // Someone without consent is not offered, and a forged tick for them is refused.
        var form = await planner.GetAsync(CommunitySetup.NewPath);
        Assert.Equal(1, form.Document.QuerySelectorAll("input[name^='Input.RoleModels'][type='hidden']").Length);
        var forged = await planner.PostFormAsync(form, "activiteit", Presentation(world.A, Today.AddDays(10), new Dictionary<string, string>
        {
            ["Input.RoleModels[0].Id"] = without.ToString(),
            ["Input.RoleModels[0].Chosen"] = "true",
        }));
        Assert.Contains("Alleen wie toestemming heeft gegeven, doet mee als rolmodel.", forged.Text, StringComparison.Ordinal);
        Assert.NotNull(forged.Document.QuerySelector("#rolmodellen-fout .validation-message"));

        // She speaks at one that has been, one today and one still to come.
        foreach (var day in new[] { Today.AddDays(-30), Today, Today.AddDays(30) })
        {
            var saved = await planner.PostFormAsync(await planner.GetAsync(CommunitySetup.NewPath), "activiteit",
                Presentation(world.A, day, new Dictionary<string, string> { ["Input.RoleModels[0].Chosen"] = "true" }));
            Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        }
        var consentId = await ReadAsync(app, world.A, db => db.RoleModelConsents.Select(c => c.Id).SingleAsync());

        // Withdrawing asks first; the volunteer coordinator may not do it.
        using var volunteerCoordinator = await SignedInAsync(app, world, world.A, Roles.VolunteerCoordinator);
        Assert.Equal(HttpStatusCode.Forbidden, (await volunteerCoordinator.GetAsync(CommunitySetup.WithdrawPath(consentId))).Status);
        using var caseManager = await SignedInAsync(app, world, world.A, Roles.CaseManager);
        var ask = await caseManager.GetAsync(CommunitySetup.WithdrawPath(consentId));
        Assert.Contains("gaat van 2 activiteiten af die nog komen", ask.Text, StringComparison.Ordinal);
        var withdrawn = await caseManager.PostFormAsync(ask, "toestemming-intrekken", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, withdrawn.Status);

        var activities = await ReadAsync(app, world.A, db => db.CommunityActivities.Include(a => a.RoleModels).OrderBy(a => a.Date).ToListAsync());
        Assert.Equal([1, 0, 0], activities.Select(a => a.RoleModels.Count));
        var consent = await ReadAsync(app, world.A, db => db.RoleModelConsents.SingleAsync());
        Assert.Equal((Today, "Test klantregisseur"), (consent.WithdrawnOn, consent.WithdrawnBy));
        var trail = await ReadAsync(app, world.A, db => db.AuditEntries.Where(e => e.PersonId == consenting).ToListAsync());
        Assert.Contains(trail, e => e.Action == AuditAction.Update && e.ObjectType == nameof(RoleModelConsent));
        Assert.Equal(2, trail.Count(e => e.Action == AuditAction.Delete && e.ObjectType == nameof(ActivityRoleModel)));

        // Withdrawn, she is no longer offered; withdrawing twice is refused.
        Assert.Equal(0, (await planner.GetAsync(CommunitySetup.NewPath)).Document.QuerySelectorAll("input[name^='Input.RoleModels'][type='hidden']").Length);
        var again = await caseManager.GetAsync(CommunitySetup.WithdrawPath(consentId));
        Assert.Contains("al ingetrokken", (await caseManager.PostFormAsync(again, "toestemming-intrekken", new Dictionary<string, string>())).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_role_model_sees_the_consent_in_their_own_Thuis_and_withdrawing_it_there_takes_them_off_what_is_to_come_and_tells_the_case_manager()
    {
        await using var app = NewApp();
        var world = await TestWorld.SeedAsync(app);
        var amal = await NewcomerAsync(app, world.A, "Amal", Today.AddMonths(-3), "8441 AB");
        await AsSystemAsync(app, world.A, async db =>
        {
            var person = await db.Newcomers.SingleAsync(n => n.Id == amal);
            db.RoleModelConsents.Add(new RoleModelConsent(person, Today.AddMonths(-1), null, ByWhom.Staff("Test klantregisseur", Now)));
        });
        using var planner = await SignedInAsync(app, world, world.A, Roles.Coordinator);
        foreach (var day in new[] { Today.AddDays(-14), Today.AddDays(14) })
        {
            var saved = await planner.PostFormAsync(await planner.GetAsync(CommunitySetup.NewPath), "activiteit",
                Presentation(world.A, day, new Dictionary<string, string> { ["Input.RoleModels[0].Chosen"] = "true" }));
            Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        }

        // Her own Thuis shows the consent, what is still to come, and the way to stop; someone without one sees none of it.
        using var own = new ThuisClient(app);
        await own.SignInOrFailAsync(await world.CreateNewcomerUserAsync(world.A, amal, "Amal"));
        var list = await own.GetAsync("/mijn/toestemmingen");
        var card = list.Document.QuerySelector("[data-testid=own-role-model]")!;
        Assert.Contains($"Uw klantregisseur schreef deze toestemming voor u op, op {Thuis.Web.Platform.Localization.DutchFormat.Date(Today.AddMonths(-1))}.", card.TextContent, StringComparison.Ordinal);
        Assert.Contains("Activiteiten die nog komen: 1", card.TextContent, StringComparison.Ordinal);
        Assert.NotNull(card.QuerySelector("a[href='/mijn/toestemmingen/rolmodel/intrekken']"));
        Assert.DoesNotContain("U heeft nog geen toestemming gegeven.", list.Text, StringComparison.Ordinal);
        using var other = new ThuisClient(app);
        await other.SignInOrFailAsync(await world.CreateNewcomerUserAsync(world.A));
        Assert.Null((await other.GetAsync("/mijn/toestemmingen")).Document.QuerySelector("[data-testid=own-role-model]"));
        Assert.Contains("Deze toestemming geldt al niet meer.", (await other.GetAsync("/mijn/toestemmingen/rolmodel/intrekken")).Text, StringComparison.Ordinal);

        // Without the tick nothing changes; with it she is off what is to come, and her case manager hears it in that request.
        const string withdrawPath = "/mijn/toestemmingen/rolmodel/intrekken";
        var unconfirmed = await own.SubmitAsync(withdrawPath, "rolmodel-intrekken", new Dictionary<string, string>());
        Assert.Equal("Zet een vinkje als u de toestemming echt wilt intrekken.", unconfirmed.Document.QuerySelector("#bevestig-fout")!.TextContent.Trim());
        Assert.NotNull(unconfirmed.Document.QuerySelector(".thuis-error-summary a[href$='#bevestig']"));
        Assert.Null(await ReadAsync(app, world.A, db => db.RoleModelConsents.Select(c => c.WithdrawnOn).SingleAsync()));
        var withdrawn = await own.SubmitAsync(withdrawPath, "rolmodel-intrekken", new Dictionary<string, string> { ["Input.Confirm"] = "true" });
        Assert.Equal("/mijn/toestemmingen?rolmodel-ingetrokken=1", withdrawn.Location);

        var consent = await ReadAsync(app, world.A, db => db.RoleModelConsents.SingleAsync());
        Assert.Equal((Today, true, "Amal"), (consent.WithdrawnOn, consent.WithdrawnThemselves, consent.WithdrawnBy));
        var activities = await ReadAsync(app, world.A, db => db.CommunityActivities.Include(a => a.RoleModels).OrderBy(a => a.Date).ToListAsync());
        Assert.Equal([1, 0], activities.Select(a => a.RoleModels.Count));
        var signal = await ReadAsync(app, world.A, db => db.Signals.AsNoTracking()
            .SingleAsync(x => x.NewcomerId == amal && x.Kind == SignalKind.ConsentWithdrawn && x.State == SignalState.Open));
        Assert.Equal(consent.Id, signal.SubjectId);
        Assert.Contains("Amal wil niet meer als rolmodel meedoen", signal.Reason, StringComparison.Ordinal);

        var after = await own.GetAsync("/mijn/toestemmingen?rolmodel-ingetrokken=1");
        Assert.Contains("U doet niet meer mee als rolmodel.", after.Text, StringComparison.Ordinal);
        Assert.Contains($"U heeft deze toestemming ingetrokken op {Thuis.Web.Platform.Localization.DutchFormat.Date(Today)}.",
            after.Document.QuerySelector("[data-testid=own-role-model]")!.TextContent, StringComparison.Ordinal);
        Assert.Null(after.Document.QuerySelector("a[href='/mijn/toestemmingen/rolmodel/intrekken']"));
        Assert.Contains("Deze toestemming geldt al niet meer.", (await own.GetAsync(withdrawPath)).Text, StringComparison.Ordinal);
        Assert.Contains($"Ingetrokken {Thuis.Web.Platform.Localization.DutchFormat.Date(Today)} door Amal zelf, in het eigen Thuis",
            (await planner.GetAsync(CommunitySetup.RoleModelsPath)).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_calendar_shows_the_months_to_come_first_then_what_has_been_and_deleting_asks_first()
    {
        await using var app = NewApp();
        var world = await TestWorld.SeedAsync(app);
        using var planner = await SignedInAsync(app, world, world.A, Roles.Coordinator);
        var empty = await planner.GetAsync(CommunitySetup.Path);
        Assert.NotNull(empty.Document.QuerySelector("[data-testid='geen-komende']"));
        foreach (var (title, day) in new[] { ("Later", Today.AddMonths(2)), ("Eerst", Today.AddDays(3)), ("Gisteren", Today.AddDays(-1)), ("Lang geleden", Today.AddMonths(-5)) })
        {
            Assert.Equal(HttpStatusCode.Redirect, (await planner.SubmitAsync(CommunitySetup.NewPath, "activiteit",
                Presentation(world.A, day, new Dictionary<string, string> { ["Input.Title"] = title }))).Status);
        }

        var calendar = await planner.GetAsync(CommunitySetup.Path);
        Assert.Equal(["December 2026", "Februari 2027", "November 2026", "Juli 2026"],
            calendar.Document.QuerySelectorAll(".thuis-community-month h3").Select(h => h.TextContent.Trim()));
        Assert.Equal(["Eerst", "Later", "Gisteren", "Lang geleden"],
            calendar.Document.QuerySelectorAll("[data-testid='activiteit'] h4").Select(h => h.TextContent.Trim()));

        // A case manager reads it but plans nothing.
        using var caseManager = await SignedInAsync(app, world, world.A, Roles.CaseManager);
        var read = await caseManager.GetAsync(CommunitySetup.Path);
        Assert.Null(read.Document.QuerySelector($"a[href='{CommunitySetup.NewPath}']"));
        Assert.Equal(HttpStatusCode.Forbidden, (await caseManager.GetAsync(CommunitySetup.NewPath)).Status);

        var later = await ReadAsync(app, world.A, db => db.CommunityActivities.SingleAsync(a => a.Title == "Later"));
        var ask = await planner.GetAsync(CommunitySetup.DeletePath(later.Id));
        Assert.Contains("Activiteit verwijderen?", ask.Text, StringComparison.Ordinal);
        Assert.Equal(4, await ReadAsync(app, world.A, db => db.CommunityActivities.CountAsync()));
        var deleted = await planner.PostFormAsync(ask, "activiteit-verwijderen", new Dictionary<string, string>());
        Assert.Equal(CommunitySetup.Path + "?klaar=verwijderd", deleted.Location);
        Assert.Equal(3, await ReadAsync(app, world.A, db => db.CommunityActivities.CountAsync()));
    }

    [Fact]
    public async Task The_reach_is_counted_per_quarter_and_per_neighbourhood_and_exported_and_another_municipality_reaches_none_of_it()
    {
        await using var app = NewApp();
        var world = await TestWorld.SeedAsync(app);
        using var planner = await SignedInAsync(app, world, world.A, Roles.Coordinator);
        foreach (var (day, area, reached) in new[] { (new DateOnly(2026, 2, 10), "8441", 40), (new DateOnly(2026, 3, 30), "8442", 25), (new DateOnly(2026, 10, 1), "8441", 54), (Today.AddDays(20), "8441", 0) })
        {
            var fields = Presentation(world.A, day, new Dictionary<string, string> { ["Input.PostcodeArea"] = area });
            if (reached > 0)
            {
                fields["Input.Reached"] = reached.ToString(CultureInfo.InvariantCulture);
                fields["Input.NewVolunteers"] = "1";
            }
            Assert.Equal(HttpStatusCode.Redirect, (await planner.SubmitAsync(CommunitySetup.NewPath, "activiteit", fields)).Status);
        }

        var report = await planner.GetAsync(CommunitySetup.ReportPath);
        Assert.Equal(HttpStatusCode.OK, report.Status);
        string[] Rows(string key) => [.. report.Document.QuerySelectorAll($"[data-testid='tabel-{key}'] tbody tr")
            .Select(r => string.Join(" | ", r.Children.Select(c => c.TextContent.Trim())))];
        // Only what took place counts: the one still to come is in no quarter.
        Assert.Equal(["2026 K1 | 2 | 2 | 65 | 2 | 0", "2026 K4 | 1 | 1 | 54 | 1 | 0"], Rows(CommunityTables.PerQuarter));
        Assert.Equal(["8441 | 2 | 2 | 94 | 2 | 0", "8442 | 1 | 1 | 25 | 1 | 0"], Rows(CommunityTables.PerNeighbourhood));
        Assert.NotNull(report.Document.QuerySelector("#grafiek-kwartaal-titel"));

        var csv = await planner.Http.GetAsync(CommunitySetup.CsvAddress(CommunityTables.PerQuarter));
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var lines = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync()).Split('\n');
        Assert.Contains(lines, l => l.Contains("2026 K1", StringComparison.Ordinal) && l.Contains("65", StringComparison.Ordinal));
        var xlsx = await planner.Http.GetAsync(CommunitySetup.XlsxPath);
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);

        // Municipality B sees none of A's activities or consents, and its report counts nothing of A.
        var activity = await ReadAsync(app, world.A, db => db.CommunityActivities.Select(a => a.Id).FirstAsync());
        await AsSystemAsync(app, world.A, async db =>
            db.RoleModelConsents.Add(new RoleModelConsent(await db.Newcomers.SingleAsync(n => n.Id == world.A.NewcomerId), Today, null, ByWhom.Staff("test", Now))));
        var consent = await ReadAsync(app, world.A, db => db.RoleModelConsents.Select(c => c.Id).SingleAsync());
        using var other = await SignedInAsync(app, world, world.B, Roles.Coordinator);
        foreach (var path in new[] { CommunitySetup.ActivityPath(activity), CommunitySetup.EditPath(activity), CommunitySetup.DeletePath(activity), CommunitySetup.WithdrawPath(consent) })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(path)).Status);
        }
        var theirs = await other.GetAsync(CommunitySetup.ReportPath);
        Assert.Empty(theirs.Document.QuerySelectorAll($"[data-testid='tabel-{CommunityTables.PerQuarter}'] tbody th"));
        Assert.DoesNotContain("Samira", (await other.GetAsync(CommunitySetup.RoleModelsPath)).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_neighbourhood_with_new_people_is_signalled_from_one_day_past_its_months_without_an_activity()
    {
        await using var app = NewApp();
        var world = await TestWorld.SeedAsync(app);
        var edge = Today.AddMonths(-SignalSettings.DefaultQuietNeighbourhoodMonths);
        Assert.Equal(new DateOnly(2026, 6, 1), edge);
        var recent = Today.AddDays(-10);
        var cases = new (string Name, string Area, DateOnly Housed, DateOnly? Activity, bool Raised)[]
        {
            ("activiteit op de grens", "7001", recent, edge, false),
            ("activiteit een dag te vroeg", "7002", recent, edge.AddDays(-1), true),
            ("gehuisvest op de grens", "7003", edge, null, true),
            ("gehuisvest een dag te vroeg", "7004", edge.AddDays(-1), null, false),
            ("komt nog, activiteit gepland", "7005", Today.AddDays(30), Today.AddDays(10), false),
            ("komt nog, niets gepland", "7006", Today.AddDays(30), null, true),
        };
        var people = new Dictionary<string, Guid>();
        foreach (var c in cases)
        {
            people[c.Name] = await NewcomerAsync(app, world.A, c.Name, c.Housed, $"{c.Area} AB");
            if (c.Activity is { } day)
            {
                await AsSystemAsync(app, world.A, db =>
                {
                    db.CommunityActivities.Add(new CommunityActivity(world.A.Id, new CommunityActivityDetails(CommunityActivityKind.NeighbourhoodMeeting, null,
                        "Buurtavond", world.A.PartnerOrganisationId, day, "Wijkcentrum", c.Area, null, null, null)));
                    return Task.CompletedTask;
                });
            }
        }

        await EvaluateAsync(app);

        var signals = (await ReadAsync(app, world.A, db => db.Signals.AsNoTracking().Where(s => s.Kind == SignalKind.QuietNeighbourhood && s.ClosedOn == null).ToListAsync()))
            .ToDictionary(s => s.NewcomerId);
        foreach (var c in cases)
        {
            Assert.True(signals.ContainsKey(people[c.Name]) == c.Raised, $"{c.Name}: signaal {(c.Raised ? "verwacht" : "niet verwacht")}");
        }
        Assert.Contains("postcodegebied 7002", signals[people["activiteit een dag te vroeg"]].Reason, StringComparison.Ordinal);
        Assert.Contains("31 mei 2026", signals[people["activiteit een dag te vroeg"]].Reason, StringComparison.Ordinal);
        Assert.Equal(Today, signals[people["komt nog, niets gepland"]].Since);
        Assert.Equal(edge, signals[people["gehuisvest op de grens"]].Since);

        // With twelve months as the municipality's setting, the activity of 31 May is recent enough.
        await AsSystemAsync(app, world.A, db =>
        {
            var settings = new SignalSettings(world.A.Id);
            settings.Change(14, 3, 4, 6, 8, 6, 10, 14, quietNeighbourhoodMonths: 12);
            db.SignalSettings.Add(settings);
            return Task.CompletedTask;
        });
        await EvaluateAsync(app);
        Assert.DoesNotContain(await ReadAsync(app, world.A, db => db.Signals.AsNoTracking().Where(s => s.Kind == SignalKind.QuietNeighbourhood && s.ClosedOn == null).ToListAsync()),
            s => s.NewcomerId == people["activiteit een dag te vroeg"]);
    }

    private static Dictionary<string, string> Presentation(TestMunicipality municipality, DateOnly day, Dictionary<string, string>? more = null)
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.Kind"] = nameof(CommunityActivityKind.RoleModelPresentation),
            ["Input.Setting"] = nameof(PresentationSetting.SecondarySchool),
            ["Input.Title"] = "Gastles: mijn eerste jaar",
            ["Input.OrganisationId"] = municipality.PartnerOrganisationId.ToString(),
            ["Input.Date"] = Day(day),
            ["Input.Place"] = "Aula van het Bogerman",
            ["Input.PostcodeArea"] = "8441",
        };
        foreach (var (key, value) in more ?? [])
        {
            fields[key] = value;
        }
        return fields;
    }

    private static async Task<ThuisClient> SignedInAsync(ThuisAppFactory app, TestWorld world, TestMunicipality municipality, string role)
    {
        var client = new ThuisClient(app);
        await client.SignInOrFailAsync(await world.CreateUserAsync(municipality, role));
        return client;
    }

    private static async Task EvaluateAsync(ThuisAppFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<EvaluateSignals>().RunOnceAsync(Now);
    }

    private static Task<T> ReadAsync<T>(ThuisAppFactory app, TestMunicipality municipality, Func<AppDbContext, Task<T>> read) => Groups.ReadAsync(app, municipality, read);

    private static async Task AsSystemAsync(ThuisAppFactory app, TestMunicipality municipality, Func<AppDbContext, Task> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystemFor(municipality.Id);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await work(db);
        await db.SaveChangesAsync();
    }

    private static async Task<Guid> NewcomerAsync(ThuisAppFactory app, TestMunicipality municipality, string name, DateOnly? housed, string? postcode)
    {
        var id = Guid.Empty;
        await AsSystemAsync(app, municipality, db =>
        {
            var newcomer = People.Newcomer(municipality.Id, name, "Buur", new DateOnly(1990, 1, 1));
            newcomer.UpdateLegalFrame(new LegalFrame(TargetGroup.AsylumPermitHolder, new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 15), housed,
                postcode is null ? null : "Kerkstraat", postcode is null ? null : "1", postcode, postcode is null ? null : "Dalfsen"));
            db.Newcomers.Add(newcomer);
            id = newcomer.Id;
            return Task.CompletedTask;
        });
        return id;
    }
}
