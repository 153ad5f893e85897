using System.Text;

namespace Thuis.Web.Features.Occupations;

/// <summary>Reads RFC 4180 CSV: quoted fields may hold commas, line breaks and doubled quotes.</summary>
internal static class Csv
{
    public static IEnumerable<string[]> ReadRecords(TextReader reader)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var atFieldStart = true;
        var inRecord = false;
        int c;
        while ((c = reader.Read()) != -1)
        {
            var ch = (char)c;
            if (quoted)
            {
                if (ch != '"')
                {
                    field.Append(ch);
                }
                else if (reader.Peek() == '"')
                {
                    reader.Read();
                    field.Append('"');
                }
                else
                {
                    quoted = false;
                }
                continue;
            }
            switch (ch)
            {
                case '"' when atFieldStart:
                    quoted = true;
                    atFieldStart = false;
                    inRecord = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    atFieldStart = true;
                    inRecord = true;
                    break;
                case '\r' or '\n':
                    if (ch == '\r' && reader.Peek() == '\n')
                    {
                        reader.Read();
                    }
                    if (inRecord)
                    {
                        fields.Add(field.ToString());
                        yield return [.. fields];
                    }
                    fields.Clear();
                    field.Clear();
                    atFieldStart = true;
                    inRecord = false;
                    break;
                default:
                    field.Append(ch);
                    atFieldStart = false;
                    inRecord = true;
                    break;
            }
        }
        if (quoted)
        {
            throw new InvalidDataException("A quoted CSV field is not closed.");
        }
        if (inRecord)
        {
            fields.Add(field.ToString());
            yield return [.. fields];
        }
    }
}
