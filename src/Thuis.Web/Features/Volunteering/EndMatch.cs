using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Platform.Editing;
using Thuis.Web.Platform.Localization;
using Thuis.Web.Platform.Security;

namespace Thuis.Web.Features.Volunteering;

public sealed class EndMatchForm
{
    public MatchEndReason? Reason { get; set; }

    [StringLength(MatchEnding.NoteLength, ErrorMessage = "Hoogstens 1000 tekens.")]
    public string? Note { get; set; }

    /// <summary>The tick that confirms: ending cannot be undone by the volunteer.</summary>
    public bool Confirmed { get; set; }
}

/// <summary>
/// The volunteer ends one of their own matches with a reason, after confirming. When the match was arranged without a
/// referral, the arrangement is recorded as stopped too, so the case manager's view and the reports agree.
/// </summary>
public sealed class EndMatch(AppDbContext db, CurrentUser currentUser, TimeProvider clock)
{
    public const string ChangedMeanwhile = "Deze koppeling is intussen al gewijzigd of beëindigd. Open je koppelingen opnieuw.";

    public async Task<Outcome> HandleAsync(Guid proposalId, EndMatchForm form, CancellationToken cancellationToken)
    {
        var match = await ViewOwnMatch.FindAsync(db, currentUser, clock, proposalId, cancellationToken);
        if (match is null)
        {
            return Outcome.NotFound();
        }
        var errors = new Dictionary<string, string>();
        if (form.Reason is null)
        {
            errors[nameof(EndMatchForm.Reason)] = "Kies waarom de koppeling stopt.";
        }
        else if (form.Reason == MatchEndReason.Other && string.IsNullOrWhiteSpace(form.Note))
        {
            errors[nameof(EndMatchForm.Note)] = "Schrijf op waarom de koppeling stopt.";
        }
        if (!form.Confirmed)
        {
            errors[nameof(EndMatchForm.Confirmed)] = "Vink aan dat je de koppeling wilt beëindigen.";
        }
        if (errors.Count > 0)
        {
            return Outcome.Invalid(errors);
        }
        var today = clock.InTheNetherlands();
        var municipalityId = currentUser.MunicipalityId ?? throw new InvalidOperationException("Geen gemeente.");
        db.MatchEndings.Add(new MatchEnding(municipalityId, match.Key, form.Reason!.Value, form.Note, currentUser.DisplayName, today));
        var proposal = await db.Proposals.SingleAsync(p => p.Id == proposalId, cancellationToken);
        if (proposal.ArrangedBy is { } arrangedBy && proposal.ArrangedStartedOn is { } started && proposal.ArrangedEndedOn is null)
        {
            proposal.RecordArrangement(arrangedBy, started, today < started ? started : today);
        }
        // The unique end per match and the proposal's version: ending twice at the same moment cannot both succeed.
        return await SaveVersionedChange.SaveAsync(db, ChangedMeanwhile, cancellationToken);
    }
}
