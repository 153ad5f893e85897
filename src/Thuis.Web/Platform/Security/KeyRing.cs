using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Thuis.Web.Data;

namespace Thuis.Web.Platform.Security;

/// <summary>
/// The key ring of ASP.NET Core Data Protection: it protects the sign-in cookies, the forms' antiforgery tokens and the
/// municipalities' private keys for signing transfer files. Two places to keep it (<c>DataProtection:Store</c>):
/// <list type="bullet">
/// <item><c>Folder</c> (the default, one node): a folder outside the database (<c>DataProtection:KeyFolder</c>, by default
/// <c>keys</c> next to the app), readable by the account Thuis runs as only, so a copy of the database alone cannot sign a
/// transfer file. Back the folder up, apart from the database.</item>
/// <item><c>Database</c> (several nodes on one PostgreSQL): in the database, each key sealed with the
/// <see cref="KeyEncryptionKey"/> from the nodes' configuration, so every node reads the same ring and a session made on
/// one node is good on all, while a copy of the database alone still opens nothing. Keep the key apart from the backups.</item>
/// </list>
/// </summary>
public static class KeyRing
{
    public const string FolderSetting = "DataProtection:KeyFolder";
    public const string StoreSetting = "DataProtection:Store";
    public const string DatabaseStore = "Database";

    public static void AddKeyRing(this WebApplicationBuilder builder)
    {
        var protection = builder.Services.AddDataProtection().SetApplicationName("Thuis");
        if (string.Equals(builder.Configuration[StoreSetting], DatabaseStore, StringComparison.OrdinalIgnoreCase))
        {
            var key = KeyEncryptionKey.From(builder.Configuration)
                ?? throw new InvalidOperationException(
                    $"{StoreSetting} is {DatabaseStore}, maar {KeyEncryptionKey.Setting} is niet ingesteld. Geef elk knooppunt dezelfde sleutel " +
                    "(32 bytes, base64; maak er een met: openssl rand -base64 32). Zie docs/deploy.md.");
            builder.Services.AddSingleton(key);
            protection.PersistKeysToDbContext<AppDbContext>();
            builder.Services.Configure<KeyManagementOptions>(o => o.XmlEncryptor = new KeyEncryptionKeyEncryptor(key));
            return;
        }
        protection.PersistKeysToFileSystem(new DirectoryInfo(Folder(builder)));
    }

    private static string Folder(WebApplicationBuilder builder)
    {
        var configured = builder.Configuration[FolderSetting];
        var folder = string.IsNullOrWhiteSpace(configured) ? "keys" : configured;
        if (!Path.IsPathRooted(folder))
        {
            folder = Path.Combine(builder.Environment.ContentRootPath, folder);
        }
        if (!Directory.Exists(folder))
        {
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(folder);
            }
            else
            {
                Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }
        return folder;
    }
}
