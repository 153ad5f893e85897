using Thuis.Web.Features.Referrals;

namespace Thuis.Web.Features.Costs;

/// <summary>What a cost is for, as the budget allocates it.</summary>
public enum CostCategory
{
    /// <summary>Language courses and workshop series.</summary>
    Lessons,
    Pvt,
    Map,
    /// <summary>An offer of the social map.</summary>
    Offer,
    /// <summary>An intervention of the guide.</summary>
    Intervention,
    Interpreter,
    Childcare,
}

/// <summary>
/// One cost as it follows from what happened (decision 0034): committed from <see cref="CommittedOn"/>, spent from
/// <see cref="SpentOn"/> when that day has come. Never typed in: computed from enrolments, attendance, sessions and
/// referrals. <see cref="Source"/> is a key of the group, offer or intervention it is for, such as <c>groep:{id}</c>.
/// </summary>
public sealed record CostLine(CostCategory Category, decimal Amount, DateOnly CommittedOn, DateOnly? SpentOn, Guid? NewcomerId,
    string Organisation, string Source, string SourceName)
{
    public bool IsSpent => SpentOn is not null;

    /// <summary>The day that places the line in a month: when it was spent, or else when it was committed.</summary>
    public DateOnly Date => SpentOn ?? CommittedOn;
}

/// <summary>
/// One person taking part in a group, offer or intervention, from their start; whether they still took part three
/// months later, or null while those three months have not passed.
/// </summary>
public sealed record Participation(string Source, string SourceName, string Organisation, Guid NewcomerId, DateOnly StartedOn, bool? GoingAtThreeMonths);

/// <summary>The rules of decision 0034, one per kind of cost, on plain values so each can be checked day by day.</summary>
public static class CostRules
{
    public const int ResultAfterMonths = 3;

    /// <summary>
    /// An enrolment commits the group's price on its date and spends it on the first session the person was present
    /// at. Someone unenrolled before ever coming costs nothing; someone who came keeps costing after leaving.
    /// </summary>
    public static (DateOnly CommittedOn, DateOnly? SpentOn)? Enrolment(DateOnly enrolledOn, DateOnly? firstPresent, bool stillEnrolled, DateOnly today) =>
        firstPresent is { } first && first <= today ? (enrolledOn <= first ? enrolledOn : first, first)
        : stillEnrolled ? (enrolledOn, null)
        : null;

    /// <summary>An interpreter or childcare at a session: committed once planned, spent once the session's day has passed (the day after it).</summary>
    public static DateOnly? SessionSpentOn(DateOnly sessionDate, DateOnly today) => sessionDate < today ? sessionDate : null;

    /// <summary>An accepted referral with a cost commits it on the day it was accepted, and spends it on the day it started.</summary>
    public static (DateOnly CommittedOn, DateOnly? SpentOn)? Referral(ReferralState state, DateOnly? answeredOn, DateOnly? startedOn, DateOnly today) =>
        state is ReferralState.Accepted or ReferralState.Started or ReferralState.Ended && answeredOn is { } accepted
            ? (accepted, startedOn is { } started && started <= today ? started : null)
            : null;

    /// <summary>
    /// Whether someone in a group still took part three months after their first session: still enrolled, or present
    /// or absent on the list on or after that day. Null while the three months have not passed.
    /// </summary>
    public static bool? GroupGoingAtThreeMonths(DateOnly started, bool stillEnrolled, DateOnly? lastOnList, DateOnly today)
    {
        var mark = started.AddMonths(ResultAfterMonths);
        return mark > today ? null : stillEnrolled || lastOnList >= mark;
    }

    /// <summary>Whether a referral still ran three months after its start, or ended well (or after that day). Null before then.</summary>
    public static bool? ReferralGoingAtThreeMonths(DateOnly started, ReferralState state, DateOnly? endedOn, ReferralOutcome? outcome, DateOnly today)
    {
        var mark = started.AddMonths(ResultAfterMonths);
        return mark > today ? null
            : state == ReferralState.Started || outcome == ReferralOutcome.StillGoingAtThreeMonths || endedOn >= mark;
    }
}

public static class CostTexts
{
    public static string Dutch(this CostCategory value) => value switch
    {
        CostCategory.Lessons => "lessen",
        CostCategory.Pvt => "PVT",
        CostCategory.Map => "MAP",
        CostCategory.Offer => "aanbod",
        CostCategory.Intervention => "interventie",
        CostCategory.Interpreter => "tolk",
        _ => "kinderopvang",
    };
}
