using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Thuis.Web.Features.Dossiers;
using Thuis.Web.Platform.Changes;
using Thuis.Web.Platform.Tenancy;

namespace Thuis.Web.Features.Debts;

/// <summary>What a reporting party tells the municipality about one person's arrears.</summary>
public sealed record ArrearsDetails(string Party, ArrearsPartyKind PartyKind, string Reference, decimal Amount, int Months, DateOnly ReportedOn);

/// <summary>
/// An early signal of payment arrears (vroegsignalering, Wet gemeentelijke schuldhulpverlening art. 4a and the Besluit
/// gemeentelijke schuldhulpverlening art. 2–5): a landlord, energy company, water company or health insurer reports that
/// a person is behind with payments. The same party, reference and day are one report: reading it again changes
/// nothing. The report asks the case manager to make contact; it is done when the outcome of that contact is recorded.
/// </summary>
public sealed class ArrearsReport : IMunicipalityOwned, IPersonData
{
    public const int PartyLength = 200;
    public const int ReferenceLength = 100;
    public const int NoteLength = 1000;
    public const int MaxMonths = 120;

    private ArrearsReport()
    {
        Party = Reference = "";
    }

    public ArrearsReport(Newcomer newcomer, ArrearsDetails details, bool imported)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(details.Party);
        ArgumentException.ThrowIfNullOrWhiteSpace(details.Reference);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(details.Amount, 0m);
        ArgumentOutOfRangeException.ThrowIfLessThan(details.Months, 1);
        Id = Guid.CreateVersion7();
        NewcomerId = newcomer.Id;
        MunicipalityId = newcomer.MunicipalityId;
        Party = details.Party.Trim();
        PartyKind = details.PartyKind;
        Reference = details.Reference.Trim();
        Amount = details.Amount;
        Months = details.Months;
        ReportedOn = details.ReportedOn;
        Imported = imported;
        Version = Guid.NewGuid();
    }

    public Guid Id { get; private set; }
    public Guid NewcomerId { get; private set; }
    public Guid MunicipalityId { get; private set; }
    public string Party { get; private set; }
    public ArrearsPartyKind PartyKind { get; private set; }
    /// <summary>The party's own reference for the report (its file or customer number).</summary>
    public string Reference { get; private set; }
    public decimal Amount { get; private set; }
    public int Months { get; private set; }
    public DateOnly ReportedOn { get; private set; }
    /// <summary>Read from a file rather than entered by hand.</summary>
    public bool Imported { get; private set; }
    public ArrearsOutcome? Outcome { get; private set; }
    public DateOnly? OutcomeOn { get; private set; }
    public string? OutcomeNote { get; private set; }
    public string? OutcomeBy { get; private set; }
    public Guid Version { get; private set; }

    /// <summary>The day by which the case manager should have made contact.</summary>
    public DateOnly ContactDue(int days) => ReportedOn.AddDays(days);

    public const string OutcomeBeforeReport = "De datum van het contact ligt vóór de datum van de melding.";

    public void RecordOutcome(ArrearsOutcome outcome, DateOnly on, string? note, string by)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        (Outcome, OutcomeOn, OutcomeNote, OutcomeBy) = (outcome, on, string.IsNullOrWhiteSpace(note) ? null : note.Trim(), by);
        Version = Guid.NewGuid();
    }
}

internal sealed class ArrearsReportMapping : IEntityTypeConfiguration<ArrearsReport>
{
    public void Configure(EntityTypeBuilder<ArrearsReport> builder)
    {
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Party).HasMaxLength(ArrearsReport.PartyLength);
        builder.Property(r => r.Reference).HasMaxLength(ArrearsReport.ReferenceLength);
        builder.Property(r => r.OutcomeNote).HasMaxLength(ArrearsReport.NoteLength);
        builder.Property(r => r.OutcomeBy).HasMaxLength(200);
        builder.Property(r => r.Amount).HasPrecision(12, 2);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasIndex(r => r.NewcomerId);
        // One report per party, reference and day in a municipality: importing the same file again adds nothing.
        builder.HasIndex(r => new { r.MunicipalityId, r.Party, r.Reference, r.ReportedOn }).IsUnique();
        builder.HasOne<Newcomer>().WithMany().HasForeignKey(r => r.NewcomerId).OnDelete(DeleteBehavior.Cascade);
    }
}
