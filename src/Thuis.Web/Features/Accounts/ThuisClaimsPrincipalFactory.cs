using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Thuis.Web.Data;
using Thuis.Web.Platform.Security;

namespace Thuis.Web.Features.Accounts;

/// <summary>
/// Puts the user's municipality, organisation and name on the sign-in cookie. Runs again at every
/// security-stamp check, so a changed 2FA requirement takes effect on the next request.
/// </summary>
internal sealed class ThuisClaimsPrincipalFactory(
    UserManager<ThuisUser> userManager,
    RoleManager<IdentityRole> roleManager,
    IOptions<IdentityOptions> options,
    AppDbContext db)
    : UserClaimsPrincipalFactory<ThuisUser, IdentityRole>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ThuisUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        var municipality = await db.Municipalities.AsNoTracking()
            .Where(m => m.Id == user.MunicipalityId)
            .Select(m => new { m.Name, m.RequireTwoFactor })
            .SingleAsync();

        identity.AddClaim(new Claim(ThuisClaims.MunicipalityId, user.MunicipalityId.ToString()));
        identity.AddClaim(new Claim(ThuisClaims.MunicipalityName, municipality.Name));
        identity.AddClaim(new Claim(ThuisClaims.DisplayName, user.DisplayName));
        if (user.OrganisationId is { } organisationId)
        {
            identity.AddClaim(new Claim(ThuisClaims.OrganisationId, organisationId.ToString()));
        }
        if (user.NewcomerId is { } newcomerId)
        {
            identity.AddClaim(new Claim(ThuisClaims.NewcomerId, newcomerId.ToString()));
        }
        if (user.VolunteerId is { } volunteerId)
        {
            identity.AddClaim(new Claim(ThuisClaims.VolunteerId, volunteerId.ToString()));
        }
        // A passkey asks the person's fingerprint, face or PIN on their own device: two factors of its own.
        if (municipality.RequireTwoFactor && !user.TwoFactorEnabled && !await Passkeys.HasPasskeyAsync(UserManager, user))
        {
            identity.AddClaim(new Claim(ThuisClaims.TwoFactorSetupRequired, "true"));
        }
        return identity;
    }
}
