using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Thuis.Web.Features.Dossiers;
using Thuis.Web.Platform.Changes;
using Thuis.Web.Platform.Tenancy;

namespace Thuis.Web.Features.Own;

/// <summary>
/// The case manager's invitation to a newcomer to use their own Thuis: a one-time activation code on a printed letter,
/// valid for fourteen days. Only a salted, slow hash of the code is kept, so someone who reads the database cannot use
/// an open invitation. A newer invitation or "toegang intrekken" revokes it.
/// </summary>
public sealed class OwnAccessInvitation : IMunicipalityOwned, IPersonData
{
    public const int ValidDays = 14;
    public const int CodeLength = 10;

    // No 0/O, 1/I/L, 5/S, 2/Z, 8/B: a code read from paper and typed on a phone must not be misread.
    private const string Alphabet = "ACDEFGHJKMNPQRTUVWXY34679";
    private const int HashIterations = 100_000;

    private OwnAccessInvitation()
    {
        UserId = "";
        CodeHash = [];
        Salt = [];
        CreatedBy = "";
    }

    private OwnAccessInvitation(Newcomer newcomer, string userId, byte[] salt, byte[] codeHash, string createdBy, DateTimeOffset createdAt)
    {
        Id = Guid.CreateVersion7();
        MunicipalityId = newcomer.MunicipalityId;
        NewcomerId = newcomer.Id;
        UserId = userId;
        Salt = salt;
        CodeHash = codeHash;
        CreatedBy = createdBy;
        CreatedAt = createdAt;
        ExpiresAt = createdAt.AddDays(ValidDays);
    }

    public Guid Id { get; private set; }
    public Guid MunicipalityId { get; private set; }
    public Guid NewcomerId { get; private set; }
    /// <summary>The newcomer's own account the code activates.</summary>
    public string UserId { get; private set; }
    public byte[] Salt { get; private set; }
    public byte[] CodeHash { get; private set; }
    public string CreatedBy { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }
    public DateTimeOffset? ActivatedAt { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }
    /// <summary>Changes when the invitation is used or revoked, so two uses of one code at once cannot both succeed.</summary>
    public Guid Version { get; private set; } = Guid.NewGuid();

    /// <summary>A new invitation with its code; the code is returned once, for the letter, and never stored.</summary>
    public static (OwnAccessInvitation Invitation, string Code) Issue(Newcomer newcomer, string userId, string createdBy, DateTimeOffset at)
    {
        var code = RandomNumberGenerator.GetString(Alphabet, CodeLength);
        var salt = RandomNumberGenerator.GetBytes(16);
        return (new OwnAccessInvitation(newcomer, userId, salt, Hash(code, salt), createdBy, at), code);
    }

    /// <summary>Open: not used, not revoked and not expired.</summary>
    public bool IsOpen(DateTimeOffset now) => ActivatedAt is null && RevokedAt is null && now < ExpiresAt;

    /// <summary>Whether the code typed (spaces, dashes and case left aside) is this invitation's code.</summary>
    public bool Matches(string typed) =>
        CryptographicOperations.FixedTimeEquals(Hash(Normalise(typed), Salt), CodeHash);

    public void Activate(DateTimeOffset at)
    {
        if (!IsOpen(at))
        {
            throw new InvalidOperationException("Deze uitnodiging is gebruikt, ingetrokken of verlopen.");
        }
        ActivatedAt = at;
        Version = Guid.NewGuid();
    }

    public void Revoke(DateTimeOffset at)
    {
        if (ActivatedAt is null && RevokedAt is null)
        {
            RevokedAt = at;
            Version = Guid.NewGuid();
        }
    }

    /// <summary>The code as printed: two groups of five.</summary>
    public static string Printed(string code) => $"{code[..5]}-{code[5..]}";

    public static string Normalise(string typed) =>
        new([.. typed.ToUpperInvariant().Where(c => !char.IsWhiteSpace(c) && c != '-')]);

    private static byte[] Hash(string code, byte[] salt) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(code), salt, HashIterations, HashAlgorithmName.SHA256, 32);
}

internal sealed class OwnAccessInvitationMapping : IEntityTypeConfiguration<OwnAccessInvitation>
{
    public void Configure(EntityTypeBuilder<OwnAccessInvitation> builder)
    {
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.Version).IsConcurrencyToken();
        builder.Property(i => i.UserId).HasMaxLength(450);
        builder.Property(i => i.Salt).HasMaxLength(16);
        builder.Property(i => i.CodeHash).HasMaxLength(32);
        builder.Property(i => i.CreatedBy).HasMaxLength(200);
        builder.HasOne<Newcomer>().WithMany().HasForeignKey(i => i.NewcomerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(i => new { i.MunicipalityId, i.NewcomerId });
        builder.HasIndex(i => i.UserId);
    }
}
