using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Thuis.Web.Features.Dossiers;
using Thuis.Web.Features.Plans;
using Thuis.Web.Features.Referrals;
using Thuis.Web.Platform.Changes;
using Thuis.Web.Platform.Tenancy;

namespace Thuis.Web.Features.Matching;

/// <summary>
/// A coordinator's matching round for many people at once: who took part, which pool, and what the engine proposed.
/// Kept so the proposals can be reviewed one by one, also on another day, and so it is known later how a match came about.
/// </summary>
public sealed class CohortRun : IMunicipalityOwned
{
    private CohortRun()
    {
        Pool = CreatedBy = RulesVersion = "";
    }

    public CohortRun(Guid municipalityId, PoolFilter filter, int maxPerPerson, IEnumerable<Guid> people, string rulesVersion, string createdBy, DateTimeOffset createdAt)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPerPerson, 1);
        Id = Guid.CreateVersion7();
        MunicipalityId = municipalityId;
        Pool = filter.Describe();
        PoolDomain = filter.Domain;
        PoolKind = filter.Kind;
        MaxPerPerson = maxPerPerson;
        People = [.. people];
        RulesVersion = rulesVersion;
        CreatedBy = createdBy;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }
    public Guid MunicipalityId { get; private set; }
    /// <summary>The pool in words, as the coordinator chose it ("taalmaatje", "activiteit, ontmoeten").</summary>
    public string Pool { get; private set; }
    public ParticipationDomain? PoolDomain { get; private set; }
    public string? PoolKind { get; private set; }
    public int MaxPerPerson { get; private set; }
    /// <summary>Everyone in the round, including those the engine found nothing for.</summary>
    public List<Guid> People { get; private set; } = [];
    public string RulesVersion { get; private set; }
    public string CreatedBy { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public List<CohortMatch> Matches { get; private set; } = [];

    public CohortMatch Add(Newcomer newcomer, PoolItem item, double score, IEnumerable<Thuis.Matching.Reason> reasons)
    {
        var match = new CohortMatch(this, newcomer.Id, item, score, reasons);
        Matches.Add(match);
        return match;
    }
}

public enum CohortMatchDecision
{
    Open,
    /// <summary>Accepted by the coordinator: it became a proposal to the newcomer.</summary>
    Accepted,
    Rejected,
}

/// <summary>Why the coordinator rejected a match. Every rejected pair stays out of later rounds.</summary>
public enum CohortRejection
{
    /// <summary>Past niet bij de persoon.</summary>
    NotSuitable,
    /// <summary>Heeft al iets vergelijkbaars.</summary>
    AlreadyHasSomething,
    /// <summary>Tijden, taal of reisafstand passen niet.</summary>
    PracticalMismatch,
    /// <summary>Aanbod of vrijwilliger kan nu niet.</summary>
    TargetUnavailable,
    Other,
}

public static class CohortRejectionText
{
    public static string Dutch(this CohortRejection value) => value switch
    {
        CohortRejection.NotSuitable => "past niet bij de persoon",
        CohortRejection.AlreadyHasSomething => "heeft al iets vergelijkbaars",
        CohortRejection.PracticalMismatch => "tijden, taal of reisafstand passen niet",
        CohortRejection.TargetUnavailable => "het aanbod of de vrijwilliger kan nu niet",
        _ => "anders",
    };
}

/// <summary>One reason of a match, kept as the engine gave it.</summary>
public sealed class CohortReason
{
    public string Text { get; set; } = "";
    public double Contribution { get; set; }
}

/// <summary>One person matched to one offer or volunteer in a <see cref="CohortRun"/>, waiting for the coordinator's decision.</summary>
public sealed class CohortMatch : IMunicipalityOwned, IPersonData
{
    private CohortMatch()
    {
        TargetKey = Title = KindLabel = "";
    }

    internal CohortMatch(CohortRun run, Guid newcomerId, PoolItem item, double score, IEnumerable<Thuis.Matching.Reason> reasons)
    {
        Id = Guid.CreateVersion7();
        MunicipalityId = run.MunicipalityId;
        RunId = run.Id;
        NewcomerId = newcomerId;
        TargetKey = item.Key;
        TargetKind = item.Kind;
        TargetId = item.TargetId;
        Title = item.Title;
        KindLabel = item.KindLabel;
        Organisation = item.Organisation;
        Score = Math.Round(score, 4);
        Reasons = [.. reasons.Select(r => new CohortReason { Text = r.Text, Contribution = Math.Round(r.Contribution, 4) })];
        Decision = CohortMatchDecision.Open;
        Version = Guid.NewGuid();
    }

    public Guid Id { get; private set; }
    public Guid MunicipalityId { get; private set; }
    public Guid RunId { get; private set; }
    public Guid NewcomerId { get; private set; }
    /// <summary>The engine's id of the offer or volunteer ("aanbod:…", "vrijwilliger:…").</summary>
    public string TargetKey { get; private set; }
    public TargetKind TargetKind { get; private set; }
    public Guid TargetId { get; private set; }
    public string Title { get; private set; }
    public string KindLabel { get; private set; }
    public string? Organisation { get; private set; }
    public double Score { get; private set; }
    public List<CohortReason> Reasons { get; private set; } = [];
    public CohortMatchDecision Decision { get; private set; }
    public string? DecidedBy { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public CohortRejection? RejectionReason { get; private set; }
    public string? RejectionNote { get; private set; }
    /// <summary>The proposal to the newcomer an accepted match became.</summary>
    public Guid? ProposalId { get; private set; }
    public Guid Version { get; private set; }

    public void Accept(Guid proposalId, string by, DateTimeOffset at)
    {
        EnsureOpen();
        Decision = CohortMatchDecision.Accepted;
        ProposalId = proposalId;
        Decide(by, at);
    }

    public void Reject(CohortRejection reason, string? note, string by, DateTimeOffset at)
    {
        EnsureOpen();
        if (reason == CohortRejection.Other && string.IsNullOrWhiteSpace(note))
        {
            throw new ArgumentException("Bij ‘anders’ hoort een toelichting.", nameof(note));
        }
        Decision = CohortMatchDecision.Rejected;
        RejectionReason = reason;
        RejectionNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        Decide(by, at);
    }

    private void EnsureOpen()
    {
        if (Decision != CohortMatchDecision.Open)
        {
            throw new InvalidOperationException("Over dit koppelvoorstel is al besloten.");
        }
    }

    private void Decide(string by, DateTimeOffset at)
    {
        DecidedBy = by;
        DecidedAt = at;
        Version = Guid.NewGuid();
    }
}

internal sealed class CohortRunMapping : IEntityTypeConfiguration<CohortRun>, IEntityTypeConfiguration<CohortMatch>
{
    public void Configure(EntityTypeBuilder<CohortRun> builder)
    {
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Pool).HasMaxLength(200);
        builder.Property(r => r.PoolKind).HasMaxLength(40);
        builder.Property(r => r.RulesVersion).HasMaxLength(20);
        builder.Property(r => r.CreatedBy).HasMaxLength(200);
        builder.HasIndex(r => r.MunicipalityId);
        builder.HasMany(r => r.Matches).WithOne().HasForeignKey(m => m.RunId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<CohortMatch> builder)
    {
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.TargetKey).HasMaxLength(60);
        builder.Property(m => m.Title).HasMaxLength(300);
        builder.Property(m => m.KindLabel).HasMaxLength(200);
        builder.Property(m => m.Organisation).HasMaxLength(200);
        builder.Property(m => m.DecidedBy).HasMaxLength(200);
        builder.Property(m => m.RejectionReason).HasMaxLength(40);
        builder.Property(m => m.RejectionNote).HasMaxLength(500);
        builder.HasIndex(m => new { m.MunicipalityId, m.NewcomerId });
        builder.Property(m => m.Version).IsConcurrencyToken();
        builder.OwnsMany(m => m.Reasons, b => b.ToJson());
        builder.HasIndex(m => new { m.MunicipalityId, m.RunId });
        builder.HasOne<Newcomer>().WithMany().HasForeignKey(m => m.NewcomerId).OnDelete(DeleteBehavior.Cascade);
    }
}
