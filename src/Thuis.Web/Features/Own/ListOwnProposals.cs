using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Features.Referrals;
using Thuis.Web.Platform.Security;

namespace Thuis.Web.Features.Own;

/// <summary>A proposal as the person reads it: what, why it may fit, with which organisation, and their answer so far.</summary>
public sealed record OwnProposal(Guid Id, string What, string? Reasons, string? Organisation, DateTimeOffset ProposedAt,
    NewcomerAnswer Answer, DateOnly? AnsweredOn, bool AnsweredThemselves, DateOnly? NotNowUntil);

/// <summary>What waits for the person's answer, and what they or their case manager answered before.</summary>
public sealed record OwnProposals(IReadOnlyList<OwnProposal> Waiting, IReadOnlyList<OwnProposal> Answered);

/// <summary>
/// The proposals put to the signed-in person (<see cref="CurrentUser.NewcomerId"/>), never anyone else's.
/// </summary>
public sealed class ListOwnProposals(AppDbContext db, CurrentUser currentUser)
{
    /// <summary>The person's proposals, newest first; null when the account is not bound to a person.</summary>
    public async Task<OwnProposals?> LoadAsync(CancellationToken cancellationToken)
    {
        if (currentUser.NewcomerId is not { } newcomerId)
        {
            return null;
        }
        var rows = await (from p in db.Proposals.AsNoTracking()
                          where p.NewcomerId == newcomerId
                          join o in db.Organisations on p.OrganisationId equals o.Id into organisations
                          from o in organisations.DefaultIfEmpty()
                          select new OwnProposal(p.Id, p.What, p.Reasons, o == null ? null : o.Name, p.ProposedAt, p.Answer, p.AnsweredOn,
                              p.AnsweredThemselves, p.NotNowUntil))
            .ToListAsync(cancellationToken);
        // Ordered here: SQLite cannot order by a moment with its offset.
        var newestFirst = rows.OrderByDescending(p => p.ProposedAt).ToList();
        return new OwnProposals([.. newestFirst.Where(p => p.Answer == NewcomerAnswer.Pending)],
            [.. newestFirst.Where(p => p.Answer != NewcomerAnswer.Pending)]);
    }

    /// <summary>How many proposals wait for the person's answer; none for an account not bound to a person.</summary>
    public async Task<int> CountWaitingAsync(CancellationToken cancellationToken) =>
        currentUser.NewcomerId is { } newcomerId
            ? await db.Proposals.CountAsync(p => p.NewcomerId == newcomerId && p.Answer == NewcomerAnswer.Pending, cancellationToken)
            : 0;
}
