using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Thuis.Web.Data;
using Thuis.Web.Features.Signals;
using Thuis.Web.Platform.Editing;
using Thuis.Web.Platform.Localization;
using Thuis.Web.Platform.Security;

namespace Thuis.Web.Features.Own;

public sealed class OwnCorrectionForm
{
    public string? Words { get; set; }
}

/// <summary>
/// A request to correct the data as the person reads it: what they wrote, when, the day the answer is due, and, once the
/// case manager resolved its signal, what was done and when.
/// </summary>
public sealed record OwnCorrection(Guid Id, string Words, DateOnly AskedOn, DateOnly AnswerDue, DateOnly? AnsweredOn, string? Answer)
{
    public bool IsAnswered => AnsweredOn is not null;
}

/// <summary>
/// "Klopt er iets niet?" (AVG art. 16): the person writes in their own words what is wrong. The save tells the signals,
/// so the case manager has it in the same request with the day the answer is due (a month, AVG art. 12(3)); the case
/// manager corrects the data on the usual pages and resolves the signal with what was done, which is the answer the
/// person reads here. Messages are in the person's language.
/// </summary>
public sealed class AskOwnCorrection(AppDbContext db, CurrentUser currentUser, TimeProvider clock, IStringLocalizer<OwnTexts> texts)
{
    public const string Purpose = "Verzoek om correctie door de persoon zelf (AVG art. 16)";

    /// <summary>The person's own requests, the newest first; null for someone who is not a newcomer with a dossier.</summary>
    public async Task<IReadOnlyList<OwnCorrection>?> ListAsync(CancellationToken cancellationToken)
    {
        if (currentUser.NewcomerId is not { } newcomerId)
        {
            return null;
        }
        var requests = await db.CorrectionRequests.AsNoTracking().Where(r => r.NewcomerId == newcomerId)
            .Select(r => new
            {
                r.Id,
                r.Words,
                r.AskedOn,
                r.AskedAt,
                r.AnswerDue,
                Answer = db.Signals.Where(s => s.Kind == SignalKind.CorrectionAsked && s.SubjectId == r.Id && s.State == SignalState.Resolved)
                    .Select(s => new { s.Note, s.HandledOn }).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        // Ordered here: SQLite cannot order by a moment with its offset.
        return [.. requests.OrderByDescending(r => r.AskedAt)
            .Select(r => new OwnCorrection(r.Id, r.Words, r.AskedOn, r.AnswerDue, r.Answer?.HandledOn, r.Answer?.Note))];
    }

    /// <returns>Saved with the day the answer is due.</returns>
    public async Task<Outcome<DateOnly>> HandleAsync(OwnCorrectionForm form, CancellationToken cancellationToken)
    {
        if (currentUser.NewcomerId is not { } newcomerId
            || await db.Newcomers.SingleOrDefaultAsync(n => n.Id == newcomerId, cancellationToken) is not { } newcomer)
        {
            return Outcome.NotFound();
        }
        var words = form.Words?.Trim();
        if (string.IsNullOrEmpty(words))
        {
            return Outcome.Invalid(nameof(OwnCorrectionForm.Words), texts["CorrectionWordsMissing"]);
        }
        if (words.Length > CorrectionRequest.MaxWordsLength)
        {
            return Outcome.Invalid(nameof(OwnCorrectionForm.Words), texts["WordsTooLong", CorrectionRequest.MaxWordsLength]);
        }
        var request = new CorrectionRequest(newcomer, words, clock.InTheNetherlands(), clock.GetUtcNow());
        db.CorrectionRequests.Add(request);
        db.AuditPurpose = Purpose;
        var saved = await SaveVersionedChange.SaveAsync(db, texts["CorrectionNotSent"], cancellationToken);
        return saved.IsSaved ? Outcome.Saved(request.AnswerDue) : saved;
    }
}
