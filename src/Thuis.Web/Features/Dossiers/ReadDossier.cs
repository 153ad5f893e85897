using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Platform.Auditing;

namespace Thuis.Web.Features.Dossiers;

/// <summary>
/// The one way a page reads a newcomer to show (part of) their dossier: every attempt lands in the audit trail
/// with its purpose, including one for a dossier of another municipality, which the user cannot see.
/// </summary>
internal static class ReadDossier
{
    public static async Task<Newcomer?> NewcomerAsync(AppDbContext db, Guid newcomerId, string objectType, string purpose, CancellationToken cancellationToken)
    {
        var newcomer = await db.Newcomers.AsNoTracking().SingleOrDefaultAsync(n => n.Id == newcomerId, cancellationToken);
        db.RecordAudit(AuditAction.View, objectType, newcomerId.ToString(),
            newcomer is null ? AuditResult.NotFound : AuditResult.Success, purpose, newcomer?.Id);
        await db.SaveChangesAsync(cancellationToken);
        return newcomer;
    }

    /// <summary>The person's name for a page's heading, read the same audited way.</summary>
    public static async Task<string?> NameAsync(AppDbContext db, Guid newcomerId, string objectType, string purpose, CancellationToken cancellationToken) =>
        await NewcomerAsync(db, newcomerId, objectType, purpose, cancellationToken) is { } newcomer
            ? newcomer.GivenNames + " " + newcomer.FamilyName
            : null;
}
