using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Thuis.Web.Features.Reports;
using Thuis.Web.Platform.Localization;
using Thuis.Web.Platform.Security;

namespace Thuis.Web.Features.Community;

/// <summary>Support in the community (M10): draagvlak activities, their role models with consent, and their reach.</summary>
public static class CommunitySetup
{
    /// <summary>Who plans activities: the coordinator and the volunteer coordinator, who keeps the role models and volunteers.</summary>
    public const string Planners = Roles.Coordinator + "," + Roles.VolunteerCoordinator;

    /// <summary>Who reads the calendar and the reach: the planners, and case managers who tell their people about it.</summary>
    public const string Readers = Planners + "," + Roles.CaseManager;

    /// <summary>Who records and withdraws a role model's consent: who knows the person (their case manager) and the coordinator.</summary>
    public const string ConsentKeepers = Roles.Coordinator + "," + Roles.CaseManager;

    public const string Path = "/draagvlak";
    public const string NewPath = "/draagvlak/nieuw";
    public const string RoleModelsPath = "/draagvlak/rolmodellen";
    public const string ReportPath = "/draagvlak/bereik";
    public const string CsvPath = "/draagvlak/bereik/export.csv";
    public const string XlsxPath = "/draagvlak/bereik/export.xlsx";

    public static string ActivityPath(Guid activityId) => $"/draagvlak/{activityId}";

    public static string EditPath(Guid activityId) => $"/draagvlak/{activityId}/bewerken";

    public static string DeletePath(Guid activityId) => $"/draagvlak/{activityId}/verwijderen";

    public static string WithdrawPath(Guid consentId) => $"/draagvlak/rolmodellen/{consentId}/intrekken";

    public static string CsvAddress(string table) => $"{CsvPath}?tabel={table}";

    public static string FileName(CommunityReportView view, string what, string extension) =>
        string.Create(CultureInfo.InvariantCulture, $"draagvlak-{what}-{view.Today:yyyy-MM-dd}.{extension}");

    public static void AddCommunity(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ListActivities>();
        builder.Services.AddScoped<PlanActivity>();
        builder.Services.AddScoped<RoleModels>();
        builder.Services.AddScoped<ViewCommunityReport>();
    }

    /// <summary>The reach tables as CSV and as a workbook, the report's way (<see cref="ExportReport"/>).</summary>
    public static void MapCommunityExports(this WebApplication app)
    {
        app.MapGet(CsvPath, async (string? tabel, ViewCommunityReport reports, CancellationToken cancellationToken) =>
            {
                if (!CommunityTables.Keys.Contains(tabel))
                {
                    return Results.NotFound();
                }
                var view = await reports.HandleAsync(cancellationToken);
                var table = view.Table(tabel!);
                return Results.File(ExportReport.Csv(table), ExportReport.CsvType, FileName(view, table.Key, "csv"));
            })
            .RequireAuthorization(new AuthorizeAttribute { Roles = Readers });
        app.MapGet(XlsxPath, async (ViewCommunityReport reports, CancellationToken cancellationToken) =>
            {
                var view = await reports.HandleAsync(cancellationToken);
                var subtitle = $"Draagvlakactiviteiten, stand {DutchFormat.Date(view.Today)}";
                return Results.File(ExportReport.Xlsx(subtitle, view.Tables), ExportReport.XlsxType, FileName(view, "alle-tabellen", "xlsx"));
            })
            .RequireAuthorization(new AuthorizeAttribute { Roles = Readers });
    }
}
