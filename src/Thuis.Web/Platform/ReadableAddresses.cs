using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Endpoints;

namespace Thuis.Web.Platform;

/// <summary>
/// Odd addresses and forged forms end on the Dutch error page with a 400, never in a crash or a framework sentence:
/// a page's typed query values (<c>?pagina=abc</c>, <c>?versie=99999999999</c>) are checked before the page runs, and
/// a form post the page cannot place (no form name, an unknown one, not a form at all) loses the framework's text.
/// </summary>
public static class ReadableAddresses
{
    private static readonly ConcurrentDictionary<Type, (string Name, Type Type)[]> TypedQueryParameters = new();

    public static void UseReadableAddresses(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            if (context.GetEndpoint()?.Metadata.GetMetadata<ComponentTypeMetadata>() is not { } page)
            {
                await next(context);
                return;
            }
            if (!QueryFits(page.Type, context.Request.Query))
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                return;
            }
            if (!HttpMethods.IsPost(context.Request.Method))
            {
                await next(context);
                return;
            }
            await RefuseUnplacedFormsAsync(context, next);
        });
    }

    /// <summary>True when every query value meant for a typed parameter of the page can be read as that type.</summary>
    public static bool QueryFits(Type page, IQueryCollection query) =>
        TypedQueryParameters.GetOrAdd(page, FindTypedQueryParameters)
            .All(p => !query.TryGetValue(p.Name, out var values) || values.All(v => Fits(p.Type, v)));

    // The page's own answer to a form it cannot place is an English sentence; the status alone goes to the Dutch page.
    private static async Task RefuseUnplacedFormsAsync(HttpContext context, RequestDelegate next)
    {
        var original = context.Response.Body;
        await using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }
        if (context.Response.StatusCode == StatusCodes.Status400BadRequest && !context.Response.HasStarted)
        {
            context.Response.ContentType = null;
            context.Response.ContentLength = null;
            return;
        }
        buffer.Position = 0;
        await buffer.CopyToAsync(original, context.RequestAborted);
    }

    private static (string Name, Type Type)[] FindTypedQueryParameters(Type page)
    {
        var found = new List<(string, Type)>();
        for (var type = page; type is not null && type != typeof(ComponentBase); type = type.BaseType)
        {
            foreach (var property in type.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                if (property.GetCustomAttribute<SupplyParameterFromQueryAttribute>() is { } query && property.PropertyType != typeof(string))
                {
                    found.Add((query.Name ?? property.Name, property.PropertyType));
                }
            }
        }
        return [.. found];
    }

    private static bool Fits(Type type, string? value)
    {
        var element = type.IsArray ? type.GetElementType()! : type;
        var underlying = Nullable.GetUnderlyingType(element);
        if (string.IsNullOrEmpty(value))
        {
            return underlying is not null || !element.IsValueType;
        }
        var invariant = CultureInfo.InvariantCulture;
        return (underlying ?? element) switch
        {
            var t when t == typeof(int) => int.TryParse(value, NumberStyles.Integer, invariant, out _),
            var t when t == typeof(long) => long.TryParse(value, NumberStyles.Integer, invariant, out _),
            var t when t == typeof(bool) => bool.TryParse(value, out _),
            var t when t == typeof(Guid) => Guid.TryParse(value, out _),
            var t when t == typeof(DateTime) => DateTime.TryParse(value, invariant, DateTimeStyles.None, out _),
            var t when t == typeof(DateOnly) => DateOnly.TryParse(value, invariant, DateTimeStyles.None, out _),
            var t when t == typeof(TimeOnly) => TimeOnly.TryParse(value, invariant, DateTimeStyles.None, out _),
            var t when t == typeof(decimal) => decimal.TryParse(value, NumberStyles.Number, invariant, out _),
            var t when t == typeof(double) => double.TryParse(value, NumberStyles.Float | NumberStyles.AllowThousands, invariant, out _),
            var t when t == typeof(float) => float.TryParse(value, NumberStyles.Float | NumberStyles.AllowThousands, invariant, out _),
            _ => true,
        };
    }
}
