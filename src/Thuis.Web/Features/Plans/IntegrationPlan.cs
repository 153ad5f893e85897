using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Thuis.Web.Features.Dossiers;
using Thuis.Web.Platform.Changes;
using Thuis.Web.Platform.Tenancy;

namespace Thuis.Web.Features.Plans;

public enum MainGoal
{
    Work,
    Education,
    Participation,
}

public enum PlanState
{
    /// <summary>Being drawn up with the newcomer; may still change freely.</summary>
    Draft,
    /// <summary>Fixed on its decision date (dagtekening): the plan in force.</summary>
    Fixed,
    /// <summary>Replaced by a later fixed version; kept as history.</summary>
    Superseded,
}

/// <summary>The plan's terms apart from its goals and steps, as the case manager agrees them with the newcomer.</summary>
public sealed record PlanTerms(
    LearningRoute? LearningRoute, MainGoal? MainGoal, string? NewcomerWishes,
    int? MapHoursPerWeek, int? PvtHoursPerWeek, DateOnly? OntzorgenFrom, DateOnly? OntzorgenUntil,
    string? ChildcareArrangement, string? GuidanceArrangement,
    int? ProgressMeetingEveryWeeks, DateOnly? NextProgressMeeting, int? PiezoPhase);

/// <summary>What one step of the plan is, apart from how far it has come.</summary>
public sealed record StepContent(
    Guid? Id, ParticipationDomain Domain, string What, StepOwner Owner, string? OwnerName, DateOnly? Due,
    bool LowThreshold, string? Offer);

/// <summary>
/// The Persoonlijk Plan Inburgering en Participatie (PIP) of one newcomer, in versions. A version is drawn up as a
/// draft, then fixed on a decision date; a change after that is a new version, so what was decided stays visible.
/// How far each step has come is progress, not a decision, and may be updated on the plan in force.
/// </summary>
public sealed class IntegrationPlan : IMunicipalityOwned, IPersonData
{
    public const int PiezoPhaseMax = 4;

    private readonly List<PlanGoal> _goals = [];
    private readonly List<PlanStep> _steps = [];
    private readonly List<SteppingStone> _steppingStones = [];

    private IntegrationPlan()
    {
        DraftedBy = "";
    }

    private IntegrationPlan(Guid newcomerId, Guid municipalityId, int number, string by, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7();
        NewcomerId = newcomerId;
        MunicipalityId = municipalityId;
        Number = number;
        State = PlanState.Draft;
        DraftedBy = by;
        DraftedAt = at;
        Version = Guid.NewGuid();
    }

    public Guid Id { get; private set; }
    public Guid MunicipalityId { get; private set; }
    public Guid NewcomerId { get; private set; }

    /// <summary>1 for the first plan, then 2, 3, … for each new version.</summary>
    public int Number { get; private set; }
    public PlanState State { get; private set; }

    public LearningRoute? LearningRoute { get; private set; }
    public MainGoal? MainGoal { get; private set; }
    /// <summary>What the newcomer wants, in their own words: the plan starts from there.</summary>
    public string? NewcomerWishes { get; private set; }
    public int? MapHoursPerWeek { get; private set; }
    public int? PvtHoursPerWeek { get; private set; }
    public DateOnly? OntzorgenFrom { get; private set; }
    public DateOnly? OntzorgenUntil { get; private set; }
    public string? ChildcareArrangement { get; private set; }
    public string? GuidanceArrangement { get; private set; }
    public int? ProgressMeetingEveryWeeks { get; private set; }
    public DateOnly? NextProgressMeeting { get; private set; }
    /// <summary>Where someone stands on the Piëzo ladder, 0 (first activation) to 4 (education or a regular job); optional.</summary>
    public int? PiezoPhase { get; private set; }

    /// <summary>The dagtekening: the date the plan was fixed as a decision.</summary>
    public DateOnly? DecisionDate { get; private set; }
    public string DraftedBy { get; private set; }
    public DateTimeOffset DraftedAt { get; private set; }
    public string? FixedBy { get; private set; }
    public DateTimeOffset? FixedAt { get; private set; }

    /// <summary>Changes with every edit, so a save based on an older page is refused instead of overwriting.</summary>
    public Guid Version { get; private set; }

    public IReadOnlyList<PlanGoal> Goals => _goals;
    public IReadOnlyList<PlanStep> Steps => _steps;

    /// <summary>Work below the person's level chosen as a stepping stone (opstap), each with its reason; matching suggests it.</summary>
    public IReadOnlyList<SteppingStone> SteppingStones => _steppingStones;

    public PlanTerms Terms => new(LearningRoute, MainGoal, NewcomerWishes, MapHoursPerWeek, PvtHoursPerWeek, OntzorgenFrom,
        OntzorgenUntil, ChildcareArrangement, GuidanceArrangement, ProgressMeetingEveryWeeks, NextProgressMeeting, PiezoPhase);

    public static IntegrationPlan FirstDraft(Newcomer newcomer, string by, DateTimeOffset at) =>
        new(newcomer.Id, newcomer.MunicipalityId, 1, by, at);

    /// <summary>A new draft that starts as a copy of the plan in force, steps and their progress included.</summary>
    public IntegrationPlan NextVersion(string by, DateTimeOffset at)
    {
        if (State != PlanState.Fixed)
        {
            throw new InvalidOperationException("Alleen van het vastgestelde plan kan een nieuwe versie worden gemaakt.");
        }
        var next = new IntegrationPlan(NewcomerId, MunicipalityId, Number + 1, by, at);
        next.ApplyTerms(Terms);
        foreach (var goal in _goals)
        {
            next._goals.Add(new PlanGoal(next, goal.Domain, goal.Description));
        }
        foreach (var step in _steps)
        {
            next._steps.Add(step.CopyTo(next));
        }
        next._steppingStones.AddRange(_steppingStones.Select(s => s.Copy()));
        return next;
    }

    public void Revise(PlanTerms terms, IReadOnlyDictionary<ParticipationDomain, string> goals, IReadOnlyList<StepContent> steps, DateOnly today)
    {
        EnsureDraft();
        ApplyTerms(terms);

        _goals.RemoveAll(g => !goals.ContainsKey(g.Domain));
        foreach (var (domain, description) in goals)
        {
            if (_goals.SingleOrDefault(g => g.Domain == domain) is { } goal)
            {
                goal.Describe(description);
            }
            else
            {
                _goals.Add(new PlanGoal(this, domain, description));
            }
        }

        var kept = steps.Where(s => s.Id is not null).Select(s => s.Id!.Value).ToHashSet();
        _steps.RemoveAll(s => !kept.Contains(s.Id));
        for (var position = 0; position < steps.Count; position++)
        {
            var content = steps[position];
            var step = content.Id is { } id ? _steps.SingleOrDefault(s => s.Id == id) : null;
            if (step is null)
            {
                step = new PlanStep(this, today);
                _steps.Add(step);
            }
            step.Describe(content, position);
        }
        Touch();
    }

    /// <summary>Adds one step after the others, such as an intervention chosen in the guide; only to a draft.</summary>
    public PlanStep AddStep(StepContent content, DateOnly today)
    {
        EnsureDraft();
        if (content.Id is not null)
        {
            throw new ArgumentException("Een nieuwe stap heeft nog geen id.", nameof(content));
        }
        var step = new PlanStep(this, today);
        step.Describe(content, _steps.Count == 0 ? 0 : _steps.Max(s => s.Position) + 1);
        _steps.Add(step);
        Touch();
        return step;
    }

    /// <summary>Fixes the draft on its decision date. The caller has checked the route against the law.</summary>
    public void Fix(DateOnly decisionDate, string by, DateTimeOffset at)
    {
        EnsureDraft();
        if (LearningRoute is null || MainGoal is null || _steps.Count == 0)
        {
            throw new InvalidOperationException("Een plan heeft een leerroute, een hoofddoel en ten minste één stap voordat het wordt vastgesteld.");
        }
        State = PlanState.Fixed;
        DecisionDate = decisionDate;
        FixedBy = by;
        FixedAt = at;
        Touch();
    }

    public void Supersede()
    {
        if (State != PlanState.Fixed)
        {
            throw new InvalidOperationException("Alleen een vastgesteld plan kan worden vervangen.");
        }
        State = PlanState.Superseded;
        Touch();
    }

    public void RecordProgress(Guid stepId, StepStatus status, string? droppedReason, DateOnly today)
    {
        if (State == PlanState.Superseded)
        {
            throw new InvalidOperationException("Een vervangen versie van het plan verandert niet meer.");
        }
        _steps.Single(s => s.Id == stepId).Record(status, droppedReason, today);
        Touch();
    }

    /// <summary>
    /// The stepping stones, as chosen with the person. Like progress, a choice of the working plan (draft or in force)
    /// rather than a new decision; a replaced version keeps what it had.
    /// </summary>
    public void ChooseSteppingStones(IEnumerable<SteppingStone> stones)
    {
        if (State == PlanState.Superseded)
        {
            throw new InvalidOperationException("Een vervangen versie van het plan verandert niet meer.");
        }
        var chosen = stones.ToList();
        if (chosen.GroupBy(s => s.EscoUri, StringComparer.Ordinal).Any(g => g.Count() > 1))
        {
            throw new ArgumentException("Een beroep staat er maar één keer in als opstap.", nameof(stones));
        }
        _steppingStones.Clear();
        _steppingStones.AddRange(chosen);
        Touch();
    }

    /// <summary>The newcomer says a step of their plan in force is not going well; the case manager gets a signal.</summary>
    public void RaiseConcern(Guid stepId, string? words, DateOnly today)
    {
        if (State != PlanState.Fixed)
        {
            throw new InvalidOperationException("Alleen over het plan dat geldt, kan de statushouder zelf iets zeggen.");
        }
        _steps.Single(s => s.Id == stepId).RaiseConcern(words, today);
        Touch();
    }

    private void ApplyTerms(PlanTerms terms)
    {
        if (terms.PiezoPhase is < 0 or > PiezoPhaseMax)
        {
            throw new ArgumentOutOfRangeException(nameof(terms), "De Piëzo-fase loopt van 0 tot en met 4.");
        }
        if (terms.OntzorgenFrom is { } from && terms.OntzorgenUntil is { } until && until < from)
        {
            throw new ArgumentException("Ontzorgen kan niet eindigen voordat het begint.", nameof(terms));
        }
        LearningRoute = terms.LearningRoute;
        MainGoal = terms.MainGoal;
        NewcomerWishes = Clean(terms.NewcomerWishes);
        MapHoursPerWeek = terms.MapHoursPerWeek;
        PvtHoursPerWeek = terms.PvtHoursPerWeek;
        OntzorgenFrom = terms.OntzorgenFrom;
        OntzorgenUntil = terms.OntzorgenUntil;
        ChildcareArrangement = Clean(terms.ChildcareArrangement);
        GuidanceArrangement = Clean(terms.GuidanceArrangement);
        ProgressMeetingEveryWeeks = terms.ProgressMeetingEveryWeeks;
        NextProgressMeeting = terms.NextProgressMeeting;
        PiezoPhase = terms.PiezoPhase;
    }

    private void EnsureDraft()
    {
        if (State != PlanState.Draft)
        {
            throw new InvalidOperationException("Een vastgesteld plan verandert alleen via een nieuwe versie.");
        }
    }

    private void Touch() => Version = Guid.NewGuid();

    internal static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>The plan's goal in one participation domain, in words the newcomer recognises.</summary>
public sealed class PlanGoal : IMunicipalityOwned, ISharedByPeople
{
    private PlanGoal()
    {
        Description = "";
    }

    internal PlanGoal(IntegrationPlan plan, ParticipationDomain domain, string description)
    {
        Id = Guid.CreateVersion7();
        PlanId = plan.Id;
        MunicipalityId = plan.MunicipalityId;
        Domain = domain;
        Description = "";
        Describe(description);
    }

    public Guid Id { get; private set; }
    public Guid PlanId { get; private set; }

    public IQueryable<Guid> PeopleConcerned(Data.AppDbContext db) =>
        db.IntegrationPlans.Where(p => p.Id == PlanId).Select(p => p.NewcomerId);
    public Guid MunicipalityId { get; private set; }
    public ParticipationDomain Domain { get; private set; }
    public string Description { get; private set; }

    internal void Describe(string description)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(description);
        Description = description.Trim();
    }
}

internal sealed class IntegrationPlanMapping : IEntityTypeConfiguration<IntegrationPlan>
{
    public void Configure(EntityTypeBuilder<IntegrationPlan> builder)
    {
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.NewcomerWishes).HasMaxLength(2000);
        builder.Property(p => p.ChildcareArrangement).HasMaxLength(1000);
        builder.Property(p => p.GuidanceArrangement).HasMaxLength(1000);
        builder.Property(p => p.DraftedBy).HasMaxLength(200);
        builder.Property(p => p.FixedBy).HasMaxLength(200);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.Ignore(p => p.Terms);
        builder.HasIndex(p => new { p.NewcomerId, p.Number }).IsUnique();
        builder.HasIndex(p => new { p.MunicipalityId, p.State });
        builder.HasOne<Newcomer>().WithMany().HasForeignKey(p => p.NewcomerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Goals).WithOne().HasForeignKey(g => g.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Steps).WithOne().HasForeignKey(s => s.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.Goals).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(p => p.Steps).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.OwnsMany(p => p.SteppingStones, b =>
        {
            b.ToJson();
            b.Property(s => s.EscoUri).HasMaxLength(200);
            b.Property(s => s.Reason).HasMaxLength(SteppingStone.ReasonLength);
        });
        builder.Navigation(p => p.SteppingStones).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class PlanGoalMapping : IEntityTypeConfiguration<PlanGoal>
{
    public void Configure(EntityTypeBuilder<PlanGoal> builder)
    {
        // Ids are made by the entity; a new goal found in the plan's list is then known to be new, not an update.
        builder.Property(g => g.Id).ValueGeneratedNever();
        builder.Property(g => g.Description).HasMaxLength(1000);
        builder.HasIndex(g => new { g.PlanId, g.Domain }).IsUnique();
    }
}
