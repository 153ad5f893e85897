using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Platform.Localization;

namespace Thuis.Web.Features.Dossiers;

public sealed record EditResult(bool Succeeded, bool NotFound, IReadOnlyDictionary<string, string> FieldErrors, string? Refusal);

/// <summary>Corrects a newcomer's details; refused when someone else changed the dossier since the form was loaded.</summary>
public sealed class EditNewcomer(AppDbContext db, TimeProvider clock)
{
    public async Task<NewcomerForm?> LoadAsync(Guid newcomerId, CancellationToken cancellationToken)
    {
        var newcomer = await db.Newcomers.AsNoTracking().SingleOrDefaultAsync(n => n.Id == newcomerId, cancellationToken);
        return newcomer is null ? null : NewcomerForm.From(newcomer);
    }

    public async Task<EditResult> HandleAsync(Guid newcomerId, NewcomerForm form, CancellationToken cancellationToken)
    {
        var newcomer = await db.Newcomers.SingleOrDefaultAsync(n => n.Id == newcomerId, cancellationToken);
        if (newcomer is null)
        {
            return new EditResult(false, true, new Dictionary<string, string>(), null);
        }
        var errors = form.Check(clock.InTheNetherlands());
        if (errors.Count > 0)
        {
            return new EditResult(false, false, errors, null);
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
            return new EditResult(false, false, errors, null);
        }
        if (newcomer.Version != form.Version)
        {
            return Changed();
        }

        db.Entry(newcomer).Property(n => n.Version).OriginalValue = form.Version;
        newcomer.UpdatePerson(person);
        newcomer.UpdateLegalFrame(form.ToLegalFrame());
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return new EditResult(true, false, new Dictionary<string, string>(), null);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Changed();
        }
    }

    private static EditResult Changed() => new(false, false, new Dictionary<string, string>(),
        "Iemand anders heeft dit dossier intussen gewijzigd. Uw invoer staat hieronder nog; open het dossier opnieuw om de nieuwe gegevens te zien en voer uw wijziging dan opnieuw in.");
}
