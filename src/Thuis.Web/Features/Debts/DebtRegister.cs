using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Features.Dossiers;
using Thuis.Web.Features.Referrals;
using Thuis.Web.Features.SocialMap;

namespace Thuis.Web.Features.Debts;

/// <summary>What the rest of Thuis asks of the register of debts.</summary>
public static class DebtRegister
{
    /// <summary>The referral states in which debt help is arranged or under way.</summary>
    private static readonly ReferralState[] HelpGoing = [ReferralState.Proposed, ReferralState.Sent, ReferralState.Accepted, ReferralState.Started];

    /// <summary>
    /// People with open debts in the register and no debt help: no debt of theirs is with debt help, and they have no
    /// referral to an organisation for debt help that is proposed, sent, accepted or started. With the day the oldest
    /// open debt began.
    /// </summary>
    public static async Task<IReadOnlyList<(Guid Id, string GivenNames, DateOnly Since)>> WithoutHelpAsync(AppDbContext db, IQueryable<Newcomer> people,
        CancellationToken cancellationToken)
    {
        var open = new[] { DebtStatus.Open, DebtStatus.Arrangement };
        var rows = await (from d in db.Debts
                          join n in people on d.NewcomerId equals n.Id
                          where open.Contains(d.Status)
                              && !db.Debts.Any(h => h.NewcomerId == n.Id && h.Status == DebtStatus.InDebtHelp)
                              && !(from r in db.Referrals
                                   join o in db.Organisations on r.OrganisationId equals o.Id
                                   where r.NewcomerId == n.Id && o.Type == OrganisationType.DebtHelp && HelpGoing.Contains(r.State)
                                   select r.Id).Any()
                          select new { n.Id, n.GivenNames, d.Since }).ToListAsync(cancellationToken);
        return [.. rows.GroupBy(r => (r.Id, r.GivenNames)).Select(g => (g.Key.Id, g.Key.GivenNames, g.Min(r => r.Since)))];
    }
}
