using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Platform.Editing;
using Thuis.Web.Platform.Localization;
using Thuis.Web.Platform.Security;

namespace Thuis.Web.Features.Dossiers;

public sealed record DuplicateCandidate(Guid Id, string Name, DateOnly DateOfBirth, string Reason, bool Certain);

/// <summary>The new dossier, or the dossiers that may be the same person, shown instead of registering twice.</summary>
public sealed record Registration(Guid? NewcomerId, IReadOnlyList<DuplicateCandidate> Duplicates);

/// <summary>
/// Registers a newcomer in the user's municipality, after checking the form and looking for the same
/// person: the same BSN or V-number is refused; the same name and birth date asks for confirmation.
/// </summary>
public sealed class RegisterNewcomer(AppDbContext db, CurrentUser currentUser, TimeProvider clock)
{
    public const string MaybeRegistered = "Mogelijk bestaat dit dossier al.";

    public async Task<Outcome<Registration>> HandleAsync(NewcomerForm form, CancellationToken cancellationToken)
    {
        var today = clock.InTheNetherlands();
        var errors = form.Check(today);
        if (errors.Count > 0)
        {
            return Outcome.Invalid(errors);
        }
        var person = form.ToPerson();
        var duplicates = await FindDuplicatesAsync(person, cancellationToken);
        if (duplicates.Any(d => d.Certain) || (duplicates.Count > 0 && !form.ConfirmedNotDuplicate))
        {
            return Outcome.Conflict(MaybeRegistered).With(new Registration(null, duplicates));
        }

        var municipalityId = currentUser.MunicipalityId ?? throw new InvalidOperationException("Geen gemeente.");
        var newcomer = new Newcomer(municipalityId, person, form.ToLegalFrame(), clock.GetUtcNow());
        if (currentUser.IsInRole(Roles.CaseManager))
        {
            newcomer.AssignCaseManager(currentUser.UserId);
        }
        db.Newcomers.Add(newcomer);
        var saved = await SaveVersionedChange.SaveAsync(db, MaybeRegistered, cancellationToken);
        if (!saved.IsSaved)
        {
            // Registered by someone else between our check and our save: show that dossier instead.
            return saved.With(new Registration(null, await FindDuplicatesAsync(person, cancellationToken)));
        }
        return Outcome.Saved(new Registration(newcomer.Id, []));
    }

    public async Task<List<DuplicateCandidate>> FindDuplicatesAsync(PersonDetails person, CancellationToken cancellationToken)
    {
        var candidates = await db.Newcomers.AsNoTracking()
            .Where(n => (person.Bsn != null && n.Bsn == person.Bsn)
                || (person.VNumber != null && n.VNumber == person.VNumber)
                || n.DateOfBirth == person.DateOfBirth)
            .Select(n => new { n.Id, n.GivenNames, n.FamilyName, n.DateOfBirth, n.Bsn, n.VNumber })
            .ToListAsync(cancellationToken);

        var found = new List<DuplicateCandidate>();
        foreach (var c in candidates)
        {
            var name = $"{c.GivenNames} {c.FamilyName}";
            if (person.Bsn is not null && c.Bsn == person.Bsn)
            {
                found.Add(new DuplicateCandidate(c.Id, name, c.DateOfBirth, "heeft hetzelfde BSN", Certain: true));
            }
            else if (person.VNumber is not null && c.VNumber == person.VNumber)
            {
                found.Add(new DuplicateCandidate(c.Id, name, c.DateOfBirth, "heeft hetzelfde V-nummer", Certain: true));
            }
            else if (c.DateOfBirth == person.DateOfBirth
                && NameMatching.AreSimilar(c.FamilyName, person.FamilyName)
                && NameMatching.AreSimilar(FirstName(c.GivenNames), FirstName(person.GivenNames)))
            {
                found.Add(new DuplicateCandidate(c.Id, name, c.DateOfBirth, "heeft een gelijkende naam en dezelfde geboortedatum", Certain: false));
            }
        }
        return found;
    }

    private static string FirstName(string givenNames) => givenNames.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";
}
