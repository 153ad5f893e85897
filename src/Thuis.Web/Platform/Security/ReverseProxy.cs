using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace Thuis.Web.Platform.Security;

/// <summary>
/// Thuis behind a municipality's reverse proxy. The proxy's <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> are
/// believed only from the addresses in <c>ReverseProxy:KnownProxies</c> (and networks in
/// <c>ReverseProxy:KnownNetworks</c>); without them the headers are ignored, so no one can claim another address.
/// From a known proxy, the person's own address is what the sign-in limit counts and the audit trail records, and a
/// request the proxy received over HTTPS counts as HTTPS. Every cookie is <c>Secure</c> outside development and tests.
/// </summary>
public static class ReverseProxy
{
    public static void AddReverseProxy(this WebApplicationBuilder builder)
    {
        var proxies = Addresses<IPAddress>(builder.Configuration, "ReverseProxy:KnownProxies", (string text, out IPAddress address) => IPAddress.TryParse(text, out address!));
        var networks = Addresses<System.Net.IPNetwork>(builder.Configuration, "ReverseProxy:KnownNetworks", System.Net.IPNetwork.TryParse);
        builder.Services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // The framework trusts the machine itself by default; Thuis trusts only what the municipality names.
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in proxies)
            {
                o.KnownProxies.Add(proxy);
            }
            foreach (var network in networks)
            {
                o.KnownIPNetworks.Add(network);
            }
        });

        var trustedToRunWithoutHttps = builder.Environment.IsDevelopment() || builder.Environment.IsEnvironment("Testing");
        builder.Services.AddCookiePolicy(o =>
            o.Secure = trustedToRunWithoutHttps ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always);
    }

    /// <summary>First in the pipeline: everything after it sees the person's address and scheme, not the proxy's.</summary>
    public static void UseReverseProxy(this WebApplication app)
    {
        // With no proxy named the middleware would believe anyone's headers, so then it is left out.
        var forwarded = app.Services.GetRequiredService<IOptions<ForwardedHeadersOptions>>().Value;
        if (forwarded.KnownProxies.Count > 0 || forwarded.KnownIPNetworks.Count > 0)
        {
            app.UseForwardedHeaders();
        }
        app.UseCookiePolicy();
    }

    private delegate bool Parse<T>(string text, out T value);

    private static List<T> Addresses<T>(ConfigurationManager configuration, string key, Parse<T> parse)
    {
        var section = configuration.GetSection(key);
        // One address, a list separated by commas, or an array (ReverseProxy__KnownProxies__0 in the environment).
        var texts = section.Value is { } single
            ? single.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries)
            : section.GetChildren().Select(c => c.Value ?? "").ToArray();
        return texts.Select(text => parse(text.Trim(), out var value)
            ? value
            : throw new InvalidOperationException($"{key}: '{text}' is geen geldig adres. Noem het adres van de reverse proxy, bijvoorbeeld 10.0.0.5 of 10.0.0.0/24.")).ToList();
    }
}
