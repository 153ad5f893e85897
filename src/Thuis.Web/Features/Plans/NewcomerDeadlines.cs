using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Features.Dossiers;
using Thuis.Web.Platform.Localization;

namespace Thuis.Web.Features.Plans;

/// <summary>
/// The dates that govern one newcomer's plan on a given day: from the municipality's settings, the person's 18th
/// birthday, the first fixed plan's decision date and DUO's decisions that moved the term's end. Only the first
/// decision date counts for the term's start; a later version does not move it. While the person is younger than 18 on
/// that day there is no PIP or PVT deadline (<see cref="PipDeadline"/> and <see cref="PvtStartDeadline"/> are null) and
/// <see cref="DutyNote"/> says when the duty starts.
/// </summary>
public sealed record NewcomerDeadlines(DateOnly? PipDeadline, DateOnly? PvtStartDeadline, DateOnly? FirstDecisionDate, DateOnly DutyStarts,
    bool UnderDutyAge, IReadOnlyList<TermChangeEntry> TermChanges)
{
    public DateOnly? TermStarts => FirstDecisionDate is { } d ? IntegrationLaw.TermStarts(d) : null;

    /// <summary>The term's last day in force: as DUO last extended or renewed it, otherwise three years from the first plan.</summary>
    public DateOnly? TermLastDay => LatestTermChange?.NewLastDay ?? OriginalTermLastDay;

    /// <summary>The last day of the first three years, before any extension or new term.</summary>
    public DateOnly? OriginalTermLastDay => FirstDecisionDate is { } d ? IntegrationLaw.TermLastDay(d) : null;

    /// <summary>The decision in force, when DUO moved the term's end.</summary>
    public TermChangeEntry? LatestTermChange => FirstDecisionDate is null ? null : TermMove.InForce(TermChanges, c => (c.DecidedOn, c.RecordedAt));

    /// <summary>The term as pages show it: "21 juni 2026 tot en met 20 juni 2030 (verlengd door DUO; eerst tot en met 20 juni 2029)".</summary>
    public string? TermText => TermStarts is { } starts && TermLastDay is { } end
        ? $"{DutchFormat.Date(starts)} tot en met {DutchFormat.Date(end)}" + (LatestTermChange is { } latest
            ? $" ({(latest.Kind == TermChangeKind.Extension ? "verlengd" : "nieuwe termijn")} door DUO; eerst tot en met {DutchFormat.Date(OriginalTermLastDay!.Value)})"
            : "")
        : null;

    /// <summary>
    /// The last day of the term: the new last day of DUO's latest decision (by its decision date, then by when it was
    /// recorded), otherwise three years from the first plan's decision date.
    /// </summary>
    public static DateOnly LastDayInForce(DateOnly firstDecisionDate, IEnumerable<TermMove> changes) =>
        TermMove.InForce(changes.Select(c => (TermMove?)c), c => (c!.Value.DecidedOn, c.Value.RecordedAt))?.NewLastDay
            ?? IntegrationLaw.TermLastDay(firstDecisionDate);

    /// <summary>The term's last day in force for one person, or null before the first plan is fixed.</summary>
    public static async Task<DateOnly?> TermLastDayAsync(AppDbContext db, Guid newcomerId, DateOnly? firstDecisionDate, CancellationToken cancellationToken)
    {
        if (firstDecisionDate is not { } first)
        {
            return null;
        }
        var changes = await db.TermChanges.Where(t => t.NewcomerId == newcomerId)
            .Select(t => new TermMove(t.DecidedOn, t.RecordedAt, t.NewLastDay)).ToListAsync(cancellationToken);
        return LastDayInForce(first, changes);
    }

    public DateOnly? RouteSwitchLastDay => FirstDecisionDate is { } d ? IntegrationLaw.RouteSwitchLastDay(d) : null;

    /// <summary>The note shown where the deadlines would be, while the person is younger than 18; otherwise null.</summary>
    public string? DutyNote => UnderDutyAge
        ? $"De inburgeringsplicht begint op {DutchFormat.Date(DutyStarts)} (18e verjaardag); tot dan gelden geen termijnen voor PIP en PVT."
        : null;

    /// <summary>
    /// The deadlines on <paramref name="today"/>. Someone who turned 18 after registering or being housed has the
    /// PIP and PVT deadlines counted from the 18th birthday instead.
    /// </summary>
    public static NewcomerDeadlines On(DateOnly today, DateOnly born, DateOnly registered, DateOnly? housed, DateOnly? firstDecision,
        int pipWeeks = IntegrationLaw.DefaultPipWeeks, int pvtStartDays = IntegrationLaw.DefaultPvtStartDays,
        IReadOnlyList<TermChangeEntry>? termChanges = null)
    {
        var dutyStarts = IntegrationLaw.DutyStarts(born);
        termChanges ??= [];
        if (IntegrationLaw.IsUnderDutyAge(born, today))
        {
            return new NewcomerDeadlines(null, null, firstDecision, dutyStarts, true, termChanges);
        }
        return new NewcomerDeadlines(
            IntegrationLaw.PipDeadline(Later(registered, dutyStarts), pipWeeks),
            housed is { } h ? IntegrationLaw.PvtStartDeadline(Later(h, dutyStarts), pvtStartDays) : null,
            firstDecision, dutyStarts, false, termChanges);
    }

    public static async Task<NewcomerDeadlines> ForAsync(AppDbContext db, Newcomer newcomer, DateOnly today, CancellationToken cancellationToken)
    {
        var settings = await db.Municipalities.Where(m => m.Id == newcomer.MunicipalityId)
            .Select(m => new { m.PipDeadlineWeeks, m.PvtStartDays }).SingleAsync(cancellationToken);
        var firstDecision = await db.IntegrationPlans.Where(p => p.NewcomerId == newcomer.Id && p.DecisionDate != null)
            .OrderBy(p => p.Number).Select(p => p.DecisionDate).FirstOrDefaultAsync(cancellationToken);
        var changes = await db.TermChanges.AsNoTracking().Where(t => t.NewcomerId == newcomer.Id)
            .Select(t => new TermChangeEntry(t.Kind, t.DecidedOn, t.NewLastDay, t.Reason, t.ReasonText, t.DocumentReference, t.RecordedBy, t.RecordedAt))
            .ToListAsync(cancellationToken);
        return On(today, newcomer.DateOfBirth, newcomer.RegistrationDate, newcomer.HousingDate, firstDecision,
            settings.PipDeadlineWeeks, settings.PvtStartDays, [.. changes.OrderBy(c => (c.DecidedOn, c.RecordedAt))]);
    }

    private static DateOnly Later(DateOnly a, DateOnly b) => a > b ? a : b;
}
