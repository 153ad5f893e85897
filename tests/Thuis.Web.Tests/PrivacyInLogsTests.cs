using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Thuis.Web.Data;
using Thuis.Web.Platform.Security;
using Thuis.Web.Tests.Infrastructure;

namespace Thuis.Web.Tests;

public sealed class PrivacyInLogsTests
{
    [Fact]
    public async Task A_BSN_never_appears_in_the_audit_trail_or_the_application_logs()
    {
        const string bsn = "999990081";
        await using var app = new ThuisAppFactory(settings: new Dictionary<string, string?>
        {
            // Log everything the app and the database layer can say, so a leak has every chance to show.
            ["Logging:LogLevel:Default"] = "Debug",
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Debug",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Debug",
        });
        var world = await TestWorld.SeedAsync(app);
        Guid newcomerId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystemFor(world.A.Id);
            var newcomer = People.Newcomer(world.A.Id, "Nour", "Saleh", new DateOnly(1988, 8, 8), bsn);
            db.Newcomers.Add(newcomer);
            await db.SaveChangesAsync();
            newcomerId = newcomer.Id;
            db.Entry(newcomer).Property(n => n.FamilyName).CurrentValue = "Saleh-Haddad";
            await db.SaveChangesAsync();
        }
        var email = await world.CreateUserAsync(world.A, Roles.CaseManager);
        using var client = new ThuisClient(app);
        await client.SignInOrFailAsync(email);
        var page = await client.GetAsync($"/dossiers/{newcomerId}");
        Assert.Contains(bsn, page.Text, StringComparison.Ordinal);

        var logs = app.Logs.GetSnapshot();
        Assert.True(logs.Count > 50, "Er zijn te weinig logregels om iets te bewijzen.");
        Assert.DoesNotContain(logs, record => (record.Message + record.Exception).Contains(bsn, StringComparison.Ordinal));

        await using var check = app.Services.CreateAsyncScope();
        var entries = await check.ServiceProvider.GetRequiredService<AppDbContext>().AuditEntries.IgnoreQueryFilters().ToListAsync();
        Assert.Contains(entries, e => e.Details == "Gewijzigd: FamilyName");
        Assert.DoesNotContain(entries, e => string.Join('|', e.ActorId, e.ObjectId, e.Purpose, e.Details, e.Origin).Contains(bsn, StringComparison.Ordinal));
        Assert.DoesNotContain(entries, e => (e.Details ?? "").Contains("Saleh", StringComparison.Ordinal));
    }
}
