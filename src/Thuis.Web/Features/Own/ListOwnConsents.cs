using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Features.Referrals;
using Thuis.Web.Platform.Localization;
using Thuis.Web.Platform.Security;

namespace Thuis.Web.Features.Own;

public enum OwnConsentState
{
    Active,
    Withdrawn,
    Expired,
}

/// <summary>
/// One consent as the person reads it: for what, with whom, what the organisation receives, until when, who gave it
/// (the person themselves or their case manager for them; staff names are not shown) and whether it still holds.
/// </summary>
public sealed record OwnConsent(Guid Id, string What, string? Organisation, string Purpose, DateOnly GivenOn, bool GivenThemselves,
    DateOnly ExpiresOn, bool SharesPhone, bool SharesEmail, OwnConsentState State, DateOnly? WithdrawnOn, bool WithdrawnThemselves);

/// <summary>
/// The person's consent to tell their story as a role model at draagvlak activities: recorded by their case manager,
/// withdrawn by them or for them, with how many activities still to come they are on.
/// </summary>
public sealed record OwnRoleModel(Guid Id, DateOnly GivenOn, DateOnly? WithdrawnOn, bool WithdrawnThemselves, int ActivitiesToCome)
{
    public bool Holds => WithdrawnOn is null;
}

/// <summary>Every consent of the signed-in person (<see cref="CurrentUser.NewcomerId"/>), given by them or recorded for them.</summary>
public sealed class ListOwnConsents(AppDbContext db, CurrentUser currentUser, TimeProvider clock)
{
    /// <summary>Active ones first, then the ended ones, each newest first; null when the account is not bound to a person.</summary>
    public async Task<IReadOnlyList<OwnConsent>?> LoadAsync(CancellationToken cancellationToken)
    {
        if (currentUser.NewcomerId is not { } newcomerId)
        {
            return null;
        }
        var today = clock.InTheNetherlands();
        var rows = await Own(newcomerId, null).ToListAsync(cancellationToken);
        return [.. rows.Select(r => r.For(today)).OrderBy(c => c.State != OwnConsentState.Active).ThenByDescending(c => c.GivenOn)];
    }

    /// <summary>One consent of the person's own; null for any other, whoever's it is.</summary>
    public async Task<OwnConsent?> LoadOneAsync(Guid consentId, CancellationToken cancellationToken)
    {
        if (currentUser.NewcomerId is not { } newcomerId)
        {
            return null;
        }
        var row = await Own(newcomerId, consentId).SingleOrDefaultAsync(cancellationToken);
        return row?.For(clock.InTheNetherlands());
    }

    /// <summary>
    /// The person's latest role-model consent (<see cref="Community.RoleModelConsent"/>); null when there is none or the
    /// account is not bound to a person.
    /// </summary>
    public async Task<OwnRoleModel?> LoadRoleModelAsync(CancellationToken cancellationToken)
    {
        if (currentUser.NewcomerId is not { } newcomerId)
        {
            return null;
        }
        var today = clock.InTheNetherlands();
        return await db.RoleModelConsents.AsNoTracking()
            .Where(c => c.NewcomerId == newcomerId)
            .OrderBy(c => c.WithdrawnOn != null).ThenByDescending(c => c.GivenOn).ThenByDescending(c => c.Id)
            .Select(c => new OwnRoleModel(c.Id, c.GivenOn, c.WithdrawnOn, c.WithdrawnThemselves,
                db.ActivityRoleModels.Count(r => r.NewcomerId == newcomerId && db.CommunityActivities.Any(a => a.Id == r.ActivityId && a.Date >= today))))
            .FirstOrDefaultAsync(cancellationToken);
    }

    private IQueryable<Row> Own(Guid newcomerId, Guid? consentId) =>
        from c in db.Consents.AsNoTracking()
        where c.NewcomerId == newcomerId && (consentId == null || c.Id == consentId)
        join p in db.Proposals on c.ProposalId equals p.Id
        join o in db.Organisations on p.OrganisationId equals o.Id into organisations
        from o in organisations.DefaultIfEmpty()
        join r in db.Referrals on c.Id equals r.ConsentId into referrals
        from r in referrals.DefaultIfEmpty()
        select new Row(c, p.What, o == null ? null : o.Name, r == null ? null : r.SharesPhone, r == null ? null : r.SharesEmail);

    private sealed record Row(Consent Consent, string What, string? Organisation, bool? ReferralSharesPhone, bool? ReferralSharesEmail)
    {
        public OwnConsent For(DateOnly today) => new(Consent.Id, What, Organisation, Consent.Purpose, Consent.GivenOn, Consent.GivenThemselves,
            Consent.ExpiresOn,
            // What the referral shares, once there is one; before it, what the person agreed themselves.
            ReferralSharesPhone ?? Consent.SharesPhone ?? false, ReferralSharesEmail ?? Consent.SharesEmail ?? false,
            Consent.WithdrawnOn is not null ? OwnConsentState.Withdrawn : Consent.IsValidOn(today) ? OwnConsentState.Active : OwnConsentState.Expired,
            Consent.WithdrawnOn, Consent.WithdrawnThemselves);
    }
}
