using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Thuis.Web.Data;
using Thuis.Web.Features.Signals;
using Thuis.Web.Features.Trajectories;
using Thuis.Web.Platform.Security;
using Thuis.Web.Tests.Infrastructure;

namespace Thuis.Web.Tests;

public sealed class JourneyTests
{
    [Fact]
    public async Task The_journey_tells_what_happened_in_order_filters_by_topic_and_is_audited()
    {
        await using var app = new ThuisAppFactory();
        var world = await TestWorld.SeedAsync(app);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystemFor(world.A.Id);
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var session = await db.Sessions.SingleAsync(s => s.Id == world.A.SessionId);
            var enrolment = await db.Enrolments.SingleAsync(e => e.NewcomerId == world.A.NewcomerId);
            session.RecordAttendance(enrolment, world.A.NewcomerId, Attendance.Present, "test", DateTimeOffset.UtcNow);
            var signal = new Signal(world.A.Id, world.A.NewcomerId, SignalKind.NotNowEnded, null, 2, "De periode 'niet nu' liep tot en met 2 juni 2026",
                "Neem contact op", new DateOnly(2026, 6, 3), new DateOnly(2026, 6, 3));
            signal.Resolve("Gebeld: ze is er weer", "test", new DateOnly(2026, 6, 10));
            db.Signals.Add(signal);
            await db.SaveChangesAsync();
        }
        using var caseManager = new ThuisClient(app);
        await caseManager.SignInOrFailAsync(await world.CreateUserAsync(world.A, Roles.CaseManager));
        var url = $"/dossiers/{world.A.NewcomerId}/verloop";

        var page = await caseManager.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var moments = page.Document.QuerySelectorAll(".thuis-journey__moment").Select(li => li.TextContent.Trim()).ToList();
        string[] expected =
        [
            "Verblijfsvergunning verleend",
            "Ingeschreven bij Taalcursus Dalfsen",
            "Eerste keer aanwezig bij Taalcursus Dalfsen (tot nu toe 1 keer)",
            "Voorgesteld: Taalcafé in de bibliotheek",
            "Antwoord op ‘Taalcafé in de bibliotheek’: ja",
            "Verwijzing verstuurd naar VluchtelingenWerk Dalfsen",
        ];
        var at = expected.Select(text => moments.FindIndex(m => m.EndsWith(text, StringComparison.Ordinal))).ToList();
        Assert.DoesNotContain(-1, at);
        Assert.Equal(at.Order(), at);
        Assert.StartsWith("1 mrt", moments[at[0]], StringComparison.Ordinal);
        Assert.StartsWith("2 jun", moments[at[2]], StringComparison.Ordinal);
        Assert.Contains(page.Document.QuerySelectorAll("h2"), h => h.TextContent == "maart 2026");

        var lessons = await caseManager.GetAsync($"{url}?onderwerp=Lessons");
        Assert.Equal(
            ["Ingeschreven bij Taalcursus Dalfsen", "Eerste keer aanwezig bij Taalcursus Dalfsen (tot nu toe 1 keer)"],
            lessons.Document.QuerySelectorAll(".thuis-journey__moment a").Select(a => a.TextContent.Trim()));

        // The handled signal comes first; the test person's debts raise a live signal today, after it.
        var signals = await caseManager.GetAsync($"{url}?onderwerp=Signals");
        Assert.Equal(
            ["Signaal (einde ‘niet nu’): De periode 'niet nu' liep tot en met 2 juni 2026", "Signaal afgehandeld: Gebeld: ze is er weer"],
            signals.Document.QuerySelectorAll(".thuis-journey__moment a").Select(a => a.TextContent.Trim()).Take(2));

        await using var check = app.Services.CreateAsyncScope();
        check.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystemFor(world.A.Id);
        Assert.Equal(3, await check.ServiceProvider.GetRequiredService<AppDbContext>().AuditEntries
            .CountAsync(e => e.ObjectId == world.A.NewcomerId.ToString() && e.Purpose == "Verloop bekijken"));
        Assert.Equal(HttpStatusCode.NotFound, (await caseManager.GetAsync($"/dossiers/{world.B.NewcomerId}/verloop")).Status);
    }
}
