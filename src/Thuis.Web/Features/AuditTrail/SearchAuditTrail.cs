using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Features.Dossiers;
using Thuis.Web.Features.Intake;
using Thuis.Web.Features.PartnerApi;
using Thuis.Web.Platform.Auditing;
using Thuis.Web.Platform.Files;
using Thuis.Web.Platform.Localization;
using Thuis.Web.Platform.Paging;
using Thuis.Web.Platform.Security;

namespace Thuis.Web.Features.AuditTrail;

/// <summary>
/// What to look for in the audit trail: whose dossier (a name, or the dossier's reference from its address), which user
/// (a name or e-mail address), which kind of action, which result, and from and to which day (Dutch days, both included).
/// </summary>
public sealed record AuditTrailQuery(
    string? Person, string? User, AuditAction? Action, AuditResult? Result, DateOnly? From, DateOnly? To, int Page = 1)
{
    public bool PeriodIsReversed => From is { } from && To is { } to && from > to;
}

/// <summary>One line of the trail as the privacy officer reads it.</summary>
public sealed record AuditTrailRow(
    long Sequence, DateTimeOffset OccurredAt, string Actor, string ActorRoles, string Action, string Subject, string? Person,
    string Result, string? Origin, string Purpose, string? Details);

public sealed record AuditTrailResult(Paged<AuditTrailRow> Rows, int PeopleFound, int UsersFound);

/// <summary>
/// Searches the own municipality's audit trail, newest first, for the administrator and the privacy officer; the search
/// and every export are themselves recorded in the trail, with the criteria but never a name or other value typed in.
/// </summary>
public sealed class SearchAuditTrail(AppDbContext db)
{
    public const string SearchPurpose = "Audittrail doorzoeken (toezicht op de verwerking, AVG art. 5 lid 2)";
    public const string ExportPurpose = "Audittrail exporteren naar CSV (toezicht op de verwerking, AVG art. 5 lid 2)";
    public const string ObjectType = "AuditTrail";

    /// <summary>The most rows an export holds; a longer trail is narrowed by period first.</summary>
    public const int ExportLimit = 50_000;

    public static readonly IReadOnlyList<string> CsvHeader =
        ["volgnummer", "tijdstip", "gebruiker", "rol", "handeling", "onderwerp", "dossier van", "resultaat", "herkomst", "doel", "details"];

    public async Task<AuditTrailResult> HandleAsync(AuditTrailQuery query, CancellationToken cancellationToken)
    {
        var (entries, people, users) = await FilterAsync(query, cancellationToken);
        var total = await entries.CountAsync(cancellationToken);
        var (page, pages) = Paging.Clamp(total, query.Page);
        var rows = await RowsAsync(entries.Skip((page - 1) * Paging.PageSize).Take(Paging.PageSize), cancellationToken);

        db.RecordAudit(AuditAction.View, ObjectType, "zoeken", AuditResult.Success, SearchPurpose,
            details: Criteria(query, people, users) + $"; pagina {page}; {total} regels");
        await db.SaveChangesAsync(cancellationToken);
        return new AuditTrailResult(new Paged<AuditTrailRow>(rows, total, page, pages), people?.Count ?? 0, users?.Count ?? 0);
    }

    /// <summary>The whole result of the search (up to <see cref="ExportLimit"/> lines) as a CSV file.</summary>
    public async Task<byte[]> ExportAsync(AuditTrailQuery query, CancellationToken cancellationToken)
    {
        var (entries, people, users) = await FilterAsync(query, cancellationToken);
        var rows = await RowsAsync(entries.Take(ExportLimit), cancellationToken);
        var file = CsvFile.Write(CsvHeader, rows.Select(r => new[]
        {
            r.Sequence.ToString(CultureInfo.InvariantCulture), DutchFormat.DateTime(r.OccurredAt), r.Actor, r.ActorRoles, r.Action, r.Subject,
            r.Person ?? "", r.Result, r.Origin ?? "", r.Purpose, r.Details ?? "",
        }));
        db.RecordAudit(AuditAction.View, ObjectType, "export", AuditResult.Success, ExportPurpose,
            details: Criteria(query, people, users) + $"; {rows.Count} regels");
        await db.SaveChangesAsync(cancellationToken);
        return file;
    }

    /// <summary>The entries that meet the query, newest first, with the people and users the words found (null when not asked).</summary>
    private async Task<(IQueryable<AuditEntry> Entries, List<Guid>? People, List<string>? Users)> FilterAsync(
        AuditTrailQuery query, CancellationToken cancellationToken)
    {
        // The query filter keeps every entry of another municipality out.
        var entries = InPeriod(query.From, query.To).AsNoTracking();
        List<Guid>? people = null;
        if (!string.IsNullOrWhiteSpace(query.Person))
        {
            people = await FindPeopleAsync(query.Person, cancellationToken);
            var ids = people.Select(p => p.ToString()).ToList();
            // Entries from before the trail named the person are found by the dossier's own id.
            entries = entries.Where(a => (a.PersonId != null && people.Contains(a.PersonId.Value))
                || (a.PersonId == null && a.ObjectType == nameof(Newcomer) && ids.Contains(a.ObjectId)));
        }
        List<string>? users = null;
        if (!string.IsNullOrWhiteSpace(query.User))
        {
            users = await FindUsersAsync(query.User, cancellationToken);
            entries = entries.Where(a => users.Contains(a.ActorId));
        }
        if (query.Action is { } action)
        {
            entries = entries.Where(a => a.Action == action);
        }
        if (query.Result is { } result)
        {
            entries = entries.Where(a => a.Result == result);
        }
        return (entries.OrderByDescending(a => a.Sequence), people, users);
    }

    /// <summary>The people of the municipality a name or a dossier reference (the id in a dossier's address) finds; never by BSN.</summary>
    private async Task<List<Guid>> FindPeopleAsync(string words, CancellationToken cancellationToken)
    {
        var reference = words.Trim().TrimEnd('/').Split('/')[^1];
        if (Guid.TryParse(reference, out var id))
        {
            return await db.Newcomers.AsNoTracking().Where(n => n.Id == id).Select(n => n.Id).ToListAsync(cancellationToken);
        }
        var people = db.Newcomers.AsNoTracking();
        foreach (var word in words.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pattern = Like(word);
            // Runs as SQL lower(): the same on SQLite and PostgreSQL, whatever the server's culture.
#pragma warning disable CA1304, CA1311
            people = people.Where(n => EF.Functions.Like(n.GivenNames.ToLower(), pattern) || EF.Functions.Like(n.FamilyName.ToLower(), pattern));
#pragma warning restore CA1304, CA1311
        }
        return await people.Select(n => n.Id).ToListAsync(cancellationToken);
    }

    /// <summary>The users of the municipality whose name or e-mail address holds the words; "systeem" finds Thuis's own jobs.</summary>
    private async Task<List<string>> FindUsersAsync(string words, CancellationToken cancellationToken)
    {
        var municipalityId = db.CurrentMunicipalityId;
        var users = db.Users.AsNoTracking().Where(u => u.MunicipalityId == municipalityId);
        foreach (var word in words.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pattern = Like(word);
#pragma warning disable CA1304, CA1311
            users = users.Where(u => EF.Functions.Like(u.DisplayName.ToLower(), pattern) || EF.Functions.Like((u.Email ?? "").ToLower(), pattern));
#pragma warning restore CA1304, CA1311
        }
        var found = await users.Select(u => u.Id).ToListAsync(cancellationToken);
        if (string.Equals(words.Trim(), CurrentUser.SystemActor, StringComparison.OrdinalIgnoreCase))
        {
            found.Add(CurrentUser.SystemActor);
        }
        return found;
    }

    private async Task<List<AuditTrailRow>> RowsAsync(IQueryable<AuditEntry> entries, CancellationToken cancellationToken)
    {
        var found = await entries.ToListAsync(cancellationToken);
        var actorIds = found.Select(e => e.ActorId).Distinct().ToList();
        var actors = await db.Users.AsNoTracking().Where(u => actorIds.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        // A partner organisation's system, through the API: named by its key and organisation.
        var keyIds = actorIds.Where(a => a.StartsWith(ApiKeyAuthenticationHandler.ActorPrefix, StringComparison.Ordinal))
            .Select(a => Guid.TryParse(a.AsSpan(ApiKeyAuthenticationHandler.ActorPrefix.Length), out var keyId) ? keyId : Guid.Empty).ToList();
        if (keyIds.Count > 0)
        {
            var keys = await (from k in db.PartnerApiKeys.AsNoTracking()
                              where keyIds.Contains(k.Id)
                              join o in db.Organisations on k.OrganisationId equals o.Id
                              select new { k.Id, k.Name, Organisation = o.Name }).ToListAsync(cancellationToken);
            foreach (var key in keys)
            {
                actors[ApiKeyAuthenticationHandler.ActorId(key.Id)] = ApiKeyAuthenticationHandler.ActorName(key.Name, key.Organisation);
            }
        }
        var personIds = found.Select(e => e.PersonId ?? (e.ObjectType == nameof(Newcomer) && Guid.TryParse(e.ObjectId, out var id) ? id : null))
            .OfType<Guid>().Distinct().ToList();
        var people = await db.Newcomers.AsNoTracking().Where(n => personIds.Contains(n.Id))
            .ToDictionaryAsync(n => n.Id, n => n.FamilyName + ", " + n.GivenNames, cancellationToken);

        return [.. found.Select(e =>
        {
            var person = e.PersonId ?? (e.ObjectType == nameof(Newcomer) && Guid.TryParse(e.ObjectId, out var id) ? id : null);
            return new AuditTrailRow(e.Sequence, e.OccurredAt,
                e.ActorId == CurrentUser.SystemActor ? "Thuis (automatisch)" : actors.GetValueOrDefault(e.ActorId) ?? $"gebruiker {e.ActorId}",
                string.Join(", ", e.ActorRoles.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(r => r == CurrentUser.SystemActor ? "systeem" : Roles.DutchName(r))),
                ActionInDutch(e.Action), ObjectInDutch(e.ObjectType),
                person is { } p ? people.GetValueOrDefault(p) ?? "(niet meer in Thuis)" : null,
                ResultInDutch(e.Result), e.Origin, e.Purpose, e.Details);
        })];
    }

    /// <summary>The criteria as the trail records them: what was asked, and the ids the words found, never the words themselves.</summary>
    private static string Criteria(AuditTrailQuery query, List<Guid>? people, List<string>? users)
    {
        var parts = new List<string>();
        if (people is not null)
        {
            parts.Add($"persoon: {people.Count} gevonden{(people.Count is > 0 and <= 10 ? " (" + string.Join(", ", people) + ")" : "")}");
        }
        if (users is not null)
        {
            parts.Add($"gebruiker: {users.Count} gevonden{(users.Count is > 0 and <= 10 ? " (" + string.Join(", ", users) + ")" : "")}");
        }
        if (query.Action is { } action)
        {
            parts.Add($"handeling: {ActionInDutch(action)}");
        }
        if (query.Result is { } result)
        {
            parts.Add($"resultaat: {ResultInDutch(result)}");
        }
        if (query.From is { } from)
        {
            parts.Add($"van: {from:yyyy-MM-dd}");
        }
        if (query.To is { } to)
        {
            parts.Add($"tot en met: {to:yyyy-MM-dd}");
        }
        return parts.Count == 0 ? "Zoekcriteria: geen" : "Zoekcriteria: " + string.Join("; ", parts);
    }

    /// <summary>The entries from the start of one Dutch day to the end of another; every entry when neither is given.</summary>
    private IQueryable<AuditEntry> InPeriod(DateOnly? from, DateOnly? to)
    {
        var start = from is { } first ? StartOfDutchDay(first) : DateTimeOffset.MinValue;
        var end = to is { } last ? StartOfDutchDay(last.AddDays(1)) : DateTimeOffset.MaxValue;
        if (from is null && to is null)
        {
            return db.AuditEntries;
        }
        if (db.Database.IsSqlite())
        {
            // SQLite keeps an instant as text and cannot compare it in a query; every entry's instant is in UTC
            // ("2026-12-07 09:30:00.1234567+00:00"), so comparing the text compares the instants.
            return db.AuditEntries.FromSqlRaw("SELECT * FROM \"AuditEntries\" WHERE \"OccurredAt\" >= {0} AND \"OccurredAt\" < {1}",
                SqliteInstant(start), SqliteInstant(end));
        }
        var entries = db.AuditEntries.AsQueryable();
        if (from is not null)
        {
            entries = entries.Where(a => a.OccurredAt >= start);
        }
        if (to is not null)
        {
            entries = entries.Where(a => a.OccurredAt < end);
        }
        return entries;
    }

    private static string SqliteInstant(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + "+00:00";

    private static DateTimeOffset StartOfDutchDay(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, DutchFormat.TimeZone.GetUtcOffset(local)).ToUniversalTime();
    }

    private static string Like(string word) =>
        $"%{word.ToLowerInvariant().Replace("%", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal)}%";

    public static string ActionInDutch(AuditAction action) => action switch
    {
        AuditAction.View => "inzien",
        AuditAction.Create => "aanmaken",
        AuditAction.Update => "wijzigen",
        AuditAction.Delete => "verwijderen",
        _ => action.ToString(),
    };

    public static string ResultInDutch(AuditResult result) => result switch
    {
        AuditResult.Success => "gelukt",
        AuditResult.NotFound => "niet gevonden",
        AuditResult.Refused => "geweigerd",
        _ => result.ToString(),
    };

    /// <summary>What an entry is about, in the words the staff know; the name in the code when Thuis has none.</summary>
    public static string ObjectInDutch(string objectType) =>
        IntakePart.All.FirstOrDefault(p => p.Section.Name == objectType) is { } part
            ? $"intake: {part.Title.ToLowerInvariant()}"
            : objectType switch
            {
                nameof(Newcomer) => "dossier",
                "IntegrationPlan" => "plan (PIP)",
                "PlanGoal" => "doel in het plan",
                "PlanStep" => "stap in het plan",
                "TermChange" => "inburgeringstermijn",
                "SettlingChecklist" => "checklist vestigen",
                "Milestone" => "mijlpaal",
                "CourseGroup" => "groep",
                "Session" => "bijeenkomst",
                "AttendanceRecord" => "aanwezigheid",
                "Enrolment" => "inschrijving in een groep",
                "Proposal" => "voorstel",
                "Consent" => "toestemming",
                "Referral" => "verwijzing",
                "ReferralAttendance" => "aanwezigheid bij een partner",
                "CohortRun" => "koppelronde",
                "CohortMatch" => "koppeling",
                "Intervention" => "interventie",
                "InterventionAvailability" => "beschikbaarheid van een interventie",
                "Transfer" => "warme overdracht",
                "Signal" => "signaal",
                "SignalSettings" => "drempels voor signalen",
                "OwnAccessInvitation" => "uitnodiging eigen Thuis",
                "OwnAccess" => "toegang eigen Thuis",
                "ActivityFeedback" => "antwoord op ‘Hoe gaat het?’",
                "Organisation" => "organisatie",
                "Offer" => "aanbod",
                "Volunteer" => "vrijwilliger",
                "VolunteerMatch" => "koppeling met een vrijwilliger",
                "VolunteerMeeting" => "ontmoeting met een vrijwilliger",
                "VolunteerConcern" => "zorg van een vrijwilliger",
                "MatchEnding" => "einde van een koppeling met een vrijwilliger",
                "Municipality" => "instellingen van de gemeente",
                "Rapportage" => "rapportage",
                "Passkey" => "passkey",
                ObjectType => "audittrail",
                _ => objectType,
            };

    public static AuditAction? ParseAction(string? value) => value switch
    {
        "inzien" => AuditAction.View,
        "aanmaken" => AuditAction.Create,
        "wijzigen" => AuditAction.Update,
        "verwijderen" => AuditAction.Delete,
        _ => null,
    };

    public static AuditResult? ParseResult(string? value) => value switch
    {
        "gelukt" => AuditResult.Success,
        "niet-gevonden" => AuditResult.NotFound,
        "geweigerd" => AuditResult.Refused,
        _ => null,
    };
}
