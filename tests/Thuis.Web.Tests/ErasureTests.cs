using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Thuis.Web.Data;
using Thuis.Web.Features.Reports;
using Thuis.Web.Features.Retention;
using Thuis.Web.Features.Work;
using Thuis.Web.Platform.Localization;
using Thuis.Web.Platform.Security;
using Thuis.Web.Tests.Infrastructure;

namespace Thuis.Web.Tests;

/// <summary>
/// Erasing a person with a full dossier (the demo's Samira Haddad: intake, plan, lessons, proposals, referrals, signals,
/// her own account): afterwards no text of hers is anywhere in the database, read straight from the file, while the
/// reports count exactly as before and the audit trail still holds and still points at her dossier's id.
/// </summary>
public sealed class ErasureTests
{
    [Fact]
    public async Task After_erasure_no_text_of_the_person_is_left_in_any_table_the_reports_count_the_same_and_the_trail_holds()
    {
        var file = Path.Combine(Path.GetTempPath(), "thuis-tests", $"erasure-{Guid.NewGuid():N}.db");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await using var app = new ThuisAppFactory("Development", new Dictionary<string, string?>
        {
            // Demo data belongs to the embedded database only, whatever provider the other tests run on.
            ["Database:Provider"] = "Sqlite",
            ["Database:ConnectionString"] = $"Data Source={file}",
            ["Demo:SeedOnFirstStart"] = "true",
            // Every report is counted afresh, so "the same after" is a count and not the memory of one.
            ["Reports:CacheMinutes"] = "0",
        });
        var (municipalityId, personId, bsn, email) = await CloseSamirasDossierLongAgoAsync(app);
        var reportBefore = await ReportAsync(app, municipalityId);
        var trailBefore = await TrailOfAsync(app, municipalityId, personId);
        var (hers, elsewhere) = ReadAllText(file, personId);
        var texts = Candidates(hers).Where(text => !elsewhere.Any(cell => cell.Contains(text, StringComparison.OrdinalIgnoreCase))).ToList();
        Assert.Contains(bsn, texts);
        Assert.Contains(email, texts);
        Assert.Contains("Samira geeft sinds veertien jaar les aan groep drie in Aleppo.", texts);
        Assert.True(texts.Count >= 10, $"Te weinig teksten van de persoon gevonden om iets te bewijzen: {string.Join(" | ", texts)}.");

        await using (var scope = app.Services.CreateAsyncScope())
        {
            Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<ApplyRetention>().RunOnceAsync(DateTimeOffset.UtcNow));
        }

        var (hersAfter, elsewhereAfter) = ReadAllText(file, personId);
        var left = texts.Where(text => hersAfter.Concat(elsewhereAfter).Any(cell => cell.Contains(text, StringComparison.OrdinalIgnoreCase))).ToList();
        Assert.True(left.Count == 0, $"Nog te vinden na het wissen: {string.Join(" | ", left)}");
        Assert.Equal(reportBefore, await ReportAsync(app, municipalityId));
        Assert.True(await TrailOfAsync(app, municipalityId, personId) > trailBefore);
        Assert.True((await AuditTampering.VerifyAsync(app, municipalityId)).IsIntact);
    }

    private static async Task<(Guid Municipality, Guid Person, string Bsn, string Email)> CloseSamirasDossierLongAgoAsync(ThuisAppFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var samira = await db.Newcomers.IgnoreQueryFilters().SingleAsync(n => n.GivenNames == "Samira" && n.FamilyName == "Haddad");
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystemFor(samira.MunicipalityId);
        samira.Complete("Inburgeringsplicht voldaan", TimeProvider.System.InTheNetherlands().AddYears(-6));
        // Her CV in her own words ("Over mij") is hers too, and goes with the rest.
        var cv = new Cv(samira.Id, samira.MunicipalityId);
        cv.Change(new CvChoices("Samira geeft sinds veertien jaar les aan groep drie in Aleppo.", new HashSet<CvPart> { CvPart.Contact }), "test", DateTimeOffset.UtcNow);
        db.Cvs.Add(cv);
        await db.SaveChangesAsync();
        return (samira.MunicipalityId, samira.Id, samira.Bsn!, samira.Email!);
    }

    /// <summary>Every table of the report as its CSV export.</summary>
    private static async Task<string> ReportAsync(ThuisAppFactory app, Guid municipalityId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystemFor(municipalityId);
        var figures = await scope.ServiceProvider.GetRequiredService<BuildReport>().FiguresAsync(Cohort.Parse(null), CancellationToken.None);
        return string.Join("\n", ReportTables.All(figures).Select(t => System.Text.Encoding.UTF8.GetString(ExportReport.Csv(t))));
    }

    private static async Task<int> TrailOfAsync(ThuisAppFactory app, Guid municipalityId, Guid personId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().AuditEntries.IgnoreQueryFilters()
            .CountAsync(a => a.MunicipalityId == municipalityId && a.PersonId == personId);
    }

    /// <summary>
    /// The text cells of the whole database, split into the person's (rows with her as NewcomerId or Id, and rows that
    /// point at those) and everyone else's.
    /// </summary>
    private static (List<string> Hers, List<string> Elsewhere) ReadAllText(string file, Guid personId)
    {
        using var connection = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
        connection.Open();
        var tables = new List<(string Name, List<Dictionary<string, string>> Rows)>();
        foreach (var table in Strings(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"))
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\"";
            using var reader = command.ExecuteReader();
            var rows = new List<Dictionary<string, string>>();
            while (reader.Read())
            {
                var row = new Dictionary<string, string>(StringComparer.Ordinal);
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    if (!reader.IsDBNull(i) && reader.GetValue(i) is string text)
                    {
                        row[reader.GetName(i)] = text;
                    }
                }
                rows.Add(row);
            }
            tables.Add((table, rows));
        }

        var person = personId.ToString();
        bool IsPerson(string? value) => string.Equals(value, person, StringComparison.OrdinalIgnoreCase);
        var herRows = new HashSet<Dictionary<string, string>>(ReferenceEqualityComparer.Instance);
        foreach (var (name, rows) in tables.Where(t => t.Name != "AuditEntries"))
        {
            herRows.UnionWith(rows.Where(r => IsPerson(r.GetValueOrDefault("NewcomerId")) || (name == "Newcomers" && IsPerson(r.GetValueOrDefault("Id")))));
        }
        var herIds = herRows.Select(r => r.GetValueOrDefault("Id")).OfType<string>().ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var (_, rows) in tables.Where(t => t.Name != "AuditEntries"))
        {
            herRows.UnionWith(rows.Where(r => r.Any(cell => cell.Key.EndsWith("Id", StringComparison.Ordinal) && cell.Key != "Id" && herIds.Contains(cell.Value))));
        }
        var hers = herRows.SelectMany(r => r.Values).ToList();
        var elsewhere = tables.SelectMany(t => t.Rows).Where(r => !herRows.Contains(r)).SelectMany(r => r.Values).ToList();
        return (hers, elsewhere);
    }

    // The values of Thuis's own lists (a status, a kind) say nothing about anyone and stay for the reports.
    private static readonly HashSet<string> ListValues = typeof(AppDbContext).Assembly.GetTypes()
        .Where(t => t.IsEnum).SelectMany(Enum.GetNames).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// What in her cells could say something about her: texts and numbers, not ids, dates or values of Thuis's own lists.
    /// In the demo these are the names of her family, her BSN and V-number, e-mail address, postcode, the reason her
    /// dossier closed and the texts of her signals.
    /// </summary>
    private static IEnumerable<string> Candidates(IEnumerable<string> cells) => cells
        .SelectMany(Leaves)
        .Select(text => text.Trim())
        .Where(text => text.Length >= 4 && !Guid.TryParse(text, out _)
            && !DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
            && !ListValues.Contains(text)
            && !(text.All(char.IsAsciiDigit) && text.Length < 6))
        .Distinct(StringComparer.OrdinalIgnoreCase);

    private static IEnumerable<string> Leaves(string cell)
    {
        if (cell.Length > 1 && cell[0] is '[' or '{')
        {
            try
            {
                return Leaves(JsonDocument.Parse(cell).RootElement);
            }
            catch (JsonException)
            {
            }
        }
        return [cell];
    }

    private static IEnumerable<string> Leaves(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Leaves(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Leaves),
        JsonValueKind.String => [element.GetString()!],
        _ => [],
    };

    private static List<string> Strings(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
        {
            values.Add(reader.GetString(0));
        }
        return values;
    }
}
