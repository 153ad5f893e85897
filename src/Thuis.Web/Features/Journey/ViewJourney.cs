using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Features.Dossiers;
using Thuis.Web.Features.Intake;
using Thuis.Web.Features.Milestones;
using Thuis.Web.Features.Own;
using Thuis.Web.Features.Plans;
using Thuis.Web.Features.Referrals;
using Thuis.Web.Features.Signals;
using Thuis.Web.Features.Trajectories;
using Thuis.Web.Features.Transfers;
using Thuis.Web.Platform.Localization;

namespace Thuis.Web.Features.Journey;

/// <summary>What a moment in someone's journey is about, so the page can show and filter by it.</summary>
public enum JourneyTopic
{
    Dossier,
    Intake,
    Plan,
    Lessons,
    Milestones,
    Proposals,
    /// <summary>What the person said themselves in their own Thuis.</summary>
    OwnVoice,
    Signals,
}

/// <summary>One thing that happened, on its day, in words, with where to read more.</summary>
public sealed record JourneyMoment(DateOnly On, JourneyTopic Topic, string Text, string? Href);

public sealed record JourneyView(Newcomer Newcomer, DateOnly Today, IReadOnlyList<JourneyMoment> Moments);

/// <summary>
/// Everything that happened in one person's dossier, in order: arrival, intake, plan versions and steps, lessons,
/// milestones, proposals, referrals, signals and transfers. Read for progress meetings and hand-overs; audited as a view.
/// Lessons are summarised per group (the first time present), not listed per session.
/// </summary>
public sealed class ViewJourney(AppDbContext db, TimeProvider clock)
{
    public async Task<JourneyView?> HandleAsync(Guid newcomerId, CancellationToken cancellationToken)
    {
        var n = await ReadDossier.NewcomerAsync(db, newcomerId, nameof(Newcomer), "Verloop bekijken", cancellationToken);
        if (n is null)
        {
            return null;
        }
        var dossier = $"/dossiers/{n.Id}";
        var moments = new List<JourneyMoment>();
        void Add(DateOnly? on, JourneyTopic topic, string text, string? href = null)
        {
            if (on is { } day)
            {
                moments.Add(new JourneyMoment(day, topic, text, href));
            }
        }

        Add(n.PermitDate, JourneyTopic.Dossier, "Verblijfsvergunning verleend");
        Add(n.RegistrationDate, JourneyTopic.Dossier, "Ingeschreven in de gemeente", dossier);
        Add(n.HousingDate, JourneyTopic.Dossier, "Gehuisvest", dossier);

        foreach (var mark in (await IntakePart.RecordedAsync(db, [n.Id], cancellationToken))[n.Id])
        {
            Add(Today.DayInTheNetherlands(mark.RecordedAt), JourneyTopic.Intake,
                $"Intake: {mark.Part.Title} {(mark.ByNewcomer ? "aangepast" : "vastgelegd")} door {mark.By}", $"{dossier}/intake/{mark.Part.Slug}");
        }

        var plans = await db.IntegrationPlans.AsNoTracking().Where(p => p.NewcomerId == n.Id)
            .Select(p => new { p.Id, p.Number, p.DraftedAt, p.DecisionDate }).ToListAsync(cancellationToken);
        foreach (var plan in plans)
        {
            Add(Today.DayInTheNetherlands(plan.DraftedAt), JourneyTopic.Plan, $"Plan versie {plan.Number} opgesteld", $"{dossier}/plan?versie={plan.Number}");
            Add(plan.DecisionDate, JourneyTopic.Plan, $"Plan versie {plan.Number} vastgesteld", $"{dossier}/plan?versie={plan.Number}");
        }
        var planIds = plans.Select(p => p.Id).ToList();
        var steps = await db.PlanSteps.AsNoTracking().Where(s => planIds.Contains(s.PlanId) && s.Status != StepStatus.Planned)
            .Select(s => new { s.What, s.Status, s.StatusSince }).ToListAsync(cancellationToken);
        // A step carried into a next plan version appears in both; its moment happened once.
        foreach (var step in steps.DistinctBy(s => (s.What, s.Status, s.StatusSince)))
        {
            Add(step.StatusSince, JourneyTopic.Plan, step.Status switch
            {
                StepStatus.Doing => $"Stap begonnen: {step.What}",
                StepStatus.Done => $"Stap gedaan: {step.What}",
                _ => $"Stap gestopt: {step.What}",
            }, $"{dossier}/plan");
        }

        var groups = await db.Enrolments.AsNoTracking().Where(e => e.NewcomerId == n.Id)
            .Join(db.CourseGroups, e => e.GroupId, g => g.Id, (e, g) => new { g.Id, g.Name, e.Since })
            .ToListAsync(cancellationToken);
        var firstPresent = await db.AttendanceRecords.AsNoTracking()
            .Where(a => a.NewcomerId == n.Id && a.Value == Attendance.Present)
            .Join(db.Sessions, a => a.SessionId, s => s.Id, (a, s) => new { s.GroupId, s.Date })
            .GroupBy(x => x.GroupId)
            .Select(g => new { Group = g.Key, First = g.Min(x => x.Date), Count = g.Count() })
            .ToListAsync(cancellationToken);
        foreach (var group in groups)
        {
            Add(group.Since, JourneyTopic.Lessons, $"Ingeschreven bij {group.Name}", $"{dossier}/lessen");
            if (firstPresent.FirstOrDefault(f => f.Group == group.Id) is { } present)
            {
                Add(present.First, JourneyTopic.Lessons,
                    $"Eerste keer aanwezig bij {group.Name} (tot nu toe {present.Count} {(present.Count == 1 ? "keer" : "keren")})", $"{dossier}/lessen");
            }
        }

        var milestones = await db.Milestones.AsNoTracking().Where(m => m.NewcomerId == n.Id && m.ReachedOn != null)
            .Select(m => new { m.Kind, m.ReachedOn }).ToListAsync(cancellationToken);
        foreach (var milestone in milestones)
        {
            Add(milestone.ReachedOn, JourneyTopic.Milestones, $"Mijlpaal bereikt: {milestone.Kind.Dutch()}", $"{dossier}/mijlpalen");
        }

        var proposals = await db.Proposals.AsNoTracking().Where(p => p.NewcomerId == n.Id)
            .Select(p => new { p.Id, p.What, p.ProposedAt, p.Answer, p.AnsweredOn, p.AnsweredBy, p.AnsweredThemselves }).ToListAsync(cancellationToken);
        foreach (var proposal in proposals)
        {
            var href = $"{dossier}/voorstellen/{proposal.Id}";
            Add(Today.DayInTheNetherlands(proposal.ProposedAt), JourneyTopic.Proposals, $"Voorgesteld: {proposal.What}", href);
            Add(proposal.AnsweredOn, JourneyTopic.Proposals,
                $"Antwoord op ‘{proposal.What}’: {proposal.Answer.Dutch()}{(proposal.AnsweredThemselves ? $" (door {proposal.AnsweredBy} zelf)" : "")}", href);
        }
        var withdrawals = await db.Consents.AsNoTracking().Where(c => c.NewcomerId == n.Id && c.WithdrawnOn != null)
            .Join(db.Proposals, c => c.ProposalId, p => p.Id, (c, p) => new { p.Id, p.What, c.WithdrawnOn, c.WithdrawnBy, c.WithdrawnThemselves })
            .ToListAsync(cancellationToken);
        foreach (var withdrawal in withdrawals)
        {
            Add(withdrawal.WithdrawnOn, JourneyTopic.Proposals,
                $"Toestemming voor ‘{withdrawal.What}’ ingetrokken{(withdrawal.WithdrawnThemselves ? $" (door {withdrawal.WithdrawnBy} zelf)" : "")}",
                $"{dossier}/voorstellen/{withdrawal.Id}");
        }
        var referrals = await db.Referrals.AsNoTracking().Where(r => r.NewcomerId == n.Id)
            .Join(db.Organisations, r => r.OrganisationId, o => o.Id, (r, o) => new { r.Id, r.State, r.SentOn, r.AnsweredOn, r.StartedOn, r.EndedOn, r.Outcome, Organisation = o.Name })
            .ToListAsync(cancellationToken);
        foreach (var referral in referrals)
        {
            var href = $"/verwijzingen/{referral.Id}";
            Add(referral.SentOn, JourneyTopic.Proposals, $"Verwijzing verstuurd naar {referral.Organisation}", href);
            Add(referral.AnsweredOn, JourneyTopic.Proposals,
                referral.State == ReferralState.Declined ? $"{referral.Organisation} wees de verwijzing af" : $"{referral.Organisation} nam de verwijzing aan", href);
            Add(referral.StartedOn, JourneyTopic.Proposals, $"Gestart bij {referral.Organisation}", href);
            Add(referral.EndedOn, JourneyTopic.Proposals, $"Beëindigd bij {referral.Organisation}{(referral.Outcome is { } o ? $": {o.Dutch()}" : "")}", href);
        }

        foreach (var answer in await FeedbackLine.ReadAsync(db, n.Id, cancellationToken))
        {
            Add(answer.AnsweredOn, JourneyTopic.OwnVoice,
                $"{n.GivenNames} zegt {FeedbackWords.Moment(answer.Moment)} over ‘{answer.What}’: {FeedbackWords.Face(answer.Face)}, doorgaan: {FeedbackWords.Continue(answer.WantsToContinue)}"
                + (answer.Words is { } words ? $" — ‘{words}’" : ""), dossier);
        }

        var signals = await db.Signals.AsNoTracking().Where(s => s.NewcomerId == n.Id)
            .Select(s => new { s.Id, s.Kind, s.RaisedOn, s.Reason, s.State, s.EscalatedTo, s.HandledOn, s.Note, s.ClosedOn }).ToListAsync(cancellationToken);
        foreach (var signal in signals)
        {
            var href = $"/signalen/{signal.Id}";
            Add(signal.RaisedOn, JourneyTopic.Signals, $"Signaal ({signal.Kind.Dutch()}): {signal.Reason}", href);
            Add(signal.State == SignalState.Escalated ? signal.HandledOn : null, JourneyTopic.Signals,
                signal.EscalatedTo == EscalatedTo.Coordinator ? "Signaal doorgegeven aan de coördinator" : "Signaal doorgegeven voor professionele hulp", href);
            Add(signal.ClosedOn, JourneyTopic.Signals, signal.State == SignalState.Resolved
                ? $"Signaal afgehandeld: {signal.Note}"
                : $"Signaal vervallen: de oorzaak is weg ({signal.Kind.Dutch()})", href);
        }

        var transfers = await db.Transfers.AsNoTracking().Where(t => t.NewcomerId == n.Id)
            .Select(t => new { t.Direction, t.OtherMunicipalityName, t.MovingDate }).ToListAsync(cancellationToken);
        foreach (var transfer in transfers)
        {
            Add(transfer.MovingDate, JourneyTopic.Dossier, transfer.Direction == TransferDirection.Outgoing
                ? $"Verhuisd naar {transfer.OtherMunicipalityName}; dossier overgedragen"
                : $"Verhuisd uit {transfer.OtherMunicipalityName}; dossier ontvangen", dossier);
        }

        // Oldest first, as the story goes; on one day, in the order of the dossier (arrival, intake, plan, ...).
        return new JourneyView(n, clock.InTheNetherlands(), [.. moments.OrderBy(m => m.On).ThenBy(m => m.Topic)]);
    }
}
