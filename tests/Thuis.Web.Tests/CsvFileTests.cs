using System.Text;
using Thuis.Web.Platform.Files;

namespace Thuis.Web.Tests;

/// <summary>Every CSV file Thuis writes: as Dutch Excel opens it, and never a formula a spreadsheet would run.</summary>
public sealed class CsvFileTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://example.org\")")]
    [InlineData("@SUM(A1:A9)")]
    [InlineData("+31 6 12345678")]
    [InlineData("-1+cmd|' /C calc'!A0")]
    [InlineData("+1+1")]
    [InlineData("-2-3")]
    [InlineData("\t=1+1")]
    [InlineData("\r=1+1")]
    public void A_value_a_spreadsheet_would_run_gets_an_apostrophe_in_front_and_reads_back_as_it_was(string value)
    {
        var defused = CsvFile.Defused(value);
        Assert.Equal("'" + value, defused);
        Assert.Equal(value, CsvFile.Undefused(defused));
        Assert.Contains("'" + value[..1], Text(CsvFile.Write(["Naam"], [[value]])), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Sportclub = plezier")]
    [InlineData("'t Hoekje")]
    [InlineData("33,3")]
    [InlineData("")]
    public void Ordinary_text_stays_as_it_is(string value)
    {
        Assert.Equal(value, CsvFile.Defused(value));
        Assert.Equal(value, CsvFile.Undefused(value));
    }

    [Theory]
    [InlineData("-3,5")]
    [InlineData("-12")]
    [InlineData("+4")]
    [InlineData("-0.5")]
    public void A_plain_number_stays_a_number_in_a_column_of_numbers_and_is_text_in_a_column_of_text(string value)
    {
        var file = Text(CsvFile.Write([new CsvColumn("Naam"), new CsvColumn("Aantal", IsNumber: true)], [[value, value]]));

        Assert.Equal($"Naam;Aantal\r\n'{value};{value}\r\n", file);
        Assert.Equal(value, CsvFile.DefusedNumber(value));
        Assert.Equal("'" + value, CsvFile.Defused(value));
    }

    [Theory]
    [InlineData("-1+2")]
    [InlineData("=1+1")]
    [InlineData("+31 6 12345678")]
    [InlineData("-")]
    public void A_formula_in_a_column_of_numbers_is_defused_too(string value) =>
        Assert.Equal("'" + value, CsvFile.DefusedNumber(value));

    [Fact]
    public void The_file_is_utf8_with_a_byte_order_mark_semicolons_and_quotes_only_where_needed()
    {
        var bytes = CsvFile.Write([new CsvColumn("Organisatie"), new CsvColumn("Aantal", IsNumber: true)], [["Café ‘De Brug’; Dalfsen", "-3,5"], ["Zeg \"hoi\"", "12"], [" ruimte ", "0"]]);

        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        Assert.Equal("Organisatie;Aantal\r\n\"Café ‘De Brug’; Dalfsen\";-3,5\r\n\"Zeg \"\"hoi\"\"\";12\r\n\" ruimte \";0\r\n", Text(bytes));
        // Read back by Thuis's own reader: the same values.
        var table = CsvText.Read(bytes);
        Assert.Equal(["Organisatie", "Aantal"], table.Header);
        Assert.Equal(["Café ‘De Brug’; Dalfsen", "-3,5"], table.Records[0].Fields);
        Assert.Equal(["Zeg \"hoi\"", "12"], table.Records[1].Fields);
    }

    private static string Text(byte[] bytes) => Encoding.UTF8.GetString(bytes.AsSpan(3));
}
