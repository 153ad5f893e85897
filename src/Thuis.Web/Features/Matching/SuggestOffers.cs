using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Features.Dossiers;
using Thuis.Web.Features.Referrals;
using Engine = Thuis.Matching;

namespace Thuis.Web.Features.Matching;

/// <summary>One suggestion as the page shows it: what it is, its score, the reasons that add up to it, and whether it was already proposed.</summary>
public sealed record SuggestionView(PoolItem Item, double Score, IReadOnlyList<Engine.Reason> Reasons, Guid? OpenProposalId);

public sealed record SuggestionsView(Newcomer Newcomer, bool NotNow, int PoolSize, IReadOnlyList<SuggestionView> Suggestions, Load Load);

/// <summary>
/// The best fitting offers and volunteers for one newcomer, with reasons a case manager can read and check with the
/// person. The engine never decides: a case manager turns a suggestion into a proposal, the newcomer answers.
/// </summary>
public sealed class SuggestOffers(AppDbContext db, ReadMatchingPool readPool, ReadMatchingPeople readPeople, WeighLoad weighLoad)
{
    public const int Shown = 10;

    public async Task<SuggestionsView?> HandleAsync(Guid newcomerId, PoolFilter filter, CancellationToken cancellationToken)
    {
        var newcomer = await ReadDossier.NewcomerAsync(db, newcomerId, nameof(Newcomer), "Suggesties bekijken", cancellationToken);
        if (newcomer is null)
        {
            return null;
        }
        var pool = await readPool.HandleAsync(filter, cancellationToken);
        var person = (await readPeople.HandleAsync([newcomer], pool, cancellationToken))[0];
        var open = await OpenProposalsAsync(db, newcomerId, cancellationToken);
        var suggestions = Engine.MatchingEngine.Suggest(person, pool.Index, Shown)
            .Select(s => pool.Items[s.OfferId] is var item && open.TryGetValue(item.TargetId, out var proposal)
                ? new SuggestionView(item, s.Score, s.Reasons, proposal)
                : new SuggestionView(item, s.Score, s.Reasons, null))
            .ToList();
        return new SuggestionsView(newcomer, person.NotNow, pool.Items.Count, suggestions, await weighLoad.HandleAsync(newcomerId, cancellationToken));
    }

    /// <summary>What this person was proposed and has not said no to, by the offer or volunteer proposed.</summary>
    internal static async Task<Dictionary<Guid, Guid>> OpenProposalsAsync(AppDbContext db, Guid newcomerId, CancellationToken cancellationToken) =>
        (await db.Proposals.AsNoTracking()
            .Where(p => p.NewcomerId == newcomerId && p.TargetId != null && (p.Answer == NewcomerAnswer.Pending || p.Answer == NewcomerAnswer.Yes))
            .Select(p => new { Target = p.TargetId!.Value, p.Id })
            .ToListAsync(cancellationToken))
        .DistinctBy(p => p.Target)
        .ToDictionary(p => p.Target, p => p.Id);
}
