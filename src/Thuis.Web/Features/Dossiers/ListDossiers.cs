using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Features.Intake;
using Thuis.Web.Platform.Paging;
using Thuis.Web.Platform.Security;

namespace Thuis.Web.Features.Dossiers;

/// <summary>Whose people the caseload lists: the case manager's own, the whole municipality, or those nobody guides yet.</summary>
public enum CaseloadScope
{
    Mine,
    All,
    WithoutCaseManager,
}

public sealed record CaseloadQuery(string? Search, DossierStatus? Status, CaseloadScope Scope, string Sort, int Page);

public sealed record CaseloadRow(
    Guid Id, string GivenNames, string FamilyName, DateOnly DateOfBirth, string CountryOfOrigin, DossierStatus Status,
    DateOnly RegistrationDate, DateOnly? HousingDate, string? CaseManagerName, IReadOnlyList<string> MissingParts);

/// <summary>
/// The caseload: a case manager's own people by default, the whole municipality (with those without a case manager),
/// or only those without a case manager; searchable,
/// sortable and paged, with what is still missing from each intake.
/// </summary>
public sealed class ListDossiers(AppDbContext db, CurrentUser currentUser)
{
    public async Task<Paged<CaseloadRow>> HandleAsync(CaseloadQuery query, CancellationToken cancellationToken)
    {
        var people = SearchNewcomers.Filter(db.Newcomers.AsNoTracking(), query.Search) ?? db.Newcomers.AsNoTracking();
        if (query.Status is { } status)
        {
            people = people.Where(n => n.Status == status);
        }
        if (query.Scope == CaseloadScope.Mine && currentUser.UserId is { } me)
        {
            people = people.Where(n => n.CaseManagerId == me);
        }
        else if (query.Scope == CaseloadScope.WithoutCaseManager)
        {
            // Nobody is assigned, or the one assigned no longer works here (an account removed or of another municipality).
            people = people.Where(n => n.CaseManagerId == null || !db.Users.Any(u => u.Id == n.CaseManagerId));
        }
        people = query.Sort switch
        {
            "geboortedatum" => people.OrderBy(n => n.DateOfBirth).ThenBy(n => n.FamilyName),
            "inschrijving" => people.OrderByDescending(n => n.RegistrationDate).ThenBy(n => n.FamilyName),
            "huisvesting" => people.OrderByDescending(n => n.HousingDate).ThenBy(n => n.FamilyName),
            "status" => people.OrderBy(n => n.Status).ThenBy(n => n.FamilyName),
            _ => people.OrderBy(n => n.FamilyName).ThenBy(n => n.GivenNames),
        };

        var total = await people.CountAsync(cancellationToken);
        var (page, pages) = Paging.Clamp(total, query.Page);
        var rows = await people
            .Skip((page - 1) * Paging.PageSize).Take(Paging.PageSize)
            .Select(n => new
            {
                n.Id,
                n.GivenNames,
                n.FamilyName,
                n.DateOfBirth,
                n.CountryOfOrigin,
                n.Status,
                n.RegistrationDate,
                n.HousingDate,
                CaseManager = db.Users.Where(u => u.Id == n.CaseManagerId).Select(u => u.DisplayName).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);

        var recorded = await IntakePart.RecordedAsync(db, [.. rows.Select(r => r.Id)], cancellationToken);
        var result = rows.Select(r => new CaseloadRow(r.Id, r.GivenNames, r.FamilyName, r.DateOfBirth, r.CountryOfOrigin, r.Status,
            r.RegistrationDate, r.HousingDate, r.CaseManager,
            IntakePart.All.Except(recorded[r.Id].Select(p => p.Part)).Select(p => p.Title).ToList())).ToList();
        return new Paged<CaseloadRow>(result, total, page, pages);
    }
}
