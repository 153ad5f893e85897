using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Platform.Auditing;
using Thuis.Web.Platform.Editing;
using Thuis.Web.Platform.Localization;
using Thuis.Web.Platform.Security;

namespace Thuis.Web.Features.Community;

/// <summary>One person or volunteer the planner may tick.</summary>
public sealed class Choice
{
    public Guid Id { get; set; }

    public bool Chosen { get; set; }
}

public sealed class ActivityForm
{
    public CommunityActivityKind? Kind { get; set; }

    public PresentationSetting? Setting { get; set; }

    [Required(ErrorMessage = "Geef de activiteit een titel.")]
    [StringLength(CommunityActivity.TitleLength, ErrorMessage = "Een titel is hoogstens 200 tekens.")]
    public string? Title { get; set; }

    public Guid? OrganisationId { get; set; }

    public DateOnly? Date { get; set; }

    [Required(ErrorMessage = "Vul in waar de activiteit is.")]
    [StringLength(CommunityActivity.PlaceLength, ErrorMessage = "Hoogstens 200 tekens.")]
    public string? Place { get; set; }

    [Required(ErrorMessage = "Vul het postcodegebied van de buurt in: vier cijfers, zoals 8441.")]
    public string? PostcodeArea { get; set; }

    [StringLength(CommunityActivity.PlaceLength, ErrorMessage = "Hoogstens 200 tekens.")]
    public string? Neighbourhood { get; set; }

    public AudienceKind? Audience { get; set; }

    [StringLength(CommunityActivity.PlaceLength, ErrorMessage = "Hoogstens 200 tekens.")]
    public string? AudienceNote { get; set; }

    [Range(0, 100_000, ErrorMessage = "Vul een aantal van 0 of meer in.")]
    public int? Reached { get; set; }

    [Range(0, 10_000, ErrorMessage = "Vul een aantal van 0 of meer in.")]
    public int? NewVolunteers { get; set; }

    [Range(0, 10_000, ErrorMessage = "Vul een aantal van 0 of meer in.")]
    public int? NewOffers { get; set; }

    [StringLength(CommunityActivity.NoteLength, ErrorMessage = "Hoogstens 1000 tekens.")]
    public string? FollowUp { get; set; }

    public List<Choice> RoleModels { get; set; } = [];

    public List<Choice> Volunteers { get; set; } = [];

    /// <summary>Empty for a new activity.</summary>
    public Guid Version { get; set; }

    /// <summary>A posted form without any person or volunteer to tick leaves its lists unset; they are empty lists then.</summary>
    public ActivityForm WithLists()
    {
        RoleModels ??= [];
        Volunteers ??= [];
        return this;
    }

    public static ActivityForm From(CommunityActivity? activity, ActivityOptions options) => new()
    {
        Kind = activity?.Kind,
        Setting = activity?.Setting,
        Title = activity?.Title,
        OrganisationId = activity?.OrganisationId,
        Date = activity?.Date,
        Place = activity?.Place,
        PostcodeArea = activity?.PostcodeArea,
        Neighbourhood = activity?.Neighbourhood,
        Audience = activity?.Audience,
        AudienceNote = activity?.AudienceNote,
        Reached = activity?.Reached,
        NewVolunteers = activity?.NewVolunteers,
        NewOffers = activity?.NewOffers,
        FollowUp = activity?.FollowUp,
        RoleModels = [.. options.RoleModels.Select(r => new Choice { Id = r.Id, Chosen = activity?.RoleModels.Any(m => m.NewcomerId == r.Id) ?? false })],
        Volunteers = [.. options.Volunteers.Select(v => new Choice { Id = v.Id, Chosen = activity?.Volunteers.Any(m => m.VolunteerId == v.Id) ?? false })],
        Version = activity?.Version ?? Guid.Empty,
    };
}

public sealed record Pick(Guid Id, string Name);

/// <summary>
/// What the planner chooses from: the organisations of the social map, the people who consent to be a role model (and
/// anyone already on this activity), and the volunteers.
/// </summary>
public sealed record ActivityOptions(IReadOnlyList<Pick> Organisations, IReadOnlyList<Pick> RoleModels, IReadOnlyList<Pick> Volunteers)
{
    public string Name(IReadOnlyList<Pick> options, Guid id) => options.FirstOrDefault(o => o.Id == id)?.Name ?? "";
}

/// <summary>Plans a draagvlak activity or changes it, records its reach afterwards, or deletes it.</summary>
public sealed class PlanActivity(AppDbContext db, CurrentUser currentUser, TimeProvider clock)
{
    public const string ChangedMeanwhile = "Iemand anders heeft deze activiteit intussen gewijzigd. Open de pagina opnieuw en vul het dan opnieuw in.";
    public const string Purpose = "Draagvlakactiviteiten plannen: rolmodellen met toestemming";

    /// <summary>The activity to change (null for a new one) with what to choose from; null when there is no such activity.</summary>
    public async Task<(CommunityActivity? Activity, ActivityOptions Options)?> LoadAsync(Guid? activityId, CancellationToken cancellationToken)
    {
        CommunityActivity? activity = null;
        if (activityId is { } id)
        {
            activity = await db.CommunityActivities.AsNoTracking().Include(a => a.RoleModels).Include(a => a.Volunteers)
                .SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
            if (activity is null)
            {
                return null;
            }
        }
        return (activity, await OptionsAsync(activity, cancellationToken));
    }

    private async Task<ActivityOptions> OptionsAsync(CommunityActivity? activity, CancellationToken cancellationToken)
    {
        var today = clock.InTheNetherlands();
        var organisations = await db.Organisations.AsNoTracking().OrderBy(o => o.Name).Select(o => new Pick(o.Id, o.Name)).ToListAsync(cancellationToken);
        var onIt = activity?.RoleModels.Select(r => r.NewcomerId).ToList() ?? [];
        var consenting = db.RoleModelConsents.Where(c => c.WithdrawnOn == null && c.GivenOn <= today).Select(c => c.NewcomerId);
        var people = await db.Newcomers.AsNoTracking().Where(n => consenting.Contains(n.Id) || onIt.Contains(n.Id))
            .OrderBy(n => n.GivenNames).ThenBy(n => n.FamilyName)
            .Select(n => new Pick(n.Id, n.GivenNames + " " + n.FamilyName)).ToListAsync(cancellationToken);
        foreach (var person in people)
        {
            db.RecordAudit(AuditAction.View, nameof(RoleModelConsent), person.Id.ToString(), AuditResult.Success, Purpose, person.Id);
        }
        await db.SaveChangesAsync(cancellationToken);
        var volunteers = await db.Volunteers.AsNoTracking().OrderBy(v => v.Name).Select(v => new Pick(v.Id, v.Name)).ToListAsync(cancellationToken);
        return new ActivityOptions(organisations, people, volunteers);
    }

    public async Task<Outcome<Guid>> HandleAsync(Guid? activityId, ActivityForm form, CancellationToken cancellationToken)
    {
        form.WithLists();
        CommunityActivity? activity = null;
        if (activityId is { } id)
        {
            activity = await db.CommunityActivities.Include(a => a.RoleModels).Include(a => a.Volunteers).SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
            if (activity is null)
            {
                return Outcome.NotFound();
            }
        }
        var today = clock.InTheNetherlands();
        var errors = new Dictionary<string, string>();
        if (form.Kind is null)
        {
            errors[nameof(ActivityForm.Kind)] = "Kies wat voor activiteit het is.";
        }
        else if (form.Kind == CommunityActivityKind.RoleModelPresentation && form.Setting is null)
        {
            errors[nameof(ActivityForm.Setting)] = "Kies waar de presentatie is: school, vereniging, kerk of buurt.";
        }
        if (form.OrganisationId is not { } organisationId || !await db.Organisations.AnyAsync(o => o.Id == organisationId, cancellationToken))
        {
            errors[nameof(ActivityForm.OrganisationId)] = "Kies de organisatie die de activiteit ontvangt.";
        }
        if (form.Date is null)
        {
            errors[nameof(ActivityForm.Date)] = "Vul de datum van de activiteit in.";
        }
        if (string.IsNullOrWhiteSpace(form.Title))
        {
            errors[nameof(ActivityForm.Title)] = "Geef de activiteit een titel.";
        }
        if (string.IsNullOrWhiteSpace(form.Place))
        {
            errors[nameof(ActivityForm.Place)] = "Vul in waar de activiteit is.";
        }
        var area = form.PostcodeArea?.Trim();
        if (!CommunityActivity.IsPostcodeArea(area))
        {
            errors[nameof(ActivityForm.PostcodeArea)] = "Vul het postcodegebied van de buurt in: vier cijfers, zoals 8441.";
        }
        var reach = new CommunityReach(form.Reached, form.NewVolunteers, form.NewOffers, string.IsNullOrWhiteSpace(form.FollowUp) ? null : form.FollowUp);
        if (form.Date > today && !reach.IsEmpty)
        {
            var message = "Het bereik en het vervolg vult u in na de activiteit.";
            foreach (var field in new[] { (nameof(ActivityForm.Reached), form.Reached is not null), (nameof(ActivityForm.NewVolunteers), form.NewVolunteers is not null),
                (nameof(ActivityForm.NewOffers), form.NewOffers is not null), (nameof(ActivityForm.FollowUp), reach.FollowUp is not null) }.Where(f => f.Item2))
            {
                errors[field.Item1] = message;
            }
        }
        var chosen = form.RoleModels.Where(c => c.Chosen).Select(c => c.Id).ToList();
        var consenting = (await db.RoleModelConsents.Where(c => chosen.Contains(c.NewcomerId) && c.WithdrawnOn == null && c.GivenOn <= today)
            .Select(c => c.NewcomerId).ToListAsync(cancellationToken)).ToHashSet();
        if (chosen.Any(id => !consenting.Contains(id) && !(activity?.RoleModels.Any(r => r.NewcomerId == id) ?? false)))
        {
            errors[nameof(ActivityForm.RoleModels)] = "Alleen wie toestemming heeft gegeven, doet mee als rolmodel.";
        }
        if (errors.Count > 0)
        {
            return Outcome.Invalid(errors);
        }
        var details = new CommunityActivityDetails(form.Kind!.Value, form.Setting, form.Title!, form.OrganisationId!.Value, form.Date!.Value, form.Place!,
            area!, form.Neighbourhood, form.Audience, form.AudienceNote);
        var volunteerIds = form.Volunteers.Where(c => c.Chosen).Select(c => c.Id).ToList();
        var known = await db.Volunteers.Where(v => volunteerIds.Contains(v.Id)).Select(v => v.Id).ToListAsync(cancellationToken);
        void Change(CommunityActivity a)
        {
            a.Describe(details);
            a.RecordReach(reach, today);
            a.ChooseRoleModels(chosen, consenting);
            a.ChooseVolunteers(known);
        }
        if (activity is null)
        {
            var created = new CommunityActivity(currentUser.MunicipalityId ?? throw new InvalidOperationException("Geen gemeente."), details);
            Change(created);
            db.CommunityActivities.Add(created);
            var outcome = await SaveVersionedChange.SaveAsync(db, ChangedMeanwhile, cancellationToken);
            return outcome.IsSaved ? Outcome.Saved(created.Id) : outcome;
        }
        var saved = await SaveVersionedChange.HandleAsync(db, activity, form.Version, Change, ChangedMeanwhile, cancellationToken);
        return saved.IsSaved ? Outcome.Saved(activity.Id) : saved;
    }

    public async Task<Outcome> DeleteAsync(Guid activityId, CancellationToken cancellationToken)
    {
        var activity = await db.CommunityActivities.Include(a => a.RoleModels).Include(a => a.Volunteers).SingleOrDefaultAsync(a => a.Id == activityId, cancellationToken);
        if (activity is null)
        {
            return Outcome.NotFound();
        }
        db.CommunityActivities.Remove(activity);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Saved();
    }
}
