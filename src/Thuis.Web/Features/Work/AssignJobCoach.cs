using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Platform.Editing;
using Thuis.Web.Platform.Localization;

namespace Thuis.Web.Features.Work;

public sealed class JobCoachForm
{
    /// <summary>Professional or volunteer: none until the case manager chooses.</summary>
    public JobCoachKind? Kind { get; set; }

    [Required(ErrorMessage = "Vul de naam van de jobcoach in.")]
    [StringLength(JobCoach.NameLength, ErrorMessage = "Een naam is hoogstens 200 tekens.")]
    public string? Name { get; set; }

    [StringLength(JobCoach.NameLength, ErrorMessage = "Hoogstens 200 tekens.")]
    public string? Organisation { get; set; }

    public DateOnly? Since { get; set; }

    /// <summary>Empty when the person has no job coach yet.</summary>
    public Guid Version { get; set; }

    public static JobCoachForm From(JobCoach? coach) => coach is null ? new() : new()
    {
        Kind = coach.Kind,
        Name = coach.Name,
        Organisation = coach.Organisation,
        Since = coach.Since,
        Version = coach.Version,
    };
}

/// <summary>Gives a person a job coach, or another one in the place of the last; two people doing it at once cannot both win.</summary>
public sealed class AssignJobCoach(AppDbContext db, TimeProvider clock)
{
    public const string ChangedMeanwhile = "Iemand anders heeft intussen een jobcoach vastgelegd. Open de pagina opnieuw en kies dan opnieuw.";

    public async Task<Outcome> HandleAsync(Guid newcomerId, JobCoachForm form, CancellationToken cancellationToken)
    {
        var newcomer = await db.Newcomers.AsNoTracking().SingleOrDefaultAsync(n => n.Id == newcomerId, cancellationToken);
        if (newcomer is null)
        {
            return Outcome.NotFound();
        }
        var today = clock.InTheNetherlands();
        var errors = new Dictionary<string, string>();
        if (form.Kind is null)
        {
            errors[nameof(JobCoachForm.Kind)] = "Kies of de jobcoach een professional of een vrijwilliger is.";
        }
        if (string.IsNullOrWhiteSpace(form.Name))
        {
            errors[nameof(JobCoachForm.Name)] = "Vul de naam van de jobcoach in.";
        }
        if (form.Since > today)
        {
            errors[nameof(JobCoachForm.Since)] = "Kies een datum die niet na vandaag ligt.";
        }
        if (errors.Count > 0)
        {
            return Outcome.Invalid(errors);
        }
        var details = new JobCoachDetails(form.Kind!.Value, form.Name!, form.Organisation, form.Since ?? today);
        var coach = await db.JobCoaches.SingleOrDefaultAsync(c => c.NewcomerId == newcomerId, cancellationToken);
        return coach is null
            ? await SaveVersionedChange.AddAsync(db, () => new JobCoach(newcomer, details), form.Version, ChangedMeanwhile, cancellationToken)
            : await SaveVersionedChange.HandleAsync(db, coach, form.Version, c => c.Assign(details), ChangedMeanwhile, cancellationToken);
    }
}
