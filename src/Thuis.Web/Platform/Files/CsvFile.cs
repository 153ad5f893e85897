using System.Text.RegularExpressions;
using CsvHelper;

namespace Thuis.Web.Platform.Files;

/// <summary>A column of a CSV file Thuis writes; <paramref name="IsNumber"/> when it holds figures Thuis keeps as numbers.</summary>
public sealed record CsvColumn(string Name, bool IsNumber = false);

/// <summary>
/// Every CSV file Thuis writes: UTF-8 with a byte order mark and semicolons between fields, as Dutch Excel opens it
/// without asking; fields quoted where needed (RFC 4180). Files are read back by <see cref="CsvText"/>.
/// </summary>
/// <remarks>
/// No value reaches a spreadsheet as a formula. The rule is decided per column: a value of a column of numbers
/// (<see cref="CsvColumn.IsNumber"/>: figures and amounts Thuis stores or computes as numbers) is written as it is
/// when it is a plain number such as -3,5, so that it stays a number. Every other value, and always a value of a
/// column of text (names, titles, descriptions, whatever a user typed or imported), gets an apostrophe in front when
/// it starts with =, +, -, @, a tab or a carriage return, so a spreadsheet shows it as text: -1+2 too. Imported
/// values are stored as the text they are and pass through here when they are exported again; reading a file back
/// takes the apostrophe off again (<see cref="Undefused"/>).
/// </remarks>
public static partial class CsvFile
{
    public const string ContentType = "text/csv; charset=utf-8";

    private static readonly CsvWriterOptions Options = new()
    {
        Separator = ';',
        NewLine = "\r\n",
        Quoting = CsvQuoting.WhenNeededOrWhitespace,
        WriteByteOrderMark = true,
        // Thuis defuses formulas itself, so that the numbers of a column of numbers stay numbers.
        Injection = CsvInjection.None,
    };

    /// <summary>A file whose columns all hold text.</summary>
    public static byte[] Write(IEnumerable<string> header, IEnumerable<IEnumerable<string>> rows) =>
        Write([.. header.Select(h => new CsvColumn(h))], rows);

    /// <summary>A file whose columns say which of them hold numbers.</summary>
    public static byte[] Write(IReadOnlyList<CsvColumn> columns, IEnumerable<IEnumerable<string>> rows)
    {
        using var stream = new MemoryStream();
        using (var csv = CsvWriter.Create(stream, Options, leaveOpen: true))
        {
            foreach (var column in columns)
            {
                csv.WriteField(Defused(column.Name));
            }
            csv.EndRecord();
            foreach (var record in rows)
            {
                var i = 0;
                foreach (var field in record)
                {
                    csv.WriteField(i < columns.Count && columns[i].IsNumber ? DefusedNumber(field) : Defused(field));
                    i++;
                }
                csv.EndRecord();
            }
        }
        return stream.ToArray();
    }

    /// <summary>A text a spreadsheet would run as a formula, with an apostrophe in front.</summary>
    public static string Defused(string value) => RunsAsFormula(value) ? "'" + value : value;

    /// <summary>The value of a column of numbers: a plain number as it is, anything else as <see cref="Defused"/>.</summary>
    public static string DefusedNumber(string value) => PlainNumber().IsMatch(value) ? value : Defused(value);

    /// <summary>A value read from a CSV file Thuis wrote, without the apostrophe that defused it.</summary>
    public static string Undefused(string value) =>
        value.Length > 1 && value[0] == '\'' && RunsAsFormula(value[1..]) ? value[1..] : value;

    private static bool RunsAsFormula(string value) => value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r';

    [GeneratedRegex(@"^[+-]?[0-9]+([.,][0-9]+)?$")]
    private static partial Regex PlainNumber();
}
