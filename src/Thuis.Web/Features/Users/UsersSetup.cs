namespace Thuis.Web.Features.Users;

public static class UsersSetup
{
    public const string ListPath = "/beheer/gebruikers";

    public static void AddUsers(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ListUsers>();
        builder.Services.AddScoped<ShowUser>();
        builder.Services.AddScoped<InviteUser>();
        builder.Services.AddScoped<AcceptInvitation>();
        builder.Services.AddScoped<ChangeUserRole>();
        builder.Services.AddScoped<DeactivateUser>();
        builder.Services.AddScoped<ResetTwoFactor>();
    }
}
