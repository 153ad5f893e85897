using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Thuis.Web.Features.Dossiers;
using Thuis.Web.Platform.Changes;
using Thuis.Web.Platform.Tenancy;

namespace Thuis.Web.Features.Milestones;

/// <summary>Dalfsen's 18-month plan: vestigen, inburgeren, participeren.</summary>
public enum MilestoneKind
{
    Settle,
    Integrate,
    Participate,
}

/// <summary>What the case manager recorded about a milestone.</summary>
public enum MilestoneState
{
    NotYet,
    Reached,
    /// <summary>Something stands in the way; the note says what, so it gets picked up.</summary>
    Behind,
}

public static class MilestoneTexts
{
    public static string Dutch(this MilestoneKind kind) => kind switch
    {
        MilestoneKind.Settle => "Vestigen",
        MilestoneKind.Integrate => "Inburgeren",
        _ => "Participeren",
    };

    public static string Dutch(this MilestoneState state) => state switch
    {
        MilestoneState.Reached => "bereikt",
        MilestoneState.Behind => "loopt achter",
        _ => "nog niet",
    };

    /// <summary>What reaching the milestone means in Dalfsen's plan.</summary>
    public static string Meaning(this MilestoneKind kind) => kind switch
    {
        MilestoneKind.Settle => "alles geregeld om hier te wonen: de vestigingslijst is af",
        MilestoneKind.Integrate => "PVT afgerond, taalcursus loopt, stappen in het plan in drie of meer domeinen",
        _ => "actief in vrijwilligerswerk, een opleiding, betaald werk of een club",
    };

    /// <summary>The signs a case manager can tick as evidence for a recorded milestone.</summary>
    public static IReadOnlyList<string> Signs(this MilestoneKind kind) => kind switch
    {
        MilestoneKind.Integrate => IntegrateSigns,
        MilestoneKind.Participate => ParticipateSigns,
        _ => [],
    };

    private static readonly string[] IntegrateSigns =
        ["PVT afgerond", "taalcursus loopt", "stappen in het plan in drie of meer domeinen"];

    private static readonly string[] ParticipateSigns =
        ["vrijwilligerswerk", "opleiding", "betaald werk", "club of vereniging"];
}

/// <summary>
/// The case manager's record of the integrating or participating milestone of one newcomer. Settling
/// has no record of its own: it is reached when the settling checklist is done.
/// </summary>
public sealed class Milestone : IMunicipalityOwned, IPersonData
{
    private Milestone()
    {
        RecordedBy = "";
    }

    public Milestone(Guid newcomerId, Guid municipalityId, MilestoneKind kind)
    {
        if (kind == MilestoneKind.Settle)
        {
            throw new ArgumentException("Vestigen volgt uit de vestigingslijst en wordt niet apart vastgelegd.", nameof(kind));
        }
        NewcomerId = newcomerId;
        MunicipalityId = municipalityId;
        Kind = kind;
        RecordedBy = "";
    }

    public Guid NewcomerId { get; private set; }
    public MilestoneKind Kind { get; private set; }
    public Guid MunicipalityId { get; private set; }
    public MilestoneState State { get; private set; }
    public DateOnly? ReachedOn { get; private set; }
    /// <summary>Ticked signs from <see cref="MilestoneTexts.Signs"/>: what shows the milestone is (being) reached.</summary>
    public List<string> Signs { get; private set; } = [];
    public string? Note { get; private set; }
    public string RecordedBy { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }
    public Guid Version { get; private set; }

    public void Record(MilestoneState state, DateOnly? reachedOn, IEnumerable<string> signs, string? note, string by, DateTimeOffset at, DateOnly today)
    {
        var ticked = signs.Where(Kind.Signs().Contains).Distinct().ToList();
        var cleanNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (state == MilestoneState.Reached && (reachedOn is not { } date || date > today))
        {
            throw new ArgumentException("Een bereikte mijlpaal heeft een datum, niet na vandaag.", nameof(reachedOn));
        }
        if (state == MilestoneState.Reached && Kind == MilestoneKind.Participate && ticked.Count == 0)
        {
            throw new ArgumentException("Participeren is bereikt met minstens één activiteit.", nameof(signs));
        }
        if (state == MilestoneState.Behind && cleanNote is null)
        {
            throw new ArgumentException("Bij een achterstand hoort wat er in de weg staat.", nameof(note));
        }
        State = state;
        ReachedOn = state == MilestoneState.Reached ? reachedOn : null;
        Signs = ticked;
        Note = cleanNote;
        RecordedBy = by;
        RecordedAt = at;
        Version = Guid.NewGuid();
    }
}

internal sealed class MilestoneMapping : IEntityTypeConfiguration<Milestone>
{
    public void Configure(EntityTypeBuilder<Milestone> builder)
    {
        builder.HasKey(m => new { m.NewcomerId, m.Kind });
        builder.Property(m => m.Note).HasMaxLength(2000);
        builder.Property(m => m.RecordedBy).HasMaxLength(200);
        builder.Property(m => m.Version).IsConcurrencyToken();
        builder.HasIndex(m => m.MunicipalityId);
        builder.HasOne<Newcomer>().WithMany().HasForeignKey(m => m.NewcomerId).OnDelete(DeleteBehavior.Cascade);
    }
}
