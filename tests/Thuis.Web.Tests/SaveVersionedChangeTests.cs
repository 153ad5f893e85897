using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Thuis.Web.Data;
using Thuis.Web.Features.Milestones;
using Thuis.Web.Platform.Editing;
using Thuis.Web.Platform.Security;
using Thuis.Web.Tests.Infrastructure;

namespace Thuis.Web.Tests;

/// <summary>
/// Two people saving the same record at the same moment, interleaved by hand: each reads before the other writes, so the
/// database itself has to notice. The first save stays; the second is a conflict, on every database.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class SaveVersionedChangeTests(AppFixture fixture)
{
    private const string ChangedMeanwhile = "Iemand anders was u voor.";

    private async Task<Guid> NewcomerOfAAsync(string family)
    {
        await using var scope = Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var newcomer = People.Newcomer(fixture.World.A.Id, "Rania", family, new DateOnly(1990, 5, 5));
        db.Newcomers.Add(newcomer);
        await db.SaveChangesAsync();
        return newcomer.Id;
    }

    private AsyncServiceScope Scope()
    {
        var scope = fixture.App.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystemFor(fixture.World.A.Id);
        return scope;
    }

    [Fact]
    public async Task Two_people_changing_the_same_record_at_once_keep_the_first_save_and_the_second_gets_a_conflict()
    {
        var id = await NewcomerOfAAsync("Saleh");
        await using (var setUp = Scope())
        {
            var db = setUp.ServiceProvider.GetRequiredService<AppDbContext>();
            var created = await SaveVersionedChange.AddAsync(db, () => Checklist(id, "Karin"), Guid.Empty, ChangedMeanwhile, CancellationToken.None);
            Assert.True(created.IsSaved);
        }

        await using var first = Scope();
        await using var second = Scope();
        var firstDb = first.ServiceProvider.GetRequiredService<AppDbContext>();
        var secondDb = second.ServiceProvider.GetRequiredService<AppDbContext>();
        var firstRead = await firstDb.SettlingChecklists.SingleAsync(c => c.NewcomerId == id);
        var secondRead = await secondDb.SettlingChecklists.SingleAsync(c => c.NewcomerId == id);
        Assert.Equal(firstRead.Version, secondRead.Version);

        var saved = await SaveVersionedChange.HandleAsync(firstDb, firstRead, firstRead.Version,
            c => c.MarkUpdated("Karin", DateTimeOffset.UtcNow), ChangedMeanwhile, CancellationToken.None);
        var refused = await SaveVersionedChange.HandleAsync(secondDb, secondRead, secondRead.Version,
            c => c.MarkUpdated("Ahmed", DateTimeOffset.UtcNow), ChangedMeanwhile, CancellationToken.None);

        Assert.True(saved.IsSaved);
        Assert.Equal(OutcomeKind.Conflict, refused.Kind);
        Assert.Equal(ChangedMeanwhile, refused.Message);
        Assert.Empty(secondDb.ChangeTracker.Entries());
        Assert.Equal("Karin", await UpdatedByAsync(id));
    }

    [Fact]
    public async Task Two_people_adding_the_one_record_of_its_kind_at_once_keep_the_first_and_the_second_gets_a_conflict()
    {
        var id = await NewcomerOfAAsync("Hamdan");
        await using var first = Scope();
        await using var second = Scope();
        // Both loaded the form while there was no checklist yet: an empty version.
        var saved = await SaveVersionedChange.AddAsync(first.ServiceProvider.GetRequiredService<AppDbContext>(),
            () => Checklist(id, "Karin"), Guid.Empty, ChangedMeanwhile, CancellationToken.None);
        var secondDb = second.ServiceProvider.GetRequiredService<AppDbContext>();
        var refused = await SaveVersionedChange.AddAsync(secondDb, () => Checklist(id, "Ahmed"), Guid.Empty, ChangedMeanwhile, CancellationToken.None);

        Assert.True(saved.IsSaved);
        Assert.Equal(OutcomeKind.Conflict, refused.Kind);
        Assert.Empty(secondDb.ChangeTracker.Entries());
        Assert.Equal("Karin", await UpdatedByAsync(id));
    }

    [Fact]
    public async Task A_form_loaded_before_the_record_existed_gets_a_conflict_without_adding_anything()
    {
        var id = await NewcomerOfAAsync("Darwish");
        await using var scope = Scope();
        var made = false;
        var refused = await SaveVersionedChange.AddAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), () =>
        {
            made = true;
            return Checklist(id, "Karin");
        }, Guid.NewGuid(), ChangedMeanwhile, CancellationToken.None);

        Assert.Equal(OutcomeKind.Conflict, refused.Kind);
        Assert.False(made);
        Assert.Null(await UpdatedByAsync(id));
    }

    private SettlingChecklist Checklist(Guid newcomerId, string by)
    {
        var checklist = new SettlingChecklist(newcomerId, fixture.World.A.Id);
        checklist.MarkUpdated(by, DateTimeOffset.UtcNow);
        return checklist;
    }

    private async Task<string?> UpdatedByAsync(Guid newcomerId)
    {
        await using var scope = Scope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().SettlingChecklists
            .Where(c => c.NewcomerId == newcomerId).Select(c => c.UpdatedBy).SingleOrDefaultAsync();
    }
}
