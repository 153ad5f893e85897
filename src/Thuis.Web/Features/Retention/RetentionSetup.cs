namespace Thuis.Web.Features.Retention;

public static class RetentionSetup
{
    public const string Path = "/beheer/bewaren";

    public static void AddRetention(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ApplyRetention>();
        builder.Services.AddScoped<ListErasures>();
        builder.Services.AddScoped<RequestErasure>();
        builder.Services.AddScoped<DecideErasure>();
        builder.Services.AddHostedService<RetentionService>();
    }
}
