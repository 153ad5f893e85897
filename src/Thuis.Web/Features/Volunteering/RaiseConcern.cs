using System.ComponentModel.DataAnnotations;
using Thuis.Web.Data;
using Thuis.Web.Platform.Editing;
using Thuis.Web.Platform.Localization;
using Thuis.Web.Platform.Security;

namespace Thuis.Web.Features.Volunteering;

public sealed class RaiseConcernForm
{
    [Required(ErrorMessage = "Schrijf in je eigen woorden waar je je zorgen over maakt.")]
    [StringLength(VolunteerConcern.WordsLength, ErrorMessage = "Hoogstens 1000 tekens.")]
    public string? Words { get; set; }
}

/// <summary>
/// "Ik maak me zorgen": the volunteer passes a concern about the person of one of their own matches to the case manager,
/// in their own words. The signal that follows is raised by <see cref="VolunteerConcernRule"/> after the save.
/// </summary>
public sealed class RaiseConcern(AppDbContext db, CurrentUser currentUser, TimeProvider clock)
{
    public async Task<Outcome> HandleAsync(Guid proposalId, RaiseConcernForm form, CancellationToken cancellationToken)
    {
        var match = await ViewOwnMatch.FindAsync(db, currentUser, clock, proposalId, cancellationToken);
        if (match is null)
        {
            return Outcome.NotFound();
        }
        if (string.IsNullOrWhiteSpace(form.Words))
        {
            return Outcome.Invalid(nameof(RaiseConcernForm.Words), "Schrijf in je eigen woorden waar je je zorgen over maakt.");
        }
        var municipalityId = currentUser.MunicipalityId ?? throw new InvalidOperationException("Geen gemeente.");
        db.VolunteerConcerns.Add(new VolunteerConcern(municipalityId, match.Key, form.Words, currentUser.DisplayName, clock.GetUtcNow(),
            clock.InTheNetherlands()));
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Saved();
    }
}
