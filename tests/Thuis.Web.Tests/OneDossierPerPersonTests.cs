using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Thuis.Web.Data;
using Thuis.Web.Platform.Security;
using Thuis.Web.Tests.Infrastructure;

namespace Thuis.Web.Tests;

[Collection(AppCollection.Name)]
public sealed class OneDossierPerPersonTests(AppFixture fixture)
{
    [Fact]
    public async Task The_database_refuses_a_second_dossier_with_the_same_BSN_in_a_municipality_but_not_in_another()
    {
        const string bsn = "999990007";
        await SaveAsync(fixture.World.A.Id, bsn);

        await Assert.ThrowsAsync<DbUpdateException>(() => SaveAsync(fixture.World.A.Id, bsn));
        await SaveAsync(fixture.World.B.Id, bsn);
        await SaveAsync(fixture.World.A.Id, null);
        await SaveAsync(fixture.World.A.Id, null);
    }

    private async Task SaveAsync(Guid municipalityId, string? bsn)
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystemFor(municipalityId);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.Newcomers.Add(People.Newcomer(municipalityId, "Ruta", "Kidane", new DateOnly(1999, 9, 9), bsn));
        await db.SaveChangesAsync();
    }
}
