using System.Globalization;
using Microsoft.Extensions.Localization;
using Thuis.Web.Features.Trajectories;

namespace Thuis.Web.Features.Own;

/// <summary>
/// The fixed words around an appointment in the person's language, for the page and the calendar file alike; what
/// staff wrote (a group's name, a lesson's topic, what a referral is for) stays as written.
/// </summary>
public static class OwnAppointmentWords
{
    public static string Title(OwnAppointment appointment, IStringLocalizer<OwnTexts> texts) => appointment.Kind switch
    {
        OwnAppointmentKind.ProgressMeeting => texts["AppointmentProgressMeeting"],
        OwnAppointmentKind.Start => texts["AppointmentStart", appointment.Topic ?? ""],
        _ => SessionTitle(appointment, texts),
    };

    /// <summary>A lesson's topic as staff wrote it; a start's topic is already in its title.</summary>
    public static string? Topic(OwnAppointment appointment) =>
        appointment.Kind == OwnAppointmentKind.Session ? appointment.Topic : null;

    public static string? WithWhom(OwnAppointment appointment, string municipality, IStringLocalizer<OwnTexts> texts) =>
        appointment.Kind == OwnAppointmentKind.ProgressMeeting
            ? texts["AppointmentProgressMeetingWith", municipality]
            : appointment.Organisation;

    public static string Time(OwnAppointment appointment, IStringLocalizer<OwnTexts> texts) =>
        appointment is { Start: { } start, End: { } end }
            ? texts["AppointmentTime", Clock(start), Clock(end)]
            : texts["AppointmentNoTime"];

    /// <summary>A day as the person's language writes it: "maandag 7 december"; the year only when it is not this year's.</summary>
    public static string Day(DateOnly day, DateOnly today) =>
        day.ToString(day.Year == today.Year ? "dddd d MMMM" : "dddd d MMMM yyyy", CultureInfo.CurrentCulture);

    public static string Clock(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    private static string SessionTitle(OwnAppointment appointment, IStringLocalizer<OwnTexts> texts)
    {
        var what = appointment.Session switch
        {
            SessionKind.Workshop => texts["SessionWorkshop"].Value,
            SessionKind.Practice => texts["SessionPractice"].Value,
            _ => texts["SessionLesson"].Value,
        };
        if (appointment.Theme is { } theme)
        {
            what = $"{what}: {texts["Theme" + theme].Value}";
        }
        var course = appointment.Course switch
        {
            CourseKind.Pvt => texts["CoursePvt"],
            CourseKind.Map => texts["CourseMap"],
            CourseKind.LanguageCourse => texts["CourseLanguage"],
            _ => texts["CourseWorkshops"],
        };
        return $"{what} · {course}";
    }
}
