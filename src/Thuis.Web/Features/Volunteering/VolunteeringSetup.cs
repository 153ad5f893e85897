using Thuis.Web.Features.Signals;
using Thuis.Web.Platform.Security;

namespace Thuis.Web.Features.Volunteering;

/// <summary>
/// The volunteer's own view (issue 20): their matches, meetings, concerns and ending a match, under <c>/vrijwilliger</c>;
/// and the volunteer coordinator's invitation and view of the volunteers' work.
/// </summary>
public static class VolunteeringSetup
{
    public const string StartPath = "/vrijwilliger";

    public const string OverviewPath = "/vrijwilligers/inzet";

    /// <summary>Who opens the volunteers' work and the pairs gone quiet: who keeps the volunteers, and the coordinator.</summary>
    public const string OverviewReaders = Roles.Coordinator + "," + Roles.VolunteerCoordinator;

    public static string MatchPath(Guid proposalId) => $"/vrijwilliger/koppelingen/{proposalId}";

    public static string MeetingPath(Guid proposalId) => $"/vrijwilliger/koppelingen/{proposalId}/ontmoeting";

    public static string ConcernPath(Guid proposalId) => $"/vrijwilliger/koppelingen/{proposalId}/zorgen";

    public static string EndPath(Guid proposalId) => $"/vrijwilliger/koppelingen/{proposalId}/beeindigen";

    public static string InvitePath(Guid volunteerId) => $"/vrijwilligers/{volunteerId}/toegang";

    public static void AddVolunteering(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ViewOwnMatches>();
        builder.Services.AddScoped<ViewOwnMatch>();
        builder.Services.AddScoped<LogMeeting>();
        builder.Services.AddScoped<RaiseConcern>();
        builder.Services.AddScoped<EndMatch>();
        builder.Services.AddScoped<InviteVolunteer>();
        builder.Services.AddScoped<EndVolunteerAccess>();
        builder.Services.AddScoped<ViewVolunteering>();
        builder.Services.AddScoped<ISignalRule, VolunteerConcernRule>();
        builder.Services.AddScoped<ISignalRule, MatchGoneQuietRule>();
    }

    /// <summary>A volunteer who opens Thuis lands on their own matches, not on the staff's start page they may not open.</summary>
    public static void UseVolunteerStart(this WebApplication app) =>
        app.Use(async (context, next) =>
        {
            if (context.Request.Path == "/" && HttpMethods.IsGet(context.Request.Method) && context.User.IsInRole(Roles.Volunteer))
            {
                context.Response.Redirect(StartPath);
                return;
            }
            await next(context);
        });
}
