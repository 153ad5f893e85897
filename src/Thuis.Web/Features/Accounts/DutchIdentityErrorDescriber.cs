using System.Globalization;
using Microsoft.AspNetCore.Identity;

namespace Thuis.Web.Features.Accounts;

/// <summary>Identity's messages in Dutch, for the few places they reach a user.</summary>
internal sealed class DutchIdentityErrorDescriber : IdentityErrorDescriber
{
    public override IdentityError DefaultError() => Error(nameof(DefaultError), "Er ging iets mis. Probeer het opnieuw.");
    public override IdentityError ConcurrencyFailure() => Error(nameof(ConcurrencyFailure), "Iemand anders heeft dit account intussen gewijzigd. Laad de pagina opnieuw.");
    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch), "Het wachtwoord klopt niet.");
    public override IdentityError InvalidToken() => Error(nameof(InvalidToken), "De code is ongeldig of verlopen.");
    public override IdentityError RecoveryCodeRedemptionFailed() => Error(nameof(RecoveryCodeRedemptionFailed), "De herstelcode is ongeldig of al gebruikt.");
    public override IdentityError InvalidEmail(string? email) => Error(nameof(InvalidEmail), "Dit is geen geldig e-mailadres.");
    public override IdentityError DuplicateEmail(string email) => Error(nameof(DuplicateEmail), "Er bestaat al een account met dit e-mailadres.");
    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), "Er bestaat al een account met deze naam.");
    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidUserName), "Deze gebruikersnaam is niet toegestaan.");
    public override IdentityError UserLockoutNotEnabled() => Error(nameof(UserLockoutNotEnabled), "Blokkeren is voor dit account niet ingeschakeld.");
    public override IdentityError PasswordTooShort(int length) =>
        Error(nameof(PasswordTooShort), string.Format(CultureInfo.GetCultureInfo("nl-NL"), "Een wachtwoord heeft minstens {0} tekens.", length));

    private static IdentityError Error(string code, string description) => new() { Code = code, Description = description };
}
