using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Thuis.Web.Features.Dossiers;
using Thuis.Web.Platform.Changes;
using Thuis.Web.Platform.Localization;
using Thuis.Web.Platform.Tenancy;

namespace Thuis.Web.Features.Debts;

/// <summary>What a case manager records of one debt.</summary>
public sealed record DebtDetails(string CreditorName, CreditorKind CreditorKind, decimal Amount, DateOnly Since, DebtStatus Status, Guid? ReferralId, string? Note);

/// <summary>
/// One debt of a person: to whom, how much, since when and where it stands, with the day its status last changed. A
/// debt "bij schuldhulpverlening" may point to the referral that took it there. Amounts are a person's money: only the
/// case manager and the coordinator see them, partners never.
/// </summary>
public sealed class Debt : IMunicipalityOwned, IPersonData
{
    public const int NameLength = 200;
    public const int NoteLength = 1000;
    public const decimal MaxAmount = 9_999_999_999.99m;

    public const string AmountRefusal = "Vul een bedrag in van meer dan € 0.";
    public const string SinceRefusal = "Kies een datum die niet na vandaag ligt.";

    private Debt()
    {
        CreditorName = "";
    }

    public Debt(Newcomer newcomer, DebtDetails details, DateOnly today)
    {
        Id = Guid.CreateVersion7();
        NewcomerId = newcomer.Id;
        MunicipalityId = newcomer.MunicipalityId;
        CreditorName = "";
        StatusSince = today;
        Change(details, today);
    }

    public Guid Id { get; private set; }
    public Guid NewcomerId { get; private set; }
    public Guid MunicipalityId { get; private set; }
    public string CreditorName { get; private set; }
    public CreditorKind CreditorKind { get; private set; }
    public decimal Amount { get; private set; }
    public DateOnly Since { get; private set; }
    public DebtStatus Status { get; private set; }
    /// <summary>The day the status last changed.</summary>
    public DateOnly StatusSince { get; private set; }
    /// <summary>The referral to debt help that took the debt there; only while "bij schuldhulpverlening".</summary>
    public Guid? ReferralId { get; private set; }
    public string? Note { get; private set; }
    public Guid Version { get; private set; }

    /// <summary>Still to be paid: open, under an arrangement or with debt help.</summary>
    public bool IsOpen => IsOpenStatus(Status);

    public static bool IsOpenStatus(DebtStatus status) => status is DebtStatus.Open or DebtStatus.Arrangement or DebtStatus.InDebtHelp;

    public DebtDetails Details => new(CreditorName, CreditorKind, Amount, Since, Status, ReferralId, Note);

    /// <summary>Why these details cannot be recorded, field by field; empty when they can.</summary>
    public static Dictionary<string, string> Refusals(decimal? amount, DateOnly? since, DateOnly today)
    {
        var errors = new Dictionary<string, string>();
        if (amount is not { } a || a <= 0 || a > MaxAmount || !DutchFormat.IsWholeCents(a))
        {
            errors["Amount"] = amount is { } b && b > 0 && decimal.Round(b, 2) != b ? "Vul een bedrag in met hoogstens twee cijfers achter de komma." : AmountRefusal;
        }
        if (since is { } s && s > today)
        {
            errors["Since"] = SinceRefusal;
        }
        return errors;
    }

    public void Change(DebtDetails details, DateOnly today)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(details.CreditorName);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(details.Amount, 0m);
        if (details.Status != Status)
        {
            StatusSince = today;
        }
        (CreditorName, CreditorKind, Amount, Since, Status) =
            (details.CreditorName.Trim(), details.CreditorKind, details.Amount, details.Since, details.Status);
        ReferralId = details.Status == DebtStatus.InDebtHelp ? details.ReferralId : null;
        Note = string.IsNullOrWhiteSpace(details.Note) ? null : details.Note.Trim();
        Version = Guid.NewGuid();
    }
}

internal sealed class DebtMapping : IEntityTypeConfiguration<Debt>
{
    public void Configure(EntityTypeBuilder<Debt> builder)
    {
        builder.HasKey(d => d.Id);
        builder.Property(d => d.CreditorName).HasMaxLength(Debt.NameLength);
        builder.Property(d => d.Note).HasMaxLength(Debt.NoteLength);
        builder.Property(d => d.Amount).HasPrecision(12, 2);
        builder.Property(d => d.Version).IsConcurrencyToken();
        builder.HasIndex(d => d.MunicipalityId);
        builder.HasIndex(d => d.NewcomerId);
        builder.HasOne<Newcomer>().WithMany().HasForeignKey(d => d.NewcomerId).OnDelete(DeleteBehavior.Cascade);
    }
}
