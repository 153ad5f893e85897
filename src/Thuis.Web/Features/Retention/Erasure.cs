using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Thuis.Web.Platform.Privacy;
using Thuis.Web.Platform.Tenancy;

namespace Thuis.Web.Features.Retention;

/// <summary>Why a person's data is erased.</summary>
public enum ErasureReason
{
    /// <summary>The retention term after the dossier closed has passed (Besluit inburgering 2021 art. 9.9 lid 1 sub a).</summary>
    TermPassed,

    /// <summary>The person asked for it (AVG art. 17) and the municipality no longer needs the data.</summary>
    PersonAsked,

    /// <summary>The person died (Besluit inburgering 2021 art. 9.9 lid 1 sub b).</summary>
    Deceased,
}

public enum ErasureState
{
    /// <summary>Asked for; waits for two administrators.</summary>
    Requested,

    /// <summary>One administrator approved; the second approval carries it out.</summary>
    ApprovedOnce,

    Done,

    Refused,
}

public static class ErasureTexts
{
    public static string Dutch(this ErasureReason reason) => reason switch
    {
        ErasureReason.TermPassed => "bewaartermijn verstreken",
        ErasureReason.PersonAsked => "op verzoek van de persoon (AVG art. 17)",
        _ => "overleden (Besluit inburgering 2021 art. 9.9 lid 1 sub b)",
    };

    public static string Dutch(this ErasureState state) => state switch
    {
        ErasureState.Requested => "wacht op twee akkoorden",
        ErasureState.ApprovedOnce => "wacht op tweede akkoord",
        ErasureState.Done => "gewist",
        _ => "afgewezen",
    };
}

/// <summary>
/// One erasure of a person's data: asked for by someone who works with the dossier and carried out after two different
/// administrators approved it, or done by the daily retention run when the term has passed. It names the dossier only
/// by its id, which after the erasure points at a record that no longer says who it was (a pseudonym), and it stays
/// as the report of what was erased.
/// </summary>
public sealed class Erasure : IMunicipalityOwned, IKeptAfterErasure
{
    private Erasure()
    {
        RequestedBy = "";
    }

    private Erasure(Guid municipalityId, Guid newcomerId, ErasureReason reason, DateOnly receivedOn, string requestedBy, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7();
        MunicipalityId = municipalityId;
        NewcomerId = newcomerId;
        Reason = reason;
        ReceivedOn = receivedOn;
        RequestedBy = requestedBy;
        RequestedAt = at;
    }

    public Guid Id { get; private set; }
    public Guid MunicipalityId { get; private set; }

    /// <summary>The dossier: a pseudonym once the erasure is done.</summary>
    public Guid NewcomerId { get; private set; }

    public ErasureReason Reason { get; private set; }

    /// <summary>The day the person's request (or the news of their death) came in: the answer is due a month later (AVG art. 12 lid 3).</summary>
    public DateOnly ReceivedOn { get; private set; }

    public ErasureState State { get; private set; }
    public string RequestedBy { get; private set; }
    public DateTimeOffset RequestedAt { get; private set; }
    public string? FirstApprovalBy { get; private set; }
    public DateTimeOffset? FirstApprovalAt { get; private set; }
    public string? SecondApprovalBy { get; private set; }
    public string? RefusedBy { get; private set; }
    public string? RefusalReason { get; private set; }
    public DateTimeOffset? DoneAt { get; private set; }

    /// <summary>How many records of the person were cleared.</summary>
    public int RecordsErased { get; private set; }

    public Guid Version { get; private set; } = Guid.NewGuid();

    public bool IsOpen => State is ErasureState.Requested or ErasureState.ApprovedOnce;

    /// <summary>The requests still waiting for a decision, as a query.</summary>
    public static System.Linq.Expressions.Expression<Func<Erasure, bool>> Open { get; } =
        e => e.State == ErasureState.Requested || e.State == ErasureState.ApprovedOnce;

    public DateOnly AnswerDue => ReceivedOn.AddMonths(1);

    public static Erasure Request(Guid municipalityId, Guid newcomerId, ErasureReason reason, DateOnly receivedOn, string requestedBy, DateTimeOffset at)
    {
        if (reason == ErasureReason.TermPassed)
        {
            throw new ArgumentException("Een verstreken bewaartermijn wordt niet gevraagd, maar door de dagelijkse ronde gewist.", nameof(reason));
        }
        return new Erasure(municipalityId, newcomerId, reason, receivedOn, requestedBy, at);
    }

    /// <summary>The daily retention run: no approval, the law decides.</summary>
    public static Erasure ForTermPassed(Guid municipalityId, Guid newcomerId, DateOnly today, DateTimeOffset at) =>
        new(municipalityId, newcomerId, ErasureReason.TermPassed, today, Platform.Security.CurrentUser.SystemActor, at);

    /// <summary>Why this administrator may not approve now, in their words; null when they may.</summary>
    public string? WhyNotApprovedBy(string administratorId) =>
        !IsOpen ? "Over dit verzoek is al besloten."
        : administratorId == RequestedBy ? "Wie het verzoek vastlegde, kan het niet zelf goedkeuren."
        : administratorId == FirstApprovalBy ? "U heeft dit verzoek al goedgekeurd. Een tweede functioneel beheerder moet het ook goedkeuren."
        : null;

    /// <summary>Records an approval; true when it is the second, and the erasure must be carried out now.</summary>
    public bool Approve(string administratorId, DateTimeOffset at)
    {
        if (WhyNotApprovedBy(administratorId) is { } why)
        {
            throw new InvalidOperationException(why);
        }
        Version = Guid.NewGuid();
        if (State == ErasureState.Requested)
        {
            State = ErasureState.ApprovedOnce;
            FirstApprovalBy = administratorId;
            FirstApprovalAt = at;
            return false;
        }
        SecondApprovalBy = administratorId;
        return true;
    }

    public void Refuse(string administratorId, string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        if (!IsOpen)
        {
            throw new InvalidOperationException("Over dit verzoek is al besloten.");
        }
        State = ErasureState.Refused;
        RefusedBy = administratorId;
        RefusalReason = reason.Trim();
        Version = Guid.NewGuid();
    }

    public void MarkDone(int records, DateTimeOffset at)
    {
        State = ErasureState.Done;
        RecordsErased = records;
        DoneAt = at;
        Version = Guid.NewGuid();
    }
}

internal sealed class ErasureMapping : IEntityTypeConfiguration<Erasure>
{
    public void Configure(EntityTypeBuilder<Erasure> builder)
    {
        builder.Property(e => e.RequestedBy).HasMaxLength(450);
        builder.Property(e => e.FirstApprovalBy).HasMaxLength(450);
        builder.Property(e => e.SecondApprovalBy).HasMaxLength(450);
        builder.Property(e => e.RefusedBy).HasMaxLength(450);
        builder.Property(e => e.RefusalReason).HasMaxLength(1000);
        builder.Property(e => e.Version).IsConcurrencyToken();
        builder.HasIndex(e => new { e.MunicipalityId, e.State });
        builder.HasIndex(e => new { e.MunicipalityId, e.NewcomerId });
    }
}
