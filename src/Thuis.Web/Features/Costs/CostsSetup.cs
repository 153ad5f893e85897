using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Thuis.Web.Features.Reports;
using Thuis.Web.Platform.Localization;
using Thuis.Web.Platform.Security;

namespace Thuis.Web.Features.Costs;

/// <summary>What integration costs (M9): prices, the costs that follow from what happens, the budget and cost against result.</summary>
public static class CostsSetup
{
    public const string Path = "/begroting";
    public const string EditPath = "/begroting/bewerken";
    public const string CsvPath = "/begroting/export.csv";
    public const string XlsxPath = "/begroting/export.xlsx";

    public static string Address(int year) => string.Create(CultureInfo.InvariantCulture, $"{Path}?jaar={year}");

    public static string EditAddress(int year) => string.Create(CultureInfo.InvariantCulture, $"{EditPath}?jaar={year}");

    public static string CsvAddress(int year, string table) => string.Create(CultureInfo.InvariantCulture, $"{CsvPath}?jaar={year}&tabel={table}");

    public static string XlsxAddress(int year) => string.Create(CultureInfo.InvariantCulture, $"{XlsxPath}?jaar={year}");

    public static string FileName(BudgetView view, string what, string extension) =>
        string.Create(CultureInfo.InvariantCulture, $"begroting-{view.Year}-{what}-{view.Today:yyyy-MM-dd}.{extension}");

    public static void AddCosts(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<CostLines>();
        builder.Services.AddScoped<EditBudget>();
        builder.Services.AddScoped<ViewBudget>();
    }

    /// <summary>The budget's tables as CSV and as a workbook, the report's way (<see cref="ExportReport"/>).</summary>
    public static void MapBudgetExports(this WebApplication app)
    {
        app.MapGet(CsvPath, async (int? jaar, string? tabel, ViewBudget budgets, CancellationToken cancellationToken) =>
            {
                if (!BudgetTables.Keys.Contains(tabel) || jaar is not { } year
                    || await budgets.HandleAsync(year, "Begroting exporteren naar CSV", cancellationToken) is not { } view)
                {
                    return Results.NotFound();
                }
                var table = view.Tables.Single(t => t.Key == tabel);
                return Results.File(ExportReport.Csv(table), ExportReport.CsvType, FileName(view, table.Key, "csv"));
            })
            .RequireAuthorization(new AuthorizeAttribute { Roles = Roles.BudgetKeepers });
        app.MapGet(XlsxPath, async (int? jaar, ViewBudget budgets, TimeProvider clock, CancellationToken cancellationToken) =>
            {
                var year = jaar ?? clock.InTheNetherlands().Year;
                if (await budgets.HandleAsync(year, "Begroting exporteren naar Excel", cancellationToken) is not { } view)
                {
                    return Results.NotFound();
                }
                var subtitle = $"Begroting {view.Year}, stand {DutchFormat.Date(view.Today)}";
                return Results.File(ExportReport.Xlsx(subtitle, view.Tables), ExportReport.XlsxType, FileName(view, "alle-tabellen", "xlsx"));
            })
            .RequireAuthorization(new AuthorizeAttribute { Roles = Roles.BudgetKeepers });
    }
}
