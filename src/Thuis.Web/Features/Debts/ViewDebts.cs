using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Features.Dossiers;
using Thuis.Web.Features.Referrals;
using Thuis.Web.Features.Signals;
using Thuis.Web.Features.SocialMap;
using Thuis.Web.Platform.Localization;

namespace Thuis.Web.Features.Debts;

/// <summary>A referral of the person to an organisation for debt help, which a debt "bij schuldhulpverlening" may point to.</summary>
public sealed record DebtHelpReferral(Guid Id, string Organisation, string What, ReferralState State, DateOnly CreatedOn)
{
    public string Description => $"{Organisation}: {What} ({State.Dutch()}, {DutchFormat.Date(CreatedOn)})";
}

/// <summary>An early signal with the day contact is due.</summary>
public sealed record ArrearsRow(ArrearsReport Report, DateOnly ContactDue);

/// <summary>A person's debts and early signals of arrears on one page.</summary>
public sealed record DebtsView(Newcomer Newcomer, IReadOnlyList<Debt> Debts, IReadOnlyList<ArrearsRow> Arrears,
    IReadOnlyList<DebtHelpReferral> DebtHelpReferrals, int ContactDays, DateOnly Today)
{
    public string Name => $"{Newcomer.GivenNames} {Newcomer.FamilyName}";

    /// <summary>What is still to be paid: open, under an arrangement, or with debt help. Exact to the cent.</summary>
    public decimal TotalOpen => Debts.Where(d => d.IsOpen).Sum(d => d.Amount);

    public int OpenCount => Debts.Count(d => d.IsOpen);
}

/// <summary>Reads a person's debts and early signals; every look is audited, like every look at a person's money.</summary>
public sealed class ViewDebts(AppDbContext db, TimeProvider clock)
{
    public const string Purpose = "Financieel gezond: schulden en vroegsignalen";

    public async Task<DebtsView?> HandleAsync(Guid newcomerId, CancellationToken cancellationToken)
    {
        var newcomer = await ReadDossier.NewcomerAsync(db, newcomerId, nameof(Debt), Purpose, cancellationToken);
        if (newcomer is null)
        {
            return null;
        }
        var debts = await db.Debts.AsNoTracking().Where(d => d.NewcomerId == newcomerId).ToListAsync(cancellationToken);
        var reports = await db.ArrearsReports.AsNoTracking().Where(r => r.NewcomerId == newcomerId).ToListAsync(cancellationToken);
        var days = await ContactDaysAsync(db, newcomer.MunicipalityId, cancellationToken);
        return new DebtsView(newcomer,
            [.. debts.OrderByDescending(d => d.IsOpen).ThenBy(d => d.Since).ThenBy(d => d.CreditorName, StringComparer.CurrentCulture)],
            [.. reports.OrderBy(r => r.Outcome is not null).ThenByDescending(r => r.ReportedOn).Select(r => new ArrearsRow(r, r.ContactDue(days)))],
            await DebtHelpReferralsAsync(db, newcomerId, cancellationToken), days, clock.InTheNetherlands());
    }

    /// <summary>The person's referrals to organisations for debt help.</summary>
    internal static async Task<IReadOnlyList<DebtHelpReferral>> DebtHelpReferralsAsync(AppDbContext db, Guid newcomerId, CancellationToken cancellationToken) =>
        await (from r in db.Referrals
               join o in db.Organisations on r.OrganisationId equals o.Id
               where r.NewcomerId == newcomerId && o.Type == OrganisationType.DebtHelp
               orderby r.CreatedOn descending
               select new DebtHelpReferral(r.Id, o.Name, r.What, r.State, r.CreatedOn)).ToListAsync(cancellationToken);

    /// <summary>The municipality's days to make contact after an early signal.</summary>
    internal static async Task<int> ContactDaysAsync(AppDbContext db, Guid municipalityId, CancellationToken cancellationToken) =>
        await db.SignalSettings.AsNoTracking().Where(s => s.MunicipalityId == municipalityId).Select(s => (int?)s.ArrearsContactDays).FirstOrDefaultAsync(cancellationToken)
            ?? SignalSettings.DefaultArrearsContactDays;
}
