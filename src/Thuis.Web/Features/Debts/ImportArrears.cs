using System.Globalization;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Features.Dossiers;
using Thuis.Web.Platform.Editing;
using Thuis.Web.Platform.Files;
using Thuis.Web.Platform.Localization;

namespace Thuis.Web.Features.Debts;

public sealed class ImportArrearsForm
{
    public IBrowserFile? File { get; set; }
}

/// <summary>What became of one row of the file.</summary>
public enum ArrearsRowResult
{
    Read,
    AlreadyRead,
    Refused,
}

/// <summary>
/// One row of the file and what became of it. The person is named only when the row found them in the municipality's
/// own dossiers; otherwise the row says "onbekend", so the file never tells who lives elsewhere.
/// </summary>
public sealed record ArrearsImportRow(int Line, ArrearsRowResult Result, Guid? NewcomerId, string? Name, string Party, IReadOnlyList<string> Reasons);

public sealed record ArrearsImportReport(string? FileError, IReadOnlyList<ArrearsImportRow> Rows, IReadOnlyList<string> IgnoredColumns)
{
    public int Read => Rows.Count(r => r.Result == ArrearsRowResult.Read);

    public int AlreadyRead => Rows.Count(r => r.Result == ArrearsRowResult.AlreadyRead);

    public int Refused => Rows.Count(r => r.Result == ArrearsRowResult.Refused);

    public static ArrearsImportReport Failed(string error) => new(error, [], []);
}

/// <summary>A column of the arrears file, for the page that explains it.</summary>
public sealed record ArrearsColumn(string Name, string Description, string Example);

/// <summary>
/// Reads early signals of payment arrears from a CSV file, such as the monthly export of the municipality's
/// vroegsignalering system or a list a housing corporation sends. Every row stands alone: good rows are saved, every
/// refused row says every reason, a report read before (same party, reference and date) is "al ingelezen" and changes
/// nothing, so the same file can be read again. A file whose rows are all refused writes nothing.
/// </summary>
public sealed class ImportArrears(AppDbContext db, TimeProvider clock)
{
    public const long MaxBytes = 2 * 1024 * 1024;
    public const string NothingRead = " Er is niets ingelezen.";
    public const string UnknownPerson = "Onbekend: niemand met dit BSN of V-nummer in de dossiers van de gemeente.";
    public const string NoPerson = "Vul het BSN of V-nummer van de persoon in.";
    public const string AlreadyRead = "Al ingelezen: deze melding (zelfde melder, kenmerk en datum) staat al in Thuis.";
    private const string NotCsv = "Dit is geen CSV-bestand. Sla de lijst in Excel op met ‘Opslaan als’ en het type ‘CSV UTF-8 (door komma’s gescheiden)’ en kies dat bestand.";
    private static readonly string[] DateFormats = ["d-M-yyyy", "d/M/yyyy", "yyyy-M-d"];

    public static IReadOnlyList<ArrearsColumn> Columns { get; } =
    [
        new("bsn", "negen cijfers; of de kolom v_nummer (tien cijfers)", "999990019"),
        new("melder", "naam van de partij die de achterstand meldt", "Woonstichting De Vecht"),
        new("soort", "verhuurder, energie, drinkwater of zorgverzekeraar", "verhuurder"),
        new("kenmerk", "het eigen kenmerk van de melder", "HV-2025-0113"),
        new("bedrag", "de achterstand in euro’s, bijvoorbeeld 1.234,50", "612,40"),
        new("maanden", "aantal maanden achterstand, een heel getal", "2"),
        new("datum", "datum van de melding, dd-mm-jjjj of jjjj-mm-dd", "03-11-2025"),
    ];

    public async Task<ArrearsImportReport> HandleAsync(IBrowserFile? file, CancellationToken cancellationToken)
    {
        if (file is null || (file.Size == 0 && string.IsNullOrEmpty(file.Name)))
        {
            return ArrearsImportReport.Failed("Kies een CSV-bestand om in te lezen.");
        }
        if (file.Size > MaxBytes)
        {
            return ArrearsImportReport.Failed("Het bestand is groter dan 2 MB. Splits de lijst in kleinere bestanden en lees ze na elkaar in.");
        }
        if (Path.GetExtension(file.Name).ToUpperInvariant() is not (".CSV" or ".TXT"))
        {
            return ArrearsImportReport.Failed(NotCsv);
        }
        using var content = new MemoryStream();
        await using (var stream = file.OpenReadStream(MaxBytes, cancellationToken))
        {
            await stream.CopyToAsync(content, cancellationToken);
        }
        var bytes = content.ToArray();
        if (bytes.Contains((byte)0))
        {
            return ArrearsImportReport.Failed(NotCsv);
        }
        var table = CsvText.Read(bytes);
        return table.Failed
            ? ArrearsImportReport.Failed($"Het bestand kon niet worden gelezen. {table.Error}{NothingRead}")
            : await ImportAsync(table, cancellationToken);
    }

    /// <summary>Whether this report (same party, reference and day) is in Thuis already; the party's name is compared without regard to case.</summary>
    internal static async Task<bool> IsKnownAsync(AppDbContext db, ArrearsDetails details, CancellationToken cancellationToken)
    {
        var parties = await db.ArrearsReports.Where(r => r.Reference == details.Reference && r.ReportedOn == details.ReportedOn)
            .Select(r => r.Party).ToListAsync(cancellationToken);
        return parties.Any(p => string.Equals(p, details.Party, StringComparison.OrdinalIgnoreCase));
    }

    private async Task<ArrearsImportReport> ImportAsync(CsvTable table, CancellationToken cancellationToken)
    {
        var positions = new Dictionary<string, int>();
        var ignored = new List<string>();
        var known = Columns.Select(c => c.Name).Append("v_nummer").ToList();
        for (var i = 0; i < table.Header.Count; i++)
        {
            var key = Key(table.Header[i]);
            var column = known.FirstOrDefault(c => Key(c) == key);
            if (column is null)
            {
                if (table.Header[i].Trim().Length > 0)
                {
                    ignored.Add(table.Header[i].Trim());
                }
                continue;
            }
            if (!positions.TryAdd(column, i))
            {
                return ArrearsImportReport.Failed($"De kolom ‘{column}’ staat twee keer in de kopregel.{NothingRead}");
            }
        }
        var missing = Columns.Skip(1).Where(c => !positions.ContainsKey(c.Name)).Select(c => c.Name).ToList();
        if (!positions.ContainsKey("bsn") && !positions.ContainsKey("v_nummer"))
        {
            missing.Insert(0, "bsn of v_nummer");
        }
        if (missing.Count > 0)
        {
            return ArrearsImportReport.Failed(
                $"De kopregel mist {(missing.Count == 1 ? "de kolom" : "de kolommen")} {string.Join(", ", missing)}. Gebruik de kolomnamen uit het voorbeeld hieronder.{NothingRead}");
        }
        if (table.Records.Count == 0)
        {
            return ArrearsImportReport.Failed($"Het bestand heeft een kopregel maar geen regels met meldingen.{NothingRead}");
        }

        var today = clock.InTheNetherlands();
        var parsed = table.Records.Select(r => Parse(r, table.Header.Count, positions, today)).ToList();
        var bsns = parsed.Select(p => p.Bsn).OfType<string>().Distinct().ToList();
        var vNumbers = parsed.Select(p => p.VNumber).OfType<string>().Distinct().ToList();
        // Only this municipality's dossiers can be found (the tenant filter): anyone else is "onbekend".
        var people = await db.Newcomers.Where(n => (n.Bsn != null && bsns.Contains(n.Bsn)) || (n.VNumber != null && vNumbers.Contains(n.VNumber)))
            .ToListAsync(cancellationToken);
        var references = parsed.Where(p => p.Details is not null).Select(p => p.Details!.Reference).Distinct().ToList();
        var existing = await db.ArrearsReports.Where(r => references.Contains(r.Reference))
            .Select(r => new { r.Party, r.Reference, r.ReportedOn }).ToListAsync(cancellationToken);
        var seen = existing.Select(r => ReportKey(r.Party, r.Reference, r.ReportedOn)).ToHashSet(StringComparer.Ordinal);
        var seenOnLine = new Dictionary<string, int>(StringComparer.Ordinal);

        var rows = new List<ArrearsImportRow>();
        foreach (var row in parsed)
        {
            var reasons = row.Reasons.ToList();
            var person = row.Bsn is null && row.VNumber is null ? null
                : people.FirstOrDefault(n => (row.Bsn is not null && n.Bsn == row.Bsn) || (row.VNumber is not null && n.VNumber == row.VNumber));
            if (row.Bsn is not null || row.VNumber is not null)
            {
                if (person is null)
                {
                    reasons.Insert(0, UnknownPerson);
                }
            }
            var party = row.Details?.Party ?? row.PartyText;
            if (reasons.Count > 0)
            {
                rows.Add(new ArrearsImportRow(row.Line, ArrearsRowResult.Refused, person?.Id, person is null ? null : NameOf(person), party, reasons));
                continue;
            }
            var details = row.Details!;
            var key = ReportKey(details.Party, details.Reference, details.ReportedOn);
            if (seen.Contains(key))
            {
                rows.Add(new ArrearsImportRow(row.Line, ArrearsRowResult.AlreadyRead, person!.Id, NameOf(person), party,
                    [seenOnLine.TryGetValue(key, out var line) ? $"Al ingelezen: dezelfde melding staat op regel {line}." : AlreadyRead]));
                continue;
            }
            seen.Add(key);
            seenOnLine[key] = row.Line;
            db.ArrearsReports.Add(new ArrearsReport(person!, details, imported: true));
            rows.Add(new ArrearsImportRow(row.Line, ArrearsRowResult.Read, person!.Id, NameOf(person), party, []));
        }
        if (rows.Any(r => r.Result == ArrearsRowResult.Read))
        {
            var saved = await SaveVersionedChange.SaveAsync(db,
                "Iemand anders las intussen dezelfde meldingen in. Lees het bestand opnieuw in: wat er al staat, wordt overgeslagen." + NothingRead,
                cancellationToken);
            if (!saved.IsSaved)
            {
                return ArrearsImportReport.Failed(saved.Message!);
            }
        }
        return new ArrearsImportReport(null, rows, ignored);
    }

    private static string NameOf(Newcomer person) => $"{person.GivenNames} {person.FamilyName}";

    private static string ReportKey(string party, string reference, DateOnly on) =>
        $"{party.Trim().ToUpperInvariant()}\u001f{reference.Trim()}\u001f{on.DayNumber}";

    private sealed record ParsedRow(int Line, string? Bsn, string? VNumber, string PartyText, ArrearsDetails? Details, IReadOnlyList<string> Reasons);

    private static ParsedRow Parse(CsvRecord record, int columnCount, Dictionary<string, int> positions, DateOnly today)
    {
        string? Value(string column) =>
            positions.TryGetValue(column, out var i) && i < record.Fields.Count && record.Fields[i].Trim() is { Length: > 0 } value ? value : null;

        var party = Value("melder") ?? "";
        if (record.Fields.Count != columnCount)
        {
            return new ParsedRow(record.Line, null, null, party, null,
                [$"Deze regel heeft {record.Fields.Count} velden en de kopregel {columnCount}. Staat er een scheidingsteken in een waarde zonder aanhalingstekens eromheen?"]);
        }
        var reasons = new List<string>();
        var bsnText = Value("bsn");
        var vText = Value("v_nummer");
        string? bsn = null;
        string? vNumber = null;
        if (bsnText is not null)
        {
            bsn = NewcomerForm.Digits(bsnText) is { } digits && digits.Length == 8 && digits.All(char.IsAsciiDigit) ? "0" + digits : NewcomerForm.Digits(bsnText);
            if (!Dossiers.Bsn.IsValid(bsn))
            {
                reasons.Add($"‘{bsnText}’ is geen geldig BSN (negen cijfers die de elfproef doorstaan).");
                bsn = null;
            }
        }
        if (vText is not null)
        {
            vNumber = NewcomerForm.Digits(vText);
            if (!Dossiers.VNumber.IsValid(vNumber))
            {
                reasons.Add($"‘{vText}’ is geen geldig V-nummer (tien cijfers).");
                vNumber = null;
            }
        }
        if (bsnText is null && vText is null)
        {
            reasons.Add(NoPerson);
        }
        var dateText = Value("datum");
        DateOnly? date = dateText is not null && DateOnly.TryParseExact(dateText, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
        var kindText = Value("soort");
        var (details, errors) = ArrearsRules.Check(party, DebtWords.PartyKindFrom(kindText), kindText, Value("kenmerk"), Value("bedrag"), Value("maanden"),
            date, dateText, today);
        reasons.AddRange(errors.Values);
        if (errors.TryGetValue(nameof(ArrearsForm.Amount), out var amountError) && amountError == ArrearsRules.AmountNotANumber && Value("bedrag") is { } amountText)
        {
            var at = reasons.IndexOf(ArrearsRules.AmountNotANumber);
            reasons[at] = $"Het bedrag ‘{amountText}’ is geen getal; schrijf het bijvoorbeeld als 1.234,50.";
        }
        if (errors.TryGetValue(nameof(ArrearsForm.ReportedOn), out var dateError) && dateError == ArrearsRules.DateNotADate)
        {
            var at = reasons.IndexOf(ArrearsRules.DateNotADate);
            reasons[at] = $"De datum ‘{dateText}’ is geen datum; schrijf hem als dd-mm-jjjj, bijvoorbeeld 03-11-2025.";
        }
        return new ParsedRow(record.Line, bsn, vNumber, party, reasons.Count == 0 ? details : null, reasons);
    }

    /// <summary>"V-nummer", "v_nummer" and "V nummer" are the same column.</summary>
    private static string Key(string name) => new(name.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());
}
