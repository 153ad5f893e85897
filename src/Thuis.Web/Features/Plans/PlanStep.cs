using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Thuis.Web.Platform.Changes;
using Thuis.Web.Platform.Tenancy;

namespace Thuis.Web.Features.Plans;

public enum StepOwner
{
    Newcomer,
    CaseManager,
    Partner,
    Volunteer,
}

public enum StepStatus
{
    Planned,
    Doing,
    Done,
    /// <summary>Stopped on purpose, always with the reason.</summary>
    Dropped,
}

/// <summary>
/// A small step toward a goal: what, who does it, by when, and how far it has come. The seeds' advice is
/// many small, concrete steps rather than one big goal such as "a job".
/// </summary>
public sealed class PlanStep : IMunicipalityOwned, ISharedByPeople
{
    private PlanStep()
    {
        What = "";
    }

    internal PlanStep(IntegrationPlan plan, DateOnly today)
    {
        Id = Guid.CreateVersion7();
        PlanId = plan.Id;
        MunicipalityId = plan.MunicipalityId;
        What = "";
        Status = StepStatus.Planned;
        StatusSince = today;
    }

    public Guid Id { get; private set; }
    public Guid PlanId { get; private set; }

    public IQueryable<Guid> PeopleConcerned(Data.AppDbContext db) =>
        db.IntegrationPlans.Where(p => p.Id == PlanId).Select(p => p.NewcomerId);
    public Guid MunicipalityId { get; private set; }
    public int Position { get; private set; }
    public ParticipationDomain Domain { get; private set; }
    public string What { get; private set; }
    public StepOwner Owner { get; private set; }
    /// <summary>Who exactly, when the owner is a partner or volunteer ("Sportclub DOS", "taalmaatje Els").</summary>
    public string? OwnerName { get; private set; }
    public DateOnly? Due { get; private set; }
    /// <summary>Easy and fun to join: the kind of step the seeds say every plan should start with.</summary>
    public bool LowThreshold { get; private set; }
    /// <summary>The offer or intervention this step uses, when there is one.</summary>
    public string? Offer { get; private set; }
    public StepStatus Status { get; private set; }
    /// <summary>The day the step got its current status, so a stalled plan can be noticed.</summary>
    public DateOnly StatusSince { get; private set; }
    public string? DroppedReason { get; private set; }
    /// <summary>The day the newcomer said in their own Thuis that this step is not going well; until it is done or stopped.</summary>
    public DateOnly? ConcernSince { get; private set; }
    /// <summary>What the newcomer wrote about it, in their own words, if anything.</summary>
    public string? Concern { get; private set; }

    public bool IsOpen => Status is StepStatus.Planned or StepStatus.Doing;

    internal void Describe(StepContent content, int position)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(content.What);
        Position = position;
        Domain = content.Domain;
        What = content.What.Trim();
        Owner = content.Owner;
        OwnerName = IntegrationPlan.Clean(content.OwnerName);
        Due = content.Due;
        LowThreshold = content.LowThreshold;
        Offer = IntegrationPlan.Clean(content.Offer);
    }

    internal void Record(StepStatus status, string? droppedReason, DateOnly today)
    {
        if (status == StepStatus.Dropped && string.IsNullOrWhiteSpace(droppedReason))
        {
            throw new ArgumentException("Een gestopte stap heeft altijd een reden.", nameof(droppedReason));
        }
        if (status != Status)
        {
            StatusSince = today;
        }
        Status = status;
        DroppedReason = status == StepStatus.Dropped ? droppedReason!.Trim() : null;
        if (!IsOpen)
        {
            ConcernSince = null;
            Concern = null;
        }
    }

    internal void RaiseConcern(string? words, DateOnly today)
    {
        if (!IsOpen)
        {
            throw new InvalidOperationException("Over een stap die klaar of gestopt is, is geen zorg meer te melden.");
        }
        ConcernSince ??= today;
        Concern = IntegrationPlan.Clean(words) ?? Concern;
    }

    internal PlanStep CopyTo(IntegrationPlan plan) => new()
    {
        Id = Guid.CreateVersion7(),
        PlanId = plan.Id,
        MunicipalityId = plan.MunicipalityId,
        Position = Position,
        Domain = Domain,
        What = What,
        Owner = Owner,
        OwnerName = OwnerName,
        Due = Due,
        LowThreshold = LowThreshold,
        Offer = Offer,
        Status = Status,
        StatusSince = StatusSince,
        DroppedReason = DroppedReason,
        ConcernSince = ConcernSince,
        Concern = Concern,
    };
}

internal sealed class PlanStepMapping : IEntityTypeConfiguration<PlanStep>
{
    public void Configure(EntityTypeBuilder<PlanStep> builder)
    {
        // Ids are made by the entity; a new step found in the plan's list is then known to be new, not an update.
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.What).HasMaxLength(500);
        builder.Property(s => s.OwnerName).HasMaxLength(200);
        builder.Property(s => s.Offer).HasMaxLength(300);
        builder.Property(s => s.DroppedReason).HasMaxLength(1000);
        builder.Property(s => s.Concern).HasMaxLength(1000);
        builder.Ignore(s => s.IsOpen);
        builder.HasIndex(s => new { s.PlanId, s.Position });
        builder.HasIndex(s => new { s.MunicipalityId, s.Status });
    }
}

public static class PlanTexts
{
    public static string Dutch(this LearningRoute value) => value switch
    {
        LearningRoute.B1 => "B1-route",
        LearningRoute.Education => "onderwijsroute",
        _ => "Z-route",
    };

    public static string Dutch(this MainGoal value) => value switch
    {
        MainGoal.Work => "werk",
        MainGoal.Education => "onderwijs",
        _ => "participatie",
    };

    public static string Dutch(this PlanState value) => value switch
    {
        PlanState.Draft => "concept",
        PlanState.Fixed => "vastgesteld",
        _ => "vervangen",
    };

    public static string Dutch(this StepOwner value) => value switch
    {
        StepOwner.Newcomer => "statushouder zelf",
        StepOwner.CaseManager => "klantregisseur",
        StepOwner.Partner => "partnerorganisatie",
        _ => "vrijwilliger",
    };

    public static string Dutch(this StepStatus value) => value switch
    {
        StepStatus.Planned => "gepland",
        StepStatus.Doing => "bezig",
        StepStatus.Done => "gedaan",
        _ => "gestopt",
    };

    public static string PiezoDutch(int phase) => phase switch
    {
        0 => "fase 0 — eerste activering",
        1 => "fase 1 — meedoen in de buurt",
        2 => "fase 2 — vrijwilligerswerk of activering met begeleiding",
        3 => "fase 3 — werkervaring of leer-werktraject",
        _ => "fase 4 — opleiding of regulier werk",
    };
}
