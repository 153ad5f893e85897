using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Thuis.Web.Data;
using Thuis.Web.Platform.Auditing;
using Thuis.Web.Platform.Changes;
using Thuis.Web.Platform.Security;
using Thuis.Web.Tests.Infrastructure;

namespace Thuis.Web.Tests;

[Collection(AppCollection.Name)]
public sealed class MigrationTests(AppFixture fixture)
{
    private static readonly CurrentUser Nobody = new(new HttpContextAccessor());

    [Fact]
    public void The_SQLite_migrations_cover_every_change_of_the_model()
    {
        using var db = new SqliteAppDbContext(
            new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite("Data Source=:memory:").UseIdentityOfTheApp().Options, Nobody, TimeProvider.System, DataChangeNotifier.Nobody, AuditKey.NewRandom());

        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(), "Het model is gewijzigd zonder SQLite-migratie: dotnet ef migrations add ... --context SqliteAppDbContext");
    }

    [Fact]
    public void The_PostgreSQL_migrations_cover_every_change_of_the_model()
    {
        using var db = new PostgresAppDbContext(
            new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql("Host=niet-gebruikt").UseIdentityOfTheApp().Options, Nobody, TimeProvider.System, DataChangeNotifier.Nobody, AuditKey.NewRandom());

        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(), "Het model is gewijzigd zonder PostgreSQL-migratie: dotnet ef migrations add ... --context PostgresAppDbContext");
    }

    [Fact]
    public async Task The_running_app_applied_every_migration_of_its_provider_at_start_up()
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        Assert.Equal(TestDatabase.UsesPostgres ? "Npgsql.EntityFrameworkCore.PostgreSQL" : "Microsoft.EntityFrameworkCore.Sqlite", db.Database.ProviderName);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
    }
}
