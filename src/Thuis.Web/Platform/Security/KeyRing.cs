using Microsoft.AspNetCore.DataProtection;

namespace Thuis.Web.Platform.Security;

/// <summary>
/// The key ring of ASP.NET Core Data Protection: it protects the sign-in cookies, the forms' antiforgery tokens and the
/// municipalities' private keys for signing transfer files. It lives in a folder outside the database
/// (<c>DataProtection:KeyFolder</c>, by default <c>keys</c> next to the app), readable by the account Thuis runs as only,
/// so a copy of the database alone cannot sign a transfer file. Back the folder up, apart from the database.
/// </summary>
public static class KeyRing
{
    public const string FolderSetting = "DataProtection:KeyFolder";

    public static void AddKeyRing(this WebApplicationBuilder builder)
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
        builder.Services.AddDataProtection()
            .SetApplicationName("Thuis")
            .PersistKeysToFileSystem(new DirectoryInfo(folder));
    }
}
