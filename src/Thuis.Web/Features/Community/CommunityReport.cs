using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Features.Reports;
using Thuis.Web.Features.Signals;
using Thuis.Web.Platform.Localization;
using Thuis.Web.Platform.Security;

namespace Thuis.Web.Features.Community;

/// <summary>
/// The reach of draagvlak activities as report tables (<see cref="ReportTable"/>), so the page, the CSV and the workbook
/// agree: per quarter, per neighbourhood, and the neighbourhoods with new people and no activity in the window. Only
/// activities that have taken place count; no person is named.
/// </summary>
public sealed record CommunityReportView(DateOnly Today, int Months, IReadOnlyList<ReportTable> Tables)
{
    public ReportTable Table(string key) => Tables.Single(t => t.Key == key);
}

public static class CommunityTables
{
    public const string PerQuarter = "bereik-per-kwartaal";
    public const string PerNeighbourhood = "bereik-per-buurt";
    public const string Quiet = "buurten-zonder-activiteit";

    public static IReadOnlyList<string> Keys { get; } = [PerQuarter, PerNeighbourhood, Quiet];

    /// <summary>"2026 K3".</summary>
    public static string Quarter(DateOnly date) => $"{date.Year} K{((date.Month - 1) / 3) + 1}";
}

/// <summary>Builds the reach report for the municipality of the signed-in user.</summary>
public sealed class ViewCommunityReport(AppDbContext db, CurrentUser currentUser, TimeProvider clock)
{
    private static readonly ReportColumn[] ReachColumns =
    [
        new("activiteiten", ValueKind.Count), new("rolmodelpresentaties", ValueKind.Count), new("bereikt (mensen)", ValueKind.Count),
        new("nieuwe vrijwilligers", ValueKind.Count), new("nieuw aanbod", ValueKind.Count),
    ];

    public async Task<CommunityReportView> HandleAsync(CancellationToken cancellationToken)
    {
        var today = clock.InTheNetherlands();
        var municipalityId = currentUser.MunicipalityId ?? throw new InvalidOperationException("Geen gemeente.");
        var months = await db.SignalSettings.AsNoTracking().Where(s => s.MunicipalityId == municipalityId)
            .Select(s => (int?)s.QuietNeighbourhoodMonths).FirstOrDefaultAsync(cancellationToken) ?? SignalSettings.DefaultQuietNeighbourhoodMonths;
        var held = await db.CommunityActivities.AsNoTracking().Where(a => a.Date <= today)
            .Select(a => new { a.Date, a.Kind, a.PostcodeArea, a.Neighbourhood, a.Reached, a.NewVolunteers, a.NewOffers }).ToListAsync(cancellationToken);

        static ReportRow Row(string label, IEnumerable<(CommunityActivityKind Kind, int? Reached, int? NewVolunteers, int? NewOffers)> rows)
        {
            var list = rows.ToList();
            return new ReportRow(label, [list.Count, list.Count(r => r.Kind == CommunityActivityKind.RoleModelPresentation),
                list.Sum(r => r.Reached ?? 0), list.Sum(r => r.NewVolunteers ?? 0), list.Sum(r => r.NewOffers ?? 0)]);
        }

        var perQuarter = held.GroupBy(a => (a.Date.Year, Quarter: (a.Date.Month - 1) / 3)).OrderBy(g => g.Key)
            .Select(g => Row(CommunityTables.Quarter(g.First().Date), g.Select(a => (a.Kind, a.Reached, a.NewVolunteers, a.NewOffers)))).ToList();
        var perNeighbourhood = held.GroupBy(a => a.PostcodeArea).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Row(CommunityWords.NeighbourhoodName(g.Key, g.OrderByDescending(a => a.Date).Select(a => a.Neighbourhood).FirstOrDefault(n => n is not null)),
                g.Select(a => (a.Kind, a.Reached, a.NewVolunteers, a.NewOffers)))).ToList();
        var quiet = (await QuietNeighbourhoods.FindAsync(db.Newcomers.AsNoTracking(), db.CommunityActivities.AsNoTracking(), today, months, cancellationToken))
            .GroupBy(q => q.PostcodeArea).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new ReportRow(g.Key, [g.Count(), g.First().LastActivity is { } last ? (today.DayNumber - last.DayNumber) : null])).ToList();

        return new CommunityReportView(today, months,
        [
            new(CommunityTables.PerQuarter, "Bereik per kwartaal", "Kwartaal", ReachColumns, perQuarter),
            new(CommunityTables.PerNeighbourhood, "Bereik per buurt (postcodegebied)", "Buurt", ReachColumns, perNeighbourhood),
            new(CommunityTables.Quiet, $"Buurten met nieuwe bewoners en geen activiteit in {months} maanden", "Postcodegebied",
                [new("nieuwe bewoners", ValueKind.Count), new("dagen sinds laatste activiteit", ValueKind.Days)], quiet),
        ]);
    }
}
