using System.Security.Cryptography;
using System.Text;

namespace Thuis.Web.Platform.Auditing;

/// <summary>
/// The secret that keys the audit chain (HMAC-SHA256), kept outside the database: whoever can write the database but
/// not read this key cannot recompute the hashes after editing or removing an entry. Its <see cref="Id"/> names it in
/// every entry it hashed, never revealing it.
/// </summary>
public sealed class AuditKey
{
    public const int MinimumBytes = 32;

    private readonly byte[] _secret;

    public AuditKey(byte[] secret)
    {
        if (secret.Length < MinimumBytes)
        {
            throw new ArgumentException($"De sleutel van de audittrail moet minstens {MinimumBytes} bytes lang zijn.", nameof(secret));
        }
        _secret = [.. secret];
        Id = Convert.ToHexStringLower(SHA256.HashData([.. "thuis-audit-key-id"u8, .. _secret]))[..16];
    }

    /// <summary>A short fingerprint of the key, stored with each entry it hashed.</summary>
    public string Id { get; }

    /// <summary>A fresh random key, for the demo run and for contexts that never save (design time).</summary>
    public static AuditKey NewRandom() => new(RandomNumberGenerator.GetBytes(MinimumBytes));

    public static AuditKey FromBase64(string text, string source)
    {
        byte[] secret;
        try
        {
            secret = Convert.FromBase64String(text.Trim());
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"{source}: de sleutel van de audittrail is geen geldige base64-tekst.");
        }
        if (secret.Length < MinimumBytes)
        {
            throw new InvalidOperationException($"{source}: de sleutel van de audittrail moet minstens {MinimumBytes} bytes lang zijn (nu {secret.Length}).");
        }
        return new AuditKey(secret);
    }

    public string Mac(string text) => Convert.ToHexStringLower(HMACSHA256.HashData(_secret, Encoding.UTF8.GetBytes(text)));

    /// <summary>Compares two hex MACs in constant time.</summary>
    public static bool Same(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(a), Encoding.ASCII.GetBytes(b));
}
