using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Features.Dossiers;
using Thuis.Web.Features.Referrals;
using Thuis.Web.Platform.Auditing;
using Thuis.Web.Platform.Editing;
using Thuis.Web.Platform.Localization;
using Thuis.Web.Platform.Security;

namespace Thuis.Web.Features.Community;

/// <summary>One consent as the role-model page lists it.</summary>
public sealed record RoleModelLine(Guid ConsentId, Guid NewcomerId, string Name, DateOnly GivenOn, string RecordedBy, string? Note,
    DateOnly? WithdrawnOn, string? WithdrawnBy, bool WithdrawnThemselves, int ActivitiesToCome, int ActivitiesDone);

public sealed record RoleModelList(IReadOnlyList<RoleModelLine> Consents, IReadOnlyList<Pick> Newcomers);

public sealed class RoleModelConsentForm
{
    public Guid? NewcomerId { get; set; }

    public DateOnly? GivenOn { get; set; }

    [StringLength(RoleModelConsent.NoteLength, ErrorMessage = "Hoogstens 500 tekens.")]
    public string? Note { get; set; }
}

public sealed class WithdrawRoleModelForm
{
    public Guid Version { get; set; }
}

/// <summary>
/// The newcomers who consent to be a role model: recorded by the case manager or coordinator as the person said it,
/// and withdrawn the same way. Withdrawing takes them off every activity from today on; the activities that have passed
/// keep them, as what happened. Every change is audited as a change of the person's data.
/// </summary>
public sealed class RoleModels(AppDbContext db, CurrentUser currentUser, TimeProvider clock)
{
    public const string Purpose = "Draagvlakactiviteiten: toestemming als rolmodel";
    public const string ChangedMeanwhile = "Iemand anders heeft deze toestemming intussen gewijzigd. Open de pagina opnieuw.";

    /// <summary>The consents, holding ones first; and, for who may record one, the people without one that holds.</summary>
    public async Task<RoleModelList> ListAsync(CancellationToken cancellationToken)
    {
        var today = clock.InTheNetherlands();
        var consents = await (from c in db.RoleModelConsents.AsNoTracking()
                              join n in db.Newcomers on c.NewcomerId equals n.Id
                              select new RoleModelLine(c.Id, n.Id, n.GivenNames + " " + n.FamilyName, c.GivenOn, c.RecordedBy, c.Note, c.WithdrawnOn, c.WithdrawnBy, c.WithdrawnThemselves,
                                  db.ActivityRoleModels.Count(r => r.NewcomerId == n.Id && db.CommunityActivities.Any(a => a.Id == r.ActivityId && a.Date >= today)),
                                  db.ActivityRoleModels.Count(r => r.NewcomerId == n.Id && db.CommunityActivities.Any(a => a.Id == r.ActivityId && a.Date < today))))
            .ToListAsync(cancellationToken);
        foreach (var id in consents.Select(c => c.NewcomerId).Distinct())
        {
            db.RecordAudit(AuditAction.View, nameof(RoleModelConsent), id.ToString(), AuditResult.Success, Purpose, id);
        }
        await db.SaveChangesAsync(cancellationToken);
        IReadOnlyList<Pick> newcomers = [];
        if (currentUser.IsInAnyRole(CommunitySetup.ConsentKeepers))
        {
            newcomers = await db.Newcomers.AsNoTracking()
                .Where(n => n.Status == DossierStatus.Active && !db.RoleModelConsents.Any(c => c.NewcomerId == n.Id && c.WithdrawnOn == null))
                .OrderBy(n => n.GivenNames).ThenBy(n => n.FamilyName).Select(n => new Pick(n.Id, n.GivenNames + " " + n.FamilyName)).ToListAsync(cancellationToken);
        }
        return new RoleModelList([.. consents.OrderBy(c => c.WithdrawnOn is not null).ThenBy(c => c.Name, StringComparer.CurrentCulture)], newcomers);
    }

    public async Task<Outcome> RecordAsync(RoleModelConsentForm form, CancellationToken cancellationToken)
    {
        var today = clock.InTheNetherlands();
        var errors = new Dictionary<string, string>();
        var newcomer = form.NewcomerId is { } id ? await db.Newcomers.AsNoTracking().SingleOrDefaultAsync(n => n.Id == id, cancellationToken) : null;
        if (newcomer is null)
        {
            errors[nameof(RoleModelConsentForm.NewcomerId)] = "Kies wie toestemming geeft.";
        }
        else if (await db.RoleModelConsents.AnyAsync(c => c.NewcomerId == newcomer.Id && c.WithdrawnOn == null, cancellationToken))
        {
            errors[nameof(RoleModelConsentForm.NewcomerId)] = "Deze persoon heeft al toestemming gegeven.";
        }
        if (form.GivenOn > today)
        {
            errors[nameof(RoleModelConsentForm.GivenOn)] = "Kies een datum die niet na vandaag ligt.";
        }
        if (errors.Count > 0)
        {
            return Outcome.Invalid(errors);
        }
        db.RoleModelConsents.Add(new RoleModelConsent(newcomer!, form.GivenOn ?? today, form.Note, ByWhom.Staff(currentUser.DisplayName, clock.GetUtcNow())));
        return await SaveVersionedChange.SaveAsync(db, ChangedMeanwhile, cancellationToken);
    }

    /// <summary>The consent with the person's name, for the page that asks to confirm the withdrawal.</summary>
    public async Task<RoleModelLine?> OneAsync(Guid consentId, CancellationToken cancellationToken) =>
        (await ListAsync(cancellationToken)).Consents.SingleOrDefault(c => c.ConsentId == consentId);

    /// <summary>Withdraws the consent and takes the person off every activity from today on.</summary>
    public async Task<Outcome> WithdrawAsync(Guid consentId, CancellationToken cancellationToken)
    {
        var consent = await db.RoleModelConsents.SingleOrDefaultAsync(c => c.Id == consentId, cancellationToken);
        if (consent is null)
        {
            return Outcome.NotFound();
        }
        if (consent.WithdrawnOn is not null)
        {
            return Outcome.Refused("Deze toestemming is al ingetrokken.");
        }
        await WithdrawAsync(db, consent, clock.InTheNetherlands(), ByWhom.Staff(currentUser.DisplayName, clock.GetUtcNow()), cancellationToken);
        return await SaveVersionedChange.SaveAsync(db, ChangedMeanwhile, cancellationToken);
    }

    /// <summary>
    /// Withdraws the consent from today and takes the person off every activity still to come; the caller saves. One rule
    /// for the staff's withdrawal here and the person's own in their Thuis (<see cref="Own.WithdrawOwnRoleModel"/>).
    /// </summary>
    public static async Task WithdrawAsync(AppDbContext db, RoleModelConsent consent, DateOnly today, ByWhom by, CancellationToken cancellationToken)
    {
        consent.Withdraw(today, by);
        var coming = await db.CommunityActivities.Include(a => a.RoleModels)
            .Where(a => a.Date >= today && a.RoleModels.Any(r => r.NewcomerId == consent.NewcomerId)).ToListAsync(cancellationToken);
        foreach (var activity in coming)
        {
            activity.RemoveRoleModel(consent.NewcomerId);
        }
    }
}
