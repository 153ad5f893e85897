using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Features.Dossiers;
using Thuis.Web.Platform.Localization;

namespace Thuis.Web.Features.Plans;

/// <summary>
/// The dates that govern one newcomer's plan on a given day: from the municipality's settings, the person's 18th
/// birthday and the first fixed plan's decision date. Only the first decision date counts for the term; a later
/// version does not move it. While the person is younger than 18 on that day there is no PIP or PVT deadline
/// (<see cref="PipDeadline"/> and <see cref="PvtStartDeadline"/> are null) and <see cref="DutyNote"/> says when the
/// duty starts.
/// </summary>
public sealed record NewcomerDeadlines(DateOnly? PipDeadline, DateOnly? PvtStartDeadline, DateOnly? FirstDecisionDate, DateOnly DutyStarts,
    bool UnderDutyAge)
{
    public DateOnly? TermStarts => FirstDecisionDate is { } d ? IntegrationLaw.TermStarts(d) : null;

    public DateOnly? TermLastDay => FirstDecisionDate is { } d ? IntegrationLaw.TermLastDay(d) : null;

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
        int pipWeeks = IntegrationLaw.DefaultPipWeeks, int pvtStartDays = IntegrationLaw.DefaultPvtStartDays)
    {
        var dutyStarts = IntegrationLaw.DutyStarts(born);
        if (IntegrationLaw.IsUnderDutyAge(born, today))
        {
            return new NewcomerDeadlines(null, null, firstDecision, dutyStarts, true);
        }
        return new NewcomerDeadlines(
            IntegrationLaw.PipDeadline(Later(registered, dutyStarts), pipWeeks),
            housed is { } h ? IntegrationLaw.PvtStartDeadline(Later(h, dutyStarts), pvtStartDays) : null,
            firstDecision, dutyStarts, false);
    }

    public static async Task<NewcomerDeadlines> ForAsync(AppDbContext db, Newcomer newcomer, DateOnly today, CancellationToken cancellationToken)
    {
        var settings = await db.Municipalities.Where(m => m.Id == newcomer.MunicipalityId)
            .Select(m => new { m.PipDeadlineWeeks, m.PvtStartDays }).SingleAsync(cancellationToken);
        var firstDecision = await db.IntegrationPlans.Where(p => p.NewcomerId == newcomer.Id && p.DecisionDate != null)
            .OrderBy(p => p.Number).Select(p => p.DecisionDate).FirstOrDefaultAsync(cancellationToken);
        return On(today, newcomer.DateOfBirth, newcomer.RegistrationDate, newcomer.HousingDate, firstDecision,
            settings.PipDeadlineWeeks, settings.PvtStartDays);
    }

    private static DateOnly Later(DateOnly a, DateOnly b) => a > b ? a : b;
}
