using Microsoft.Data.Sqlite;
using Thuis.Web.Tests.Infrastructure;

namespace Thuis.Web.Tests;

/// <summary>The embedded database holds people's data: only the account Thuis runs as may read it.</summary>
public sealed class DatabaseFileTests
{
    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task A_new_SQLite_database_and_its_folder_are_readable_by_the_owner_only()
    {
        var folder = Path.Combine(Path.GetTempPath(), "thuis-tests", $"rechten-{Guid.NewGuid():N}");
        var file = Path.Combine(folder, "thuis.db");
        await using var app = new ThuisAppFactory(settings: new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["Database:ConnectionString"] = $"Data Source={file}",
        });
        await TestWorld.SeedAsync(app);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(folder));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        foreach (var journal in Directory.EnumerateFiles(folder).Where(f => f != file))
        {
            Assert.Equal(UnixFileMode.None, File.GetUnixFileMode(journal) & (UnixFileMode.GroupRead | UnixFileMode.OtherRead));
        }
        SqliteConnection.ClearAllPools();
    }
}
