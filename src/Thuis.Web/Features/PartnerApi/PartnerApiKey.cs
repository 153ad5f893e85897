using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Thuis.Web.Features.Organisations;
using Thuis.Web.Platform.Tenancy;

namespace Thuis.Web.Features.PartnerApi;

/// <summary>
/// A key with which one partner organisation's own system uses the partner API, for that organisation in one
/// municipality. The key is shown once when it is issued; Thuis keeps only a SHA-256 hash of its secret, which is 256
/// random bits, so one round is enough. The key's public part (<see cref="Prefix"/>) finds it without a search through
/// hashes; the secret is then compared in constant time. A revoked key stays listed, and stops working at once.
/// </summary>
public sealed class PartnerApiKey : IMunicipalityOwned
{
    /// <summary>Every key starts with this, so a leaked key is recognisable (secret scanners, logs).</summary>
    public const string KeyStart = "thuis_";

    public const int NameMaxLength = 100;

    private const int PrefixBytes = 6;
    private const int SecretBytes = 32;

    private PartnerApiKey()
    {
        Name = Prefix = CreatedBy = "";
        SecretHash = [];
    }

    private PartnerApiKey(Organisation organisation, string name, string prefix, byte[] secretHash, string createdBy, DateTimeOffset createdAt)
    {
        if (!organisation.IsPartner)
        {
            throw new InvalidOperationException("Alleen een partnerorganisatie krijgt een API-sleutel.");
        }
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Id = Guid.CreateVersion7();
        MunicipalityId = organisation.MunicipalityId;
        OrganisationId = organisation.Id;
        Name = name.Trim();
        Prefix = prefix;
        SecretHash = secretHash;
        CreatedBy = createdBy;
        CreatedAt = createdAt;
        Version = Guid.NewGuid();
    }

    public Guid Id { get; private set; }
    public Guid MunicipalityId { get; private set; }
    public Guid OrganisationId { get; private set; }

    /// <summary>What the administrator calls it, e.g. "Registratiesysteem VluchtelingenWerk": who acted, in the audit trail.</summary>
    public string Name { get; private set; }

    /// <summary>The key's public part, which finds it; not secret on its own.</summary>
    public string Prefix { get; private set; }

    public byte[] SecretHash { get; private set; }
    public string CreatedBy { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }
    public string? RevokedBy { get; private set; }

    /// <summary>The last call with this key, to the minute.</summary>
    public DateTimeOffset? LastUsedAt { get; private set; }

    public Guid Version { get; private set; }

    public bool IsRevoked => RevokedAt is not null;

    /// <summary>A new key for the organisation and the key itself, which is returned once and never stored.</summary>
    public static (PartnerApiKey Key, string Secret) Issue(Organisation organisation, string name, string createdBy, DateTimeOffset at)
    {
        var prefix = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(PrefixBytes));
        var secret = Base64Url(RandomNumberGenerator.GetBytes(SecretBytes));
        var presented = $"{KeyStart}{prefix}_{secret}";
        return (new PartnerApiKey(organisation, name, prefix, Hash(presented), createdBy, at), presented);
    }

    /// <summary>The public part of a presented key, or null when it is not shaped like one of ours.</summary>
    public static string? PrefixOf(string? presented)
    {
        if (presented is null || !presented.StartsWith(KeyStart, StringComparison.Ordinal))
        {
            return null;
        }
        var rest = presented.AsSpan(KeyStart.Length);
        var separator = rest.IndexOf('_');
        return separator == PrefixBytes * 2 ? rest[..separator].ToString() : null;
    }

    public static byte[] Hash(string presented) => SHA256.HashData(Encoding.UTF8.GetBytes(presented));

    /// <summary>Whether the presented key is this one, compared in constant time; a revoked key matches nothing.</summary>
    public bool Accepts(string presented) => !IsRevoked && CryptographicOperations.FixedTimeEquals(Hash(presented), SecretHash);

    /// <summary>Why the key cannot be revoked; null when it can.</summary>
    public string? CannotRevoke() => IsRevoked ? "Deze sleutel is al ingetrokken." : null;

    public void Revoke(string by, DateTimeOffset at)
    {
        if (CannotRevoke() is { } refusal)
        {
            throw new InvalidOperationException(refusal);
        }
        RevokedAt = at;
        RevokedBy = by;
        Version = Guid.NewGuid();
    }

    /// <summary>Whether a call at this moment is worth writing down as the last use: at most once a minute.</summary>
    public static bool LastUseIsStale(DateTimeOffset? lastUsedAt, DateTimeOffset now) => lastUsedAt is not { } last || now - last >= TimeSpan.FromMinutes(1);

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

internal sealed class PartnerApiKeyMapping : IEntityTypeConfiguration<PartnerApiKey>
{
    public void Configure(EntityTypeBuilder<PartnerApiKey> builder)
    {
        builder.Property(k => k.Id).ValueGeneratedNever();
        builder.Property(k => k.Name).HasMaxLength(PartnerApiKey.NameMaxLength);
        builder.Property(k => k.Prefix).HasMaxLength(12).IsFixedLength();
        builder.Property(k => k.SecretHash).HasMaxLength(32);
        builder.Property(k => k.CreatedBy).HasMaxLength(200);
        builder.Property(k => k.RevokedBy).HasMaxLength(200);
        builder.Property(k => k.Version).IsConcurrencyToken();
        builder.HasIndex(k => k.Prefix).IsUnique();
        builder.HasIndex(k => new { k.MunicipalityId, k.OrganisationId });
        builder.HasOne<Organisation>().WithMany().HasForeignKey(k => k.OrganisationId).OnDelete(DeleteBehavior.Cascade);
    }
}
