using Microsoft.AspNetCore.Authorization;
using Thuis.Web.Platform.Localization;
using Thuis.Web.Platform.Security;

namespace Thuis.Web.Features.Privacy;

/// <summary>A person's rights and the municipality's accountability: the data of one person for staff, the register.</summary>
public static class PrivacySetup
{
    public const string RegisterPath = "/privacy/verwerkingsregister";

    public static string PersonDataPage(Guid newcomerId) => $"/dossiers/{newcomerId}/inzage";

    public static string PersonDataFile(Guid newcomerId) => $"/dossiers/{newcomerId}/inzage/bestand";

    public static void AddPrivacy(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ExportPersonData>();
        builder.Services.AddScoped<ViewProcessingRegister>();
    }

    /// <summary>
    /// The person's data as a file for staff to hand over; a page cannot answer with a file. Reading it is a view with
    /// its purpose in the audit trail, like every dossier view; it changes nothing.
    /// </summary>
    public static void MapPersonDataExport(this WebApplication app) =>
        app.MapGet("/dossiers/{NewcomerId:guid}/inzage/bestand",
                async (Guid newcomerId, HttpContext context, ExportPersonData export, TimeProvider clock, CancellationToken cancellationToken) =>
                {
                    if (await export.HandleAsync(newcomerId, cancellationToken) is not { } file)
                    {
                        return Results.NotFound();
                    }
                    context.Response.Headers.CacheControl = "private, no-store";
                    return Results.File(file, "application/json", $"gegevens-{clock.InTheNetherlands():yyyy-MM-dd}.json");
                })
            .RequireAuthorization(new AuthorizeAttribute { Roles = Roles.DossierReaders });
}
