using Thuis.Web.Data;
using Thuis.Web.Features.Dossiers;
using Thuis.Web.Features.Plans;
using Thuis.Web.Platform.Localization;

namespace Thuis.Web.Features.Signals;

/// <summary>
/// What one rule found about one person: the cause of a signal, in plain Dutch, and the day the situation began (not the
/// day the rule happened to run).
/// </summary>
public sealed record SignalFinding(Guid NewcomerId, Guid? SubjectId, int Urgency, string Reason, string NextAction, DateOnly Since);

/// <summary>One rule over the data Thuis already has; each rule stands alone so it can be tested alone.</summary>
public interface ISignalRule
{
    SignalKind Kind { get; }

    Task<IReadOnlyList<SignalFinding>> FindAsync(SignalScope scope, CancellationToken cancellationToken);
}

/// <summary>What the rules look at: one municipality (by the tenant filter), on one day, everyone or some people.</summary>
public sealed class SignalScope(AppDbContext db, DateOnly today, SignalSettings settings, int pipDeadlineWeeks, int pvtStartDays, IReadOnlyCollection<Guid>? people)
{
    public AppDbContext Db { get; } = db;
    public DateOnly Today { get; } = today;
    public SignalSettings Settings { get; } = settings;
    public int PipDeadlineWeeks { get; } = pipDeadlineWeeks;
    public int PvtStartDays { get; } = pvtStartDays;
    /// <summary>The people to look at, or null for everyone in the municipality.</summary>
    public IReadOnlyCollection<Guid>? People { get; } = people;

    /// <summary>
    /// The people the case manager works with now. Someone in "niet nu", moved away or done is left alone; only the
    /// end of their "niet nu" is signalled.
    /// </summary>
    public IQueryable<Newcomer> Active => Everyone.Where(n => n.Status == DossierStatus.Active);

    public IQueryable<Newcomer> Everyone => People is { } people ? Db.Newcomers.Where(n => people.Contains(n.Id)) : Db.Newcomers;

    /// <summary>1 when the day has come or passed, 2 within a week, 3 later.</summary>
    public int UrgencyFor(DateOnly deadline)
    {
        var daysLeft = deadline.DayNumber - Today.DayNumber;
        return daysLeft <= 0 ? 1 : daysLeft <= 7 ? 2 : 3;
    }

    public static string Date(DateOnly date) => DutchFormat.Date(date);

    /// <summary>A person's PIP and PVT deadlines on this day, with this municipality's settings; none while younger than 18.</summary>
    public NewcomerDeadlines DeadlinesOf(DateOnly born, DateOnly registered, DateOnly? housed) =>
        NewcomerDeadlines.On(Today, born, registered, housed, null, PipDeadlineWeeks, PvtStartDays);

    /// <summary>When a deadline started to ask for attention: its warning days before it, not before the date it counts from.</summary>
    public DateOnly WarnedFrom(DateOnly deadline, DateOnly countedFrom)
    {
        var warned = deadline.AddDays(-Settings.DeadlineWarningDays);
        return warned > countedFrom ? warned : countedFrom;
    }
}
