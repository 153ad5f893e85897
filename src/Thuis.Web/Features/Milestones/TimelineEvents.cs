using Thuis.Web.Platform.Localization;

namespace Thuis.Web.Features.Milestones;

/// <summary>One line of the timeline as read aloud: when, what, and how it stands.</summary>
public sealed record TimelineEvent(DateOnly Date, int Rank, string When, string What, string? Detail, string Modifier);

public static class TimelineEvents
{
    /// <summary>The start, the three milestones and today, in the order they fall.</summary>
    public static IReadOnlyList<TimelineEvent> Of(MilestonesView v)
    {
        var events = new List<TimelineEvent>
        {
            new(v.Start, 0, $"Maand 0 · {DutchFormat.Date(v.Start)}", v.CountsFromHousing ? "Gehuisvest" : "Ingeschreven in de gemeente", "start van het plan", "start"),
        };
        foreach (var line in v.Milestones)
        {
            events.Add(new TimelineEvent(line.Target, 1, $"Maand {line.TargetMonth} · {DutchFormat.Date(line.Target)}",
                line.Kind.Dutch(), MilestoneFormat.Summary(line, v.Progress), line.Standing.Modifier()));
        }
        var (when, detail) = v.MonthNow switch
        {
            < 0 => (DutchFormat.Date(v.Today), "het plan is nog niet begonnen"),
            > MilestoneDates.ParticipateMonth => (DutchFormat.Date(v.Today), $"maand {v.MonthNow}; de 18 maanden zijn voorbij"),
            _ => ($"Maand {v.MonthNow} · {DutchFormat.Date(v.Today)}", (string?)null),
        };
        events.Add(new TimelineEvent(v.Today, 2, when, "Vandaag", detail, "today"));
        return events.OrderBy(e => e.Date).ThenBy(e => e.Rank).ToList();
    }
}
