using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Thuis.Web.Features.Dossiers;
using Thuis.Web.Features.Organisations;
using Thuis.Web.Platform.Changes;
using Thuis.Web.Platform.Localization;
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

/// <summary>
/// One day the newcomer was expected at the partner, and whether they came. A second entry for the same day changes
/// this one, and keeps what it said before so the change stays visible.
/// </summary>
public sealed class ReferralAttendance(DateOnly on, bool present)
{
    public DateOnly On { get; private set; } = on;

    public bool Present { get; private set; } = present;

    /// <summary>What this day said before it was changed; none when it was never changed.</summary>
    public bool? WasPresent { get; private set; }

    internal void Change(bool present)
    {
        if (present != Present)
        {
            WasPresent = Present;
            Present = present;
        }
    }
}

/// <summary>
/// Whether the organisation is to reach the newcomer, and which of their contact details the newcomer agreed to share
/// with it for this referral. Without that agreement the partner sees no phone number or e-mail address.
/// </summary>
public sealed record ContactSharing(bool ContactNeeded, bool SharePhone, bool ShareEmail)
{
    public static readonly ContactSharing Nothing = new(false, false, false);
}

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

    /// <summary>A referral on which the organisation does not reach out and no contact details are shared.</summary>
    public Referral(Proposal proposal, Consent consent, Organisation organisation, string? noteForPartner, DateOnly today)
    {
        Begin(proposal, consent, organisation, noteForPartner, today);
        What = proposal.What;
    }

    /// <summary>
    /// A referral with what the newcomer agreed about contact: the organisation reaches out only through a phone number
    /// or e-mail address the newcomer agreed to share and the dossier holds, and never one the person declined to share
    /// when they gave their consent themselves.
    /// </summary>
    public Referral(Proposal proposal, Consent consent, Organisation organisation, Newcomer newcomer, string? noteForPartner, ContactSharing contact, DateOnly today)
    {
        if (newcomer.Id != proposal.NewcomerId)
        {
            throw new ArgumentException("De persoon hoort niet bij dit voorstel.", nameof(newcomer));
        }
        if (ContactRefusals(contact, newcomer, organisation.Name).Values.Concat(consent.SharingRefusals(contact).Values).FirstOrDefault() is { } refusal)
        {
            throw new ArgumentException(refusal, nameof(contact));
        }
        Begin(proposal, consent, organisation, noteForPartner, today);
        What = proposal.What;
        ContactNeeded = contact.ContactNeeded;
        SharesPhone = contact.SharePhone;
        SharesEmail = contact.ShareEmail;
    }

    /// <summary>
    /// Why this agreement about contact cannot go with a referral, keyed by the <see cref="ContactSharing"/> part it is
    /// about: sharing a phone number or e-mail address the dossier does not hold, or asking the organisation to reach
    /// out without any way to reach the person. Empty when it can.
    /// </summary>
    public static IReadOnlyDictionary<string, string> ContactRefusals(ContactSharing contact, Newcomer newcomer, string organisationName)
    {
        var refusals = new Dictionary<string, string>();
        var hasPhone = !string.IsNullOrWhiteSpace(newcomer.Phone);
        var hasEmail = !string.IsNullOrWhiteSpace(newcomer.Email);
        if (contact.SharePhone && !hasPhone)
        {
            refusals[nameof(ContactSharing.SharePhone)] = "Er staat geen telefoonnummer in het dossier. Vul het eerst in bij de gegevens van de persoon.";
        }
        if (contact.ShareEmail && !hasEmail)
        {
            refusals[nameof(ContactSharing.ShareEmail)] = "Er staat geen e-mailadres in het dossier. Vul het eerst in bij de gegevens van de persoon.";
        }
        if (contact.ContactNeeded && !(contact.SharePhone && hasPhone) && !(contact.ShareEmail && hasEmail))
        {
            refusals[nameof(ContactSharing.ContactNeeded)] =
                $"{organisationName} neemt contact op, maar kan de persoon dan nergens bereiken: leg vast dat de persoon toestemming geeft om het telefoonnummer of het e-mailadres te delen, of kies dat de persoon zelf contact opneemt.";
        }
        return refusals;
    }

    private void Begin(Proposal proposal, Consent consent, Organisation organisation, string? noteForPartner, DateOnly today)
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
    /// <summary>The organisation reaches out to the newcomer, rather than the newcomer or case manager to the organisation.</summary>
    public bool ContactNeeded { get; private set; }
    /// <summary>The newcomer agreed to share their phone number with the organisation for this referral.</summary>
    public bool SharesPhone { get; private set; }
    /// <summary>The newcomer agreed to share their e-mail address with the organisation for this referral.</summary>
    public bool SharesEmail { get; private set; }
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

    /// <summary>Per date, the earliest first (kept in the order recorded, so an entry is changed in place).</summary>
    public IReadOnlyList<ReferralAttendance> Attendance => [.. _attendance.OrderBy(a => a.On)];

    /// <summary>The day, when attendance for it is already recorded: recording it again changes that entry.</summary>
    public DateOnly? RecordedDay(DateOnly on) => _attendance.Exists(a => a.On == on) ? on : null;

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

    /// <summary>Months after the start from which "still going" can be recorded: calendar months, so 31 May gives 31 August and 30 November 28 February.</summary>
    public const int StillGoingAfterMonths = 3;

    /// <summary>The first day on which "doet na drie maanden nog mee" can be recorded; none before the start.</summary>
    public DateOnly? StillGoingPossibleFrom => StartedOn?.AddMonths(StillGoingAfterMonths);

    /// <summary>Why this outcome cannot be recorded on that day; null when it can. <see cref="End"/> refuses the same.</summary>
    public string? CannotRecordOutcome(ReferralOutcome outcome, DateOnly on) =>
        outcome == ReferralOutcome.StillGoingAtThreeMonths && StillGoingPossibleFrom is { } from && on < from
            ? $"‘{ReferralOutcome.StillGoingAtThreeMonths.Dutch()}’ kan pas vanaf {DutchFormat.Date(from)}: drie maanden na de start op {DutchFormat.Date(StartedOn!.Value)}. Tot dan loopt de verwijzing door, of kiest u ‘{ReferralOutcome.Stopped.Dutch()}’."
            : null;

    /// <summary>Why the end cannot be recorded with this note; null when it can.</summary>
    public static string? CannotEndWithNote(ReferralOutcome outcome, string? note) =>
        outcome == ReferralOutcome.Stopped && string.IsNullOrWhiteSpace(note) ? "Schrijf op waarom het gestopt is." : null;

    public void Start(DateOnly on)
    {
        if (on < AnsweredOn)
        {
            throw new ArgumentException(StartBeforeAnswer, nameof(on));
        }
        Move(ReferralState.Accepted, ReferralState.Started, () => StartedOn = on);
    }

    /// <summary>Records whether the newcomer came on a day; a day already recorded is changed, keeping what it said before.</summary>
    public void RecordAttendance(DateOnly on, bool present)
    {
        if (State != ReferralState.Started || on < StartedOn)
        {
            throw new InvalidOperationException(AttendanceOnlyWhileRunning);
        }
        if (_attendance.Find(a => a.On == on) is { } earlier)
        {
            earlier.Change(present);
        }
        else
        {
            _attendance.Add(new ReferralAttendance(on, present));
        }
        Version = Guid.NewGuid();
    }

    public void End(DateOnly on, ReferralOutcome outcome, string? note)
    {
        if (CannotEndWithNote(outcome, note) is { } noteRefusal)
        {
            throw new ArgumentException(noteRefusal, nameof(note));
        }
        if (on < StartedOn)
        {
            throw new ArgumentException(EndBeforeStart, nameof(on));
        }
        if (CannotRecordOutcome(outcome, on) is { } outcomeRefusal)
        {
            throw new ArgumentException(outcomeRefusal, nameof(outcome));
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

    /// <summary>
    /// Who put the answer into Thuis, for the case manager: "beantwoord door Amina zelf op 6 december 2026", or
    /// "vastgelegd door Karin Klantregisseur op …"; empty for an answer recorded before this was kept.
    /// </summary>
    public static string WhoAnswered(this Proposal proposal) =>
        proposal.AnsweredBy is not { } name ? ""
            : proposal.AnsweredThemselves ? $"beantwoord door {name} zelf op {When(proposal.AnsweredAt, proposal.AnsweredOn)}"
            : $"vastgelegd door {name} op {When(proposal.AnsweredAt, proposal.AnsweredOn)}";

    /// <summary>Who gave the consent and who withdrew it, for the case manager: "gegeven door Amina zelf op …".</summary>
    public static string WhoGave(this Consent consent) =>
        (consent.GivenThemselves ? $"gegeven door {consent.RecordedBy} zelf op " : $"gegeven op ") + When(consent.GivenAt, consent.GivenOn)
        + (consent.GivenThemselves ? "" : $", vastgelegd door {consent.RecordedBy}");

    /// <summary>"ingetrokken door Amina zelf op …", "ingetrokken op …", or empty while it was not withdrawn.</summary>
    public static string WhoWithdrew(this Consent consent) => consent.WithdrawnOn is not { } on ? ""
        : consent.WithdrawnThemselves ? $"ingetrokken door {consent.WithdrawnBy} zelf op {When(consent.WithdrawnAt, on)}"
        : consent.WithdrawnBy is { } name ? $"ingetrokken door {name} op {When(consent.WithdrawnAt, on)}"
        : $"ingetrokken op {DutchFormat.Date(on)}";

    /// <summary>What the person agreed themselves about their phone number and e-mail address; empty when that is agreed at the referral.</summary>
    public static string OwnContactChoice(this Consent consent) => (consent.SharesPhone, consent.SharesEmail) switch
    {
        (null, null) => "",
        (true, true) => "telefoonnummer en e-mailadres delen",
        (true, _) => "telefoonnummer delen, e-mailadres niet",
        (_, true) => "e-mailadres delen, telefoonnummer niet",
        _ => "geen telefoonnummer of e-mailadres delen",
    };

    private static string When(DateTimeOffset? at, DateOnly? on) =>
        at is { } instant ? DutchFormat.DateTime(instant) : on is { } day ? DutchFormat.Date(day) : "onbekende datum";

    public static string Dutch(this ReferralOutcome value) => value switch
    {
        ReferralOutcome.StillGoingAtThreeMonths => "doet na drie maanden nog mee",
        _ => "gestopt",
    };

    public static string Dutch(this ReferralAttendance day) =>
        (day.Present ? "aanwezig" : "afwezig") + (day.WasPresent is { } was ? $" (aangepast; eerst {(was ? "aanwezig" : "afwezig")})" : "");

    /// <summary>Who reaches out first, in words for the referral page.</summary>
    public static string FirstContact(this Referral referral, string organisation) =>
        referral.ContactNeeded ? $"{organisation} neemt contact op met de persoon" : "De persoon of de klantregisseur neemt zelf contact op";

    /// <summary>Which contact details the person agreed to share with the organisation.</summary>
    public static string ContactConsent(this Referral referral, string organisation) => (referral.SharesPhone, referral.SharesEmail) switch
    {
        (true, true) => $"telefoonnummer en e-mailadres delen met {organisation}",
        (true, false) => $"telefoonnummer delen met {organisation}",
        (false, true) => $"e-mailadres delen met {organisation}",
        _ => $"geen telefoonnummer of e-mailadres delen met {organisation}",
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
