namespace Thuis.Web.Features.Plans;

public static class PlansSetup
{
    public static void AddPlans(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ViewPlan>();
        builder.Services.AddScoped<DraftPlan>();
        builder.Services.AddScoped<EditPlan>();
        builder.Services.AddScoped<FixPlan>();
        builder.Services.AddScoped<RecordStepProgress>();
        builder.Services.AddScoped<ChooseSteppingStones>();
        builder.Services.AddScoped<RecordTermChange>();
        builder.Services.AddScoped<ListPlans>();
        builder.Services.AddScoped<AddInterventionToPlan>();
        builder.Services.AddScoped<AddWorkStepToPlan>();
        builder.Services.AddScoped<ChooseEducationRoute>();
    }
}
