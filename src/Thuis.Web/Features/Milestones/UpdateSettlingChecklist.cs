using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Features.Dossiers;
using Thuis.Web.Platform.Editing;
using Thuis.Web.Platform.Localization;
using Thuis.Web.Platform.Security;

namespace Thuis.Web.Features.Milestones;

public sealed class SettlingItemInput
{
    public string Code { get; set; } = "";
    public SettlingItemStatus Status { get; set; }
    public DateOnly? DoneOn { get; set; }
    public string? Note { get; set; }
}

public sealed class SettlingChecklistForm
{
    public const int NoteLength = 500;

    public List<SettlingItemInput> Items { get; set; } = [];

    public Guid Version { get; set; }

    /// <summary>
    /// The items that apply as far as the intake tells, as they stand now. An item not yet arranged has today's date
    /// ready, so ticking "geregeld" always comes with a date the case manager sees and can change.
    /// </summary>
    public static SettlingChecklistForm From(MilestonesView view, DateOnly today) => new()
    {
        Items = view.Settling.Where(r => r.AutomaticallyNotApplicable is null)
            .Select(r => new SettlingItemInput { Code = r.Definition.Code, Status = r.Status, DoneOn = r.DoneOn ?? today, Note = r.Note })
            .ToList(),
        Version = view.ChecklistVersion,
    };

    /// <summary>Messages keyed by the field's path, e.g. "Items[3].Note".</summary>
    public Dictionary<string, string> Check(DateOnly today)
    {
        var errors = new Dictionary<string, string>();
        for (var i = 0; i < Items.Count; i++)
        {
            var item = Items[i];
            var note = $"{nameof(Items)}[{i}].{nameof(SettlingItemInput.Note)}";
            if (item.Note?.Trim().Length > NoteLength)
            {
                errors[note] = $"Hoogstens {NoteLength} tekens.";
            }
            else if (item.Status == SettlingItemStatus.NotApplicable && string.IsNullOrWhiteSpace(item.Note))
            {
                errors[note] = "Schrijf bij ‘niet van toepassing’ de reden op.";
            }
            var doneOn = $"{nameof(Items)}[{i}].{nameof(SettlingItemInput.DoneOn)}";
            if (item.Status == SettlingItemStatus.Done && item.DoneOn is null)
            {
                errors[doneOn] = "Vul in wanneer dit geregeld is.";
            }
            else if (item.Status == SettlingItemStatus.Done && item.DoneOn > today)
            {
                errors[doneOn] = "Kies een datum die niet na vandaag ligt.";
            }
        }
        return errors;
    }
}

/// <summary>
/// Saves the settling checklist of a newcomer from one form, refusing when someone else saved it since
/// the form was loaded (also when both created it at once) — on SQLite and PostgreSQL alike.
/// </summary>
public sealed class UpdateSettlingChecklist(AppDbContext db, CurrentUser currentUser, TimeProvider clock)
{
    public async Task<Outcome> HandleAsync(Guid newcomerId, SettlingChecklistForm form, CancellationToken cancellationToken)
    {
        var newcomer = await db.Newcomers.Where(n => n.Id == newcomerId).Select(n => new { n.MunicipalityId }).SingleOrDefaultAsync(cancellationToken);
        if (newcomer is null)
        {
            return Outcome.NotFound();
        }
        var today = clock.InTheNetherlands();
        var errors = form.Check(today);
        if (errors.Count > 0)
        {
            return Outcome.Invalid(errors);
        }

        var checklist = await db.SettlingChecklists.SingleOrDefaultAsync(c => c.NewcomerId == newcomerId, cancellationToken);
        if (checklist is null)
        {
            if (form.Version != Guid.Empty)
            {
                return Outcome.Conflict(EditNewcomer.ChangedMeanwhile);
            }
            checklist = new SettlingChecklist(newcomerId, newcomer.MunicipalityId);
            db.SettlingChecklists.Add(checklist);
        }
        else if (checklist.Version != form.Version)
        {
            return Outcome.Conflict(EditNewcomer.ChangedMeanwhile);
        }

        foreach (var item in form.Items.Where(i => SettlingItems.Find(i.Code) is not null))
        {
            checklist.Record(item.Code, item.Status, item.Status == SettlingItemStatus.Done ? item.DoneOn : null, item.Note, currentUser.DisplayName, today);
        }
        checklist.MarkUpdated(currentUser.DisplayName, clock.GetUtcNow());
        // Saved by someone else between our read and our write (also both creating it at once): theirs stays, ours is refused.
        return await SaveVersionedChange.SaveAsync(db, EditNewcomer.ChangedMeanwhile, cancellationToken);
    }
}
