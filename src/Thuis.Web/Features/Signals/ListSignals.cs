using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Features.Dossiers;
using Thuis.Web.Platform.Auditing;
using Thuis.Web.Platform.Localization;
using Thuis.Web.Platform.Security;

namespace Thuis.Web.Features.Signals;

public sealed record SignalRow(
    Guid Id, Guid NewcomerId, string Name, SignalKind Kind, int Urgency, string Reason, string NextAction, DateOnly Since,
    SignalState State, DateOnly? SnoozedUntil, string? CaseManagerId);

/// <summary>How many people a case manager guides and how many of them have an open signal.</summary>
public sealed record Caseload(string CaseManagerId, string Name, int People, int OpenSignals);

public sealed record SignalDetails(
    Signal Signal, string Name, IReadOnlyList<(Guid Id, string Name)> Organisations);

/// <summary>Open signals: a case manager's own people, or the whole municipality for a coordinator.</summary>
public sealed class ListSignals(AppDbContext db, CurrentUser currentUser, TimeProvider clock, ChangeDossierStatus dossiers)
{
    /// <summary>The inbox: open signals of the signed-in case manager's people that ask for attention today, most urgent first.</summary>
    public async Task<List<SignalRow>> InboxAsync(CancellationToken cancellationToken)
    {
        var userId = currentUser.UserId;
        var rows = await OpenAsync(null, userId, cancellationToken);
        var today = clock.InTheNetherlands();
        return [.. rows.Where(r => !(r.State == SignalState.Snoozed && r.SnoozedUntil > today))];
    }

    public async Task<List<SignalRow>> OpenAsync(SignalKind? kind, string? caseManagerId, CancellationToken cancellationToken)
    {
        var query = from s in db.Signals
                    join n in db.Newcomers on s.NewcomerId equals n.Id
                    where s.ClosedOn == null
                    select new { s, n };
        if (kind is { } k)
        {
            query = query.Where(x => x.s.Kind == k);
        }
        if (caseManagerId is not null)
        {
            query = query.Where(x => x.n.CaseManagerId == caseManagerId);
        }
        var rows = await query.Select(x => new SignalRow(x.s.Id, x.n.Id, x.n.GivenNames + " " + x.n.FamilyName, x.s.Kind, x.s.Urgency, x.s.Reason,
            x.s.NextAction, x.s.Since, x.s.State, x.s.SnoozedUntil, x.n.CaseManagerId)).ToListAsync(cancellationToken);
        return [.. rows.OrderBy(r => r.Urgency).ThenBy(r => r.Since).ThenBy(r => r.Name, StringComparer.Ordinal)];
    }

    public async Task<List<Caseload>> CaseloadsAsync(CancellationToken cancellationToken)
    {
        var caseManagers = await dossiers.CaseManagersAsync(cancellationToken);
        var people = await db.Newcomers.Where(n => n.CaseManagerId != null && (n.Status == DossierStatus.Active || n.Status == DossierStatus.Paused))
            .GroupBy(n => n.CaseManagerId!).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var signals = await (from s in db.Signals
                             join n in db.Newcomers on s.NewcomerId equals n.Id
                             where s.ClosedOn == null && n.CaseManagerId != null
                             group s by n.CaseManagerId into g
                             select new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        return [.. caseManagers.Select(c => new Caseload(c.Id, c.Name,
            people.SingleOrDefault(p => p.Key == c.Id)?.Count ?? 0, signals.SingleOrDefault(s => s.Key == c.Id)?.Count ?? 0))];
    }

    public Task<List<CaseManagerOption>> CaseManagersAsync(CancellationToken cancellationToken) => dossiers.CaseManagersAsync(cancellationToken);

    /// <summary>One signal with what its page needs; viewing it is audited like viewing the dossier.</summary>
    public async Task<SignalDetails?> OneAsync(Guid signalId, CancellationToken cancellationToken)
    {
        var signal = await db.Signals.AsNoTracking().SingleOrDefaultAsync(s => s.Id == signalId, cancellationToken);
        if (signal is null)
        {
            return null;
        }
        var name = await db.Newcomers.Where(n => n.Id == signal.NewcomerId).Select(n => n.GivenNames + " " + n.FamilyName).SingleAsync(cancellationToken);
        var professional = SocialMap.SocialMapTexts.ProfessionalHelp.ToList();
        var organisations = await db.Organisations.Where(o => professional.Contains(o.Type)).OrderBy(o => o.Name).Select(o => new { o.Id, o.Name }).ToListAsync(cancellationToken);
        db.RecordAudit(AuditAction.View, nameof(Signal), signal.Id.ToString(), AuditResult.Success, "Signaal bekeken", signal.NewcomerId);
        await db.SaveChangesAsync(cancellationToken);
        return new SignalDetails(signal, name, [.. organisations.Select(o => (o.Id, o.Name))]);
    }
}

public static class SignalTexts
{
    public static string Dutch(this SignalKind kind) => kind switch
    {
        SignalKind.PipDeadline => "PIP-termijn",
        SignalKind.PvtStart => "start PVT",
        SignalKind.ProgressMeetingDue => "voortgangsgesprek",
        SignalKind.IntegrationTermEnding => "inburgeringstermijn",
        SignalKind.Attendance => "aanwezigheid",
        SignalKind.Stagnation => "stilstand",
        SignalKind.Isolation => "risico op isolement",
        SignalKind.OverAsked => "te veel tegelijk",
        SignalKind.ReferralUnanswered => "verwijzing zonder antwoord",
        SignalKind.DebtsWithoutHelp => "schulden zonder hulp",
        SignalKind.IntakeInvitation => "uitnodiging intake",
        SignalKind.MilestoneBehind => "mijlpaal loopt achter",
        SignalKind.StepConcern => "stap gaat niet goed",
        SignalKind.ConsentWithdrawn => "toestemming ingetrokken",
        SignalKind.ActivityNotGoingWell => "activiteit gaat niet goed",
        SignalKind.CorrectionAsked => "verzoek om correctie (AVG)",
        SignalKind.OntzorgenHandBack => "ontzorgen: rekeningen teruggeven",
        SignalKind.OntzorgenBelowLaw => "ontzorgen korter dan de wet",
        SignalKind.PaymentArrears => "vroegsignaal betalingsachterstand",
        SignalKind.QuietNeighbourhood => "buurt zonder draagvlakactiviteit",
        SignalKind.VolunteerConcern => "vrijwilliger maakt zich zorgen",
        SignalKind.MatchGoneQuiet => "koppeling met vrijwilliger stil",
        _ => "einde ‘niet nu’",
    };

    public static string Dutch(this SignalState state) => state switch
    {
        SignalState.Open => "open",
        SignalState.Acknowledged => "gezien",
        SignalState.Snoozed => "wacht",
        SignalState.Escalated => "doorgegeven",
        SignalState.Resolved => "afgehandeld",
        _ => "vervallen",
    };

    public static string Urgency(int urgency) => urgency switch
    {
        1 => "vandaag",
        2 => "deze week",
        _ => "deze maand",
    };
}
