using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Thuis.Web.Features.Dossiers;
using Thuis.Web.Platform.Changes;
using Thuis.Web.Platform.Tenancy;

namespace Thuis.Web.Features.Own;

/// <summary>What the person takes part in that Thuis asks about: each has a start day of its own.</summary>
public enum ActivityKind
{
    /// <summary>A referral to a partner organisation that started (an offer, an intervention, a volunteer through a partner).</summary>
    Referral,
    /// <summary>A yes to something no partner receives a referral for (often a taalmaatje or buddy), arranged and started.</summary>
    Arranged,
    /// <summary>Taking part in a course group (a language course, the PVT, the MAP) from the day of enrolment.</summary>
    CourseGroup,
}

/// <summary>When the person is asked how it goes: two weeks after the start, and three calendar months after it.</summary>
public enum FeedbackMoment
{
    TwoWeeks,
    ThreeMonths,
}

/// <summary>"Wil je doorgaan?"</summary>
public enum WantsToContinue
{
    Yes,
    No,
    DontKnow,
}

/// <summary>
/// Something the person takes part in, as Thuis asks about it: what it is (in the words staff wrote) and the day it
/// started. The rules of "Hoe gaat het?" are here: from when each moment is asked, and that each is answered once.
/// </summary>
public sealed record OwnActivity(ActivityKind Kind, Guid Id, string What, DateOnly StartedOn)
{
    public const int TwoWeeksDays = 14;
    public const int ThreeMonths = 3;

    /// <summary>The three-month question stays until this many months after the start; after that nobody asks "after three months" any more.</summary>
    public const int AskedUntilMonths = 6;

    /// <summary>
    /// The first day a moment is asked: fourteen days after the start, or three calendar months after it (31 May gives
    /// 31 August, 30 November gives 28 February), as "doet na drie maanden nog mee" is counted for a referral.
    /// </summary>
    public DateOnly AskedFrom(FeedbackMoment moment) =>
        moment == FeedbackMoment.TwoWeeks ? StartedOn.AddDays(TwoWeeksDays) : StartedOn.AddMonths(ThreeMonths);

    /// <summary>
    /// The moment the person is asked about today, or none: the latest moment that has come, while it is not answered.
    /// Once three months have come, the two-week question is no longer asked; it would ask about a time long past.
    /// Only someone Thuis works with now is asked: not during "niet nu", nor after moving away or finishing.
    /// </summary>
    public FeedbackMoment? Asked(DateOnly today, IReadOnlyCollection<FeedbackMoment> answered, DossierStatus status)
    {
        if (status != DossierStatus.Active || today >= StartedOn.AddMonths(AskedUntilMonths))
        {
            return null;
        }
        FeedbackMoment? due = today >= AskedFrom(FeedbackMoment.ThreeMonths) ? FeedbackMoment.ThreeMonths
            : today >= AskedFrom(FeedbackMoment.TwoWeeks) ? FeedbackMoment.TwoWeeks
            : null;
        return due is { } moment && !answered.Contains(moment) ? moment : null;
    }

    /// <summary>Why this moment cannot be answered today; null when it can. <see cref="ActivityFeedback"/> refuses the same.</summary>
    public FeedbackRefusal? CannotAnswer(FeedbackMoment moment, DateOnly today, IReadOnlyCollection<FeedbackMoment> answered, DossierStatus status) =>
        answered.Contains(moment) ? FeedbackRefusal.AlreadyAnswered
        : Asked(today, answered, status) != moment ? FeedbackRefusal.NotAsked
        : null;
}

public enum FeedbackRefusal
{
    AlreadyAnswered,
    NotAsked,
}

/// <summary>
/// The person's own answer to "Hoe gaat het?" about one activity at one moment: a face from 1 (heel slecht) to 5
/// (heel goed), their own words if they like, and whether they want to go on. Given once per moment; never changed.
/// </summary>
public sealed class ActivityFeedback : IMunicipalityOwned, IPersonData
{
    public const int LowestFace = 1;
    public const int HighestFace = 5;
    public const int MaxWordsLength = 1000;
    public const int MaxWhatLength = 300;

    private ActivityFeedback() => What = "";

    public ActivityFeedback(Newcomer newcomer, OwnActivity activity, FeedbackMoment moment, IReadOnlyCollection<FeedbackMoment> answered,
        int face, string? words, WantsToContinue wantsToContinue, DateOnly today, DateTimeOffset at)
    {
        if (activity.CannotAnswer(moment, today, answered, newcomer.Status) is { } refusal)
        {
            throw new InvalidOperationException(refusal == FeedbackRefusal.AlreadyAnswered
                ? "Deze vraag is al beantwoord."
                : "Over deze activiteit wordt nu niets gevraagd.");
        }
        ArgumentOutOfRangeException.ThrowIfLessThan(face, LowestFace);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(face, HighestFace);
        var cleaned = string.IsNullOrWhiteSpace(words) ? null : words.Trim();
        if (cleaned?.Length > MaxWordsLength)
        {
            throw new ArgumentException($"Hoogstens {MaxWordsLength} tekens.", nameof(words));
        }
        Id = Guid.CreateVersion7();
        MunicipalityId = newcomer.MunicipalityId;
        NewcomerId = newcomer.Id;
        ActivityKind = activity.Kind;
        ActivityId = activity.Id;
        What = activity.What.Length <= MaxWhatLength ? activity.What : activity.What[..MaxWhatLength];
        StartedOn = activity.StartedOn;
        Moment = moment;
        Face = face;
        Words = cleaned;
        WantsToContinue = wantsToContinue;
        AnsweredOn = today;
        AnsweredAt = at;
    }

    public Guid Id { get; private set; }
    public Guid MunicipalityId { get; private set; }
    public Guid NewcomerId { get; private set; }
    public ActivityKind ActivityKind { get; private set; }

    /// <summary>The referral, the arranged proposal or the course group it is about.</summary>
    public Guid ActivityId { get; private set; }

    /// <summary>What the activity was called when the person answered, so the answer reads the same after it ended.</summary>
    public string What { get; private set; }

    public DateOnly StartedOn { get; private set; }
    public FeedbackMoment Moment { get; private set; }

    /// <summary>1 heel slecht, 2 slecht, 3 gaat wel, 4 goed, 5 heel goed.</summary>
    public int Face { get; private set; }

    /// <summary>The person's own words, as they wrote them; none when they wrote nothing.</summary>
    public string? Words { get; private set; }

    public WantsToContinue WantsToContinue { get; private set; }
    public DateOnly AnsweredOn { get; private set; }
    public DateTimeOffset AnsweredAt { get; private set; }

    /// <summary>Not going well: one of the two lowest faces, or not wanting to go on. The case manager gets a signal.</summary>
    public bool IsUnhappy => IsUnhappyAnswer(Face, WantsToContinue);

    public static bool IsUnhappyAnswer(int face, WantsToContinue wantsToContinue) => face <= 2 || wantsToContinue == WantsToContinue.No;
}

internal sealed class ActivityFeedbackMapping : IEntityTypeConfiguration<ActivityFeedback>
{
    public void Configure(EntityTypeBuilder<ActivityFeedback> builder)
    {
        builder.Property(f => f.Id).ValueGeneratedNever();
        builder.Property(f => f.What).HasMaxLength(ActivityFeedback.MaxWhatLength);
        builder.Property(f => f.Words).HasMaxLength(ActivityFeedback.MaxWordsLength);
        builder.Ignore(f => f.IsUnhappy);
        // Each moment is answered once: two answers sent at the same moment cannot both be saved.
        builder.HasIndex(f => new { f.NewcomerId, f.ActivityId, f.Moment }).IsUnique();
        builder.HasIndex(f => new { f.MunicipalityId, f.ActivityKind, f.ActivityId });
        builder.HasOne<Newcomer>().WithMany().HasForeignKey(f => f.NewcomerId).OnDelete(DeleteBehavior.Cascade);
    }
}
