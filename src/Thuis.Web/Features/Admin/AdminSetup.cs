namespace Thuis.Web.Features.Admin;

public static class AdminSetup
{
    public static void AddAdministration(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ShowAdministration>();
        builder.Services.AddScoped<ChangeTwoFactorRequirement>();
        builder.Services.AddScoped<ChangeDeadlines>();
        builder.Services.AddScoped<ChangePvtPractice>();
    }
}
