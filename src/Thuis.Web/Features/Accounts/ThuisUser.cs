using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Thuis.Web.Features.Dossiers;
using Thuis.Web.Features.Municipalities;
using Thuis.Web.Features.Organisations;
using Thuis.Web.Features.SocialMap;
using Thuis.Web.Platform.Localization;

namespace Thuis.Web.Features.Accounts;

/// <summary>
/// A person who works in Thuis, or a newcomer in their own Thuis. Belongs to one municipality; a partner worker also to
/// one organisation, a newcomer's own account to exactly one person.
/// </summary>
public sealed class ThuisUser : IdentityUser
{
    private ThuisUser() => DisplayName = "";

    /// <summary>No one: an account that is never stored, for work that must cost the same as for a real one.</summary>
    public static ThuisUser Nobody() => new();

    public ThuisUser(string email, string displayName, Guid municipalityId, Guid? organisationId = null)
        : base(email)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(displayName);
        Email = email;
        EmailConfirmed = true;
        DisplayName = displayName.Trim();
        MunicipalityId = municipalityId;
        OrganisationId = organisationId;
        LockoutEnabled = true;
    }

    /// <summary>A newcomer's own account, bound to their dossier; made when the case manager first invites them.</summary>
    public static ThuisUser ForNewcomer(string signInName, string displayName, Guid municipalityId, Guid newcomerId) =>
        new(signInName, displayName, municipalityId) { NewcomerId = newcomerId };

    /// <summary>A volunteer's own account, bound to one volunteer of the social map; made when the volunteer coordinator invites them.</summary>
    public static ThuisUser ForVolunteer(string email, string displayName, Guid municipalityId, Guid volunteerId) =>
        new(email, displayName, municipalityId) { VolunteerId = volunteerId };

    public string DisplayName { get; private set; }

    /// <summary>The volunteer this account belongs to, for a volunteer's own account; null for everyone else.</summary>
    public Guid? VolunteerId { get; private set; }

    /// <summary>The person this account belongs to, for a newcomer's own account; null for staff.</summary>
    public Guid? NewcomerId { get; private set; }

    /// <summary>When the account last signed in, shown to the case manager for a newcomer's own account.</summary>
    public DateTimeOffset? LastSignInAt { get; private set; }

    /// <summary>The language a newcomer chose for their own Thuis (a culture name such as "ar"), remembered on every device.</summary>
    public string? OwnLanguage { get; private set; }

    public Guid MunicipalityId { get; private set; }

    public Guid? OrganisationId { get; private set; }

    /// <summary>When the administrator deactivated the account; while set, it cannot sign in.</summary>
    public DateTimeOffset? DeactivatedAt { get; private set; }

    /// <summary>When the administrator last reset the account's two-step verification.</summary>
    public DateTimeOffset? TwoFactorResetAt { get; private set; }

    /// <summary>
    /// Changes with every change the administrator makes to the account (role, organisation, deactivation, two-step
    /// reset), so two administrators changing the same account at once cannot both succeed. Sign-ins leave it alone.
    /// </summary>
    public Guid Version { get; private set; } = Guid.NewGuid();

    public bool IsDeactivated => DeactivatedAt is not null;

    /// <summary>Ends the account's use: it cannot sign in, and a new security stamp ends every open session at once.</summary>
    public void Deactivate(DateTimeOffset at)
    {
        if (NewcomerId is not null)
        {
            throw new InvalidOperationException("Een eigen Thuis van een nieuwkomer wordt vanuit het dossier beheerd.");
        }
        DeactivatedAt ??= at;
        SecurityStamp = Guid.NewGuid().ToString();
        Version = Guid.NewGuid();
    }

    public void Reactivate()
    {
        DeactivatedAt = null;
        Version = Guid.NewGuid();
    }

    /// <summary>
    /// The organisation a partner worker works for; only a partner worker has one, and a partner worker always has one.
    /// The roles themselves are Identity's; the handler changes them in the same save. Open sessions take the new role
    /// and organisation at their next request, when the security stamp check renews their claims.
    /// </summary>
    public void WorkFor(Guid? organisationId)
    {
        OrganisationId = organisationId;
        Version = Guid.NewGuid();
    }

    /// <summary>
    /// Forgets how the account did its second step (the code app and its recovery codes are removed by the handler) and
    /// ends its sessions, for someone who lost their phone: at the next sign-in they set it up again.
    /// </summary>
    public void ResetTwoFactor(DateTimeOffset at)
    {
        TwoFactorEnabled = false;
        TwoFactorResetAt = at;
        SecurityStamp = Guid.NewGuid().ToString();
        Version = Guid.NewGuid();
    }

    /// <summary>Remembers the language of a newcomer's own Thuis; only the languages it speaks can be chosen.</summary>
    public void ChooseOwnLanguage(Language language)
    {
        if (NewcomerId is null)
        {
            throw new InvalidOperationException("Alleen een eigen Thuis van een nieuwkomer onthoudt een taal.");
        }
        OwnLanguage = language.Name;
    }
}

internal sealed class ThuisUserMapping : IEntityTypeConfiguration<ThuisUser>
{
    public void Configure(EntityTypeBuilder<ThuisUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(200);
        builder.Property(u => u.OwnLanguage).HasMaxLength(10);
        builder.Property(u => u.Version).IsConcurrencyToken();
        builder.HasOne<Municipality>().WithMany().HasForeignKey(u => u.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(u => u.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(u => u.MunicipalityId);
        builder.HasOne<Newcomer>().WithMany().HasForeignKey(u => u.NewcomerId).OnDelete(DeleteBehavior.Restrict);
        // One own account per person: a new invitation gives the same account a new start.
        builder.HasIndex(u => u.NewcomerId).IsUnique();
        // One account per volunteer; a volunteer removed from the social map leaves an account that sees nothing.
        builder.HasOne<Volunteer>().WithMany().HasForeignKey(u => u.VolunteerId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(u => u.VolunteerId).IsUnique();
    }
}
