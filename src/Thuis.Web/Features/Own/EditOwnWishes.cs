using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Thuis.Web.Data;
using Thuis.Web.Features.Intake;
using Thuis.Web.Platform.Editing;
using Thuis.Web.Platform.Security;

namespace Thuis.Web.Features.Own;

/// <summary>
/// "Wat ik wil", in the person's own words: the intake's wishes and dreams (this year, later), their talents (eigen
/// kracht) and what they like to give to others (wederkerigheid), with the version of each part when the page was loaded.
/// </summary>
public sealed class OwnWishesForm
{
    public const int MaxLength = 4000;

    public string? ThisYear { get; set; }
    public string? Later { get; set; }
    public string? Talents { get; set; }
    public string? Giving { get; set; }

    public Guid AspirationsVersion { get; set; }
    public Guid StrengthsVersion { get; set; }
    public Guid ReciprocityVersion { get; set; }
}

/// <summary>
/// The person writes what they want, what they are good at and what they like to give, into the same parts of the broad
/// intake the case manager fills. A part is saved only when the person changed it, and only when it is still the
/// version the page showed: if the case manager saved it meanwhile, nothing is overwritten and the person is told. The
/// part then says it was changed by the person themselves, so the case manager sees it.
/// </summary>
public sealed class EditOwnWishes(AppDbContext db, CurrentUser currentUser, TimeProvider clock, IStringLocalizer<OwnTexts> texts)
{
    public async Task<OwnWishesForm?> LoadAsync(CancellationToken cancellationToken)
    {
        if (currentUser.NewcomerId is not { } newcomerId || !await db.Newcomers.AnyAsync(n => n.Id == newcomerId, cancellationToken))
        {
            return null;
        }
        var aspirations = await Find<AspirationsSection>(newcomerId, tracked: false, cancellationToken);
        var strengths = await Find<StrengthsSection>(newcomerId, tracked: false, cancellationToken);
        var reciprocity = await Find<ReciprocitySection>(newcomerId, tracked: false, cancellationToken);
        return new OwnWishesForm
        {
            ThisYear = aspirations?.ShortTerm,
            Later = aspirations?.LongTerm,
            Talents = strengths?.Talents,
            Giving = reciprocity?.Description,
            AspirationsVersion = aspirations?.Version ?? Guid.Empty,
            StrengthsVersion = strengths?.Version ?? Guid.Empty,
            ReciprocityVersion = reciprocity?.Version ?? Guid.Empty,
        };
    }

    public async Task<Outcome> HandleAsync(OwnWishesForm form, CancellationToken cancellationToken)
    {
        if (currentUser.NewcomerId is not { } newcomerId
            || await db.Newcomers.Where(n => n.Id == newcomerId).Select(n => new { n.GivenNames, n.MunicipalityId })
                .SingleOrDefaultAsync(cancellationToken) is not { } person)
        {
            return Outcome.NotFound();
        }
        var errors = new Dictionary<string, string>();
        foreach (var (field, value) in new[]
        {
            (nameof(OwnWishesForm.ThisYear), form.ThisYear), (nameof(OwnWishesForm.Later), form.Later),
            (nameof(OwnWishesForm.Talents), form.Talents), (nameof(OwnWishesForm.Giving), form.Giving),
        })
        {
            if (value?.Trim().Length > OwnWishesForm.MaxLength)
            {
                errors[field] = texts["WordsTooLong", OwnWishesForm.MaxLength];
            }
        }
        if (errors.Count > 0)
        {
            return Outcome.Invalid(errors);
        }

        var at = clock.GetUtcNow();
        var changes = new List<bool>
        {
            await ChangeAsync(newcomerId, person.MunicipalityId, form.AspirationsVersion,
                s => s.ShortTerm == Clean(form.ThisYear) && s.LongTerm == Clean(form.Later),
                (id, municipality) => new AspirationsSection(id, municipality),
                s => s.Update(form.ThisYear, form.Later), person.GivenNames, at, cancellationToken),
            await ChangeAsync(newcomerId, person.MunicipalityId, form.StrengthsVersion,
                s => s.Talents == Clean(form.Talents),
                (id, municipality) => new StrengthsSection(id, municipality),
                s => s.Update(form.Talents, s.Skills, s.Hobbies, s.Interests, s.KnownFor, s.EnergisedBy), person.GivenNames, at, cancellationToken),
            await ChangeAsync(newcomerId, person.MunicipalityId, form.ReciprocityVersion,
                s => s.Description == Clean(form.Giving),
                (id, municipality) => new ReciprocitySection(id, municipality),
                s => s.Update(s.Offers, form.Giving), person.GivenNames, at, cancellationToken),
        };
        if (changes.Contains(false))
        {
            db.ChangeTracker.Clear();
            return Outcome.Conflict(texts["WishesChangedMeanwhile"]);
        }
        // All parts that changed are saved together, or none: each one's version is checked again by the database.
        return await SaveVersionedChange.SaveAsync(db, texts["WishesChangedMeanwhile"], cancellationToken);
    }

    /// <summary>
    /// Applies the person's words to one part when they differ from what it holds; false when the part is no longer the
    /// version the page showed (someone else saved it, or made it, since).
    /// </summary>
    private async Task<bool> ChangeAsync<TSection>(Guid newcomerId, Guid municipalityId, Guid loadedVersion, Func<TSection, bool> unchanged,
        Func<Guid, Guid, TSection> create, Action<TSection> apply, string givenNames, DateTimeOffset at, CancellationToken cancellationToken)
        where TSection : IntakeSection
    {
        var section = await Find<TSection>(newcomerId, tracked: true, cancellationToken);
        var fresh = create(newcomerId, municipalityId);
        if (section is null ? unchanged(fresh) : unchanged(section))
        {
            return true;
        }
        if ((section?.Version ?? Guid.Empty) != loadedVersion)
        {
            return false;
        }
        if (section is null)
        {
            section = fresh;
            db.Add(section);
        }
        apply(section);
        section.MarkRecordedByNewcomer(givenNames, at);
        return true;
    }

    private Task<TSection?> Find<TSection>(Guid newcomerId, bool tracked, CancellationToken cancellationToken) where TSection : IntakeSection
    {
        var sections = db.Set<TSection>().AsQueryable();
        return (tracked ? sections : sections.AsNoTracking()).SingleOrDefaultAsync(s => s.NewcomerId == newcomerId, cancellationToken);
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
