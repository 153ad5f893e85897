using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Thuis.Web.Features.Intake;
using Thuis.Web.Features.Municipalities;
using Thuis.Web.Features.Plans;

namespace Thuis.Web.Features.Interventions;

/// <summary>
/// How far an intervention's effect has been shown, in the order of the recognition ladder: a practice example
/// (praktijkvoorbeeld) sits below a recognised description, and "effectief" has three strengths of evidence.
/// The order lets the guide ask for "at least" a level.
/// </summary>
public enum RecognitionLevel
{
    None,
    PracticeExample,
    WellDescribed,
    WellFounded,
    EffectiveFirstIndications,
    EffectiveGoodIndications,
    EffectiveStrongIndications,
}

/// <summary>Whether an intervention is meant for women or men only; most are for everyone.</summary>
public enum TargetGender
{
    Everyone,
    Women,
    Men,
}

/// <summary>Who an intervention is for: hard limits (age, gender, Dutch needed) and the groups it is aimed at.</summary>
public sealed record InterventionTargetGroup(
    int? MinAge, int? MaxAge, TargetGender Gender, CefrLevel MinimumDutch, bool SuitsNonLiterate,
    bool ForParents, bool ForOver50, bool ForYoungPeople);

/// <summary>The recognition of an intervention: its level, when it was assessed and for how many years that holds.</summary>
public sealed record Recognition(RecognitionLevel Level, DateOnly? AssessedOn, int? ValidYears);

/// <summary>The four conditions the guide asks of an intervention before it is listed as proven.</summary>
public sealed record InclusionCriteria(bool WellDescribed, bool RunningForYears, bool HasHandbook, bool ProcessEvaluated);

/// <summary>Everything that describes an intervention, as the seed file and the edit form give it.</summary>
public sealed record InterventionDetails(
    string Name, string Summary, string? Goal, string? Approach, string? WorkingElements, string? Preconditions,
    IReadOnlyCollection<ParticipationDomain> Domains, InterventionTargetGroup Target, Recognition Recognition,
    InclusionCriteria Criteria, string? Owner, decimal? CostPerParticipant, string? Duration, string? SourceUrl, bool IsExample);

/// <summary>
/// An intervention of the guide (Interventiewijzer): a way of working that has proven itself elsewhere. Shared
/// entries (no municipality) are kept by administrators for every municipality; a municipality may add its own,
/// which only it sees. Not people's data, so not <c>IMunicipalityOwned</c>: every query goes through
/// <see cref="InterventionCatalogue.VisibleTo"/> instead.
/// </summary>
public sealed class Intervention
{
    private Intervention()
    {
        Name = Summary = "";
        Target = new InterventionTargetGroup(null, null, TargetGender.Everyone, CefrLevel.None, false, false, false, false);
        Recognition = new Recognition(RecognitionLevel.None, null, null);
        Criteria = new InclusionCriteria(false, false, false, false);
    }

    public Intervention(Guid? municipalityId, InterventionDetails details, string? seedKey = null) : this()
    {
        Id = Guid.CreateVersion7();
        MunicipalityId = municipalityId;
        SeedKey = seedKey;
        Update(details);
    }

    public Guid Id { get; private set; }

    /// <summary>Null for the shared catalogue; a municipality's id for its own addition.</summary>
    public Guid? MunicipalityId { get; private set; }

    /// <summary>The stable key of an entry that ships with Thuis, by which the seed file updates it.</summary>
    public string? SeedKey { get; private set; }

    /// <summary>A fingerprint of the seed entry last applied: a changed file updates the entry, an unchanged one leaves edits alone.</summary>
    public string? SeedHash { get; private set; }

    /// <summary>Example content (voorbeeldinhoud): written to show how the guide works, not an assessed description.</summary>
    public bool IsExample { get; private set; }

    public string Name { get; private set; }
    public string Summary { get; private set; }
    public string? Goal { get; private set; }
    public string? Approach { get; private set; }
    public string? WorkingElements { get; private set; }
    public string? Preconditions { get; private set; }
    public List<ParticipationDomain> Domains { get; private set; } = [];
    public InterventionTargetGroup Target { get; private set; }
    public Recognition Recognition { get; private set; }
    public InclusionCriteria Criteria { get; private set; }

    /// <summary>Who developed or owns the method.</summary>
    public string? Owner { get; private set; }
    public decimal? CostPerParticipant { get; private set; }
    public string? Duration { get; private set; }
    public string? SourceUrl { get; private set; }

    /// <summary>Changes with every edit, so a save based on an older page is refused instead of overwriting.</summary>
    public Guid Version { get; private set; }

    public bool IsShared => MunicipalityId is null;

    public void Update(InterventionDetails details)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(details.Name);
        ArgumentException.ThrowIfNullOrWhiteSpace(details.Summary);
        if (details.Domains.Count == 0)
        {
            throw new ArgumentException("Een interventie hoort bij minstens één participatiedomein.", nameof(details));
        }
        if (InterventionRules.AgeBandError(details.Target.MinAge, details.Target.MaxAge) is { } ageError)
        {
            throw new ArgumentException(ageError, nameof(details));
        }
        if (InterventionRules.RecognitionError(details.Recognition) is { } recognitionError)
        {
            throw new ArgumentException(recognitionError, nameof(details));
        }
        Name = details.Name.Trim();
        Summary = details.Summary.Trim();
        Goal = Clean(details.Goal);
        Approach = Clean(details.Approach);
        WorkingElements = Clean(details.WorkingElements);
        Preconditions = Clean(details.Preconditions);
        Domains = [.. details.Domains.Distinct().Order()];
        Target = details.Target;
        Recognition = details.Recognition.Level == RecognitionLevel.None ? new Recognition(RecognitionLevel.None, null, null) : details.Recognition;
        Criteria = details.Criteria;
        Owner = Clean(details.Owner);
        CostPerParticipant = details.CostPerParticipant;
        Duration = Clean(details.Duration);
        SourceUrl = Clean(details.SourceUrl);
        IsExample = details.IsExample;
        Version = Guid.NewGuid();
    }

    /// <summary>Applies a new or changed entry of the shipped seed file.</summary>
    public void ApplySeed(InterventionDetails details, string seedHash)
    {
        Update(details);
        SeedHash = seedHash;
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>The rules an intervention's description keeps, shared by the entity and the edit form's messages.</summary>
public static class InterventionRules
{
    public const int OldestAge = 120;

    public static string? AgeBandError(int? minAge, int? maxAge) =>
        minAge is < 0 or > OldestAge || maxAge is < 0 or > OldestAge ? $"Een leeftijd ligt tussen 0 en {OldestAge}."
        : minAge is { } min && maxAge is { } max && min > max ? "De minimumleeftijd is hoger dan de maximumleeftijd."
        : null;

    public static string? RecognitionError(Recognition recognition) =>
        recognition.Level == RecognitionLevel.None ? null
        : recognition.AssessedOn is null ? "Vul de datum van de beoordeling in."
        : recognition.ValidYears is not { } years || !RecognitionValidity.AllowedYears.Contains(years) ? "Een erkenning geldt 3 of 5 jaar."
        : null;
}

internal sealed class InterventionMapping : IEntityTypeConfiguration<Intervention>
{
    private const int Text = 4000;

    public void Configure(EntityTypeBuilder<Intervention> builder)
    {
        builder.Property(i => i.Name).HasMaxLength(200);
        builder.Property(i => i.Summary).HasMaxLength(1000);
        foreach (var text in new[] { nameof(Intervention.Goal), nameof(Intervention.Approach), nameof(Intervention.WorkingElements), nameof(Intervention.Preconditions) })
        {
            builder.Property(text).HasMaxLength(Text);
        }
        builder.Property(i => i.SeedKey).HasMaxLength(100);
        builder.Property(i => i.SeedHash).HasMaxLength(64);
        builder.HasIndex(i => i.SeedKey).IsUnique();
        builder.HasIndex(i => i.MunicipalityId);
        builder.Property(i => i.Owner).HasMaxLength(200);
        builder.Property(i => i.Duration).HasMaxLength(200);
        builder.Property(i => i.SourceUrl).HasMaxLength(500);
        builder.Property(i => i.CostPerParticipant).HasPrecision(10, 2);
        builder.Property(i => i.Version).IsConcurrencyToken();
        builder.PrimitiveCollection(i => i.Domains).ElementType().HasConversion<string>();
        builder.ComplexProperty(i => i.Target);
        builder.ComplexProperty(i => i.Recognition);
        builder.ComplexProperty(i => i.Criteria);
        builder.HasOne<Municipality>().WithMany().HasForeignKey(i => i.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
    }
}
