using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Platform.Editing;
using Thuis.Web.Platform.Localization;

namespace Thuis.Web.Features.Work;

public sealed class StartApplicationForm
{
    public Guid? ProposalId { get; set; }

    /// <summary>The day the person applied; today when left empty.</summary>
    public DateOnly? On { get; set; }
}

/// <summary>
/// Records that a person applied for a vacancy they said yes to. The application holds the consent to share their CV
/// with the employer; without a yes and a valid consent the entity refuses it, whatever the page sends.
/// </summary>
public sealed class StartApplication(AppDbContext db, TimeProvider clock)
{
    public async Task<Outcome<Guid>> HandleAsync(Guid newcomerId, StartApplicationForm form, CancellationToken cancellationToken)
    {
        var proposal = await db.Proposals.AsNoTracking().SingleOrDefaultAsync(p => p.Id == form.ProposalId && p.NewcomerId == newcomerId, cancellationToken);
        if (proposal is null)
        {
            return Outcome.NotFound();
        }
        var today = clock.InTheNetherlands();
        var on = form.On ?? today;
        if (on > today)
        {
            return Outcome.Invalid(nameof(StartApplicationForm.On), JobApplication.InTheFuture);
        }
        var consent = await db.Consents.AsNoTracking().SingleOrDefaultAsync(c => c.ProposalId == proposal.Id, cancellationToken);
        var vacancy = await db.Offers.AsNoTracking().SingleOrDefaultAsync(o => o.Id == proposal.TargetId, cancellationToken);
        var refusal = consent is null ? JobApplication.NoConsent
            : !consent.IsValidOn(today) ? JobApplication.ConsentEnded
            : vacancy is null ? "Deze vacature staat niet meer op de sociale kaart."
            : await db.JobApplications.AnyAsync(a => a.ProposalId == proposal.Id, cancellationToken) ? "Voor deze vacature is de sollicitatie al vastgelegd."
            : null;
        if (refusal is not null)
        {
            return Outcome.Refused(refusal);
        }
        var application = new JobApplication(proposal, consent!, vacancy!, on, today);
        db.JobApplications.Add(application);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Saved(application.Id);
    }
}
