using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Thuis.Web.Data;
using Thuis.Web.Platform.Security;

namespace Thuis.Web.Features.Accounts;

public static class AccountsSetup
{
    public const string SignInPath = "/account/inloggen";
    public const string TwoFactorSignInPath = "/account/inloggen/tweestaps";
    public const string RecoveryCodeSignInPath = "/account/inloggen/herstelcode";
    public const string LockoutPath = "/account/geblokkeerd";
    public const string SignOutPath = "/account/uitloggen";
    public const string TwoFactorSetupPath = "/account/tweestapsverificatie";
    /// <summary>The newcomer's own page for how they sign in: passkeys and the authenticator app.</summary>
    public const string OwnSignInSetupPath = "/mijn/inloggen";

    /// <summary>The moment a session began, kept in its cookie, so sliding expiry never makes it last longer than a day's work.</summary>
    private const string SessionBeganKey = "thuis.begonnen";

    /// <summary>Where a newcomer signs in, in their own language; their own pages send them here, not to the staff's.</summary>
    public const string OwnSignInPath = "/mijn/aanmelden";

    /// <summary>BIO-level sign-in: lockout, strong hashing, long passwords, TOTP, sessions that end on sign-out.</summary>
    public static void AddAccounts(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddCascadingAuthenticationState();
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = IdentityConstants.ApplicationScheme;
                o.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();

        services.AddIdentityCore<ThuisUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.SignIn.RequireConfirmedAccount = false;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                // Length over composition (NIST SP 800-63B, BIO): at least 12 characters, nothing else demanded.
                o.Password.RequiredLength = 12;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 1;
                // Version 3 keeps passkeys beside passwords and authenticator keys.
                o.Stores.SchemaVersion = IdentityModel.SchemaVersion;
                o.Tokens.AuthenticatorTokenProvider = SingleUseAuthenticatorTokenProvider.Name;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AppDbContext>()
            .AddSignInManager<ThuisSignInManager>()
            .AddClaimsPrincipalFactory<ThuisClaimsPrincipalFactory>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<SingleUseAuthenticatorTokenProvider>(SingleUseAuthenticatorTokenProvider.Name)
            .AddErrorDescriber<DutchIdentityErrorDescriber>()
            .AddPasswordValidator<CommonPasswordValidator>();

        services.ConfigurePasskeys(builder.Configuration);
        services.Configure<PasswordHasherOptions>(o => o.IterationCount = 210_000);
        // Checked on every request: signing out (which renews the stamp) ends every copy of the session at once.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero);

        var idle = TimeSpan.FromMinutes(builder.Configuration.GetValue("Sessions:IdleMinutes", 30));
        var absolute = TimeSpan.FromHours(builder.Configuration.GetValue("Sessions:AbsoluteHours", 10));
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = SignInPath;
            o.LogoutPath = SignOutPath;
            o.AccessDeniedPath = "/fout/403";
            o.Cookie.Name = "thuis.sessie";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            // Half an hour without a request ends a session; a working day ends it whatever happens (BIO, ASVS V7.3).
            o.ExpireTimeSpan = idle;
            o.SlidingExpiration = true;
            o.Events.OnSigningIn = context =>
            {
                // A refreshed sign-in (after setting up two-step) keeps the moment the session began.
                if (context.Properties.GetString(SessionBeganKey) is null)
                {
                    context.Properties.SetString(SessionBeganKey, context.Options.TimeProvider!.GetUtcNow().ToString("O", CultureInfo.InvariantCulture));
                }
                return Task.CompletedTask;
            };
            var validateStamp = o.Events.OnValidatePrincipal;
            o.Events.OnValidatePrincipal = async context =>
            {
                if (!DateTimeOffset.TryParse(context.Properties.GetString(SessionBeganKey), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var began)
                    || context.Options.TimeProvider!.GetUtcNow() - began > absolute)
                {
                    context.RejectPrincipal();
                    await context.HttpContext.SignOutAsync(context.Scheme.Name);
                    return;
                }
                await validateStamp(context);
            };
            var toSignIn = o.Events.OnRedirectToLogin;
            o.Events.OnRedirectToLogin = context =>
            {
                if (context.Request.Path.StartsWithSegments(Platform.Localization.LocalizationSetup.OwnArea, StringComparison.OrdinalIgnoreCase))
                {
                    context.RedirectUri = OwnSignInPath + QueryString.Create("ReturnUrl", context.Request.PathBase + context.Request.Path + context.Request.QueryString);
                }
                return toSignIn(context);
            };
            o.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
        services.ConfigureExternalCookie(o => o.Cookie.Name = "thuis.extern");

        services.AddAuthorization();
        services.AddScoped<CurrentUser>();
        services.AddSingleton<PageRoutes>();
        services.AddScoped<PageAccess>();
        services.AddHttpContextAccessor();
        services.AddScoped<IdentityRedirectManager>();
        services.AddScoped<SetUpTwoFactor>();
        services.AddScoped<SignIn>();
        services.AddSingleton<AccountThrottle>();
        services.AddScoped<ChangeOwnPassword>();

        var permitPerMinute = builder.Configuration.GetValue("SignIn:PermitPerMinutePerAddress", 10);
        var activationsPerMinute = builder.Configuration.GetValue("Activation:PermitPerMinutePerAddress", 5);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                IsSignInAttempt(context.Request)
                    ? RateLimitPartition.GetFixedWindowLimiter(
                        context.Connection.RemoteIpAddress?.ToString() ?? "onbekend",
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = permitPerMinute, Window = TimeSpan.FromMinutes(1) })
                // Activation codes are short enough to type from paper, so guessing them is slowed down separately.
                : IsActivationAttempt(context.Request)
                    ? RateLimitPartition.GetFixedWindowLimiter(
                        "activeren " + (context.Connection.RemoteIpAddress?.ToString() ?? "onbekend"),
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = activationsPerMinute, Window = TimeSpan.FromMinutes(1) })
                    : RateLimitPartition.GetNoLimiter(""));
        });
    }

    private static bool IsSignInAttempt(HttpRequest request) =>
        HttpMethods.IsPost(request.Method)
        && (request.Path.StartsWithSegments(SignInPath, StringComparison.OrdinalIgnoreCase)
            || request.Path.StartsWithSegments(OwnSignInPath, StringComparison.OrdinalIgnoreCase));

    private static bool IsActivationAttempt(HttpRequest request) =>
        HttpMethods.IsPost(request.Method)
        && request.Path.StartsWithSegments(ActivationPath, StringComparison.OrdinalIgnoreCase);

    /// <summary>Where a newcomer activates their own Thuis with the code from the letter.</summary>
    public const string ActivationPath = "/mijn/activeren";

    /// <summary>Sign-out renews the security stamp, so the old cookie is refused everywhere, then clears this browser's.</summary>
    public static void MapAccountEndpoints(this WebApplication app)
    {
        app.MapPost(SignOutPath, async (HttpContext context, SignInManager<ThuisUser> signInManager, UserManager<ThuisUser> userManager) =>
        {
            // No form fields are bound here, so nothing else would act on the middleware's verdict:
            // another site must not be able to sign a user out.
            if (context.Features.Get<IAntiforgeryValidationFeature>() is not { IsValid: true })
            {
                return Results.BadRequest();
            }
            var newcomer = context.User.IsInRole(Roles.Newcomer);
            if (await userManager.GetUserAsync(context.User) is { } user)
            {
                await userManager.UpdateSecurityStampAsync(user);
            }
            await signInManager.SignOutAsync();
            await context.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);
            return Results.LocalRedirect($"{(newcomer ? OwnSignInPath : SignInPath)}?uitgelogd=1");
        })
        .WithMetadata(new RequireAntiforgeryTokenAttribute())
        .DisableRateLimiting();
    }

    /// <summary>Sends a signed-in user whose municipality requires 2FA to set it up before anything else.</summary>
    public static void UseTwoFactorRequirement(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            var path = context.Request.Path;
            if (context.User.HasClaim(c => c.Type == ThuisClaims.TwoFactorSetupRequired)
                && !path.StartsWithSegments("/account", StringComparison.OrdinalIgnoreCase)
                && !path.StartsWithSegments(OwnSignInSetupPath, StringComparison.OrdinalIgnoreCase)
                && !path.StartsWithSegments("/js", StringComparison.OrdinalIgnoreCase)
                && !path.StartsWithSegments("/fout", StringComparison.OrdinalIgnoreCase)
                && !path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase)
                && !path.StartsWithSegments("/lib", StringComparison.OrdinalIgnoreCase)
                && !path.StartsWithSegments("/css", StringComparison.OrdinalIgnoreCase))
            {
                // A newcomer chooses a passkey or an authenticator app on their own page, in their language.
                context.Response.Redirect(context.User.HasClaim(c => c.Type == ThuisClaims.NewcomerId)
                    ? $"{OwnSignInSetupPath}?verplicht=1"
                    : $"{TwoFactorSetupPath}?verplicht=1");
                return;
            }
            await next(context);
        });
    }
}
