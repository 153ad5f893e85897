using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Thuis.Web.Features.Dossiers;
using Thuis.Web.Platform.Changes;
using Thuis.Web.Platform.Localization;
using Thuis.Web.Platform.Tenancy;

namespace Thuis.Web.Features.Money;

/// <summary>
/// What the municipality pays, and the hand-back: which bill, to whom, how much a month, from when; and the day the
/// bill goes back to the person, with whose help.
/// </summary>
public sealed record OntzorgenCostDetails(FixedCostKind Kind, string? Description, string Payee, decimal AmountPerMonth, DateOnly PaidFrom,
    DateOnly? HandBackOn, string? HandBackHelp);

/// <summary>
/// One fixed cost the municipality pays from a person's benefit while it ontzorgt them (Participatiewet art. 56a), and
/// when it returns to the person. The hand-back plan is complete when every cost has its day.
/// </summary>
public sealed class OntzorgenCost : IMunicipalityOwned, IPersonData
{
    public const int TextLength = 200;

    /// <summary>A month's rent or premium above this is a typing error, not a cost.</summary>
    public const decimal MaximumPerMonth = 10_000m;

    private OntzorgenCost()
    {
        Payee = "";
    }

    public OntzorgenCost(Newcomer newcomer, OntzorgenCostDetails details)
    {
        Id = Guid.NewGuid();
        NewcomerId = newcomer.Id;
        MunicipalityId = newcomer.MunicipalityId;
        Payee = "";
        Change(details);
    }

    public Guid Id { get; private set; }
    public Guid NewcomerId { get; private set; }
    public Guid MunicipalityId { get; private set; }
    public FixedCostKind Kind { get; private set; }
    /// <summary>What an "other" cost is ("internet", "afbetaling koelkast"); empty for the kinds the law names.</summary>
    public string? Description { get; private set; }
    /// <summary>Who receives the money: the landlord, the energy company, the insurer.</summary>
    public string Payee { get; private set; }
    public decimal AmountPerMonth { get; private set; }
    public DateOnly PaidFrom { get; private set; }
    /// <summary>The first day the person pays this bill again; empty while the hand-back is not planned.</summary>
    public DateOnly? HandBackOn { get; private set; }
    /// <summary>Who helps with the hand-back: "budgetcoach Welzijn", "schuldhulpmaatje", "zelf".</summary>
    public string? HandBackHelp { get; private set; }
    public Guid Version { get; private set; }

    public OntzorgenCostDetails Details => new(Kind, Description, Payee, AmountPerMonth, PaidFrom, HandBackOn, HandBackHelp);

    /// <summary>"huur" or, for another cost, its description.</summary>
    public string What => Kind == FixedCostKind.Other && Description is { } description ? description : Kind.Dutch();

    /// <summary>Whether the municipality still pays this bill on <paramref name="day"/>.</summary>
    public bool PaidOn(DateOnly day) => PaidFrom <= day && (HandBackOn is not { } back || day < back);

    /// <summary>Why these details cannot be a cost the municipality pays, per field; empty when they can.</summary>
    public static Dictionary<string, string> Problems(OntzorgenCostDetails details)
    {
        var problems = new Dictionary<string, string>();
        if (details.Kind == FixedCostKind.Other && string.IsNullOrWhiteSpace(details.Description))
        {
            problems[nameof(details.Description)] = "Beschrijf welke vaste last de gemeente betaalt.";
        }
        if (string.IsNullOrWhiteSpace(details.Payee))
        {
            problems[nameof(details.Payee)] = "Vul in aan wie de gemeente betaalt.";
        }
        if (details.AmountPerMonth <= 0 || details.AmountPerMonth > MaximumPerMonth)
        {
            problems[nameof(details.AmountPerMonth)] = "Vul een bedrag per maand in van meer dan € 0 en hoogstens € 10.000.";
        }
        else if (!DutchFormat.IsWholeCents(details.AmountPerMonth))
        {
            problems[nameof(details.AmountPerMonth)] = "Vul een bedrag in hele centen in.";
        }
        if (details.HandBackOn is { } back && back <= details.PaidFrom)
        {
            problems[nameof(details.HandBackOn)] = "De rekening gaat terug na de eerste dag dat de gemeente betaalt.";
        }
        if (details.HandBackOn is not null && string.IsNullOrWhiteSpace(details.HandBackHelp))
        {
            problems[nameof(details.HandBackHelp)] = "Vul in wie helpt als de rekening teruggaat, of 'zelf'.";
        }
        return problems;
    }

    public void Change(OntzorgenCostDetails details)
    {
        if (Problems(details) is { Count: > 0 } problems)
        {
            throw new ArgumentException(string.Join(" ", problems.Values), nameof(details));
        }
        Kind = details.Kind;
        Description = details.Kind == FixedCostKind.Other ? details.Description!.Trim() : null;
        Payee = details.Payee.Trim();
        AmountPerMonth = details.AmountPerMonth;
        PaidFrom = details.PaidFrom;
        HandBackOn = details.HandBackOn;
        HandBackHelp = details.HandBackOn is null || string.IsNullOrWhiteSpace(details.HandBackHelp) ? null : details.HandBackHelp.Trim();
        Version = Guid.NewGuid();
    }
}

internal sealed class OntzorgenCostMapping : IEntityTypeConfiguration<OntzorgenCost>
{
    public void Configure(EntityTypeBuilder<OntzorgenCost> builder)
    {
        builder.Property(c => c.Description).HasMaxLength(OntzorgenCost.TextLength);
        builder.Property(c => c.Payee).HasMaxLength(OntzorgenCost.TextLength);
        builder.Property(c => c.HandBackHelp).HasMaxLength(OntzorgenCost.TextLength);
        builder.Property(c => c.AmountPerMonth).HasPrecision(12, 2);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.Ignore(c => c.What);
        builder.HasIndex(c => new { c.MunicipalityId, c.NewcomerId });
        builder.HasOne<Newcomer>().WithMany().HasForeignKey(c => c.NewcomerId).OnDelete(DeleteBehavior.Cascade);
    }
}
