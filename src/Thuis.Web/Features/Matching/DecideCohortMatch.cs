using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Platform.Security;

namespace Thuis.Web.Features.Matching;

/// <summary>What the coordinator decided about one match, or why it could not be recorded.</summary>
public sealed record DecideCohortMatchResult(bool NotFound, string? Refusal, Guid? ProposalId)
{
    public bool Succeeded => !NotFound && Refusal is null;
}

/// <summary>
/// The coordinator's decision on one match of a round. Accepting makes it a proposal to the newcomer — checked again
/// now, as any proposal from a suggestion — and both are saved together or not at all.
/// </summary>
public sealed class DecideCohortMatch(AppDbContext db, ProposeMatch proposeMatch, CurrentUser currentUser, TimeProvider clock)
{
    private const string DecidedMeanwhile = "Over dit koppelvoorstel is intussen al besloten, door u in een ander venster of door een collega. De lijst hieronder is bijgewerkt.";

    public async Task<DecideCohortMatchResult> AcceptAsync(Guid runId, Guid matchId, Guid loadedVersion, CancellationToken cancellationToken)
    {
        var match = await db.CohortMatches.SingleOrDefaultAsync(m => m.Id == matchId && m.RunId == runId, cancellationToken);
        if (match is null)
        {
            return new DecideCohortMatchResult(true, null, null);
        }
        if (match.Version != loadedVersion || match.Decision != CohortMatchDecision.Open)
        {
            return new DecideCohortMatchResult(false, DecidedMeanwhile, null);
        }
        // The proposal and the decision stand or fall together: a match decided meanwhile leaves no proposal behind.
        return await db.AllOrNothingAsync(async () =>
        {
            var proposed = await proposeMatch.HandleAsync(match.NewcomerId, match.TargetKey, cancellationToken);
            if (proposed.ProposalId is not { } proposalId)
            {
                return (new DecideCohortMatchResult(proposed.NotFound, proposed.Refusal, null), false);
            }
            match.Accept(proposalId, currentUser.DisplayName, clock.GetUtcNow());
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                return (new DecideCohortMatchResult(false, DecidedMeanwhile, null), false);
            }
            return (new DecideCohortMatchResult(false, null, proposalId), true);
        }, cancellationToken);
    }

    public async Task<DecideCohortMatchResult> RejectAsync(Guid runId, Guid matchId, Guid loadedVersion, CancellationToken cancellationToken)
    {
        var match = await db.CohortMatches.SingleOrDefaultAsync(m => m.Id == matchId && m.RunId == runId, cancellationToken);
        if (match is null)
        {
            return new DecideCohortMatchResult(true, null, null);
        }
        if (match.Version != loadedVersion || match.Decision != CohortMatchDecision.Open)
        {
            return new DecideCohortMatchResult(false, DecidedMeanwhile, null);
        }
        match.Reject(currentUser.DisplayName, clock.GetUtcNow());
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new DecideCohortMatchResult(false, DecidedMeanwhile, null);
        }
        return new DecideCohortMatchResult(false, null, null);
    }
}
