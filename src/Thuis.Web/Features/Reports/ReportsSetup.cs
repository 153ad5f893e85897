using Microsoft.AspNetCore.Authorization;
using Thuis.Web.Platform.Security;

namespace Thuis.Web.Features.Reports;

public static class ReportsSetup
{
    public const string Path = "/rapportages";
    public const string XlsxPath = "/rapportages/export.xlsx";
    public const string CsvPath = "/rapportages/export.csv";

    /// <summary>
    /// The coordinator accounts for results and steers on them. The administrator (functioneel beheerder) sets the
    /// application up and does not follow newcomers, so the report is not theirs.
    /// </summary>
    public const string ReportReaders = Roles.Coordinator;

    public static string XlsxAddress(Cohort cohort) => $"{XlsxPath}?cohort={cohort.Key}";

    public static string CsvAddress(Cohort cohort, string table) => $"{CsvPath}?cohort={cohort.Key}&tabel={table}";

    public static void AddReports(this WebApplicationBuilder builder)
    {
        builder.Services.AddMemoryCache();
        builder.Services.AddSingleton<ReportCache>();
        builder.Services.AddScoped<BuildReport>();
        builder.Services.AddSingleton<CountReportsAtStart>();
        builder.Services.AddHostedService<CountReportsAtStart.AtStart>();
    }

    public static void MapReportExports(this WebApplication app)
    {
        app.MapGet(XlsxPath, async (string? cohort, BuildReport report, CancellationToken cancellationToken) =>
            {
                var figures = await report.HandleAsync(Cohort.Parse(cohort), "Rapportage exporteren naar Excel", cancellationToken);
                return Results.File(ExportReport.Xlsx(figures, ReportTables.All(figures)), ExportReport.XlsxType, ExportReport.FileName(figures, "alle-tabellen", "xlsx"));
            })
            .RequireAuthorization(new AuthorizeAttribute { Roles = ReportReaders });
        app.MapGet(CsvPath, async (string? cohort, string? tabel, BuildReport report, CancellationToken cancellationToken) =>
            {
                if (!ReportTables.Keys.Contains(tabel))
                {
                    return Results.NotFound();
                }
                var figures = await report.HandleAsync(Cohort.Parse(cohort), "Rapportage exporteren naar CSV", cancellationToken);
                var table = ReportTables.All(figures).Single(t => t.Key == tabel);
                return Results.File(ExportReport.Csv(table), ExportReport.CsvType, ExportReport.FileName(figures, table.Key, "csv"));
            })
            .RequireAuthorization(new AuthorizeAttribute { Roles = ReportReaders });
    }
}
