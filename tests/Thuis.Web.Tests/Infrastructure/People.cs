using Thuis.Web.Features.Dossiers;

namespace Thuis.Web.Tests.Infrastructure;

/// <summary>Fictional newcomers for tests: only what a test cares about is named.</summary>
public static class People
{
    public static Newcomer Newcomer(Guid municipalityId, string given, string family, DateOnly born, string? bsn = null, string? vNumber = null) =>
        new(municipalityId,
            new PersonDetails(given, family, born, Gender.Unknown, "Syrië", null, null, null, null, false, bsn, vNumber),
            new LegalFrame(TargetGroup.AsylumPermitHolder, new DateOnly(2026, 3, 1), new DateOnly(2026, 6, 1), new DateOnly(2026, 6, 1), null, null, null, null),
            DateTimeOffset.UtcNow);
}
