using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Platform.Editing;
using Thuis.Web.Platform.Localization;
using Thuis.Web.Platform.Security;

namespace Thuis.Web.Features.Retention;

public sealed class ErasureRefusalForm
{
    [StringLength(1000, ErrorMessage = "Hoogstens 1000 tekens.")]
    public string? Reason { get; set; }

    public Guid Version { get; set; }
}

/// <summary>
/// An administrator approves or refuses a request to erase. It takes two different administrators, neither of them the
/// one who recorded the request; the second approval erases the person's data in the same save.
/// </summary>
public sealed class DecideErasure(AppDbContext db, CurrentUser currentUser, TimeProvider clock)
{
    public const string ChangedMeanwhile = "Iemand anders heeft intussen over dit verzoek besloten. Bekijk het opnieuw.";

    public async Task<Outcome> ApproveAsync(Guid id, Guid version, CancellationToken cancellationToken)
    {
        var erasure = await db.Erasures.SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (erasure is null)
        {
            return Outcome.NotFound();
        }
        var administrator = currentUser.UserId ?? "";
        var now = clock.GetUtcNow();
        // The second approval erases in the same save: the person's records are cleared first, then saved with it.
        var completes = erasure.State == ErasureState.ApprovedOnce && erasure.Version == version && erasure.WhyNotApprovedBy(administrator) is null;
        var person = completes ? await PersonErasure.PrepareAsync(db, erasure.NewcomerId, cancellationToken) : null;
        return await SaveVersionedChange.HandleAsync(db, erasure, version, e => e.WhyNotApprovedBy(administrator), e =>
        {
            if (e.Approve(administrator, now))
            {
                person!.Finish(e, now, clock.InTheNetherlands());
            }
        }, ChangedMeanwhile, cancellationToken);
    }

    public async Task<Outcome> RefuseAsync(Guid id, ErasureRefusalForm form, CancellationToken cancellationToken)
    {
        var erasure = await db.Erasures.SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (erasure is null)
        {
            return Outcome.NotFound();
        }
        if (string.IsNullOrWhiteSpace(form.Reason))
        {
            return Outcome.Invalid(nameof(form.Reason), "Schrijf op waarom het verzoek wordt afgewezen; de persoon krijgt die reden te horen.");
        }
        return await SaveVersionedChange.HandleAsync(db, erasure, form.Version,
            e => e.IsOpen ? null : "Over dit verzoek is al besloten.",
            e => e.Refuse(currentUser.UserId ?? "", form.Reason), ChangedMeanwhile, cancellationToken);
    }
}
