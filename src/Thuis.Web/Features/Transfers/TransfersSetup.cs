using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Platform.Editing;
using Thuis.Web.Platform.Security;

namespace Thuis.Web.Features.Transfers;

public static class TransfersSetup
{
    public const string ReceivePath = "/dossiers/overdracht-ontvangen";

    public static string ExportPage(Guid newcomerId) => $"/dossiers/{newcomerId}/overdragen";

    public static string ExportFile(Guid newcomerId) => $"/dossiers/{newcomerId}/overdragen/bestand";

    public const string KeysPage = "/beheer/overdrachtssleutels";

    public const string OwnKeyFile = "/beheer/overdrachtssleutels/eigen-sleutel.pem";

    public static string RemoveKeyPage(Guid keyId) => $"/beheer/overdrachtssleutels/{keyId}/verwijderen";

    public static void AddTransfers(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ExportDossier>();
        builder.Services.AddScoped<ReadDossierContents>();
        builder.Services.AddScoped<ReceiveTransfer>();
        builder.Services.AddScoped<ListTransfers>();
        builder.Services.AddScoped<TransferSigning>();
        builder.Services.AddScoped<ShowTransferKeys>();
        builder.Services.AddScoped<MakeTransferKey>();
        builder.Services.AddScoped<RegisterTransferKey>();
        builder.Services.AddScoped<RemoveTransferKey>();
    }

    /// <summary>
    /// The download of the transfer file. A page cannot answer with a file, so the confirmation on the transfer page
    /// posts here; the choices are checked again, as anything posted is.
    /// </summary>
    public static void MapTransferExport(this WebApplication app)
    {
        var dossierReaders = new AuthorizeAttribute { Roles = Roles.DossierReaders };
        app.MapPost("/dossiers/{NewcomerId:guid}/overdragen/bestand",
                async (Guid newcomerId, [FromForm] TransferForm? form, ExportDossier export, CancellationToken cancellationToken) =>
                {
                    // A post without any of the form's fields binds no form at all: it is checked as an empty one.
                    var result = await export.HandleAsync(newcomerId, form ?? new TransferForm(), cancellationToken);
                    if (result.IsNotFound)
                    {
                        return Results.NotFound();
                    }
                    return result is { IsSaved: true, Value: { } download }
                        ? Results.File(download.File, "application/json", download.FileName)
                        // Only a form changed by hand gets here: the page checked the same rules before offering the button.
                        : Results.LocalRedirect(ExportPage(newcomerId) + (result.Kind == OutcomeKind.Conflict ? "?opnieuw=1" : ""));
                })
            .RequireAuthorization(dossierReaders);
        // Opening the address of the download (a bookmark, a reload) leads back to the page that asks before anything leaves.
        app.MapGet("/dossiers/{NewcomerId:guid}/overdragen/bestand",
                async (Guid newcomerId, AppDbContext db, CancellationToken cancellationToken) =>
                    await db.Newcomers.AnyAsync(n => n.Id == newcomerId, cancellationToken)
                        ? Results.LocalRedirect(ExportPage(newcomerId))
                        : Results.NotFound())
            .RequireAuthorization(dossierReaders);
        // The municipality's public key as a file to hand to other municipalities. Reading it never makes one.
        app.MapGet(OwnKeyFile,
                async (ShowTransferKeys show, CancellationToken cancellationToken) =>
                    await show.OwnPublicKeyFileAsync(cancellationToken) is { } file
                        ? Results.File(System.Text.Encoding.ASCII.GetBytes(file.Pem), "application/x-pem-file", file.FileName)
                        : Results.NotFound())
            .RequireAuthorization(new AuthorizeAttribute { Roles = Roles.Administrator });
    }
}
