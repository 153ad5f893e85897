using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Features.Dossiers;

namespace Thuis.Web.Features.Plans;

/// <summary>
/// The dates that govern one newcomer's plan: from the municipality's settings and the first fixed plan's decision
/// date. Only the first decision date counts for the term; a later version does not move it.
/// </summary>
public sealed record NewcomerDeadlines(DateOnly PipDeadline, DateOnly? PvtStartDeadline, DateOnly? FirstDecisionDate)
{
    public DateOnly? TermStarts => FirstDecisionDate is { } d ? IntegrationLaw.TermStarts(d) : null;

    public DateOnly? TermLastDay => FirstDecisionDate is { } d ? IntegrationLaw.TermLastDay(d) : null;

    public DateOnly? RouteSwitchLastDay => FirstDecisionDate is { } d ? IntegrationLaw.RouteSwitchLastDay(d) : null;

    public static async Task<NewcomerDeadlines> ForAsync(AppDbContext db, Newcomer newcomer, CancellationToken cancellationToken)
    {
        var settings = await db.Municipalities.Where(m => m.Id == newcomer.MunicipalityId)
            .Select(m => new { m.PipDeadlineWeeks, m.PvtStartDays }).SingleAsync(cancellationToken);
        var firstDecision = await db.IntegrationPlans.Where(p => p.NewcomerId == newcomer.Id && p.DecisionDate != null)
            .OrderBy(p => p.Number).Select(p => p.DecisionDate).FirstOrDefaultAsync(cancellationToken);
        return new NewcomerDeadlines(
            IntegrationLaw.PipDeadline(newcomer.RegistrationDate, settings.PipDeadlineWeeks),
            newcomer.HousingDate is { } housed ? IntegrationLaw.PvtStartDeadline(housed, settings.PvtStartDays) : null,
            firstDecision);
    }
}
