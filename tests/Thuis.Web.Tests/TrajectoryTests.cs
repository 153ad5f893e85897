using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Thuis.Web.Features.Dossiers;
using Thuis.Web.Features.Trajectories;
using Thuis.Web.Platform.Auditing;
using Thuis.Web.Platform.Security;
using Thuis.Web.Tests.Infrastructure;

namespace Thuis.Web.Tests;

[Collection(AppCollection.Name)]
public sealed class TrajectoryTests(AppFixture fixture)
{
    private async Task<(ThuisClient Client, string UserId)> SignedInAsync(TestMunicipality municipality, string role)
    {
        var email = await fixture.World.CreateUserAsync(municipality, role);
        var client = fixture.NewClient();
        await client.SignInOrFailAsync(email);
        return (client, await fixture.World.UserIdOfAsync(email));
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly NextMonday => CalendarPeriod.MondayOf(Groups.Today).AddDays(7);

    [Fact]
    public async Task A_coordinator_creates_a_PVT_group_with_26_lessons_in_three_months_and_all_eight_workshop_themes()
    {
        var (client, _) = await SignedInAsync(fixture.World.A, Roles.Coordinator);
        using var _ = client;
        Assert.Contains("Groep aanmaken", (await client.GetAsync("/trajecten")).Text, StringComparison.Ordinal);

        var created = await client.SubmitAsync("/trajecten/nieuw", "groep-aanmaken", new Dictionary<string, string>
        {
            ["Input.Name"] = "PVT Dalfsen sjabloontest",
            ["Input.Provider"] = "Taalschool Vecht",
            ["Input.StartDate"] = Iso(NextMonday),
        });

        Assert.Equal(HttpStatusCode.Redirect, created.Status);
        Assert.EndsWith("?aangemaakt=34", created.Location, StringComparison.Ordinal);
        var groupId = Guid.Parse(created.Location!.Split('/', '?')[2]);
        var sessions = await Groups.ReadAsync(fixture.App, fixture.World.A, db => db.Sessions.Where(s => s.GroupId == groupId).ToListAsync());
        var lessons = sessions.Where(s => s.Kind == SessionKind.LanguageLesson).ToList();
        Assert.Equal(26, lessons.Count);
        Assert.All(lessons, l => Assert.InRange(l.Date, NextMonday, TrajectoryRequirements.PvtLastDay(NextMonday, PvtPractice.Default)));
        Assert.All(lessons, l => Assert.Contains(l.Date.DayOfWeek, new[] { DayOfWeek.Monday, DayOfWeek.Thursday }));
        Assert.Equal(TrajectoryRequirements.PvtThemes.Order(), sessions.Where(s => s.Kind == SessionKind.Workshop).Select(s => s.Theme!.Value).Order());

        var page = await client.GetAsync(created.Location);
        Assert.Contains("De groep is aangemaakt met 34 bijeenkomsten volgens het PVT-sjabloon.", page.Text, StringComparison.Ordinal);
        Assert.Contains("26 taallessen, 8 van de 8 thema's", page.Text, StringComparison.Ordinal);
        Assert.Contains("Workshop Nederlandse waarden (ondertekening participatieverklaring)", page.Text, StringComparison.Ordinal);
        Assert.Contains("PVT Dalfsen sjabloontest", (await client.GetAsync("/trajecten")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Enrolling_in_a_PVT_group_part_way_warns_when_the_lessons_left_cannot_meet_the_requirement_but_still_enrols()
    {
        var (client, _) = await SignedInAsync(fixture.World.A, Roles.Coordinator);
        using var _ = client;
        var created = await client.SubmitAsync("/trajecten/nieuw", "groep-aanmaken", new Dictionary<string, string>
        {
            ["Input.Name"] = "PVT Dalfsen halverwege",
            ["Input.Provider"] = "Taalschool Vecht",
            ["Input.StartDate"] = Iso(NextMonday),
        });
        var groupId = Guid.Parse(created.Location!.Split('/', '?')[2]);
        var lessonDays = await Groups.ReadAsync(fixture.App, fixture.World.A, db => db.Sessions
            .Where(s => s.GroupId == groupId && s.Kind == SessionKind.LanguageLesson).Select(s => s.Date).OrderBy(d => d).ToListAsync());
        var fromStart = await Groups.NewcomerAsync(fixture.App, fixture.World.A, "Dana", "Vanafbegin");
        var lateJoiner = await Groups.NewcomerAsync(fixture.App, fixture.World.A, "Elias", "Laatkomer");

        // From the first day all 26 lessons and eight workshops are still ahead: no warning.
        var onTime = await client.SubmitAsync($"/trajecten/{groupId}?zoek=Vanafbegin", "inschrijven", new Dictionary<string, string>
        {
            ["Enrol.NewcomerId"] = fromStart.ToString(),
            ["Enrol.Since"] = Iso(NextMonday),
        });
        Assert.Equal(HttpStatusCode.Redirect, onTime.Status);
        var onTimePage = await client.GetAsync(onTime.Location!);
        Assert.Contains("Dana Vanafbegin is ingeschreven.", onTimePage.Text, StringComparison.Ordinal);
        Assert.Null(onTimePage.Document.QuerySelector(".utrecht-alert--warning"));

        // Joining at the tenth lesson leaves 17 of the 26: a warning, and the enrolment stands.
        var late = await client.SubmitAsync($"/trajecten/{groupId}?zoek=Laatkomer", "inschrijven", new Dictionary<string, string>
        {
            ["Enrol.NewcomerId"] = lateJoiner.ToString(),
            ["Enrol.Since"] = Iso(lessonDays[9]),
        });
        Assert.Equal(HttpStatusCode.Redirect, late.Status);
        var latePage = await client.GetAsync(late.Location!);
        Assert.Contains("Elias Laatkomer is ingeschreven.", latePage.Text, StringComparison.Ordinal);
        var warning = latePage.Document.QuerySelector(".utrecht-alert--warning")?.TextContent ?? "";
        Assert.Contains("zijn er in deze groep nog 17 taallessen", warning, StringComparison.Ordinal);
        Assert.Contains("wordt de eis in deze groep niet gehaald", warning, StringComparison.Ordinal);
        Assert.Contains("nog 9 lessen", warning, StringComparison.Ordinal);
        Assert.Equal(1, await Groups.ReadAsync(fixture.App, fixture.World.A, db => db.Enrolments.CountAsync(e => e.GroupId == groupId && e.NewcomerId == lateJoiner)));
    }

    [Fact]
    public async Task A_template_that_cannot_fit_is_refused_beside_the_field_and_the_input_stays()
    {
        var (client, _) = await SignedInAsync(fixture.World.A, Roles.Coordinator);
        using var _ = client;

        var refused = await client.SubmitAsync("/trajecten/nieuw", "groep-aanmaken", new Dictionary<string, string>
        {
            ["Input.Name"] = "PVT met één lesdag",
            ["Input.StartDate"] = Iso(NextMonday),
            ["Input.OnThursday"] = "false",
        });

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("Op deze lesdagen passen geen 26 taallessen", refused.Document.QuerySelector("#sjabloon-fout")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("PVT met één lesdag", refused.ValueOf("Input.Name"));
        Assert.False(await Groups.ReadAsync(fixture.App, fixture.World.A, db => db.CourseGroups.AnyAsync(g => g.Name == "PVT met één lesdag")));
    }

    [Fact]
    public async Task A_case_manager_reads_groups_but_cannot_make_one()
    {
        var (client, _) = await SignedInAsync(fixture.World.A, Roles.CaseManager);
        using var _ = client;

        var list = await client.GetAsync("/trajecten");
        Assert.Equal(HttpStatusCode.OK, list.Status);
        Assert.Contains($"Taalcursus {fixture.World.A.Name}", list.Text, StringComparison.Ordinal);
        Assert.DoesNotContain($"Taalcursus {fixture.World.B.Name}", list.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Groep aanmaken", list.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/trajecten/nieuw")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/trajecten/{fixture.World.A.GroupId}/bijeenkomsten/nieuw")).Status);
    }

    [Fact]
    public async Task A_stale_group_edit_is_refused_and_keeps_the_input()
    {
        var group = await Groups.SeedAsync(fixture.App, fixture.World.A, "Wijzigmans", 0, -1);
        var (client, _) = await SignedInAsync(fixture.World.A, Roles.Coordinator);
        using var _ = client;
        var url = $"/trajecten/{group.Id}/bewerken";
        var stale = await client.GetAsync(url);

        var saved = await client.SubmitAsync(url, "groep-wijzigen", new Dictionary<string, string> { ["Input.Location"] = "Bibliotheek" });
        Assert.Equal($"/trajecten/{group.Id}?gewijzigd=1", saved.Location);

        var refused = await client.PostFormAsync(stale, "groep-wijzigen", new Dictionary<string, string> { ["Input.Location"] = "Gemeentehuis" });
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("Iemand anders heeft deze groep intussen gewijzigd.", refused.Text, StringComparison.Ordinal);
        Assert.Equal("Gemeentehuis", refused.ValueOf("Input.Location"));
        Assert.Equal("Bibliotheek", await Groups.ReadAsync(fixture.App, fixture.World.A, db => db.CourseGroups.Where(g => g.Id == group.Id).Select(g => g.Location).SingleAsync()));
    }

    [Fact]
    public async Task Another_municipalitys_group_and_session_answer_404_and_its_newcomer_cannot_be_enrolled()
    {
        var (client, _) = await SignedInAsync(fixture.World.A, Roles.Coordinator);
        using var _ = client;
        var b = fixture.World.B;

        foreach (var url in new[]
        {
            $"/trajecten/{b.GroupId}", $"/trajecten/{b.GroupId}/bijeenkomsten/{b.SessionId}", $"/trajecten/{b.GroupId}/kalender",
            $"/trajecten/{fixture.World.A.GroupId}/bijeenkomsten/{b.SessionId}", $"/dossiers/{b.NewcomerId}/lessen",
        })
        {
            var page = await client.GetAsync(url);
            Assert.True(page.Status == HttpStatusCode.NotFound, $"{url} gaf {page.Status}");
            Assert.DoesNotContain(b.NewcomerName, page.Text, StringComparison.Ordinal);
        }
        Assert.DoesNotContain(b.NewcomerName, (await client.GetAsync($"/trajecten/{fixture.World.A.GroupId}?zoek=Gebremedhin")).Text, StringComparison.Ordinal);

        var refused = await client.SubmitAsync($"/trajecten/{fixture.World.A.GroupId}?zoek=Haddad", "inschrijven", new Dictionary<string, string>
        {
            ["Enrol.NewcomerId"] = b.NewcomerId.ToString(),
        });
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("Kies een statushouder van uw gemeente uit de zoekresultaten.", refused.Text, StringComparison.Ordinal);
        Assert.False(await Groups.ReadAsync(fixture.App, fixture.World.B, db => db.Enrolments.AnyAsync(e => e.GroupId == fixture.World.A.GroupId)));
    }

    [Fact]
    public async Task Enrolling_a_found_newcomer_and_unenrolling_after_confirmation()
    {
        var group = await Groups.SeedAsync(fixture.App, fixture.World.A, "Inschrijfmans", 0, -1, 2);
        var newcomer = await Groups.NewcomerAsync(fixture.App, fixture.World.A, "Rahim", "Zoekbaar");
        var (client, _) = await SignedInAsync(fixture.World.A, Roles.CaseManager);
        using var _ = client;

        var search = await client.GetAsync($"/trajecten/{group.Id}?zoek=zoekbaar");
        Assert.NotNull(search.Document.QuerySelector($"input[type=radio][value='{newcomer}']"));
        var enrolled = await client.PostFormAsync(search, "inschrijven", new Dictionary<string, string> { ["Enrol.NewcomerId"] = newcomer.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, enrolled.Status);
        var page = await client.GetAsync(enrolled.Location!);
        Assert.Contains("Rahim Zoekbaar is ingeschreven.", page.Text, StringComparison.Ordinal);
        Assert.Contains("Deelnemers (1)", page.Text, StringComparison.Ordinal);

        var twice = await client.SubmitAsync($"/trajecten/{group.Id}?zoek=zoekbaar", "inschrijven", new Dictionary<string, string> { ["Enrol.NewcomerId"] = newcomer.ToString() });
        Assert.Contains("Deze persoon is al ingeschreven in deze groep.", twice.Text, StringComparison.Ordinal);

        var url = $"/trajecten/{group.Id}/deelnemers/{newcomer}/uitschrijven";
        var confirm = await client.GetAsync(url);
        Assert.Contains("Rahim Zoekbaar uitschrijven?", confirm.Text, StringComparison.Ordinal);
        Assert.Equal(1, await Groups.ReadAsync(fixture.App, fixture.World.A, db => db.Enrolments.CountAsync(e => e.GroupId == group.Id)));

        var done = await client.PostFormAsync(confirm, "uitschrijven", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, done.Status);
        Assert.Equal(0, await Groups.ReadAsync(fixture.App, fixture.World.A, db => db.Enrolments.CountAsync(e => e.GroupId == group.Id)));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(url)).Status);
    }

    [Fact]
    public async Task A_session_is_planned_and_deleted_only_after_confirmation()
    {
        var group = await Groups.SeedAsync(fixture.App, fixture.World.A, "Plannermans", 1, -1);
        var (client, _) = await SignedInAsync(fixture.World.A, Roles.Coordinator);
        using var _ = client;

        var refused = await client.SubmitAsync($"/trajecten/{group.Id}/bijeenkomsten/nieuw", "bijeenkomst-toevoegen", new Dictionary<string, string>
        {
            ["Input.Date"] = Iso(Groups.Today.AddDays(3)),
            ["Input.Kind"] = "Workshop",
            ["Input.Start"] = "14:00",
            ["Input.End"] = "13:00",
        });
        Assert.Contains("De eindtijd moet na de begintijd liggen.", refused.Text, StringComparison.Ordinal);
        Assert.Contains("Kies het thema van de workshop.", refused.Text, StringComparison.Ordinal);

        var added = await client.SubmitAsync($"/trajecten/{group.Id}/bijeenkomsten/nieuw", "bijeenkomst-toevoegen", new Dictionary<string, string>
        {
            ["Input.Date"] = Iso(Groups.Today.AddDays(3)),
            ["Input.Kind"] = "Workshop",
            ["Input.Theme"] = "Housing",
            ["Input.Start"] = "13:00",
            ["Input.End"] = "15:00",
        });
        Assert.Equal(HttpStatusCode.Redirect, added.Status);
        var workshop = await Groups.ReadAsync(fixture.App, fixture.World.A, db => db.Sessions.SingleAsync(s => s.GroupId == group.Id && s.Kind == SessionKind.Workshop));
        Assert.Equal((WorkshopTheme.Housing, new TimeOnly(13, 0), new TimeOnly(15, 0)), (workshop.Theme!.Value, workshop.StartTime, workshop.EndTime));

        await client.SubmitAsync($"/trajecten/{group.Id}/bijeenkomsten/{group.SessionIds[0]}", "aanwezigheid", new Dictionary<string, string> { ["Input.Rows[0].Value"] = "Present" });
        var confirm = await client.GetAsync($"/trajecten/{group.Id}/bijeenkomsten/{group.SessionIds[0]}/verwijderen");
        Assert.Contains("Bijeenkomst verwijderen?", confirm.Text, StringComparison.Ordinal);
        Assert.Contains("Ook de vastgelegde aanwezigheid van 1 persoon wordt verwijderd", confirm.Text, StringComparison.Ordinal);
        Assert.Equal(2, await Groups.ReadAsync(fixture.App, fixture.World.A, db => db.Sessions.CountAsync(s => s.GroupId == group.Id)));

        var deleted = await client.PostFormAsync(confirm, "bijeenkomst-verwijderen", new Dictionary<string, string>());
        Assert.Equal($"/trajecten/{group.Id}?verwijderd=1", deleted.Location);
        Assert.Equal(1, await Groups.ReadAsync(fixture.App, fixture.World.A, db => db.Sessions.CountAsync(s => s.GroupId == group.Id)));
        Assert.Equal(0, await Groups.ReadAsync(fixture.App, fixture.World.A, db => db.AttendanceRecords.CountAsync(r => r.SessionId == group.SessionIds[0])));
    }

    [Fact]
    public async Task Making_sessions_enrolling_and_recording_attendance_are_audited_and_so_is_reading_someones_lessons()
    {
        var group = await Groups.SeedAsync(fixture.App, fixture.World.A, "Auditmans", 1, -2);
        var newcomer = await Groups.NewcomerAsync(fixture.App, fixture.World.A, "Layla", "Audit");
        var (client, userId) = await SignedInAsync(fixture.World.A, Roles.Coordinator);
        using var _ = client;

        await client.SubmitAsync($"/trajecten/{group.Id}/bijeenkomsten/nieuw", "bijeenkomst-toevoegen", new Dictionary<string, string>
        {
            ["Input.Date"] = Iso(Groups.Today.AddDays(-1)),
            ["Input.Start"] = "09:00",
            ["Input.End"] = "11:00",
        });
        await client.SubmitAsync($"/trajecten/{group.Id}?zoek=Audit", "inschrijven", new Dictionary<string, string> { ["Enrol.NewcomerId"] = newcomer.ToString() });
        await client.SubmitAsync($"/trajecten/{group.Id}/bijeenkomsten/{group.SessionIds[0]}", "aanwezigheid", new Dictionary<string, string>
        {
            ["Input.Rows[0].Value"] = "Present",
            ["Input.Rows[1].Value"] = "ExcusedAbsence",
        });
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/dossiers/{newcomer}/lessen")).Status);

        var entries = await Groups.ReadAsync(fixture.App, fixture.World.A, db => db.AuditEntries.Where(a => a.ActorId == userId).ToListAsync());
        Assert.Single(entries, e => e.Action == AuditAction.Create && e.ObjectType == nameof(Session));
        Assert.Single(entries, e => e.Action == AuditAction.Create && e.ObjectType == nameof(Enrolment));
        Assert.Equal(2, entries.Count(e => e.Action == AuditAction.Create && e.ObjectType == nameof(AttendanceRecord)
            && e.ObjectId.StartsWith(group.SessionIds[0].ToString(), StringComparison.Ordinal)));
        Assert.Single(entries, e => e.Action == AuditAction.Update && e.ObjectType == nameof(Session) && e.ObjectId == group.SessionIds[0].ToString());
        var view = Assert.Single(entries, e => e.Action == AuditAction.View);
        Assert.Equal((nameof(Newcomer), newcomer.ToString(), ViewNewcomerLessons.Purpose), (view.ObjectType, view.ObjectId, view.Purpose));
        Assert.All(entries, e => Assert.Equal(fixture.World.A.Id, e.MunicipalityId));
    }
}
