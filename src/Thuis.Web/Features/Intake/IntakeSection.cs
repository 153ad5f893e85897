using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Thuis.Web.Features.Dossiers;
using Thuis.Web.Platform.Changes;
using Thuis.Web.Platform.Tenancy;

namespace Thuis.Web.Features.Intake;

/// <summary>
/// One part of the broad intake (brede intake) of one newcomer, filled over one or more conversations.
/// Each part keeps who recorded it last and when, and its own version so two people editing the same
/// part cannot silently overwrite each other.
/// </summary>
public abstract class IntakeSection : IMunicipalityOwned, IPersonData
{
    protected IntakeSection() => RecordedBy = "";

    protected IntakeSection(Guid newcomerId, Guid municipalityId)
    {
        NewcomerId = newcomerId;
        MunicipalityId = municipalityId;
        RecordedBy = "";
    }

    public Guid NewcomerId { get; private set; }

    public Guid MunicipalityId { get; private set; }

    public Guid Version { get; private set; }

    /// <summary>The name of who recorded this part last.</summary>
    public string RecordedBy { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    /// <summary>The newcomer wrote it themselves, in their own Thuis; <see cref="RecordedBy"/> then holds their given names.</summary>
    public bool RecordedByNewcomer { get; private set; }

    public void MarkRecorded(string by, DateTimeOffset at)
    {
        RecordedBy = by;
        RecordedAt = at;
        RecordedByNewcomer = false;
        Version = Guid.NewGuid();
    }

    /// <summary>The person changed this part themselves ("Wat ik wil"): the case manager sees it was them.</summary>
    public void MarkRecordedByNewcomer(string givenNames, DateTimeOffset at)
    {
        MarkRecorded(givenNames, at);
        RecordedByNewcomer = true;
    }

    /// <summary>Who recorded a part last, as the case manager reads it.</summary>
    public static string RecordedByText(string recordedBy, bool byNewcomer) => byNewcomer ? $"{recordedBy} zelf" : recordedBy;

    protected static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

internal static class IntakeSectionMapping
{
    public static void MapSection<TSection>(this EntityTypeBuilder<TSection> builder, string table) where TSection : IntakeSection
    {
        builder.ToTable(table);
        builder.HasKey(s => s.NewcomerId);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.Property(s => s.RecordedBy).HasMaxLength(200);
        builder.HasOne<Newcomer>().WithOne().HasForeignKey<TSection>(s => s.NewcomerId).OnDelete(DeleteBehavior.Cascade);
    }
}
