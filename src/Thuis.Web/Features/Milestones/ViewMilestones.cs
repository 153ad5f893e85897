using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Features.Dossiers;
using Thuis.Web.Features.Intake;
using Thuis.Web.Platform.Localization;

namespace Thuis.Web.Features.Milestones;

/// <summary>Where a milestone stands today: reached, still ahead (due), or behind.</summary>
public enum MilestoneStanding
{
    Due,
    Reached,
    Behind,
}

public sealed record MilestoneLine(
    MilestoneKind Kind, int TargetMonth, DateOnly Target, MilestoneStanding Standing, DateOnly? ReachedOn,
    MilestoneState Recorded, IReadOnlyList<string> Signs, string? Note, string? RecordedBy, DateTimeOffset? RecordedAt, Guid Version);

public sealed record MilestonesView(
    Guid NewcomerId, string Name, DateOnly Start, bool CountsFromHousing, DateOnly Today,
    IReadOnlyList<SettlingRow> Settling, SettlingProgress Progress, Guid ChecklistVersion, string? ChecklistUpdatedBy, DateTimeOffset? ChecklistUpdatedAt,
    IReadOnlyList<MilestoneLine> Milestones)
{
    /// <summary>Whole months since the start; negative while someone is still to be housed.</summary>
    public int MonthNow => MilestoneDates.MonthsSince(Start, Today);

    public MilestoneLine Line(MilestoneKind kind) => Milestones.Single(m => m.Kind == kind);
}

/// <summary>
/// Reads one newcomer's 18-month plan: the settling checklist with its progress, the recorded milestones
/// and where each stands today. Every attempt is audited, including one for a dossier the user may not see.
/// </summary>
public sealed class ViewMilestones(AppDbContext db, TimeProvider clock)
{
    public const string Purpose = "Mijlpalen en vestigen inzien voor begeleiding";

    public async Task<MilestonesView?> HandleAsync(Guid newcomerId, CancellationToken cancellationToken)
    {
        var newcomer = await ReadDossier.NewcomerAsync(db, newcomerId, nameof(Milestone), Purpose, cancellationToken);
        if (newcomer is null)
        {
            return null;
        }

        var today = clock.InTheNetherlands();
        var checklist = await db.SettlingChecklists.AsNoTracking().SingleOrDefaultAsync(c => c.NewcomerId == newcomerId, cancellationToken);
        var household = await db.Set<HouseholdSection>().AsNoTracking().SingleOrDefaultAsync(h => h.NewcomerId == newcomerId, cancellationToken);
        var recorded = await db.Milestones.AsNoTracking().Where(m => m.NewcomerId == newcomerId).ToListAsync(cancellationToken);

        var start = MilestoneDates.Start(newcomer.HousingDate, newcomer.RegistrationDate);
        var rows = SettlingProgress.Rows(checklist, HouseholdFacts.From(household), today);
        var progress = SettlingProgress.Of(rows);
        return new MilestonesView(newcomerId, $"{newcomer.GivenNames} {newcomer.FamilyName}", start, newcomer.HousingDate is not null, today,
            rows, progress, checklist?.Version ?? Guid.Empty, checklist?.UpdatedBy, checklist?.UpdatedAt, LinesOf(start, progress, recorded, today));
    }

    /// <summary>The three milestones in order, each with where it stands today; shared by the page and the signal rule.</summary>
    public static IReadOnlyList<MilestoneLine> LinesOf(DateOnly start, SettlingProgress progress, IReadOnlyCollection<Milestone> recorded, DateOnly today) =>
    [
        Settle(start, progress, today),
        Recorded(MilestoneKind.Integrate, start, recorded.SingleOrDefault(m => m.Kind == MilestoneKind.Integrate), today),
        Recorded(MilestoneKind.Participate, start, recorded.SingleOrDefault(m => m.Kind == MilestoneKind.Participate), today),
    ];

    /// <summary>Reached when recorded so; behind when recorded so or when the target date has passed; otherwise still due.</summary>
    public static MilestoneStanding StandingOf(bool reached, bool recordedBehind, DateOnly target, DateOnly today) =>
        reached ? MilestoneStanding.Reached
        : recordedBehind || today > target ? MilestoneStanding.Behind
        : MilestoneStanding.Due;

    private static MilestoneLine Settle(DateOnly start, SettlingProgress progress, DateOnly today)
    {
        var target = MilestoneDates.Target(start, MilestoneKind.Settle);
        return new MilestoneLine(MilestoneKind.Settle, MilestoneDates.SettleMonth, target,
            StandingOf(progress.Complete, false, target, today), progress.CompletedOn,
            progress.Complete ? MilestoneState.Reached : MilestoneState.NotYet, [], null, null, null, Guid.Empty);
    }

    private static MilestoneLine Recorded(MilestoneKind kind, DateOnly start, Milestone? milestone, DateOnly today)
    {
        var target = MilestoneDates.Target(start, kind);
        var state = milestone?.State ?? MilestoneState.NotYet;
        return new MilestoneLine(kind, MilestoneDates.TargetMonth(kind), target,
            StandingOf(state == MilestoneState.Reached, state == MilestoneState.Behind, target, today), milestone?.ReachedOn,
            state, milestone?.Signs ?? [], milestone?.Note, milestone?.RecordedBy, milestone?.RecordedAt, milestone?.Version ?? Guid.Empty);
    }
}
