using Microsoft.AspNetCore.Authorization;
using Thuis.Web.Data;
using Thuis.Web.Platform.Auditing;
using Thuis.Web.Platform.Files;

namespace Thuis.Web.Features.SocialMap;

public static class SocialMapSetup
{
    public const string OrganisationsExportPath = "/sociale-kaart/export/organisaties.csv";
    public const string OffersExportPath = "/sociale-kaart/export/aanbod.csv";
    public const string VolunteersExportPath = "/vrijwilligers/export.csv";

    public static void AddSocialMap(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ListOrganisations>();
        builder.Services.AddScoped<ViewOrganisation>();
        builder.Services.AddScoped<EditOrganisation>();
        builder.Services.AddScoped<ListOffers>();
        builder.Services.AddScoped<EditOffer>();
        builder.Services.AddScoped<ListVolunteers>();
        builder.Services.AddScoped<ViewVolunteer>();
        builder.Services.AddScoped<EditVolunteer>();
        builder.Services.AddScoped<ImportOrganisations>();
        builder.Services.AddScoped<ImportOffers>();
        builder.Services.AddScoped<ImportVolunteers>();
        builder.Services.AddScoped<ViewCoverage>();
        // The coverage view asks every source; the intervention guide adds its availability as another one.
        builder.Services.AddScoped<ICoverageSource, OfferCoverage>();
    }

    public static void MapSocialMapExports(this WebApplication app)
    {
        app.MapGet(OrganisationsExportPath, async (ImportOrganisations export, CancellationToken cancellationToken) =>
                Results.File(await export.ExportAsync(cancellationToken), CsvFile.ContentType, "organisaties.csv"))
            .RequireAuthorization(new AuthorizeAttribute { Roles = SocialMapRoles.MapReaders });
        app.MapGet(OffersExportPath, async (ImportOffers export, CancellationToken cancellationToken) =>
                Results.File(await export.ExportAsync(cancellationToken), CsvFile.ContentType, "aanbod.csv"))
            .RequireAuthorization(new AuthorizeAttribute { Roles = SocialMapRoles.MapReaders });
        app.MapGet(VolunteersExportPath, async (ImportVolunteers export, AppDbContext db, CancellationToken cancellationToken) =>
            {
                var file = await export.ExportAsync(cancellationToken);
                // A list of people leaves the application: that is recorded like viewing one of them.
                db.RecordAudit(AuditAction.View, nameof(Volunteer), "export", AuditResult.Success, "Vrijwilligers exporteren naar CSV");
                await db.SaveChangesAsync(cancellationToken);
                return Results.File(file, CsvFile.ContentType, "vrijwilligers.csv");
            })
            .RequireAuthorization(new AuthorizeAttribute { Roles = SocialMapRoles.VolunteerReaders });
    }
}
