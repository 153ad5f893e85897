using Microsoft.AspNetCore.Localization;

namespace Thuis.Web.Platform.Localization;

public static class LocalizationSetup
{
    public const string LanguagePath = "/taal";
    private static readonly string[] Cultures = ["nl-NL", "en-GB"];

    public static void AddThuisLocalization(this WebApplicationBuilder builder)
    {
        builder.Services.AddLocalization();
        builder.Services.Configure<RequestLocalizationOptions>(o =>
        {
            o.SetDefaultCulture(Cultures[0]).AddSupportedCultures(Cultures).AddSupportedUICultures(Cultures);
            // Dutch first: only an explicit choice (the cookie) changes the language, not the browser's setting.
            o.RequestCultureProviders = [new CookieRequestCultureProvider()];
        });
    }

    /// <summary>Remembers the chosen language in a cookie and returns to the page the user was on.</summary>
    public static void MapLanguageEndpoint(this WebApplication app)
    {
        app.MapPost(LanguagePath, (HttpContext context, [Microsoft.AspNetCore.Mvc.FromForm] string culture, [Microsoft.AspNetCore.Mvc.FromForm] string? returnUrl) =>
        {
            var chosen = Cultures.Contains(culture) ? culture : Cultures[0];
            context.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true });
            var target = returnUrl is { Length: > 0 } && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
                ? returnUrl
                : "/";
            return TypedResults.LocalRedirect(target);
        });
    }
}
