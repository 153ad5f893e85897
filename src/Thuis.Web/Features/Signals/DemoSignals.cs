namespace Thuis.Web.Features.Signals;

/// <summary>The demo's case managers start the day with signals: the rules run once over the freshly seeded people.</summary>
public static class DemoSignals
{
    public static async Task RaiseAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<EvaluateSignals>().RunOnceAsync(services.GetRequiredService<TimeProvider>().GetUtcNow());
    }
}
