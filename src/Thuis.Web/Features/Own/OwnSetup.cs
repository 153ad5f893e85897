using System.Globalization;
using System.Resources;
using System.Text;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Thuis.Web.Data;
using Thuis.Web.Platform.Localization;
using Thuis.Web.Platform.Security;

namespace Thuis.Web.Features.Own;

/// <summary>
/// Fixed texts of the newcomer's own pages, one resource file per language: plain Dutch in OwnTexts.resx, the others in
/// OwnTexts.{culture}.resx. Pages use <c>IStringLocalizer&lt;OwnTexts&gt;</c>; the static members serve the letter, which
/// prints two languages at once, and validation attributes, which read a static property in the request's language.
/// </summary>
public sealed class OwnTexts
{
    private static readonly ResourceManager Resources = new(typeof(OwnTexts).FullName!, typeof(OwnTexts).Assembly);

    public static string In(Language language, string key) => Resources.GetString(key, language.Culture) ?? key;

    public static string TooLong => Current(nameof(TooLong));

    public static string LogInPasswordMissing => Current(nameof(LogInPasswordMissing));

    public static string LogInCodeMissing => Current(nameof(LogInCodeMissing));

    public static string CodeAppCodeFormat => Current(nameof(CodeAppCodeFormat));

    public static string SignInNameMissing => Current(nameof(SignInNameMissing));

    public static string CodeMissing => Current(nameof(CodeMissing));

    public static string PasswordMissing => Current(nameof(PasswordMissing));

    public static string PasswordTooShort => Current(nameof(PasswordTooShort));

    public static string RepeatMissing => Current(nameof(RepeatMissing));

    public static string RepeatDifferent => Current(nameof(RepeatDifferent));

    private static string Current(string key) => Resources.GetString(key, CultureInfo.CurrentUICulture) ?? key;
}

public static class OwnSetup
{
    public const string StartPath = "/mijn";

    /// <summary>How the person signs in: passkeys and the authenticator app.</summary>
    public const string SignInSetupPath = Accounts.AccountsSetup.OwnSignInSetupPath;

    /// <summary>Signing in to the own Thuis, in the person's language: passkey first, or name and password.</summary>
    public const string SignInPath = Accounts.AccountsSetup.OwnSignInPath;

    /// <summary>The second step after a password: the code app's code or a recovery code, in one field.</summary>
    public const string SignInCodePath = "/mijn/aanmelden/code";

    /// <summary>Setting up the code app (TOTP) in the person's language.</summary>
    public const string CodeAppPath = "/mijn/inloggen/code-app";
    public const string AppointmentsPath = "/mijn/afspraken";
    public const string CalendarPath = "/mijn/afspraken.ics";
    public const string AppointmentCalendarPath = "/mijn/afspraken/{Key}.ics";

    /// <summary>The address of one appointment's own calendar file.</summary>
    public static string AppointmentCalendar(OwnAppointment appointment) => $"{AppointmentsPath}/{appointment.Key}.ics";

    public const string LanguagePath = "/mijn/taal";

    public static void AddOwnThuis(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<InviteToOwnThuis>();
        services.AddScoped<RevokeOwnAccess>();
        services.AddScoped<ActivateOwnAccess>();
        services.AddScoped<ViewOwnPlan>();
        services.AddScoped<ReportOwnStep>();
        services.AddScoped<ListOwnProposals>();
        services.AddScoped<AnswerOwnProposal>();
        services.AddScoped<ListOwnConsents>();
        services.AddScoped<WithdrawOwnConsent>();
        services.AddScoped<WithdrawOwnRoleModel>();
        services.AddScoped<ChooseOwnLanguage>();
        services.AddScoped<ViewOwnData>();
        services.AddScoped<AskOwnCorrection>();
        services.AddScoped<ListOwnAppointments>();
        services.AddScoped<ListOwnFeedbackQuestions>();
        services.AddScoped<AnswerOwnFeedback>();
        services.AddScoped<EditOwnWishes>();
        services.AddScoped<ManageOwnPasskeys>();
        services.AddScoped<ViewOwnCv>();
        services.AddScoped<ViewOwnMoney>();
        services.PostConfigure<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme, o =>
        {
            var signedIn = o.Events.OnSignedIn;
            o.Events.OnSignedIn = async context =>
            {
                await signedIn(context);
                // The case manager sees when a person last used their own Thuis, the administrator when a user last signed in.
                if (context.Principal?.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value is { } userId)
                {
                    var clock = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>();
                    var now = clock.GetUtcNow();
                    var accounts = context.HttpContext.RequestServices.GetRequiredService<AppDbContext>().Users.Where(u => u.Id == userId);
                    await accounts.ExecuteUpdateAsync(u => u.SetProperty(x => x.LastSignInAt, now));
                }
                if (context.Principal?.FindFirst(ThuisClaims.NewcomerId) is not null
                    && context.Principal.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value is { } newcomersId)
                {
                    var accounts = context.HttpContext.RequestServices.GetRequiredService<AppDbContext>().Users.Where(u => u.Id == newcomersId);
                    // The person's language follows them to every phone they sign in on.
                    if (Languages.Find(await accounts.Select(u => u.OwnLanguage).SingleOrDefaultAsync()) is { } language)
                    {
                        context.Response.RememberLanguage(language);
                    }
                }
            };
        });
    }

    public const string DataPath = "/mijn/gegevens";

    public const string CvPath = "/mijn/cv";

    public const string CvFilePath = "/mijn/cv/bestand";

    /// <summary>The person's own CV as a Word file, taking the person from the signed-in account like the page.</summary>
    public static void MapOwnCvDownload(this WebApplication app) =>
        app.MapGet(CvFilePath, async (HttpContext context, ViewOwnCv cv, CancellationToken cancellationToken) =>
            {
                if (await cv.DownloadAsync(cancellationToken) is not { } file)
                {
                    return Results.NotFound();
                }
                context.Response.Headers.CacheControl = "private, no-store";
                return Results.File(file.Content, Work.CvFile.ContentType, file.FileName);
            })
            .RequireAuthorization(new AuthorizeAttribute { Roles = Roles.Newcomer });

    public const string DataDownloadPath = "/mijn/gegevens/download";

    /// <summary>"Klopt er iets niet?": the person asks to correct their data (AVG art. 16).</summary>
    public const string CorrectionPath = "/mijn/gegevens/klopt-er-iets-niet";

    /// <summary>The person's own data as a file; a page cannot answer with a file, so this is an endpoint of its own.</summary>
    public static void MapOwnDataDownload(this WebApplication app) =>
        app.MapGet(DataDownloadPath, async (ViewOwnData data, TimeProvider clock, CancellationToken cancellationToken) =>
                await data.DownloadAsync(cancellationToken) is { } file
                    ? Results.File(file, "application/json", $"mijn-gegevens-{clock.InTheNetherlands():yyyy-MM-dd}.json")
                    : Results.NotFound())
            .RequireAuthorization(new Microsoft.AspNetCore.Authorization.AuthorizeAttribute { Roles = Roles.Newcomer });
    /// <summary>
    /// The person's appointments as calendar files: all coming ones in one, and each on its own. Like the pages, they take
    /// the person from the signed-in account; another person's appointment is not found.
    /// </summary>
    public static void MapOwnCalendar(this WebApplication app)
    {
        app.MapGet(CalendarPath, async (HttpContext context, ListOwnAppointments appointments, CurrentUser currentUser, TimeProvider clock,
                IStringLocalizer<OwnTexts> texts, CancellationToken cancellationToken) =>
            {
                var coming = await appointments.HandleAsync(appointments.Today, appointments.Latest, cancellationToken);
                return coming is null || currentUser.NewcomerId is not { } newcomerId
                    ? Results.NotFound()
                    : CalendarFile(context, OwnCalendarFile.Write(coming.Items, newcomerId, coming.Municipality, context.Request.Host.Host,
                        clock.GetUtcNow(), texts), OwnCalendarFile.AllFileName);
            })
            .RequireAuthorization(new AuthorizeAttribute { Roles = Roles.Newcomer });
        app.MapGet(AppointmentCalendarPath, async (string key, HttpContext context, ListOwnAppointments appointments, CurrentUser currentUser,
                TimeProvider clock, IStringLocalizer<OwnTexts> texts, CancellationToken cancellationToken) =>
            {
                var appointment = await appointments.FindAsync(key, cancellationToken);
                return appointment is null || currentUser.NewcomerId is not { } newcomerId
                    ? Results.NotFound()
                    : CalendarFile(context, OwnCalendarFile.Write([appointment], newcomerId, currentUser.MunicipalityName ?? "", context.Request.Host.Host,
                        clock.GetUtcNow(), texts), OwnCalendarFile.FileName(appointment));
            })
            .RequireAuthorization(new AuthorizeAttribute { Roles = Roles.Newcomer });
    }

    private static IResult CalendarFile(HttpContext context, string calendar, string fileName)
    {
        // Someone's own appointments: not kept by a shared cache or the browser's.
        context.Response.Headers.CacheControl = "private, no-store";
        return Results.File(Encoding.UTF8.GetBytes(calendar), OwnCalendarFile.ContentType, fileName);
    }

    /// <summary>A newcomer who opens the start address lands on their own start page, not on the staff's.</summary>
    public static void UseOwnStartForNewcomers(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            if (context.Request.Path == "/" && HttpMethods.IsGet(context.Request.Method)
                && context.User.IsInRole(Roles.Newcomer))
            {
                context.Response.Redirect(StartPath);
                return;
            }
            await next(context);
        });
    }
}
