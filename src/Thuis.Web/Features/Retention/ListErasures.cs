using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Platform.Localization;
using Thuis.Web.Platform.Security;

namespace Thuis.Web.Features.Retention;

/// <summary>One erasure as the administrator sees it: the dossier by its reference, never by name.</summary>
public sealed record ErasureView(
    Guid Id, string Reference, ErasureReason Reason, ErasureState State, DateOnly ReceivedOn, DateOnly AnswerDue, bool Overdue,
    string RequestedBy, DateTimeOffset RequestedAt, string? FirstApprovalBy, string? SecondApprovalBy, string? RefusedBy,
    string? RefusalReason, DateTimeOffset? DoneAt, int RecordsErased, Guid Version);

public sealed record RetentionOverview(
    IReadOnlyList<RetentionRule> Rules, IReadOnlyList<ErasureView> Open, IReadOnlyList<ErasureView> Done,
    int DueWithinAQuarter, int ClosedWithoutDate);

/// <summary>
/// The retention page: the terms with their sources, the requests waiting for two administrators, and the report of
/// what was erased, by whom or by which rule. Dossiers appear by reference only: the administrator and the privacy
/// officer read no dossiers.
/// </summary>
public sealed class ListErasures(AppDbContext db, TimeProvider clock)
{
    public async Task<RetentionOverview> HandleAsync(CancellationToken cancellationToken)
    {
        var today = clock.InTheNetherlands();
        var open = await ViewsAsync(db, db.Erasures.Where(Erasure.Open), clock, cancellationToken);
        var done = await ViewsAsync(db, db.Erasures.Where(e => e.State == ErasureState.Done || e.State == ErasureState.Refused), clock, cancellationToken);
        var dueBefore = today.AddMonths(3).AddYears(-RetentionRules.YearsAfterClosing);
        var due = await db.Newcomers.CountAsync(n => n.ErasedAt == null && n.ClosedOn != null && n.ClosedOn <= dueBefore, cancellationToken);
        var withoutDate = await db.Newcomers.CountAsync(n => n.ErasedAt == null && n.ClosedOn == null
            && (n.Status == Dossiers.DossierStatus.Completed || n.Status == Dossiers.DossierStatus.MovedAway), cancellationToken);
        return new RetentionOverview(RetentionRules.All, open, [.. done.OrderByDescending(e => e.DoneAt ?? e.RequestedAt)], due, withoutDate);
    }

    public async Task<ErasureView?> OneAsync(Guid id, CancellationToken cancellationToken) =>
        (await ViewsAsync(db, db.Erasures.Where(e => e.Id == id), clock, cancellationToken)).SingleOrDefault();

    internal static async Task<List<ErasureView>> ViewsAsync(AppDbContext db, IQueryable<Erasure> erasures, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var today = clock.InTheNetherlands();
        var rows = (await erasures.AsNoTracking().ToListAsync(cancellationToken)).OrderBy(e => e.RequestedAt).ToList();
        var userIds = rows.SelectMany(e => new[] { e.RequestedBy, e.FirstApprovalBy, e.SecondApprovalBy, e.RefusedBy }).OfType<string>().Distinct().ToList();
        var names = await db.Users.Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        string? Name(string? id) => id is null ? null : id == CurrentUser.SystemActor ? "Thuis (dagelijkse ronde)" : names.GetValueOrDefault(id, "onbekende gebruiker");
        return [.. rows.Select(e => new ErasureView(
            e.Id, Dossiers.Newcomer.ReferenceOf(e.NewcomerId), e.Reason, e.State, e.ReceivedOn, e.AnswerDue,
            e.IsOpen && e.AnswerDue < today, Name(e.RequestedBy)!, e.RequestedAt, Name(e.FirstApprovalBy), Name(e.SecondApprovalBy),
            Name(e.RefusedBy), e.RefusalReason, e.DoneAt, e.RecordsErased, e.Version))];
    }
}
