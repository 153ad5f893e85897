using System.Text;
using CsvHelper;

namespace Thuis.Web.Platform.Files;

/// <summary>One record of a CSV file, with the line of the file it starts on (the header is line 1).</summary>
public sealed record CsvRecord(int Line, IReadOnlyList<string> Fields);

/// <summary>A CSV file read into its header and records, or the reason it could not be read.</summary>
public sealed record CsvTable(char Separator, IReadOnlyList<string> Header, IReadOnlyList<CsvRecord> Records, string? Error)
{
    public bool Failed => Error is not null;

    public static CsvTable Unreadable(string error) => new(';', [], [], error);
}

/// <summary>
/// Every CSV file Thuis reads, the counterpart of <see cref="CsvFile"/>. Files are read as spreadsheets write them
/// (RFC 4180): fields in double quotes may hold the separator, line breaks and doubled quotes; empty lines are passed
/// over. An uploaded file (<see cref="Read(ReadOnlySpan{byte})"/>) must be UTF-8, with or without a byte order mark;
/// its separator is a semicolon (Dutch Excel) or a comma, whichever the header row uses; a value that Thuis defused
/// when it wrote it is read back as it was (<see cref="CsvFile.Undefused"/>), and what is stored from it stays text.
/// </summary>
public static class CsvText
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Reads an uploaded file; a file that breaks the quoting rules is refused whole, with the line where it does.</summary>
    public static CsvTable Read(ReadOnlySpan<byte> bytes)
    {
        string text;
        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return CsvTable.Unreadable("Het bestand is niet als UTF-8 opgeslagen, waardoor letters als ë en ï verkeerd zouden overkomen. Kies in Excel bij ‘Opslaan als’ het type ‘CSV UTF-8 (door komma’s gescheiden)’.");
        }
        return Read(text);
    }

    /// <inheritdoc cref="Read(ReadOnlySpan{byte})"/>
    public static CsvTable Read(string text)
    {
        if (text.StartsWith('\uFEFF'))
        {
            text = text[1..];
        }
        var separator = DetectSeparator(text);
        CsvMalformedRecord? malformed = null;
        var options = Options(separator) with
        {
            // Spaces around a field are left out, so a quote after a space still opens a quoted field.
            TrimWhitespace = true,
            // A stray quote inside an unquoted field stays text, as spreadsheets read it; the others refuse the file.
            OnMalformedRecord = m => malformed ??= m.Reason == CsvMalformedReason.StrayQuote ? null : m,
        };
        var records = new List<CsvRecord>();
        using (var reader = CsvReader.FromText(text, options))
        {
            while (reader.Read())
            {
                records.Add(new CsvRecord((int)reader.LineNumber, [.. reader.Current.ToArray().Select(CsvFile.Undefused)]));
            }
        }
        if (malformed is { } bad)
        {
            return CsvTable.Unreadable(bad.Reason == CsvMalformedReason.UnterminatedQuote
                ? $"Regel {bad.LineNumber}: een veld begint met een aanhalingsteken (\") dat nergens wordt afgesloten."
                : $"Regel {bad.LineNumber}: na een afsluitend aanhalingsteken (\") volgt nog tekst in hetzelfde veld. Zet een aanhalingsteken binnen een veld dubbel (\"\").");
        }
        if (records.Count == 0)
        {
            return CsvTable.Unreadable("Het bestand is leeg.");
        }
        return new CsvTable(separator, records[0].Fields, records.Skip(1).ToList(), null);
    }

    /// <summary>
    /// Reads a data file Thuis ships with, header included, field by field as it is written: a file that breaks the
    /// quoting rules throws <see cref="InvalidDataException"/>.
    /// </summary>
    public static IEnumerable<string[]> ReadRecords(TextReader text, char separator = ',')
    {
        using var reader = CsvReader.Create(text, Options(separator) with { MalformedData = CsvMalformedDataHandling.Throw }, leaveOpen: true);
        while (true)
        {
            try
            {
                if (!reader.Read())
                {
                    yield break;
                }
            }
            catch (CsvFormatException e)
            {
                throw new InvalidDataException($"Line {e.LineNumber} of the CSV file is malformed: {e.Message}", e);
            }
            yield return reader.Current.ToArray();
        }
    }

    /// <summary>The header is read as a record, so that every record keeps the line it starts on.</summary>
    private static CsvReaderOptions Options(char separator) => new()
    {
        Separator = separator,
        HasHeader = false,
        AllowLineBreaksInQuotes = true,
        SkipEmptyLines = true,
        FieldCountMismatch = CsvFieldCountHandling.Allow,
        TrackLineNumbers = true,
        DetectSeparatorHint = false,
        IncludeValuesInExceptions = false,
    };

    /// <summary>The separator the header row uses most, outside quotes; a semicolon when it uses neither.</summary>
    private static char DetectSeparator(string text)
    {
        int semicolons = 0, commas = 0;
        var quoted = false;
        foreach (var c in text)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && c is '\n' or '\r')
            {
                break;
            }
            else if (!quoted && c == ';')
            {
                semicolons++;
            }
            else if (!quoted && c == ',')
            {
                commas++;
            }
        }
        return commas > semicolons ? ',' : ';';
    }
}
