using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using Thuis.Web.Features.Referrals;

namespace Thuis.Web.Features.PartnerApi;

/// <summary>The languages the partner API answers in: Dutch unless the caller's Accept-Language prefers English.</summary>
public enum ApiLanguage
{
    Dutch,
    English,
}

/// <summary>
/// Every error of the partner API as RFC 9457 problem details (<c>application/problem+json</c>), in the caller's
/// language. The <c>type</c> names the kind of problem (documented in docs/api.md), so a partner's system can act on
/// it without reading the words.
/// </summary>
public static partial class ApiProblems
{
    public const string TypeBase = "urn:thuis:api:v1:probleem:";
    public const string Validation = TypeBase + "ongeldige-invoer";
    public const string NotFoundType = TypeBase + "niet-gevonden";
    public const string UnauthorizedType = TypeBase + "sleutel-ongeldig";
    public const string RateLimitedType = TypeBase + "te-veel-verzoeken";
    public const string ChangedMeanwhileType = TypeBase + "intussen-gewijzigd";
    public const string RefusedType = TypeBase + "geweigerd";

    /// <summary>The caller's language: English when Accept-Language ranks an English tag above every Dutch one.</summary>
    public static ApiLanguage LanguageOf(HttpContext context)
    {
        if (!StringWithQualityHeaderValue.TryParseList(context.Request.Headers.AcceptLanguage, out var ranges))
        {
            return ApiLanguage.Dutch;
        }
        foreach (var range in ranges.Where(r => r.Quality is not 0).OrderByDescending(r => r.Quality ?? 1))
        {
            var tag = range.Value.Value ?? "";
            if (tag.StartsWith("nl", StringComparison.OrdinalIgnoreCase))
            {
                return ApiLanguage.Dutch;
            }
            if (tag.StartsWith("en", StringComparison.OrdinalIgnoreCase))
            {
                return ApiLanguage.English;
            }
        }
        return ApiLanguage.Dutch;
    }

    private static string Say(HttpContext context, string dutch, string english) => LanguageOf(context) == ApiLanguage.English ? english : dutch;

    private static ProblemHttpResult Problem(HttpContext context, int status, string type, string title, string detail,
        IDictionary<string, object?>? extensions = null)
    {
        context.Response.Headers.ContentLanguage = LanguageOf(context) == ApiLanguage.English ? "en" : "nl";
        return TypedResults.Problem(detail, context.Request.Path, status, title, type, extensions);
    }

    public static ProblemHttpResult Unauthorized(HttpContext context) => Problem(context, StatusCodes.Status401Unauthorized, UnauthorizedType,
        Say(context, "Geen geldige API-sleutel", "No valid API key"),
        Say(context, "Stuur een geldige API-sleutel mee in de kop Authorization: Bearer <sleutel> of X-Api-Key. Een ingetrokken sleutel werkt niet meer; vraag de functioneel beheerder van de gemeente om een nieuwe.",
            "Send a valid API key in the Authorization: Bearer <key> or X-Api-Key header. A revoked key no longer works; ask the municipality's administrator for a new one."));

    public static ProblemHttpResult NotFound(HttpContext context) => Problem(context, StatusCodes.Status404NotFound, NotFoundType,
        Say(context, "Niet gevonden", "Not found"),
        Say(context, "Er is geen verwijzing met dit id aan uw organisatie.", "There is no referral with this id to your organisation."));

    public static ProblemHttpResult RateLimited(HttpContext context, TimeSpan? retryAfter)
    {
        var seconds = (int)Math.Ceiling((retryAfter ?? TimeSpan.FromMinutes(1)).TotalSeconds);
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return Problem(context, StatusCodes.Status429TooManyRequests, RateLimitedType,
            Say(context, "Te veel verzoeken", "Too many requests"),
            Say(context, $"Deze API-sleutel heeft het aantal verzoeken per minuut bereikt. Probeer het over {seconds} seconden opnieuw.",
                $"This API key has reached its number of requests per minute. Try again in {seconds} seconds."));
    }

    public static ProblemHttpResult ChangedMeanwhile(HttpContext context) => Problem(context, StatusCodes.Status409Conflict, ChangedMeanwhileType,
        Say(context, "Intussen gewijzigd", "Changed meanwhile"),
        Say(context, HandleReferral.ChangedMeanwhile, "Someone else updated this referral meanwhile. Read it again (GET) and send your change with its new version."));

    /// <summary>A rule of the referral refuses the step, e.g. accepting a referral that was already declined.</summary>
    public static ProblemHttpResult Refused(HttpContext context, string dutchReason) => Problem(context, StatusCodes.Status422UnprocessableEntity, RefusedType,
        Say(context, "Niet toegestaan", "Not allowed"), Say(context, dutchReason, English(dutchReason)));

    /// <summary>Bad input: every field with its message, keyed by the field's name in the request body.</summary>
    public static ProblemHttpResult Invalid(HttpContext context, IReadOnlyDictionary<string, string> dutchErrors)
    {
        var english = LanguageOf(context) == ApiLanguage.English;
        var errors = dutchErrors.ToDictionary(e => e.Key, e => new[] { english ? English(e.Value) : e.Value });
        return Problem(context, StatusCodes.Status400BadRequest, Validation,
            Say(context, "Ongeldige invoer", "Invalid input"),
            Say(context, "Een of meer velden zijn niet goed ingevuld; er is niets opgeslagen.", "One or more fields are not valid; nothing was saved."),
            new Dictionary<string, object?> { ["errors"] = errors });
    }

    // The messages of the referral's own rules and the API's input checks, in English. A message without a translation
    // here is answered in Dutch: the rule speaks Dutch first.
    private static readonly Dictionary<string, string> Translations = new(StringComparer.Ordinal)
    {
        ["Kies een datum die niet na vandaag ligt."] = "Choose a date that is not after today.",
        ["Schrijf op waarom u de verwijzing niet aanneemt, zodat de klantregisseur iets anders kan zoeken."] =
            "Write down why you do not accept the referral, so the case manager can look for something else.",
        ["Kies of de persoon er was: aanwezig of afwezig."] = "Say whether the person was there: present true or false.",
        ["Kies de uitkomst van de verwijzing."] = "Choose the outcome of the referral.",
        ["Schrijf op waarom het gestopt is."] = "Write down why it stopped.",
        ["Hoogstens 1000 tekens."] = "At most 1000 characters.",
        ["De start ligt vóór het antwoord op de verwijzing."] = "The start lies before the answer to the referral.",
        ["Aanwezigheid telt vanaf de start, zolang de verwijzing loopt."] = "Attendance counts from the start, while the referral runs.",
        ["Het einde ligt vóór de start."] = "The end lies before the start.",
        [PartnerApiTexts.VersionMissing] = "Send the version of the referral as you read it (the field version of GET /api/v1/referrals/{referralId}).",
        [PartnerApiTexts.BodyMissing] = "Send a JSON body (Content-Type: application/json).",
        [PartnerApiTexts.NotADate] = "Not a valid date; write YYYY-MM-DD.",
        [PartnerApiTexts.NotAVersion] = "Not a valid version; send the version as read.",
        [PartnerApiTexts.NotTrueOrFalse] = "Write true or false.",
        [PartnerApiTexts.NotAnOutcome] = "Choose stillGoingAtThreeMonths or stopped.",
        [PartnerApiTexts.NotJson] = "The body is not valid JSON.",
        [PartnerApiTexts.NotAText] = "Write a text.",
    };

    private static readonly Dictionary<string, string> EnglishStates = new(StringComparer.Ordinal)
    {
        [ReferralState.Proposed.Dutch()] = "proposed",
        [ReferralState.Sent.Dutch()] = "sent",
        [ReferralState.Accepted.Dutch()] = "accepted",
        [ReferralState.Declined.Dutch()] = "declined",
        [ReferralState.Started.Dutch()] = "started",
        [ReferralState.Ended.Dutch()] = "ended",
    };

    internal static string English(string dutch)
    {
        if (Translations.TryGetValue(dutch, out var english))
        {
            return english;
        }
        if (StateMove().Match(dutch) is { Success: true } move
            && EnglishStates.TryGetValue(move.Groups["from"].Value, out var from) && EnglishStates.TryGetValue(move.Groups["to"].Value, out var to))
        {
            return $"A referral that is {from} cannot become {to}.";
        }
        if (StillGoingTooEarly().Match(dutch) is { Success: true } early)
        {
            return $"‘Still going at three months’ can be recorded from {early.Groups["from"].Value}: three months after the start on {early.Groups["start"].Value}. Until then the referral runs on, or choose ‘stopped’.";
        }
        return dutch;
    }

    [GeneratedRegex(@"^Een verwijzing die (?<from>\S+) is, kan niet (?<to>\S+) worden\.$")]
    private static partial Regex StateMove();

    [GeneratedRegex(@"kan pas vanaf (?<from>.+?): drie maanden na de start op (?<start>.+?)\.")]
    private static partial Regex StillGoingTooEarly();
}

/// <summary>The API's own messages about input that the referral pages never receive (their forms cannot send it).</summary>
public static class PartnerApiTexts
{
    public const string VersionMissing = "Stuur de versie van de verwijzing mee zoals u haar las (het veld version van GET /api/v1/referrals/{referralId}).";
    public const string BodyMissing = "Stuur een JSON-body mee (Content-Type: application/json).";
    public const string NotADate = "Geen geldige datum; schrijf JJJJ-MM-DD.";
    public const string NotAVersion = "Geen geldige versie; stuur de versie zoals u haar las.";
    public const string NotTrueOrFalse = "Schrijf true of false.";
    public const string NotAnOutcome = "Kies stillGoingAtThreeMonths of stopped.";
    public const string NotJson = "De body is geen geldige JSON.";
    public const string NotAText = "Schrijf een tekst.";
}
