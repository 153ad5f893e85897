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

    /// <summary>Records the newcomer's answer. A yes comes with their consent, recorded beside it.</summary>
    public void RecordAnswer(NewcomerAnswer answer, DateOnly on, string? note) => RecordAnswer(answer, on, note, null, null);

    /// <summary>
    /// Records the newcomer's answer; with "niet nu", until when they do not want this offer (or, with
    /// <paramref name="notNowKind"/>, anything of its kind) suggested again.
    /// </summary>
    public void RecordAnswer(NewcomerAnswer answer, DateOnly on, string? note, DateOnly? notNowUntil, string? notNowKind)
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

    public Guid Id { get; private set; }
    public Guid MunicipalityId { get; private set; }
    public Guid NewcomerId { get; private set; }
    public Guid ProposalId { get; private set; }
    public string Purpose { get; private set; }
    public DateOnly GivenOn { get; private set; }
    public DateOnly ExpiresOn { get; private set; }
    public string RecordedBy { get; private set; }
    public DateOnly? WithdrawnOn { get; private set; }

    public bool IsValidOn(DateOnly day) => WithdrawnOn is null && GivenOn <= day && day <= ExpiresOn;

    public void Withdraw(DateOnly on) => WithdrawnOn ??= on;
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
        builder.HasIndex(c => c.ProposalId).IsUnique();
        builder.HasOne<Proposal>().WithMany().HasForeignKey(c => c.ProposalId).OnDelete(DeleteBehavior.Cascade);
    }
}
