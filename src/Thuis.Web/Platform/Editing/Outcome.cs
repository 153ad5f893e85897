namespace Thuis.Web.Platform.Editing;

/// <summary>How a change asked of a handler ended.</summary>
public enum OutcomeKind
{
    /// <summary>The change is saved (for a step that only checks, such as a preview: the check passed).</summary>
    Saved,

    /// <summary>There is no such record for this user: another municipality's is as unknown as one that does not exist.</summary>
    NotFound,

    /// <summary>Bad input: messages beside the fields.</summary>
    Invalid,

    /// <summary>Someone else changed the same record since the form was loaded; nothing of this change is saved.</summary>
    Conflict,

    /// <summary>A business rule refuses the change; the message says why.</summary>
    Refused,
}

/// <summary>
/// What every handler that changes something answers, so every page shows it the same way: saved (then redirect),
/// not found (404), invalid (messages beside the fields), or a conflict or refusal (one message above the form).
/// </summary>
public sealed class Outcome
{
    private static readonly IReadOnlyDictionary<string, string> NoErrors = new Dictionary<string, string>();
    private static readonly Outcome SavedOutcome = new(OutcomeKind.Saved, NoErrors, null);
    private static readonly Outcome NotFoundOutcome = new(OutcomeKind.NotFound, NoErrors, null);

    private Outcome(OutcomeKind kind, IReadOnlyDictionary<string, string> fieldErrors, string? message)
    {
        Kind = kind;
        FieldErrors = fieldErrors;
        Message = message;
    }

    public OutcomeKind Kind { get; }

    /// <summary>Messages keyed by the form's field path (e.g. "Items[3].Note"); only when <see cref="OutcomeKind.Invalid"/>.</summary>
    public IReadOnlyDictionary<string, string> FieldErrors { get; }

    /// <summary>The one message a page shows above the form: why the change was refused, or that someone else changed it meanwhile.</summary>
    public string? Message { get; }

    public bool IsSaved => Kind == OutcomeKind.Saved;

    public bool IsNotFound => Kind == OutcomeKind.NotFound;

    public static Outcome Saved() => SavedOutcome;

    /// <summary>Saved, with what the page needs next: a new id, a file.</summary>
    public static Outcome<T> Saved<T>(T value) => new(SavedOutcome, value);

    public static Outcome NotFound() => NotFoundOutcome;

    public static Outcome Invalid(IReadOnlyDictionary<string, string> fieldErrors) => new(OutcomeKind.Invalid, fieldErrors, null);

    public static Outcome Invalid(string field, string message) => Invalid(new Dictionary<string, string> { [field] = message });

    public static Outcome Conflict(string message) => new(OutcomeKind.Conflict, NoErrors, message);

    public static Outcome Refused(string message) => new(OutcomeKind.Refused, NoErrors, message);

    /// <summary>This outcome with data the page shows along with it, e.g. the dossiers a registration found to be the same person.</summary>
    public Outcome<T> With<T>(T value) => new(this, value);
}

/// <summary>An <see cref="Outcome"/> with a value: what was made (a new id, a file, a preview) or what the page shows beside a refusal.</summary>
public sealed class Outcome<T>
{
    internal Outcome(Outcome outcome, T? value)
    {
        WithoutValue = outcome;
        Value = value;
    }

    /// <summary>The outcome alone, to pass on from a handler that answers without a value.</summary>
    public Outcome WithoutValue { get; }

    /// <summary>The value; the type's default when the outcome came without one.</summary>
    public T? Value { get; }

    public OutcomeKind Kind => WithoutValue.Kind;

    public IReadOnlyDictionary<string, string> FieldErrors => WithoutValue.FieldErrors;

    public string? Message => WithoutValue.Message;

    public bool IsSaved => WithoutValue.IsSaved;

    public bool IsNotFound => WithoutValue.IsNotFound;

    /// <summary>A not found, invalid, conflict or refusal answered where a value is expected: there is none.</summary>
    public static implicit operator Outcome<T>(Outcome outcome) => new(outcome, default);
}
