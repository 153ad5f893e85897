using System.Text;

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
/// Reads CSV as spreadsheets write it (RFC 4180): fields in double quotes may hold the separator,
/// line breaks and doubled quotes. The separator is a semicolon (Dutch Excel) or a comma, whichever
/// the header row uses; the text must be UTF-8, with or without a byte order mark.
/// </summary>
public static class CsvText
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

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

    public static CsvTable Read(string text)
    {
        if (text.StartsWith('\uFEFF'))
        {
            text = text[1..];
        }
        var separator = DetectSeparator(text);
        var records = new List<CsvRecord>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var i = 0;

        while (i <= text.Length)
        {
            if (i == text.Length || IsLineBreak(text[i]))
            {
                fields.Add(field.ToString());
                field.Clear();
                if (fields.Count > 1 || fields[0].Length > 0)
                {
                    records.Add(new CsvRecord(recordLine, fields.ToArray()));
                }
                fields.Clear();
                if (i == text.Length)
                {
                    break;
                }
                i += text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? 2 : 1;
                line++;
                recordLine = line;
                continue;
            }
            if (text[i] == separator)
            {
                fields.Add(field.ToString());
                field.Clear();
                i++;
                continue;
            }
            if (text[i] == '"' && IsBlank(field))
            {
                field.Clear();
                var startLine = line;
                i++;
                while (true)
                {
                    if (i == text.Length)
                    {
                        return CsvTable.Unreadable($"Regel {startLine}: een veld begint met een aanhalingsteken (\") dat nergens wordt afgesloten.");
                    }
                    if (text[i] == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"')
                        {
                            field.Append('"');
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    if (IsLineBreak(text[i]))
                    {
                        line++;
                        if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                        {
                            field.Append('\r');
                            i++;
                        }
                    }
                    field.Append(text[i]);
                    i++;
                }
                while (i < text.Length && text[i] is (' ' or '\t'))
                {
                    i++;
                }
                if (i < text.Length && text[i] != separator && !IsLineBreak(text[i]))
                {
                    return CsvTable.Unreadable($"Regel {line}: na een afsluitend aanhalingsteken (\") volgt nog tekst in hetzelfde veld. Zet een aanhalingsteken binnen een veld dubbel (\"\").");
                }
                continue;
            }
            field.Append(text[i]);
            i++;
        }

        if (records.Count == 0)
        {
            return CsvTable.Unreadable("Het bestand is leeg.");
        }
        return new CsvTable(separator, records[0].Fields, records.Skip(1).ToList(), null);
    }

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
            else if (!quoted && IsLineBreak(c))
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

    private static bool IsLineBreak(char c) => c is '\n' or '\r';

    private static bool IsBlank(StringBuilder field)
    {
        for (var i = 0; i < field.Length; i++)
        {
            if (field[i] is not (' ' or '\t'))
            {
                return false;
            }
        }
        return true;
    }
}
