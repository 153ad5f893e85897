using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Platform.Editing;
using Thuis.Web.Platform.Security;

namespace Thuis.Web.Features.Transfers;

/// <summary>A public key that may verify files signed in a municipality's name, and where it is known from.</summary>
public sealed record SenderKey(string CbsCode, string Name, string PublicKey, string Fingerprint, bool OnThisInstallation);

/// <summary>
/// The municipality's signing key for transfer files — made the first time it is needed — and the keys that may
/// verify a file: those of the municipalities on this installation, and those the administrator registered.
/// </summary>
public sealed class TransferSigning(AppDbContext db, CurrentUser currentUser, TimeProvider clock, IDataProtectionProvider dataProtection)
{
    /// <summary>The purpose of the protection: a private key protected for one municipality unprotects for no other.</summary>
    public const string ProtectionPurpose = "Thuis.Transfers.SigningKey.v1";

    public const string Purpose = "Sleutel voor het ondertekenen van overdrachtsbestanden gemaakt";

    /// <summary>The municipality's own key, made and saved first when there is none yet.</summary>
    public async Task<TransferKey> OwnKeyAsync(CancellationToken cancellationToken)
    {
        var municipalityId = currentUser.MunicipalityId ?? throw new InvalidOperationException("Geen gemeente.");
        if (await db.Set<TransferKey>().AsNoTracking().SingleOrDefaultAsync(cancellationToken) is { } existing)
        {
            return existing;
        }
        using var key = TransferKeys.NewKey();
        var made = TransferKeys.Of(key);
        var protectedKey = Protector(municipalityId).Protect(key.ExportPkcs8PrivateKey());
        var purpose = db.AuditPurpose;
        db.AuditPurpose = Purpose;
        var own = new TransferKey(municipalityId, made.Pem, Convert.ToBase64String(protectedKey), made.Fingerprint, clock.GetUtcNow());
        db.Add(own);
        // Two first exports at once: the unique index keeps one key, and both go on with that one.
        var saved = await SaveVersionedChange.SaveAsync(db, "", cancellationToken);
        db.AuditPurpose = purpose;
        if (saved.IsSaved)
        {
            return own;
        }
        return await db.Set<TransferKey>().AsNoTracking().SingleAsync(cancellationToken);
    }

    /// <summary>Signs <paramref name="content"/> with the municipality's own key and wraps it in the envelope addressed to <paramref name="to"/>.</summary>
    public async Task<byte[]> SignAsync(byte[] content, string to, CancellationToken cancellationToken)
    {
        var municipalityId = currentUser.MunicipalityId ?? throw new InvalidOperationException("Geen gemeente.");
        var own = await OwnKeyAsync(cancellationToken);
        var cbsCode = await db.Municipalities.Where(m => m.Id == municipalityId).Select(m => m.CbsCode).SingleAsync(cancellationToken);
        using var key = ECDsa.Create();
        key.ImportPkcs8PrivateKey(Protector(municipalityId).Unprotect(Convert.FromBase64String(own.ProtectedPrivateKey)), out _);
        var signature = key.SignData(content, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        return SignedTransferFile.Write(content, to, cbsCode, own.Fingerprint, signature);
    }

    /// <summary>
    /// The key that may verify a file signed in the name of <paramref name="cbsCode"/>: the municipality's own key when
    /// it is on this installation, otherwise the key this municipality's administrator registered for it; null when none.
    /// </summary>
    public async Task<SenderKey?> SenderKeyAsync(string cbsCode, CancellationToken cancellationToken)
    {
        var here = await db.Municipalities.Where(m => m.CbsCode == cbsCode).Select(m => new { m.Id, m.Name }).SingleOrDefaultAsync(cancellationToken);
        if (here is not null)
        {
            // The public half of a neighbour's key on the same installation: the one read across municipalities here.
            var key = await db.Set<TransferKey>().IgnoreQueryFilters().AsNoTracking().Where(k => k.MunicipalityId == here.Id)
                .Select(k => new SenderKey(cbsCode, here.Name, k.PublicKey, k.Fingerprint, true)).SingleOrDefaultAsync(cancellationToken);
            return key;
        }
        return await db.Set<RegisteredTransferKey>().AsNoTracking().Where(k => k.CbsCode == cbsCode)
            .Select(k => new SenderKey(k.CbsCode, k.Name, k.PublicKey, k.Fingerprint, false)).SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>Whether <paramref name="signature"/> by <paramref name="key"/> is over exactly <paramref name="content"/>.</summary>
    public static bool Verifies(SenderKey key, ReadOnlySpan<byte> content, byte[] signature)
    {
        using var verifier = ECDsa.Create();
        verifier.ImportFromPem(key.PublicKey);
        return TransferKeys.Fingerprint(verifier) == key.Fingerprint
            && verifier.VerifyData(content, signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
    }

    private IDataProtector Protector(Guid municipalityId) => dataProtection.CreateProtector(ProtectionPurpose, municipalityId.ToString());
}
