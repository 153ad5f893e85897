using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Platform.Editing;
using Thuis.Web.Platform.Localization;
using Thuis.Web.Platform.Security;

namespace Thuis.Web.Features.Dossiers;

public sealed class DossierStatusForm
{
    public DossierStatus Status { get; set; }

    /// <summary>For "niet nu": until when the person wants to be left alone.</summary>
    public DateOnly? PausedUntil { get; set; }

    [StringLength(1000, ErrorMessage = "Hoogstens 1000 tekens.")]
    public string? Reason { get; set; }

    public string? CaseManagerId { get; set; }

    public Guid Version { get; set; }
}

public sealed record CaseManagerOption(string Id, string Name);

public sealed record DossierStatusEditing(string Name, DossierStatusForm Form, IReadOnlyList<CaseManagerOption> CaseManagers);

/// <summary>Assigns the case manager and sets the dossier's status, including "niet nu" with an end date and the reason.</summary>
public sealed class ChangeDossierStatus(AppDbContext db, CurrentUser currentUser, TimeProvider clock)
{
    public async Task<List<CaseManagerOption>> CaseManagersAsync(CancellationToken cancellationToken)
    {
        var municipalityId = currentUser.MunicipalityId;
        var roleId = await db.Roles.Where(r => r.Name == Roles.CaseManager).Select(r => r.Id).SingleAsync(cancellationToken);
        return await db.Users.Where(u => u.MunicipalityId == municipalityId && db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == roleId))
            .OrderBy(u => u.DisplayName)
            .Select(u => new CaseManagerOption(u.Id, u.DisplayName))
            .ToListAsync(cancellationToken);
    }

    public async Task<DossierStatusEditing?> LoadAsync(Guid newcomerId, CancellationToken cancellationToken)
    {
        var current = await ReadDossier.NewcomerAsync(db, newcomerId, nameof(Newcomer), "Status van het dossier bekijken", cancellationToken);
        if (current is null)
        {
            return null;
        }
        var form = new DossierStatusForm
        {
            Status = current.Status,
            PausedUntil = current.PausedUntil,
            Reason = current.StatusReason,
            CaseManagerId = current.CaseManagerId,
            Version = current.Version,
        };
        return new DossierStatusEditing($"{current.GivenNames} {current.FamilyName}", form, await CaseManagersAsync(cancellationToken));
    }

    public async Task<Outcome> HandleAsync(Guid newcomerId, DossierStatusForm form, CancellationToken cancellationToken)
    {
        var newcomer = await db.Newcomers.SingleOrDefaultAsync(n => n.Id == newcomerId, cancellationToken);
        if (newcomer is null)
        {
            return Outcome.NotFound();
        }
        var errors = new Dictionary<string, string>();
        var today = clock.InTheNetherlands();
        if (form.Status == DossierStatus.Paused)
        {
            if (form.PausedUntil is not { } until || until <= today)
            {
                errors[nameof(DossierStatusForm.PausedUntil)] = "Kies een datum na vandaag tot wanneer ‘niet nu’ geldt.";
            }
            if (string.IsNullOrWhiteSpace(form.Reason))
            {
                errors[nameof(DossierStatusForm.Reason)] = "Schrijf op waarom de persoon even niet wil of kan; in eigen woorden.";
            }
        }
        if (form.CaseManagerId is { Length: > 0 } chosen && !(await CaseManagersAsync(cancellationToken)).Any(c => c.Id == chosen))
        {
            errors[nameof(DossierStatusForm.CaseManagerId)] = "Kies een klantregisseur van uw gemeente.";
        }
        if (errors.Count > 0)
        {
            return Outcome.Invalid(errors);
        }
        return await SaveVersionedChange.HandleAsync(db, newcomer, form.Version, n => Apply(n, form, today), EditNewcomer.ChangedMeanwhile, cancellationToken);
    }

    private static void Apply(Newcomer newcomer, DossierStatusForm form, DateOnly today)
    {
        var caseManagerId = string.IsNullOrEmpty(form.CaseManagerId) ? null : form.CaseManagerId;
        if (newcomer.CaseManagerId != caseManagerId)
        {
            newcomer.AssignCaseManager(caseManagerId);
        }
        switch (form.Status)
        {
            case DossierStatus.Paused:
                newcomer.Pause(form.PausedUntil!.Value, form.Reason!);
                break;
            case DossierStatus.MovedAway:
                newcomer.MarkMovedAway(form.Reason, today);
                break;
            case DossierStatus.Completed:
                newcomer.Complete(form.Reason, today);
                break;
            case DossierStatus.Active when newcomer.Status != DossierStatus.Active:
                newcomer.Resume();
                break;
        }
    }
}
