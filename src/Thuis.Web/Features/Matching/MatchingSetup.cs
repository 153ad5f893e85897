namespace Thuis.Web.Features.Matching;

public static class MatchingSetup
{
    public static void AddMatching(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ReadMatchingPool>();
        builder.Services.AddScoped<ReadMatchingPeople>();
        builder.Services.AddScoped<SuggestOffers>();
        builder.Services.AddScoped<ProposeMatch>();
        builder.Services.AddScoped<RunCohort>();
        builder.Services.AddScoped<DecideCohortMatch>();
        builder.Services.AddScoped<ViewCohortRun>();
        builder.Services.AddScoped<WeighLoad>();
    }
}
