namespace Thuis.Web.Features.Intake;

public static class IntakeSetup
{
    public static void AddIntake(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<LoadIntakeSection>();
        builder.Services.AddScoped<SaveIntakeSection>();
    }
}
