using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Thuis.Web.Features.Dossiers;
using Thuis.Web.Features.Referrals;
using Thuis.Web.Platform.Changes;
using Thuis.Web.Platform.Tenancy;

namespace Thuis.Web.Features.Transfers;

public enum TransferDirection
{
    /// <summary>The dossier left this municipality as a file.</summary>
    Outgoing,
    /// <summary>The dossier came in from another municipality's file.</summary>
    Incoming,
}

/// <summary>
/// A proposal (and its referral, if any) made by the previous municipality: kept as history on the new dossier, never
/// as a live referral, because it names organisations of the old municipality.
/// </summary>
public sealed class PreviousProposal
{
    public string What { get; set; } = "";
    public TargetKind Kind { get; set; }
    public string? Organisation { get; set; }
    public DateOnly ProposedOn { get; set; }
    public NewcomerAnswer Answer { get; set; }
    public DateOnly? AnsweredOn { get; set; }
    public ReferralState? ReferralState { get; set; }
    public DateOnly? ReferralSentOn { get; set; }
    public DateOnly? ReferralStartedOn { get; set; }
    public DateOnly? ReferralEndedOn { get; set; }
    public ReferralOutcome? Outcome { get; set; }
}

/// <summary>One course group someone took part in at the previous municipality, as counters rather than every session.</summary>
public sealed class PreviousLessons
{
    public string Group { get; set; } = "";
    /// <summary>The kind of course in Dutch, as the previous municipality named it.</summary>
    public string Kind { get; set; } = "";
    public string? Provider { get; set; }
    public DateOnly Since { get; set; }
    public int SessionsHeld { get; set; }
    public int Present { get; set; }
    public int LessonsAttended { get; set; }
    public decimal HoursAttended { get; set; }
    public int ExcusedAbsences { get; set; }
    public int UnexcusedAbsences { get; set; }
    /// <summary>The workshop themes covered, in Dutch, separated by commas.</summary>
    public string? ThemesCovered { get; set; }
    /// <summary>Where the person stood against the legal requirement when they left ("eis voldaan", "nog 3 lessen te gaan").</summary>
    public string Verdict { get; set; } = "";
}

/// <summary>
/// The record of a warm hand-over: a dossier sent to, or received from, another municipality as a transfer file.
/// Both sides keep one with the same transfer id and the file's SHA-256, so either can show what was handed over.
/// </summary>
public sealed class Transfer : IMunicipalityOwned, IPersonData
{
    private Transfer()
    {
        OtherMunicipalityName = By = FileSha256 = "";
    }

    private Transfer(Guid municipalityId, Guid newcomerId, Guid transferId, TransferDirection direction, Guid? otherMunicipalityId,
        string otherMunicipalityName, DateOnly movingDate, string? reason, string by, DateTimeOffset at, string fileSha256, bool healthIncluded)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(otherMunicipalityName);
        if (fileSha256.Length != 64)
        {
            throw new ArgumentException("Een SHA-256 is 64 hexadecimale tekens.", nameof(fileSha256));
        }
        Id = Guid.CreateVersion7();
        MunicipalityId = municipalityId;
        NewcomerId = newcomerId;
        TransferId = transferId;
        Direction = direction;
        OtherMunicipalityId = otherMunicipalityId;
        OtherMunicipalityName = otherMunicipalityName.Trim();
        MovingDate = movingDate;
        Reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        By = by;
        At = at;
        FileSha256 = fileSha256;
        HealthIncluded = healthIncluded;
    }

    public Guid Id { get; private set; }
    public Guid MunicipalityId { get; private set; }
    public Guid NewcomerId { get; private set; }

    /// <summary>The id in the file: the same on the sending and the receiving side.</summary>
    public Guid TransferId { get; private set; }
    public TransferDirection Direction { get; private set; }

    /// <summary>The municipality on the other side, when it uses this installation of Thuis.</summary>
    public Guid? OtherMunicipalityId { get; private set; }
    public string OtherMunicipalityName { get; private set; }
    public DateOnly MovingDate { get; private set; }
    public string? Reason { get; private set; }

    /// <summary>The name of who sent or received the file.</summary>
    public string By { get; private set; }
    public DateTimeOffset At { get; private set; }

    /// <summary>The SHA-256 of the file as sent or received, in lower-case hexadecimals.</summary>
    public string FileSha256 { get; private set; }

    /// <summary>Whether the restricted personal circumstances (health) went along, which needs the person's consent.</summary>
    public bool HealthIncluded { get; private set; }

    /// <summary>For a received dossier: the previous municipality's proposals and referrals, as read-only history.</summary>
    public List<PreviousProposal> PreviousProposals { get; private set; } = [];

    /// <summary>For a received dossier: the lessons at the previous municipality, as counters.</summary>
    public List<PreviousLessons> PreviousLessons { get; private set; } = [];

    public static Transfer Outgoing(Newcomer newcomer, Guid transferId, Guid? toMunicipalityId, string toMunicipalityName, DateOnly movingDate,
        string? reason, string by, DateTimeOffset at, string fileSha256, bool healthIncluded) =>
        new(newcomer.MunicipalityId, newcomer.Id, transferId, TransferDirection.Outgoing, toMunicipalityId, toMunicipalityName, movingDate, reason,
            by, at, fileSha256, healthIncluded);

    public static Transfer Incoming(Newcomer newcomer, Guid transferId, Guid? fromMunicipalityId, string fromMunicipalityName, DateOnly movingDate,
        string? reason, string by, DateTimeOffset at, string fileSha256, bool healthIncluded,
        IEnumerable<PreviousProposal> proposals, IEnumerable<PreviousLessons> lessons) =>
        new(newcomer.MunicipalityId, newcomer.Id, transferId, TransferDirection.Incoming, fromMunicipalityId, fromMunicipalityName, movingDate, reason,
            by, at, fileSha256, healthIncluded)
        {
            PreviousProposals = proposals.Where(p => !string.IsNullOrWhiteSpace(p.What)).ToList(),
            PreviousLessons = lessons.Where(l => !string.IsNullOrWhiteSpace(l.Group)).ToList(),
        };
}

internal sealed class TransferMapping : IEntityTypeConfiguration<Transfer>
{
    public void Configure(EntityTypeBuilder<Transfer> builder)
    {
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.OtherMunicipalityName).HasMaxLength(100);
        builder.Property(t => t.Reason).HasMaxLength(1000);
        builder.Property(t => t.By).HasMaxLength(200);
        builder.Property(t => t.FileSha256).HasMaxLength(64).IsFixedLength();
        // A file is received once per municipality, also when two people press the button at the same moment.
        builder.HasIndex(t => new { t.MunicipalityId, t.Direction, t.TransferId }).IsUnique();
        builder.HasIndex(t => t.NewcomerId);
        builder.HasOne<Newcomer>().WithMany().HasForeignKey(t => t.NewcomerId).OnDelete(DeleteBehavior.Cascade);
        builder.OwnsMany(t => t.PreviousProposals, b => b.ToJson());
        builder.OwnsMany(t => t.PreviousLessons, b => b.ToJson());
    }
}
