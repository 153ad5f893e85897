using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Thuis.Web.Tests.Infrastructure;

/// <summary>
/// A DigiD broker as small as a test needs: an OpenID Connect provider on a loopback port with a discovery document,
/// its RSA key, an authorize endpoint where the "person" logs in with the BSN the test chooses, and a token endpoint that
/// checks the client, the redirect and PKCE before it signs an id_token with nonce, iss, aud, exp, acr and the BSN.
/// </summary>
public sealed class FakeDigiDBroker : IAsyncDisposable
{
    public const string ClientId = "thuis-test";
    public const string ClientSecret = "het geheim van de test";
    public const string Substantial = "urn:oasis:names:tc:SAML:2.0:ac:classes:Smartcard";
    public const string Midden = "urn:oasis:names:tc:SAML:2.0:ac:classes:MobileTwoFactorContract";

    // The test's choices travel on the address of the broker's login page, which Thuis never sees.
    public const string BsnParameter = "test_bsn";
    public const string AcrParameter = "test_acr";
    public const string WrongKeyParameter = "test_wrong_key";

    private const string KeyId = "broker-key";
    private readonly RSA _key = RSA.Create(2048);
    private readonly RSA _strangersKey = RSA.Create(2048);
    private readonly ConcurrentDictionary<string, Grant> _grants = new();
    private readonly WebApplication _app;

    private FakeDigiDBroker(WebApplication app) => _app = app;

    public string Authority { get; private set; } = "";

    /// <summary>What Thuis asked for at the last visit of the authorize endpoint.</summary>
    public IReadOnlyDictionary<string, string> LastAuthorizeRequest { get; private set; } = new Dictionary<string, string>();

    /// <param name="host">
    /// The name the broker goes by. "localhost" makes it another site than Thuis on 127.0.0.1, as a real broker is, so a
    /// browser treats the way back as coming from elsewhere (ports do not make another site).
    /// </param>
    public static async Task<FakeDigiDBroker> StartAsync(string host = "127.0.0.1")
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Broker" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var broker = new FakeDigiDBroker(app);
        app.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = broker.Authority,
            ["authorization_endpoint"] = $"{broker.Authority}/authorize",
            ["token_endpoint"] = $"{broker.Authority}/token",
            ["jwks_uri"] = $"{broker.Authority}/jwks",
            ["response_types_supported"] = Supported.ResponseTypes,
            ["response_modes_supported"] = Supported.ResponseModes,
            ["subject_types_supported"] = Supported.SubjectTypes,
            ["id_token_signing_alg_values_supported"] = Supported.SigningAlgorithms,
            ["code_challenge_methods_supported"] = Supported.CodeChallengeMethods,
            ["token_endpoint_auth_methods_supported"] = Supported.ClientAuthentication,
        }));
        app.MapGet("/jwks", () =>
        {
            var key = broker._key.ExportParameters(includePrivateParameters: false);
            return Results.Json(new Dictionary<string, object>
            {
                ["keys"] = new[]
                {
                    new Dictionary<string, string>
                    {
                        ["kty"] = "RSA", ["use"] = "sig", ["alg"] = "RS256", ["kid"] = KeyId,
                        ["n"] = Base64UrlEncoder.Encode(key.Modulus!), ["e"] = Base64UrlEncoder.Encode(key.Exponent!),
                    },
                },
            });
        });
        app.MapGet("/authorize", broker.Authorize);
        app.MapPost("/token", broker.TokenAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        broker.Authority = new UriBuilder(address) { Host = host }.Uri.GetLeftPart(UriPartial.Authority);
        return broker;
    }

    /// <summary>The address of the broker's login page with the person's choices: who they are and how they log in.</summary>
    public static string LogIn(string authorizeAddress, string bsn, string acr = Substantial, bool signedByAStranger = false) =>
        QueryHelpers.AddQueryString(authorizeAddress, new Dictionary<string, string?>
        {
            [BsnParameter] = bsn,
            [AcrParameter] = acr,
            [WrongKeyParameter] = signedByAStranger ? "1" : null,
        }.Where(p => p.Value is not null));

    private IResult Authorize(HttpRequest request)
    {
        var query = request.Query.ToDictionary(q => q.Key, q => q.Value.ToString());
        LastAuthorizeRequest = query;
        string Get(string name) => query.TryGetValue(name, out var value) ? value : "";
        if (Get("client_id") != ClientId || Get("response_type") != "code" || Get("code_challenge_method") != "S256"
            || Get("code_challenge").Length == 0 || Get("nonce").Length == 0 || Get("state").Length == 0)
        {
            return Results.BadRequest("invalid_request");
        }
        if (Get(BsnParameter).Length == 0)
        {
            return LoginPage(query);
        }
        var code = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(24));
        _grants[code] = new Grant(Get(BsnParameter), Get("nonce"), Get("redirect_uri"), Get("code_challenge"), Get(AcrParameter), Get(WrongKeyParameter) == "1");
        return Results.Redirect(QueryHelpers.AddQueryString(Get("redirect_uri"), new Dictionary<string, string?> { ["code"] = code, ["state"] = Get("state") }));
    }

    /// <summary>For a browser: a page where the "person" types the BSN they log in with, as DigiD's own page would ask them to log in.</summary>
    private static IResult LoginPage(Dictionary<string, string> query)
    {
        var hidden = string.Concat(query.Select(q =>
            $"<input type=\"hidden\" name=\"{WebUtility.HtmlEncode(q.Key)}\" value=\"{WebUtility.HtmlEncode(q.Value)}\">"));
        return Results.Content(
            $"<!DOCTYPE html><html lang=\"nl\"><head><title>Testmakelaar</title></head><body><h1>Testmakelaar voor DigiD</h1>" +
            $"<form method=\"get\" action=\"/authorize\">{hidden}<label for=\"bsn\">BSN</label> <input id=\"bsn\" name=\"{BsnParameter}\">" +
            $"<input type=\"hidden\" name=\"{AcrParameter}\" value=\"{Substantial}\"><button type=\"submit\">Inloggen</button></form></body></html>",
            "text/html; charset=utf-8");
    }

    private async Task<IResult> TokenAsync(HttpRequest request)
    {
        var form = await request.ReadFormAsync();
        if (form["grant_type"] != "authorization_code" || form["client_id"] != ClientId || form["client_secret"] != ClientSecret
            || !_grants.TryRemove(form["code"].ToString(), out var grant) || form["redirect_uri"] != grant.RedirectUri
            || Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(form["code_verifier"].ToString()))) != grant.CodeChallenge)
        {
            return Results.Json(new Dictionary<string, string> { ["error"] = "invalid_grant" }, statusCode: StatusCodes.Status400BadRequest);
        }
        var now = DateTime.UtcNow;
        var idToken = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Authority,
            Audience = ClientId,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddMinutes(5),
            Claims = new Dictionary<string, object>
            {
                ["sub"] = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.UTF8.GetBytes("pseudoniem " + grant.Bsn))),
                ["nonce"] = grant.Nonce,
                ["acr"] = grant.Acr,
                ["bsn"] = grant.Bsn,
            },
            // A stranger's key under the broker's own key id: only the signature gives it away.
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(grant.SignedByAStranger ? _strangersKey : _key) { KeyId = KeyId },
                SecurityAlgorithms.RsaSha256),
        });
        return Results.Json(new Dictionary<string, object>
        {
            ["access_token"] = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(24)),
            ["token_type"] = "Bearer",
            ["expires_in"] = 300,
            ["id_token"] = idToken,
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _key.Dispose();
        _strangersKey.Dispose();
    }

    private static class Supported
    {
        public static readonly string[] ResponseTypes = ["code"];
        public static readonly string[] ResponseModes = ["query"];
        public static readonly string[] SubjectTypes = ["pairwise"];
        public static readonly string[] SigningAlgorithms = ["RS256"];
        public static readonly string[] CodeChallengeMethods = ["S256"];
        public static readonly string[] ClientAuthentication = ["client_secret_post"];
    }

    private sealed record Grant(string Bsn, string Nonce, string RedirectUri, string CodeChallenge, string Acr, bool SignedByAStranger);
}
