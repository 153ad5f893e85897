using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Features.Dossiers;
using Thuis.Web.Platform.Editing;
using Thuis.Web.Platform.Localization;
using Thuis.Web.Platform.Security;

namespace Thuis.Web.Features.Retention;

public sealed class ErasureRequestForm
{
    public ErasureReason? Reason { get; set; }

    /// <summary>The day the person asked, or the death became known.</summary>
    public DateOnly? ReceivedOn { get; set; }
}

public sealed record ErasureRequestPage(string Name, bool Erased, ErasureView? Open);

/// <summary>
/// Records a person's request to erase their data, or their death, on the dossier. Two administrators decide
/// (<see cref="DecideErasure"/>); until then nothing is erased.
/// </summary>
public sealed class RequestErasure(AppDbContext db, CurrentUser currentUser, TimeProvider clock)
{
    public const string Purpose = "Verzoek tot wissen vastleggen (AVG art. 17)";

    public async Task<ErasureRequestPage?> LoadAsync(Guid newcomerId, CancellationToken cancellationToken)
    {
        var newcomer = await ReadDossier.NewcomerAsync(db, newcomerId, nameof(Erasure), Purpose, cancellationToken);
        if (newcomer is null)
        {
            return null;
        }
        var open = await ListErasures.ViewsAsync(db, db.Erasures.Where(e => e.NewcomerId == newcomerId).Where(Erasure.Open), clock, cancellationToken);
        return new ErasureRequestPage(newcomer.FullName, newcomer.ErasedAt is not null, open.FirstOrDefault());
    }

    public async Task<Outcome> HandleAsync(Guid newcomerId, ErasureRequestForm form, CancellationToken cancellationToken)
    {
        var newcomer = await db.Newcomers.AsNoTracking().SingleOrDefaultAsync(n => n.Id == newcomerId, cancellationToken);
        if (newcomer is null)
        {
            return Outcome.NotFound();
        }
        var today = clock.InTheNetherlands();
        var errors = new Dictionary<string, string>();
        if (form.Reason is not (ErasureReason.PersonAsked or ErasureReason.Deceased))
        {
            errors[nameof(form.Reason)] = "Kies waarom de gegevens gewist moeten worden.";
        }
        if (form.ReceivedOn is not { } received)
        {
            errors[nameof(form.ReceivedOn)] = "Vul de datum in waarop het verzoek of het bericht binnenkwam.";
        }
        else if (received > today)
        {
            errors[nameof(form.ReceivedOn)] = "De datum kan niet na vandaag liggen.";
        }
        if (errors.Count > 0)
        {
            return Outcome.Invalid(errors);
        }
        if (newcomer.ErasedAt is not null)
        {
            return Outcome.Refused("De gegevens van dit dossier zijn al gewist.");
        }
        if (await db.Erasures.Where(e => e.NewcomerId == newcomerId).AnyAsync(Erasure.Open, cancellationToken))
        {
            return Outcome.Refused("Voor dit dossier loopt al een verzoek tot wissen.");
        }
        db.Add(Erasure.Request(newcomer.MunicipalityId, newcomerId, form.Reason!.Value, form.ReceivedOn!.Value,
            currentUser.UserId ?? currentUser.ActorId, clock.GetUtcNow()));
        db.AuditPurpose = Purpose;
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Saved();
    }
}
