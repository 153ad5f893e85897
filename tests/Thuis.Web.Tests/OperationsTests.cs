using System.Net;
using Microsoft.Data.Sqlite;
using Npgsql;
using Thuis.Web.Tests.Infrastructure;

namespace Thuis.Web.Tests;

[Collection(AppCollection.Name)]
public sealed class OperationsTests(AppFixture fixture)
{
    [Fact]
    public async Task Liveness_and_readiness_answer_healthy_without_signing_in()
    {
        using var client = fixture.NewClient();

        using var live = await client.Http.GetAsync("/health/live");
        using var ready = await client.Http.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Readiness_reports_unhealthy_once_the_database_refuses_writes()
    {
        var fresh = TestDatabase.CreateFresh();
        await using var app = new ThuisAppFactory(settings: new Dictionary<string, string?>
        {
            // Fail fast instead of waiting the default 30 seconds for a lock, and never reuse a connection
            // opened before the database turned read-only.
            ["Database:ConnectionString"] = fresh.Provider == "Sqlite"
                ? fresh.ConnectionString + ";Default Timeout=2"
                : fresh.ConnectionString + ";Pooling=false",
        });
        using var client = new ThuisClient(app);
        using (var before = await client.Http.GetAsync("/health/ready"))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        await using var blocker = await RefuseWritesAsync(fresh);
        using var ready = await client.Http.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal("Unhealthy", await ready.Content.ReadAsStringAsync());
    }

    /// <summary>SQLite: another connection holds the write lock. PostgreSQL: the database is made read-only.</summary>
    private static async Task<System.Data.Common.DbConnection> RefuseWritesAsync(TestDatabase database)
    {
        if (database.Provider == "Sqlite")
        {
            var sqlite = new SqliteConnection(database.ConnectionString.Split(";Default Timeout")[0]);
            await sqlite.OpenAsync();
            await using var begin = sqlite.CreateCommand();
            begin.CommandText = "BEGIN EXCLUSIVE;";
            await begin.ExecuteNonQueryAsync();
            return sqlite;
        }
        var name = new NpgsqlConnectionStringBuilder(database.ConnectionString).Database;
        var postgres = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(database.ConnectionString) { Database = "postgres", Pooling = false }.ConnectionString);
        await postgres.OpenAsync();
        await using var alter = postgres.CreateCommand();
        alter.CommandText = $"ALTER DATABASE \"{name}\" SET default_transaction_read_only = on";
        await alter.ExecuteNonQueryAsync();
        return postgres;
    }

    [Fact]
    public async Task A_flood_of_sign_in_attempts_from_one_address_on_either_sign_in_page_gets_429()
    {
        await using var app = new ThuisAppFactory(settings: new Dictionary<string, string?> { ["SignIn:PermitPerMinutePerAddress"] = "10" });
        using var client = new ThuisClient(app);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 12; i++)
        {
            // The staff's sign-in page and the newcomer's own share one limit per address.
            using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Email"] = "iemand@dalfsen.test" });
            using var response = await client.Http.PostAsync(i % 2 == 0 ? "/account/inloggen" : "/mijn/aanmelden", form);
            statuses.Add(response.StatusCode);
        }

        Assert.All(statuses.Take(10), s => Assert.NotEqual(HttpStatusCode.TooManyRequests, s));
        Assert.All(statuses.Skip(10), s => Assert.Equal(HttpStatusCode.TooManyRequests, s));
        var signInPage = await client.GetAsync("/account/inloggen");
        Assert.Equal(HttpStatusCode.OK, signInPage.Status);
    }
}
