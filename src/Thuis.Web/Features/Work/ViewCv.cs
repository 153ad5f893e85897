using Thuis.Web.Data;
using Thuis.Web.Features.Dossiers;
using Thuis.Web.Features.Occupations;
using Thuis.Web.Platform.Localization;

namespace Thuis.Web.Features.Work;

/// <summary>
/// The CV Thuis makes from a person's intake, lessons and referrals, as the case manager reads, prints or downloads it
/// with the person. Every look goes through <see cref="ReadDossier"/>, so it is in the audit trail with its purpose.
/// </summary>
public sealed class ViewCv(AppDbContext db, OccupationCatalogue catalogue, TimeProvider clock)
{
    public const string Purpose = "Cv inzien met de statushouder (weg naar werk)";

    public const string DownloadPurpose = "Cv downloaden voor de statushouder (weg naar werk)";

    /// <summary>The CV; null for a dossier the user cannot see.</summary>
    public async Task<CurriculumVitae?> HandleAsync(Guid newcomerId, CancellationToken cancellationToken) =>
        await ReadAsync(newcomerId, Purpose, cancellationToken);

    /// <summary>The CV as a Word file; null for a dossier the user cannot see.</summary>
    public async Task<CvFile?> DownloadAsync(Guid newcomerId, CancellationToken cancellationToken) =>
        await ReadAsync(newcomerId, DownloadPurpose, cancellationToken) is { } cv ? new CvFile(CvDocument.Write(cv), cv.FileName) : null;

    private async Task<CurriculumVitae?> ReadAsync(Guid newcomerId, string purpose, CancellationToken cancellationToken)
    {
        var person = await ReadDossier.NewcomerAsync(db, newcomerId, nameof(Cv), purpose, cancellationToken);
        return person is null ? null : await CvContents.ReadAsync(db, catalogue, person, clock.InTheNetherlands(), cancellationToken);
    }
}

/// <summary>A CV as a file to download.</summary>
public sealed record CvFile(byte[] Content, string FileName)
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
}
