namespace Thuis.Web.Features.Journey;

public static class JourneySetup
{
    public static void AddJourney(this WebApplicationBuilder builder) => builder.Services.AddScoped<ViewJourney>();
}
