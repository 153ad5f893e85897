using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Platform.Editing;
using Thuis.Web.Platform.Security;

namespace Thuis.Web.Features.Matching;

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
            var proposed = await proposeMatch.HandleAsync(match.NewcomerId, match.TargetKey, cancellationToken);
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

    public async Task<Outcome> RejectAsync(Guid runId, Guid matchId, Guid loadedVersion, CancellationToken cancellationToken)
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
        return await SaveVersionedChange.HandleAsync(db, match, loadedVersion,
            m => m.Reject(currentUser.DisplayName, clock.GetUtcNow()), DecidedMeanwhile, cancellationToken);
    }
}
