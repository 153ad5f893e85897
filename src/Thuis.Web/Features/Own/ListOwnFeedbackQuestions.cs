using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Features.Dossiers;
using Thuis.Web.Features.Referrals;
using Thuis.Web.Platform.Localization;
using Thuis.Web.Platform.Security;

namespace Thuis.Web.Features.Own;

/// <summary>A question waiting for the person: how one activity goes, at one moment.</summary>
public sealed record OwnFeedbackQuestion(Guid ActivityId, string What, DateOnly StartedOn, FeedbackMoment Moment);

/// <summary>What the person said earlier, as they see it back.</summary>
public sealed record OwnFeedbackGiven(string What, FeedbackMoment Moment, int Face, WantsToContinue WantsToContinue, string? Words, DateOnly AnsweredOn);

public sealed record OwnFeedbackOverview(IReadOnlyList<OwnFeedbackQuestion> Waiting, IReadOnlyList<OwnFeedbackGiven> Given);

/// <summary>One of the person's own activities, the moment asked today (if any) and the moments already answered.</summary>
public sealed record OwnFeedbackActivity(OwnActivity Activity, FeedbackMoment? Asked, IReadOnlyList<FeedbackMoment> Answered);

/// <summary>
/// The questions "Hoe gaat het?" waiting for the signed-in newcomer, and what they answered before. The person is always
/// the account's own (<see cref="CurrentUser.NewcomerId"/>); an activity id in the address is looked up among their own
/// activities only, so another person's activity is simply not found.
/// </summary>
public sealed class ListOwnFeedbackQuestions(AppDbContext db, CurrentUser currentUser, TimeProvider clock)
{
    public async Task<OwnFeedbackOverview?> LoadAsync(CancellationToken cancellationToken)
    {
        if (currentUser.NewcomerId is not { } newcomerId
            || await OwnActivities.StatusAsync(db, newcomerId, cancellationToken) is not { } status)
        {
            return null;
        }
        var today = clock.InTheNetherlands();
        var answers = await OwnActivities.AnswersAsync(db, newcomerId, cancellationToken);
        var waiting = (await OwnActivities.ReadAsync(db, newcomerId, cancellationToken))
            .Select(a => (Activity: a, Asked: a.Asked(today, OwnActivities.AnsweredOf(answers, a.Id), status)))
            .Where(a => a.Asked is not null)
            .OrderBy(a => a.Activity.AskedFrom(a.Asked!.Value)).ThenBy(a => a.Activity.What, StringComparer.CurrentCulture)
            .Select(a => new OwnFeedbackQuestion(a.Activity.Id, a.Activity.What, a.Activity.StartedOn, a.Asked!.Value))
            .ToList();
        var given = answers.OrderByDescending(f => f.AnsweredAt)
            .Select(f => new OwnFeedbackGiven(f.What, f.Moment, f.Face, f.WantsToContinue, f.Words, f.AnsweredOn)).ToList();
        return new OwnFeedbackOverview(waiting, given);
    }

    /// <summary>One of the person's own running activities; null for any other, whoever's it is.</summary>
    public async Task<OwnFeedbackActivity?> LoadActivityAsync(Guid activityId, CancellationToken cancellationToken)
    {
        if (currentUser.NewcomerId is not { } newcomerId
            || await OwnActivities.StatusAsync(db, newcomerId, cancellationToken) is not { } status
            || (await OwnActivities.ReadAsync(db, newcomerId, cancellationToken)).FirstOrDefault(a => a.Id == activityId) is not { } activity)
        {
            return null;
        }
        var answered = OwnActivities.AnsweredOf(await OwnActivities.AnswersAsync(db, newcomerId, cancellationToken), activityId);
        return new OwnFeedbackActivity(activity, activity.Asked(clock.InTheNetherlands(), answered, status), [.. answered.Order()]);
    }
}

/// <summary>What one person takes part in now, read from the referrals, arranged proposals and course groups.</summary>
internal static class OwnActivities
{
    public static Task<DossierStatus?> StatusAsync(AppDbContext db, Guid newcomerId, CancellationToken cancellationToken) =>
        db.Newcomers.Where(n => n.Id == newcomerId).Select(n => (DossierStatus?)n.Status).SingleOrDefaultAsync(cancellationToken);

    /// <summary>The activities running now: a started referral not yet ended, a started arrangement not yet stopped, a course group.</summary>
    public static async Task<List<OwnActivity>> ReadAsync(AppDbContext db, Guid newcomerId, CancellationToken cancellationToken)
    {
        var referrals = await db.Referrals.AsNoTracking()
            .Where(r => r.NewcomerId == newcomerId && r.State == ReferralState.Started && r.StartedOn != null)
            .Select(r => new OwnActivity(ActivityKind.Referral, r.Id, r.What, r.StartedOn!.Value))
            .ToListAsync(cancellationToken);
        var arranged = await db.Proposals.AsNoTracking()
            .Where(p => p.NewcomerId == newcomerId && p.Answer == NewcomerAnswer.Yes && p.ArrangedStartedOn != null && p.ArrangedEndedOn == null)
            .Select(p => new OwnActivity(ActivityKind.Arranged, p.Id, p.What, p.ArrangedStartedOn!.Value))
            .ToListAsync(cancellationToken);
        var groups = await db.Enrolments.AsNoTracking().Where(e => e.NewcomerId == newcomerId)
            .Join(db.CourseGroups, e => e.GroupId, g => g.Id, (e, g) => new OwnActivity(ActivityKind.CourseGroup, g.Id, g.Name, e.Since))
            .ToListAsync(cancellationToken);
        return [.. referrals, .. arranged, .. groups];
    }

    public static Task<List<ActivityFeedback>> AnswersAsync(AppDbContext db, Guid newcomerId, CancellationToken cancellationToken) =>
        db.ActivityFeedbacks.AsNoTracking().Where(f => f.NewcomerId == newcomerId).ToListAsync(cancellationToken);

    public static HashSet<FeedbackMoment> AnsweredOf(IEnumerable<ActivityFeedback> answers, Guid activityId) =>
        [.. answers.Where(f => f.ActivityId == activityId).Select(f => f.Moment)];
}
