using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Features.Referrals;
using Thuis.Web.Features.Trajectories;
using Thuis.Web.Platform.Localization;

namespace Thuis.Web.Features.Costs;

/// <summary>Every cost of the municipality and everyone who took part, as of one day.</summary>
public sealed record CostPicture(IReadOnlyList<CostLine> Lines, IReadOnlyList<Participation> Participations, DateOnly Today);

/// <summary>
/// Computes the municipality's costs from what happened (decision 0034): the course groups' prices through enrolments
/// and attendance, interpreters and childcare through sessions, offers and interventions through referrals.
/// Only the current municipality's records are read: the tenancy filter holds.
/// </summary>
public sealed class CostLines(AppDbContext db, TimeProvider clock)
{
    public const string OwnProvider = "(geen aanbieder ingevuld)";

    public Task<CostPicture> HandleAsync(CancellationToken cancellationToken) => HandleAsync(clock.InTheNetherlands(), cancellationToken);

    public async Task<CostPicture> HandleAsync(DateOnly today, CancellationToken cancellationToken)
    {
        var lines = new List<CostLine>();
        var participations = new List<Participation>();
        await GroupsAsync(today, lines, participations, cancellationToken);
        await ReferralsAsync(today, lines, participations, cancellationToken);
        return new CostPicture(lines, participations, today);
    }

    public static CostCategory CategoryOf(CourseKind kind) => kind switch
    {
        CourseKind.Pvt => CostCategory.Pvt,
        CourseKind.Map => CostCategory.Map,
        _ => CostCategory.Lessons,
    };

    private async Task GroupsAsync(DateOnly today, List<CostLine> lines, List<Participation> participations, CancellationToken cancellationToken)
    {
        var groups = await db.CourseGroups.AsNoTracking()
            .Select(g => new { g.Id, g.Name, g.Kind, g.Provider, g.PricePerParticipant, g.InterpreterRatePerHour, g.ChildcarePerSession })
            .ToListAsync(cancellationToken);
        var enrolments = (await db.Enrolments.AsNoTracking().Select(e => new { e.GroupId, e.NewcomerId, e.Since }).ToListAsync(cancellationToken))
            .ToDictionary(e => (e.GroupId, e.NewcomerId), e => e.Since);
        var onList = await db.AttendanceRecords.AsNoTracking()
            .Join(db.Sessions, a => a.SessionId, s => s.Id, (a, s) => new { s.GroupId, a.NewcomerId, s.Date, a.Value })
            .ToListAsync(cancellationToken);
        var support = await db.Sessions.AsNoTracking()
            .Where(s => s.InterpreterHours != null || s.ChildcareArranged)
            .Select(s => new { s.GroupId, s.Date, s.InterpreterHours, s.ChildcareArranged })
            .ToListAsync(cancellationToken);
        var lists = onList.GroupBy(a => (a.GroupId, a.NewcomerId)).ToDictionary(g => g.Key, g => new
        {
            FirstPresent = g.Where(a => a.Value == Attendance.Present).Select(a => (DateOnly?)a.Date).Min(),
            Last = g.Max(a => a.Date),
        });

        foreach (var group in groups)
        {
            var source = "groep:" + group.Id;
            var organisation = group.Provider ?? OwnProvider;
            var category = CategoryOf(group.Kind);
            var people = enrolments.Keys.Where(k => k.GroupId == group.Id).Select(k => k.NewcomerId)
                .Union(lists.Keys.Where(k => k.GroupId == group.Id).Select(k => k.NewcomerId));
            foreach (var person in people)
            {
                var enrolled = enrolments.TryGetValue((group.Id, person), out var since);
                var list = lists.GetValueOrDefault((group.Id, person));
                var firstPresent = list?.FirstPresent;
                if (group.PricePerParticipant is { } price
                    && CostRules.Enrolment(enrolled ? since : firstPresent ?? today, firstPresent, enrolled, today) is { } cost)
                {
                    lines.Add(new CostLine(category, price, cost.CommittedOn, cost.SpentOn, person, organisation, source, group.Name));
                }
                if (firstPresent is { } started && started <= today)
                {
                    participations.Add(new Participation(source, group.Name, organisation, person, started,
                        CostRules.GroupGoingAtThreeMonths(started, enrolled, list?.Last, today)));
                }
            }
            foreach (var session in support.Where(s => s.GroupId == group.Id))
            {
                var spentOn = CostRules.SessionSpentOn(session.Date, today);
                if (session.InterpreterHours is { } hours && group.InterpreterRatePerHour is { } rate)
                {
                    lines.Add(new CostLine(CostCategory.Interpreter, Euros.Cents(hours * rate), session.Date, spentOn, null, organisation, source, group.Name));
                }
                if (session.ChildcareArranged && group.ChildcarePerSession is { } childcare)
                {
                    lines.Add(new CostLine(CostCategory.Childcare, childcare, session.Date, spentOn, null, organisation, source, group.Name));
                }
            }
        }
    }

    private async Task ReferralsAsync(DateOnly today, List<CostLine> lines, List<Participation> participations, CancellationToken cancellationToken)
    {
        var referrals = await db.Referrals.AsNoTracking()
            .Where(r => r.State == ReferralState.Accepted || r.State == ReferralState.Started || r.State == ReferralState.Ended)
            .Join(db.Proposals, r => r.ProposalId, p => p.Id, (r, p) => new
            {
                r.NewcomerId,
                r.OrganisationId,
                r.State,
                r.AnsweredOn,
                r.StartedOn,
                r.EndedOn,
                r.Outcome,
                r.What,
                p.Kind,
                p.TargetId,
            })
            .Where(r => r.Kind == TargetKind.Offer || r.Kind == TargetKind.Intervention)
            .ToListAsync(cancellationToken);
        if (referrals.Count == 0)
        {
            return;
        }
        var offers = await db.Offers.AsNoTracking().Select(o => new { o.Id, o.Title, o.Cost }).ToDictionaryAsync(o => o.Id, cancellationToken);
        var interventions = await db.Interventions.AsNoTracking().Select(i => new { i.Id, i.Name, i.CostPerParticipant }).ToDictionaryAsync(i => i.Id, cancellationToken);
        var here = await db.InterventionAvailabilities.AsNoTracking().Select(a => new { a.InterventionId, a.CostHere })
            .ToDictionaryAsync(a => a.InterventionId, a => a.CostHere, cancellationToken);
        var organisations = await db.Organisations.AsNoTracking().Select(o => new { o.Id, o.Name }).ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);

        foreach (var referral in referrals)
        {
            var organisation = organisations.GetValueOrDefault(referral.OrganisationId) ?? OwnProvider;
            var (category, source, name, cost) = referral switch
            {
                { Kind: TargetKind.Offer, TargetId: { } id } when offers.TryGetValue(id, out var offer) =>
                    (CostCategory.Offer, "aanbod:" + id, offer.Title, (decimal?)offer.Cost),
                { Kind: TargetKind.Intervention, TargetId: { } id } when interventions.TryGetValue(id, out var intervention) =>
                    (CostCategory.Intervention, "interventie:" + id, intervention.Name, here.GetValueOrDefault(id) ?? intervention.CostPerParticipant),
                _ => (CostCategory.Offer, "verwijzing:" + referral.What, referral.What, null),
            };
            if (cost is > 0 && CostRules.Referral(referral.State, referral.AnsweredOn, referral.StartedOn, today) is { } line)
            {
                lines.Add(new CostLine(category, cost.Value, line.CommittedOn, line.SpentOn, referral.NewcomerId, organisation, source, name));
            }
            if (referral.StartedOn is { } started && started <= today)
            {
                participations.Add(new Participation(source, name, organisation, referral.NewcomerId, started,
                    CostRules.ReferralGoingAtThreeMonths(started, referral.State, referral.EndedOn, referral.Outcome, today)));
            }
        }
    }
}
