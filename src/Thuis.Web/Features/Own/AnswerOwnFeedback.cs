using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Thuis.Web.Data;
using Thuis.Web.Platform.Editing;
using Thuis.Web.Platform.Localization;
using Thuis.Web.Platform.Security;

namespace Thuis.Web.Features.Own;

public sealed class OwnFeedbackForm
{
    /// <summary>The moment the page asked about; answering a moment twice is refused, whichever page it came from.</summary>
    public FeedbackMoment Moment { get; set; }

    public int? Face { get; set; }

    public string? Words { get; set; }

    public WantsToContinue? WantsToContinue { get; set; }
}

/// <summary>
/// The person answers "Hoe gaat het?" about one of their own activities. Each moment is answered once; the save tells
/// the signals, so an unhappy answer reaches the case manager in the same request, with the person's own words.
/// Messages are in the person's language.
/// </summary>
public sealed class AnswerOwnFeedback(AppDbContext db, CurrentUser currentUser, TimeProvider clock, IStringLocalizer<OwnTexts> texts)
{
    /// <returns>Saved with whether the answer was unhappy (the page then says the case manager will get in touch).</returns>
    public async Task<Outcome<bool>> HandleAsync(Guid activityId, OwnFeedbackForm form, CancellationToken cancellationToken)
    {
        if (currentUser.NewcomerId is not { } newcomerId
            || await db.Newcomers.SingleOrDefaultAsync(n => n.Id == newcomerId, cancellationToken) is not { } newcomer
            || (await OwnActivities.ReadAsync(db, newcomerId, cancellationToken)).FirstOrDefault(a => a.Id == activityId) is not { } activity)
        {
            return Outcome.NotFound();
        }
        var errors = new Dictionary<string, string>();
        if (form.Face is not (>= ActivityFeedback.LowestFace and <= ActivityFeedback.HighestFace))
        {
            errors[nameof(OwnFeedbackForm.Face)] = texts["FaceRequired"];
        }
        if (form.Words?.Trim().Length > ActivityFeedback.MaxWordsLength)
        {
            errors[nameof(OwnFeedbackForm.Words)] = texts["WordsTooLong", ActivityFeedback.MaxWordsLength];
        }
        if (form.WantsToContinue is not { } wantsToContinue || !Enum.IsDefined(wantsToContinue))
        {
            errors[nameof(OwnFeedbackForm.WantsToContinue)] = texts["ContinueRequired"];
        }
        if (errors.Count > 0)
        {
            return Outcome.Invalid(errors);
        }
        var today = clock.InTheNetherlands();
        var answered = OwnActivities.AnsweredOf(await OwnActivities.AnswersAsync(db, newcomerId, cancellationToken), activityId);
        switch (activity.CannotAnswer(form.Moment, today, answered, newcomer.Status))
        {
            case FeedbackRefusal.AlreadyAnswered:
                return Outcome.Refused(texts["FeedbackAlreadyGiven"]);
            case FeedbackRefusal.NotAsked:
                return Outcome.Refused(texts["FeedbackNotAsked"]);
        }
        var feedback = new ActivityFeedback(newcomer, activity, form.Moment, answered, form.Face!.Value, form.Words, form.WantsToContinue!.Value,
            today, clock.GetUtcNow());
        db.ActivityFeedbacks.Add(feedback);
        // The same answer sent twice at once: the unique index lets one through, the other reads as already answered.
        var saved = await SaveVersionedChange.SaveAsync(db, texts["FeedbackAlreadyGiven"], cancellationToken);
        return saved.IsSaved ? Outcome.Saved(feedback.IsUnhappy) : saved;
    }
}
