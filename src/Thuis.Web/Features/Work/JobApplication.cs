using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Thuis.Web.Features.Dossiers;
using Thuis.Web.Features.Organisations;
using Thuis.Web.Features.Referrals;
using Thuis.Web.Features.SocialMap;
using Thuis.Web.Platform.Changes;
using Thuis.Web.Platform.Localization;
using Thuis.Web.Platform.Tenancy;
using SkillLevel = Thuis.Matching.SkillLevel;
using WorkLevels = Thuis.Matching.WorkLevels;

namespace Thuis.Web.Features.Work;

/// <summary>One step of an application as it happened: the day, the state it reached, and a note.</summary>
public sealed record ApplicationStep(DateOnly On, ApplicationState State, string? Note);

/// <summary>The terms someone was hired on, and where the job stands beside their own level.</summary>
public sealed record Hire(ContractKind Contract, int HoursPerWeek, BenefitAfterHire Benefit, SkillLevel PersonLevel, SkillLevel WorkLevel);

/// <summary>
/// A newcomer's application for a vacancy, from the proposal they said yes to: their consent to share their CV and
/// details with the employer comes first, so nothing reaches an employer without it. It follows the road (applied,
/// interview, trial placement) to hired — with contract, hours and what it does to the benefit — or not hired and why;
/// and a job that ends is recorded too, so "still working after six and twelve months" can be counted.
/// </summary>
public sealed class JobApplication : IMunicipalityOwned, IPersonData
{
    private readonly List<ApplicationStep> _steps = [];

    private JobApplication()
    {
        What = "";
    }

    public JobApplication(Proposal proposal, Consent consent, Offer vacancy, DateOnly appliedOn, DateOnly today)
    {
        if (proposal.Kind != TargetKind.Offer || proposal.TargetId != vacancy.Id || !Offer.IsWork(vacancy.Kind))
        {
            throw new ArgumentException("Een sollicitatie hoort bij een voorstel voor een baan, stage of werkervaringsplaats.", nameof(vacancy));
        }
        if (proposal.Answer != NewcomerAnswer.Yes || consent.ProposalId != proposal.Id)
        {
            throw new InvalidOperationException(NoConsent);
        }
        if (!consent.IsValidOn(today))
        {
            throw new InvalidOperationException(ConsentEnded);
        }
        if (appliedOn > today)
        {
            throw new ArgumentException(InTheFuture, nameof(appliedOn));
        }
        Id = Guid.CreateVersion7();
        MunicipalityId = proposal.MunicipalityId;
        NewcomerId = proposal.NewcomerId;
        ProposalId = proposal.Id;
        ConsentId = consent.Id;
        OfferId = vacancy.Id;
        OrganisationId = vacancy.OrganisationId;
        What = proposal.What;
        State = ApplicationState.Applied;
        AppliedOn = appliedOn;
        _steps.Add(new(appliedOn, ApplicationState.Applied, null));
        Version = Guid.NewGuid();
    }

    public const string NoConsent = "Zonder ja en toestemming van de persoon gaat er niets naar een werkgever: leg eerst het antwoord en de toestemming vast.";
    public const string ConsentEnded = "De toestemming om gegevens met de werkgever te delen is verlopen of ingetrokken; vraag opnieuw toestemming.";
    public const string InTheFuture = "Kies een datum die niet na vandaag ligt.";

    public Guid Id { get; private set; }
    public Guid MunicipalityId { get; private set; }
    public Guid NewcomerId { get; private set; }
    public Guid ProposalId { get; private set; }
    /// <summary>The person's consent to share their CV and details with the employer for this vacancy.</summary>
    public Guid ConsentId { get; private set; }
    public Guid OfferId { get; private set; }
    /// <summary>The employer.</summary>
    public Guid OrganisationId { get; private set; }
    /// <summary>The vacancy and employer in words, as proposed ("Onderwijsassistent (cbs De Wegwijzer)").</summary>
    public string What { get; private set; }
    public ApplicationState State { get; private set; }
    public DateOnly AppliedOn { get; private set; }
    public DateOnly? HiredOn { get; private set; }
    public ContractKind? Contract { get; private set; }
    public int? HoursPerWeek { get; private set; }
    public BenefitAfterHire? Benefit { get; private set; }
    /// <summary>The person's level on the day they were hired (ISCO skill level 1–4, 0 unknown).</summary>
    public SkillLevel PersonLevel { get; private set; }
    /// <summary>The job's level on the day they were hired.</summary>
    public SkillLevel WorkLevel { get; private set; }
    public DateOnly? EndedOn { get; private set; }
    /// <summary>Why they were not hired, or why the job ended.</summary>
    public string? EndReason { get; private set; }
    public Guid Version { get; private set; }

    /// <summary>Every step, in the order it happened.</summary>
    public IReadOnlyList<ApplicationStep> Steps => _steps;

    /// <summary>The day of the latest step: no step can be recorded before it.</summary>
    public DateOnly LastStepOn => _steps[^1].On;

    public bool IsOpen => State is ApplicationState.Applied or ApplicationState.Interview or ApplicationState.TrialPlacement;

    /// <summary>Hired for work more than one level below their own: the outcome report counts it as work below their level.</summary>
    public bool IsBelowLevel => HiredOn is not null && WorkLevels.IsBelow(PersonLevel, WorkLevel);

    /// <summary>Still in the job this many months after the start: a calendar count, so 31 August plus six months is 28 February.</summary>
    public bool StillWorkingAfter(int months, DateOnly today) =>
        HiredOn is { } hired && hired.AddMonths(months) <= today && (EndedOn is not { } ended || ended >= hired.AddMonths(months));

    /// <summary>Why this step cannot be recorded on that day; null when it can. The steps below refuse the same.</summary>
    public string? CannotRecord(ApplicationState next, DateOnly on)
    {
        var allowed = next switch
        {
            ApplicationState.Interview => State is ApplicationState.Applied or ApplicationState.Interview,
            ApplicationState.TrialPlacement => State is ApplicationState.Applied or ApplicationState.Interview,
            ApplicationState.Hired or ApplicationState.NotHired => IsOpen,
            ApplicationState.Left => State == ApplicationState.Hired,
            _ => false,
        };
        if (!allowed)
        {
            return $"Een sollicitatie die {State.Dutch()} is, kan niet naar ‘{next.Dutch()}’.";
        }
        return on < LastStepOn ? $"Deze stap ligt vóór de vorige ({DutchFormat.Date(LastStepOn)})." : null;
    }

    public void Interview(DateOnly on, string? note) => Record(ApplicationState.Interview, on, note);

    public void StartTrial(DateOnly on, string? note) => Record(ApplicationState.TrialPlacement, on, note);

    public void RecordHire(DateOnly on, Hire hire, string? note)
    {
        if (hire.HoursPerWeek is < 1 or > Offer.MostHoursPerWeek)
        {
            throw new ArgumentOutOfRangeException(nameof(hire), Offer.HoursRefusal);
        }
        Record(ApplicationState.Hired, on, note);
        HiredOn = on;
        (Contract, HoursPerWeek, Benefit, PersonLevel, WorkLevel) = (hire.Contract, hire.HoursPerWeek, hire.Benefit, hire.PersonLevel, hire.WorkLevel);
    }

    public void RecordNotHired(DateOnly on, string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        Record(ApplicationState.NotHired, on, reason);
        (EndedOn, EndReason) = (on, reason.Trim());
    }

    public void RecordLeft(DateOnly on, string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        Record(ApplicationState.Left, on, reason);
        (EndedOn, EndReason) = (on, reason.Trim());
    }

    private void Record(ApplicationState next, DateOnly on, string? note)
    {
        if (CannotRecord(next, on) is { } refusal)
        {
            throw new InvalidOperationException(refusal);
        }
        _steps.Add(new(on, next, string.IsNullOrWhiteSpace(note) ? null : note.Trim()));
        State = next;
        Version = Guid.NewGuid();
    }
}

internal sealed class JobApplicationMapping : IEntityTypeConfiguration<JobApplication>
{
    public void Configure(EntityTypeBuilder<JobApplication> builder)
    {
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.What).HasMaxLength(Proposal.MaxWhatLength);
        builder.Property(a => a.EndReason).HasMaxLength(1000);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.OwnsMany(a => a.Steps, s =>
        {
            s.ToJson();
            s.Property(x => x.Note).HasMaxLength(1000);
        });
        builder.Navigation(a => a.Steps).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasIndex(a => new { a.MunicipalityId, a.NewcomerId });
        builder.HasIndex(a => new { a.MunicipalityId, a.OrganisationId });
        builder.HasIndex(a => a.ProposalId).IsUnique();
        builder.HasOne<Newcomer>().WithMany().HasForeignKey(a => a.NewcomerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(a => a.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Offer>().WithMany().HasForeignKey(a => a.OfferId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Proposal>().WithMany().HasForeignKey(a => a.ProposalId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Consent>().WithMany().HasForeignKey(a => a.ConsentId).OnDelete(DeleteBehavior.Restrict);
    }
}
