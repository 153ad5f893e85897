using Thuis.Web.Data;
using Thuis.Web.Platform.Auditing;
using Thuis.Web.Platform.Security;

namespace Thuis.Web.Features.Admin;

/// <summary>Checks that no entry of the municipality's audit trail was changed or removed along the way.</summary>
public sealed class VerifyAuditTrail(AppDbContext db, CurrentUser currentUser)
{
    public Task<AuditChainReport> HandleAsync(CancellationToken cancellationToken) =>
        AuditChain.VerifyAsync(db, currentUser.MunicipalityId ?? throw new InvalidOperationException("Geen gemeente."), cancellationToken);
}
