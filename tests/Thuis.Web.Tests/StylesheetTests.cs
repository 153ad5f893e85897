namespace Thuis.Web.Tests;

public sealed class StylesheetTests
{
    [Fact]
    public void The_Thuis_stylesheet_closes_every_block_it_opens()
    {
        // One missing brace silently swallows every rule after it; browsers do not complain.
        var css = File.ReadAllText(Path.Combine(RepositoryRoot(), "src", "Thuis.Web", "wwwroot", "css", "thuis.css"));
        // Comments may hold any character; blank them out, keeping their line breaks for the line numbers.
        css = System.Text.RegularExpressions.Regex.Replace(css, @"/\*.*?\*/", m => new string([.. m.Value.Select(c => c == '\n' ? '\n' : ' ')]),
            System.Text.RegularExpressions.RegexOptions.Singleline);
        var open = new Stack<bool>();
        var preludeStart = 0;
        var line = 1;
        for (var i = 0; i < css.Length; i++)
        {
            line += css[i] == '\n' ? 1 : 0;
            if (css[i] == '{')
            {
                var isAtRule = css[preludeStart..i].Trim().StartsWith('@');
                Assert.True(open.Count == 0 || open.Peek(), $"thuis.css regel {line}: een regel binnen een regel; er ontbreekt een sluitaccolade.");
                open.Push(isAtRule);
                preludeStart = i + 1;
            }
            else if (css[i] == '}')
            {
                Assert.True(open.Count > 0, $"thuis.css regel {line}: een sluitaccolade te veel.");
                open.Pop();
                preludeStart = i + 1;
            }
            else if (css[i] == ';')
            {
                preludeStart = i + 1;
            }
        }
        Assert.Empty(open);
    }

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
