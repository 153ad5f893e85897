using Microsoft.EntityFrameworkCore;
using Thuis.Web.Features.Signals;

namespace Thuis.Web.Features.Debts;

/// <summary>
/// An early signal of payment arrears asks the case manager to make contact within the municipality's days
/// (<see cref="SignalSettings.ArrearsContactDays"/>), from the day of the report. It grows more urgent as that day comes
/// near, and closes once the outcome of the contact is recorded on the report. The reason names the party and the
/// months, never the amount: the amount stays on the person's money page.
/// </summary>
public sealed class ArrearsReportRule : ISignalRule
{
    public SignalKind Kind => SignalKind.PaymentArrears;

    public async Task<IReadOnlyList<SignalFinding>> FindAsync(SignalScope scope, CancellationToken cancellationToken)
    {
        var db = scope.Db;
        // Also someone in "niet nu": arrears do not wait.
        var reports = await (from r in db.ArrearsReports
                             join n in scope.Everyone on r.NewcomerId equals n.Id
                             where r.Outcome == null && r.ReportedOn <= scope.Today
                             select new { n.Id, n.GivenNames, Report = r.Id, r.Party, r.PartyKind, r.Months, r.ReportedOn })
            .ToListAsync(cancellationToken);
        var days = scope.Settings.ArrearsContactDays;
        return [.. reports.Select(r =>
        {
            var due = r.ReportedOn.AddDays(days);
            return new SignalFinding(r.Id, r.Report, scope.UrgencyFor(due),
                $"{r.Party} meldt een {r.PartyKind.Arrears()} van {r.Months} {(r.Months == 1 ? "maand" : "maanden")} (vroegsignaal van {SignalScope.Date(r.ReportedOn)}). "
                    + (due < scope.Today ? $"Contact had uiterlijk {SignalScope.Date(due)} moeten zijn" : $"Neem uiterlijk {SignalScope.Date(due)} contact op"),
                $"Neem contact op met {r.GivenNames}, bied een eerste gesprek over schuldhulp aan en leg de uitkomst vast bij de melding",
                r.ReportedOn);
        })];
    }
}
