using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Thuis.Web.Features.Dossiers;
using Thuis.Web.Platform.Changes;
using Thuis.Web.Platform.Localization;
using Thuis.Web.Platform.Tenancy;

namespace Thuis.Web.Features.Plans;

public enum TermChangeKind
{
    /// <summary>Verlenging: DUO extends the term, on the person's request.</summary>
    Extension,
    /// <summary>Vernieuwde termijn: DUO sets a new term in the decision that imposes a fine.</summary>
    NewTerm,
}

public enum TermChangeReason
{
    /// <summary>The person made considerable efforts (aantoonbaar voldoende inspanningen).</summary>
    ConsiderableEffort,
    /// <summary>The person is not to blame for missing the term (geen verwijt).</summary>
    NotToBlame,
    /// <summary>Education that does not exempt from the duty, such as praktijkonderwijs or entree.</summary>
    NonExemptingEducation,
    /// <summary>A fine was imposed for not meeting the duty in time; it comes with a new term.</summary>
    FineImposed,
    Other,
}

/// <summary>
/// One of DUO's decisions that moves the end of the inburgeringstermijn: an extension or a new term after a fine. Thuis
/// records the new last day as DUO states it and never computes it. A change only ever moves the end later than the one
/// in force when it is recorded; the latest decision is the one in force (docs/law.md, section 6).
/// </summary>
public sealed class TermChange : IMunicipalityOwned, IPersonData
{
    public const int ReasonTextMaxLength = 1000;
    public const int DocumentReferenceMaxLength = 100;

    private TermChange()
    {
        DocumentReference = "";
        RecordedBy = "";
    }

    private TermChange(Newcomer newcomer, TermChangeKind kind, DateOnly decidedOn, DateOnly newLastDay, TermChangeReason reason,
        string? reasonText, string documentReference, string by, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7();
        MunicipalityId = newcomer.MunicipalityId;
        NewcomerId = newcomer.Id;
        Kind = kind;
        DecidedOn = decidedOn;
        NewLastDay = newLastDay;
        Reason = reason;
        ReasonText = IntegrationPlan.Clean(reasonText);
        DocumentReference = documentReference.Trim();
        RecordedBy = by;
        RecordedAt = at;
    }

    public Guid Id { get; private set; }
    public Guid MunicipalityId { get; private set; }
    public Guid NewcomerId { get; private set; }
    public TermChangeKind Kind { get; private set; }

    /// <summary>DUO's decision date (dagtekening).</summary>
    public DateOnly DecidedOn { get; private set; }

    /// <summary>The term's last day as DUO states it in the decision.</summary>
    public DateOnly NewLastDay { get; private set; }
    public TermChangeReason Reason { get; private set; }
    public string? ReasonText { get; private set; }

    /// <summary>DUO's kenmerk of the decision, or where the letter is kept in the dossier.</summary>
    public string DocumentReference { get; private set; }
    public string RecordedBy { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }

    /// <summary>
    /// Records DUO's decision for someone whose term ends on <paramref name="lastDayInForce"/>. Refused when the new last
    /// day does not come after it, when a reason does not fit the kind of decision, when "other" has no explanation or
    /// when the decision has no reference. The caller has checked the input and shows these as messages first.
    /// </summary>
    public static TermChange Record(Newcomer newcomer, DateOnly lastDayInForce, TermChangeKind kind, DateOnly decidedOn, DateOnly newLastDay,
        TermChangeReason reason, string? reasonText, string documentReference, string by, DateTimeOffset at)
    {
        if (newLastDay <= lastDayInForce)
        {
            throw new ArgumentException(NotLaterMessage(lastDayInForce), nameof(newLastDay));
        }
        if (!Fits(kind, reason))
        {
            throw new ArgumentException(MisfitMessage(kind), nameof(reason));
        }
        if (reason == TermChangeReason.Other && string.IsNullOrWhiteSpace(reasonText))
        {
            throw new ArgumentException("Bij de reden 'anders' hoort een toelichting.", nameof(reasonText));
        }
        ArgumentException.ThrowIfNullOrWhiteSpace(documentReference);
        return new TermChange(newcomer, kind, decidedOn, newLastDay, reason, reasonText, documentReference, by, at);
    }

    /// <summary>
    /// Whether DUO gives this reason for this kind of decision: an extension for effort, no blame or non-exempting
    /// education; a new term with a fine. "Other" fits both.
    /// </summary>
    public static bool Fits(TermChangeKind kind, TermChangeReason reason) => reason == TermChangeReason.Other
        || (kind == TermChangeKind.NewTerm) == (reason == TermChangeReason.FineImposed);

    public static string NotLaterMessage(DateOnly lastDayInForce) =>
        $"De nieuwe laatste dag moet na het huidige einde van de termijn liggen ({DutchFormat.Date(lastDayInForce)}).";

    public static string MisfitMessage(TermChangeKind kind) => kind == TermChangeKind.NewTerm
        ? "Een nieuwe termijn volgt op een boete: kies 'boete opgelegd' of 'anders'."
        : "Een boete gaat samen met een nieuwe termijn, niet met een verlenging: kies bij de soort 'nieuwe termijn'.";

    public TermChangeEntry Entry => new(Kind, DecidedOn, NewLastDay, Reason, ReasonText, DocumentReference, RecordedBy, RecordedAt);
}

/// <summary>A decision that moved the term's end, as the law's dates look at it.</summary>
public readonly record struct TermMove(DateOnly DecidedOn, DateTimeOffset RecordedAt, DateOnly NewLastDay)
{
    /// <summary>
    /// The one of DUO's decisions on the term that is in force: the latest by its decision date, then by when it was
    /// recorded; none when there are none.
    /// </summary>
    public static T? InForce<T>(IEnumerable<T> decisions, Func<T, (DateOnly DecidedOn, DateTimeOffset RecordedAt)> when) =>
        decisions.OrderBy(when).LastOrDefault();
}

/// <summary>One term change as pages show it.</summary>
public sealed record TermChangeEntry(TermChangeKind Kind, DateOnly DecidedOn, DateOnly NewLastDay, TermChangeReason Reason, string? ReasonText,
    string DocumentReference, string RecordedBy, DateTimeOffset RecordedAt)
{
    public string ReasonDutch => ReasonText is null ? Reason.Dutch() : Reason == TermChangeReason.Other ? ReasonText : $"{Reason.Dutch()}: {ReasonText}";
}

public static class TermChangeTexts
{
    public static string Dutch(this TermChangeKind value) => value switch
    {
        TermChangeKind.Extension => "verlenging",
        _ => "nieuwe termijn",
    };

    public static string Dutch(this TermChangeReason value) => value switch
    {
        TermChangeReason.ConsiderableEffort => "aantoonbaar voldoende inspanning geleverd",
        TermChangeReason.NotToBlame => "niet verwijtbaar (geen verwijt)",
        TermChangeReason.NonExemptingEducation => "niet-ontheffend onderwijs (zoals praktijkonderwijs of entree)",
        TermChangeReason.FineImposed => "boete opgelegd",
        _ => "anders",
    };
}

internal sealed class TermChangeMapping : IEntityTypeConfiguration<TermChange>
{
    public void Configure(EntityTypeBuilder<TermChange> builder)
    {
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.ReasonText).HasMaxLength(TermChange.ReasonTextMaxLength);
        builder.Property(t => t.DocumentReference).HasMaxLength(TermChange.DocumentReferenceMaxLength);
        builder.Property(t => t.RecordedBy).HasMaxLength(200);
        builder.Ignore(t => t.Entry);
        builder.HasIndex(t => new { t.NewcomerId, t.DecidedOn });
        builder.HasOne<Newcomer>().WithMany().HasForeignKey(t => t.NewcomerId).OnDelete(DeleteBehavior.Cascade);
    }
}
