using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Platform.Editing;

using Thuis.Web.Platform.Localization;

namespace Thuis.Web.Features.Trajectories;

public sealed class SessionForm
{
    [Required(ErrorMessage = "Vul de datum in.")]
    public DateOnly? Date { get; set; }

    [Required(ErrorMessage = "Vul de begintijd in.")]
    public TimeOnly? Start { get; set; }

    [Required(ErrorMessage = "Vul de eindtijd in.")]
    public TimeOnly? End { get; set; }

    public SessionKind Kind { get; set; }

    [StringLength(200, ErrorMessage = "Hoogstens 200 tekens.")]
    public string? Topic { get; set; }

    public WorkshopTheme? Theme { get; set; }

    public Guid Version { get; set; }

    /// <summary>Hours of an interpreter: at most a long day.</summary>
    [Range(typeof(decimal), "0", "12", ErrorMessage = "Vul 0 tot en met 12 tolkuren in.")]
    public decimal? InterpreterHours { get; set; }

    /// <summary>Ticked boxes default to false: a browser sends nothing for a box left unticked.</summary>
    public bool ChildcareArranged { get; set; }

    public SessionDetails ToDetails() => new(Date!.Value, Start!.Value, End!.Value, Kind, Topic, Theme);

    public static SessionForm From(Session session) => new()
    {
        Date = session.Date,
        Start = session.StartTime,
        End = session.EndTime,
        Kind = session.Kind,
        Topic = session.Topic,
        Theme = session.Theme,
        Version = session.Version,
        InterpreterHours = session.InterpreterHours,
        ChildcareArranged = session.ChildcareArranged,
    };
}

/// <summary>A session's form with the group it belongs to.</summary>
public sealed record SessionEditing(string GroupName, CourseKind GroupKind, SessionForm Form);

/// <summary>Plans a new session for a group, changes one, or removes one with its attendance.</summary>
public sealed class PlanSession(AppDbContext db)
{
    public const string ChangedMeanwhile =
        "Iemand anders heeft deze bijeenkomst intussen gewijzigd of er aanwezigheid bij vastgelegd. Uw invoer staat hieronder nog; open de bijeenkomst opnieuw en voer uw wijziging dan opnieuw in.";

    /// <summary>A new session for the group, on its start date in the morning.</summary>
    public async Task<SessionEditing?> NewAsync(Guid groupId, CancellationToken cancellationToken)
    {
        var group = await db.CourseGroups.AsNoTracking().Where(g => g.Id == groupId).Select(g => new { g.Name, g.Kind, g.StartDate }).SingleOrDefaultAsync(cancellationToken);
        return group is null ? null
            : new SessionEditing(group.Name, group.Kind, new SessionForm { Date = group.StartDate, Start = new TimeOnly(9, 30), End = new TimeOnly(11, 30) });
    }

    public async Task<SessionEditing?> LoadAsync(Guid groupId, Guid sessionId, CancellationToken cancellationToken)
    {
        var group = await db.CourseGroups.AsNoTracking().Where(g => g.Id == groupId).Select(g => new { g.Name, g.Kind }).SingleOrDefaultAsync(cancellationToken);
        var session = group is null ? null
            : await db.Sessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == sessionId && s.GroupId == groupId, cancellationToken);
        return session is null ? null : new SessionEditing(group!.Name, group.Kind, SessionForm.From(session));
    }

    public async Task<Outcome<Guid>> AddAsync(Guid groupId, SessionForm form, CancellationToken cancellationToken)
    {
        var group = await db.CourseGroups.SingleOrDefaultAsync(g => g.Id == groupId, cancellationToken);
        if (group is null)
        {
            return Outcome.NotFound();
        }
        if (Check(group, form) is { Count: > 0 } errors)
        {
            return Outcome.Invalid(errors);
        }
        var session = new Session(group, form.ToDetails());
        session.ArrangeSupport(form.InterpreterHours, form.ChildcareArranged);
        db.Sessions.Add(session);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Saved(session.Id);
    }

    public async Task<Outcome> ChangeAsync(Guid groupId, Guid sessionId, SessionForm form, CancellationToken cancellationToken)
    {
        var group = await db.CourseGroups.SingleOrDefaultAsync(g => g.Id == groupId, cancellationToken);
        var session = await db.Sessions.SingleOrDefaultAsync(s => s.Id == sessionId && s.GroupId == groupId, cancellationToken);
        if (group is null || session is null)
        {
            return Outcome.NotFound();
        }
        if (Check(group, form) is { Count: > 0 } errors)
        {
            return Outcome.Invalid(errors);
        }
        return await SaveVersionedChange.HandleAsync(db, session, form.Version, s =>
        {
            s.Update(form.ToDetails());
            s.ArrangeSupport(form.InterpreterHours, form.ChildcareArranged);
        }, ChangedMeanwhile, cancellationToken);
    }

    public async Task<Outcome> DeleteAsync(Guid groupId, Guid sessionId, CancellationToken cancellationToken)
    {
        // Loaded with its attendance, so every removed record lands in the audit trail.
        var session = await db.Sessions.Include(s => s.Records).SingleOrDefaultAsync(s => s.Id == sessionId && s.GroupId == groupId, cancellationToken);
        if (session is null)
        {
            return Outcome.NotFound();
        }
        db.Sessions.Remove(session);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Saved();
    }

    private static Dictionary<string, string> Check(CourseGroup group, SessionForm form)
    {
        var errors = new Dictionary<string, string>();
        if (form.Start is { } start && form.End is { } end && end <= start)
        {
            errors[nameof(SessionForm.End)] = "De eindtijd moet na de begintijd liggen.";
        }
        if (form.Kind == SessionKind.Workshop && form.Theme is null)
        {
            errors[nameof(SessionForm.Theme)] = "Kies het thema van de workshop.";
        }
        if (form.Kind == SessionKind.Workshop && form.Theme is { } theme && !TrajectoryRequirements.ThemesFor(group.Kind).Contains(theme))
        {
            errors[nameof(SessionForm.Theme)] = $"Dit thema hoort niet bij een {group.Kind.Abbreviation()}.";
        }
        if (!TrajectoryRequirements.SessionKindsFor(group.Kind).Contains(form.Kind))
        {
            errors[nameof(SessionForm.Kind)] = "Praktijkuren (werkervaring) horen bij een MAP-groep.";
        }
        if (form.InterpreterHours is { } hours && (hours < 0 || hours > 12))
        {
            errors[nameof(SessionForm.InterpreterHours)] = "Vul 0 tot en met 12 tolkuren in.";
        }
        else if (form.InterpreterHours is { } quarter && !DutchFormat.IsWholeCents(quarter))
        {
            errors[nameof(SessionForm.InterpreterHours)] = "Vul de tolkuren in met hoogstens twee cijfers achter de komma, bijvoorbeeld 1,5.";
        }
        if (form.Date is { } date && date < group.StartDate)
        {
            errors[nameof(SessionForm.Date)] = "Een bijeenkomst kan niet vóór de startdatum van de groep liggen.";
        }
        return errors;
    }
}
