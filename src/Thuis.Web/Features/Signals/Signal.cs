using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Thuis.Web.Features.Dossiers;
using Thuis.Web.Platform.Changes;
using Thuis.Web.Platform.Tenancy;

namespace Thuis.Web.Features.Signals;

/// <summary>The rule that raised a signal; one open signal per rule, person and subject.</summary>
public enum SignalKind
{
    PipDeadline,
    PvtStart,
    ProgressMeetingDue,
    IntegrationTermEnding,
    Attendance,
    Stagnation,
    Isolation,
    OverAsked,
    ReferralUnanswered,
    DebtsWithoutHelp,
    NotNowEnded,
    IntakeInvitation,
    MilestoneBehind,
    /// <summary>The newcomer said in their own Thuis that a step is not going well.</summary>
    StepConcern,
    /// <summary>The newcomer withdrew a consent in their own Thuis.</summary>
    ConsentWithdrawn,
    /// <summary>The newcomer answered "Hoe gaat het?" about an activity unhappily, or does not want to go on.</summary>
    ActivityNotGoingWell,
    /// <summary>The newcomer asked in their own Thuis to correct their data (AVG art. 16); answered within a month.</summary>
    CorrectionAsked,
    /// <summary>Ontzorgen ends within four weeks, or has ended, and the bills' hand-back is not planned.</summary>
    OntzorgenHandBack,
    /// <summary>The law's six months of ontzorgen would not be met.</summary>
    OntzorgenBelowLaw,
    /// <summary>A landlord, energy or water company or health insurer reported payment arrears (vroegsignalering, Wgs).</summary>
    PaymentArrears,
    /// <summary>The person is new in a neighbourhood that had no draagvlak activity in the last months.</summary>
    QuietNeighbourhood,
    /// <summary>A volunteer said "ik maak me zorgen" about the person they are matched with, in their own words.</summary>
    VolunteerConcern,
    /// <summary>A volunteer and the person they are matched with logged no meeting for N weeks.</summary>
    MatchGoneQuiet,
}

public enum SignalState
{
    Open,
    Acknowledged,
    Snoozed,
    Escalated,
    /// <summary>Handled by the case manager, with a note.</summary>
    Resolved,
    /// <summary>Closed by the evaluation because its cause is gone.</summary>
    Closed,
}

public enum EscalatedTo
{
    Coordinator,
    ProfessionalHelp,
}

/// <summary>Who needs attention and why: raised by a rule over the data Thuis has, handled by the case manager.</summary>
public sealed class Signal : IMunicipalityOwned, IPersonData
{
    public const int MostUrgent = 1;
    public const int LeastUrgent = 3;

    private Signal()
    {
        Reason = NextAction = "";
    }

    public Signal(Guid municipalityId, Guid newcomerId, SignalKind kind, Guid? subjectId, int urgency, string reason, string nextAction,
        DateOnly since, DateOnly today)
    {
        Id = Guid.CreateVersion7();
        MunicipalityId = municipalityId;
        NewcomerId = newcomerId;
        Kind = kind;
        SubjectId = subjectId;
        RaisedOn = today;
        State = SignalState.Open;
        Reason = NextAction = "";
        Describe(urgency, reason, nextAction, since);
    }

    public Guid Id { get; private set; }
    public Guid MunicipalityId { get; private set; }
    public Guid NewcomerId { get; private set; }
    public SignalKind Kind { get; private set; }

    /// <summary>What the signal is about when a person can have several causes of one kind (a referral, a plan).</summary>
    public Guid? SubjectId { get; private set; }

    /// <summary>The day Thuis raised it.</summary>
    public DateOnly RaisedOn { get; private set; }

    /// <summary>The day the situation began, from the data (a deadline's warning period, the first missed lesson).</summary>
    public DateOnly Since { get; private set; }

    /// <summary>1 = today, 2 = this week, 3 = this month.</summary>
    public int Urgency { get; private set; }

    /// <summary>Why, in plain Dutch ("Heeft de laatste 4 lessen gemist zonder bericht").</summary>
    public string Reason { get; private set; }

    /// <summary>What to do about it, in plain Dutch ("Bel Yonas en vraag hoe het gaat").</summary>
    public string NextAction { get; private set; }

    public SignalState State { get; private set; }
    public DateOnly? SnoozedUntil { get; private set; }
    public EscalatedTo? EscalatedTo { get; private set; }

    /// <summary>The organisation of the social map professional help was proposed from.</summary>
    public Guid? EscalatedToOrganisationId { get; private set; }

    public string? Note { get; private set; }
    public string? HandledBy { get; private set; }
    public DateOnly? HandledOn { get; private set; }

    /// <summary>The day the signal stopped being open: resolved by a person or closed because its cause is gone.</summary>
    public DateOnly? ClosedOn { get; private set; }

    /// <summary>Changes with every edit, so an action based on an older page is refused.</summary>
    public Guid Version { get; private set; }

    public bool IsOpen => State is not (SignalState.Resolved or SignalState.Closed);

    /// <summary>Whether it asks for attention today: open, and not snoozed past today.</summary>
    public bool NeedsAttention(DateOnly today) => IsOpen && !(State == SignalState.Snoozed && SnoozedUntil > today);

    /// <summary>
    /// The rule found the same cause again: its wording, urgency and start follow the data (days left shrink). A snoozed
    /// signal whose urgency rises (its deadline came or passed) asks for attention again at once.
    /// </summary>
    public void Describe(int urgency, string reason, string nextAction, DateOnly since)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(urgency, MostUrgent);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(urgency, LeastUrgent);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        ArgumentException.ThrowIfNullOrWhiteSpace(nextAction);
        if (Urgency == urgency && Reason == reason && NextAction == nextAction && Since == since)
        {
            return;
        }
        if (State == SignalState.Snoozed && Urgency != 0 && urgency < Urgency)
        {
            State = SignalState.Open;
            SnoozedUntil = null;
        }
        (Urgency, Reason, NextAction, Since) = (urgency, reason.Trim(), nextAction.Trim(), since);
        Touch();
    }

    /// <summary>Whether a situation of this urgency is worse than what this signal was resolved at: then it comes back.</summary>
    public bool IsEscalatedBy(int urgency) => urgency < Urgency;

    public void Acknowledge(string by, DateOnly today)
    {
        EnsureOpen();
        State = SignalState.Acknowledged;
        SnoozedUntil = null;
        Handled(by, today);
    }

    public void Snooze(DateOnly until, string by, DateOnly today)
    {
        EnsureOpen();
        if (until <= today)
        {
            throw new ArgumentException("Kies een datum na vandaag.", nameof(until));
        }
        State = SignalState.Snoozed;
        SnoozedUntil = until;
        Handled(by, today);
    }

    public void Resolve(string note, string by, DateOnly today)
    {
        EnsureOpen();
        ArgumentException.ThrowIfNullOrWhiteSpace(note);
        State = SignalState.Resolved;
        SnoozedUntil = null;
        Note = note.Trim();
        ClosedOn = today;
        Handled(by, today);
    }

    public void Escalate(EscalatedTo to, Guid? organisationId, string? note, string by, DateOnly today)
    {
        EnsureOpen();
        if (to == Signals.EscalatedTo.ProfessionalHelp && organisationId is null)
        {
            throw new ArgumentException("Kies de organisatie voor professionele hulp.", nameof(organisationId));
        }
        State = SignalState.Escalated;
        SnoozedUntil = null;
        EscalatedTo = to;
        EscalatedToOrganisationId = to == Signals.EscalatedTo.ProfessionalHelp ? organisationId : null;
        Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        Handled(by, today);
    }

    /// <summary>A snooze whose date has come: the signal asks for attention again.</summary>
    public void WakeUp(DateOnly today)
    {
        if (State == SignalState.Snoozed && SnoozedUntil <= today)
        {
            State = SignalState.Open;
            SnoozedUntil = null;
            Touch();
        }
    }

    /// <summary>The cause is gone (the plan was fixed, the partner answered): nothing left to do.</summary>
    public void CloseBecauseCauseIsGone(DateOnly today)
    {
        EnsureOpen();
        State = SignalState.Closed;
        ClosedOn = today;
        Touch();
    }

    private void Handled(string by, DateOnly today)
    {
        HandledBy = by;
        HandledOn = today;
        Touch();
    }

    private void EnsureOpen()
    {
        if (!IsOpen)
        {
            throw new InvalidOperationException("Dit signaal is al afgehandeld.");
        }
    }

    private void Touch() => Version = Guid.NewGuid();
}

internal sealed class SignalMapping : IEntityTypeConfiguration<Signal>
{
    public void Configure(EntityTypeBuilder<Signal> builder)
    {
        builder.Property(s => s.Reason).HasMaxLength(500);
        builder.Property(s => s.NextAction).HasMaxLength(500);
        builder.Property(s => s.Note).HasMaxLength(2000);
        builder.Property(s => s.HandledBy).HasMaxLength(450);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.Ignore(s => s.IsOpen);
        builder.HasIndex(s => new { s.MunicipalityId, s.NewcomerId, s.Kind });
        builder.HasIndex(s => new { s.MunicipalityId, s.ClosedOn });
        // One open signal per person, kind and subject, whichever node raises it (EvaluateSignals looks again when refused).
        builder.HasIndex(s => new { s.MunicipalityId, s.NewcomerId, s.Kind, s.SubjectId }, "IX_Signals_OneOpen")
            .IsUnique().HasFilter("\"ClosedOn\" IS NULL").AreNullsDistinct(false);
        builder.HasOne<Newcomer>().WithMany().HasForeignKey(s => s.NewcomerId).OnDelete(DeleteBehavior.Cascade);
    }
}
