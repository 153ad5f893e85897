using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Platform.Security;

namespace Thuis.Web.Features.Admin;

public sealed record AdministrationView(string MunicipalityName, string CbsCode, bool RequireTwoFactor, int PipDeadlineWeeks, int PvtStartDays, Trajectories.PvtPractice PvtPractice);

/// <summary>The administrator's view of their own municipality: its settings.</summary>
public sealed class ShowAdministration(AppDbContext db, CurrentUser currentUser)
{
    public async Task<AdministrationView> HandleAsync(CancellationToken cancellationToken)
    {
        var municipalityId = currentUser.MunicipalityId ?? throw new InvalidOperationException("Geen gemeente.");
        var municipality = await db.Municipalities.AsNoTracking().SingleAsync(m => m.Id == municipalityId, cancellationToken);
        return new AdministrationView(municipality.Name, municipality.CbsCode, municipality.RequireTwoFactor, municipality.PipDeadlineWeeks, municipality.PvtStartDays, municipality.PvtPractice);
    }
}
