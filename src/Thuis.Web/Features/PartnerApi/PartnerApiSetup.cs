using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.OpenApi;
using Thuis.Web.Data;
using Thuis.Web.Features.Referrals;
using Thuis.Web.Platform.Auditing;
using Thuis.Web.Platform.Security;

namespace Thuis.Web.Features.PartnerApi;

/// <summary>
/// The partner API (<c>/api/v1</c>): partner organisations' own systems list the referrals to them, answer them and
/// record the start, attendance and outcome, with an API key the administrator issues (<c>/beheer/api-sleutels</c>).
/// Each key is rate limited; every call is audited; errors are problem details in Dutch or English; the OpenAPI
/// document is served at <see cref="DocumentPath"/> and kept in docs/api/openapi-v1.json.
/// </summary>
public static class PartnerApiSetup
{
    public const string Prefix = "/api/v1";
    public const string DocumentName = "v1";
    public const string DocumentPath = Prefix + "/openapi.json";
    public const string KeysPage = "/beheer/api-sleutels";
    public const string Policy = "PartnerApi";
    public const string RateLimitPolicy = "PartnerApiPerKey";

    /// <summary>What every call through the API is recorded for in the audit trail.</summary>
    public const string AuditPurpose = "Partner-API: verwijzing behandelen";

    public static string RevokePage(Guid keyId) => $"{KeysPage}/{keyId}/intrekken";

    public static void AddPartnerApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ShowApiKeys>();
        builder.Services.AddScoped<IssueApiKey>();
        builder.Services.AddScoped<RevokeApiKey>();

        builder.Services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        builder.Services.AddAuthorizationBuilder().AddPolicy(Policy, p => p
            .AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName)
            .RequireAuthenticatedUser()
            .RequireClaim(ApiKeyAuthenticationHandler.KeyIdClaim));

        var permitPerMinute = builder.Configuration.GetValue("PartnerApi:PermitPerMinutePerKey", 120);
        builder.Services.AddRateLimiter(o => o.AddPolicy(RateLimitPolicy, new PerKeyRateLimit(permitPerMinute)));

        builder.Services.AddOpenApi(DocumentName, o =>
        {
            o.ShouldInclude = description => description.GroupName == DocumentName;
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "Thuis partner API",
                    Version = "v1",
                    Description = "For partner organisations' own systems: the referrals to the organisation, with the same rules and the same minimum "
                        + "data as the partner worker's pages in Thuis. Authenticate with the organisation's API key (Authorization: Bearer <key> or "
                        + "X-Api-Key). Errors are RFC 9457 problem details, in Dutch (default) or English (Accept-Language: en). See docs/api.md.",
                };
                // The document is the same wherever it is served from, so the checked-in copy can be compared with it.
                document.Servers = [];
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>
                {
                    ["bearer"] = new OpenApiSecurityScheme
                    {
                        Type = SecuritySchemeType.Http,
                        Scheme = "bearer",
                        Description = "The organisation's API key, issued by the municipality's administrator.",
                    },
                    ["apiKey"] = new OpenApiSecurityScheme
                    {
                        Type = SecuritySchemeType.ApiKey,
                        In = ParameterLocation.Header,
                        Name = ApiKeyAuthenticationHandler.HeaderName,
                        Description = "The same key in the X-Api-Key header.",
                    },
                };
                document.Security =
                [
                    new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("bearer", document)] = [] },
                    new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("apiKey", document)] = [] },
                ];
                return Task.CompletedTask;
            });
        });
    }

    public static void MapPartnerApi(this WebApplication app)
    {
        app.MapOpenApi(DocumentPath).AllowAnonymous().DisableRateLimiting();

        var api = app.MapGroup(Prefix)
            .WithGroupName(DocumentName)
            .RequireAuthorization(Policy)
            .RequireRateLimiting(RateLimitPolicy)
            .DisableAntiforgery()
            .AddEndpointFilter(AuditEveryCall)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        api.MapGet("/referrals", ReferralsApi.ListAsync)
            .WithTags("Referrals")
            .WithName("ListReferrals")
            .WithSummary("The referrals to the organisation, those waiting too long for an answer first.");
        var referrals = api.MapGroup("/referrals").WithTags("Referrals");
        referrals.MapGet("/{referralId:guid}", ReferralsApi.GetAsync)
            .WithName("GetReferral")
            .WithSummary("One referral, with what the organisation needs to welcome the person.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        Step(referrals.MapPost("/{referralId:guid}/accept", ReferralsApi.AcceptAsync), typeof(AcceptRequest))
            .WithName("AcceptReferral")
            .WithSummary("Accept a referral that was sent to the organisation.");
        Step(referrals.MapPost("/{referralId:guid}/decline", ReferralsApi.DeclineAsync), typeof(DeclineRequest))
            .WithName("DeclineReferral")
            .WithSummary("Decline a referral, with the reason, so the case manager can look for something else.");
        Step(referrals.MapPost("/{referralId:guid}/start", ReferralsApi.StartAsync), typeof(StartRequest))
            .WithName("StartReferral")
            .WithSummary("Record the first day the person came.");
        Step(referrals.MapPost("/{referralId:guid}/attendance", ReferralsApi.AttendanceAsync), typeof(AttendanceRequest))
            .WithName("RecordAttendance")
            .WithSummary("Record whether the person came on a day; a day already recorded is changed.");
        Step(referrals.MapPost("/{referralId:guid}/end", ReferralsApi.EndAsync), typeof(EndRequest))
            .WithName("EndReferral")
            .WithSummary("Record how it ended: still going at three months, or stopped (with the reason).");
    }

    // The body is read by the endpoint itself, so that a body of another type is a 400 problem naming it rather than a
    // bare 415 from routing; the document still describes it.
    private static RouteHandlerBuilder Step(RouteHandlerBuilder builder, Type body) => builder
        .AddOpenApiOperationTransformer(async (operation, context, cancellationToken) =>
        {
            var schema = await context.GetOrCreateSchemaAsync(body, null, cancellationToken);
            context.Document!.AddComponent(body.Name, schema);
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = new OpenApiSchemaReference(body.Name, context.Document) } },
            };
        })
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    /// <summary>
    /// Writes every call that reached the API into the audit trail: which key of which organisation, what it asked,
    /// and how it ended. Calls refused before the key is known (no key, an unknown or revoked key, too many requests)
    /// belong to no municipality and are logged instead.
    /// </summary>
    private static async ValueTask<object?> AuditEveryCall(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var result = await next(context);
        var http = context.HttpContext;
        var answer = result;
        while (answer is INestedHttpResult nested)
        {
            answer = nested.Result;
        }
        var status = answer is IStatusCodeHttpResult { StatusCode: { } code } ? code : http.Response.StatusCode;
        var db = http.RequestServices.GetRequiredService<AppDbContext>();
        var currentUser = http.RequestServices.GetRequiredService<CurrentUser>();
        // Whatever a refused step left tracked is not saved with the audit line.
        db.ChangeTracker.Clear();
        var route = (http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? http.Request.Path.Value ?? "";
        var id = http.Request.RouteValues.TryGetValue("referralId", out var value) ? value?.ToString() : null;
        db.RecordAudit(HttpMethods.IsGet(http.Request.Method) ? AuditAction.View : AuditAction.Update, nameof(Referral), id ?? "lijst",
            status is >= 200 and < 300 ? AuditResult.Success : status == StatusCodes.Status404NotFound ? AuditResult.NotFound : AuditResult.Refused,
            AuditPurpose, details: $"{http.Request.Method} {route} → {status}; {currentUser.DisplayName}");
        await db.SaveChangesAsync(http.RequestAborted);
        return result;
    }
}

/// <summary>
/// At most so many calls a minute per API key (partitioned by a hash of the presented key, so a wrong key cannot use
/// up another's share); calls without a key share a limit per address. Too many: a 429 problem with Retry-After.
/// </summary>
internal sealed class PerKeyRateLimit(int permitPerMinute) : IRateLimiterPolicy<string>
{
    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected { get; } = async (context, _) =>
    {
        TimeSpan? retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : null;
        await ApiProblems.RateLimited(context.HttpContext, retryAfter).ExecuteAsync(context.HttpContext);
    };

    public RateLimitPartition<string> GetPartition(HttpContext httpContext)
    {
        var presented = ApiKeyAuthenticationHandler.PresentedKey(httpContext.Request);
        var partition = presented is null
            ? "adres " + (httpContext.Connection.RemoteIpAddress?.ToString() ?? "onbekend")
            : "sleutel " + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(presented)));
        return RateLimitPartition.GetFixedWindowLimiter(partition,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = permitPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
    }
}
