using System.Collections.Frozen;
using System.IO.Compression;
using Microsoft.AspNetCore.Identity;

namespace Thuis.Web.Features.Accounts;

/// <summary>
/// Refuses a password that is on a list of common passwords (NIST SP 800-63B: "passwords obtained from previous breach
/// corpuses, dictionary words"), also when only digits or punctuation follow a common one ("welkom123456",
/// "Wachtwoord2024!"): length alone would let those through. Identity runs every validator wherever a password is set,
/// so an invitation, a newcomer's activation and a change of password are all checked the same way.
/// </summary>
/// <remarks>
/// The list is zxcvbn's password list as kept by @zxcvbn-ts/language-common 4.1.3 (49,233 passwords, MIT licence;
/// see CommonPasswords.LICENSE.txt), one per line, compressed.
/// </remarks>
public sealed class CommonPasswordValidator : IPasswordValidator<ThuisUser>
{
    public const string Code = "CommonPassword";

    public const string Message = "Dit wachtwoord komt voor op een lijst van veelgebruikte wachtwoorden en is makkelijk te raden. Kies een ander, bijvoorbeeld een zin van een paar woorden.";

    private static readonly Lazy<FrozenSet<string>> List = new(Load);

    /// <summary>How many passwords the list holds.</summary>
    public static int Count => List.Value.Count;

    public Task<IdentityResult> ValidateAsync(UserManager<ThuisUser> manager, ThuisUser user, string? password) =>
        Task.FromResult(password is not null && IsCommon(password)
            ? IdentityResult.Failed(new IdentityError { Code = Code, Description = Message })
            : IdentityResult.Success);

    public static bool IsCommon(string password)
    {
        var plain = password.Trim().ToLowerInvariant();
        if (List.Value.Contains(plain))
        {
            return true;
        }
        // A common password with only digits or punctuation after it is as easy to guess as the password itself.
        var stem = plain.TrimEnd("0123456789!?.,-_@#$%&*+=~ ".ToCharArray());
        return stem.Length >= 4 && stem.Length < plain.Length && List.Value.Contains(stem);
    }

    private static FrozenSet<string> Load()
    {
        using var stream = typeof(CommonPasswordValidator).Assembly.GetManifestResourceStream("Thuis.Web.Features.Accounts.CommonPasswords.txt.gz")
            ?? throw new InvalidOperationException("De lijst met veelgebruikte wachtwoorden ontbreekt.");
        using var reader = new StreamReader(new GZipStream(stream, CompressionMode.Decompress));
        var passwords = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                passwords.Add(line.ToLowerInvariant());
            }
        }
        return passwords.ToFrozenSet(StringComparer.Ordinal);
    }
}
