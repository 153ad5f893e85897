using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Thuis.Web.Platform.Tenancy;

namespace Thuis.Web.Features.Transfers;

/// <summary>
/// The municipality's own key for signing transfer files (ECDSA P-256). The public half is handed to other
/// municipalities; the private half is stored only as protected by ASP.NET Core Data Protection, whose key ring lives
/// outside the database, so a copy of the database cannot sign.
/// </summary>
public sealed class TransferKey : IMunicipalityOwned
{
    private TransferKey()
    {
        PublicKey = ProtectedPrivateKey = Fingerprint = "";
    }

    public TransferKey(Guid municipalityId, string publicKey, string protectedPrivateKey, string fingerprint, DateTimeOffset createdAt)
    {
        Id = Guid.CreateVersion7();
        MunicipalityId = municipalityId;
        PublicKey = publicKey;
        ProtectedPrivateKey = protectedPrivateKey;
        Fingerprint = fingerprint;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }

    public Guid MunicipalityId { get; private set; }

    /// <summary>The public key as PEM (SubjectPublicKeyInfo).</summary>
    public string PublicKey { get; private set; }

    /// <summary>The private key (PKCS#8), protected by Data Protection for this municipality only, in base64.</summary>
    public string ProtectedPrivateKey { get; private set; }

    public string Fingerprint { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
}

/// <summary>
/// Another municipality's public key, registered by this municipality's administrator: a transfer file signed in that
/// municipality's name is accepted only when this key verifies it. One key per municipality code.
/// </summary>
public sealed class RegisteredTransferKey : IMunicipalityOwned
{
    private RegisteredTransferKey()
    {
        CbsCode = Name = PublicKey = Fingerprint = RegisteredBy = "";
    }

    public RegisteredTransferKey(Guid municipalityId, string cbsCode, string name, TransferPublicKey key, string registeredBy, DateTimeOffset registeredAt)
    {
        if (!TransferKeys.IsCbsCode(cbsCode))
        {
            throw new ArgumentException("Een CBS-gemeentecode bestaat uit vier cijfers.", nameof(cbsCode));
        }
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Id = Guid.CreateVersion7();
        MunicipalityId = municipalityId;
        CbsCode = cbsCode;
        Name = name.Trim();
        PublicKey = key.Pem;
        Fingerprint = key.Fingerprint;
        RegisteredBy = registeredBy;
        RegisteredAt = registeredAt;
    }

    public Guid Id { get; private set; }

    public Guid MunicipalityId { get; private set; }

    /// <summary>The other municipality's four-digit CBS code, as its transfer files name it.</summary>
    public string CbsCode { get; private set; }

    public string Name { get; private set; }

    public string PublicKey { get; private set; }

    public string Fingerprint { get; private set; }

    public string RegisteredBy { get; private set; }

    public DateTimeOffset RegisteredAt { get; private set; }
}

/// <summary>A public key that was read and checked: P-256, normalised to PEM, with its fingerprint.</summary>
public sealed record TransferPublicKey(string Pem, string Fingerprint);

/// <summary>The keys' shared rules: the curve, the fingerprint, reading a pasted PEM.</summary>
public static partial class TransferKeys
{
    private const string P256 = "1.2.840.10045.3.1.7";

    public static bool IsCbsCode(string? code) => code is not null && CbsCode().IsMatch(code);

    public static ECDsa NewKey() => ECDsa.Create(ECCurve.NamedCurves.nistP256);

    /// <summary>
    /// The first 16 bytes of the SHA-256 of the public key (SubjectPublicKeyInfo) in eight groups of four hexadecimal
    /// characters: short enough to read out over the phone, long enough that nobody can make a key with the same one.
    /// </summary>
    public static string Fingerprint(ECDsa key)
    {
        var hash = SHA256.HashData(key.ExportSubjectPublicKeyInfo());
        var hex = Convert.ToHexString(hash, 0, 16);
        return string.Join(' ', Enumerable.Range(0, 8).Select(i => hex.Substring(i * 4, 4)));
    }

    /// <summary>The public key in <paramref name="pem"/>, or why it is not one Thuis can use (in Dutch).</summary>
    public static (TransferPublicKey? Key, string? Refusal) Read(string? pem)
    {
        if (string.IsNullOrWhiteSpace(pem))
        {
            return (null, "Plak de openbare sleutel of kies het sleutelbestand (.pem).");
        }
        if (pem.Contains("PRIVATE KEY", StringComparison.Ordinal))
        {
            return (null, "Dit is een geheime sleutel, geen openbare. Leg hem niet vast en laat de andere gemeente weten dat hij gedeeld is; vraag om de openbare sleutel (-----BEGIN PUBLIC KEY-----).");
        }
        using var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(pem);
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            return (null, "Dit is geen geldige openbare sleutel. Plak de hele PEM-tekst, van -----BEGIN PUBLIC KEY----- tot en met -----END PUBLIC KEY-----.");
        }
        if (key.ExportParameters(false).Curve.Oid?.Value != P256)
        {
            return (null, "Deze sleutel gebruikt een andere curve dan P-256; Thuis ondertekent overdrachten met ECDSA P-256.");
        }
        return (Of(key), null);
    }

    public static TransferPublicKey Of(ECDsa key) => new(key.ExportSubjectPublicKeyInfoPem(), Fingerprint(key));

    [GeneratedRegex("^[0-9]{4}$")]
    private static partial Regex CbsCode();
}

internal sealed class TransferKeyMapping : IEntityTypeConfiguration<TransferKey>, IEntityTypeConfiguration<RegisteredTransferKey>
{
    public void Configure(EntityTypeBuilder<TransferKey> builder)
    {
        builder.HasIndex(k => k.MunicipalityId).IsUnique();
        builder.Property(k => k.PublicKey).HasMaxLength(1000);
        builder.Property(k => k.ProtectedPrivateKey).HasMaxLength(2000);
        builder.Property(k => k.Fingerprint).HasMaxLength(40);
    }

    public void Configure(EntityTypeBuilder<RegisteredTransferKey> builder)
    {
        builder.HasIndex(k => new { k.MunicipalityId, k.CbsCode }).IsUnique();
        builder.Property(k => k.CbsCode).HasMaxLength(4);
        builder.Property(k => k.Name).HasMaxLength(100);
        builder.Property(k => k.PublicKey).HasMaxLength(1000);
        builder.Property(k => k.Fingerprint).HasMaxLength(40);
        builder.Property(k => k.RegisteredBy).HasMaxLength(200);
    }
}
