using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Features.Dossiers;
using Thuis.Web.Platform.Editing;
using Thuis.Web.Platform.Localization;
using Thuis.Web.Platform.Security;

namespace Thuis.Web.Features.Milestones;

public sealed class MilestoneInput
{
    public const int NoteLength = 2000;

    private Dictionary<string, bool> _signChoices = [];

    public MilestoneState State { get; set; }
    public DateOnly? ReachedOn { get; set; }
    /// <summary>Ticked signs by their text, as posted by the checkboxes; none ticked posts none.</summary>
    public Dictionary<string, bool> SignChoices
    {
        get => _signChoices;
        set => _signChoices = value ?? [];
    }
    public string? Note { get; set; }
    public Guid Version { get; set; }

    public IEnumerable<string> TickedSigns => SignChoices.Where(s => s.Value).Select(s => s.Key);

    public static MilestoneInput From(MilestoneLine line) => new()
    {
        State = line.Recorded,
        ReachedOn = line.ReachedOn,
        SignChoices = line.Signs.ToDictionary(s => s, _ => true),
        Note = line.Note,
        Version = line.Version,
    };
}

public sealed class MilestonesForm
{
    public MilestoneInput Integrate { get; set; } = new();

    public MilestoneInput Participate { get; set; } = new();

    public static MilestonesForm From(MilestonesView view) => new()
    {
        Integrate = MilestoneInput.From(view.Line(MilestoneKind.Integrate)),
        Participate = MilestoneInput.From(view.Line(MilestoneKind.Participate)),
    };

    public IEnumerable<(MilestoneKind Kind, MilestoneInput Input)> Recorded =>
        [(MilestoneKind.Integrate, Integrate), (MilestoneKind.Participate, Participate)];

    /// <summary>Messages keyed by the field's path, e.g. "Participate.ReachedOn".</summary>
    public Dictionary<string, string> Check(DateOnly today)
    {
        var errors = new Dictionary<string, string>();
        foreach (var (kind, input) in Recorded)
        {
            var prefix = kind == MilestoneKind.Integrate ? nameof(Integrate) : nameof(Participate);
            if (input.State == MilestoneState.Reached && input.ReachedOn is null)
            {
                errors[$"{prefix}.{nameof(MilestoneInput.ReachedOn)}"] = "Vul in op welke datum de mijlpaal is bereikt.";
            }
            else if (input.State == MilestoneState.Reached && input.ReachedOn > today)
            {
                errors[$"{prefix}.{nameof(MilestoneInput.ReachedOn)}"] = "Kies een datum die niet na vandaag ligt.";
            }
            if (input.State == MilestoneState.Reached && kind == MilestoneKind.Participate && !input.TickedSigns.Any(kind.Signs().Contains))
            {
                errors[$"{prefix}.{nameof(MilestoneInput.SignChoices)}"] = "Kruis aan waarin de persoon actief is: minstens één.";
            }
            if (input.Note?.Trim().Length > MilestoneInput.NoteLength)
            {
                errors[$"{prefix}.{nameof(MilestoneInput.Note)}"] = $"Hoogstens {MilestoneInput.NoteLength} tekens.";
            }
            else if (input.State == MilestoneState.Behind && string.IsNullOrWhiteSpace(input.Note))
            {
                errors[$"{prefix}.{nameof(MilestoneInput.Note)}"] = "Schrijf op wat er in de weg staat, zodat het opgepakt kan worden.";
            }
        }
        return errors;
    }
}

/// <summary>
/// Records where the integrating and participating milestones stand, refusing when someone else saved
/// either since the form was loaded. A milestone whose input did not change is left as it was.
/// </summary>
public sealed class RecordMilestones(AppDbContext db, CurrentUser currentUser, TimeProvider clock)
{
    public async Task<Outcome> HandleAsync(Guid newcomerId, MilestonesForm form, CancellationToken cancellationToken)
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

        var stored = await db.Milestones.Where(m => m.NewcomerId == newcomerId).ToListAsync(cancellationToken);
        foreach (var (kind, input) in form.Recorded)
        {
            var milestone = stored.SingleOrDefault(m => m.Kind == kind);
            if ((milestone?.Version ?? Guid.Empty) != input.Version)
            {
                return Outcome.Conflict(EditNewcomer.ChangedMeanwhile);
            }
            if (Unchanged(milestone, input))
            {
                continue;
            }
            if (milestone is null)
            {
                milestone = new Milestone(newcomerId, newcomer.MunicipalityId, kind);
                db.Milestones.Add(milestone);
            }
            milestone.Record(input.State, input.ReachedOn, input.TickedSigns, input.Note, currentUser.DisplayName, clock.GetUtcNow(), today);
        }
        // Saved by someone else between our read and our write: theirs stays, ours is refused.
        return await SaveVersionedChange.SaveAsync(db, EditNewcomer.ChangedMeanwhile, cancellationToken);
    }

    private static bool Unchanged(Milestone? milestone, MilestoneInput input)
    {
        var note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim();
        var signs = input.TickedSigns.Order().ToList();
        var reachedOn = input.State == MilestoneState.Reached ? input.ReachedOn : null;
        return milestone is null
            ? input.State == MilestoneState.NotYet && note is null && signs.Count == 0
            : milestone.State == input.State && milestone.ReachedOn == reachedOn && milestone.Note == note && milestone.Signs.Order().SequenceEqual(signs);
    }
}
