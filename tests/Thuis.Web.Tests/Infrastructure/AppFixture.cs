namespace Thuis.Web.Tests.Infrastructure;

/// <summary>One running app and its test world, shared by the tests of a collection.</summary>
public sealed class AppFixture : IAsyncLifetime
{
    public ThuisAppFactory App { get; } = new();

    public TestWorld World { get; private set; } = default!;

    public async ValueTask InitializeAsync()
    {
        App.StartServer();
        World = await TestWorld.SeedAsync(App);
    }

    public async ValueTask DisposeAsync() => await App.DisposeAsync();

    public ThuisClient NewClient() => new(App);
}

[CollectionDefinition(Name)]
public sealed class AppCollection : ICollectionFixture<AppFixture>
{
    public const string Name = "Thuis app";
}
