using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Thuis.Web.Features.Dossiers;
using Thuis.Web.Platform.Changes;
using Thuis.Web.Platform.Tenancy;

namespace Thuis.Web.Features.Milestones;

public enum SettlingItemStatus
{
    Open,
    Done,
    NotApplicable,
}

/// <summary>One arranged thing (bank account, GP, DigiD...) of the settling checklist; stored inside the checklist.</summary>
public sealed class SettlingItem
{
    public string Code { get; set; } = "";
    public SettlingItemStatus Status { get; set; }
    public DateOnly? DoneOn { get; set; }
    /// <summary>The name of who ticked the item as arranged.</summary>
    public string? DoneBy { get; set; }
    /// <summary>A note; for an item that does not apply, the reason.</summary>
    public string? Note { get; set; }
}

/// <summary>
/// The settling checklist (vestigen) of one newcomer: which of the fixed items of <see cref="SettlingItems"/>
/// are arranged, when and by whom, and which do not apply and why. One aggregate with one version, so a
/// save from a page loaded before someone else's save is refused instead of overwriting it.
/// </summary>
public sealed class SettlingChecklist : IMunicipalityOwned, IPersonData
{
    private SettlingChecklist()
    {
        UpdatedBy = "";
    }

    public SettlingChecklist(Guid newcomerId, Guid municipalityId)
    {
        NewcomerId = newcomerId;
        MunicipalityId = municipalityId;
        UpdatedBy = "";
        Items = SettlingItems.All.Select(d => new SettlingItem { Code = d.Code }).ToList();
    }

    public Guid NewcomerId { get; private set; }
    public Guid MunicipalityId { get; private set; }
    public List<SettlingItem> Items { get; private set; } = [];
    public string UpdatedBy { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public Guid Version { get; private set; }

    public SettlingItem? Item(string code) => Items.FirstOrDefault(i => i.Code == code);

    /// <summary>
    /// Records one item. Ticking it as arranged notes who did; changing only its note keeps the
    /// original date and name.
    /// </summary>
    public void Record(string code, SettlingItemStatus status, DateOnly? doneOn, string? note, string by, DateOnly today)
    {
        if (SettlingItems.Find(code) is null)
        {
            throw new ArgumentException($"Onbekend onderdeel van de vestigingslijst: {code}.", nameof(code));
        }
        var cleanNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (status == SettlingItemStatus.NotApplicable && cleanNote is null)
        {
            throw new ArgumentException("Bij ‘niet van toepassing’ hoort een reden.", nameof(note));
        }
        if (doneOn > today)
        {
            throw new ArgumentException("Iets kan niet na vandaag geregeld zijn.", nameof(doneOn));
        }
        if (status == SettlingItemStatus.Done && doneOn is null && Item(code)?.DoneOn is null)
        {
            throw new ArgumentException("Bij ‘geregeld’ hoort de datum waarop het geregeld is.", nameof(doneOn));
        }
        var item = Item(code);
        if (item is null)
        {
            item = new SettlingItem { Code = code };
            Items.Add(item);
        }
        if (status == SettlingItemStatus.Done)
        {
            var date = (doneOn ?? item.DoneOn)!.Value;
            if (item.Status != SettlingItemStatus.Done || item.DoneOn != date)
            {
                item.DoneBy = by;
            }
            item.DoneOn = date;
        }
        else
        {
            item.DoneOn = null;
            item.DoneBy = null;
        }
        item.Status = status;
        item.Note = cleanNote;
    }

    public void MarkUpdated(string by, DateTimeOffset at)
    {
        UpdatedBy = by;
        UpdatedAt = at;
        Version = Guid.NewGuid();
    }
}

internal sealed class SettlingChecklistMapping : IEntityTypeConfiguration<SettlingChecklist>
{
    public void Configure(EntityTypeBuilder<SettlingChecklist> builder)
    {
        builder.HasKey(c => c.NewcomerId);
        builder.Property(c => c.UpdatedBy).HasMaxLength(200);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasIndex(c => c.MunicipalityId);
        builder.OwnsMany(c => c.Items, b => b.ToJson());
        builder.HasOne<Newcomer>().WithOne().HasForeignKey<SettlingChecklist>(c => c.NewcomerId).OnDelete(DeleteBehavior.Cascade);
    }
}
