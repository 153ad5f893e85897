using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Platform.Editing;
using Thuis.Web.Platform.Localization;

namespace Thuis.Web.Features.Referrals;

public sealed class ReferForm
{
    [StringLength(1000, ErrorMessage = "Hoogstens 1000 tekens.")]
    public string? NoteForPartner { get; set; }

    /// <summary>Whether the organisation reaches out to the person: none until the case manager chooses.</summary>
    public bool? ContactNeeded { get; set; }

    /// <summary>The person agreed to share their phone number with the organisation.</summary>
    public bool SharePhone { get; set; }

    /// <summary>The person agreed to share their e-mail address with the organisation.</summary>
    public bool ShareEmail { get; set; }
}

/// <summary>
/// Sends a referral to the partner organisation of a proposal the newcomer said yes to, while their consent holds,
/// with what the newcomer agreed about contact. Without a recorded yes there is no referral: the entity refuses it,
/// whatever the page sends.
/// </summary>
public sealed class ReferNewcomer(AppDbContext db, TimeProvider clock)
{
    public async Task<Outcome> HandleAsync(Guid proposalId, ReferForm form, CancellationToken cancellationToken)
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
        if (form.ContactNeeded is not { } contactNeeded)
        {
            return Outcome.Invalid(nameof(ReferForm.ContactNeeded), "Kies wie het eerste contact legt: de organisatie, of de persoon zelf.");
        }
        var newcomer = await db.Newcomers.AsNoTracking().SingleAsync(n => n.Id == proposal.NewcomerId, cancellationToken);
        var contact = new ContactSharing(contactNeeded, form.SharePhone, form.ShareEmail);
        var contactRefusals = Referral.ContactRefusals(contact, newcomer, organisation!.Name)
            .Concat(consent!.SharingRefusals(contact)).GroupBy(r => r.Key).ToDictionary(g => g.Key, g => g.Last().Value);
        if (contactRefusals.Count > 0)
        {
            return Outcome.Invalid(contactRefusals);
        }
        var referral = new Referral(proposal, consent, organisation, newcomer, form.NoteForPartner, contact, today);
        referral.Send(today);
        db.Referrals.Add(referral);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Saved();
    }
}
