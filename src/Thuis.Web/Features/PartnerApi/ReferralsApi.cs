using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Thuis.Web.Features.Referrals;
using Thuis.Web.Platform.Editing;
using Thuis.Web.Platform.Localization;

namespace Thuis.Web.Features.PartnerApi;

/// <summary>Enums as camelCase strings in the API ("stillGoingAtThreeMonths"), in the answers and in the OpenAPI document.</summary>
public sealed class CamelCaseNames<T>() : JsonStringEnumConverter<T>(JsonNamingPolicy.CamelCase, allowIntegerValues: false) where T : struct, Enum;

/// <summary>One referral in the list: the first name only, and not even that once the person's consent has ended.</summary>
public sealed record ApiReferralSummary(
    Guid Id,
    [property: Description("The person's first name; null once their consent has ended.")] string? FirstName,
    [property: Description("What the referral is for.")] string What,
    [property: JsonConverter(typeof(CamelCaseNames<ReferralState>))] ReferralState State,
    DateOnly? SentOn,
    [property: Description("Sent and not answered for more than ten days.")] bool WaitingTooLong);

/// <summary>The least the organisation needs to welcome the person; a phone number or e-mail address only when the person agreed to share it.</summary>
public sealed record ApiPerson(string FirstName, string? Phone, string? Email, string? Language, bool InterpreterNeeded);

public sealed record ApiConsent(string Purpose, DateOnly ValidUntil, bool Valid);

public sealed record ApiAttendanceDay(DateOnly On, bool Present, [property: Description("What the day said before it was changed; null when never changed.")] bool? WasPresent);

/// <summary>One referral as the organisation's workers see it on its page.</summary>
public sealed record ApiReferral(
    Guid Id,
    string What,
    string Organisation,
    [property: JsonConverter(typeof(CamelCaseNames<ReferralState>))] ReferralState State,
    [property: Description("The person; null once their consent has ended.")] ApiPerson? Person,
    [property: Description("The organisation reaches out to the person (rather than the person or case manager to the organisation).")] bool ContactNeeded,
    [property: Description("The case manager's note; null once the consent has ended.")] string? NoteForPartner,
    ApiConsent Consent,
    DateOnly? SentOn,
    DateOnly? AnsweredOn,
    string? DeclineReason,
    DateOnly? StartedOn,
    IReadOnlyList<ApiAttendanceDay> Attendance,
    [property: Description("The first day on which stillGoingAtThreeMonths can be recorded.")] DateOnly? StillGoingPossibleFrom,
    DateOnly? EndedOn,
    [property: JsonConverter(typeof(CamelCaseNames<ReferralOutcome>))] ReferralOutcome? Outcome,
    string? EndNote,
    bool WaitingTooLong,
    [property: Description("Send this back with a change; a change to an older version is refused (409).")] Guid Version);

public sealed record AcceptRequest([property: Required] Guid Version);

public sealed record DeclineRequest([property: Required] Guid Version, [property: Required, MaxLength(1000)] string Reason);

public sealed record StartRequest([property: Required] Guid Version, [property: Description("The first day the person came; today when left out.")] DateOnly? On = null);

public sealed record AttendanceRequest(
    [property: Required] Guid Version,
    [property: Required] bool Present,
    [property: Description("The day; today when left out. A day already recorded is changed.")] DateOnly? On = null);

public sealed record EndRequest(
    [property: Required] Guid Version,
    [property: Required, JsonConverter(typeof(CamelCaseNames<ReferralOutcome>))] ReferralOutcome Outcome,
    [property: Description("The last day; today when left out.")] DateOnly? On = null,
    [property: MaxLength(1000), Description("Required when the outcome is stopped: why it stopped.")] string? Note = null);

/// <summary>
/// The partner API's referral endpoints: the same handlers as the partner worker's pages (<see cref="ListReferrals"/>,
/// <see cref="ViewReferral"/>, <see cref="HandleReferral"/>), so the rules and the minimum data are the pages' own.
/// </summary>
internal static class ReferralsApi
{
    public static async Task<Ok<IReadOnlyList<ApiReferralSummary>>> ListAsync(bool? waitingOnly, ListReferrals list, CancellationToken cancellationToken)
    {
        var rows = await list.HandleAsync(waitingOnly ?? false, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<ApiReferralSummary>>([.. rows.Select(r => new ApiReferralSummary(r.Id,
            r.Person == ListReferrals.ConsentEnded ? null : r.Person, r.What, r.State, r.SentOn, r.WaitingTooLong))]);
    }

    public static async Task<Results<Ok<ApiReferral>, ProblemHttpResult>> GetAsync(Guid referralId, HttpContext context, ViewReferral view, TimeProvider clock,
        CancellationToken cancellationToken) =>
        await view.HandleAsync(referralId, cancellationToken) is { } found
            ? TypedResults.Ok(ToApi(found, clock))
            : ApiProblems.NotFound(context);

    public static Task<Results<Ok<ApiReferral>, ProblemHttpResult>> AcceptAsync(Guid referralId, HttpContext context, HandleReferral handle, ViewReferral view,
        TimeProvider clock, CancellationToken cancellationToken) =>
        StepAsync(referralId, context, ReferralStep.Accept, handle, view, clock, cancellationToken);

    public static Task<Results<Ok<ApiReferral>, ProblemHttpResult>> DeclineAsync(Guid referralId, HttpContext context, HandleReferral handle, ViewReferral view,
        TimeProvider clock, CancellationToken cancellationToken) =>
        StepAsync(referralId, context, ReferralStep.Decline, handle, view, clock, cancellationToken);

    public static Task<Results<Ok<ApiReferral>, ProblemHttpResult>> StartAsync(Guid referralId, HttpContext context, HandleReferral handle, ViewReferral view,
        TimeProvider clock, CancellationToken cancellationToken) =>
        StepAsync(referralId, context, ReferralStep.Start, handle, view, clock, cancellationToken);

    public static Task<Results<Ok<ApiReferral>, ProblemHttpResult>> AttendanceAsync(Guid referralId, HttpContext context, HandleReferral handle, ViewReferral view,
        TimeProvider clock, CancellationToken cancellationToken) =>
        StepAsync(referralId, context, ReferralStep.Attendance, handle, view, clock, cancellationToken);

    public static Task<Results<Ok<ApiReferral>, ProblemHttpResult>> EndAsync(Guid referralId, HttpContext context, HandleReferral handle, ViewReferral view,
        TimeProvider clock, CancellationToken cancellationToken) =>
        StepAsync(referralId, context, ReferralStep.End, handle, view, clock, cancellationToken);

    private static async Task<Results<Ok<ApiReferral>, ProblemHttpResult>> StepAsync(Guid referralId, HttpContext context, ReferralStep step,
        HandleReferral handle, ViewReferral view, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (form, errors) = await StepBody.ReadAsync(context.Request, step, cancellationToken);
        if (errors.ContainsKey(""))
        {
            return ApiProblems.Invalid(context, errors);
        }
        // With fields of a wrong shape the rules still check the rest, so the caller hears every error at once.
        var outcome = await handle.HandleAsync(referralId, form, cancellationToken, checkOnly: errors.Count > 0);
        if (outcome.Kind == OutcomeKind.Invalid)
        {
            foreach (var (field, message) in outcome.FieldErrors)
            {
                errors.TryAdd(StepBody.FieldName(step, field), message);
            }
        }
        return outcome.Kind switch
        {
            OutcomeKind.Saved => await GetAsync(referralId, context, view, clock, cancellationToken),
            OutcomeKind.NotFound => ApiProblems.NotFound(context),
            OutcomeKind.Invalid => ApiProblems.Invalid(context, errors),
            OutcomeKind.Conflict => ApiProblems.ChangedMeanwhile(context),
            _ => ApiProblems.Refused(context, outcome.Message ?? ""),
        };
    }

    private static ApiReferral ToApi(ReferralView view, TimeProvider clock)
    {
        var r = view.Referral;
        return new ApiReferral(r.Id, r.What, view.OrganisationName, r.State,
            view.Contact is { } c ? new ApiPerson(c.FirstName, c.Phone, c.Email, c.Language, c.InterpreterNeeded) : null,
            r.ContactNeeded, view.NoteForPartner, new ApiConsent(view.ConsentPurpose, view.ConsentUntil, view.ConsentValid),
            r.SentOn, r.AnsweredOn, r.DeclineReason, r.StartedOn,
            [.. r.Attendance.Select(a => new ApiAttendanceDay(a.On, a.Present, a.WasPresent))],
            r.StillGoingPossibleFrom, r.EndedOn, r.Outcome, r.EndNote, r.IsWaitingTooLong(clock.InTheNetherlands()), r.Version);
    }
}

/// <summary>
/// Reads a step's JSON body into the form the referral page posts, field by field, so every bad field is named at
/// once; then checks the form's own limits the way the page does (data annotations).
/// </summary>
internal static class StepBody
{
    public static async Task<(ReferralStepForm Form, Dictionary<string, string> Errors)> ReadAsync(HttpRequest request, ReferralStep step,
        CancellationToken cancellationToken)
    {
        var form = new ReferralStepForm { Step = step };
        var errors = new Dictionary<string, string>();
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
        }
        catch (JsonException)
        {
            errors[""] = request.ContentLength is 0 ? PartnerApiTexts.BodyMissing : PartnerApiTexts.NotJson;
            return (form, errors);
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                errors[""] = PartnerApiTexts.BodyMissing;
                return (form, errors);
            }
            var body = document.RootElement;
            if (!body.TryGetProperty("version", out var version) || version.ValueKind == JsonValueKind.Null)
            {
                errors["version"] = PartnerApiTexts.VersionMissing;
            }
            else if (version.ValueKind != JsonValueKind.String || !version.TryGetGuid(out var loaded))
            {
                errors["version"] = PartnerApiTexts.NotAVersion;
            }
            else
            {
                form.Version = loaded;
            }
            if (step is ReferralStep.Start or ReferralStep.Attendance or ReferralStep.End && body.TryGetProperty("on", out var on) && on.ValueKind != JsonValueKind.Null)
            {
                if (on.ValueKind == JsonValueKind.String && DateOnly.TryParseExact(on.GetString(), "yyyy-MM-dd", out var day))
                {
                    form.On = day;
                }
                else
                {
                    errors["on"] = PartnerApiTexts.NotADate;
                }
            }
            if (step == ReferralStep.Attendance && body.TryGetProperty("present", out var present) && present.ValueKind != JsonValueKind.Null)
            {
                if (present.ValueKind is JsonValueKind.True or JsonValueKind.False)
                {
                    form.Present = present.GetBoolean();
                }
                else
                {
                    errors["present"] = PartnerApiTexts.NotTrueOrFalse;
                }
            }
            if (step == ReferralStep.End && body.TryGetProperty("outcome", out var outcome) && outcome.ValueKind != JsonValueKind.Null)
            {
                form.Outcome = outcome.ValueKind == JsonValueKind.String ? outcome.GetString() switch
                {
                    "stillGoingAtThreeMonths" => ReferralOutcome.StillGoingAtThreeMonths,
                    "stopped" => ReferralOutcome.Stopped,
                    _ => null,
                } : null;
                if (form.Outcome is null)
                {
                    errors["outcome"] = PartnerApiTexts.NotAnOutcome;
                }
            }
            var noteField = FieldName(step, nameof(ReferralStepForm.Note));
            if (step is ReferralStep.Decline or ReferralStep.End && body.TryGetProperty(noteField, out var note) && note.ValueKind != JsonValueKind.Null)
            {
                if (note.ValueKind == JsonValueKind.String)
                {
                    form.Note = note.GetString();
                }
                else
                {
                    errors[noteField] = PartnerApiTexts.NotAText;
                }
            }
        }
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(form, new ValidationContext(form), results, validateAllProperties: true))
        {
            foreach (var result in results)
            {
                foreach (var member in result.MemberNames)
                {
                    errors.TryAdd(FieldName(step, member), result.ErrorMessage ?? "");
                }
            }
        }
        return (form, errors);
    }

    /// <summary>The request body's name of a field of <see cref="ReferralStepForm"/>: the note is the reason when declining.</summary>
    public static string FieldName(ReferralStep step, string formField) => formField switch
    {
        nameof(ReferralStepForm.Note) => step == ReferralStep.Decline ? "reason" : "note",
        nameof(ReferralStepForm.On) => "on",
        nameof(ReferralStepForm.Present) => "present",
        nameof(ReferralStepForm.Outcome) => "outcome",
        nameof(ReferralStepForm.Version) => "version",
        _ => JsonNamingPolicy.CamelCase.ConvertName(formField),
    };
}
