using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Features.Dossiers;
using Thuis.Web.Features.Organisations;
using Thuis.Web.Platform.Localization;

namespace Thuis.Web.Features.Referrals;

public sealed record ProposalRow(Proposal Proposal, string? Organisation, Referral? Referral);

public sealed record ProposalsView(string Name, IReadOnlyList<OrganisationOption> Organisations, IReadOnlyList<ProposalRow> Rows);

/// <summary>
/// One proposal to a newcomer with what followed it: the organisation, the consent and the referral. A new
/// proposal's answer form starts from the usual purpose and the usual consent period. The phone number and e-mail
/// address in the dossier, so the case manager sees what the person may agree to share with the organisation.
/// </summary>
public sealed record ProposalView(string Name, Proposal Proposal, Organisation? Organisation, Consent? Consent, Referral? Referral, AnswerForm Answer,
    string? Phone = null, string? Email = null, bool IsApplication = false);

/// <summary>What was put to a newcomer, their own answers, and the referrals that followed.</summary>
public sealed class ViewProposals(AppDbContext db, ProposeToNewcomer proposeToNewcomer, TimeProvider clock)
{
    /// <summary>Every proposal to the newcomer, newest first; null when the newcomer is not found.</summary>
    public async Task<ProposalsView?> HandleAsync(Guid newcomerId, CancellationToken cancellationToken)
    {
        if (await ReadDossier.NameAsync(db, newcomerId, nameof(Proposal), "Voorstellen bekijken", cancellationToken) is not { } name)
        {
            return null;
        }
        var organisations = await proposeToNewcomer.OrganisationsAsync(cancellationToken);
        var proposals = await db.Proposals.AsNoTracking().Where(p => p.NewcomerId == newcomerId).ToListAsync(cancellationToken);
        var referrals = await db.Referrals.AsNoTracking().Where(r => r.NewcomerId == newcomerId).ToListAsync(cancellationToken);
        // Ordered here: SQLite cannot order by a moment with its offset.
        return new ProposalsView(name, organisations, [.. proposals.OrderByDescending(p => p.ProposedAt).Select(p => new ProposalRow(p,
            organisations.SingleOrDefault(o => o.Id == p.OrganisationId)?.Name,
            referrals.SingleOrDefault(r => r.ProposalId == p.Id)))]);
    }

    /// <summary>One proposal of the newcomer; null when either is not found.</summary>
    public async Task<ProposalView?> OneAsync(Guid newcomerId, Guid proposalId, CancellationToken cancellationToken)
    {
        if (await ReadDossier.NameAsync(db, newcomerId, nameof(Proposal), "Voorstel bekijken", cancellationToken) is not { } name)
        {
            return null;
        }
        var proposal = await db.Proposals.AsNoTracking().SingleOrDefaultAsync(p => p.Id == proposalId && p.NewcomerId == newcomerId, cancellationToken);
        if (proposal is null)
        {
            return null;
        }
        var organisation = proposal.OrganisationId is { } id ? await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, cancellationToken) : null;
        var consent = await db.Consents.AsNoTracking().SingleOrDefaultAsync(c => c.ProposalId == proposalId, cancellationToken);
        var referral = await db.Referrals.AsNoTracking().SingleOrDefaultAsync(r => r.ProposalId == proposalId, cancellationToken);
        var application = await RecordNewcomerAnswer.IsApplicationAsync(db, proposal, cancellationToken);
        var answer = new AnswerForm
        {
            Purpose = RecordNewcomerAnswer.DefaultPurpose(proposal.What, organisation?.Name, application),
            ConsentUntil = clock.InTheNetherlands().AddMonths(RecordNewcomerAnswer.DefaultConsentMonths),
            Version = proposal.Version,
        };
        var contact = await db.Newcomers.AsNoTracking().Where(n => n.Id == newcomerId).Select(n => new { n.Phone, n.Email }).SingleAsync(cancellationToken);
        return new ProposalView(name, proposal, organisation, consent, referral, answer, contact.Phone, contact.Email, application);
    }
}
