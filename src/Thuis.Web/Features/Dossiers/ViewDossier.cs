using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Features.Intake;
using Thuis.Web.Features.Own;
using Thuis.Web.Features.Plans;
using Thuis.Web.Platform.Localization;

namespace Thuis.Web.Features.Dossiers;

/// <summary>Whether a part is recorded, by whom and when; <see cref="ByNewcomer"/> when the person wrote it themselves.</summary>
public sealed record PartStatus(IntakePart Part, bool Recorded, string? RecordedBy, DateTimeOffset? RecordedAt, bool ByNewcomer = false);

/// <summary>Where the plan being worked on stands, for the dossier at a glance.</summary>
public sealed record PlanSummary(int Number, PlanState State, DateOnly? DecisionDate, int OpenSteps, DateOnly? NextProgressMeeting);

/// <summary>A dossier at a glance; <c>Feedback</c> is what the person answered to "Hoe gaat het?" in their own Thuis, newest first.</summary>
public sealed record DossierView(Newcomer Newcomer, string? CaseManagerName, IReadOnlyList<PartStatus> Parts, NewcomerDeadlines Deadlines, PlanSummary? Plan, IntakeSummary Intake,
    IReadOnlyList<FeedbackLine> Feedback)
{
    public int PartsRecorded => Parts.Count(p => p.Recorded);
}

/// <summary>Opens one dossier at a glance, with the intake's completeness per part. Every attempt is audited, including one for a dossier the user may not see.</summary>
public sealed class ViewDossier(AppDbContext db, TimeProvider clock)
{
    public const string Purpose = "Dossier inzien voor begeleiding";

    public async Task<DossierView?> HandleAsync(Guid newcomerId, CancellationToken cancellationToken)
    {
        var newcomer = await ReadDossier.NewcomerAsync(db, newcomerId, nameof(Newcomer), Purpose, cancellationToken);
        if (newcomer is null)
        {
            return null;
        }

        var caseManager = newcomer.CaseManagerId is null ? null
            : await db.Users.Where(u => u.Id == newcomer.CaseManagerId).Select(u => u.DisplayName).SingleOrDefaultAsync(cancellationToken);
        var recorded = (await IntakePart.RecordedAsync(db, [newcomerId], cancellationToken))[newcomerId].ToDictionary(r => r.Part);
        var parts = IntakePart.All
            .Select(part => recorded.GetValueOrDefault(part) is { } mark
                ? new PartStatus(part, true, mark.By, mark.RecordedAt, mark.ByNewcomer)
                : new PartStatus(part, false, null, null))
            .ToList();
        var plan = await db.IntegrationPlans.Where(p => p.NewcomerId == newcomerId && p.State != PlanState.Superseded)
            .OrderByDescending(p => p.Number)
            .Select(p => new PlanSummary(p.Number, p.State, p.DecisionDate,
                p.Steps.Count(s => s.Status == StepStatus.Planned || s.Status == StepStatus.Doing), p.NextProgressMeeting))
            .FirstOrDefaultAsync(cancellationToken);
        return new DossierView(newcomer, caseManager, parts, await NewcomerDeadlines.ForAsync(db, newcomer, clock.InTheNetherlands(), cancellationToken), plan,
            await IntakeSummary.ReadAsync(db, newcomerId, cancellationToken), await FeedbackLine.ReadAsync(db, newcomerId, cancellationToken));
    }
}
