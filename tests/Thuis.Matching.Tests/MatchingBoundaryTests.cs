namespace Thuis.Matching.Tests;

public sealed class MatchingBoundaryTests
{
    [Fact]
    public void The_matching_engine_depends_on_neither_the_database_nor_the_web()
    {
        var references = typeof(MatchingEngine).Assembly.GetReferencedAssemblies().Select(a => a.Name ?? "").ToList();

        Assert.NotEmpty(references);
        Assert.DoesNotContain(references, name => name.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal));
        Assert.DoesNotContain(references, name => name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
        Assert.DoesNotContain(references, name => name.StartsWith("Npgsql", StringComparison.Ordinal));
    }
}
