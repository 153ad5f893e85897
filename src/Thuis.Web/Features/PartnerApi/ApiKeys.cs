using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Platform.Editing;
using Thuis.Web.Platform.Security;

namespace Thuis.Web.Features.PartnerApi;

public sealed record ApiKeyRow(Guid Id, string Name, string Organisation, string Prefix, DateTimeOffset CreatedAt, string CreatedBy,
    DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt, string? RevokedBy, Guid Version);

public sealed record ApiKeyOrganisation(Guid Id, string Name);

public sealed record ApiKeysView(IReadOnlyList<ApiKeyRow> Keys, IReadOnlyList<ApiKeyOrganisation> Organisations);

/// <summary>The municipality's API keys, the revoked ones last, and the partner organisations a key can be issued to.</summary>
public sealed class ShowApiKeys(AppDbContext db)
{
    public async Task<ApiKeysView> HandleAsync(CancellationToken cancellationToken)
    {
        var keys = await db.PartnerApiKeys.AsNoTracking()
            .Join(db.Organisations, k => k.OrganisationId, o => o.Id, (k, o) => new ApiKeyRow(k.Id, k.Name, o.Name, k.Prefix, k.CreatedAt, k.CreatedBy,
                k.LastUsedAt, k.RevokedAt, k.RevokedBy, k.Version))
            .ToListAsync(cancellationToken);
        var organisations = await db.Organisations.AsNoTracking().Where(o => o.IsPartner).OrderBy(o => o.Name)
            .Select(o => new ApiKeyOrganisation(o.Id, o.Name)).ToListAsync(cancellationToken);
        return new ApiKeysView(
            [.. keys.OrderBy(k => k.RevokedAt is not null).ThenBy(k => k.Organisation, StringComparer.CurrentCulture).ThenByDescending(k => k.CreatedAt)],
            organisations);
    }

    public async Task<ApiKeyRow?> OneAsync(Guid keyId, CancellationToken cancellationToken) =>
        (await HandleAsync(cancellationToken)).Keys.SingleOrDefault(k => k.Id == keyId);
}

public sealed class IssueApiKeyForm
{
    [Required(ErrorMessage = "Kies de partnerorganisatie.")]
    public Guid? OrganisationId { get; set; }

    [Required(ErrorMessage = "Geef de sleutel een naam, bijvoorbeeld het systeem dat hem gebruikt.")]
    [StringLength(PartnerApiKey.NameMaxLength, ErrorMessage = "Een naam heeft hoogstens 100 tekens.")]
    public string Name { get; set; } = "";
}

/// <summary>The key as issued: shown once, on the page that issued it.</summary>
public sealed record IssuedApiKey(Guid Id, string Name, string Organisation, string Key);

/// <summary>Issues a key for one of the municipality's partner organisations; the key itself is returned once and kept only as a hash.</summary>
public sealed class IssueApiKey(AppDbContext db, CurrentUser currentUser, TimeProvider clock)
{
    public async Task<Outcome<IssuedApiKey>> HandleAsync(IssueApiKeyForm form, CancellationToken cancellationToken)
    {
        var organisation = form.OrganisationId is { } id
            ? await db.Organisations.SingleOrDefaultAsync(o => o.Id == id && o.IsPartner, cancellationToken)
            : null;
        var errors = new Dictionary<string, string>();
        if (organisation is null)
        {
            errors[nameof(IssueApiKeyForm.OrganisationId)] = "Kies een partnerorganisatie van de gemeente.";
        }
        if (string.IsNullOrWhiteSpace(form.Name))
        {
            errors[nameof(IssueApiKeyForm.Name)] = "Geef de sleutel een naam, bijvoorbeeld het systeem dat hem gebruikt.";
        }
        if (errors.Count > 0)
        {
            return Outcome.Invalid(errors);
        }
        var (key, secret) = PartnerApiKey.Issue(organisation!, form.Name, currentUser.DisplayName, clock.GetUtcNow());
        db.Add(key);
        var saved = await SaveVersionedChange.SaveAsync(db, "Er ging iets mis bij het maken van de sleutel. Probeer het opnieuw.", cancellationToken);
        return saved.IsSaved ? Outcome.Saved(new IssuedApiKey(key.Id, key.Name, organisation!.Name, secret)) : saved;
    }
}

/// <summary>Revokes a key: the next call with it is refused. The key stays listed, with who revoked it and when.</summary>
public sealed class RevokeApiKey(AppDbContext db, CurrentUser currentUser, TimeProvider clock)
{
    public async Task<Outcome> HandleAsync(Guid keyId, Guid version, CancellationToken cancellationToken)
    {
        var key = await db.PartnerApiKeys.SingleOrDefaultAsync(k => k.Id == keyId, cancellationToken);
        if (key is null)
        {
            return Outcome.NotFound();
        }
        return await SaveVersionedChange.HandleAsync(db, key, version, k => k.CannotRevoke(), k => k.Revoke(currentUser.DisplayName, clock.GetUtcNow()),
            "Iemand anders heeft deze sleutel intussen ingetrokken. Open de lijst opnieuw.", cancellationToken);
    }
}
