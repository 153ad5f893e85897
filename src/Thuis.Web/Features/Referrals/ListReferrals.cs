using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Platform.Localization;
using Thuis.Web.Platform.Security;

namespace Thuis.Web.Features.Referrals;

public sealed record ReferralRow(Guid Id, string Person, string What, string Organisation, ReferralState State, DateOnly? SentOn, bool WaitingTooLong);

/// <summary>
/// The referrals a user works with: a partner worker their organisation's (first names only, and not even that once the
/// person's consent has ended), a case manager or coordinator the municipality's, with the ones the partner left
/// unanswered too long first.
/// </summary>
public sealed class ListReferrals(AppDbContext db, CurrentUser currentUser, TimeProvider clock)
{
    /// <summary>What a partner reads instead of the person's first name once the consent has ended.</summary>
    public const string ConsentEnded = "toestemming beëindigd";

    public async Task<IReadOnlyList<ReferralRow>> HandleAsync(bool waitingOnly, CancellationToken cancellationToken)
    {
        var today = clock.InTheNetherlands();
        var partner = currentUser.SeesReferralsAsPartner;
        var rows = await ViewReferral.Visible(db, currentUser).AsNoTracking()
            .Join(db.Newcomers, r => r.NewcomerId, n => n.Id, (r, n) => new { r, n.GivenNames, n.FamilyName })
            .Join(db.Organisations, x => x.r.OrganisationId, o => o.Id, (x, o) => new { x.r, x.GivenNames, x.FamilyName, Organisation = o.Name })
            .Join(db.Consents, x => x.r.ConsentId, c => c.Id, (x, c) => new { x.r, x.GivenNames, x.FamilyName, x.Organisation, Consent = c })
            .ToListAsync(cancellationToken);
        return [.. rows
            .Select(x => new ReferralRow(x.r.Id,
                !partner ? $"{x.GivenNames} {x.FamilyName}" : x.Consent.IsValidOn(today) ? ViewReferral.FirstName(x.GivenNames) : ConsentEnded,
                x.r.What, x.Organisation, x.r.State, x.r.SentOn, x.r.IsWaitingTooLong(today)))
            .Where(r => !waitingOnly || r.WaitingTooLong)
            .OrderByDescending(r => r.WaitingTooLong)
            .ThenBy(r => r.State)
            .ThenByDescending(r => r.SentOn)];
    }
}
