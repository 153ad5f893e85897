using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Features.Dossiers;
using Thuis.Web.Features.Intake;
using Thuis.Web.Features.Plans;
using Thuis.Web.Platform.Editing;
using Thuis.Web.Platform.Files;

namespace Thuis.Web.Features.SocialMap;

public sealed class ImportFileForm
{
    public IBrowserFile? File { get; set; }

    /// <summary>What the file holds, when one page imports more than one kind.</summary>
    public string? Kind { get; set; }
}

public sealed record ImportedRowError(int Line, string Key, IReadOnlyList<string> Reasons);

/// <summary>What an import did: rows new, changed, the same as before, and refused with their reasons.</summary>
public sealed record SocialMapImportReport(
    string? FileError, int Created, int Updated, int Unchanged, IReadOnlyList<ImportedRowError> Rejected, IReadOnlyList<string> IgnoredColumns)
{
    public static SocialMapImportReport Refused(string error) => new(error, 0, 0, 0, [], []);

    public string Summary(string one, string many) =>
        $"{Created} {(Created == 1 ? one : many)} nieuw, {Updated} bijgewerkt, {Unchanged} ongewijzigd, {Rejected.Count} {(Rejected.Count == 1 ? "regel" : "regels")} afgewezen.";
}

/// <summary>One data row of an import file, read by column name.</summary>
internal sealed class ImportRow(CsvRecord record, IReadOnlyDictionary<string, int> positions, int columnCount)
{
    public int Line => record.Line;

    public List<string> Reasons { get; } = [];

    /// <summary>Fields that could not be read; their messages are not repeated by the form's checks.</summary>
    public HashSet<string> Unreadable { get; } = [];

    public bool HasRightFieldCount => record.Fields.Count == columnCount;

    /// <summary>Whether the file has this column at all: an optional column left out keeps what is stored.</summary>
    public bool Has(string column) => positions.ContainsKey(column);

    public string? Value(string column) =>
        positions.TryGetValue(column, out var i) && i < record.Fields.Count && record.Fields[i].Trim() is { Length: > 0 } value ? value : null;

    public bool YesNo(string column, bool whenEmpty)
    {
        var value = Value(column);
        switch (value?.ToUpperInvariant())
        {
            case null:
                return whenEmpty;
            case "JA" or "J" or "X" or "1" or "TRUE" or "WAAR":
                return true;
            case "NEE" or "N" or "0" or "FALSE" or "ONWAAR":
                return false;
            default:
                Reasons.Add($"{column}: ‘{value}’ is geen ja of nee.");
                return whenEmpty;
        }
    }

    public T? OneOf<T>(string column, Func<T, string> dutch, string property) where T : struct, Enum
    {
        var value = Value(column);
        if (value is null)
        {
            return null;
        }
        var found = SocialMapTexts.FromDutch(value, dutch);
        if (found is null)
        {
            Unreadable.Add(property);
            Reasons.Add($"{column}: ‘{value}’ is onbekend. Kies uit: {string.Join(", ", Enum.GetValues<T>().Select(dutch))}.");
        }
        return found;
    }

    public Dictionary<string, bool> Many<T>(string column, Func<T, string> dutch, string property) where T : struct, Enum
    {
        var chosen = new Dictionary<string, bool>();
        foreach (var item in ContactRules.SplitList(Value(column)))
        {
            if (SocialMapTexts.FromDutch(item, dutch) is { } found)
            {
                chosen[found.ToString()] = true;
            }
            else
            {
                Unreadable.Add(property);
                Reasons.Add($"{column}: ‘{item}’ is onbekend. Kies uit: {string.Join(", ", Enum.GetValues<T>().Select(dutch))}.");
            }
        }
        return chosen;
    }

    public Dictionary<string, bool> Week(string column)
    {
        if (WeekGrid.TryParse(Value(column), out var grid, out var error))
        {
            return grid.ToChoices();
        }
        Reasons.Add($"{column}: {error}");
        return [];
    }

    public int? Number(string column, string property)
    {
        var value = Value(column);
        if (value is null)
        {
            return null;
        }
        if (int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }
        Unreadable.Add(property);
        Reasons.Add($"{column}: ‘{value}’ is geen heel getal.");
        return null;
    }

    public decimal? Euro(string column, string property)
    {
        var value = Value(column);
        if (value is null)
        {
            return null;
        }
        var cleaned = value.Replace("€", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal).Replace(',', '.');
        if (decimal.TryParse(cleaned, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
        {
            return amount;
        }
        Unreadable.Add(property);
        Reasons.Add($"{column}: ‘{value}’ is geen bedrag; schrijf bijvoorbeeld 12,50 of 0 als het gratis is.");
        return null;
    }

    public DateOnly? Date(string column, string property)
    {
        var value = Value(column);
        if (value is null)
        {
            return null;
        }
        if (DateOnly.TryParseExact(value, ["d-M-yyyy", "d/M/yyyy", "yyyy-M-d"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }
        Unreadable.Add(property);
        Reasons.Add($"{column}: ‘{value}’ is geen datum; schrijf dd-mm-jjjj, bijvoorbeeld 12-04-2025.");
        return null;
    }

    /// <summary>Adds the form's own messages: the same checks, and so the same words, as filling in the form by hand.</summary>
    public void Validate(object form, IReadOnlyDictionary<string, string> checks)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(form, new ValidationContext(form), results, validateAllProperties: true);
        Reasons.AddRange(results.Where(r => !r.MemberNames.Any(Unreadable.Contains)).Select(r => r.ErrorMessage ?? ""));
        Reasons.AddRange(checks.Where(e => !Unreadable.Contains(e.Key)).Select(e => e.Value));
    }
}

/// <summary>Reading an uploaded CSV file of the social map and writing one for export, in the same columns.</summary>
internal static class SocialMapCsv
{
    public const long MaxBytes = 2 * 1024 * 1024;
    public const string NothingImported = " Er is niets geïmporteerd.";
    private const string NotCsv = "Dit is geen CSV-bestand. Sla de lijst in Excel op met ‘Opslaan als’ en het type ‘CSV UTF-8 (door komma’s gescheiden)’ en kies dat bestand.";

    /// <summary>The table of an uploaded file, or why it cannot be imported.</summary>
    public static async Task<(CsvTable? Table, string? Error)> ReadAsync(IBrowserFile? file, CancellationToken cancellationToken)
    {
        if (file is null || (file.Size == 0 && string.IsNullOrEmpty(file.Name)))
        {
            return (null, "Kies een CSV-bestand om te importeren.");
        }
        if (file.Size > MaxBytes)
        {
            return (null, "Het bestand is groter dan 2 MB. Splits de lijst in kleinere bestanden en importeer ze na elkaar.");
        }
        if (Path.GetExtension(file.Name).ToUpperInvariant() is not (".CSV" or ".TXT"))
        {
            return (null, NotCsv);
        }
        using var content = new MemoryStream();
        await using (var stream = file.OpenReadStream(MaxBytes, cancellationToken))
        {
            await stream.CopyToAsync(content, cancellationToken);
        }
        var bytes = content.ToArray();
        if (bytes.Contains((byte)0))
        {
            return (null, NotCsv);
        }
        var table = CsvText.Read(bytes);
        return table.Failed ? (null, $"Het bestand kon niet worden gelezen. {table.Error}{NothingImported}") : (table, null);
    }

    /// <summary>Where each known column is; refuses a header that lacks a required column or names one twice.</summary>
    public static (Dictionary<string, int> Positions, List<string> Ignored, string? Error) MapColumns(CsvTable table, IReadOnlyList<ImportColumn> columns)
    {
        var positions = new Dictionary<string, int>();
        var ignored = new List<string>();
        for (var i = 0; i < table.Header.Count; i++)
        {
            var key = Key(table.Header[i]);
            var column = columns.FirstOrDefault(c => Key(c.Name) == key);
            if (column is null)
            {
                if (table.Header[i].Trim().Length > 0)
                {
                    ignored.Add(table.Header[i].Trim());
                }
                continue;
            }
            if (!positions.TryAdd(column.Name, i))
            {
                return (positions, ignored, $"De kolom ‘{column.Name}’ staat twee keer in de kopregel.{NothingImported}");
            }
        }
        var missing = columns.Where(c => c.Required && !positions.ContainsKey(c.Name)).Select(c => c.Name).ToList();
        if (missing.Count > 0)
        {
            return (positions, ignored,
                $"De kopregel mist {(missing.Count == 1 ? "de kolom" : "de kolommen")} {string.Join(", ", missing)}. Gebruik de kolomnamen uit de uitleg hieronder, gescheiden door puntkomma’s of komma’s.{NothingImported}");
        }
        if (table.Records.Count == 0)
        {
            return (positions, ignored, $"Het bestand heeft een kopregel maar geen regels met gegevens.{NothingImported}");
        }
        return (positions, ignored, null);
    }

    /// <summary>
    /// Reads an uploaded file and finds its columns: the rows to import and the columns ignored, or the report that
    /// refuses the whole file.
    /// </summary>
    public static async Task<(List<ImportRow> Rows, List<string> Ignored, SocialMapImportReport? Refusal)> OpenAsync(
        IBrowserFile? file, IReadOnlyList<ImportColumn> columns, CancellationToken cancellationToken)
    {
        var (table, fileError) = await ReadAsync(file, cancellationToken);
        if (table is null)
        {
            return ([], [], SocialMapImportReport.Refused(fileError!));
        }
        var (positions, ignored, columnError) = MapColumns(table, columns);
        return columnError is not null ? ([], [], SocialMapImportReport.Refused(columnError)) : (Rows(table, positions), ignored, null);
    }

    /// <summary>
    /// Saves what an import added or changed in one go; when someone else changed the same records meanwhile, nothing
    /// is saved and the report says so.
    /// </summary>
    public static async Task<SocialMapImportReport?> SaveAsync(AppDbContext db, bool anything, string whatChanged, CancellationToken cancellationToken)
    {
        if (!anything)
        {
            return null;
        }
        var changedMeanwhile = $"Tijdens het importeren heeft iemand anders {whatChanged} toegevoegd of gewijzigd.{NothingImported} Importeer het bestand opnieuw.";
        var saved = await SaveVersionedChange.SaveAsync(db, changedMeanwhile, cancellationToken);
        return saved.IsSaved ? null : SocialMapImportReport.Refused(saved.Message!);
    }

    public static List<ImportRow> Rows(CsvTable table, Dictionary<string, int> positions)
    {
        var rows = table.Records.Select(r => new ImportRow(r, positions, table.Header.Count)).ToList();
        foreach (var row in rows.Where(r => !r.HasRightFieldCount))
        {
            row.Reasons.Add("Deze regel heeft een ander aantal velden dan de kopregel. Staat er een scheidingsteken in een waarde zonder aanhalingstekens eromheen?");
        }
        return rows;
    }

    /// <summary>The file with its columns' names as the header, written like every CSV file of Thuis.</summary>
    public static byte[] Write(IReadOnlyList<ImportColumn> columns, IEnumerable<IReadOnlyList<string>> rows) =>
        CsvFile.Write([.. columns.Select(c => new CsvColumn(c.Name, c.IsNumber))], rows);

    public static string YesNo(bool value) => value ? "ja" : "nee";

    public static string List<T>(IEnumerable<T> values, Func<T, string> dutch) => string.Join(", ", values.Select(dutch));

    public static string Date(DateOnly? date) => date?.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture) ?? "";

    public static string Euro(decimal amount) => amount.ToString("0.##", CultureInfo.GetCultureInfo("nl-NL"));

    public static string Domains(IEnumerable<ParticipationDomain> domains) => List(domains, d => d.Dutch());

    public static string Level(CefrLevel level) => level.Dutch();

    private static string Key(string header) => header.Trim().Replace(' ', '_').Replace('-', '_').ToLowerInvariant();
}
