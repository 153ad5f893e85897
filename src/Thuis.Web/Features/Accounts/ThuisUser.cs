using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Thuis.Web.Features.Municipalities;
using Thuis.Web.Features.Organisations;

namespace Thuis.Web.Features.Accounts;

/// <summary>A person who works in Thuis. Belongs to one municipality; a partner worker also to one organisation.</summary>
public sealed class ThuisUser : IdentityUser
{
    private ThuisUser() => DisplayName = "";

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

    public string DisplayName { get; private set; }

    public Guid MunicipalityId { get; private set; }

    public Guid? OrganisationId { get; private set; }
}

internal sealed class ThuisUserMapping : IEntityTypeConfiguration<ThuisUser>
{
    public void Configure(EntityTypeBuilder<ThuisUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(200);
        builder.HasOne<Municipality>().WithMany().HasForeignKey(u => u.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(u => u.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(u => u.MunicipalityId);
    }
}
