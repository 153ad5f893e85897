using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Platform.Security;

namespace Thuis.Web.Features.Privacy;

public sealed record PrivacyOfficerContact(string Name, string Email);

/// <summary>The controller and its privacy officers, as the register names them.</summary>
public sealed record RegisterHeading(string Municipality, string CbsCode, IReadOnlyList<PrivacyOfficerContact> PrivacyOfficers);

/// <summary>
/// The processing register (AVG art. 30(1)) for the signed-in user's municipality: the controller is its college of
/// mayor and aldermen, the privacy officers are its active accounts with that role; the rest is Thuis's own
/// <see cref="ProcessingRegister"/>.
/// </summary>
public sealed class ViewProcessingRegister(AppDbContext db, CurrentUser currentUser)
{
    public async Task<RegisterHeading?> HandleAsync(CancellationToken cancellationToken)
    {
        if (currentUser.MunicipalityId is not { } municipalityId)
        {
            return null;
        }
        var municipality = await db.Municipalities.AsNoTracking().Where(m => m.Id == municipalityId)
            .Select(m => new { m.Name, m.CbsCode }).SingleOrDefaultAsync(cancellationToken);
        if (municipality is null)
        {
            return null;
        }
        var officers = await (from u in db.Users
                              join ur in db.UserRoles on u.Id equals ur.UserId
                              join r in db.Roles on ur.RoleId equals r.Id
                              where u.MunicipalityId == municipalityId && u.NewcomerId == null && u.DeactivatedAt == null
                                  && r.Name == Roles.PrivacyOfficer
                              orderby u.DisplayName
                              select new PrivacyOfficerContact(u.DisplayName, u.Email ?? ""))
            .ToListAsync(cancellationToken);
        return new RegisterHeading(municipality.Name, municipality.CbsCode, officers);
    }
}
