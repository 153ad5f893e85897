using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Thuis.Web.Platform.Auditing;
using Thuis.Web.Platform.Changes;
using Thuis.Web.Platform.Security;

namespace Thuis.Web.Data;

/// <summary>The embedded database: one file, no server. Has its own migrations in Migrations/Sqlite.</summary>
public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options, CurrentUser currentUser, TimeProvider clock, DataChangeNotifier notifier,
    AuditKey auditKey)
    : AppDbContext(options, currentUser, clock, notifier, auditKey);

/// <summary>PostgreSQL for municipalities that run Thuis on a server. Migrations in Migrations/Postgres.</summary>
public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options, CurrentUser currentUser, TimeProvider clock, DataChangeNotifier notifier,
    AuditKey auditKey)
    : AppDbContext(options, currentUser, clock, notifier, auditKey);

internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteAppDbContext>
{
    public SqliteAppDbContext CreateDbContext(string[] args) => new(
        new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite("Data Source=design.db").UseIdentityOfTheApp().Options,
        new CurrentUser(new HttpContextAccessor()), TimeProvider.System, DataChangeNotifier.Nobody, AuditKey.NewRandom());
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresAppDbContext>
{
    public PostgresAppDbContext CreateDbContext(string[] args) => new(
        new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql("Host=localhost;Database=thuis_design").UseIdentityOfTheApp().Options,
        new CurrentUser(new HttpContextAccessor()), TimeProvider.System, DataChangeNotifier.Nobody, AuditKey.NewRandom());
}

/// <summary>
/// Identity reads its schema version from the app's options, not from the context; every context that builds the
/// model outside the running app (the design-time factories that write migrations, the migration tests) is given the
/// same options here, so all build the running app's model.
/// </summary>
public static class IdentityModel
{
    /// <summary>Version 3: passwords, authenticator keys and passkeys.</summary>
    public static Version SchemaVersion => IdentitySchemaVersions.Version3;

    public static DbContextOptionsBuilder<T> UseIdentityOfTheApp<T>(this DbContextOptionsBuilder<T> options) where T : DbContext =>
        options.UseApplicationServiceProvider(new ServiceCollection()
            .Configure<IdentityOptions>(o => o.Stores.SchemaVersion = SchemaVersion)
            .BuildServiceProvider());
}
