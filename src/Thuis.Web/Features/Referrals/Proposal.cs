using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Thuis.Web.Features.Dossiers;
using Thuis.Web.Features.Organisations;
using Thuis.Web.Platform.Changes;
using Thuis.Web.Platform.Tenancy;

namespace Thuis.Web.Features.Referrals;

public enum TargetKind
{
    Offer,
    Volunteer,
    Intervention,
    Other,
}

/// <summary>The newcomer's own answer to a proposal; nobody is referred without a yes.</summary>
public enum NewcomerAnswer
{
    Pending,
    Yes,
    No,
    /// <summary>"Niet nu": not refused, but not now either.</summary>
    NotNow,
}

/// <summary>What a matching suggestion scored, kept with the proposal made from it.</summary>
public sealed record MatchMark(double Score, string RulesVersion);

/// <summary>
/// Who put an answer, a consent or its withdrawal into Thuis, and when: the person themselves in their own Thuis (their
/// first name), or a member of staff for them (their name).
/// </summary>
public sealed record ByWhom(string Name, bool Themselves, DateTimeOffset At)
{
    public static ByWhom Person(string firstName, DateTimeOffset at) => new(firstName, true, at);

    public static ByWhom Staff(string name, DateTimeOffset at) => new(name, false, at);
}

/// <summary>
/// Something that may fit a newcomer — an offer, a volunteer, an intervention — put to them by their case manager,
/// with the reasons it was suggested. It waits for the newcomer's own answer.
/// </summary>
public sealed class Proposal : IMunicipalityOwned, IPersonData
{
    public const int MaxWhatLength = 300;

    private Proposal()
    {
        What = ProposedBy = "";
    }

    public Proposal(Newcomer newcomer, TargetKind kind, Guid? targetId, string what, Guid? organisationId, string? reasons,
        string proposedBy, DateTimeOffset proposedAt, DateOnly today, MatchMark? match = null)
    {
        if (newcomer.AsksNotNow(today))
        {
            throw new InvalidOperationException("Iemand die ‘niet nu’ heeft gevraagd, krijgt geen voorstellen.");
        }
        ArgumentException.ThrowIfNullOrWhiteSpace(what);
        Id = Guid.CreateVersion7();
        MunicipalityId = newcomer.MunicipalityId;
        NewcomerId = newcomer.Id;
        Kind = kind;
        TargetId = targetId;
        What = what.Trim();
        OrganisationId = organisationId;
        Reasons = string.IsNullOrWhiteSpace(reasons) ? null : reasons.Trim();
        ProposedBy = proposedBy;
        ProposedAt = proposedAt;
        Answer = NewcomerAnswer.Pending;
        MatchScore = match?.Score;
        MatchRulesVersion = match?.RulesVersion;
        Version = Guid.NewGuid();
    }

    public Guid Id { get; private set; }
    public Guid MunicipalityId { get; private set; }
    public Guid NewcomerId { get; private set; }
    public TargetKind Kind { get; private set; }
    /// <summary>The offer, volunteer or intervention proposed, when it is one the municipality keeps.</summary>
    public Guid? TargetId { get; private set; }
    public string What { get; private set; }
    /// <summary>The organisation that would receive the referral.</summary>
    public Guid? OrganisationId { get; private set; }
    /// <summary>Why it was proposed, in words the newcomer and case manager understand.</summary>
    public string? Reasons { get; private set; }
    public string ProposedBy { get; private set; }
    public DateTimeOffset ProposedAt { get; private set; }
    /// <summary>The matching score when the proposal came from a suggestion, so the step from suggestion to proposal can be counted.</summary>
    public double? MatchScore { get; private set; }
    /// <summary>Which version of the matching rules gave that score.</summary>
    public string? MatchRulesVersion { get; private set; }
    public NewcomerAnswer Answer { get; private set; }
    public DateOnly? AnsweredOn { get; private set; }
    /// <summary>The moment the answer was put into Thuis; none for answers recorded before this was kept.</summary>
    public DateTimeOffset? AnsweredAt { get; private set; }
    /// <summary>Who put the answer into Thuis: the person's first name, or the staff member's name.</summary>
    public string? AnsweredBy { get; private set; }
    /// <summary>The person answered themselves, in their own Thuis.</summary>
    public bool AnsweredThemselves { get; private set; }
    public string? AnswerNote { get; private set; }
    /// <summary>After "niet nu": until this day (inclusive) the offer — or every offer of its kind — is not suggested again.</summary>
    public DateOnly? NotNowUntil { get; private set; }
    /// <summary>After "niet nu" for a whole kind: the kind as the matching pool names it ("Activity", "Volunteer.Buddy"); none means this offer only.</summary>
    public string? NotNowKind { get; private set; }
    /// <summary>For a yes without a partner to refer to: who arranged it (the volunteer centre, a neighbour, the case manager).</summary>
    public string? ArrangedBy { get; private set; }
    public DateOnly? ArrangedStartedOn { get; private set; }
    /// <summary>When it stopped; none while it still goes on.</summary>
    public DateOnly? ArrangedEndedOn { get; private set; }
    public Guid Version { get; private set; }

    /// <summary>
    /// What happened after a yes to something no partner organisation can receive a referral for: who arranged it,
    /// when it started, and whether it still goes on — so it counts, instead of ending at "arrange it yourself".
    /// </summary>
    public void RecordArrangement(string arrangedBy, DateOnly startedOn, DateOnly? endedOn)
    {
        if (Answer != NewcomerAnswer.Yes)
        {
            throw new InvalidOperationException("Alleen wat de persoon met ja heeft beantwoord, wordt geregeld.");
        }
        ArgumentException.ThrowIfNullOrWhiteSpace(arrangedBy);
        if (endedOn is { } ended && ended < startedOn)
        {
            throw new ArgumentException("Het kan niet stoppen voordat het begon.", nameof(endedOn));
        }
        ArrangedBy = arrangedBy.Trim();
        ArrangedStartedOn = startedOn;
        ArrangedEndedOn = endedOn;
        Version = Guid.NewGuid();
    }

    /// <summary>Still waiting for the newcomer's answer.</summary>
    public bool IsWaiting => Answer == NewcomerAnswer.Pending;

    /// <summary>Records the newcomer's answer. A yes comes with their consent, recorded beside it.</summary>
    public void RecordAnswer(NewcomerAnswer answer, DateOnly on, string? note) => RecordAnswer(answer, on, note, null, null);

    /// <summary>
    /// Records the newcomer's answer; with "niet nu", until when they do not want this offer (or, with
    /// <paramref name="notNowKind"/>, anything of its kind) suggested again. <paramref name="by"/> says who put it into
    /// Thuis and when: the person themselves, or staff for them.
    /// </summary>
    public void RecordAnswer(NewcomerAnswer answer, DateOnly on, string? note, DateOnly? notNowUntil, string? notNowKind, ByWhom? by = null)
    {
        if (notNowUntil is { } until && (answer != NewcomerAnswer.NotNow || until < on))
        {
            throw new ArgumentException("Een periode hoort bij ‘niet nu’ en eindigt niet vóór vandaag.", nameof(notNowUntil));
        }
        if (answer == NewcomerAnswer.Pending)
        {
            throw new ArgumentException("Een antwoord is ja, nee of niet nu.", nameof(answer));
        }
        if (Answer == NewcomerAnswer.Yes)
        {
            throw new InvalidOperationException("Op dit voorstel is al ja gezegd; trek zo nodig de toestemming in.");
        }
        Answer = answer;
        AnsweredOn = on;
        AnsweredAt = by?.At;
        AnsweredBy = by?.Name;
        AnsweredThemselves = by?.Themselves ?? false;
        AnswerNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        NotNowUntil = notNowUntil;
        NotNowKind = notNowUntil is null ? null : notNowKind;
        Version = Guid.NewGuid();
    }
}

/// <summary>
/// The newcomer's consent to share what a referral needs with one organisation, for one purpose, until a date (AVG).
/// </summary>
public sealed class Consent : IMunicipalityOwned, IPersonData
{
    private Consent()
    {
        Purpose = RecordedBy = "";
    }

    public Consent(Proposal proposal, string purpose, DateOnly givenOn, DateOnly expiresOn, string recordedBy)
    {
        if (proposal.Answer != NewcomerAnswer.Yes)
        {
            throw new InvalidOperationException("Toestemming hoort bij een voorstel waarop de persoon ja heeft gezegd.");
        }
        ArgumentException.ThrowIfNullOrWhiteSpace(purpose);
        if (expiresOn < givenOn)
        {
            throw new ArgumentException("De toestemming kan niet verlopen voordat ze is gegeven.", nameof(expiresOn));
        }
        Id = Guid.CreateVersion7();
        MunicipalityId = proposal.MunicipalityId;
        NewcomerId = proposal.NewcomerId;
        ProposalId = proposal.Id;
        Purpose = purpose.Trim();
        GivenOn = givenOn;
        ExpiresOn = expiresOn;
        RecordedBy = recordedBy;
    }

    /// <summary>
    /// A consent with who gave it and when. The person who gives it themselves also says whether the organisation may
    /// have their phone number and e-mail address; staff leave that to the referral (<paramref name="sharesPhone"/> and
    /// <paramref name="sharesEmail"/> null).
    /// </summary>
    public Consent(Proposal proposal, string purpose, DateOnly givenOn, DateOnly expiresOn, ByWhom by, bool? sharesPhone = null, bool? sharesEmail = null)
        : this(proposal, purpose, givenOn, expiresOn, by.Name)
    {
        GivenThemselves = by.Themselves;
        GivenAt = by.At;
        SharesPhone = sharesPhone;
        SharesEmail = sharesEmail;
    }

    public Guid Id { get; private set; }
    public Guid MunicipalityId { get; private set; }
    public Guid NewcomerId { get; private set; }
    public Guid ProposalId { get; private set; }
    public string Purpose { get; private set; }
    public DateOnly GivenOn { get; private set; }
    public DateOnly ExpiresOn { get; private set; }
    public string RecordedBy { get; private set; }
    /// <summary>The moment it was put into Thuis; none for consents recorded before this was kept.</summary>
    public DateTimeOffset? GivenAt { get; private set; }
    /// <summary>The person gave it themselves, in their own Thuis.</summary>
    public bool GivenThemselves { get; private set; }
    /// <summary>Whether the person agreed to share their phone number with the organisation; none when that is agreed at the referral.</summary>
    public bool? SharesPhone { get; private set; }
    /// <summary>Whether the person agreed to share their e-mail address with the organisation; none when that is agreed at the referral.</summary>
    public bool? SharesEmail { get; private set; }
    public DateOnly? WithdrawnOn { get; private set; }
    public DateTimeOffset? WithdrawnAt { get; private set; }
    /// <summary>Who withdrew it: the person's first name, or the staff member's name.</summary>
    public string? WithdrawnBy { get; private set; }
    /// <summary>The person withdrew it themselves, in their own Thuis.</summary>
    public bool WithdrawnThemselves { get; private set; }

    public bool IsValidOn(DateOnly day) => WithdrawnOn is null && GivenOn <= day && day <= ExpiresOn;

    public void Withdraw(DateOnly on) => WithdrawnOn ??= on;

    /// <summary>Withdraws it from this day on, with who did it; a consent withdrawn earlier stays withdrawn as it was.</summary>
    public void Withdraw(DateOnly on, ByWhom by)
    {
        if (WithdrawnOn is not null)
        {
            return;
        }
        WithdrawnOn = on;
        WithdrawnAt = by.At;
        WithdrawnBy = by.Name;
        WithdrawnThemselves = by.Themselves;
    }

    /// <summary>
    /// What a referral may not share because the person said no to it themselves, keyed by the
    /// <see cref="ContactSharing"/> part it is about. Empty when the referral keeps to what the person agreed.
    /// </summary>
    public IReadOnlyDictionary<string, string> SharingRefusals(ContactSharing contact)
    {
        var refusals = new Dictionary<string, string>();
        if (contact.SharePhone && SharesPhone == false)
        {
            refusals[nameof(ContactSharing.SharePhone)] = "De persoon heeft zelf gekozen het telefoonnummer niet te delen.";
        }
        if (contact.ShareEmail && SharesEmail == false)
        {
            refusals[nameof(ContactSharing.ShareEmail)] = "De persoon heeft zelf gekozen het e-mailadres niet te delen.";
        }
        return refusals;
    }
}

internal sealed class ProposalMapping : IEntityTypeConfiguration<Proposal>
{
    public void Configure(EntityTypeBuilder<Proposal> builder)
    {
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.What).HasMaxLength(Proposal.MaxWhatLength);
        builder.Property(p => p.Reasons).HasMaxLength(2000);
        builder.Property(p => p.ProposedBy).HasMaxLength(200);
        builder.Property(p => p.AnswerNote).HasMaxLength(1000);
        builder.Property(p => p.MatchRulesVersion).HasMaxLength(20);
        builder.Property(p => p.NotNowKind).HasMaxLength(60);
        builder.Property(p => p.ArrangedBy).HasMaxLength(200);
        builder.Property(p => p.AnsweredBy).HasMaxLength(200);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasIndex(p => new { p.MunicipalityId, p.NewcomerId });
        builder.HasOne<Newcomer>().WithMany().HasForeignKey(p => p.NewcomerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(p => p.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ConsentMapping : IEntityTypeConfiguration<Consent>
{
    public void Configure(EntityTypeBuilder<Consent> builder)
    {
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Purpose).HasMaxLength(500);
        builder.Property(c => c.RecordedBy).HasMaxLength(200);
        builder.Property(c => c.WithdrawnBy).HasMaxLength(200);
        builder.HasIndex(c => c.ProposalId).IsUnique();
        builder.HasOne<Proposal>().WithMany().HasForeignKey(c => c.ProposalId).OnDelete(DeleteBehavior.Cascade);
    }
}
