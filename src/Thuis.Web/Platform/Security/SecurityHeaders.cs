using Microsoft.Extensions.Options;

namespace Thuis.Web.Platform.Security;

/// <summary>Origins besides Thuis's own that a form may lead to, such as a sign-in broker; none unless a feature adds one.</summary>
public sealed class ContentSecurityPolicyOptions
{
    public List<string> FormActions { get; } = [];
}

public static class SecurityHeaders
{
    /// <summary>Adds the BIO baseline headers to every response, errors and static files included.</summary>
    public static void UseSecurityHeaders(this WebApplication app)
    {
        // Thuis serves no inline script or style and is never framed.
        var formActions = string.Concat(app.Services.GetRequiredService<IOptions<ContentSecurityPolicyOptions>>().Value.FormActions.Select(o => " " + o));
        var contentSecurityPolicy =
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
            $"connect-src 'self'; form-action 'self'{formActions}; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";
        app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = contentSecurityPolicy;
                // Browsers ignore HSTS over plain HTTP, so sending it always is safe and keeps it from being forgotten.
                headers.StrictTransportSecurity = "max-age=31536000; includeSubDomains";
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "no-referrer";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                headers.Remove("Server");
                headers.Remove("X-Powered-By");
                return Task.CompletedTask;
            });
            await next(context);
        });
    }
}
