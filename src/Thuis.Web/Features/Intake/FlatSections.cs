using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Thuis.Web.Features.Intake;

/// <summary>Leerbaarheidstoets: the first legal part of the intake.</summary>
public sealed class LearnabilitySection : IntakeSection
{
    private LearnabilitySection() { }

    public LearnabilitySection(Guid newcomerId, Guid municipalityId) : base(newcomerId, municipalityId) { }

    public DateOnly? TakenOn { get; private set; }
    public int? Score { get; private set; }
    public LearnabilityOutcome Outcome { get; private set; }
    public bool Exempt { get; private set; }
    public string? ExemptionReason { get; private set; }

    public void Update(DateOnly? takenOn, int? score, LearnabilityOutcome outcome, bool exempt, string? exemptionReason)
    {
        if (exempt && string.IsNullOrWhiteSpace(exemptionReason))
        {
            throw new ArgumentException("Een ontheffing heeft een reden.", nameof(exemptionReason));
        }
        (TakenOn, Score, Outcome, Exempt, ExemptionReason) = (takenOn, score, outcome, exempt, exempt ? Clean(exemptionReason) : null);
    }
}

/// <summary>Education in the country of origin: the second legal part.</summary>
public sealed class EducationSection : IntakeSection
{
    private EducationSection() { }

    public EducationSection(Guid newcomerId, Guid municipalityId) : base(newcomerId, municipalityId) { }

    public EducationLevel HighestLevel { get; private set; }
    public string? Field { get; private set; }
    public int? Years { get; private set; }

    /// <summary>The diplomas, each with its valuation; the order is the person's.</summary>
    public List<Diploma> Diplomas { get; private set; } = [];

    public const int NlqfLowest = 1;
    public const int NlqfHighest = 8;

    /// <summary>The highest Dutch level a valuation gave one of the diplomas (NLQF); none while no diploma is valued.</summary>
    public int? HighestValuedNlqf => Diplomas.Where(d => d.Valuation == DiplomaValuation.Valued).Max(d => d.Nlqf);

    /// <summary>Each diploma kept its own rules when it was made (<see cref="Diploma.Problems"/>).</summary>
    public void Update(EducationLevel highestLevel, string? field, int? years, IEnumerable<Diploma> diplomas) =>
        (HighestLevel, Field, Years, Diplomas) = (highestLevel, Clean(field), years, [.. diplomas]);
}

/// <summary>Eigen kracht: talents, skills, hobbies and what someone was known for. Plans start here.</summary>
public sealed class StrengthsSection : IntakeSection
{
    private StrengthsSection() { }

    public StrengthsSection(Guid newcomerId, Guid municipalityId) : base(newcomerId, municipalityId) { }

    public string? Talents { get; private set; }
    public string? Skills { get; private set; }
    public string? Hobbies { get; private set; }
    /// <summary>Interest tags (e.g. sport, muziek, koken) that matching uses.</summary>
    public List<string> Interests { get; private set; } = [];
    public string? KnownFor { get; private set; }
    public string? EnergisedBy { get; private set; }

    public void Update(string? talents, string? skills, string? hobbies, IEnumerable<string> interests, string? knownFor, string? energisedBy)
    {
        (Talents, Skills, Hobbies, KnownFor, EnergisedBy) = (Clean(talents), Clean(skills), Clean(hobbies), Clean(knownFor), Clean(energisedBy));
        Interests = interests.Where(InterestTags.All.Contains).Distinct().ToList();
    }
}

/// <summary>Wederkerigheid: what someone can and wants to give back.</summary>
public sealed class ReciprocitySection : IntakeSection
{
    private ReciprocitySection() { }

    public ReciprocitySection(Guid newcomerId, Guid municipalityId) : base(newcomerId, municipalityId) { }

    public List<string> Offers { get; private set; } = [];
    public string? Description { get; private set; }

    public void Update(IEnumerable<string> offers, string? description)
    {
        Offers = offers.Where(GivingTags.All.Contains).Distinct().ToList();
        Description = Clean(description);
    }
}

/// <summary>Wishes and dreams, in the newcomer's own words.</summary>
public sealed class AspirationsSection : IntakeSection
{
    private AspirationsSection() { }

    public AspirationsSection(Guid newcomerId, Guid municipalityId) : base(newcomerId, municipalityId) { }

    public string? ShortTerm { get; private set; }
    public string? LongTerm { get; private set; }

    public void Update(string? shortTerm, string? longTerm) => (ShortTerm, LongTerm) = (Clean(shortTerm), Clean(longTerm));
}

/// <summary>
/// Personal circumstances, including physical and mental health: a special category of personal data
/// (AVG art. 9). Only case managers and coordinators see it, and every view is audited.
/// </summary>
public sealed class CircumstancesSection : IntakeSection
{
    private CircumstancesSection() { }

    public CircumstancesSection(Guid newcomerId, Guid municipalityId) : base(newcomerId, municipalityId) { }

    public string? PhysicalHealth { get; private set; }
    public string? MentalHealth { get; private set; }
    public string? TraumaCare { get; private set; }
    public string? CareForChildren { get; private set; }
    public string? PracticalLimits { get; private set; }

    public void Update(string? physicalHealth, string? mentalHealth, string? traumaCare, string? careForChildren, string? practicalLimits) =>
        (PhysicalHealth, MentalHealth, TraumaCare, CareForChildren, PracticalLimits) =
        (Clean(physicalHealth), Clean(mentalHealth), Clean(traumaCare), Clean(careForChildren), Clean(practicalLimits));
}

public sealed class FinancesSection : IntakeSection
{
    private FinancesSection() { }

    public FinancesSection(Guid newcomerId, Guid municipalityId) : base(newcomerId, municipalityId) { }

    public IncomeSource IncomeSource { get; private set; }
    public bool? HasDebts { get; private set; }
    public decimal? DebtAmount { get; private set; }
    public string? Creditors { get; private set; }
    public DebtHelp DebtHelp { get; private set; }
    public bool? HasBankAccount { get; private set; }
    public bool? OntzorgenInPlace { get; private set; }

    public void Update(IncomeSource incomeSource, bool? hasDebts, decimal? debtAmount, string? creditors, DebtHelp debtHelp, bool? hasBankAccount, bool? ontzorgenInPlace)
    {
        if (debtAmount < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(debtAmount), "Een schuld is niet negatief.");
        }
        (IncomeSource, HasDebts, HasBankAccount, OntzorgenInPlace) = (incomeSource, hasDebts, hasBankAccount, ontzorgenInPlace);
        (DebtAmount, Creditors, DebtHelp) = hasDebts == true ? (debtAmount, Clean(creditors), debtHelp) : (null, null, DebtHelp.NotNeeded);
    }
}

internal sealed class FlatSectionMappings :
    IEntityTypeConfiguration<LearnabilitySection>, IEntityTypeConfiguration<EducationSection>, IEntityTypeConfiguration<StrengthsSection>,
    IEntityTypeConfiguration<ReciprocitySection>, IEntityTypeConfiguration<AspirationsSection>, IEntityTypeConfiguration<CircumstancesSection>,
    IEntityTypeConfiguration<FinancesSection>
{
    private const int Text = 4000;

    public void Configure(EntityTypeBuilder<LearnabilitySection> builder)
    {
        builder.MapSection("IntakeLearnability");
        builder.Property(s => s.ExemptionReason).HasMaxLength(Text);
    }

    public void Configure(EntityTypeBuilder<EducationSection> builder)
    {
        builder.MapSection("IntakeEducation");
        builder.Property(s => s.Field).HasMaxLength(200);
        builder.OwnsMany(s => s.Diplomas, b => b.ToJson());
        builder.Ignore(s => s.HighestValuedNlqf);
    }

    public void Configure(EntityTypeBuilder<StrengthsSection> builder)
    {
        builder.MapSection("IntakeStrengths");
        foreach (var text in new[] { nameof(StrengthsSection.Talents), nameof(StrengthsSection.Skills), nameof(StrengthsSection.Hobbies), nameof(StrengthsSection.KnownFor), nameof(StrengthsSection.EnergisedBy) })
        {
            builder.Property(text).HasMaxLength(Text);
        }
        builder.PrimitiveCollection(s => s.Interests);
    }

    public void Configure(EntityTypeBuilder<ReciprocitySection> builder)
    {
        builder.MapSection("IntakeReciprocity");
        builder.Property(s => s.Description).HasMaxLength(Text);
        builder.PrimitiveCollection(s => s.Offers);
    }

    public void Configure(EntityTypeBuilder<AspirationsSection> builder)
    {
        builder.MapSection("IntakeAspirations");
        builder.Property(s => s.ShortTerm).HasMaxLength(Text);
        builder.Property(s => s.LongTerm).HasMaxLength(Text);
    }

    public void Configure(EntityTypeBuilder<CircumstancesSection> builder)
    {
        builder.MapSection("IntakeCircumstances");
        foreach (var text in new[] { nameof(CircumstancesSection.PhysicalHealth), nameof(CircumstancesSection.MentalHealth), nameof(CircumstancesSection.TraumaCare), nameof(CircumstancesSection.CareForChildren), nameof(CircumstancesSection.PracticalLimits) })
        {
            builder.Property(text).HasMaxLength(Text);
        }
    }

    public void Configure(EntityTypeBuilder<FinancesSection> builder)
    {
        builder.MapSection("IntakeFinances");
        builder.Property(s => s.DebtAmount).HasPrecision(12, 2);
        builder.Property(s => s.Creditors).HasMaxLength(Text);
    }
}
