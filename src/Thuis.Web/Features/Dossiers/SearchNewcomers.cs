using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;

namespace Thuis.Web.Features.Dossiers;

public sealed record SearchHit(Guid Id, string Name, DateOnly DateOfBirth, string CountryOfOrigin, DossierStatus Status);

/// <summary>Finds people in the municipality by name, birth date (dd-mm-jjjj), BSN or V-number: first search, then register.</summary>
public sealed class SearchNewcomers(AppDbContext db)
{
    public async Task<List<SearchHit>> HandleAsync(string? query, CancellationToken cancellationToken)
    {
        var people = Filter(db.Newcomers.AsNoTracking(), query);
        if (people is null)
        {
            return [];
        }
        return await people
            .OrderBy(n => n.FamilyName).ThenBy(n => n.GivenNames)
            .Take(20)
            .Select(n => new SearchHit(n.Id, n.GivenNames + " " + n.FamilyName, n.DateOfBirth, n.CountryOfOrigin, n.Status))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Narrows a set of newcomers by the words of a search; null when there is nothing to search for.</summary>
    public static IQueryable<Newcomer>? Filter(IQueryable<Newcomer> people, string? query)
    {
        var words = (query ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (words.Length == 0)
        {
            return null;
        }
        foreach (var word in words)
        {
            var digits = word.Replace(".", "", StringComparison.Ordinal);
            if (digits.Length == 9 && digits.All(char.IsAsciiDigit))
            {
                people = people.Where(n => n.Bsn == digits);
            }
            else if (digits.Length == 10 && digits.All(char.IsAsciiDigit))
            {
                people = people.Where(n => n.VNumber == digits);
            }
            else if (DateOnly.TryParseExact(word, ["d-M-yyyy", "d/M/yyyy", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                people = people.Where(n => n.DateOfBirth == date);
            }
            else
            {
                var pattern = $"%{word.ToLowerInvariant().Replace("%", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal)}%";
                // Runs as SQL lower(): the same on SQLite and PostgreSQL, whatever the server's culture.
#pragma warning disable CA1304, CA1311
                people = people.Where(n => EF.Functions.Like(n.GivenNames.ToLower(), pattern) || EF.Functions.Like(n.FamilyName.ToLower(), pattern));
#pragma warning restore CA1304, CA1311
            }
        }
        return people;
    }
}
