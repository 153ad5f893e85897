using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Platform.Security;

namespace Thuis.Web.Features.Transfers;

public sealed record OwnKeyView(string PublicKey, string Fingerprint, DateTimeOffset CreatedAt);

public sealed record RegisteredKeyRow(Guid Id, string Name, string CbsCode, string Fingerprint, DateTimeOffset RegisteredAt, string RegisteredBy);

/// <summary>What the administrator sees: the municipality's own key, the neighbours on this installation, and the registered keys.</summary>
public sealed record TransferKeysView(
    string MunicipalityName, string CbsCode, OwnKeyView? Own, IReadOnlyList<string> OnThisInstallation, IReadOnlyList<RegisteredKeyRow> Registered);

/// <summary>The keys for signing and checking transfer files, as the administrator manages them.</summary>
public sealed class ShowTransferKeys(AppDbContext db, CurrentUser currentUser)
{
    public async Task<TransferKeysView> HandleAsync(CancellationToken cancellationToken)
    {
        var municipalityId = currentUser.MunicipalityId ?? throw new InvalidOperationException("Geen gemeente.");
        var municipality = await db.Municipalities.Where(m => m.Id == municipalityId).Select(m => new { m.Name, m.CbsCode }).SingleAsync(cancellationToken);
        var own = await db.Set<TransferKey>().Select(k => new OwnKeyView(k.PublicKey, k.Fingerprint, k.CreatedAt)).SingleOrDefaultAsync(cancellationToken);
        var neighbours = await db.Municipalities.Where(m => m.Id != municipalityId).OrderBy(m => m.Name).Select(m => m.Name + " (" + m.CbsCode + ")").ToListAsync(cancellationToken);
        var registered = await RegisteredAsync(cancellationToken);
        return new TransferKeysView(municipality.Name, municipality.CbsCode, own, neighbours, registered);
    }

    public async Task<IReadOnlyList<RegisteredKeyRow>> RegisteredAsync(CancellationToken cancellationToken) =>
        (await db.Set<RegisteredTransferKey>()
            .Select(k => new RegisteredKeyRow(k.Id, k.Name, k.CbsCode, k.Fingerprint, k.RegisteredAt, k.RegisteredBy))
            .ToListAsync(cancellationToken))
        .OrderBy(k => k.Name, StringComparer.CurrentCulture).ToList();

    /// <summary>The own public key as a file to hand to other municipalities; null while there is none.</summary>
    public async Task<(string Pem, string FileName)?> OwnPublicKeyFileAsync(CancellationToken cancellationToken)
    {
        var view = await HandleAsync(cancellationToken);
        return view.Own is { } own ? (own.PublicKey, $"overdrachtssleutel-{view.CbsCode}-{view.MunicipalityName.ToLowerInvariant().Replace(' ', '-')}.pem") : null;
    }
}

/// <summary>Makes the municipality's signing key before the first export, so its public key can be handed out in advance.</summary>
public sealed class MakeTransferKey(TransferSigning signing)
{
    public async Task HandleAsync(CancellationToken cancellationToken) => await signing.OwnKeyAsync(cancellationToken);
}
