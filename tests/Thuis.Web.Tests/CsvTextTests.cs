using System.Text;
using Thuis.Web.Platform.Files;

namespace Thuis.Web.Tests;

/// <summary>Every CSV file Thuis reads: as spreadsheets write it, with the line of each record, or refused with the line where it breaks.</summary>
public sealed class CsvTextTests
{
    private static CsvTable Read(string text, bool byteOrderMark = false) =>
        CsvText.Read([.. byteOrderMark ? Encoding.UTF8.GetPreamble() : [], .. Encoding.UTF8.GetBytes(text)]);

    [Fact]
    public void Quoted_fields_keep_their_separators_doubled_quotes_and_line_breaks_and_later_records_keep_their_lines()
    {
        var table = Read("naam;omschrijving;plaats\r\n\"Café; De Brug\";\"Zeg \"\"hoi\"\"\";Dalfsen\r\nTaalcafé;\"twee\r\nregels\";\"Lemelerveld\"\r\nSchaakclub;;Nieuwleusen\r\n");

        Assert.False(table.Failed, table.Error);
        Assert.Equal(';', table.Separator);
        Assert.Equal(["naam", "omschrijving", "plaats"], table.Header);
        Assert.Equal([2, 3, 5], table.Records.Select(r => r.Line));
        Assert.Equal(["Café; De Brug", "Zeg \"hoi\"", "Dalfsen"], table.Records[0].Fields);
        Assert.Equal(["Taalcafé", "twee\r\nregels", "Lemelerveld"], table.Records[1].Fields);
        Assert.Equal(["Schaakclub", "", "Nieuwleusen"], table.Records[2].Fields);
    }

    [Fact]
    public void The_separator_is_the_one_the_header_row_uses_and_a_semicolon_when_it_uses_neither()
    {
        var commas = Read("naam,plaats,\"omschrijving; kort\"\nTaalcafé,Dalfsen,\"koffie; thee, taal\"\n");
        var semicolons = Read("naam;plaats;\"omschrijving, kort\"\nTaalcafé;Dalfsen,Oost;\"koffie; thee, taal\"\n");
        var neither = Read("naam\nTaalcafé, Dalfsen\n");

        Assert.Equal(',', commas.Separator);
        Assert.Equal(["naam", "plaats", "omschrijving; kort"], commas.Header);
        Assert.Equal(["Taalcafé", "Dalfsen", "koffie; thee, taal"], commas.Records[0].Fields);
        Assert.Equal(';', semicolons.Separator);
        Assert.Equal(["naam", "plaats", "omschrijving, kort"], semicolons.Header);
        Assert.Equal(["Taalcafé", "Dalfsen,Oost", "koffie; thee, taal"], semicolons.Records[0].Fields);
        Assert.Equal(';', neither.Separator);
        Assert.Equal(["Taalcafé, Dalfsen"], neither.Records[0].Fields);
    }

    [Fact]
    public void A_byte_order_mark_is_not_part_of_the_first_column_and_empty_lines_are_passed_over()
    {
        var table = Read("naam;plaats\r\n\r\nTaalcafé;Dalfsen\r\n\r\n\r\nSchaakclub;Nieuwleusen", byteOrderMark: true);

        Assert.False(table.Failed, table.Error);
        Assert.Equal("naam", table.Header[0]);
        Assert.Equal([3, 6], table.Records.Select(r => r.Line));
        Assert.Equal(["Schaakclub", "Nieuwleusen"], table.Records[1].Fields);
    }

    [Fact]
    public void Spaces_around_a_quoted_field_and_a_stray_quote_inside_a_field_are_read_as_spreadsheets_do()
    {
        var table = Read("naam;maat\nTaalcafé ;  \"Dalfsen; Oost\"  ;12\" scherm\n");

        Assert.False(table.Failed, table.Error);
        Assert.Equal(["Taalcafé", "Dalfsen; Oost", "12\" scherm"], table.Records[0].Fields);
    }

    [Theory]
    [InlineData("naam;plaats\nTaalcafé;Dalfsen\n\n\"Schaakclub;Nieuwleusen\nDamclub;Hoonhorst\n", "Regel 4: een veld begint met een aanhalingsteken (\") dat nergens wordt afgesloten.")]
    [InlineData("naam;plaats\n\"Taal\ncafé\";Dalfsen\n\"Schaak\"club;Nieuwleusen\n", "Regel 4: na een afsluitend aanhalingsteken (\") volgt nog tekst in hetzelfde veld.")]
    public void A_file_that_breaks_the_quoting_rules_is_refused_whole_with_the_line_where_it_does(string text, string message)
    {
        var table = Read(text);

        Assert.True(table.Failed);
        Assert.StartsWith(message, table.Error, StringComparison.Ordinal);
        Assert.Empty(table.Records);
    }

    [Fact]
    public void A_file_that_is_not_utf8_or_holds_nothing_is_refused_in_dutch()
    {
        var windows1252 = CsvText.Read([.. "naam\nCaf"u8, 0xE9, (byte)'\n']);

        Assert.StartsWith("Het bestand is niet als UTF-8 opgeslagen", windows1252.Error, StringComparison.Ordinal);
        Assert.Equal("Het bestand is leeg.", Read("\r\n\r\n", byteOrderMark: true).Error);
    }

    [Fact]
    public void A_value_thuis_defused_reads_back_as_it_was_and_any_other_apostrophe_stays()
    {
        var table = Read("naam;telefoon\n'=HYPERLINK(\"http://x\");'+31 6 12345678\n'-1+2;'t Hoekje\n");

        Assert.Equal(["=HYPERLINK(\"http://x\")", "+31 6 12345678"], table.Records[0].Fields);
        Assert.Equal(["-1+2", "'t Hoekje"], table.Records[1].Fields);
    }

    [Fact]
    public void A_data_file_is_read_with_commas_as_it_is_written_and_a_broken_one_throws()
    {
        using var csv = new StringReader("a,b\r\n\" x \",'=1\r\n");

        Assert.Equal([["a", "b"], [" x ", "'=1"]], CsvText.ReadRecords(csv).ToList());
        Assert.Throws<InvalidDataException>(() => CsvText.ReadRecords(new StringReader("a,b\n\"x\"y,z\n")).ToList());
    }
}
