using Microsoft.AspNetCore.Authorization;
using Thuis.Web.Platform.Security;

namespace Thuis.Web.Features.Work;

/// <summary>The road to work (M11): the CV Thuis makes from the intake, candidates per vacancy, applications and the job coach.</summary>
public static class WorkSetup
{
    public static string CvPath(Guid newcomerId) => $"/dossiers/{newcomerId}/cv";

    public static string CvEditPath(Guid newcomerId) => $"/dossiers/{newcomerId}/cv/bewerken";

    public static string CvFilePath(Guid newcomerId) => $"/dossiers/{newcomerId}/cv/bestand";

    public static string CandidatesPath(Guid offerId) => $"/sociale-kaart/aanbod/{offerId}/kandidaten";

    public static string ApplicationsPath(Guid newcomerId) => $"/dossiers/{newcomerId}/werk";

    public static string ApplicationPath(Guid newcomerId, Guid applicationId) => $"/dossiers/{newcomerId}/werk/sollicitaties/{applicationId}";

    public static string JobCoachPath(Guid newcomerId) => $"/dossiers/{newcomerId}/werk/jobcoach";

    public static void AddWork(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ViewCv>();
        builder.Services.AddScoped<EditCv>();
        builder.Services.AddScoped<FindCandidates>();
        builder.Services.AddScoped<ViewWork>();
        builder.Services.AddScoped<StartApplication>();
        builder.Services.AddScoped<RecordApplicationStep>();
        builder.Services.AddScoped<AssignJobCoach>();
    }

    /// <summary>The CV as a Word file; a page cannot answer with a file, so this is an endpoint of its own.</summary>
    public static void MapCvFile(this WebApplication app) =>
        app.MapGet("/dossiers/{NewcomerId:guid}/cv/bestand", async (Guid newcomerId, HttpContext context, ViewCv cvs, CancellationToken cancellationToken) =>
            {
                if (await cvs.DownloadAsync(newcomerId, cancellationToken) is not { } file)
                {
                    return Results.NotFound();
                }
                // Someone's CV: not kept by a shared cache or the browser's.
                context.Response.Headers.CacheControl = "private, no-store";
                return Results.File(file.Content, CvFile.ContentType, file.FileName);
            })
            .RequireAuthorization(new AuthorizeAttribute { Roles = Roles.DossierReaders });
}
