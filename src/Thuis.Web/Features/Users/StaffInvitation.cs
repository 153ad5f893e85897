using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Thuis.Web.Features.Accounts;
using Thuis.Web.Platform.Tenancy;

namespace Thuis.Web.Features.Users;

/// <summary>
/// The administrator's invitation to someone who will work in Thuis: a one-time link, valid for seven days, that the
/// administrator hands over (Thuis sends no e-mail). Only a hash of the link's token is kept; the token is long and random,
/// so one round of SHA-256 is enough (unlike a code typed from paper). A newer invitation replaces it.
/// </summary>
public sealed class StaffInvitation : IMunicipalityOwned
{
    public const int ValidDays = 7;

    private StaffInvitation()
    {
        UserId = CreatedBy = "";
        TokenHash = [];
    }

    private StaffInvitation(ThuisUser user, byte[] tokenHash, string createdBy, DateTimeOffset createdAt)
    {
        Id = Guid.CreateVersion7();
        MunicipalityId = user.MunicipalityId;
        UserId = user.Id;
        TokenHash = tokenHash;
        CreatedBy = createdBy;
        CreatedAt = createdAt;
        ExpiresAt = createdAt.AddDays(ValidDays);
    }

    public Guid Id { get; private set; }
    public Guid MunicipalityId { get; private set; }
    public string UserId { get; private set; }
    public byte[] TokenHash { get; private set; }
    public string CreatedBy { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }
    public DateTimeOffset? UsedAt { get; private set; }
    public DateTimeOffset? ReplacedAt { get; private set; }

    /// <summary>Changes when the invitation is used or replaced, so one link used twice at once succeeds only once.</summary>
    public Guid Version { get; private set; } = Guid.NewGuid();

    /// <summary>A new invitation and the token for its link; the token is returned once and never stored.</summary>
    public static (StaffInvitation Invitation, string Token) Issue(ThuisUser user, string createdBy, DateTimeOffset at)
    {
        var token = Base64Url(RandomNumberGenerator.GetBytes(32));
        return (new StaffInvitation(user, Hash(token), createdBy, at), token);
    }

    public static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token.Trim()));

    public bool IsOpen(DateTimeOffset now) => UsedAt is null && ReplacedAt is null && now < ExpiresAt;

    /// <summary>Why the link no longer works, in the invited person's words; null while it is open.</summary>
    public string? WhyClosed(DateTimeOffset now) =>
        UsedAt is not null ? "Deze uitnodiging is al gebruikt. Log in met uw e-mailadres en het wachtwoord dat u toen koos."
        : ReplacedAt is not null ? "Deze uitnodiging is vervangen door een nieuwere. Gebruik de laatste link die u kreeg."
        : now >= ExpiresAt ? $"Deze uitnodiging is verlopen: een link is {ValidDays} dagen geldig. Vraag wie u uitnodigde om een nieuwe: de functioneel beheerder, of voor vrijwilligers de coördinator vrijwilligers."
        : null;

    public void Use(DateTimeOffset at)
    {
        if (!IsOpen(at))
        {
            throw new InvalidOperationException("Deze uitnodiging is gebruikt, vervangen of verlopen.");
        }
        UsedAt = at;
        Version = Guid.NewGuid();
    }

    public void Replace(DateTimeOffset at)
    {
        if (UsedAt is null && ReplacedAt is null)
        {
            ReplacedAt = at;
            Version = Guid.NewGuid();
        }
    }

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

internal sealed class StaffInvitationMapping : IEntityTypeConfiguration<StaffInvitation>
{
    public void Configure(EntityTypeBuilder<StaffInvitation> builder)
    {
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.Version).IsConcurrencyToken();
        builder.Property(i => i.UserId).HasMaxLength(450);
        builder.Property(i => i.TokenHash).HasMaxLength(32);
        builder.Property(i => i.CreatedBy).HasMaxLength(200);
        builder.HasOne<ThuisUser>().WithMany().HasForeignKey(i => i.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(i => i.TokenHash).IsUnique();
        builder.HasIndex(i => new { i.MunicipalityId, i.UserId });
    }
}
