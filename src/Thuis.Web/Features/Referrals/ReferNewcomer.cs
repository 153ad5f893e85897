using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Platform.Editing;
using Thuis.Web.Platform.Localization;

namespace Thuis.Web.Features.Referrals;

/// <summary>
/// Sends a referral to the partner organisation of a proposal the newcomer said yes to, while their consent holds.
/// Without a recorded yes there is no referral: the entity refuses it, whatever the page sends.
/// </summary>
public sealed class ReferNewcomer(AppDbContext db, TimeProvider clock)
{
    public async Task<Outcome> HandleAsync(Guid proposalId, string? noteForPartner, CancellationToken cancellationToken)
    {
        var proposal = await db.Proposals.AsNoTracking().SingleOrDefaultAsync(p => p.Id == proposalId, cancellationToken);
        if (proposal is null)
        {
            return Outcome.NotFound();
        }
        var today = clock.InTheNetherlands();
        var consent = await db.Consents.AsNoTracking().SingleOrDefaultAsync(c => c.ProposalId == proposalId, cancellationToken);
        var organisation = proposal.OrganisationId is { } organisationId
            ? await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == organisationId, cancellationToken)
            : null;
        var refusal = proposal.Answer != NewcomerAnswer.Yes || consent is null ? "Zonder vastgelegd ja van de persoon wordt niemand doorverwezen."
            : !consent.IsValidOn(today) ? "De toestemming is verlopen of ingetrokken; vraag opnieuw toestemming."
            : organisation is not { IsPartner: true } ? "Alleen een partnerorganisatie kan een verwijzing ontvangen."
            : await db.Referrals.AnyAsync(r => r.ProposalId == proposalId, cancellationToken) ? "Voor dit voorstel is al een verwijzing verstuurd."
            : null;
        if (refusal is not null)
        {
            return Outcome.Refused(refusal);
        }
        var referral = new Referral(proposal, consent!, organisation!, noteForPartner, today);
        referral.Send(today);
        db.Referrals.Add(referral);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Saved();
    }
}
