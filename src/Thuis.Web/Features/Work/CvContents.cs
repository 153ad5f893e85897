using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Features.Dossiers;
using Thuis.Web.Features.Intake;
using Thuis.Web.Features.Occupations;
using Thuis.Web.Features.Referrals;
using Thuis.Web.Features.SocialMap;
using Thuis.Web.Features.Trajectories;
using Thuis.Web.Platform.Localization;

namespace Thuis.Web.Features.Work;

/// <summary>A former job: the ESCO occupation's Dutch label when the intake coded one, else the title as written.</summary>
public sealed record CvJob(string Title, string? WrittenTitle, int? Years, string? Role);

/// <summary>The education as a whole (level, field, years) and each diploma with its valuation.</summary>
public sealed record CvEducation(string? Level, string? Field, int? Years, string CountryOfOrigin, IReadOnlyList<CvDiploma> Diplomas);

/// <summary>One diploma: what it is, where and when, and what its valuation says ("gewaardeerd op NLQF 6 (hbo-bachelor)").</summary>
public sealed record CvDiploma(string Name, string? Country, int? Year, string? Valuation);

/// <summary>One language with its CEFR level per skill, or that it is the person's mother tongue.</summary>
public sealed record CvLanguage(string Name, bool MotherTongue, CefrLevel Listening, CefrLevel Reading, CefrLevel Speaking, CefrLevel Writing);

public sealed record CvSkills(string? Skills, string? Talents, string? KnownFor, string? Hobbies)
{
    public bool IsEmpty => Skills is null && Talents is null && KnownFor is null && Hobbies is null;
}

/// <summary>Volunteer work the person started through a referral, or a course offer they followed.</summary>
public sealed record CvActivity(string What, string Organisation, DateOnly StartedOn, DateOnly? EndedOn, int DaysPresent, int DaysRecorded);

/// <summary>A course group the person took part in through Thuis, with their attendance so far.</summary>
public sealed record CvCourse(string Name, CourseKind Kind, string? Provider, DateOnly Since, int Present, int SessionsHeld, decimal HoursAttended);

/// <summary>
/// Everything the CV holds, read from the intake, the lessons and the referrals and never from the personal
/// circumstances or the finances: health and money are never on a CV.
/// </summary>
public sealed record CurriculumVitae(
    Guid NewcomerId,
    string Name,
    string? City,
    string? Phone,
    string? Email,
    string? Profile,
    IReadOnlyList<CvJob> Work,
    CvEducation? Education,
    IReadOnlyList<CvLanguage> Languages,
    CvSkills Skills,
    IReadOnlyList<string> Giving,
    string? GivingDescription,
    IReadOnlyList<CvActivity> Volunteering,
    IReadOnlyList<CvCourse> Courses,
    IReadOnlyList<CvActivity> CourseOffers,
    CvChoices Choices,
    Guid Version,
    string? UpdatedBy,
    DateTimeOffset? UpdatedAt,
    DateOnly Today)
{
    /// <summary>Whether the part has something to show at all, whatever the person chose.</summary>
    public bool Has(CvPart part) => part switch
    {
        CvPart.Contact => City is not null || Phone is not null || Email is not null,
        CvPart.Work => Work.Count > 0,
        CvPart.Education => Education is not null,
        CvPart.Languages => Languages.Count > 0,
        CvPart.Skills => !Skills.IsEmpty,
        CvPart.Volunteering => Giving.Count > 0 || GivingDescription is not null || Volunteering.Count > 0,
        CvPart.Courses => Courses.Count > 0 || CourseOffers.Count > 0,
        _ => false,
    };

    /// <summary>Whether the part is on the CV: it has something and the person did not leave it out.</summary>
    public bool Shows(CvPart part) => Has(part) && !Choices.LeftOut.Contains(part);

    public string FileName => FileNameFor(Name);

    /// <summary>
    /// A file name of ASCII letters, digits and hyphens only, whatever the person's name holds: accents dropped, a name in
    /// another script gives plain "cv.docx", and nothing can reach a header or a path.
    /// </summary>
    public static string FileNameFor(string name)
    {
        var letters = name.Normalize(System.Text.NormalizationForm.FormD)
            .Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            .Select(c => char.ToLowerInvariant(c) switch
            {
                'ı' => "i",
                'ł' => "l",
                'đ' => "d",
                'ø' => "o",
                'æ' => "ae",
                'ß' => "ss",
                var l when char.IsAsciiLetterOrDigit(l) => new string(l, 1),
                _ => "-",
            });
        var safe = string.Join('-', string.Concat(letters).Split('-', StringSplitOptions.RemoveEmptyEntries));
        return safe.Length == 0 ? "cv.docx" : $"cv-{(safe.Length > 60 ? safe[..60].TrimEnd('-') : safe)}.docx";
    }
}

/// <summary>The person's own record of their CV as their data file holds it: their words and what they left out.</summary>
public sealed record CvExport(string? Profile, IReadOnlyList<string> LeftOut, string UpdatedBy, DateTimeOffset UpdatedAt);

/// <summary>Reads one person's CV; the callers decide who may and audit the look.</summary>
internal static class CvContents
{
    /// <summary>The person's CV record for their data file (AVG art. 15); null when no one has edited their CV yet.</summary>
    public static async Task<CvExport?> ExportAsync(AppDbContext db, Guid newcomerId, CancellationToken cancellationToken) =>
        await db.Cvs.AsNoTracking().SingleOrDefaultAsync(c => c.NewcomerId == newcomerId, cancellationToken) is { } cv
            ? new CvExport(cv.Profile, [.. cv.Choices.LeftOut.Order().Select(CvWords.Title)], cv.UpdatedBy, cv.UpdatedAt)
            : null;

    public static async Task<CurriculumVitae> ReadAsync(AppDbContext db, OccupationCatalogue catalogue, Newcomer person, DateOnly today,
        CancellationToken cancellationToken)
    {
        var id = person.Id;
        var cv = await db.Cvs.AsNoTracking().SingleOrDefaultAsync(c => c.NewcomerId == id, cancellationToken);
        var work = (await db.Set<WorkExperienceSection>().AsNoTracking().SingleOrDefaultAsync(s => s.NewcomerId == id, cancellationToken))?.Jobs ?? [];
        var education = await db.Set<EducationSection>().AsNoTracking().SingleOrDefaultAsync(s => s.NewcomerId == id, cancellationToken);
        var languages = (await db.Set<LanguagesSection>().AsNoTracking().SingleOrDefaultAsync(s => s.NewcomerId == id, cancellationToken))?.Languages ?? [];
        var strengths = await db.Set<StrengthsSection>().AsNoTracking().SingleOrDefaultAsync(s => s.NewcomerId == id, cancellationToken);
        var reciprocity = await db.Set<ReciprocitySection>().AsNoTracking().SingleOrDefaultAsync(s => s.NewcomerId == id, cancellationToken);

        var (volunteering, courseOffers) = await ActivitiesAsync(db, id, cancellationToken);
        return new CurriculumVitae(
            id,
            person.FullName,
            person.City,
            person.Phone,
            person.Email,
            cv?.Profile,
            [.. work.Select(j => Job(j, catalogue))],
            Education(education, person.CountryOfOrigin),
            [.. languages.OrderByDescending(l => l.MotherTongue).Select(l => new CvLanguage(l.Language.Trim(), l.MotherTongue, l.Listening, l.Reading, l.Speaking, l.Writing))],
            new CvSkills(strengths?.Skills, strengths?.Talents, strengths?.KnownFor, strengths?.Hobbies),
            reciprocity?.Offers ?? [],
            reciprocity?.Description,
            volunteering,
            await CoursesAsync(db, person, today, cancellationToken),
            courseOffers,
            cv?.Choices ?? CvChoices.None,
            cv?.Version ?? Guid.Empty,
            cv?.UpdatedBy,
            cv?.UpdatedAt,
            today);
    }

    private static CvJob Job(Job job, OccupationCatalogue catalogue)
    {
        var written = job.Title.Trim();
        var label = job.EscoUri is { Length: > 0 } uri ? catalogue.Find(uri)?.LabelNl : null;
        return label is null
            ? new CvJob(written, null, job.Years, Clean(job.Role))
            : new CvJob(label, string.Equals(label, written, StringComparison.OrdinalIgnoreCase) ? null : written, job.Years, Clean(job.Role));
    }

    private static CvEducation? Education(EducationSection? section, string country)
    {
        // No schooling is not a line an employer needs to read; what someone can do shows under work and skills.
        if (section is null || (section.HighestLevel is EducationLevel.Unknown or EducationLevel.None && section.Field is null && section.Diplomas.Count == 0))
        {
            return null;
        }
        var level = section.HighestLevel is EducationLevel.Unknown or EducationLevel.None && section.Field is null ? null : Level(section.HighestLevel);
        return new CvEducation(level, section.Field, section.Years, country,
            [.. section.Diplomas.Where(d => d.Name.Length > 0).Select(d => new CvDiploma(d.Name, d.Country, d.Year, Valuation(d)))]);
    }

    /// <summary>What an employer reads about a diploma's valuation; nothing while it is not asked or not needed.</summary>
    public static string? Valuation(Diploma diploma) => diploma.Valuation switch
    {
        DiplomaValuation.Valued when diploma.Nlqf is { } nlqf => diploma.Result is { } result ? $"gewaardeerd op NLQF {nlqf} ({result})" : $"gewaardeerd op NLQF {nlqf}",
        DiplomaValuation.Valued => diploma.Result is { } result ? $"gewaardeerd: {result}" : "gewaardeerd in Nederland",
        DiplomaValuation.Applied => "diplomawaardering aangevraagd",
        _ => null,
    };

    /// <summary>The level in an employer's words; the Dutch equivalent only comes from the diploma valuation.</summary>
    public static string? Level(EducationLevel level) => level switch
    {
        EducationLevel.None => "geen opleiding afgerond",
        EducationLevel.Primary => "basisonderwijs",
        EducationLevel.LowerSecondary => "lager voortgezet onderwijs",
        EducationLevel.UpperSecondary => "hoger voortgezet onderwijs",
        EducationLevel.Vocational => "beroepsopleiding",
        EducationLevel.Bachelor => "bachelor",
        EducationLevel.Master => "master",
        EducationLevel.Doctorate => "doctoraat (PhD)",
        _ => null,
    };

    private static async Task<(List<CvActivity> Volunteering, List<CvActivity> Courses)> ActivitiesAsync(AppDbContext db, Guid id,
        CancellationToken cancellationToken)
    {
        var started = await db.Referrals.AsNoTracking().Where(r => r.NewcomerId == id && r.StartedOn != null)
            .Join(db.Proposals, r => r.ProposalId, p => p.Id, (r, p) => new { Referral = r, p.Kind, p.TargetId })
            .ToListAsync(cancellationToken);
        var offerIds = started.Where(s => s.Kind == TargetKind.Offer && s.TargetId != null).Select(s => s.TargetId!.Value).Distinct().ToList();
        var offers = await db.Offers.AsNoTracking().Where(o => offerIds.Contains(o.Id))
            .Join(db.Organisations, o => o.OrganisationId, g => g.Id, (o, g) => new { o.Id, o.Kind, o.Title, Organisation = g.Name })
            .ToDictionaryAsync(o => o.Id, cancellationToken);
        var volunteering = new List<CvActivity>();
        var courses = new List<CvActivity>();
        foreach (var s in started.OrderBy(s => s.Referral.StartedOn))
        {
            if (s.TargetId is not { } offerId || !offers.TryGetValue(offerId, out var offer))
            {
                continue;
            }
            var days = s.Referral.Attendance;
            var activity = new CvActivity(offer.Title, offer.Organisation, s.Referral.StartedOn!.Value, s.Referral.EndedOn,
                days.Count(d => d.Present), days.Count);
            if (offer.Kind == OfferKind.VolunteerRole)
            {
                volunteering.Add(activity);
            }
            else if (offer.Kind == OfferKind.Course)
            {
                courses.Add(activity);
            }
        }
        return (volunteering, courses);
    }

    private static async Task<List<CvCourse>> CoursesAsync(AppDbContext db, Newcomer person, DateOnly today, CancellationToken cancellationToken)
    {
        var id = person.Id;
        var enrolments = await db.Enrolments.AsNoTracking().Where(e => e.NewcomerId == id)
            .Join(db.CourseGroups, e => e.GroupId, g => g.Id, (e, g) => new { g.Id, g.Name, g.Kind, g.Provider, g.StartDate, e.Since })
            .OrderBy(g => g.StartDate)
            .ToListAsync(cancellationToken);
        var groupIds = enrolments.Select(e => e.Id).ToList();
        var sessions = await db.Sessions.AsNoTracking().Where(s => groupIds.Contains(s.GroupId))
            .Select(s => new { s.GroupId, Fact = new SessionFact(s.Id, s.Date, s.StartTime, s.EndTime, s.Kind, s.Theme, s.Records.Any()) })
            .ToListAsync(cancellationToken);
        var attendance = await db.AttendanceRecords.AsNoTracking().Where(r => r.NewcomerId == id)
            .ToDictionaryAsync(r => r.SessionId, r => r.Value, cancellationToken);
        return [.. enrolments.Select(e =>
        {
            var progress = TrajectoryProgress.Compute(null, sessions.Where(s => s.GroupId == e.Id).Select(s => s.Fact), e.Since, today, attendance);
            return new CvCourse(e.Name, e.Kind, e.Provider, e.Since, progress.Present, progress.SessionsHeld, progress.HoursAttended);
        })];
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>The CV's words, the same on the page and in the file.</summary>
public static class CvWords
{
    public static string Title(CvPart part) => part switch
    {
        CvPart.Contact => "Contactgegevens",
        CvPart.Work => "Werkervaring",
        CvPart.Education => "Opleiding",
        CvPart.Languages => "Talen",
        CvPart.Skills => "Vaardigheden en talenten",
        CvPart.Volunteering => "Vrijwilligerswerk en wat ik wil geven",
        CvPart.Courses => "Cursussen in Nederland",
        _ => part.ToString(),
    };

    public static string Years(int years) => years == 1 ? "1 jaar" : $"{years} jaar";

    public static string Job(CvJob job) =>
        string.Join(" · ", new[] { job.WrittenTitle is { } written ? $"ook: {written}" : null, job.Years is { } y ? Years(y) : null, job.Role }
            .OfType<string>());

    public static string Education(CvEducation education) =>
        string.Join(" · ", new[]
        {
            education.Years is { } y and > 0 ? $"{Years(y)} onderwijs" : null,
            $"in {education.CountryOfOrigin}",
        }.OfType<string>());

    /// <summary>"Bachelor, Pedagogiek": the education as a whole; empty when only its diplomas are known.</summary>
    public static string EducationTitle(CvEducation education) =>
        string.Join(", ", new[] { education.Level is { } level ? Capitalised(level) : null, education.Field }.OfType<string>());

    /// <summary>"Syrië · 2013 · gewaardeerd op NLQF 6 (hbo-bachelor)".</summary>
    public static string Diploma(CvDiploma diploma) =>
        string.Join(" · ", new[] { diploma.Country, diploma.Year?.ToString(CultureInfo.InvariantCulture), diploma.Valuation }.OfType<string>());

    public static string Level(CefrLevel level) => level switch
    {
        CefrLevel.None => "–",
        CefrLevel.PreA1 => "enkele woorden",
        _ => level.ToString(),
    };

    /// <summary>"moedertaal", or the CEFR level of each skill.</summary>
    public static string Language(CvLanguage language) => language.MotherTongue
        ? "moedertaal"
        : $"luisteren {Level(language.Listening)}, lezen {Level(language.Reading)}, spreken {Level(language.Speaking)}, schrijven {Level(language.Writing)}";

    public static string Activity(CvActivity activity) =>
        string.Join(" · ", new[]
        {
            activity.Organisation,
            activity.EndedOn is { } ended ? $"{DutchFormat.Date(activity.StartedOn)} tot {DutchFormat.Date(ended)}" : $"sinds {DutchFormat.Date(activity.StartedOn)}",
            activity.DaysRecorded > 0 ? $"{activity.DaysPresent} van {activity.DaysRecorded} keer aanwezig" : null,
        }.OfType<string>());

    public static string Course(CvCourse course) =>
        string.Join(" · ", new[]
        {
            course.Kind.Dutch(),
            course.Provider,
            $"sinds {DutchFormat.Date(course.Since)}",
            course.SessionsHeld > 0
                ? $"{course.Present} van {course.SessionsHeld} bijeenkomsten aanwezig ({Percentage(course.Present, course.SessionsHeld)}%), {Hours(course.HoursAttended)} uur"
                : "nog geen bijeenkomsten gehad",
        }.OfType<string>());

    private static int Percentage(int part, int whole) => (int)Math.Round(100m * part / whole, MidpointRounding.AwayFromZero);

    private static string Hours(decimal hours) => hours.ToString("0.#", CultureInfo.GetCultureInfo("nl-NL"));

    public static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpper(text[0], CultureInfo.GetCultureInfo("nl-NL")) + text[1..];
}
