using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Thuis.Web.Features.Dossiers;
using Thuis.Web.Features.Referrals;
using Thuis.Web.Platform.Changes;
using Thuis.Web.Platform.Tenancy;

namespace Thuis.Web.Features.Community;

/// <summary>
/// A newcomer's consent to take part in draagvlak activities as a role model: their first name and story before an
/// audience, with the municipality. Without it nobody is put on an activity; withdrawn, it takes them off every activity
/// still to come. One that holds per person at a time; a withdrawn one stays as it was, for the record.
/// </summary>
public sealed class RoleModelConsent : IMunicipalityOwned, IPersonData
{
    public const string Purpose = "Als rolmodel meedoen aan draagvlakactiviteiten: voornaam en eigen verhaal delen met het publiek, samen met de gemeente";
    public const int NoteLength = 500;

    private RoleModelConsent()
    {
        RecordedBy = "";
    }

    public RoleModelConsent(Newcomer newcomer, DateOnly givenOn, string? note, ByWhom by)
    {
        Id = Guid.CreateVersion7();
        MunicipalityId = newcomer.MunicipalityId;
        NewcomerId = newcomer.Id;
        GivenOn = givenOn;
        Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        RecordedBy = by.Name;
        RecordedAt = by.At;
        Version = Guid.NewGuid();
    }

    public Guid Id { get; private set; }
    public Guid MunicipalityId { get; private set; }
    public Guid NewcomerId { get; private set; }
    public DateOnly GivenOn { get; private set; }
    /// <summary>What the person said about it: where they like to speak, what they do not want to share.</summary>
    public string? Note { get; private set; }
    public string RecordedBy { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }
    public DateOnly? WithdrawnOn { get; private set; }
    public DateTimeOffset? WithdrawnAt { get; private set; }
    public string? WithdrawnBy { get; private set; }
    /// <summary>The person withdrew it in their own Thuis, rather than telling a case manager or coordinator who did.</summary>
    public bool WithdrawnThemselves { get; private set; }
    public Guid Version { get; private set; }

    public bool IsValidOn(DateOnly day) => WithdrawnOn is null && GivenOn <= day;

    /// <summary>Withdraws it from this day on; a withdrawn consent stays withdrawn as it was.</summary>
    public void Withdraw(DateOnly on, ByWhom by)
    {
        if (WithdrawnOn is not null)
        {
            throw new InvalidOperationException("Deze toestemming is al ingetrokken.");
        }
        WithdrawnOn = on;
        WithdrawnAt = by.At;
        WithdrawnBy = by.Name;
        WithdrawnThemselves = by.Themselves;
        Version = Guid.NewGuid();
    }
}

internal sealed class RoleModelConsentMapping : IEntityTypeConfiguration<RoleModelConsent>
{
    public void Configure(EntityTypeBuilder<RoleModelConsent> builder)
    {
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Note).HasMaxLength(RoleModelConsent.NoteLength);
        builder.Property(c => c.RecordedBy).HasMaxLength(200);
        builder.Property(c => c.WithdrawnBy).HasMaxLength(200);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasIndex(c => new { c.MunicipalityId, c.NewcomerId });
        builder.HasOne<Newcomer>().WithMany().HasForeignKey(c => c.NewcomerId).OnDelete(DeleteBehavior.Cascade);
    }
}
