using Thuis.Web.Platform.Localization;

namespace Thuis.Web.Features.Milestones;

/// <summary>The Dutch words the milestone pages show for a standing, with the style that goes with it.</summary>
public static class MilestoneFormat
{
    public static string Dutch(this MilestoneStanding standing) => standing switch
    {
        MilestoneStanding.Reached => "bereikt",
        MilestoneStanding.Behind => "loopt achter",
        _ => "nog te gaan",
    };

    public static string Modifier(this MilestoneStanding standing) => standing switch
    {
        MilestoneStanding.Reached => "reached",
        MilestoneStanding.Behind => "behind",
        _ => "due",
    };

    public static string Dutch(this SettlingItemStatus status) => status switch
    {
        SettlingItemStatus.Done => "geregeld",
        SettlingItemStatus.NotApplicable => "niet van toepassing",
        _ => "open",
    };

    /// <summary>One sentence on where a milestone stands, for the timeline's list.</summary>
    public static string Summary(MilestoneLine line, SettlingProgress progress)
    {
        var standing = line.Standing switch
        {
            MilestoneStanding.Reached when line.ReachedOn is { } on && on > line.Target => $"bereikt op {DutchFormat.Date(on)}, later dan de streefdatum",
            MilestoneStanding.Reached => line.ReachedOn is { } on ? $"bereikt op {DutchFormat.Date(on)}" : "bereikt",
            MilestoneStanding.Behind when line.Recorded == MilestoneState.Behind => "loopt achter",
            MilestoneStanding.Behind => "loopt achter: de streefdatum is voorbij",
            _ => "nog te gaan",
        };
        return line.Kind == MilestoneKind.Settle ? $"{standing}; {progress.Done} van {progress.Total} geregeld" : standing;
    }
}
