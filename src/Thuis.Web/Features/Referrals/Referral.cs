using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Thuis.Web.Features.Dossiers;
using Thuis.Web.Features.Organisations;
using Thuis.Web.Platform.Changes;
using Thuis.Web.Platform.Tenancy;

namespace Thuis.Web.Features.Referrals;

public enum ReferralState
{
    Proposed,
    Sent,
    Accepted,
    Declined,
    Started,
    Ended,
}

public enum ReferralOutcome
{
    /// <summary>Still taking part three months after starting: the referral worked.</summary>
    StillGoingAtThreeMonths,
    Stopped,
}

/// <summary>One day the newcomer was expected at the partner, and whether they came.</summary>
public sealed record ReferralAttendance(DateOnly On, bool Present);

/// <summary>
/// A warm referral to a partner organisation, made only from a proposal the newcomer said yes to, with their consent
/// still valid. The partner answers, records the start and attendance, and how it ended.
/// </summary>
public sealed class Referral : IMunicipalityOwned, IPersonData
{
    private readonly List<ReferralAttendance> _attendance = [];

    private Referral()
    {
        What = "";
    }

    public Referral(Proposal proposal, Consent consent, Organisation organisation, string? noteForPartner, DateOnly today)
    {
        if (proposal.Answer != NewcomerAnswer.Yes || consent.ProposalId != proposal.Id)
        {
            throw new InvalidOperationException("Zonder vastgelegd ja van de persoon wordt niemand doorverwezen.");
        }
        if (!consent.IsValidOn(today))
        {
            throw new InvalidOperationException("De toestemming is verlopen of ingetrokken; vraag opnieuw toestemming.");
        }
        if (!organisation.IsPartner || organisation.Id != proposal.OrganisationId)
        {
            throw new InvalidOperationException("Alleen een partnerorganisatie kan een verwijzing ontvangen.");
        }
        Id = Guid.CreateVersion7();
        MunicipalityId = proposal.MunicipalityId;
        NewcomerId = proposal.NewcomerId;
        ProposalId = proposal.Id;
        ConsentId = consent.Id;
        OrganisationId = organisation.Id;
        What = proposal.What;
        NoteForPartner = string.IsNullOrWhiteSpace(noteForPartner) ? null : noteForPartner.Trim();
        State = ReferralState.Proposed;
        CreatedOn = today;
        Version = Guid.NewGuid();
    }

    public Guid Id { get; private set; }
    public Guid MunicipalityId { get; private set; }
    public Guid NewcomerId { get; private set; }
    public Guid ProposalId { get; private set; }
    public Guid ConsentId { get; private set; }
    public Guid OrganisationId { get; private set; }
    public string What { get; private set; }
    public string? NoteForPartner { get; private set; }
    public ReferralState State { get; private set; }
    public DateOnly CreatedOn { get; private set; }
    public DateOnly? SentOn { get; private set; }
    public DateOnly? AnsweredOn { get; private set; }
    public string? DeclineReason { get; private set; }
    public DateOnly? StartedOn { get; private set; }
    public DateOnly? EndedOn { get; private set; }
    public ReferralOutcome? Outcome { get; private set; }
    public string? EndNote { get; private set; }
    public Guid Version { get; private set; }

    public IReadOnlyList<ReferralAttendance> Attendance => _attendance;

    /// <summary>Sent and not yet answered by the partner after this many days: visible as waiting too long.</summary>
    public const int AnswerWithinDays = 10;

    public bool IsWaitingTooLong(DateOnly today) =>
        State == ReferralState.Sent && SentOn is { } sent && today.DayNumber - sent.DayNumber > AnswerWithinDays;

    public void Send(DateOnly today) => Move(ReferralState.Proposed, ReferralState.Sent, () => SentOn = today);

    public void Accept(DateOnly today) => Move(ReferralState.Sent, ReferralState.Accepted, () => AnsweredOn = today);

    public void Decline(DateOnly today, string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        Move(ReferralState.Sent, ReferralState.Declined, () =>
        {
            AnsweredOn = today;
            DeclineReason = reason.Trim();
        });
    }

    /// <summary>Why the partner cannot accept now; null when they can. <see cref="Accept"/> refuses the same.</summary>
    public string? CannotAccept() => CannotMove(ReferralState.Sent, ReferralState.Accepted);

    public string? CannotDecline() => CannotMove(ReferralState.Sent, ReferralState.Declined);

    public string? CannotStart(DateOnly on) => on < AnsweredOn ? StartBeforeAnswer : CannotMove(ReferralState.Accepted, ReferralState.Started);

    public string? CannotRecordAttendance(DateOnly on) => State != ReferralState.Started || on < StartedOn ? AttendanceOnlyWhileRunning : null;

    public string? CannotEnd(DateOnly on) => on < StartedOn ? EndBeforeStart : CannotMove(ReferralState.Started, ReferralState.Ended);

    public void Start(DateOnly on)
    {
        if (on < AnsweredOn)
        {
            throw new ArgumentException(StartBeforeAnswer, nameof(on));
        }
        Move(ReferralState.Accepted, ReferralState.Started, () => StartedOn = on);
    }

    public void RecordAttendance(DateOnly on, bool present)
    {
        if (State != ReferralState.Started || on < StartedOn)
        {
            throw new InvalidOperationException(AttendanceOnlyWhileRunning);
        }
        _attendance.RemoveAll(a => a.On == on);
        _attendance.Add(new ReferralAttendance(on, present));
        _attendance.Sort((a, b) => a.On.CompareTo(b.On));
        Version = Guid.NewGuid();
    }

    public void End(DateOnly on, ReferralOutcome outcome, string? note)
    {
        if (outcome == ReferralOutcome.Stopped && string.IsNullOrWhiteSpace(note))
        {
            throw new ArgumentException("Schrijf op waarom het gestopt is.", nameof(note));
        }
        if (on < StartedOn)
        {
            throw new ArgumentException(EndBeforeStart, nameof(on));
        }
        Move(ReferralState.Started, ReferralState.Ended, () =>
        {
            EndedOn = on;
            Outcome = outcome;
            EndNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        });
    }

    private const string StartBeforeAnswer = "De start ligt vóór het antwoord op de verwijzing.";
    private const string AttendanceOnlyWhileRunning = "Aanwezigheid telt vanaf de start, zolang de verwijzing loopt.";
    private const string EndBeforeStart = "Het einde ligt vóór de start.";

    private string? CannotMove(ReferralState from, ReferralState to) =>
        State == from ? null : $"Een verwijzing die {State.Dutch()} is, kan niet {to.Dutch()} worden.";

    private void Move(ReferralState from, ReferralState to, Action apply)
    {
        if (CannotMove(from, to) is { } refusal)
        {
            throw new InvalidOperationException(refusal);
        }
        apply();
        State = to;
        Version = Guid.NewGuid();
    }
}

public static class ReferralTexts
{
    public static string Dutch(this ReferralState value) => value switch
    {
        ReferralState.Proposed => "klaargezet",
        ReferralState.Sent => "verstuurd",
        ReferralState.Accepted => "geaccepteerd",
        ReferralState.Declined => "afgewezen",
        ReferralState.Started => "gestart",
        _ => "beëindigd",
    };

    public static string Dutch(this NewcomerAnswer value) => value switch
    {
        NewcomerAnswer.Pending => "nog geen antwoord",
        NewcomerAnswer.Yes => "ja",
        NewcomerAnswer.No => "nee",
        _ => "niet nu",
    };

    public static string Dutch(this ReferralOutcome value) => value switch
    {
        ReferralOutcome.StillGoingAtThreeMonths => "doet na drie maanden nog mee",
        _ => "gestopt",
    };

    public static string Dutch(this TargetKind value) => value switch
    {
        TargetKind.Offer => "aanbod",
        TargetKind.Volunteer => "vrijwilliger",
        TargetKind.Intervention => "interventie",
        _ => "anders",
    };
}

internal sealed class ReferralMapping : IEntityTypeConfiguration<Referral>
{
    public void Configure(EntityTypeBuilder<Referral> builder)
    {
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.What).HasMaxLength(300);
        builder.Property(r => r.NoteForPartner).HasMaxLength(1000);
        builder.Property(r => r.DeclineReason).HasMaxLength(1000);
        builder.Property(r => r.EndNote).HasMaxLength(1000);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.OwnsMany(r => r.Attendance, a => a.ToJson());
        builder.Navigation(r => r.Attendance).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasIndex(r => new { r.MunicipalityId, r.OrganisationId, r.State });
        builder.HasIndex(r => r.ProposalId).IsUnique();
        builder.HasOne<Newcomer>().WithMany().HasForeignKey(r => r.NewcomerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(r => r.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Proposal>().WithMany().HasForeignKey(r => r.ProposalId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Consent>().WithMany().HasForeignKey(r => r.ConsentId).OnDelete(DeleteBehavior.Restrict);
    }
}
