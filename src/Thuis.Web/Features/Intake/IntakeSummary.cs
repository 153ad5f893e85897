using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;

namespace Thuis.Web.Features.Intake;

/// <summary>One language as the intake recorded it, with its level per skill in words a case manager reads at a glance.</summary>
public sealed record LanguageLine(string Language, bool MotherTongue, string Levels);

/// <summary>
/// What the broad intake says about someone's own strength, languages and wishes: where a plan starts and what a
/// dossier shows at a glance. Empty parts stay empty, so a page can say the intake does not mention them yet.
/// </summary>
public sealed record IntakeSummary(string? Talents, string? Skills, IReadOnlyList<LanguageLine> Languages, string? ShortTermWishes, string? LongTermWishes)
{
    public bool HasTalents => Talents is not null || Skills is not null;

    public bool HasWishes => ShortTermWishes is not null || LongTermWishes is not null;

    /// <summary>
    /// The wishes as a plan takes them over: in the person's own words, each marked with its term when the intake
    /// recorded both; null when the intake has none.
    /// </summary>
    public string? WishesInOwnWords => (ShortTermWishes, LongTermWishes) switch
    {
        (null, null) => null,
        ({ } shortTerm, null) => shortTerm,
        (null, { } longTerm) => longTerm,
        ({ } shortTerm, { } longTerm) => $"Komend jaar: {shortTerm}\nLater: {longTerm}",
    };

    /// <summary>Reads the summary of one newcomer's intake; the tenant filter keeps it to the user's municipality.</summary>
    public static async Task<IntakeSummary> ReadAsync(AppDbContext db, Guid newcomerId, CancellationToken cancellationToken)
    {
        var strengths = await db.Set<StrengthsSection>().AsNoTracking().Where(s => s.NewcomerId == newcomerId)
            .Select(s => new { s.Talents, s.Skills }).SingleOrDefaultAsync(cancellationToken);
        var languages = await db.Set<LanguagesSection>().AsNoTracking().SingleOrDefaultAsync(s => s.NewcomerId == newcomerId, cancellationToken);
        var wishes = await db.Set<AspirationsSection>().AsNoTracking().Where(s => s.NewcomerId == newcomerId)
            .Select(s => new { s.ShortTerm, s.LongTerm }).SingleOrDefaultAsync(cancellationToken);
        return new IntakeSummary(strengths?.Talents, strengths?.Skills,
            [.. (languages?.Languages ?? []).OrderByDescending(l => l.MotherTongue).Select(Line)],
            wishes?.ShortTerm, wishes?.LongTerm);
    }

    private static LanguageLine Line(LanguageSkill skill) => new(skill.Language.Trim(), skill.MotherTongue,
        $"luisteren {skill.Listening.Dutch()}, lezen {skill.Reading.Dutch()}, spreken {skill.Speaking.Dutch()}, schrijven {skill.Writing.Dutch()}");
}
