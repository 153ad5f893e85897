using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Thuis.Web.Features.Dossiers;
using Thuis.Web.Features.Milestones;
using Thuis.Web.Features.Plans;

namespace Thuis.Web.Features.Transfers;

/// <summary>
/// A municipality named in a transfer file: its CBS code, its name, and its id only when it uses the same installation
/// of Thuis.
/// </summary>
public sealed record TransferMunicipality(Guid? Id, string Name, string? CbsCode = null);

public sealed record TransferGoal(ParticipationDomain Domain, string Description);

public sealed record TransferStep(
    int Position, ParticipationDomain Domain, string What, StepOwner Owner, string? OwnerName, DateOnly? Due, bool LowThreshold,
    string? Offer, StepStatus Status, DateOnly StatusSince, string? DroppedReason);

/// <summary>One version of the plan (PIP) as decided: number, state and decision date are kept, because the term runs from the first.</summary>
public sealed record TransferPlan(
    int Number, PlanState State, PlanTerms Terms, DateOnly? DecisionDate, string DraftedBy, DateTimeOffset DraftedAt,
    string? FixedBy, DateTimeOffset? FixedAt, IReadOnlyList<TransferGoal> Goals, IReadOnlyList<TransferStep> Steps);

public sealed record TransferSettling(IReadOnlyList<SettlingItem> Items, string UpdatedBy, DateTimeOffset UpdatedAt);

public sealed record TransferMilestone(
    MilestoneKind Kind, MilestoneState State, DateOnly? ReachedOn, IReadOnlyList<string> Signs, string? Note, string RecordedBy, DateTimeOffset RecordedAt);

/// <summary>
/// The content of a transfer file (overdrachtsbestand) of a warm hand-over: one newcomer's dossier as the sending
/// municipality had it, readable by the receiving municipality's Thuis. It travels inside a signed envelope
/// (<see cref="SignedTransferFile"/>); its own format, version, sender and addressee must match the envelope's.
/// </summary>
public sealed record TransferFile(
    [property: JsonPropertyName("format")] string Format,
    [property: JsonPropertyName("versie")] int FormatVersion,
    Guid TransferId,
    DateTimeOffset CreatedAt,
    TransferMunicipality From,
    TransferMunicipality To,
    DateOnly MovingDate,
    string? Reason,
    string SentBy,
    bool HealthIncluded,
    PersonDetails Person,
    LegalFrame LegalFrame,
    IReadOnlyDictionary<string, JsonObject> Intake,
    IReadOnlyList<TransferPlan> Plans,
    TransferSettling? Settling,
    IReadOnlyList<TransferMilestone> Milestones,
    IReadOnlyList<PreviousLessons> Lessons,
    IReadOnlyList<PreviousProposal> Proposals,
    IReadOnlyList<TermChangeEntry>? TermChanges = null)
{
    public const string FormatName = "thuis-overdracht";
    public const int CurrentVersion = 2;

    /// <summary>Readable by people too: indented, enums by name, letters such as ë as themselves.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        AllowDuplicateProperties = false,
    };
}
