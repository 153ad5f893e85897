using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components;
using Thuis.Web.Data;

namespace Thuis.Web.Tests;

/// <summary>Rules of the code's shape that a reviewer would otherwise have to remember.</summary>
public sealed partial class ArchitectureTests
{
    [Fact]
    public void No_page_or_component_injects_the_database_it_reads_through_handlers()
    {
        var components = typeof(AppDbContext).Assembly.GetTypes().Where(t => typeof(ComponentBase).IsAssignableFrom(t)).ToList();
        Assert.NotEmpty(components);

        var injected = components
            .SelectMany(t => t.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)
                .Where(p => p.IsDefined(typeof(InjectAttribute)) && typeof(AppDbContext).IsAssignableFrom(p.PropertyType))
                .Select(p => $"{t.FullName}.{p.Name}"))
            .ToList();

        Assert.True(injected.Count == 0, "Deze componenten lezen de database zelf; laat ze een handler injecteren: " + string.Join(", ", injected));
    }

    [Fact]
    public void Every_form_with_fields_has_an_error_summary_and_every_field_is_described_by_its_error()
    {
        var features = Path.Combine(RepositoryRoot(), "src", "Thuis.Web", "Features");
        var pages = Directory.EnumerateFiles(features, "*.razor", SearchOption.AllDirectories).ToList();
        var problems = new List<string>();
        foreach (var page in pages)
        {
            var text = File.ReadAllText(page);
            var name = Path.GetRelativePath(features, page);
            // A form whose page (or its field components) has fields lists its errors at the top.
            foreach (Match form in EditForm().Matches(text))
            {
                var body = form.Groups["body"].Value;
                var hasFields = body.Contains("<FormField", StringComparison.Ordinal) || body.Contains("Fields ", StringComparison.Ordinal)
                    || body.Contains("<FieldLink", StringComparison.Ordinal);
                if (hasFields && !body.Contains("<ErrorSummary", StringComparison.Ordinal))
                {
                    problems.Add($"{name}: een formulier zonder <ErrorSummary />");
                }
            }
            // The input inside a FormField names the field's error message in aria-describedby.
            foreach (Match field in FormFieldWithInput().Matches(text))
            {
                var id = field.Groups["id"].Value;
                if (!field.Groups["input"].Value.Contains($"{id}-fout", StringComparison.Ordinal)
                    && !field.Groups["input"].Value.Contains("-fout", StringComparison.Ordinal))
                {
                    problems.Add($"{name}: het veld {id} noemt zijn foutmelding niet in aria-describedby");
                }
            }
        }
        Assert.Contains(pages, p => File.ReadAllText(p).Contains("<ErrorSummary", StringComparison.Ordinal));
        Assert.True(pages.Sum(p => FormFieldWithInput().Count(File.ReadAllText(p))) > 100, "De controle vindt de velden niet meer.");
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [GeneratedRegex(@"<EditForm\b.*?>(?<body>.*?)</EditForm>", RegexOptions.Singleline)]
    private static partial Regex EditForm();

    // "=>" inside For="() => …" is not the end of a tag.
    [GeneratedRegex(@"<FormField\b(?:=>|[^>])*?\bId=""(?<id>[^""]+)""(?:=>|[^>])*>\s*(?:<(?:=>|[^>])*>\s*)*?(?<input><(?:Input\w+|input|select|textarea)\b(?:=>|[^>])*?\bid=""\k<id>""(?:=>|[^>])*>)", RegexOptions.Singleline)]
    private static partial Regex FormFieldWithInput();

    [Fact]
    public void Only_the_platform_catches_a_concurrency_miss_every_feature_saves_through_SaveVersionedChange()
    {
        var web = Path.Combine(RepositoryRoot(), "src", "Thuis.Web");
        var allowed = new[] { Path.Combine(web, "Platform", "Editing") + Path.DirectorySeparatorChar, Path.Combine(web, "Data") + Path.DirectorySeparatorChar };
        var sources = Directory.EnumerateFiles(web, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();
        Assert.Contains(sources, f => f.StartsWith(Path.Combine(web, "Features"), StringComparison.Ordinal));
        // The pattern finds the platform's own catch, so it would find one anywhere else.
        Assert.Contains(sources, f => f.StartsWith(allowed[0], StringComparison.Ordinal) && CatchesConcurrencyMiss().IsMatch(File.ReadAllText(f)));

        var catching = sources
            .Where(f => !allowed.Any(a => f.StartsWith(a, StringComparison.Ordinal)))
            .Where(f => CatchesConcurrencyMiss().IsMatch(File.ReadAllText(f)))
            .Select(f => Path.GetRelativePath(web, f))
            .ToList();

        Assert.True(catching.Count == 0, "Deze bestanden vangen zelf een gelijktijdige wijziging af; gebruik SaveVersionedChange: " + string.Join(", ", catching));
    }

    [Fact]
    public void Every_CSV_file_is_written_by_the_platform_so_none_lets_a_formula_through()
    {
        var web = Path.Combine(RepositoryRoot(), "src", "Thuis.Web");
        var platform = Path.Combine(web, "Platform", "Files", "CsvFile.cs");
        var sources = Directory.EnumerateFiles(web, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();
        // The pattern finds the platform's own writer, so it would find another one anywhere else.
        Assert.Matches(WritesCsv(), File.ReadAllText(platform));

        var writing = sources.Where(f => f != platform && WritesCsv().IsMatch(File.ReadAllText(f))).Select(f => Path.GetRelativePath(web, f)).ToList();

        Assert.True(writing.Count == 0, "Deze bestanden schrijven zelf CSV; gebruik CsvFile.Write: " + string.Join(", ", writing));
    }

    [Fact]
    public void Today_is_the_day_in_the_Netherlands_never_the_machines_own_day()
    {
        var root = RepositoryRoot();
        var sources = Directory.EnumerateFiles(Path.Combine(root, "src"), "*.*", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(Path.Combine(root, "tests"), "*.*", SearchOption.AllDirectories))
            .Where(f => (f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal))
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();
        Assert.True(sources.Count > 100, "De controle vindt de bronbestanden niet meer.");
        Assert.Matches(ReadsTheMachinesDay(), "var soon = DateTime" + ".Today.AddDays(14);");

        var reading = sources.Where(f => ReadsTheMachinesDay().IsMatch(File.ReadAllText(f))).Select(f => Path.GetRelativePath(root, f)).ToList();

        Assert.True(reading.Count == 0,
            "Deze bestanden nemen de dag van de machine (UTC op de server), niet die in Nederland; gebruik TimeProvider.InTheNetherlands(): "
            + string.Join(", ", reading));
    }

    [GeneratedRegex(@"\bDateTime(Offset)?\.(Today|Now)\b|FromDateTime\(\s*DateTime(Offset)?\.")]
    private static partial Regex ReadsTheMachinesDay();

    [GeneratedRegex(@"""text/csv|AppendJoin\(\s*';'|CsvWriter\.Create|new\s+CsvWriter\b")]
    private static partial Regex WritesCsv();

    [GeneratedRegex(@"catch\s*\(\s*[\w.]*DbUpdateConcurrencyException\b|\bis\s+[\w.]*DbUpdateConcurrencyException\b")]
    private static partial Regex CatchesConcurrencyMiss();

    /// <summary>The folder of Thuis.slnx, found upwards from the test run.</summary>
    internal static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Thuis.slnx")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException("Thuis.slnx niet gevonden.");
    }
}
