using Thuis.Web.Data;
using Thuis.Web.Features.Referrals;
using Thuis.Web.Platform.Editing;
using Thuis.Web.Platform.Localization;
using Thuis.Web.Platform.Security;
using Engine = Thuis.Matching;

namespace Thuis.Web.Features.Matching;

/// <summary>
/// Turns a suggestion — from the dossier or from a cohort — into a proposal to the newcomer. The match is checked again
/// at this moment, so a place given away meanwhile, a "niet nu" asked since, or a changed intake is never proposed on
/// old grounds; the reasons recorded are today's.
/// </summary>
public sealed class ProposeMatch(AppDbContext db, ReadMatchingPool readPool, ReadMatchingPeople readPeople, CurrentUser currentUser, TimeProvider clock)
{
    /// <returns>The new proposal's id, or why none was made.</returns>
    /// <remarks>The round's match this proposal comes from: the place it holds is its own.</remarks>
    public async Task<Outcome<Guid>> HandleAsync(Guid newcomerId, string key, CancellationToken cancellationToken, Guid? deciding = null)
    {
        var newcomer = await db.Newcomers.FindAsync([newcomerId], cancellationToken);
        if (newcomer is null)
        {
            return Outcome.NotFound();
        }
        var today = clock.InTheNetherlands();
        if (newcomer.AsksNotNow(today))
        {
            return Outcome.Refused($"{newcomer.GivenNames} heeft ‘niet nu’ gevraagd tot en met {DutchFormat.Date(newcomer.PausedUntil!.Value)}. Tot dan komen er geen voorstellen.");
        }
        var pool = await readPool.HandleAsync(PoolFilter.Everything, cancellationToken, deciding);
        if (!pool.Items.TryGetValue(key, out var item))
        {
            return Outcome.Refused("Dit aanbod of deze vrijwilliger is er niet meer, of is niet meer beschikbaar.");
        }
        if ((await SuggestOffers.OpenProposalsAsync(db, newcomerId, cancellationToken)).ContainsKey(item.TargetId))
        {
            return Outcome.Refused($"‘{item.Title}’ is {newcomer.GivenNames} al voorgesteld.");
        }
        var person = (await readPeople.HandleAsync([newcomer], pool, cancellationToken))[0];
        var suggestion = Engine.MatchingEngine.Suggest(person, pool.Index, pool.Items.Count).FirstOrDefault(s => s.OfferId == key);
        if (suggestion is null)
        {
            return Outcome.Refused(item.PlacesFree == 0
                ? $"‘{item.Title}’ heeft geen plek meer vrij."
                : $"‘{item.Title}’ past nu niet bij {newcomer.GivenNames}, bijvoorbeeld door taal, tijden, leeftijd of een eerder nee.");
        }
        var proposal = new Proposal(newcomer, item.Kind, item.TargetId, Describe(item), item.OrganisationId,
            string.Join("; ", suggestion.Reasons.Select(r => r.Text)), currentUser.DisplayName, clock.GetUtcNow(), today,
            new MatchMark(Math.Round(suggestion.Score, 4), suggestion.RulesVersion));
        db.Proposals.Add(proposal);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Saved(proposal.Id);
    }

    private static string Describe(PoolItem item)
    {
        var what = item.Organisation is { } organisation ? $"{item.Title} ({organisation})" : item.Title;
        return what.Length <= Proposal.MaxWhatLength ? what : item.Title[..Math.Min(item.Title.Length, Proposal.MaxWhatLength)];
    }
}
