using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Thuis.Web.Platform.Files;

namespace Thuis.Web.Features.Reports;

/// <summary>
/// Writes the report's tables as files. CSV the way Dutch Excel opens it without asking: UTF-8 with a byte order mark,
/// semicolons between fields and a decimal comma. The workbook has one sheet per table with real numbers in it.
/// </summary>
public static class ExportReport
{
    public const string CsvType = CsvFile.ContentType;
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static string FileName(ReportFigures figures, string what, string extension) =>
        string.Create(CultureInfo.InvariantCulture, $"rapportage-{what}-{figures.Cohort.Key}-{figures.Today:yyyy-MM-dd}.{extension}");

    /// <summary>One table as CSV: its row header and column titles, then a row per label with the figures as the page shows them.</summary>
    public static byte[] Csv(ReportTable table) =>
        CsvFile.Write([new CsvColumn(table.RowHeader), .. table.Columns.Select(c => new CsvColumn(c.Title, IsNumber: true))],
            table.Rows.Select(row => (IEnumerable<string>)[row.Label, .. row.Values.Select((v, i) => ReportTables.Format(v, table.Columns[i].Kind))]));

    public static byte[] Xlsx(ReportFigures figures, IReadOnlyList<ReportTable> tables) =>
        Xlsx(Capitalised(figures.Cohort.Dutch) + ", stand " + Platform.Localization.DutchFormat.Date(figures.Today), tables);

    /// <summary>Tables as a workbook, each sheet with its title and a line saying what and when it counts.</summary>
    public static byte[] Xlsx(string subtitle, IReadOnlyList<ReportTable> tables)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheets = workbook.Workbook.AppendChild(new Sheets());
            var number = 1U;
            foreach (var table in tables)
            {
                var part = workbook.AddNewPart<WorksheetPart>();
                var data = new SheetData();
                data.Append(TextRow(table.Title));
                data.Append(TextRow(subtitle));
                data.Append(TextRow([table.RowHeader, .. table.Columns.Select(c => c.Title)]));
                foreach (var row in table.Rows)
                {
                    var cells = new Row();
                    cells.Append(TextCell(row.Label));
                    foreach (var value in row.Values)
                    {
                        cells.Append(value is { } v
                            ? new Cell { DataType = CellValues.Number, CellValue = new CellValue(v.ToString("0.##########", CultureInfo.InvariantCulture)) }
                            : new Cell());
                    }
                    data.Append(cells);
                }
                part.Worksheet = new Worksheet(data);
                sheets.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = number++, Name = SheetName(table) });
            }
            workbook.Workbook.Save();
        }
        return stream.ToArray();
    }

    /// <summary>Excel allows 31 characters in a sheet name; the table keys are short and unique.</summary>
    public static string SheetName(ReportTable table) => table.Key.Length <= 31 ? table.Key : table.Key[..31];

    private static Row TextRow(params string[] values)
    {
        var row = new Row();
        foreach (var value in values)
        {
            row.Append(TextCell(value));
        }
        return row;
    }

    private static Cell TextCell(string value) => new() { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(value)) };

    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpper(text[0], CultureInfo.InvariantCulture) + text[1..];
}
