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

    [GeneratedRegex(@"catch\s*\(\s*[\w.]*DbUpdateConcurrencyException\b|\bis\s+[\w.]*DbUpdateConcurrencyException\b")]
    private static partial Regex CatchesConcurrencyMiss();

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Thuis.slnx")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException("Thuis.slnx niet gevonden.");
    }
}
