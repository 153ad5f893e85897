using Microsoft.AspNetCore.Localization;

namespace Thuis.Web.Platform.Localization;

public static class LocalizationSetup
{
    public const string LanguagePath = "/taal";

    /// <summary>The newcomer's own pages: the only ones translated beyond Dutch and English.</summary>
    public const string OwnArea = "/mijn";

    /// <summary>The query parameter that shows one own page in a language, as the activation letter's QR code does.</summary>
    public const string LanguageParameter = "taal";

    public static void AddThuisLocalization(this WebApplicationBuilder builder)
    {
        builder.Services.AddLocalization();
        builder.Services.Configure<RequestLocalizationOptions>(o =>
        {
            var cultures = Languages.Newcomer.Select(l => l.Culture).ToList();
            o.DefaultRequestCulture = new RequestCulture(Languages.Dutch.Culture);
            o.SupportedCultures = cultures;
            o.SupportedUICultures = cultures;
            o.FallBackToParentCultures = false;
            o.FallBackToParentUICultures = false;
            // Dutch first: only an explicit choice changes the language, not the browser's setting.
            o.RequestCultureProviders = [new CustomRequestCultureProvider(context => Task.FromResult(Chosen(context)))];
        });
    }

    /// <summary>
    /// The language chosen for this request: on the newcomer's own pages any of theirs (from the letter's link or the
    /// remembered choice), elsewhere Dutch or English; a language a page does not speak falls back to Dutch.
    /// </summary>
    private static ProviderCultureResult? Chosen(HttpContext context)
    {
        var own = context.Request.Path.StartsWithSegments(OwnArea, StringComparison.OrdinalIgnoreCase);
        var offered = own ? Languages.Newcomer : Languages.Staff;
        var fromLink = own ? context.Request.Query[LanguageParameter].ToString() : null;
        var fromCookie = context.Request.Cookies[CookieRequestCultureProvider.DefaultCookieName] is { } cookie
            ? CookieRequestCultureProvider.ParseCookieValue(cookie)?.UICultures.FirstOrDefault().Value
            : null;
        var chosen = offered.FirstOrDefault(l => string.Equals(l.Name, fromLink, StringComparison.OrdinalIgnoreCase))
            ?? offered.FirstOrDefault(l => string.Equals(l.Name, fromCookie, StringComparison.OrdinalIgnoreCase));
        return chosen is null ? null : new ProviderCultureResult(chosen.Name);
    }

    /// <summary>Remembers a language in this browser for a year.</summary>
    public static void RememberLanguage(this HttpResponse response, Language language) =>
        response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(language.Culture)),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true });

    /// <summary>Remembers the chosen staff language and returns to the page the user was on.</summary>
    public static void MapLanguageEndpoint(this WebApplication app)
    {
        app.MapPost(LanguagePath, (HttpContext context, [Microsoft.AspNetCore.Mvc.FromForm] string culture, [Microsoft.AspNetCore.Mvc.FromForm] string? returnUrl) =>
        {
            context.Response.RememberLanguage(Languages.Staff.FirstOrDefault(l => l.Name == culture) ?? Languages.Dutch);
            var target = returnUrl is { Length: > 0 } && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
                ? returnUrl
                : "/";
            return TypedResults.LocalRedirect(target);
        });
    }
}
