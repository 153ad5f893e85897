using System.Net;
using Microsoft.EntityFrameworkCore;
using Thuis.Web.Features.Trajectories;
using Thuis.Web.Platform.Security;
using Thuis.Web.Tests.Infrastructure;

namespace Thuis.Web.Tests;

[Collection(AppCollection.Name)]
public sealed class AttendanceTests(AppFixture fixture)
{
    private async Task<ThuisClient> SignedInAsync(string role)
    {
        var client = fixture.NewClient();
        await client.SignInOrFailAsync(await fixture.World.CreateUserAsync(fixture.World.A, role));
        return client;
    }

    private static string Url(SeededGroup group, int session) => $"/trajecten/{group.Id}/bijeenkomsten/{group.SessionIds[session]}";

    [Fact]
    public async Task A_case_manager_records_the_attendance_of_a_whole_session_on_one_form()
    {
        var group = await Groups.SeedAsync(fixture.App, fixture.World.A, "Bulkmans", 3, -7, -3, 4);
        using var client = await SignedInAsync(Roles.CaseManager);

        var sheet = await client.GetAsync(Url(group, 0));
        Assert.Equal(HttpStatusCode.OK, sheet.Status);
        Assert.Equal(3, sheet.Document.QuerySelectorAll("fieldset.thuis-attendance__row").Length);
        Assert.Equal(9, sheet.Document.QuerySelectorAll("input[type=radio]").Length);
        Assert.Equal(["Persoon1 Bulkmans", "Persoon2 Bulkmans", "Persoon3 Bulkmans"],
            sheet.Document.QuerySelectorAll("legend").Select(l => l.TextContent.Trim()));

        var saved = await client.PostFormAsync(sheet, "aanwezigheid", new Dictionary<string, string>
        {
            ["Input.Rows[0].Value"] = "Present",
            ["Input.Rows[1].Value"] = "ExcusedAbsence",
            ["Input.Rows[2].Value"] = "UnexcusedAbsence",
        });

        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        Assert.Equal($"{Url(group, 0)}?opgeslagen=1", saved.Location);
        var records = await Groups.ReadAsync(fixture.App, fixture.World.A, db =>
            db.AttendanceRecords.Where(r => r.SessionId == group.SessionIds[0]).ToDictionaryAsync(r => r.NewcomerId, r => r.Value));
        Assert.Equal(Attendance.Present, records[group.People[0]]);
        Assert.Equal(Attendance.ExcusedAbsence, records[group.People[1]]);
        Assert.Equal(Attendance.UnexcusedAbsence, records[group.People[2]]);

        var again = await client.GetAsync($"{Url(group, 0)}?opgeslagen=1");
        Assert.Contains("De aanwezigheid is opgeslagen.", again.Text, StringComparison.Ordinal);
        Assert.Equal("Present", again.Document.QuerySelector("input[name='Input.Rows[0].Value'][checked]")?.GetAttribute("value"));
        Assert.Equal("ExcusedAbsence", again.Document.QuerySelector("input[name='Input.Rows[1].Value'][checked]")?.GetAttribute("value"));
        Assert.Equal("UnexcusedAbsence", again.Document.QuerySelector("input[name='Input.Rows[2].Value'][checked]")?.GetAttribute("value"));
    }

    [Fact]
    public async Task Counters_and_percentages_per_person_are_exact_on_the_group_and_lessons_pages()
    {
        var group = await Groups.SeedAsync(fixture.App, fixture.World.A, "Telmans", 2, -14, -10, -7, -3, 5);
        using var client = await SignedInAsync(Roles.Coordinator);
        string[][] marks =
        [
            ["Present", "Present"],
            ["Present", "ExcusedAbsence"],
            ["UnexcusedAbsence", "Present"],
            ["Present", "Present"],
        ];
        for (var session = 0; session < marks.Length; session++)
        {
            var saved = await client.SubmitAsync(Url(group, session), "aanwezigheid", new Dictionary<string, string>
            {
                ["Input.Rows[0].Value"] = marks[session][0],
                ["Input.Rows[1].Value"] = marks[session][1],
            });
            Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        }

        var lessons = await client.GetAsync($"/dossiers/{group.People[0]}/lessen");
        Assert.Equal(HttpStatusCode.OK, lessons.Status);
        var figures = lessons.Document.QuerySelectorAll(".utrecht-data-list__item")
            .ToDictionary(i => i.QuerySelector("dt")!.TextContent.Trim(), i => i.QuerySelector("dd")!.TextContent.Trim());
        Assert.Equal("3", figures["Taallessen bijgewoond"]);
        Assert.Equal("6 uur", figures["Uren bijgewoond"]);
        Assert.Equal("75% (3 van 4 bijeenkomsten tot nu toe)", figures["Aanwezig"]);
        Assert.Equal("0", figures["Geoorloofd afwezig"]);
        Assert.Equal("1", figures["Ongeoorloofd afwezig"]);
        Assert.Equal("geen wettelijke eis", figures["Stand"]);

        var page = await client.GetAsync($"/trajecten/{group.Id}");
        var second = page.Document.QuerySelectorAll("tbody tr").First(r => r.TextContent.Contains("Persoon2 Telmans", StringComparison.Ordinal));
        // Persoon2: present, excused, present, present; the fifth lesson is still to come.
        Assert.Equal(["75% (3 van 4)", "3", "6", "1", "0", "geen wettelijke eis"],
            second.QuerySelectorAll("td").Skip(1).Take(6).Select(td => td.TextContent.Trim()));
    }

    [Fact]
    public async Task Attendance_for_someone_not_enrolled_is_refused_and_nothing_is_saved_or_lost()
    {
        var group = await Groups.SeedAsync(fixture.App, fixture.World.A, "Weigermans", 2, -2);
        var outsider = await Groups.NewcomerAsync(fixture.App, fixture.World.A, "Niet", "Ingeschreven");
        using var client = await SignedInAsync(Roles.CaseManager);

        var refused = await client.SubmitAsync(Url(group, 0), "aanwezigheid", new Dictionary<string, string>
        {
            ["Input.Rows[0].Value"] = "Present",
            ["Input.Rows[1].Value"] = "ExcusedAbsence",
            ["Input.Rows[2].NewcomerId"] = outsider.ToString(),
            ["Input.Rows[2].Value"] = "Present",
        });

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("Eén persoon op de lijst was op de datum van deze bijeenkomst niet in de groep ingeschreven", refused.Text, StringComparison.Ordinal);
        Assert.Contains("Er is niets opgeslagen.", refused.Text, StringComparison.Ordinal);
        Assert.Equal("Present", refused.Document.QuerySelector("input[name='Input.Rows[0].Value'][checked]")?.GetAttribute("value"));
        Assert.Equal("ExcusedAbsence", refused.Document.QuerySelector("input[name='Input.Rows[1].Value'][checked]")?.GetAttribute("value"));
        Assert.Equal(0, await Groups.ReadAsync(fixture.App, fixture.World.A, db => db.AttendanceRecords.CountAsync(r => r.SessionId == group.SessionIds[0])));

        // The entity keeps the rule too, whatever calls it.
        var session = new Session(new CourseGroup(fixture.World.A.Id, new CourseGroupDetails(CourseKind.Pvt, "x", null, null, Groups.Today, null)),
            new SessionDetails(Groups.Today, new TimeOnly(9, 0), new TimeOnly(10, 0), SessionKind.LanguageLesson, null, null));
        Assert.Throws<InvalidOperationException>(() => session.RecordAttendance(null, outsider, Attendance.Present, "test", DateTimeOffset.UtcNow));
    }

    [Fact]
    public async Task A_stale_attendance_form_and_a_session_still_to_come_are_refused()
    {
        var group = await Groups.SeedAsync(fixture.App, fixture.World.A, "Laatmans", 1, -1, 3);
        using var client = await SignedInAsync(Roles.Coordinator);
        var stale = await client.GetAsync(Url(group, 0));
        await client.SubmitAsync(Url(group, 0), "aanwezigheid", new Dictionary<string, string> { ["Input.Rows[0].Value"] = "Present" });

        var refused = await client.PostFormAsync(stale, "aanwezigheid", new Dictionary<string, string> { ["Input.Rows[0].Value"] = "UnexcusedAbsence" });
        Assert.Contains("intussen vastgelegd", refused.Text, StringComparison.Ordinal);
        Assert.Equal("UnexcusedAbsence", refused.Document.QuerySelector("input[name='Input.Rows[0].Value'][checked]")?.GetAttribute("value"));
        Assert.Equal(Attendance.Present, await Groups.ReadAsync(fixture.App, fixture.World.A, db =>
            db.AttendanceRecords.Where(r => r.SessionId == group.SessionIds[0]).Select(r => r.Value).SingleAsync()));

        var future = await client.SubmitAsync(Url(group, 1), "aanwezigheid", new Dictionary<string, string> { ["Input.Rows[0].Value"] = "Present" });
        Assert.Contains("aanwezigheid kan vanaf die dag worden vastgelegd", future.Text, StringComparison.Ordinal);
        Assert.Equal(0, await Groups.ReadAsync(fixture.App, fixture.World.A, db => db.AttendanceRecords.CountAsync(r => r.SessionId == group.SessionIds[1])));
    }
}
