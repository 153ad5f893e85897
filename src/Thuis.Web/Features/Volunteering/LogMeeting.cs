using System.ComponentModel.DataAnnotations;
using Thuis.Web.Data;
using Thuis.Web.Platform.Editing;
using Thuis.Web.Platform.Localization;
using Thuis.Web.Platform.Security;

namespace Thuis.Web.Features.Volunteering;

public sealed class LogMeetingForm
{
    /// <summary>The quick choices for how long, in minutes; "anders" takes <see cref="OtherMinutes"/>.</summary>
    public static readonly int[] QuickMinutes = [30, 60, 90, 120, 180];

    /// <summary>Empty: today.</summary>
    public DateOnly? On { get; set; }

    /// <summary>One of <see cref="QuickMinutes"/>, or 0 for "anders".</summary>
    public int? Minutes { get; set; }

    [Range(1, VolunteerMeeting.LongestMinutes, ErrorMessage = "Vul 1 tot en met 720 minuten in.")]
    public int? OtherMinutes { get; set; }

    /// <summary>The ticked activities, as the form posts them: ActivityChoices[LanguagePractice]=true.</summary>
    public Dictionary<string, bool> ActivityChoices { get; set => field = value ?? []; } = [];

    [StringLength(VolunteerMeeting.NoteLength, ErrorMessage = "Hoogstens 1000 tekens.")]
    public string? Note { get; set; }

    public IReadOnlyList<MeetingActivity> Activities =>
        [.. Enum.GetValues<MeetingActivity>().Where(a => ActivityChoices.GetValueOrDefault(a.ToString()))];
}

/// <summary>The volunteer logs a meeting with the person of one of their own running matches.</summary>
public sealed class LogMeeting(AppDbContext db, CurrentUser currentUser, TimeProvider clock)
{
    public async Task<Outcome> HandleAsync(Guid proposalId, LogMeetingForm form, CancellationToken cancellationToken)
    {
        var match = await ViewOwnMatch.FindAsync(db, currentUser, clock, proposalId, cancellationToken);
        if (match is null)
        {
            return Outcome.NotFound();
        }
        var today = clock.InTheNetherlands();
        var on = form.On ?? today;
        var errors = new Dictionary<string, string>();
        if (on > today)
        {
            errors[nameof(LogMeetingForm.On)] = "Kies vandaag of een dag eerder: een ontmoeting leg je vast als die geweest is.";
        }
        else if (on < match.StartedOn)
        {
            errors[nameof(LogMeetingForm.On)] = $"Kies een dag vanaf het begin van de koppeling ({DutchFormat.Date(match.StartedOn)}).";
        }
        var minutes = form.Minutes is { } chosen && chosen > 0 ? chosen : form.OtherMinutes;
        if (form.Minutes is null)
        {
            errors[nameof(LogMeetingForm.Minutes)] = "Kies hoe lang jullie samen waren.";
        }
        else if (form.Minutes == 0 && form.OtherMinutes is null)
        {
            errors[nameof(LogMeetingForm.OtherMinutes)] = "Vul het aantal minuten in.";
        }
        else if (minutes is not (>= 1 and <= VolunteerMeeting.LongestMinutes))
        {
            errors[nameof(LogMeetingForm.OtherMinutes)] = "Vul 1 tot en met 720 minuten in.";
        }
        if (form.Activities.Count == 0 && string.IsNullOrWhiteSpace(form.Note))
        {
            errors[nameof(LogMeetingForm.ActivityChoices)] = "Kies wat jullie deden, of schrijf het op.";
        }
        if (errors.Count > 0)
        {
            return Outcome.Invalid(errors);
        }
        var municipalityId = currentUser.MunicipalityId ?? throw new InvalidOperationException("Geen gemeente.");
        db.VolunteerMeetings.Add(new VolunteerMeeting(municipalityId, match.Key, on, minutes!.Value, form.Activities, form.Note,
            currentUser.DisplayName, clock.GetUtcNow(), today));
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Saved();
    }
}
