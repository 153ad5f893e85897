using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Thuis.Web.Features.Dossiers;
using Thuis.Web.Platform.Changes;
using Thuis.Web.Platform.Tenancy;

namespace Thuis.Web.Features.Work;

/// <summary>A part of the CV the person may choose to leave out; their name and "Over mij" always stay.</summary>
public enum CvPart
{
    Contact,
    Work,
    Education,
    Languages,
    Skills,
    Volunteering,
    Courses,
}

/// <summary>What the person and their case manager chose for the CV: their own words, and which parts to leave out.</summary>
public sealed record CvChoices(string? Profile, IReadOnlySet<CvPart> LeftOut)
{
    public static readonly CvChoices None = new(null, new HashSet<CvPart>());
}

/// <summary>
/// What a newcomer adds to the CV that Thuis makes from their intake (seed 003: a CV, then applying): a profile in
/// their own words ("Over mij") and the parts they would rather leave out. Everything else on the CV is read from the
/// intake, lessons and referrals when it is shown, so the CV never falls behind them. One per person, made at the first
/// save, with a version so two people editing it at once cannot overwrite each other.
/// </summary>
public sealed class Cv : IMunicipalityOwned, IPersonData
{
    public const int ProfileLength = 1200;

    private Cv()
    {
        UpdatedBy = "";
    }

    public Cv(Guid newcomerId, Guid municipalityId)
    {
        NewcomerId = newcomerId;
        MunicipalityId = municipalityId;
        UpdatedBy = "";
    }

    public Guid NewcomerId { get; private set; }

    public Guid MunicipalityId { get; private set; }

    /// <summary>"Over mij": a few sentences in Dutch, written with the person.</summary>
    public string? Profile { get; private set; }

    public bool LeaveOutContact { get; private set; }

    public bool LeaveOutWork { get; private set; }

    public bool LeaveOutEducation { get; private set; }

    public bool LeaveOutLanguages { get; private set; }

    public bool LeaveOutSkills { get; private set; }

    public bool LeaveOutVolunteering { get; private set; }

    public bool LeaveOutCourses { get; private set; }

    public string UpdatedBy { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public Guid Version { get; private set; }

    public CvChoices Choices => new(Profile, new HashSet<CvPart>(Enum.GetValues<CvPart>().Where(LeavesOut)));

    public bool LeavesOut(CvPart part) => part switch
    {
        CvPart.Contact => LeaveOutContact,
        CvPart.Work => LeaveOutWork,
        CvPart.Education => LeaveOutEducation,
        CvPart.Languages => LeaveOutLanguages,
        CvPart.Skills => LeaveOutSkills,
        CvPart.Volunteering => LeaveOutVolunteering,
        CvPart.Courses => LeaveOutCourses,
        _ => throw new ArgumentOutOfRangeException(nameof(part)),
    };

    /// <summary>Why this profile cannot be kept, in the user's words; null when it can.</summary>
    public static string? ProfileRefusal(string? profile) =>
        profile?.Trim().Length > ProfileLength ? $"Schrijf ‘Over mij’ in hoogstens {ProfileLength} tekens." : null;

    public void Change(CvChoices choices, string by, DateTimeOffset at)
    {
        if (ProfileRefusal(choices.Profile) is { } refusal)
        {
            throw new ArgumentException(refusal, nameof(choices));
        }
        Profile = string.IsNullOrWhiteSpace(choices.Profile) ? null : choices.Profile.Trim();
        LeaveOutContact = choices.LeftOut.Contains(CvPart.Contact);
        LeaveOutWork = choices.LeftOut.Contains(CvPart.Work);
        LeaveOutEducation = choices.LeftOut.Contains(CvPart.Education);
        LeaveOutLanguages = choices.LeftOut.Contains(CvPart.Languages);
        LeaveOutSkills = choices.LeftOut.Contains(CvPart.Skills);
        LeaveOutVolunteering = choices.LeftOut.Contains(CvPart.Volunteering);
        LeaveOutCourses = choices.LeftOut.Contains(CvPart.Courses);
        UpdatedBy = by;
        UpdatedAt = at;
        Version = Guid.NewGuid();
    }
}

internal sealed class CvMapping : IEntityTypeConfiguration<Cv>
{
    public void Configure(EntityTypeBuilder<Cv> builder)
    {
        builder.ToTable("Cvs");
        builder.HasKey(c => c.NewcomerId);
        builder.Property(c => c.Profile).HasMaxLength(Cv.ProfileLength);
        builder.Property(c => c.UpdatedBy).HasMaxLength(200);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasIndex(c => c.MunicipalityId);
        builder.Ignore(c => c.Choices);
        builder.HasOne<Newcomer>().WithOne().HasForeignKey<Cv>(c => c.NewcomerId).OnDelete(DeleteBehavior.Cascade);
    }
}
