using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Thuis.Web.Platform.Tenancy;

namespace Thuis.Web.Platform.Auditing;

public enum AuditAction
{
    View,
    Create,
    Update,
    Delete,
}

public enum AuditResult
{
    Success,
    NotFound,
    Refused,
}

/// <summary>
/// One line of the audit trail: who did what to which record, when, from where and why.
/// Append-only; each entry carries the hash of the previous one of its municipality, keyed with a secret kept outside
/// the database, so an edited or removed entry breaks the chain (see <see cref="AuditChain"/>).
/// Never holds values of people's data: changes list field names only.
/// </summary>
public sealed class AuditEntry : IMunicipalityOwned
{
    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    private AuditEntry()
    {
        ActorId = ActorRoles = ObjectType = ObjectId = Purpose = PreviousHash = Hash = "";
    }

    public AuditEntry(
        Guid municipalityId, DateTimeOffset occurredAt, string actorId, string actorRoles, AuditAction action,
        string objectType, string objectId, AuditResult result, string? origin, string purpose, string? details, Guid? personId = null)
    {
        MunicipalityId = municipalityId;
        // PostgreSQL keeps microseconds; truncating first keeps the hash stable on every provider.
        OccurredAt = new DateTimeOffset(occurredAt.UtcTicks - occurredAt.UtcTicks % 10, TimeSpan.Zero);
        ActorId = actorId;
        ActorRoles = actorRoles;
        Action = action;
        ObjectType = objectType;
        ObjectId = objectId;
        Result = result;
        Origin = origin;
        Purpose = purpose;
        Details = details;
        PersonId = personId;
        PreviousHash = Hash = "";
    }

    public long Id { get; private set; }

    public Guid MunicipalityId { get; private set; }

    /// <summary>Position in the municipality's chain, starting at 1 without gaps.</summary>
    public long Sequence { get; private set; }

    public DateTimeOffset OccurredAt { get; private set; }

    public string ActorId { get; private set; }

    public string ActorRoles { get; private set; }

    public AuditAction Action { get; private set; }

    public string ObjectType { get; private set; }

    public string ObjectId { get; private set; }

    public AuditResult Result { get; private set; }

    public string? Origin { get; private set; }

    public string Purpose { get; private set; }

    /// <summary>For changes: the names of the changed fields, never their values.</summary>
    public string? Details { get; private set; }

    /// <summary>Whose dossier the entry is about, so a person can see who looked at theirs; null when it is nobody's.</summary>
    public Guid? PersonId { get; private set; }

    public string PreviousHash { get; private set; }

    public string Hash { get; private set; }

    /// <summary>
    /// The key that hashed this entry (HMAC-SHA256), by its fingerprint; null for entries from before the chain was keyed,
    /// which carry a plain SHA-256 and are accepted only before a municipality's first keyed entry.
    /// </summary>
    public string? KeyId { get; private set; }

    internal void LinkAfter(long previousSequence, string previousHash, AuditKey key)
    {
        Sequence = previousSequence + 1;
        PreviousHash = previousHash;
        KeyId = key.Id;
        Hash = ComputeHash(key);
    }

    /// <summary>The hash this entry should carry: keyed when it was hashed with a key, plain SHA-256 when it is older.</summary>
    internal string ComputeHash(AuditKey? key)
    {
        var canonical = Canonical();
        return KeyId is null
            ? Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)))
            : key?.Mac(canonical) ?? throw new InvalidOperationException("Een regel met sleutel is alleen met die sleutel te controleren.");
    }

    private string Canonical()
    {
        return string.Join('\u001f',
            MunicipalityId.ToString("D"),
            Sequence.ToString(CultureInfo.InvariantCulture),
            OccurredAt.UtcTicks.ToString(CultureInfo.InvariantCulture),
            ActorId, ActorRoles, Action.ToString(), ObjectType, ObjectId, Result.ToString(),
            Origin ?? "", Purpose, Details ?? "", PreviousHash)
            // Entries from before people could see their own trail have no person; their hashes stay as they were.
            + (PersonId is { } person ? '\u001f' + person.ToString("D") : "");
    }
}

internal sealed class AuditEntryMapping : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.HasIndex(a => new { a.MunicipalityId, a.Sequence }).IsUnique();
        builder.HasIndex(a => new { a.MunicipalityId, a.ObjectType, a.ObjectId });
        builder.HasIndex(a => new { a.MunicipalityId, a.PersonId });
        builder.Property(a => a.ActorId).HasMaxLength(64);
        builder.Property(a => a.ActorRoles).HasMaxLength(200);
        builder.Property(a => a.Action).HasMaxLength(20);
        builder.Property(a => a.ObjectType).HasMaxLength(100);
        builder.Property(a => a.ObjectId).HasMaxLength(100);
        builder.Property(a => a.Result).HasMaxLength(20);
        builder.Property(a => a.Origin).HasMaxLength(64);
        builder.Property(a => a.Purpose).HasMaxLength(200);
        builder.Property(a => a.Details).HasMaxLength(2000);
        builder.Property(a => a.PreviousHash).HasMaxLength(64).IsFixedLength();
        builder.Property(a => a.Hash).HasMaxLength(64).IsFixedLength();
        builder.Property(a => a.KeyId).HasMaxLength(16);
    }
}
