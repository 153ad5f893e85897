using Microsoft.AspNetCore.Identity;

namespace Thuis.Web.Features.Accounts;

/// <summary>What the passkey script posts: the credential as JSON, or a code for why there is none.</summary>
public sealed class PasskeyForm
{
    public string? CredentialJson { get; set; }

    /// <summary><c>cancelled</c> when the person stopped, <c>failed</c> when the browser could not; empty otherwise.</summary>
    public string? Error { get; set; }

    public bool Cancelled => Error == "cancelled";
}

/// <summary>
/// Passkeys (WebAuthn) through ASP.NET Core Identity: the browser asks Thuis for the options of a new passkey or of a
/// sign-in, and posts the result with the page's form. The challenge is kept by Identity in its own short-lived cookie.
/// Passkeys are discoverable and always ask the person's fingerprint, face or PIN, so a passkey alone is two factors.
/// </summary>
public static class Passkeys
{
    /// <summary>Options for a new passkey of the signed-in user.</summary>
    public const string CreationOptionsPath = "/account/passkeys/opties";

    /// <summary>Options for signing in with a passkey; under the sign-in path, so the sign-in rate limit holds.</summary>
    public const string RequestOptionsPath = "/account/inloggen/passkey-opties";

    /// <summary>A person keeps at most this many passkeys (one per phone or computer is plenty).</summary>
    public const int MaxPerUser = 10;

    public static void ConfigurePasskeys(this IServiceCollection services, IConfiguration configuration) =>
        services.Configure<IdentityPasskeyOptions>(o =>
        {
            o.ResidentKeyRequirement = "required";
            o.UserVerificationRequirement = "required";
            // Behind a proxy the public host name; left empty, the host of the request is used.
            o.ServerDomain = configuration["Passkeys:ServerDomain"] is { Length: > 0 } domain ? domain : null;
            // Thuis sends no referrer, so a form's post carries "Origin: null" and Identity's default check (the Origin
            // header) cannot hold; the passkey's origin is compared with Thuis's own address instead.
            var origin = configuration["Passkeys:Origin"];
            o.ValidateOrigin = context => ValueTask.FromResult(!context.CrossOrigin && string.Equals(context.Origin,
                origin is { Length: > 0 } ? origin : $"{context.HttpContext.Request.Scheme}://{context.HttpContext.Request.Host}",
                StringComparison.OrdinalIgnoreCase));
        });

    public static void MapPasskeyOptions(this WebApplication app)
    {
        app.MapPost(CreationOptionsPath, async (HttpContext context, UserManager<ThuisUser> users, SignInManager<ThuisUser> signIn) =>
            {
                if (await users.GetUserAsync(context.User) is not { } user)
                {
                    return Results.NotFound();
                }
                var entity = new PasskeyUserEntity { Id = user.Id, Name = user.UserName ?? user.Id, DisplayName = user.DisplayName };
                return Results.Content(await signIn.MakePasskeyCreationOptionsAsync(entity), "application/json");
            })
            .RequireAuthorization()
            .WithMetadata(new Microsoft.AspNetCore.Antiforgery.RequireAntiforgeryTokenAttribute());
        app.MapPost(RequestOptionsPath, async (SignInManager<ThuisUser> signIn) =>
                Results.Content(await signIn.MakePasskeyRequestOptionsAsync(null), "application/json"))
            .AllowAnonymous()
            .WithMetadata(new Microsoft.AspNetCore.Antiforgery.RequireAntiforgeryTokenAttribute());
    }

    /// <summary>Whether the user signs in with a passkey of their own, which counts as two-step verification.</summary>
    public static async Task<bool> HasPasskeyAsync(UserManager<ThuisUser> users, ThuisUser user) =>
        (await users.GetPasskeysAsync(user)).Count > 0;
}
