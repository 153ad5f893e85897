using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Thuis.Web.Features.Accounts;
using Thuis.Web.Platform.Security;

namespace Thuis.Web.Features.Own;

/// <summary>
/// The section <c>Authentication:DigiD</c>: the municipality's DigiD broker, which speaks OpenID Connect. Without an
/// <see cref="Authority"/> nothing of DigiD exists in Thuis: no button, no routes. The secret comes from the environment
/// (<c>Authentication__DigiD__ClientSecret</c>), never from a committed settings file.
/// </summary>
public sealed class DigiDOptions
{
    public const string Section = "Authentication:DigiD";

    /// <summary>The broker's issuer address; its discovery document is read from <c>{Authority}/.well-known/openid-configuration</c>.</summary>
    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>The claim of the id_token that holds the BSN: <c>bsn</c>, or <c>sub</c> at brokers that put it there.</summary>
    public string BsnClaim { get; set; } = "bsn";

    /// <summary><c>substantieel</c> (DigiD app with ID check, or SMS with ID check and higher) or <c>hoog</c>.</summary>
    public string MinimumLevel { get; set; } = DigiDLevels.Substantial;

    /// <summary>
    /// The acr values this broker sends for the minimum level and higher, space-separated, when they differ from the
    /// NL GOV assurance profile's (see docs/digid.md). An id_token whose acr is not one of them is refused.
    /// </summary>
    public string? AcrValues { get; set; }

    /// <summary>The name on the button: "Inloggen met {DisplayName}".</summary>
    public string DisplayName { get; set; } = "DigiD";

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Authority);

    /// <summary>The acr values accepted: the configured ones, else the assurance profile's for the minimum level and higher.</summary>
    public IReadOnlyList<string> AcceptedAcr
    {
        get
        {
            // Checked even when the broker's own values are given, so a level below substantieel never starts.
            var standard = DigiDLevels.AcrFor(MinimumLevel);
            return string.IsNullOrWhiteSpace(AcrValues) ? standard : AcrValues.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        }
    }
}

/// <summary>
/// DigiD's assurance levels as the NL GOV assurance profile for OpenID Connect writes them in the acr claim: DigiD's own
/// SAML context classes, and the eIDAS levels they correspond to. Basis (password only) and midden are never enough:
/// Thuis asks no second factor after DigiD, so DigiD itself must have asked one.
/// </summary>
public static class DigiDLevels
{
    public const string Substantial = "substantieel";
    public const string High = "hoog";

    private static readonly string[] HighAcr =
    [
        "urn:oasis:names:tc:SAML:2.0:ac:classes:SmartcardPKI",
        "http://eidas.europa.eu/LoA/high",
    ];

    private static readonly string[] SubstantialAcr =
    [
        "urn:oasis:names:tc:SAML:2.0:ac:classes:Smartcard",
        "http://eidas.europa.eu/LoA/substantial",
        .. HighAcr,
    ];

    public static IReadOnlyList<string> AcrFor(string minimumLevel) => minimumLevel.Trim().ToLowerInvariant() switch
    {
        Substantial => SubstantialAcr,
        High => HighAcr,
        _ => throw new InvalidOperationException(
            $"{DigiDOptions.Section}:MinimumLevel is '{minimumLevel}'; kies '{Substantial}' of '{High}'. Basis en midden zijn niet genoeg, want Thuis vraagt na DigiD geen tweede stap."),
    };
}

public static partial class DigiDSetup
{
    /// <summary>The authentication scheme of the broker; also the method recorded on the session's cookie.</summary>
    public const string Scheme = "DigiD";

    /// <summary>The button on the sign-in page posts here; a sign-in attempt like any other (rate limited per address).</summary>
    public const string StartPath = AccountsSetup.SignInPath + "/digid";

    /// <summary>Where the broker sends the person back: the redirect URI a municipality registers at its broker.</summary>
    public const string CallbackPath = "/signin-digid";

    /// <summary>Where the person lands after the broker: signed in, or told why not, in their own language.</summary>
    public const string FinishPath = "/mijn/digid";

    /// <summary>There is no own Thuis for the person DigiD named.</summary>
    public const string NoOwnThuisPath = FinishPath + "/geen-toegang";

    /// <summary>DigiD gave no usable answer: cancelled, a level too low, a token that does not check out.</summary>
    public const string FailedPath = FinishPath + "/niet-gelukt";

    /// <summary>The one claim the external cookie keeps of the broker's answer, for the few seconds until <see cref="FinishPath"/>.</summary>
    internal const string BsnClaimType = "thuis:digid_bsn";

    public static void AddDigiD(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(DigiDOptions.Section);
        builder.Services.Configure<DigiDOptions>(section);
        builder.Services.AddScoped<SignInWithDigiD>();
        var options = section.Get<DigiDOptions>() ?? new DigiDOptions();
        if (!options.IsConfigured)
        {
            return;
        }
        if (string.IsNullOrWhiteSpace(options.ClientId) || string.IsNullOrWhiteSpace(options.BsnClaim))
        {
            throw new InvalidOperationException($"{DigiDOptions.Section}: met een Authority horen ook een ClientId en een BsnClaim.");
        }
        var authority = new Uri(options.Authority!, UriKind.Absolute);
        var accepted = options.AcceptedAcr;

        builder.Services.AddAuthentication().AddOpenIdConnect(Scheme, options.DisplayName, o =>
        {
            o.Authority = options.Authority;
            o.ClientId = options.ClientId;
            o.ClientSecret = options.ClientSecret;
            // Authorization code flow with PKCE; the answer comes back in the address, which any broker supports and
            // which a browser sends with the Lax cookies below.
            o.ResponseType = OpenIdConnectResponseType.Code;
            o.ResponseMode = OpenIdConnectResponseMode.Query;
            o.UsePkce = true;
            o.Scope.Clear();
            o.Scope.Add(OpenIdConnectScope.OpenId);
            o.SaveTokens = false;
            o.GetClaimsFromUserInfoEndpoint = false;
            o.MapInboundClaims = false;
            o.DisableTelemetry = true;
            o.CallbackPath = CallbackPath;
            // The broker's answer goes into the short-lived external cookie, never straight into the session.
            o.SignInScheme = IdentityConstants.ExternalScheme;
            // Thuis does not sign the person out at the broker, so it answers no sign-out addresses either.
            o.RemoteSignOutPath = PathString.Empty;
            o.SignedOutCallbackPath = PathString.Empty;
            // Plain HTTP only for a broker on this machine (a municipality's test set-up, the tests' own broker).
            o.RequireHttpsMetadata = !authority.IsLoopback;
            o.CorrelationCookie.SameSite = SameSiteMode.Lax;
            o.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.NonceCookie.SameSite = SameSiteMode.Lax;
            o.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.Events = new OpenIdConnectEvents
            {
                OnRedirectToIdentityProvider = context =>
                {
                    context.ProtocolMessage.AcrValues = string.Join(' ', accepted);
                    return Task.CompletedTask;
                },
                OnTokenValidated = context =>
                {
                    var level = context.Principal?.FindFirst("acr")?.Value;
                    if (level is null || !accepted.Contains(level, StringComparer.Ordinal))
                    {
                        context.Fail("DigiD-inlog onder het vereiste betrouwbaarheidsniveau.");
                        return Task.CompletedTask;
                    }
                    // Of everything the broker said, only the BSN goes on, and only as far as the finish page.
                    var bsn = context.Principal?.FindFirst(options.BsnClaim)?.Value;
                    context.Principal = new ClaimsPrincipal(new ClaimsIdentity(
                        bsn is null ? [] : [new Claim(BsnClaimType, bsn)], Scheme));
                    return Task.CompletedTask;
                },
                OnRemoteFailure = context =>
                {
                    // Cancelled at DigiD, a token that does not check out, a level too low: one page, no details.
                    LogFailed(context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DigiDSetup)),
                        context.Failure?.GetType().Name ?? "onbekend");
                    context.Response.Redirect(FailedPath);
                    context.HandleResponse();
                    return Task.CompletedTask;
                },
            };
        });

        // A form that leads to the broker must be allowed to, or the browser stops at the redirect.
        builder.Services.Configure<ContentSecurityPolicyOptions>(o => o.FormActions.Add(authority.GetLeftPart(UriPartial.Authority)));

        // DigiD substantieel has already asked two factors: the municipality's two-step requirement is met for this
        // session. The session is rebuilt from the account at every request, so the method is carried over each time.
        builder.Services.Configure<SecurityStampValidatorOptions>(o =>
        {
            var earlier = o.OnRefreshingPrincipal;
            o.OnRefreshingPrincipal = async context =>
            {
                if (earlier is not null)
                {
                    await earlier(context);
                }
                if (SignedInWithDigiD(context.CurrentPrincipal) && context.NewPrincipal?.Identity is ClaimsIdentity identity)
                {
                    identity.AddClaim(new Claim(ClaimTypes.AuthenticationMethod, Scheme));
                    WithoutTwoFactorSetup(identity);
                }
            };
        });
        builder.Services.PostConfigure<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme, o =>
        {
            var signingIn = o.Events.OnSigningIn;
            o.Events.OnSigningIn = async context =>
            {
                await signingIn(context);
                if (SignedInWithDigiD(context.Principal) && context.Principal?.Identity is ClaimsIdentity identity)
                {
                    WithoutTwoFactorSetup(identity);
                }
            };
        });
    }

    /// <summary>The button's form: antiforgery checked, then off to the broker.</summary>
    public static void MapDigiD(this WebApplication app)
    {
        var configured = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<DigiDOptions>>().Value.IsConfigured;
        // Mapped either way, so a form post without a token is refused here like everywhere (400) and, without a
        // broker, one with a token finds nothing (404).
        app.MapPost(StartPath, (HttpContext context) =>
                // No form fields are bound here, so nothing else would act on the middleware's verdict.
                context.Features.Get<IAntiforgeryValidationFeature>() is not { IsValid: true } ? Results.BadRequest()
                : !configured ? Results.NotFound()
                : Results.Challenge(new AuthenticationProperties { RedirectUri = FinishPath }, [Scheme]))
            .WithMetadata(new RequireAntiforgeryTokenAttribute())
            .AllowAnonymous();
    }

    private static bool SignedInWithDigiD(ClaimsPrincipal? principal) =>
        principal?.HasClaim(ClaimTypes.AuthenticationMethod, Scheme) == true;

    private static void WithoutTwoFactorSetup(ClaimsIdentity identity)
    {
        foreach (var claim in identity.FindAll(ThuisClaims.TwoFactorSetupRequired).ToList())
        {
            identity.RemoveClaim(claim);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Inloggen met DigiD mislukt: {Failure}")]
    private static partial void LogFailed(ILogger logger, string failure);
}
