using System.Security.Cryptography;
using System.Text;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Microsoft.Extensions.Localization;
using Thuis.Web.Platform.Localization;

namespace Thuis.Web.Features.Own;

/// <summary>
/// The person's appointments as an iCalendar file (RFC 5545) for the phone's calendar. Times are written in UTC, so no
/// time zone definition is needed; a day without a known time is a whole-day event. Every appointment keeps the same
/// UID on every download, so opening a newer file updates the calendar instead of adding the appointment twice. The
/// file holds what the page shows and nothing more: no BSN, no health data, no staff names.
/// </summary>
public static class OwnCalendarFile
{
    public const string ContentType = "text/calendar; charset=utf-8";
    public const string AllFileName = "mijn-afspraken.ics";

    public static string Write(IEnumerable<OwnAppointment> appointments, Guid newcomerId, string municipality, string host,
        DateTimeOffset now, IStringLocalizer<OwnTexts> texts)
    {
        var calendar = new Calendar { ProductId = "-//Thuis//Mijn afspraken//NL", Method = "PUBLISH" };
        calendar.AddProperty("X-WR-CALNAME", texts["CalendarName"]);
        var person = PersonTag(newcomerId);
        foreach (var appointment in appointments)
        {
            var entry = new CalendarEvent
            {
                Uid = $"{appointment.Key}-{person}@{host}",
                DtStamp = new CalDateTime(now.UtcDateTime, CalDateTime.UtcTzId),
                Summary = OwnAppointmentWords.Title(appointment, texts),
                Description = Description(appointment, municipality, texts),
                Location = appointment.Place,
            };
            if (appointment is { Start: { } start, End: { } end })
            {
                entry.DtStart = new CalDateTime(Utc(appointment.Date, start), CalDateTime.UtcTzId);
                entry.DtEnd = new CalDateTime(Utc(appointment.Date, end), CalDateTime.UtcTzId);
            }
            else
            {
                // A whole day: the end is the next day (exclusive), and it does not make the person look busy.
                entry.DtStart = new CalDateTime(appointment.Date);
                entry.DtEnd = new CalDateTime(appointment.Date.AddDays(1));
                entry.Transparency = "TRANSPARENT";
            }
            calendar.Events.Add(entry);
        }
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    public static string FileName(OwnAppointment appointment) => $"afspraak-{appointment.Date:yyyy-MM-dd}.ics";

    private static string Description(OwnAppointment appointment, string municipality, IStringLocalizer<OwnTexts> texts)
    {
        var lines = new List<string>();
        if (OwnAppointmentWords.Topic(appointment) is { } topic)
        {
            lines.Add(topic);
        }
        if (appointment.Group is { } group)
        {
            lines.Add($"{texts["AppointmentGroup"]}: {group}");
        }
        if (OwnAppointmentWords.WithWhom(appointment, municipality, texts) is { } who)
        {
            lines.Add($"{texts["With"]}: {who}");
        }
        if (!appointment.HasTime)
        {
            lines.Add($"{texts["AppointmentWhen"]}: {texts["AppointmentNoTime"]}");
        }
        return string.Join('\n', lines);
    }

    /// <summary>The Dutch wall-clock time of a lesson as a UTC instant; a time skipped by the clock change moves on an hour.</summary>
    private static DateTime Utc(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        if (DutchFormat.TimeZone.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }
        return TimeZoneInfo.ConvertTimeToUtc(local, DutchFormat.TimeZone);
    }

    /// <summary>Part of the UID that keeps two people's appointments apart in one calendar, without the person's id.</summary>
    private static string PersonTag(Guid newcomerId) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(newcomerId.ToString("N"))))[..12];
}
