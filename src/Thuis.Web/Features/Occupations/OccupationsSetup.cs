namespace Thuis.Web.Features.Occupations;

public static class OccupationsSetup
{
    public static void AddOccupations(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<OccupationCatalogue>();
    }
}
