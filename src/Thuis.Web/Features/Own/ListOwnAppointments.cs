using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Features.Plans;
using Thuis.Web.Features.Referrals;
using Thuis.Web.Features.Trajectories;
using Thuis.Web.Platform.Localization;
using Thuis.Web.Platform.Security;

namespace Thuis.Web.Features.Own;

public enum OwnAppointmentKind
{
    /// <summary>A meeting of a group the person is in: a lesson, a PVT or MAP workshop, a MAP practice day.</summary>
    Session,
    /// <summary>The next voortgangsgesprek of the plan in force, with the case manager.</summary>
    ProgressMeeting,
    /// <summary>The day the person starts at an organisation, after a referral or an arrangement without a partner.</summary>
    Start,
}

/// <summary>
/// One appointment as the person reads it. Staff's own words (a group's name, a lesson's topic, what a referral is for)
/// stay as written; the page and the calendar file put the fixed words around them in the person's language. The key is
/// the same on every reading: the address of its own calendar file and its calendar UID. Without a start time only the
/// day is known (a progress meeting, a start at an organisation). The place is the group's location, the offer's place
/// or the organisation's address; the organisation is who gives the course or receives the person, never a staff
/// member's name.
/// </summary>
public sealed record OwnAppointment(
    string Key, OwnAppointmentKind Kind, DateOnly Date, TimeOnly? Start, TimeOnly? End,
    CourseKind? Course, SessionKind? Session, WorkshopTheme? Theme,
    string? Topic, string? Group, string? Place, string? Organisation)
{
    public bool HasTime => Start is not null;
}

/// <summary>The person's appointments between two days, in order, and what "today" is for greying out the past.</summary>
public sealed record OwnAppointments(DateOnly Today, DateOnly From, DateOnly To, string Municipality, IReadOnlyList<OwnAppointment> Items);

/// <summary>
/// The newcomer's own appointments, gathered from what Thuis records about them: the sessions of the groups they are
/// enrolled in (from the day they joined), the next progress meeting of their plan in force, and the day they start at
/// an organisation (a referral's start, or an arranged start without a partner). Always the signed-in person's own
/// (<see cref="CurrentUser.NewcomerId"/>); never further back than a week, nor more than a year ahead.
/// </summary>
public sealed class ListOwnAppointments(AppDbContext db, CurrentUser currentUser, TimeProvider clock)
{
    /// <summary>How many days back the person still sees an appointment, greyed out.</summary>
    public const int PastDays = 7;

    /// <summary>How many days ahead the list shows; the week view and the calendar file reach further.</summary>
    public const int ListDays = 28;

    /// <summary>How far ahead anything is read at all.</summary>
    public const int AheadDays = 366;

    private const string SessionKey = "bijeenkomst-";
    private const string ProgressMeetingKey = "voortgangsgesprek-";
    private const string ReferralKey = "verwijzing-";
    private const string ArrangedKey = "geregeld-";

    public DateOnly Today => clock.InTheNetherlands();

    /// <summary>The first day anything is shown: a week ago.</summary>
    public DateOnly Earliest => Today.AddDays(-PastDays);

    /// <summary>The last day anything is shown.</summary>
    public DateOnly Latest => Today.AddDays(AheadDays);

    /// <summary>The person's appointments from <paramref name="from"/> to <paramref name="to"/> (both included), within a week back and a year ahead.</summary>
    public async Task<OwnAppointments?> HandleAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        if (currentUser.NewcomerId is not { } newcomerId
            || !await db.Newcomers.AsNoTracking().AnyAsync(n => n.Id == newcomerId, cancellationToken))
        {
            return null;
        }
        var today = Today;
        from = from < Earliest ? Earliest : from;
        to = to > Latest ? Latest : to;
        var items = from > to ? [] : await ReadAsync(newcomerId, from, to, cancellationToken);
        return new OwnAppointments(today, from, to, currentUser.MunicipalityName ?? "", items);
    }

    /// <summary>One of the person's own appointments by its key; null for anyone else's, or one out of reach.</summary>
    public async Task<OwnAppointment?> FindAsync(string key, CancellationToken cancellationToken)
    {
        if (currentUser.NewcomerId is not { } newcomerId || !TryParse(key, out var kind, out var id, out var day))
        {
            return null;
        }
        var (from, to) = kind == OwnAppointmentKind.ProgressMeeting ? (day, day) : (Earliest, Latest);
        if (from < Earliest || to > Latest)
        {
            return null;
        }
        var items = await ReadAsync(newcomerId, from, to, cancellationToken, kind, id);
        return items.FirstOrDefault(a => a.Key == key);
    }

    /// <summary>The first appointment that has not ended yet, for the start page.</summary>
    public async Task<OwnAppointment?> NextAsync(CancellationToken cancellationToken)
    {
        var upcoming = await HandleAsync(Today, Latest, cancellationToken);
        var now = TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), DutchFormat.TimeZone).DateTime);
        return upcoming?.Items.FirstOrDefault(a => a.Date > upcoming.Today || a.End is not { } end || end > now);
    }

    private async Task<List<OwnAppointment>> ReadAsync(Guid newcomerId, DateOnly first, DateOnly last, CancellationToken cancellationToken,
        OwnAppointmentKind? onlyKind = null, Guid? onlyId = null)
    {
        var items = new List<OwnAppointment>();
        if (onlyKind is null or OwnAppointmentKind.Session)
        {
            var sessions = await (
                    from e in db.Enrolments.AsNoTracking()
                    join g in db.CourseGroups.AsNoTracking() on e.GroupId equals g.Id
                    join s in db.Sessions.AsNoTracking() on g.Id equals s.GroupId
                    where e.NewcomerId == newcomerId && s.Date >= e.Since && s.Date >= first && s.Date <= last
                          && (onlyId == null || s.Id == onlyId)
                    select new
                    {
                        s.Id,
                        s.Date,
                        s.StartTime,
                        s.EndTime,
                        s.Kind,
                        s.Theme,
                        s.Topic,
                        Course = g.Kind,
                        g.Name,
                        g.Location,
                        g.Provider,
                    })
                .ToListAsync(cancellationToken);
            items.AddRange(sessions.Select(s => new OwnAppointment(SessionKey + s.Id.ToString("N"), OwnAppointmentKind.Session,
                s.Date, s.StartTime, s.EndTime, s.Course, s.Kind, s.Theme, s.Topic, s.Name, s.Location, s.Provider)));
        }
        if (onlyKind is null or OwnAppointmentKind.ProgressMeeting)
        {
            var meeting = await db.IntegrationPlans.AsNoTracking()
                .Where(p => p.NewcomerId == newcomerId && p.State == PlanState.Fixed)
                .OrderByDescending(p => p.Number).Select(p => p.NextProgressMeeting).FirstOrDefaultAsync(cancellationToken);
            if (meeting is { } day && day >= first && day <= last)
            {
                items.Add(new OwnAppointment(ProgressMeetingKey + day.ToString("yyyyMMdd", CultureInfo.InvariantCulture), OwnAppointmentKind.ProgressMeeting,
                    day, null, null, null, null, null, null, null, null, null));
            }
        }
        if (onlyKind is null or OwnAppointmentKind.Start)
        {
            var referrals = await (
                    from r in db.Referrals.AsNoTracking()
                    join p in db.Proposals.AsNoTracking() on r.ProposalId equals p.Id
                    join o in db.Organisations.AsNoTracking() on r.OrganisationId equals o.Id
                    where r.NewcomerId == newcomerId && r.StartedOn != null && r.StartedOn >= first && r.StartedOn <= last
                          && (onlyId == null || r.Id == onlyId)
                    select new
                    {
                        r.Id,
                        StartedOn = r.StartedOn!.Value,
                        r.What,
                        Organisation = o.Name,
                        o.Street,
                        o.HouseNumber,
                        o.Postcode,
                        o.City,
                        OfferPlace = p.Kind == TargetKind.Offer
                            ? db.Offers.Where(f => f.Id == p.TargetId).Select(f => f.Place).FirstOrDefault()
                            : null,
                    })
                .ToListAsync(cancellationToken);
            items.AddRange(referrals.Select(r => new OwnAppointment(ReferralKey + r.Id.ToString("N"), OwnAppointmentKind.Start,
                r.StartedOn, null, null, null, null, null, r.What, null,
                r.OfferPlace ?? Address(r.Street, r.HouseNumber, r.Postcode, r.City), r.Organisation)));

            var arranged = await (
                    from p in db.Proposals.AsNoTracking()
                    where p.NewcomerId == newcomerId && p.ArrangedStartedOn != null && p.ArrangedStartedOn >= first && p.ArrangedStartedOn <= last
                          && (onlyId == null || p.Id == onlyId)
                    join o in db.Organisations.AsNoTracking() on p.OrganisationId equals o.Id into organisations
                    from o in organisations.DefaultIfEmpty()
                    select new
                    {
                        p.Id,
                        StartedOn = p.ArrangedStartedOn!.Value,
                        p.What,
                        Organisation = o == null ? null : o.Name,
                        Street = o == null ? null : o.Street,
                        HouseNumber = o == null ? null : o.HouseNumber,
                        Postcode = o == null ? null : o.Postcode,
                        City = o == null ? null : o.City,
                        OfferPlace = p.Kind == TargetKind.Offer
                            ? db.Offers.Where(f => f.Id == p.TargetId).Select(f => f.Place).FirstOrDefault()
                            : null,
                    })
                .ToListAsync(cancellationToken);
            items.AddRange(arranged.Select(p => new OwnAppointment(ArrangedKey + p.Id.ToString("N"), OwnAppointmentKind.Start,
                p.StartedOn, null, null, null, null, null, p.What, null,
                p.OfferPlace ?? Address(p.Street, p.HouseNumber, p.Postcode, p.City), p.Organisation)));
        }
        // Whole-day appointments first in their day, then by time; the same order on every reading.
        return [.. items.OrderBy(a => a.Date).ThenBy(a => a.Start ?? TimeOnly.MinValue).ThenBy(a => a.Kind).ThenBy(a => a.Key, StringComparer.Ordinal)];
    }

    private static string? Address(string? street, string? houseNumber, string? postcode, string? city)
    {
        var line = string.Join(' ', new[] { street, houseNumber }.Where(p => !string.IsNullOrWhiteSpace(p)));
        var place = string.Join(' ', new[] { postcode, city }.Where(p => !string.IsNullOrWhiteSpace(p)));
        var address = string.Join(", ", new[] { line, place }.Where(p => p.Length > 0));
        return address.Length == 0 ? null : address;
    }

    private static bool TryParse(string key, out OwnAppointmentKind kind, out Guid? id, out DateOnly day)
    {
        kind = default;
        id = null;
        day = default;
        foreach (var (prefix, k) in new[] { (SessionKey, OwnAppointmentKind.Session), (ReferralKey, OwnAppointmentKind.Start), (ArrangedKey, OwnAppointmentKind.Start) })
        {
            if (key.StartsWith(prefix, StringComparison.Ordinal) && Guid.TryParseExact(key[prefix.Length..], "N", out var parsed))
            {
                kind = k;
                id = parsed;
                return true;
            }
        }
        if (key.StartsWith(ProgressMeetingKey, StringComparison.Ordinal)
            && DateOnly.TryParseExact(key[ProgressMeetingKey.Length..], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day))
        {
            kind = OwnAppointmentKind.ProgressMeeting;
            return true;
        }
        return false;
    }
}
