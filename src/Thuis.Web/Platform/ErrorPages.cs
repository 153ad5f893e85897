using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Diagnostics;

namespace Thuis.Web.Platform;

public static class ErrorPages
{
    /// <summary>
    /// Bugs, unknown addresses, refusals and stale forms all end on the friendly Dutch page at /fout,
    /// with the right status code and without details that help an attacker.
    /// </summary>
    public static void UseFriendlyErrorPages(this WebApplication app)
    {
        app.UseExceptionHandler("/fout", createScopeForErrors: true);
        app.UseStatusCodePagesWithReExecute("/fout/{0}", createScopeForStatusCodePages: true);
        app.Use(async (context, next) =>
        {
            // The error page is only ever shown, never posted to: a re-executed POST must not be read as a form.
            if (context.Features.Get<IStatusCodeReExecuteFeature>() is not null || context.Features.Get<IExceptionHandlerFeature>() is not null)
            {
                context.Request.Method = HttpMethods.Get;
            }
            await next(context);
        });
    }

    /// <summary>
    /// A form without a valid token (a page left open too long, or another site) ends with an empty 400,
    /// so the status-code page explains it in Dutch instead of the framework's English sentence.
    /// </summary>
    public static void UseFriendlyAntiforgeryRefusal(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            if (context.Features.Get<IAntiforgeryValidationFeature>() is { IsValid: false } && HttpMethods.IsPost(context.Request.Method))
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                return;
            }
            await next(context);
        });
    }
}
