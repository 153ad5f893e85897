using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Platform.Auditing;

namespace Thuis.Web.Features.Intake;

public sealed record LoadedSection<TSection>(string? NewcomerName, TSection? Section) where TSection : IntakeSection
{
    public bool NewcomerFound => NewcomerName is not null;
}

/// <summary>
/// Reads one intake part of a newcomer of the user's municipality. Every reading is audited, whether the part holds
/// health notes, money, household or languages: each is part of the dossier.
/// </summary>
public sealed class LoadIntakeSection(AppDbContext db)
{
    public async Task<LoadedSection<TSection>> HandleAsync<TSection>(Guid newcomerId, CancellationToken cancellationToken) where TSection : IntakeSection
    {
        var name = await db.Newcomers.Where(n => n.Id == newcomerId).Select(n => n.GivenNames + " " + n.FamilyName).SingleOrDefaultAsync(cancellationToken);
        var found = name is not null;
        var section = found
            ? await db.Set<TSection>().AsNoTracking().SingleOrDefaultAsync(s => s.NewcomerId == newcomerId, cancellationToken)
            : null;
        var part = IntakePart.All.Single(p => p.Section == typeof(TSection));
        db.RecordAudit(AuditAction.View, typeof(TSection).Name, newcomerId.ToString(),
            found ? AuditResult.Success : AuditResult.NotFound,
            part.Restricted ? "Persoonlijke omstandigheden inzien voor begeleiding" : $"Brede intake inzien: {part.Title.ToLowerInvariant()}",
            found ? newcomerId : null);
        await db.SaveChangesAsync(cancellationToken);
        return new LoadedSection<TSection>(name, section);
    }
}
