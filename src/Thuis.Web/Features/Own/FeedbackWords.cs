using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;

namespace Thuis.Web.Features.Own;

/// <summary>One answer to "Hoe gaat het?" as the case manager reads it in the dossier.</summary>
public sealed record FeedbackLine(string What, ActivityKind Kind, FeedbackMoment Moment, int Face, WantsToContinue WantsToContinue, string? Words,
    DateOnly AnsweredOn)
{
    public bool IsUnhappy => ActivityFeedback.IsUnhappyAnswer(Face, WantsToContinue);

    /// <summary>The answers of one person, newest first; the tenant filter keeps them to the user's municipality.</summary>
    public static async Task<IReadOnlyList<FeedbackLine>> ReadAsync(AppDbContext db, Guid newcomerId, CancellationToken cancellationToken) =>
        (await db.ActivityFeedbacks.AsNoTracking().Where(f => f.NewcomerId == newcomerId)
            .Select(f => new { Line = new FeedbackLine(f.What, f.ActivityKind, f.Moment, f.Face, f.WantsToContinue, f.Words, f.AnsweredOn), f.AnsweredAt })
            .ToListAsync(cancellationToken))
        .OrderByDescending(f => f.AnsweredAt).Select(f => f.Line).ToList();
}

/// <summary>The answers of "Hoe gaat het?" in the Dutch the staff's pages speak; the person's own pages use OwnTexts.</summary>
public static class FeedbackWords
{
    public static string Face(int face) => face switch
    {
        1 => "heel slecht",
        2 => "slecht",
        3 => "gaat wel",
        4 => "goed",
        _ => "heel goed",
    };

    public static string Continue(WantsToContinue answer) => answer switch
    {
        WantsToContinue.Yes => "ja",
        WantsToContinue.No => "nee",
        _ => "weet het niet",
    };

    public static string Moment(FeedbackMoment moment) => moment == FeedbackMoment.TwoWeeks ? "na 2 weken" : "na 3 maanden";

    public static string Kind(ActivityKind kind) => kind switch
    {
        ActivityKind.Referral => "verwijzing",
        ActivityKind.Arranged => "geregeld (vrijwilliger of activiteit)",
        _ => "cursusgroep",
    };
}
