using Thuis.Web.Data;
using Thuis.Web.Platform.Auditing;
using Thuis.Web.Platform.Security;

namespace Thuis.Web.Features.AuditTrail;

/// <summary>
/// Checks the municipality's audit trail with the key and against the checkpoints written outside the database: that no
/// entry was changed, removed from the middle or cut off at the end. The check itself is recorded in the trail.
/// </summary>
public sealed class VerifyAuditTrail(AppDbContext db, CurrentUser currentUser, AuditKey key, AuditCheckpoints checkpoints)
{
    public const string Purpose = "Audittrail controleren op wijzigingen en verwijderingen";

    public async Task<AuditChainReport> HandleAsync(CancellationToken cancellationToken)
    {
        var municipalityId = currentUser.MunicipalityId ?? throw new InvalidOperationException("Geen gemeente.");
        var anchors = await checkpoints.ReadAsync(municipalityId, cancellationToken);
        var report = await AuditChain.VerifyAsync(db, municipalityId, key, anchors, cancellationToken);
        db.RecordAudit(AuditAction.View, SearchAuditTrail.ObjectType, "controle", AuditResult.Success, Purpose,
            details: report.IsIntact
                ? $"Intact: {report.EntriesChecked} regels, {report.CheckpointsChecked} ankerpunten"
                : "Niet intact: " + string.Join("; ", report.Problems.Select(p => $"{p.Kind} bij regel {p.Sequence}")));
        await db.SaveChangesAsync(cancellationToken);
        return report;
    }
}
