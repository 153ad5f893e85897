using System.Text.RegularExpressions;
using CsvHelper;

namespace Thuis.Web.Platform.Files;

/// <summary>
/// Every CSV file Thuis writes: UTF-8 with a byte order mark and semicolons between fields, as Dutch Excel opens it
/// without asking; fields quoted where needed (RFC 4180). A value a spreadsheet would run as a formula (starting with
/// =, +, -, @, a tab or a carriage return) gets an apostrophe in front, unless it is a plain number such as -3,5;
/// reading a file back takes the apostrophe off again (<see cref="Undefused"/>).
/// </summary>
public static partial class CsvFile
{
    public const string ContentType = "text/csv; charset=utf-8";

    private static readonly CsvWriterOptions Options = new()
    {
        Separator = ';',
        NewLine = "\r\n",
        Quoting = CsvQuoting.WhenNeededOrWhitespace,
        WriteByteOrderMark = true,
        // Thuis defuses formulas itself, so that plain numbers stay numbers.
        Injection = CsvInjection.None,
    };

    public static byte[] Write(IEnumerable<string> header, IEnumerable<IEnumerable<string>> rows)
    {
        using var stream = new MemoryStream();
        using (var csv = CsvWriter.Create(stream, Options, leaveOpen: true))
        {
            foreach (var record in rows.Prepend(header))
            {
                foreach (var field in record)
                {
                    csv.WriteField(Defused(field));
                }
                csv.EndRecord();
            }
        }
        return stream.ToArray();
    }

    /// <summary>A value a spreadsheet would run as a formula, with an apostrophe in front; a plain number as it is.</summary>
    public static string Defused(string value) =>
        value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' && !PlainNumber().IsMatch(value) ? "'" + value : value;

    /// <summary>A value read from a CSV file Thuis wrote, without the apostrophe that defused it.</summary>
    public static string Undefused(string value) =>
        value.Length > 1 && value[0] == '\'' && value[1] is '=' or '+' or '-' or '@' or '\t' or '\r' ? value[1..] : value;

    [GeneratedRegex(@"^[+-]?[0-9]+([.,][0-9]+)?$")]
    private static partial Regex PlainNumber();
}
