using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Thuis.Web.Data;
using Thuis.Web.Features.Dossiers;
using Thuis.Web.Platform.Auditing;
using Thuis.Web.Platform.Security;
using Thuis.Web.Tests.Infrastructure;

namespace Thuis.Web.Tests;

[Collection(AppCollection.Name)]
public sealed class AuditTrailTests(AppFixture fixture)
{
    [Fact]
    public async Task Viewing_a_dossier_is_recorded_with_actor_role_municipality_object_result_origin_time_and_purpose()
    {
        var world = fixture.World;
        var email = await world.CreateUserAsync(world.A, Roles.CaseManager);
        var userId = await world.UserIdOfAsync(email);
        using var client = fixture.NewClient();
        await client.SignInOrFailAsync(email);

        var page = await client.GetAsync($"/dossiers/{world.A.NewcomerId}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(world.A.NewcomerName, page.Text, StringComparison.Ordinal);

        var entry = await SingleEntryAsync(userId, AuditAction.View);
        Assert.Equal(world.A.Id, entry.MunicipalityId);
        Assert.Equal(Roles.CaseManager, entry.ActorRoles);
        Assert.Equal(nameof(Newcomer), entry.ObjectType);
        Assert.Equal(world.A.NewcomerId.ToString(), entry.ObjectId);
        Assert.Equal(AuditResult.Success, entry.Result);
        Assert.Equal("127.0.0.1", entry.Origin);
        Assert.Equal(ViewDossier.Purpose, entry.Purpose);
        Assert.True(DateTimeOffset.UtcNow - entry.OccurredAt < TimeSpan.FromMinutes(1));
        Assert.Equal(64, entry.Hash.Length);
    }

    [Fact]
    public async Task An_attempt_to_open_another_municipalitys_dossier_is_recorded_as_not_found_in_the_users_own_trail()
    {
        var world = fixture.World;
        var email = await world.CreateUserAsync(world.A, Roles.CaseManager);
        var userId = await world.UserIdOfAsync(email);
        using var client = fixture.NewClient();
        await client.SignInOrFailAsync(email);

        var page = await client.GetAsync($"/dossiers/{world.B.NewcomerId}");

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        var entry = await SingleEntryAsync(userId, AuditAction.View);
        Assert.Equal(world.A.Id, entry.MunicipalityId);
        Assert.Equal(AuditResult.NotFound, entry.Result);
    }

    [Fact]
    public async Task Creating_a_newcomer_is_recorded_in_the_same_save_as_the_change()
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystemFor(fixture.World.A.Id);
        var newcomer = People.Newcomer(fixture.World.A.Id, "Layla", "Mansour", new DateOnly(1995, 2, 2), null);
        db.Newcomers.Add(newcomer);

        await db.SaveChangesAsync();

        var entry = await db.AuditEntries.SingleAsync(a => a.ObjectId == newcomer.Id.ToString());
        Assert.Equal(AuditAction.Create, entry.Action);
        Assert.Equal(CurrentUser.SystemActor, entry.ActorId);
    }

    [Fact]
    public async Task The_audit_trail_cannot_be_changed_through_the_application()
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystemFor(fixture.World.A.Id);
        var entry = await db.AuditEntries.OrderBy(a => a.Sequence).FirstAsync();

        db.AuditEntries.Remove(entry);

        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task The_chain_check_finds_an_intact_trail_and_then_the_entry_someone_edited_in_the_database()
    {
        await using var app = new ThuisAppFactory();
        var world = await ViewDossierThreeTimesAsync(app);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var intact = await AuditTampering.VerifyAsync(app, world.A.Id);
        Assert.True(intact.IsIntact);
        Assert.True(intact.EntriesChecked >= 4);

        var second = await db.AuditEntries.IgnoreQueryFilters()
            .Where(a => a.MunicipalityId == world.A.Id && a.Sequence == 2).SingleAsync();
        await db.AuditEntries.IgnoreQueryFilters().Where(a => a.Id == second.Id)
            .ExecuteUpdateAsync(set => set.SetProperty(a => a.Purpose, "iets anders"));

        var broken = await AuditTampering.VerifyAsync(app, world.A.Id);
        Assert.False(broken.IsIntact);
        Assert.Equal(2, broken.FirstBrokenSequence);

        var otherMunicipality = await AuditTampering.VerifyAsync(app, world.B.Id);
        Assert.True(otherMunicipality.IsIntact);
    }

    [Fact]
    public async Task Removing_an_entry_from_the_middle_of_the_trail_is_detected()
    {
        await using var app = new ThuisAppFactory();
        var world = await ViewDossierThreeTimesAsync(app);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.AuditEntries.IgnoreQueryFilters().Where(a => a.MunicipalityId == world.A.Id && a.Sequence == 3).ExecuteDeleteAsync();

        var report = await AuditTampering.VerifyAsync(app, world.A.Id);
        Assert.Equal(3, report.FirstBrokenSequence);
    }

    /// <summary>A fresh app whose municipality A has a trail of several entries: its setup and three dossier views.</summary>
    private static async Task<TestWorld> ViewDossierThreeTimesAsync(ThuisAppFactory app)
    {
        var world = await TestWorld.SeedAsync(app);
        using var client = new ThuisClient(app);
        await client.SignInOrFailAsync(await world.CreateUserAsync(world.A, Roles.CaseManager));
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/dossiers/{world.A.NewcomerId}")).Status);
        }
        return world;
    }

    private async Task<AuditEntry> SingleEntryAsync(string actorId, AuditAction action)
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.AuditEntries.IgnoreQueryFilters().AsNoTracking().SingleAsync(a => a.ActorId == actorId && a.Action == action);
    }
}
