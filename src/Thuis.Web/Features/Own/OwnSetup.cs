using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Platform.Security;

namespace Thuis.Web.Features.Own;

/// <summary>Fixed texts of the newcomer's own pages: Dutch in OwnTexts.resx, English in OwnTexts.en.resx.</summary>
public sealed class OwnTexts;

public static class OwnSetup
{
    public const string StartPath = "/mijn";

    public static void AddOwnThuis(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<InviteToOwnThuis>();
        services.AddScoped<RevokeOwnAccess>();
        services.AddScoped<ActivateOwnAccess>();
        services.AddScoped<ViewOwnPlan>();
        services.AddScoped<ReportOwnStep>();
        services.AddScoped<ListOwnFeedbackQuestions>();
        services.AddScoped<AnswerOwnFeedback>();
        services.AddScoped<EditOwnWishes>();
        services.PostConfigure<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme, o =>
        {
            var signedIn = o.Events.OnSignedIn;
            o.Events.OnSignedIn = async context =>
            {
                await signedIn(context);
                // The case manager sees when a person last used their own Thuis; staff sign-ins are not kept.
                if (context.Principal?.FindFirst(ThuisClaims.NewcomerId) is not null
                    && context.Principal.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value is { } userId)
                {
                    var clock = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>();
                    var now = clock.GetUtcNow();
                    await context.HttpContext.RequestServices.GetRequiredService<AppDbContext>().Users.Where(u => u.Id == userId)
                        .ExecuteUpdateAsync(u => u.SetProperty(x => x.LastSignInAt, now));
                }
            };
        });
    }

    /// <summary>A newcomer who opens the start address lands on their own start page, not on the staff's.</summary>
    public static void UseOwnStartForNewcomers(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            if (context.Request.Path == "/" && HttpMethods.IsGet(context.Request.Method)
                && context.User.IsInRole(Roles.Newcomer))
            {
                context.Response.Redirect(StartPath);
                return;
            }
            await next(context);
        });
    }
}
