using System.Text.RegularExpressions;
using System.Xml.Linq;
using Thuis.Web.Features.Own;
using Thuis.Web.Platform.Localization;

namespace Thuis.Web.Tests;

/// <summary>
/// Every language of the own Thuis is complete: a text missing in one language would silently show the Dutch, which
/// the person may not read. And every text a page asks for exists.
/// </summary>
public sealed partial class OwnTextsTests
{
    private static readonly string Folder = Path.Combine(ArchitectureTests.RepositoryRoot(), "src", "Thuis.Web", "Features", "Own");

    private static Dictionary<string, string> Texts(string file) =>
        XDocument.Load(Path.Combine(Folder, file)).Root!.Elements("data")
            .ToDictionary(d => d.Attribute("name")!.Value, d => d.Element("value")?.Value ?? "");

    public static TheoryData<string> Translations() =>
        new(Languages.Newcomer.Where(l => l != Languages.Dutch).Select(l => $"OwnTexts.{l.Tag}.resx"));

    [Theory]
    [MemberData(nameof(Translations))]
    public void Every_Dutch_text_is_translated_with_the_same_placeholders(string file)
    {
        var dutch = Texts("OwnTexts.resx");
        var translated = Texts(file);
        Assert.True(dutch.Count > 300, "De controle vindt de Nederlandse teksten niet meer.");

        var missing = dutch.Keys.Where(k => !translated.TryGetValue(k, out var text) || string.IsNullOrWhiteSpace(text)).ToList();
        var extra = translated.Keys.Except(dutch.Keys).ToList();
        var placeholders = dutch.Keys.Intersect(translated.Keys)
            .Where(k => !Placeholders(dutch[k]).SetEquals(Placeholders(translated[k])))
            .ToList();

        Assert.True(missing.Count == 0, $"{file} mist: {string.Join(", ", missing)}");
        Assert.True(extra.Count == 0, $"{file} heeft teksten die het Nederlands niet kent: {string.Join(", ", extra)}");
        Assert.True(placeholders.Count == 0, $"{file} heeft andere plekken voor namen of datums ({{0}}) bij: {string.Join(", ", placeholders)}");
    }

    [Fact]
    public void Each_language_is_read_from_its_own_file_at_run_time()
    {
        foreach (var language in Languages.Newcomer.Where(l => l != Languages.Dutch))
        {
            Assert.NotEqual(OwnTexts.In(Languages.Dutch, "LogInPasskeyHelp"), OwnTexts.In(language, "LogInPasskeyHelp"));
        }
    }

    [Fact]
    public void Every_text_a_page_asks_for_by_name_exists()
    {
        var dutch = Texts("OwnTexts.resx");
        var asked = Directory.EnumerateFiles(Folder, "*.*")
            .Where(f => f.EndsWith(".razor", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
            .SelectMany(File.ReadLines)
            .SelectMany(line => AskedText().Matches(line))
            .SelectMany(asking => KeyLiteral().Matches(asking.Value).Select(m => m.Groups[1].Value))
            .ToHashSet();
        Assert.True(asked.Count > 100, "De controle vindt de teksten in de pagina's niet meer.");

        var unknown = asked.Where(k => !dutch.ContainsKey(k)).Order().ToList();

        Assert.True(unknown.Count == 0, $"Deze teksten staan niet in OwnTexts.resx: {string.Join(", ", unknown)}");
    }

    private static HashSet<string> Placeholders(string text) => Placeholder().Matches(text).Select(m => m.Value).ToHashSet();

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();

    /// <summary>What a page puts between <c>L[</c> and <c>]</c>, or the name it gives <c>OwnTexts.In</c>.</summary>
    [GeneratedRegex(@"\bL\[[^\]]*\]|OwnTexts\.In\([^,]+,\s*""\w+""")]
    private static partial Regex AskedText();

    [GeneratedRegex(@"""([A-Z][A-Za-z]+)""")]
    private static partial Regex KeyLiteral();
}
