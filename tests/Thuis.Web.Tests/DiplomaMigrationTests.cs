using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Thuis.Web.Data;
using Thuis.Web.Features.Intake;
using Thuis.Web.Features.Municipalities;
using Thuis.Web.Platform.Auditing;
using Thuis.Web.Platform.Changes;
using Thuis.Web.Platform.Security;
using Thuis.Web.Tests.Infrastructure;

namespace Thuis.Web.Tests;

/// <summary>
/// The education parts recorded when a part held one diploma, migrated to the list of diplomas: a database of the old
/// shape (the migration before), filled the old way, then migrated, on the provider the tests run on.
/// </summary>
public sealed class DiplomaMigrationTests
{
    [Fact]
    public async Task A_part_with_a_diploma_becomes_one_diploma_with_its_valuation_result_and_level_and_a_part_without_one_gets_none()
    {
        var database = TestDatabase.CreateFresh();
        var user = new CurrentUser(new HttpContextAccessor());
        await using var db = Open(database, user);
        // The old shape: every migration before this one, of the provider's own set.
        var migrations = db.Database.GetMigrations().ToList();
        var theOldShape = migrations[migrations.FindIndex(m => m.EndsWith("_DiplomaValuations", StringComparison.Ordinal)) - 1];
        await db.GetService<IMigrator>().MigrateAsync(theOldShape, TestContext.Current.CancellationToken);
        var municipality = new Municipality("9997", "Oudvorm");
        db.Municipalities.Add(municipality);
        user.ActAsSystemFor(municipality.Id);
        foreach (var family in new[] { "Gewaardeerd", "Aangevraagd", "School", "Zonder" })
        {
            db.Newcomers.Add(People.Newcomer(municipality.Id, "Test", family, new DateOnly(1990, 1, 1)));
        }
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        foreach (var (family, level, field, hasDiploma, valuation, result, nlqf) in new[]
        {
            ("Gewaardeerd", "Bachelor", "'Pedagogiek'", "TRUE", "Valued", "'hbo-bachelor'", "6"),
            ("Aangevraagd", "Master", "'Wiskunde'", "TRUE", "Applied", "'nog niet bekend'", "NULL"),
            ("School", "UpperSecondary", "NULL", "TRUE", "NotApplicable", "NULL", "NULL"),
            ("Zonder", "Primary", "NULL", "FALSE", "NotApplicable", "NULL", "NULL"),
        })
        {
#pragma warning disable EF1002 // Fixed test values only.
            await db.Database.ExecuteSqlRawAsync($"""
                INSERT INTO "IntakeEducation" ("NewcomerId", "MunicipalityId", "Version", "RecordedBy", "RecordedAt", "RecordedByNewcomer",
                    "HighestLevel", "Field", "Years", "HasDiploma", "Valuation", "ValuationResult", "ValuedNlqf")
                SELECT "Id", "MunicipalityId", "Version", 'Karin', "RegisteredAt", FALSE, '{level}', {field}, 12, {hasDiploma}, '{valuation}', {result}, {nlqf}
                FROM "Newcomers" WHERE "FamilyName" = '{family}'
                """, TestContext.Current.CancellationToken);
#pragma warning restore EF1002
        }

        await db.Database.MigrateAsync(TestContext.Current.CancellationToken);

        db.ChangeTracker.Clear();
        var parts = await db.Set<EducationSection>().AsNoTracking()
            .Join(db.Newcomers, s => s.NewcomerId, n => n.Id, (s, n) => new { n.FamilyName, Part = s })
            .ToDictionaryAsync(p => p.FamilyName, p => p.Part, TestContext.Current.CancellationToken);
        var valued = Assert.Single(parts["Gewaardeerd"].Diplomas);
        Assert.Equal(("Bachelor Pedagogiek", "Syrië", EducationLevel.Bachelor), (valued.Name, valued.Country, valued.Level));
        Assert.Equal((DiplomaValuation.Valued, 6, "hbo-bachelor"), (valued.Valuation, valued.Nlqf, valued.Result));
        Assert.Equal(6, parts["Gewaardeerd"].HighestValuedNlqf);
        Assert.Equal(("Pedagogiek", EducationLevel.Bachelor, 12), (parts["Gewaardeerd"].Field, parts["Gewaardeerd"].HighestLevel, parts["Gewaardeerd"].Years));
        var applied = Assert.Single(parts["Aangevraagd"].Diplomas);
        Assert.Equal(("Master Wiskunde", DiplomaValuation.Applied), (applied.Name, applied.Valuation));
        Assert.Null(applied.Nlqf);
        Assert.Null(applied.Result);
        Assert.Null(parts["Aangevraagd"].HighestValuedNlqf);
        var school = Assert.Single(parts["School"].Diplomas);
        Assert.Equal(("Diploma", DiplomaValuation.NotNeeded, EducationLevel.UpperSecondary), (school.Name, school.Valuation, school.Level));
        Assert.Empty(parts["Zonder"].Diplomas);
    }

    private static AppDbContext Open(TestDatabase database, CurrentUser user) => database.Provider == "Postgres"
        ? new PostgresAppDbContext(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql(database.ConnectionString).UseIdentityOfTheApp().Options,
            user, TimeProvider.System, DataChangeNotifier.Nobody, AuditKey.NewRandom())
        : new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite(database.ConnectionString).UseIdentityOfTheApp().Options,
            user, TimeProvider.System, DataChangeNotifier.Nobody, AuditKey.NewRandom());
}
