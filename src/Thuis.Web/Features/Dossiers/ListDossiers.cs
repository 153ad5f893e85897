using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;

namespace Thuis.Web.Features.Dossiers;

public sealed record DossierRow(Guid Id, string GivenNames, string FamilyName, DateOnly DateOfBirth);

/// <summary>The dossiers of the user's municipality, by family name.</summary>
public sealed class ListDossiers(AppDbContext db)
{
    public Task<List<DossierRow>> HandleAsync(CancellationToken cancellationToken) =>
        db.Newcomers.AsNoTracking()
            .OrderBy(n => n.FamilyName).ThenBy(n => n.GivenNames)
            .Select(n => new DossierRow(n.Id, n.GivenNames, n.FamilyName, n.DateOfBirth))
            .ToListAsync(cancellationToken);
}
