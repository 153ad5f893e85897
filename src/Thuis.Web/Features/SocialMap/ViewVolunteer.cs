using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Platform.Auditing;

namespace Thuis.Web.Features.SocialMap;

/// <summary>A volunteer with the name of the organisation they work through, if any.</summary>
public sealed record VolunteerView(Volunteer Volunteer, string? WorksThrough);

/// <summary>Opens one volunteer's details. Volunteers are people: every attempt is audited, also one for a volunteer the user may not see.</summary>
public sealed class ViewVolunteer(AppDbContext db)
{
    public const string Purpose = "Vrijwilliger inzien voor coördinatie van vrijwilligers";

    public async Task<VolunteerView?> HandleAsync(Guid volunteerId, CancellationToken cancellationToken)
    {
        var volunteer = await db.Volunteers.AsNoTracking().SingleOrDefaultAsync(v => v.Id == volunteerId, cancellationToken);
        db.RecordAudit(AuditAction.View, nameof(Volunteer), volunteerId.ToString(),
            volunteer is null ? AuditResult.NotFound : AuditResult.Success, Purpose);
        await db.SaveChangesAsync(cancellationToken);
        if (volunteer is null)
        {
            return null;
        }
        var worksThrough = volunteer.OrganisationId is { } id
            ? await db.Organisations.Where(o => o.Id == id).Select(o => o.Name).SingleOrDefaultAsync(cancellationToken)
            : null;
        return new VolunteerView(volunteer, worksThrough);
    }
}
