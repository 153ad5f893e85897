using System.ComponentModel.DataAnnotations;
using Thuis.Web.Features.Costs;

namespace Thuis.Web.Features.Trajectories;

/// <summary>A group's details as the form shows them, with the PVT template's choices when a group is made.</summary>
public sealed class CourseGroupForm
{
    public CourseKind Kind { get; set; } = CourseKind.Pvt;

    [Required(ErrorMessage = "Geef de groep een naam.")]
    [StringLength(200, ErrorMessage = "Hoogstens 200 tekens.")]
    public string? Name { get; set; }

    [StringLength(200, ErrorMessage = "Hoogstens 200 tekens.")]
    public string? Provider { get; set; }

    [StringLength(200, ErrorMessage = "Hoogstens 200 tekens.")]
    public string? Location { get; set; }

    [Required(ErrorMessage = "Vul de startdatum in.")]
    public DateOnly? StartDate { get; set; }

    [StringLength(2000, ErrorMessage = "Hoogstens 2000 tekens.")]
    public string? Notes { get; set; }

    public Guid Version { get; set; }

    public const double MaxPricePerParticipant = 25_000;
    public const double MaxInterpreterRate = 500;
    public const double MaxChildcarePerSession = 2_000;

    [Euro(MaxPricePerParticipant)]
    public decimal? PricePerParticipant { get; set; }

    [Euro(MaxInterpreterRate)]
    public decimal? InterpreterRatePerHour { get; set; }

    [Euro(MaxChildcarePerSession)]
    public decimal? ChildcarePerSession { get; set; }

    public CoursePrices ToPrices() => new(PricePerParticipant, InterpreterRatePerHour, ChildcarePerSession);

    /// <summary>The prices' refusals, keyed by field, for the handler to check again what the page checked.</summary>
    public Dictionary<string, string> CheckPrices()
    {
        var errors = new Dictionary<string, string>();
        Euros.Check(errors, nameof(PricePerParticipant), PricePerParticipant, (decimal)MaxPricePerParticipant);
        Euros.Check(errors, nameof(InterpreterRatePerHour), InterpreterRatePerHour, (decimal)MaxInterpreterRate);
        Euros.Check(errors, nameof(ChildcarePerSession), ChildcarePerSession, (decimal)MaxChildcarePerSession);
        return errors;
    }

    /// <summary>Only when a PVT group is made: plan its sessions from the template.</summary>
    /// <remarks>Ticked boxes default to false: a browser sends nothing for a box left unticked.</remarks>
    public bool UseTemplate { get; set; }

    public bool OnMonday { get; set; }

    public bool OnTuesday { get; set; }

    public bool OnWednesday { get; set; }

    public bool OnThursday { get; set; }

    public bool OnFriday { get; set; }

    public bool OnSaturday { get; set; }

    public TimeOnly? LessonStart { get; set; } = new(9, 30);

    public TimeOnly? LessonEnd { get; set; } = new(11, 30);

    public TimeOnly? WorkshopStart { get; set; } = new(12, 30);

    public TimeOnly? WorkshopEnd { get; set; } = new(14, 30);

    public IReadOnlyList<DayOfWeek> LessonDays =>
    [
        .. new[]
        {
            (OnMonday, DayOfWeek.Monday), (OnTuesday, DayOfWeek.Tuesday), (OnWednesday, DayOfWeek.Wednesday),
            (OnThursday, DayOfWeek.Thursday), (OnFriday, DayOfWeek.Friday), (OnSaturday, DayOfWeek.Saturday),
        }.Where(d => d.Item1).Select(d => d.Item2),
    ];

    /// <summary>A new group's form: a PVT with template sessions on Monday and Thursday, starting today.</summary>
    public static CourseGroupForm New(DateOnly today) => new()
    {
        StartDate = today,
        UseTemplate = true,
        OnMonday = true,
        OnThursday = true,
    };

    public CourseGroupDetails ToDetails() => new(Kind, Name!, Provider, Location, StartDate!.Value, Notes);

    public static CourseGroupForm From(CourseGroup group) => new()
    {
        Kind = group.Kind,
        Name = group.Name,
        Provider = group.Provider,
        Location = group.Location,
        StartDate = group.StartDate,
        Notes = group.Notes,
        Version = group.Version,
        PricePerParticipant = group.PricePerParticipant,
        InterpreterRatePerHour = group.InterpreterRatePerHour,
        ChildcarePerSession = group.ChildcarePerSession,
        UseTemplate = false,
    };
}
