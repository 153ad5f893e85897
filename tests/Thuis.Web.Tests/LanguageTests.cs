using System.Net;
using Thuis.Web.Platform.Security;
using Thuis.Web.Tests.Infrastructure;

namespace Thuis.Web.Tests;

[Collection(AppCollection.Name)]
public sealed class LanguageTests(AppFixture fixture)
{
    [Fact]
    public async Task The_shell_speaks_Dutch_first_and_English_after_choosing_it()
    {
        var email = await fixture.World.CreateUserAsync(fixture.World.A, Roles.CaseManager);
        using var client = fixture.NewClient();
        client.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-GB");
        await client.SignInOrFailAsync(email);

        var dutch = await client.GetAsync("/");
        Assert.Equal("nl", dutch.Document.DocumentElement.GetAttribute("lang"));
        Assert.Contains("Uitloggen", dutch.Text, StringComparison.Ordinal);

        var token = dutch.Document.QuerySelector("form[action='/taal'] input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        using var choice = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["culture"] = "en-GB",
            ["returnUrl"] = "/dossiers",
        });
        using var chosen = await client.Http.PostAsync("/taal", choice);
        Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);
        Assert.Equal("/dossiers", chosen.Headers.Location?.OriginalString);

        var english = await client.GetAsync("/");
        Assert.Equal("en", english.Document.DocumentElement.GetAttribute("lang"));
        Assert.Contains("Sign out", english.Text, StringComparison.Ordinal);
        Assert.Contains("Intervention guide", english.Text, StringComparison.Ordinal);

        // The pages themselves are still Dutch, and say so; the translated error page says it is English.
        Assert.Null(dutch.Document.QuerySelector("main")!.GetAttribute("lang"));
        Assert.Equal("nl", english.Document.QuerySelector("main")!.GetAttribute("lang"));
        var missing = await client.GetAsync($"/dossiers/{Guid.NewGuid()}");
        Assert.Equal("en", missing.Document.QuerySelector("main h1")!.ParentElement!.GetAttribute("lang"));
    }

    [Fact]
    public async Task The_language_choice_never_redirects_to_another_site()
    {
        using var client = fixture.NewClient();
        var page = await client.GetAsync("/account/inloggen");
        var token = page.Document.QuerySelector("form[action='/taal'] input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        using var choice = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["culture"] = "en-GB",
            ["returnUrl"] = "//kwaadwillend.example/",
        });

        using var response = await client.Http.PostAsync("/taal", choice);

        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }
}
