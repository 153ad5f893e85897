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
    [InlineData("-3,5")]
    [InlineData("-12")]
    [InlineData("+4")]
    [InlineData("33,3")]
    [InlineData("0.5")]
    [InlineData("Sportclub = plezier")]
    [InlineData("")]
    public void Plain_numbers_and_ordinary_text_stay_as_they_are(string value)
    {
        Assert.Equal(value, CsvFile.Defused(value));
        Assert.Equal(value, CsvFile.Undefused(value));
    }

    [Fact]
    public void The_file_is_utf8_with_a_byte_order_mark_semicolons_and_quotes_only_where_needed()
    {
        var bytes = CsvFile.Write(["Organisatie", "Aantal"], [["Café ‘De Brug’; Dalfsen", "-3,5"], ["Zeg \"hoi\"", "12"], [" ruimte ", "0"]]);

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
