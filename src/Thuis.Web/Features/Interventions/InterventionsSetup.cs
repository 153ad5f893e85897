namespace Thuis.Web.Features.Interventions;

public static class InterventionsSetup
{
    public static void AddInterventions(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<SearchInterventions>();
        builder.Services.AddScoped<ViewIntervention>();
        builder.Services.AddScoped<ChangeAvailability>();
        builder.Services.AddScoped<SocialMap.ICoverageSource, InterventionCoverage>();
        builder.Services.AddScoped<SaveIntervention>();
        builder.Services.AddScoped<LoadInterventionCatalogue>();
    }

    /// <summary>Brings the shared catalogue in line with the shipped file; on every environment, at every start.</summary>
    public static async Task LoadInterventionCatalogueAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<LoadInterventionCatalogue>()
            .HandleAsync(InterventionSeedFile.Shipped(), CancellationToken.None);
    }
}
