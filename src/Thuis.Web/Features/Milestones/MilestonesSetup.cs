namespace Thuis.Web.Features.Milestones;

public static class MilestonesSetup
{
    public static void AddMilestones(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ViewMilestones>();
        builder.Services.AddScoped<UpdateSettlingChecklist>();
        builder.Services.AddScoped<RecordMilestones>();
    }
}
