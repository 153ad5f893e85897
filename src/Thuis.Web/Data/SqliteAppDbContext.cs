using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Thuis.Web.Platform.Security;

namespace Thuis.Web.Data;

/// <summary>The embedded database: one file, no server. Has its own migrations in Migrations/Sqlite.</summary>
public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options, CurrentUser currentUser, TimeProvider clock)
    : AppDbContext(options, currentUser, clock);

/// <summary>PostgreSQL for municipalities that run Thuis on a server. Migrations in Migrations/Postgres.</summary>
public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options, CurrentUser currentUser, TimeProvider clock)
    : AppDbContext(options, currentUser, clock);

internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteAppDbContext>
{
    public SqliteAppDbContext CreateDbContext(string[] args) => new(
        new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite("Data Source=design.db").Options,
        new CurrentUser(new HttpContextAccessor()), TimeProvider.System);
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresAppDbContext>
{
    public PostgresAppDbContext CreateDbContext(string[] args) => new(
        new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql("Host=localhost;Database=thuis_design").Options,
        new CurrentUser(new HttpContextAccessor()), TimeProvider.System);
}
