using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Platform.Editing;
using Thuis.Web.Platform.Security;

namespace Thuis.Web.Features.Matching;

public sealed class RejectForm
{
    public CohortRejection? Reason { get; set; }

    [StringLength(500, ErrorMessage = "Hoogstens 500 tekens.")]
    public string? Note { get; set; }

    public Guid Version { get; set; }
}

/// <summary>
/// The coordinator's decision on one match of a round. Accepting makes it a proposal to the newcomer — checked again
/// now, as any proposal from a suggestion — and both are saved together or not at all.
/// </summary>
public sealed class DecideCohortMatch(AppDbContext db, ProposeMatch proposeMatch, CurrentUser currentUser, TimeProvider clock)
{
    private const string DecidedMeanwhile = "Over dit koppelvoorstel is intussen al besloten, door u in een ander venster of door een collega. De lijst hieronder is bijgewerkt.";

    /// <returns>The proposal made to the newcomer, or why there is none.</returns>
    public async Task<Outcome<Guid>> AcceptAsync(Guid runId, Guid matchId, Guid loadedVersion, CancellationToken cancellationToken)
    {
        var match = await db.CohortMatches.SingleOrDefaultAsync(m => m.Id == matchId && m.RunId == runId, cancellationToken);
        if (match is null)
        {
            return Outcome.NotFound();
        }
        if (match.Version != loadedVersion || match.Decision != CohortMatchDecision.Open)
        {
            return Outcome.Conflict(DecidedMeanwhile);
        }
        // The proposal and the decision stand or fall together: a match decided meanwhile leaves no proposal behind.
        return await db.AllOrNothingAsync<Outcome<Guid>>(async () =>
        {
            var proposed = await proposeMatch.HandleAsync(match.NewcomerId, match.TargetKey, cancellationToken, deciding: match.Id);
            if (!proposed.IsSaved)
            {
                return (proposed, false);
            }
            var decided = await SaveVersionedChange.HandleAsync(db, match, loadedVersion,
                m => m.Accept(proposed.Value, currentUser.DisplayName, clock.GetUtcNow()), DecidedMeanwhile, cancellationToken);
            if (!decided.IsSaved)
            {
                return (decided, false);
            }
            return (proposed, true);
        }, cancellationToken);
    }

    /// <summary>The match to reject, as the rejection form shows it.</summary>
    public async Task<CohortMatchView?> LoadAsync(Guid runId, Guid matchId, CancellationToken cancellationToken)
    {
        var match = await db.CohortMatches.AsNoTracking().SingleOrDefaultAsync(m => m.Id == matchId && m.RunId == runId, cancellationToken);
        if (match is null)
        {
            return null;
        }
        var name = await db.Newcomers.AsNoTracking().Where(n => n.Id == match.NewcomerId).Select(n => n.GivenNames + " " + n.FamilyName).SingleOrDefaultAsync(cancellationToken);
        return name is null ? null : new CohortMatchView(match, name);
    }

    /// <summary>Rejects a match with a reason from the short list (and a note, needed with "anders"); the pair stays out of later rounds.</summary>
    public async Task<Outcome> RejectAsync(Guid runId, Guid matchId, RejectForm form, CancellationToken cancellationToken)
    {
        var match = await db.CohortMatches.SingleOrDefaultAsync(m => m.Id == matchId && m.RunId == runId, cancellationToken);
        if (match is null)
        {
            return Outcome.NotFound();
        }
        if (match.Decision != CohortMatchDecision.Open)
        {
            return Outcome.Conflict(DecidedMeanwhile);
        }
        if (form.Reason is not { } reason || !Enum.IsDefined(reason))
        {
            return Outcome.Invalid(nameof(RejectForm.Reason), "Kies waarom u dit koppelvoorstel afwijst.");
        }
        if (reason == CohortRejection.Other && string.IsNullOrWhiteSpace(form.Note))
        {
            return Outcome.Invalid(nameof(RejectForm.Note), "Schrijf kort op waarom, bij ‘anders’.");
        }
        return await SaveVersionedChange.HandleAsync(db, match, form.Version,
            m => m.Reject(reason, form.Note, currentUser.DisplayName, clock.GetUtcNow()), DecidedMeanwhile, cancellationToken);
    }
}
