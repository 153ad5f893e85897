using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Thuis.Web.Features.Dossiers;
using Thuis.Web.Features.Referrals;
using Thuis.Web.Features.SocialMap;
using Thuis.Web.Platform.Changes;
using Thuis.Web.Platform.Tenancy;

namespace Thuis.Web.Features.Volunteering;

/// <summary>What a volunteer and the person did together, in a few taps.</summary>
public enum MeetingActivity
{
    /// <summary>Dutch practised in conversation.</summary>
    LanguagePractice,
    /// <summary>Letters, forms, bills or apps done together.</summary>
    Paperwork,
    /// <summary>Went somewhere together: the market, the library, a club.</summary>
    OutTogether,
    /// <summary>Coffee, a walk, a meal: getting to know each other.</summary>
    GettingToKnow,
    /// <summary>Work, school or volunteer work talked about or looked for.</summary>
    WorkOrSchool,
    Other,
}

/// <summary>A match: a volunteer the person said yes to, with their consent (a <see cref="Proposal"/> of a volunteer).</summary>
public sealed record MatchKey(Guid ProposalId, Guid NewcomerId, Guid VolunteerId);

/// <summary>
/// One meeting a volunteer logged with the person they are matched with: the day, how long, and what they did. It is
/// about the person, so it is theirs: audited, erased with the dossier, and a change lets the signals look again.
/// </summary>
public sealed class VolunteerMeeting : IMunicipalityOwned, IPersonData
{
    public const int NoteLength = 1000;
    public const int LongestMinutes = 12 * 60;

    private VolunteerMeeting() => LoggedBy = "";

    public VolunteerMeeting(Guid municipalityId, MatchKey match, DateOnly on, int minutes, IReadOnlyCollection<MeetingActivity> activities, string? note,
        string loggedBy, DateTimeOffset loggedAt, DateOnly today)
    {
        if (on > today)
        {
            throw new ArgumentException("Een ontmoeting ligt niet in de toekomst.", nameof(on));
        }
        ArgumentOutOfRangeException.ThrowIfLessThan(minutes, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minutes, LongestMinutes);
        if (activities.Count == 0 && string.IsNullOrWhiteSpace(note))
        {
            throw new ArgumentException("Kies wat jullie deden, of schrijf het op.", nameof(activities));
        }
        Id = Guid.CreateVersion7();
        MunicipalityId = municipalityId;
        ProposalId = match.ProposalId;
        NewcomerId = match.NewcomerId;
        VolunteerId = match.VolunteerId;
        On = on;
        Minutes = minutes;
        Activities = [.. activities.Distinct().Order()];
        Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        LoggedBy = loggedBy;
        LoggedAt = loggedAt;
    }

    public Guid Id { get; private set; }
    public Guid MunicipalityId { get; private set; }
    public Guid NewcomerId { get; private set; }
    public Guid VolunteerId { get; private set; }
    /// <summary>The match: the proposal of this volunteer the person said yes to.</summary>
    public Guid ProposalId { get; private set; }
    public DateOnly On { get; private set; }
    public int Minutes { get; private set; }
    public List<MeetingActivity> Activities { get; private set; } = [];
    public string? Note { get; private set; }
    public string LoggedBy { get; private set; }
    public DateTimeOffset LoggedAt { get; private set; }
}

internal sealed class VolunteerMeetingMapping : IEntityTypeConfiguration<VolunteerMeeting>
{
    public void Configure(EntityTypeBuilder<VolunteerMeeting> builder)
    {
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Note).HasMaxLength(VolunteerMeeting.NoteLength);
        builder.Property(m => m.LoggedBy).HasMaxLength(200);
        builder.PrimitiveCollection(m => m.Activities).ElementType().HasConversion<string>();
        builder.HasIndex(m => new { m.MunicipalityId, m.VolunteerId, m.On });
        builder.HasIndex(m => m.ProposalId);
        builder.HasOne<Newcomer>().WithMany().HasForeignKey(m => m.NewcomerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Proposal>().WithMany().HasForeignKey(m => m.ProposalId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Volunteer>().WithMany().HasForeignKey(m => m.VolunteerId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>
/// "Ik maak me zorgen": a volunteer's concern about the person they are matched with, in their own words and nothing
/// more (no diagnosis is asked). It raises a signal for the case manager until the case manager resolved it.
/// </summary>
public sealed class VolunteerConcern : IMunicipalityOwned, IPersonData
{
    public const int WordsLength = 1000;

    private VolunteerConcern() => Words = RaisedBy = "";

    public VolunteerConcern(Guid municipalityId, MatchKey match, string words, string raisedBy, DateTimeOffset raisedAt, DateOnly today)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(words);
        Id = Guid.CreateVersion7();
        MunicipalityId = municipalityId;
        ProposalId = match.ProposalId;
        NewcomerId = match.NewcomerId;
        VolunteerId = match.VolunteerId;
        Words = words.Trim();
        RaisedBy = raisedBy;
        RaisedAt = raisedAt;
        RaisedOn = today;
    }

    public Guid Id { get; private set; }
    public Guid MunicipalityId { get; private set; }
    public Guid NewcomerId { get; private set; }
    public Guid VolunteerId { get; private set; }
    public Guid ProposalId { get; private set; }
    /// <summary>The volunteer's own words, passed to the case manager as written.</summary>
    public string Words { get; private set; }
    public string RaisedBy { get; private set; }
    public DateTimeOffset RaisedAt { get; private set; }
    public DateOnly RaisedOn { get; private set; }
}

internal sealed class VolunteerConcernMapping : IEntityTypeConfiguration<VolunteerConcern>
{
    public void Configure(EntityTypeBuilder<VolunteerConcern> builder)
    {
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Words).HasMaxLength(VolunteerConcern.WordsLength);
        builder.Property(c => c.RaisedBy).HasMaxLength(200);
        builder.HasIndex(c => new { c.MunicipalityId, c.NewcomerId });
        builder.HasOne<Newcomer>().WithMany().HasForeignKey(c => c.NewcomerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Proposal>().WithMany().HasForeignKey(c => c.ProposalId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Volunteer>().WithMany().HasForeignKey(c => c.VolunteerId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>Why a volunteer ended a match.</summary>
public enum MatchEndReason
{
    /// <summary>The person can manage on their own now: the match did what it was for.</summary>
    GoalReached,
    /// <summary>It did not click, or the person did not come any more.</summary>
    NotWorking,
    /// <summary>The volunteer has no time any more, moves, or stops.</summary>
    VolunteerStops,
    /// <summary>The person moved away or stopped themselves.</summary>
    PersonStops,
    Other,
}

/// <summary>
/// The end of a match, as the volunteer recorded it with a reason: from then on the match is no longer theirs to see,
/// and the case manager reads why.
/// </summary>
public sealed class MatchEnding : IMunicipalityOwned, IPersonData
{
    public const int NoteLength = 1000;

    private MatchEnding() => EndedBy = "";

    public MatchEnding(Guid municipalityId, MatchKey match, MatchEndReason reason, string? note, string endedBy, DateOnly on)
    {
        if (reason == MatchEndReason.Other && string.IsNullOrWhiteSpace(note))
        {
            throw new ArgumentException("Schrijf op waarom de koppeling stopt.", nameof(note));
        }
        Id = Guid.CreateVersion7();
        MunicipalityId = municipalityId;
        ProposalId = match.ProposalId;
        NewcomerId = match.NewcomerId;
        VolunteerId = match.VolunteerId;
        Reason = reason;
        Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        EndedBy = endedBy;
        EndedOn = on;
    }

    public Guid Id { get; private set; }
    public Guid MunicipalityId { get; private set; }
    public Guid NewcomerId { get; private set; }
    public Guid VolunteerId { get; private set; }
    public Guid ProposalId { get; private set; }
    public MatchEndReason Reason { get; private set; }
    public string? Note { get; private set; }
    public string EndedBy { get; private set; }
    public DateOnly EndedOn { get; private set; }
}

internal sealed class MatchEndingMapping : IEntityTypeConfiguration<MatchEnding>
{
    public void Configure(EntityTypeBuilder<MatchEnding> builder)
    {
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Note).HasMaxLength(MatchEnding.NoteLength);
        builder.Property(e => e.EndedBy).HasMaxLength(200);
        // One end per match: ending twice at once cannot both succeed.
        builder.HasIndex(e => e.ProposalId).IsUnique();
        builder.HasIndex(e => new { e.MunicipalityId, e.VolunteerId });
        builder.HasOne<Newcomer>().WithMany().HasForeignKey(e => e.NewcomerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Proposal>().WithMany().HasForeignKey(e => e.ProposalId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Volunteer>().WithMany().HasForeignKey(e => e.VolunteerId).OnDelete(DeleteBehavior.Cascade);
    }
}

public static class VolunteeringTexts
{
    public static string Dutch(this MeetingActivity activity) => activity switch
    {
        MeetingActivity.LanguagePractice => "Nederlands geoefend",
        MeetingActivity.Paperwork => "post, formulieren of apps",
        MeetingActivity.OutTogether => "samen op pad",
        MeetingActivity.GettingToKnow => "koffie, wandelen, kennismaken",
        MeetingActivity.WorkOrSchool => "werk of school",
        _ => "iets anders",
    };

    public static string Dutch(this MatchEndReason reason) => reason switch
    {
        MatchEndReason.GoalReached => "het doel is bereikt: de persoon redt het zelf",
        MatchEndReason.NotWorking => "het klikt niet, of de persoon komt niet meer",
        MatchEndReason.VolunteerStops => "ik heb geen tijd meer of stop als vrijwilliger",
        MatchEndReason.PersonStops => "de persoon is verhuisd of wil stoppen",
        _ => "iets anders",
    };

    /// <summary>"45 minuten", "1 uur", "1,5 uur", "2 uur 10 minuten".</summary>
    public static string Duration(int minutes) =>
        minutes < 60 ? $"{minutes} minuten"
        : minutes % 60 == 0 ? $"{minutes / 60} uur"
        : minutes % 60 == 30 ? $"{minutes / 60},5 uur"
        : $"{minutes / 60} uur {minutes % 60} minuten";

    /// <summary>Hours with one decimal, Dutch style: "12,5".</summary>
    public static string Hours(int minutes) => (minutes / 60m).ToString("0.#", System.Globalization.CultureInfo.GetCultureInfo("nl-NL"));

    /// <summary>The first of the given names: all a volunteer needs to know of the person's name.</summary>
    public static string FirstName(string givenNames) => givenNames.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? givenNames;
}
