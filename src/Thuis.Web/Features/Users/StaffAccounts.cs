using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Features.Accounts;
using Thuis.Web.Platform.Security;

namespace Thuis.Web.Features.Users;

/// <summary>Where an account stands, as the administrator reads it.</summary>
public enum AccountStatus
{
    Active,

    /// <summary>Invited, and no password chosen yet.</summary>
    Invited,

    Deactivated,
}

public static class AccountStatusWords
{
    public static string Dutch(this AccountStatus status) => status switch
    {
        AccountStatus.Active => "actief",
        AccountStatus.Invited => "uitgenodigd",
        _ => "gedeactiveerd",
    };
}

/// <summary>One account as the administrator reads it.</summary>
public sealed record AccountFacts(
    string Id, string DisplayName, string Email, List<string> Roles, string? Organisation, DateTimeOffset? DeactivatedAt,
    bool HasPassword, bool HasPasskey, bool TwoFactorEnabled, DateTimeOffset? LastSignInAt, Guid Version)
{
    public AccountStatus Status => StaffAccounts.StatusOf(DeactivatedAt, HasPassword, HasPasskey);

    /// <summary>A code app or a passkey: either is a second step.</summary>
    public bool TwoStep => TwoFactorEnabled || HasPasskey;
}

/// <summary>A partner organisation a partner worker can work for.</summary>
public sealed record OrganisationOption(Guid Id, string Name);

/// <summary>
/// The accounts of the people who work for the administrator's municipality. Accounts have no query filter (they are
/// found before anyone signs in), so every page of user administration reads them here, scoped once. Newcomers' own
/// accounts are managed from their dossier, and volunteers' accounts from the volunteer's page; they are not among them.
/// </summary>
internal static class StaffAccounts
{
    public const string ChangedMeanwhile = "Iemand anders heeft deze gebruiker net gewijzigd. Open de pagina opnieuw en kijk of uw wijziging nog nodig is.";

    public static IQueryable<ThuisUser> Of(AppDbContext db, CurrentUser currentUser)
    {
        var municipalityId = currentUser.MunicipalityId ?? Guid.Empty;
        return db.Users.Where(u => u.MunicipalityId == municipalityId && u.NewcomerId == null && u.VolunteerId == null);
    }

    /// <summary>What the administrator reads of each account, in one query with its roles, organisation and passkeys.</summary>
    public static IQueryable<AccountFacts> Facts(AppDbContext db, IQueryable<ThuisUser> accounts) =>
        accounts.Select(u => new AccountFacts(
            u.Id,
            u.DisplayName,
            u.Email ?? "",
            db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name ?? "").ToList(),
            db.Organisations.Where(o => o.Id == u.OrganisationId).Select(o => o.Name).FirstOrDefault(),
            u.DeactivatedAt,
            u.PasswordHash != null,
            db.UserPasskeys.Any(p => p.UserId == u.Id),
            u.TwoFactorEnabled,
            u.LastSignInAt,
            u.Version));

    public static AccountStatus StatusOf(DateTimeOffset? deactivatedAt, bool hasPassword, bool hasPasskey) =>
        deactivatedAt is not null ? AccountStatus.Deactivated
        : !hasPassword && !hasPasskey ? AccountStatus.Invited
        : AccountStatus.Active;

    public static async Task<IReadOnlyList<OrganisationOption>> PartnerOrganisationsAsync(AppDbContext db, CancellationToken cancellationToken) =>
        await db.Organisations.AsNoTracking().Where(o => o.IsPartner).OrderBy(o => o.Name)
            .Select(o => new OrganisationOption(o.Id, o.Name)).ToListAsync(cancellationToken);

    /// <summary>The errors of a role and organisation chosen together: a partner worker needs one of the municipality's partner organisations, no one else has one.</summary>
    public static async Task<Dictionary<string, string>> RoleErrorsAsync(AppDbContext db, string? role, Guid? organisationId,
        string roleField, string organisationField, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string>();
        if (role is null || !Roles.All.Contains(role))
        {
            errors[roleField] = "Kies een rol.";
        }
        else if (role == Roles.PartnerWorker && organisationId is null)
        {
            errors[organisationField] = "Kies de partnerorganisatie waar deze medewerker werkt.";
        }
        else if (role != Roles.PartnerWorker && organisationId is not null)
        {
            errors[organisationField] = "Alleen een medewerker partnerorganisatie hoort bij een organisatie. Kies ‘geen organisatie’.";
        }
        if (organisationId is { } chosen && !errors.ContainsKey(organisationField)
            && !await db.Organisations.AnyAsync(o => o.Id == chosen && o.IsPartner, cancellationToken))
        {
            errors[organisationField] = "Kies een partnerorganisatie van uw gemeente.";
        }
        return errors;
    }

    /// <summary>The role ids by name, to change an account's roles in the same save as the account.</summary>
    public static Task<Dictionary<string, string>> RoleIdsAsync(AppDbContext db, CancellationToken cancellationToken) =>
        db.Roles.AsNoTracking().Where(r => r.Name != null).ToDictionaryAsync(r => r.Name!, r => r.Id, cancellationToken);

    /// <summary>Whether another active administrator than <paramref name="userId"/> remains in the municipality.</summary>
    public static async Task<bool> AnotherActiveAdministratorAsync(AppDbContext db, CurrentUser currentUser, string userId, CancellationToken cancellationToken)
    {
        var administrator = await db.Roles.Where(r => r.Name == Roles.Administrator).Select(r => r.Id).SingleAsync(cancellationToken);
        return await Of(db, currentUser).AnyAsync(u => u.Id != userId && u.DeactivatedAt == null
            && db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == administrator), cancellationToken);
    }

    public static Task<bool> IsAdministratorAsync(AppDbContext db, string userId, CancellationToken cancellationToken) =>
        db.UserRoles.AnyAsync(ur => ur.UserId == userId && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Administrator), cancellationToken);

    public static IdentityUserRole<string> RoleOf(string userId, string roleId) => new() { UserId = userId, RoleId = roleId };
}
