namespace Thuis.Web.Features.Start;

public static class StartSetup
{
    public static void AddStart(this WebApplicationBuilder builder) => builder.Services.AddScoped<ShowStart>();
}
