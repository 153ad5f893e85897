using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace Thuis.Web.Platform.Security;

/// <summary>
/// The key that protects the Data Protection key ring at rest when it is kept in the database
/// (<c>DataProtection:KeyEncryptionKey</c>: 32 random bytes in base64, from the nodes' configuration, never from the
/// database). A copy of the database alone then opens no session and signs no transfer file.
/// </summary>
public sealed class KeyEncryptionKey
{
    public const string Setting = "DataProtection:KeyEncryptionKey";

    private KeyEncryptionKey(byte[] key)
    {
        Key = key;
        Id = Convert.ToHexStringLower(SHA256.HashData(key))[..16];
    }

    internal byte[] Key { get; }

    /// <summary>A fingerprint that names the key without giving it away, kept beside each protected key.</summary>
    public string Id { get; }

    /// <summary>The configured key; null when none is set; an error that says what is wrong when it is not 32 bytes of base64.</summary>
    public static KeyEncryptionKey? From(IConfiguration configuration)
    {
        var configured = configuration[Setting];
        if (string.IsNullOrWhiteSpace(configured))
        {
            return null;
        }
        byte[] key;
        try
        {
            key = Convert.FromBase64String(configured.Trim());
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"{Setting} is geen base64. Maak er een met: openssl rand -base64 32");
        }
        return key.Length == 32
            ? new KeyEncryptionKey(key)
            : throw new InvalidOperationException($"{Setting} moet 32 bytes zijn (base64), niet {key.Length}. Maak er een met: openssl rand -base64 32");
    }
}

/// <summary>Seals each key of the ring with AES-256-GCM under the <see cref="KeyEncryptionKey"/>.</summary>
public sealed class KeyEncryptionKeyEncryptor(KeyEncryptionKey key) : IXmlEncryptor
{
    internal static readonly byte[] AssociatedData = Encoding.UTF8.GetBytes("Thuis Data Protection key ring");

    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        var plain = Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var nonce = RandomNumberGenerator.GetBytes(AesGcm.NonceByteSizes.MaxSize);
        var tag = new byte[AesGcm.TagByteSizes.MaxSize];
        var sealedBytes = new byte[plain.Length];
        using (var aes = new AesGcm(key.Key, tag.Length))
        {
            aes.Encrypt(nonce, plain, sealedBytes, tag, AssociatedData);
        }
        CryptographicOperations.ZeroMemory(plain);
        var element = new XElement("sealedKey",
            new XAttribute("keyEncryptionKey", key.Id),
            new XElement("nonce", Convert.ToBase64String(nonce)),
            new XElement("tag", Convert.ToBase64String(tag)),
            new XElement("value", Convert.ToBase64String(sealedBytes)));
        return new EncryptedXmlInfo(element, typeof(KeyEncryptionKeyDecryptor));
    }
}

/// <summary>Opens a key sealed by <see cref="KeyEncryptionKeyEncryptor"/>; made by Data Protection with the app's services.</summary>
public sealed class KeyEncryptionKeyDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        var key = services.GetService<KeyEncryptionKey>()
            ?? throw new InvalidOperationException($"De sleutelring in de database is verzegeld, maar {KeyEncryptionKey.Setting} is niet ingesteld.");
        var sealedWith = (string?)encryptedElement.Attribute("keyEncryptionKey");
        if (sealedWith != key.Id)
        {
            throw new CryptographicException(
                $"Deze sleutel is verzegeld met een andere {KeyEncryptionKey.Setting} (vingerafdruk {sealedWith}, ingesteld is {key.Id}).");
        }
        var nonce = Convert.FromBase64String((string)encryptedElement.Element("nonce")!);
        var tag = Convert.FromBase64String((string)encryptedElement.Element("tag")!);
        var sealedBytes = Convert.FromBase64String((string)encryptedElement.Element("value")!);
        var plain = new byte[sealedBytes.Length];
        using (var aes = new AesGcm(key.Key, tag.Length))
        {
            aes.Decrypt(nonce, sealedBytes, tag, plain, KeyEncryptionKeyEncryptor.AssociatedData);
        }
        try
        {
            return XElement.Parse(Encoding.UTF8.GetString(plain));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plain);
        }
    }
}
