using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Thuis.Web.Features.Dossiers;
using Thuis.Web.Platform.Changes;
using Thuis.Web.Platform.Localization;
using Thuis.Web.Platform.Tenancy;

namespace Thuis.Web.Features.Trajectories;

/// <summary>When and what a session is: a workshop has a theme, a language lesson has none.</summary>
public sealed record SessionDetails(DateOnly Date, TimeOnly Start, TimeOnly End, SessionKind Kind, string? Topic, WorkshopTheme? Theme);

/// <summary>One meeting (bijeenkomst) of a course group, with the attendance of the people enrolled.</summary>
public sealed class Session : IMunicipalityOwned, ISharedByPeople
{
    private readonly List<AttendanceRecord> _records = [];

    private Session()
    {
    }

    public Session(CourseGroup group, SessionDetails details)
    {
        Id = Guid.CreateVersion7();
        MunicipalityId = group.MunicipalityId;
        GroupId = group.Id;
        Update(details);
    }

    public Guid Id { get; private set; }

    public Guid MunicipalityId { get; private set; }

    public Guid GroupId { get; private set; }

    /// <summary>The group's people, and whoever has attendance recorded here: it keeps counting after they leave the group.</summary>
    public IQueryable<Guid> PeopleConcerned(Data.AppDbContext db) =>
        db.Enrolments.Where(e => e.GroupId == GroupId).Select(e => e.NewcomerId)
            .Union(db.AttendanceRecords.Where(a => a.SessionId == Id).Select(a => a.NewcomerId));

    public DateOnly Date { get; private set; }

    public TimeOnly StartTime { get; private set; }

    public TimeOnly EndTime { get; private set; }

    public SessionKind Kind { get; private set; }

    public string? Topic { get; private set; }

    /// <summary>Only for a workshop: which theme it covers.</summary>
    public WorkshopTheme? Theme { get; private set; }

    /// <summary>Hours of an interpreter booked for this session, paid at the group's rate; none when there is no interpreter.</summary>
    public decimal? InterpreterHours { get; private set; }

    /// <summary>Whether childcare is arranged during this session, paid at the group's price per session.</summary>
    public bool ChildcareArranged { get; private set; }

    /// <summary>Books an interpreter and childcare for this session (see decision 0034 for when they count as spent).</summary>
    public void ArrangeSupport(decimal? interpreterHours, bool childcare)
    {
        if (interpreterHours is { } hours && (hours < 0 || !DutchFormat.IsWholeCents(hours)))
        {
            throw new ArgumentException("Tolkuren zijn niet negatief en hoogstens in honderdsten.", nameof(interpreterHours));
        }
        InterpreterHours = interpreterHours is 0 ? null : interpreterHours;
        ChildcareArranged = childcare;
        Version = Guid.NewGuid();
    }

    /// <summary>Changes with every edit and every attendance list saved, so two people cannot overwrite each other.</summary>
    public Guid Version { get; private set; }

    public IReadOnlyCollection<AttendanceRecord> Records => _records;

    public TimeSpan Duration => EndTime - StartTime;

    /// <summary>Why these details cannot make a session, or null when they can.</summary>
    public static string? Refusal(SessionDetails details) =>
        details.End <= details.Start ? "De eindtijd moet na de begintijd liggen."
        : details.Kind == SessionKind.Workshop && details.Theme is null ? "Kies het thema van de workshop."
        : null;

    public void Update(SessionDetails details)
    {
        if (Refusal(details) is { } refusal)
        {
            throw new ArgumentException(refusal, nameof(details));
        }
        Date = details.Date;
        StartTime = details.Start;
        EndTime = details.End;
        Kind = details.Kind;
        Topic = string.IsNullOrWhiteSpace(details.Topic) ? null : details.Topic.Trim();
        Theme = details.Kind == SessionKind.Workshop ? details.Theme : null;
        Version = Guid.NewGuid();
    }

    /// <summary>Records whether someone came. Only people enrolled in the group on the session's date can attend it.</summary>
    public void RecordAttendance(Enrolment? enrolment, Guid newcomerId, Attendance value, string recordedBy, DateTimeOffset at)
    {
        if (enrolment is null || enrolment.NewcomerId != newcomerId || enrolment.GroupId != GroupId || enrolment.Since > Date)
        {
            throw new InvalidOperationException("Aanwezigheid kan alleen worden vastgelegd voor wie op de datum van de bijeenkomst in de groep is ingeschreven.");
        }
        var record = _records.SingleOrDefault(r => r.NewcomerId == newcomerId);
        if (record is null)
        {
            _records.Add(new AttendanceRecord(this, newcomerId, value, recordedBy, at));
        }
        else if (record.Value != value)
        {
            record.Change(value, recordedBy, at);
        }
        Version = Guid.NewGuid();
    }
}

/// <summary>Whether one person came to one session: present, or absent with or without a valid reason.</summary>
public sealed class AttendanceRecord : IMunicipalityOwned, IPersonData
{
    private AttendanceRecord() => RecordedBy = "";

    internal AttendanceRecord(Session session, Guid newcomerId, Attendance value, string recordedBy, DateTimeOffset at)
    {
        SessionId = session.Id;
        MunicipalityId = session.MunicipalityId;
        NewcomerId = newcomerId;
        RecordedBy = "";
        Change(value, recordedBy, at);
    }

    public Guid SessionId { get; private set; }

    public Guid NewcomerId { get; private set; }

    public Guid MunicipalityId { get; private set; }

    public Attendance Value { get; private set; }

    public string RecordedBy { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    internal void Change(Attendance value, string recordedBy, DateTimeOffset at)
    {
        Value = value;
        RecordedBy = recordedBy;
        RecordedAt = at;
    }
}

internal sealed class SessionMapping : IEntityTypeConfiguration<Session>
{
    public void Configure(EntityTypeBuilder<Session> builder)
    {
        builder.Property(s => s.Topic).HasMaxLength(200);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.Ignore(s => s.Duration);
        builder.Property(s => s.InterpreterHours).HasPrecision(6, 2);
        builder.HasIndex(s => new { s.GroupId, s.Date });
        builder.HasIndex(s => new { s.MunicipalityId, s.Date });
        builder.HasOne<CourseGroup>().WithMany().HasForeignKey(s => s.GroupId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(s => s.Records).WithOne().HasForeignKey(r => r.SessionId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(s => s.Records).HasField("_records");
    }
}

internal sealed class AttendanceRecordMapping : IEntityTypeConfiguration<AttendanceRecord>
{
    public void Configure(EntityTypeBuilder<AttendanceRecord> builder)
    {
        builder.HasKey(r => new { r.SessionId, r.NewcomerId });
        builder.Property(r => r.RecordedBy).HasMaxLength(200);
        // The report and a person's lessons read attendance per person: with the value, the session and the tenant in
        // the index they never touch the table's million rows.
        builder.HasIndex(r => new { r.NewcomerId, r.Value, r.SessionId, r.MunicipalityId });
        builder.HasOne<Newcomer>().WithMany().HasForeignKey(r => r.NewcomerId).OnDelete(DeleteBehavior.Cascade);
    }
}
