using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Diagnostics;

namespace Thuis.Web.Platform;

public static class ErrorPages
{
    private const string OriginalMethodKey = "thuis.oorspronkelijke-methode";

    /// <summary>
    /// True when the request that failed only asked for an address (a link, typed or cut short), not a form post:
    /// a 400 then says the address was not understood rather than that a form was not processed.
    /// </summary>
    public static bool CameFromAnAddress(HttpContext? context)
    {
        var method = context?.Items[OriginalMethodKey] as string ?? context?.Request.Method;
        return method is not null && (HttpMethods.IsGet(method) || HttpMethods.IsHead(method));
    }

    /// <summary>
    /// Bugs, unknown addresses, refusals and stale forms all end on the friendly Dutch page at /fout,
    /// with the right status code and without details that help an attacker.
    /// </summary>
    public static void UseFriendlyErrorPages(this WebApplication app)
    {
        // Thuis's pages are read with GET and HEAD and forms are sent with POST; any other method (PUT, DELETE, …)
        // gets the Dutch page with 405, before routing would answer with an empty one.
        app.Use(async (context, next) =>
        {
            var method = context.Request.Method;
            if (!HttpMethods.IsGet(method) && !HttpMethods.IsHead(method) && !HttpMethods.IsPost(method))
            {
                context.Items[OriginalMethodKey] = method;
                context.Request.Method = HttpMethods.Get;
                context.Request.Path = "/fout/405";
                context.Request.QueryString = QueryString.Empty;
                context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
                context.Response.Headers.Allow = "GET, HEAD, POST";
            }
            await next(context);
        });
        app.UseRouting();
        app.UseExceptionHandler("/fout", createScopeForErrors: true);
        app.UseStatusCodePagesWithReExecute("/fout/{0}", createScopeForStatusCodePages: true);
        app.Use(async (context, next) =>
        {
            // The error page is only ever shown, never posted to: a re-executed POST must not be read as a form.
            if (context.Features.Get<IStatusCodeReExecuteFeature>() is not null || context.Features.Get<IExceptionHandlerFeature>() is not null)
            {
                context.Items.TryAdd(OriginalMethodKey, context.Request.Method);
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
