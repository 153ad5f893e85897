namespace Thuis.Web.Tests.Infrastructure;

public static class ReportTablePage
{
    /// <summary>The rows of one report table on a page (<c>data-testid="tabel-{key}"</c>), by row label, as the page writes the values.</summary>
    public static Dictionary<string, string[]> Table(ThuisClient.Page page, string key)
    {
        var table = page.Document.QuerySelector($"[data-testid='tabel-{key}']") ?? throw new InvalidOperationException($"Geen tabel {key}.");
        return table.QuerySelectorAll("tbody tr").Where(r => r.QuerySelector("th") is not null)
            .ToDictionary(r => r.QuerySelector("th")!.TextContent.Trim(), r => r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToArray());
    }
}
