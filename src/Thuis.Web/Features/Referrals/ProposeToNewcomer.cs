using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Platform.Editing;
using Thuis.Web.Platform.Localization;
using Thuis.Web.Platform.Security;

namespace Thuis.Web.Features.Referrals;

public sealed class ProposalForm
{
    [Required(ErrorMessage = "Beschrijf wat u voorstelt.")]
    [StringLength(300, ErrorMessage = "Hoogstens 300 tekens.")]
    public string? What { get; set; }

    public Guid? OrganisationId { get; set; }

    [StringLength(2000, ErrorMessage = "Hoogstens 2000 tekens.")]
    public string? Reasons { get; set; }
}

/// <summary>An organisation to choose for a proposal; its type lets a page offer only some, such as debt help.</summary>
public sealed record OrganisationOption(Guid Id, string Name, bool IsPartner, SocialMap.OrganisationType Type = SocialMap.OrganisationType.Other);

/// <summary>
/// Puts something that may fit to a newcomer, for them to answer. Someone who asked for "niet nu" gets no proposals.
/// </summary>
public sealed class ProposeToNewcomer(AppDbContext db, CurrentUser currentUser, TimeProvider clock)
{
    public async Task<IReadOnlyList<OrganisationOption>> OrganisationsAsync(CancellationToken cancellationToken) =>
        await db.Organisations.AsNoTracking().OrderByDescending(o => o.IsPartner).ThenBy(o => o.Name)
            .Select(o => new OrganisationOption(o.Id, o.Name, o.IsPartner, o.Type)).ToListAsync(cancellationToken);

    public async Task<Outcome> HandleAsync(Guid newcomerId, ProposalForm form, CancellationToken cancellationToken)
    {
        var newcomer = await db.Newcomers.AsNoTracking().SingleOrDefaultAsync(n => n.Id == newcomerId, cancellationToken);
        if (newcomer is null)
        {
            return Outcome.NotFound();
        }
        var today = clock.InTheNetherlands();
        if (newcomer.AsksNotNow(today))
        {
            return Outcome.Refused(
                $"{newcomer.GivenNames} heeft ‘niet nu’ gevraagd tot en met {DutchFormat.Date(newcomer.PausedUntil!.Value)}. Tot dan komen er geen voorstellen.");
        }
        if (form.OrganisationId is { } organisationId && !await db.Organisations.AnyAsync(o => o.Id == organisationId, cancellationToken))
        {
            return Outcome.Invalid(nameof(ProposalForm.OrganisationId), "Kies een organisatie uit de lijst.");
        }
        db.Proposals.Add(new Proposal(newcomer, TargetKind.Other, null, form.What!, form.OrganisationId, form.Reasons,
            currentUser.DisplayName, clock.GetUtcNow(), today));
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Saved();
    }
}
