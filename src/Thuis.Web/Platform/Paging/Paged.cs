namespace Thuis.Web.Platform.Paging;

/// <summary>One page of a long list: its rows, how many there are in all, which page this is and how many pages there are.</summary>
public sealed record Paged<T>(IReadOnlyList<T> Rows, int Total, int Page, int Pages);

/// <summary>Long lists are shown a page of 25 at a time; a page number beyond the last shows the last page, one below the first the first.</summary>
public static class Paging
{
    public const int PageSize = 25;

    /// <summary>The page <paramref name="page"/> of a list already in memory.</summary>
    public static Paged<T> Of<T>(IReadOnlyCollection<T> all, int page)
    {
        var (number, pages) = Clamp(all.Count, page);
        return new Paged<T>([.. all.Skip((number - 1) * PageSize).Take(PageSize)], all.Count, number, pages);
    }

    /// <summary>The page to show of <paramref name="total"/> rows, and how many pages there are (at least one).</summary>
    public static (int Page, int Pages) Clamp(int total, int page)
    {
        var pages = Math.Max(1, (total + PageSize - 1) / PageSize);
        return (Math.Clamp(page, 1, pages), pages);
    }
}
