using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Features.Occupations;

namespace Thuis.Web.Features.SocialMap;

public sealed record VolunteerFilter(VolunteerRole? Role, string? Language, DayOfWeek? AvailableOn, VogStatus? Vog, string? Search);

public sealed record VolunteerRow(
    Guid Id, string Name, IReadOnlyList<VolunteerRole> Roles, IReadOnlyList<VolunteerLanguage> Languages, WeekGrid Availability,
    int Capacity, string? Area, VogStatus Vog, DateOnly? VogDate)
{
    public bool Deployable => Vog == VogStatus.Received;
}

/// <summary>The municipality's volunteers, filtered on role, language, a free weekday and screening.</summary>
public sealed class ListVolunteers(AppDbContext db)
{
    public async Task<List<VolunteerRow>> HandleAsync(VolunteerFilter filter, CancellationToken cancellationToken)
    {
        var volunteers = await db.Volunteers.AsNoTracking().ToListAsync(cancellationToken);
        var language = string.IsNullOrWhiteSpace(filter.Language) ? null : SearchText.Normalise(filter.Language);
        var search = string.IsNullOrWhiteSpace(filter.Search) ? null : SearchText.Normalise(filter.Search);
        return volunteers
            .OrderBy(v => v.Name, SocialMapTexts.NameOrder)
            .Where(v => filter.Role is null || v.Roles.Contains(filter.Role.Value))
            .Where(v => language is null || v.Languages.Any(l => SearchText.Normalise(l.Language).StartsWith(language, StringComparison.Ordinal)))
            .Where(v => filter.AvailableOn is null || v.Availability.OnDay(filter.AvailableOn.Value))
            .Where(v => filter.Vog is null || v.Vog == filter.Vog)
            .Where(v => search is null || SearchText.Normalise(string.Join(' ', v.Name, v.Area, v.Preferences)).Contains(search, StringComparison.Ordinal))
            .Select(v => new VolunteerRow(v.Id, v.Name, v.Roles, v.Languages, v.Availability, v.Capacity, v.Area, v.Vog, v.VogDate))
            .ToList();
    }
}
