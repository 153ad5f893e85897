using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Features.Dossiers;
using Thuis.Web.Features.Milestones;
using Thuis.Web.Features.Plans;
using Thuis.Web.Features.Trajectories;
using Thuis.Web.Platform.Localization;

namespace Thuis.Web.Features.Transfers;

/// <summary>One newcomer's whole dossier, as a transfer file and the person's own download hold it.</summary>
public sealed record DossierContents(
    Newcomer Newcomer,
    PersonDetails Person,
    LegalFrame LegalFrame,
    IReadOnlyDictionary<string, JsonObject> Intake,
    IReadOnlyList<TransferPlan> Plans,
    TransferSettling? Settling,
    IReadOnlyList<TransferMilestone> Milestones,
    IReadOnlyList<PreviousLessons> Lessons,
    IReadOnlyList<PreviousProposal> Proposals,
    IReadOnlyList<TermChangeEntry>? TermChanges);

/// <summary>
/// Reads one newcomer's whole dossier — details, legal frame, intake, every plan version, settling, milestones,
/// lessons and proposals — with the purpose in the audit trail. Health (personal circumstances) only when asked.
/// The warm hand-over writes it into the transfer file; the person downloads it as their own data.
/// </summary>
public sealed class ReadDossierContents(AppDbContext db, ViewPlan viewPlan, ViewMilestones viewMilestones, ViewNewcomerLessons viewLessons)
{
    public async Task<DossierContents?> HandleAsync(Guid newcomerId, bool includeHealth, string purpose, CancellationToken cancellationToken)
    {
        var newcomer = await ReadDossier.NewcomerAsync(db, newcomerId, nameof(Newcomer), purpose, cancellationToken);
        var plans = await viewPlan.HandleAsync(newcomerId, cancellationToken);
        var milestones = await viewMilestones.HandleAsync(newcomerId, cancellationToken);
        var lessons = await viewLessons.HandleAsync(newcomerId, cancellationToken);
        if (newcomer is null || plans is null || milestones is null || lessons is null)
        {
            return null;
        }

        var intake = new Dictionary<string, JsonObject>();
        foreach (var part in IntakeTransfer.All.Where(t => includeHealth || !t.Part.Restricted))
        {
            if (await part.ExportAsync(db, newcomerId, cancellationToken) is { } content)
            {
                intake[part.Part.Slug] = content;
            }
        }
        return new DossierContents(
            newcomer,
            new PersonDetails(newcomer.GivenNames, newcomer.FamilyName, newcomer.DateOfBirth, newcomer.Gender, newcomer.CountryOfOrigin,
                newcomer.Nationality, newcomer.Phone, newcomer.Email, newcomer.PreferredLanguage, newcomer.InterpreterNeeded, newcomer.Bsn, newcomer.VNumber),
            new LegalFrame(newcomer.TargetGroup, newcomer.PermitDate, newcomer.RegistrationDate, newcomer.HousingDate,
                newcomer.Street, newcomer.HouseNumber, newcomer.Postcode, newcomer.City),
            intake,
            [.. plans.Versions.Select(PlanOf)],
            milestones.ChecklistUpdatedBy is { } updatedBy
                ? new TransferSettling([.. milestones.Settling.Select(r => new SettlingItem { Code = r.Definition.Code, Status = r.Status, DoneOn = r.DoneOn, DoneBy = r.DoneBy, Note = r.Note })],
                    updatedBy, milestones.ChecklistUpdatedAt!.Value)
                : null,
            [.. milestones.Milestones.Where(m => m.Kind != MilestoneKind.Settle && m.RecordedBy is not null)
                .Select(m => new TransferMilestone(m.Kind, m.Recorded, m.ReachedOn, m.Signs, m.Note, m.RecordedBy!, m.RecordedAt!.Value))],
            [.. lessons.Groups.Select(LessonsOf)],
            await ProposalsAsync(newcomerId, cancellationToken),
            plans.Deadlines.TermChanges);
    }

    private static TransferPlan PlanOf(IntegrationPlan plan) => new(
        plan.Number, plan.State, plan.Terms, plan.DecisionDate, plan.DraftedBy, plan.DraftedAt, plan.FixedBy, plan.FixedAt,
        [.. plan.Goals.OrderBy(g => g.Domain).Select(g => new TransferGoal(g.Domain, g.Description))],
        [.. plan.Steps.OrderBy(s => s.Position).Select(s => new TransferStep(s.Position, s.Domain, s.What, s.Owner, s.OwnerName, s.Due,
            s.LowThreshold, s.Offer, s.Status, s.StatusSince, s.DroppedReason))]);

    private static PreviousLessons LessonsOf(PersonGroup group) => new()
    {
        Group = group.Name,
        Kind = group.Kind.Dutch(),
        Provider = group.Provider,
        Since = group.Since,
        SessionsHeld = group.Progress.SessionsHeld,
        Present = group.Progress.Present,
        LessonsAttended = group.Progress.LessonsAttended,
        HoursAttended = group.Progress.HoursAttended,
        ExcusedAbsences = group.Progress.ExcusedAbsences,
        UnexcusedAbsences = group.Progress.UnexcusedAbsences,
        ThemesCovered = group.Progress.ThemesCovered.Count == 0 ? null : string.Join(", ", group.Progress.ThemesCovered.Select(t => t.Dutch())),
        Verdict = group.Progress.Verdict,
    };

    private async Task<List<PreviousProposal>> ProposalsAsync(Guid newcomerId, CancellationToken cancellationToken)
    {
        var rows = await db.Proposals.AsNoTracking().Where(p => p.NewcomerId == newcomerId)
            .Select(p => new
            {
                p.What,
                p.Kind,
                Organisation = db.Organisations.Where(o => o.Id == p.OrganisationId).Select(o => o.Name).FirstOrDefault(),
                p.ProposedAt,
                p.Answer,
                p.AnsweredOn,
                Referral = db.Referrals.Where(r => r.ProposalId == p.Id)
                    .Select(r => new { r.State, r.SentOn, r.StartedOn, r.EndedOn, r.Outcome }).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        // Ordered here: SQLite cannot order by a moment with its offset.
        return [.. rows.OrderBy(p => p.ProposedAt).Select(p => new PreviousProposal
        {
            What = p.What,
            Kind = p.Kind,
            Organisation = p.Organisation,
            ProposedOn = Today.DayInTheNetherlands(p.ProposedAt),
            Answer = p.Answer,
            AnsweredOn = p.AnsweredOn,
            ReferralState = p.Referral?.State,
            ReferralSentOn = p.Referral?.SentOn,
            ReferralStartedOn = p.Referral?.StartedOn,
            ReferralEndedOn = p.Referral?.EndedOn,
            Outcome = p.Referral?.Outcome,
        })];
    }

}
