using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Platform.Auditing;

namespace Thuis.Web.Features.Dossiers;

public sealed record DossierView(Guid Id, string GivenNames, string FamilyName, DateOnly DateOfBirth, string? Bsn, DateTimeOffset RegisteredAt);

/// <summary>Opens one dossier. Every attempt is audited, including one for a dossier the user may not see.</summary>
public sealed class ViewDossier(AppDbContext db)
{
    public const string Purpose = "Dossier inzien voor begeleiding";

    public async Task<DossierView?> HandleAsync(Guid newcomerId, CancellationToken cancellationToken)
    {
        var dossier = await db.Newcomers.AsNoTracking()
            .Where(n => n.Id == newcomerId)
            .Select(n => new DossierView(n.Id, n.GivenNames, n.FamilyName, n.DateOfBirth, n.Bsn, n.RegisteredAt))
            .SingleOrDefaultAsync(cancellationToken);

        db.RecordAudit(AuditAction.View, nameof(Newcomer), newcomerId.ToString(),
            dossier is null ? AuditResult.NotFound : AuditResult.Success, Purpose);
        await db.SaveChangesAsync(cancellationToken);
        return dossier;
    }
}
