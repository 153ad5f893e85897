using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Features.Occupations;
using Thuis.Web.Features.Work;
using Thuis.Web.Platform.Localization;
using Thuis.Web.Platform.Security;

namespace Thuis.Web.Features.Own;

/// <summary>
/// The newcomer's own CV, read-only and in Dutch (it is for Dutch employers), as the case manager made it with them.
/// The person is always the signed-in account's own (<see cref="CurrentUser.NewcomerId"/>), never one named in the address.
/// </summary>
public sealed class ViewOwnCv(AppDbContext db, OccupationCatalogue catalogue, CurrentUser currentUser, TimeProvider clock)
{
    /// <summary>The person's own CV; null when the signed-in account is not a newcomer's.</summary>
    public async Task<CurriculumVitae?> LoadAsync(CancellationToken cancellationToken)
    {
        if (currentUser.NewcomerId is not { } newcomerId)
        {
            return null;
        }
        var person = await db.Newcomers.AsNoTracking().SingleOrDefaultAsync(n => n.Id == newcomerId, cancellationToken);
        return person is null ? null : await CvContents.ReadAsync(db, catalogue, person, clock.InTheNetherlands(), cancellationToken);
    }

    /// <summary>The person's own CV as a Word file.</summary>
    public async Task<CvFile?> DownloadAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) is { } cv ? new CvFile(CvDocument.Write(cv), cv.FileName) : null;
}
