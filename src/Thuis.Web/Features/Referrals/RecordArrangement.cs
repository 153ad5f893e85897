using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Platform.Editing;
using Thuis.Web.Platform.Localization;

namespace Thuis.Web.Features.Referrals;

public sealed class ArrangementForm
{
    [StringLength(200, ErrorMessage = "Hoogstens 200 tekens.")]
    public string? ArrangedBy { get; set; }

    public DateOnly? StartedOn { get; set; }

    public DateOnly? EndedOn { get; set; }

    public Guid Version { get; set; }
}

/// <summary>
/// After a yes to an offer or volunteer that no partner organisation can receive a referral for, records who arranged
/// it, when it started and whether it still goes on, so it is not a dead end and counts like a referral's start.
/// </summary>
public sealed class RecordArrangement(AppDbContext db, TimeProvider clock)
{
    public async Task<Outcome> HandleAsync(Guid newcomerId, Guid proposalId, ArrangementForm form, CancellationToken cancellationToken)
    {
        var proposal = await db.Proposals.SingleOrDefaultAsync(p => p.Id == proposalId && p.NewcomerId == newcomerId, cancellationToken);
        if (proposal is null)
        {
            return Outcome.NotFound();
        }
        if (proposal.Answer != NewcomerAnswer.Yes)
        {
            return Outcome.Refused("Eerst zegt de persoon zelf ja; daarna wordt het geregeld.");
        }
        var partner = proposal.OrganisationId is { } organisationId
            && await db.Organisations.AnyAsync(o => o.Id == organisationId && o.IsPartner, cancellationToken);
        if (partner || await db.Referrals.AnyAsync(r => r.ProposalId == proposal.Id, cancellationToken))
        {
            return Outcome.Refused("Dit gaat via een verwijzing naar de partner; die legt de start en de voortgang vast.");
        }
        var today = clock.InTheNetherlands();
        var errors = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(form.ArrangedBy))
        {
            errors[nameof(ArrangementForm.ArrangedBy)] = "Schrijf op wie het heeft geregeld.";
        }
        if (form.StartedOn is not { } started || started > today.AddYears(1))
        {
            errors[nameof(ArrangementForm.StartedOn)] = "Vul in wanneer het begon of begint.";
        }
        else if (form.EndedOn is { } ended && (ended < started || ended > today))
        {
            errors[nameof(ArrangementForm.EndedOn)] = "Het stopt niet vóór de start en niet later dan vandaag; laat leeg als het nog loopt.";
        }
        if (errors.Count > 0)
        {
            return Outcome.Invalid(errors);
        }
        return await SaveVersionedChange.HandleAsync(db, proposal, form.Version,
            p => p.RecordArrangement(form.ArrangedBy!, form.StartedOn!.Value, form.EndedOn), RecordNewcomerAnswer.ChangedMeanwhile, cancellationToken);
    }
}
