using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Platform.Editing;
using Thuis.Web.Platform.Localization;

namespace Thuis.Web.Features.Dossiers;

/// <summary>Corrects a newcomer's details; refused when someone else changed the dossier since the form was loaded.</summary>
public sealed class EditNewcomer(AppDbContext db, TimeProvider clock)
{
    public const string ChangedMeanwhile =
        "Iemand anders heeft dit dossier intussen gewijzigd. Uw invoer staat hieronder nog; open het dossier opnieuw om de nieuwe gegevens te zien en voer uw wijziging dan opnieuw in.";

    public async Task<NewcomerForm?> LoadAsync(Guid newcomerId, CancellationToken cancellationToken)
    {
        var newcomer = await ReadDossier.NewcomerAsync(db, newcomerId, nameof(Newcomer), "Persoonsgegevens bewerken", cancellationToken);
        return newcomer is null ? null : NewcomerForm.From(newcomer);
    }

    public async Task<Outcome> HandleAsync(Guid newcomerId, NewcomerForm form, CancellationToken cancellationToken)
    {
        var newcomer = await db.Newcomers.SingleOrDefaultAsync(n => n.Id == newcomerId, cancellationToken);
        if (newcomer is null)
        {
            return Outcome.NotFound();
        }
        var errors = form.Check(clock.InTheNetherlands());
        if (errors.Count > 0)
        {
            return Outcome.Invalid(errors);
        }
        var person = form.ToPerson();
        if (person.Bsn is not null && await db.Newcomers.AnyAsync(n => n.Id != newcomerId && n.Bsn == person.Bsn, cancellationToken))
        {
            errors[nameof(NewcomerForm.Bsn)] = "Een ander dossier in uw gemeente heeft dit BSN al.";
        }
        if (person.VNumber is not null && await db.Newcomers.AnyAsync(n => n.Id != newcomerId && n.VNumber == person.VNumber, cancellationToken))
        {
            errors[nameof(NewcomerForm.VNumber)] = "Een ander dossier in uw gemeente heeft dit V-nummer al.";
        }
        if (errors.Count > 0)
        {
            return Outcome.Invalid(errors);
        }
        return await SaveVersionedChange.HandleAsync(db, newcomer, form.Version, n =>
        {
            n.UpdatePerson(person);
            n.UpdateLegalFrame(form.ToLegalFrame());
        }, ChangedMeanwhile, cancellationToken);
    }
}
