using Microsoft.Extensions.DependencyInjection;
using Thuis.Web.Data;
using Thuis.Web.Features.Trajectories;
using Thuis.Web.Platform.Localization;
using Thuis.Web.Platform.Security;

namespace Thuis.Web.Tests.Infrastructure;

/// <summary>A course group made straight in the database for tests about what happens to it through the pages.</summary>
public sealed record SeededGroup(Guid Id, IReadOnlyList<Guid> SessionIds, IReadOnlyList<Guid> People);

public static class Groups
{
    public static DateOnly Today => TimeProvider.System.InTheNetherlands();

    /// <summary>
    /// A language course of the municipality with two-hour lessons on the given days (relative to today) and new
    /// people enrolled from the first lesson on; the people are named after the test so pages can be read.
    /// </summary>
    public static async Task<SeededGroup> SeedAsync(ThuisAppFactory app, TestMunicipality municipality, string family, int people, params int[] lessonDaysFromToday)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystemFor(municipality.Id);
        var start = Today.AddDays(lessonDaysFromToday.Min());
        var group = new CourseGroup(municipality.Id, new CourseGroupDetails(CourseKind.LanguageCourse, $"Groep {family}", "Taalschool", null, start, null));
        db.CourseGroups.Add(group);
        var sessions = lessonDaysFromToday.Order().Select((day, i) => new Session(group,
            new SessionDetails(Today.AddDays(day), new TimeOnly(9, 30), new TimeOnly(11, 30), SessionKind.LanguageLesson, $"Les {i + 1}", null))).ToList();
        db.Sessions.AddRange(sessions);
        var newcomers = Enumerable.Range(1, people)
            .Select(i => People.Newcomer(municipality.Id, $"Persoon{i}", family, new DateOnly(1990, 1, i))).ToList();
        db.Newcomers.AddRange(newcomers);
        db.Enrolments.AddRange(newcomers.Select(n => new Enrolment(group, n.Id, municipality.Id, start, "test", DateTimeOffset.UtcNow)));
        await db.SaveChangesAsync();
        return new SeededGroup(group.Id, [.. sessions.Select(s => s.Id)], [.. newcomers.Select(n => n.Id)]);
    }

    public static async Task<Guid> NewcomerAsync(ThuisAppFactory app, TestMunicipality municipality, string given, string family)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystemFor(municipality.Id);
        var newcomer = People.Newcomer(municipality.Id, given, family, new DateOnly(1992, 2, 2));
        db.Newcomers.Add(newcomer);
        await db.SaveChangesAsync();
        return newcomer.Id;
    }

    /// <summary>Reads the database as the system acting for the municipality.</summary>
    public static async Task<T> ReadAsync<T>(ThuisAppFactory app, TestMunicipality municipality, Func<AppDbContext, Task<T>> read)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystemFor(municipality.Id);
        return await read(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }
}
