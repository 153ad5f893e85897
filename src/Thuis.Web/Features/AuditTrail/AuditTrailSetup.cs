using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Thuis.Web.Platform.Files;
using Thuis.Web.Platform.Security;

namespace Thuis.Web.Features.AuditTrail;

public static class AuditTrailSetup
{
    public const string Path = "/audit";
    public const string ExportPath = "/audit/export.csv";

    public static void AddAuditTrail(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<SearchAuditTrail>();
        builder.Services.AddScoped<VerifyAuditTrail>();
    }

    public static void MapAuditTrailExport(this WebApplication app) =>
        app.MapGet(ExportPath, async (HttpRequest request, SearchAuditTrail search, CancellationToken cancellationToken) =>
            {
                var query = QueryFrom(request.Query["persoon"], request.Query["gebruiker"], request.Query["handeling"], request.Query["resultaat"],
                    request.Query["van"], request.Query["tot"], 1);
                return query.PeriodIsReversed
                    ? Results.BadRequest()
                    : Results.File(await search.ExportAsync(query, cancellationToken), CsvFile.ContentType, "audittrail.csv");
            })
            .RequireAuthorization(new AuthorizeAttribute { Roles = Roles.AuditReaders });

    /// <summary>The search as the address gives it; a date that cannot be read is left out (the page says so beside its field).</summary>
    public static AuditTrailQuery QueryFrom(string? person, string? user, string? action, string? result, string? from, string? to, int page) =>
        new(Clean(person), Clean(user), SearchAuditTrail.ParseAction(action), SearchAuditTrail.ParseResult(result), Day(from), Day(to), page);

    public static DateOnly? Day(string? value) =>
        DateOnly.TryParseExact(value?.Trim(), ["yyyy-MM-dd", "d-M-yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim()[..Math.Min(value.Trim().Length, 100)];
}
