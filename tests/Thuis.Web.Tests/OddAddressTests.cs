using System.Net;
using System.Reflection;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Thuis.Web.Platform.Security;
using Thuis.Web.Tests.Infrastructure;

namespace Thuis.Web.Tests;

[Collection(AppCollection.Name)]
public sealed class OddAddressTests(AppFixture fixture)
{
    private static readonly string[] OddValues = ["abc", "99999999999", "-1", "0", "7", "", "1,2", "<b>x</b>", new string('9', 400)];

    [Fact]
    public async Task Every_query_value_of_every_page_read_wrongly_gives_the_page_or_a_Dutch_400_never_a_500()
    {
        var world = fixture.World;
        // This municipality's records, and unknown ones for what the world does not have.
        var records = world.A.RouteIds();
        records["StepId"] = Guid.NewGuid().ToString();
        records["ActivityId"] = Guid.NewGuid().ToString();
        records["StatusCode"] = "404";
        // Every page's query parameters are read from the pages themselves: a new one is tried as soon as it exists.
        var pages = fixture.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Template: e.RoutePattern.RawText!, Page: e.Metadata.GetMetadata<ComponentTypeMetadata>()?.Type))
            .Where(p => p.Page is not null && p.Template is not null)
            .Select(p => (p.Template, Names: QueryParameterNames(p.Page!)))
            .Where(p => p.Names.Count > 0)
            .DistinctBy(p => p.Template)
            .ToList();
        Assert.Contains(pages, p => p.Template == "/dossiers" && p.Names.Contains("pagina"));
        var email = await world.CreateUserAsync(world.A, [.. Roles.All]);
        using var client = fixture.NewClient();
        await client.SignInOrFailAsync(email);
        // The newcomer's own pages are only for a newcomer; staff get 403 there.
        using var newcomer = fixture.NewClient();
        await newcomer.SignInAsync(await world.CreateNewcomerUserAsync(world.A));
        // The volunteer's own pages are only for a volunteer.
        using var volunteer = fixture.NewClient();
        await volunteer.SignInOrFailAsync((await VolunteerWorld.VolunteerWithAccountAsync(fixture.App, world.A, "Vrijwilliger Vreemd Adres")).Email);

        var wrong = new List<string>();
        foreach (var (template, names) in pages)
        {
            var path = TenancyTests.ReplaceParameters(template, records);
            foreach (var name in names)
            {
                foreach (var value in OddValues)
                {
                    var url = $"{path}?{name}={Uri.EscapeDataString(value)}";
                    var asker = template.StartsWith("/mijn", StringComparison.Ordinal) ? newcomer
                        : template == "/vrijwilliger" || template.StartsWith("/vrijwilliger/", StringComparison.Ordinal) ? volunteer : client;
                    var page = await asker.GetAsync(url);

                    if (page.Status is not (HttpStatusCode.OK or HttpStatusCode.Redirect or HttpStatusCode.NotFound or HttpStatusCode.BadRequest)
                        || (page.Status == HttpStatusCode.BadRequest && page.Document.QuerySelector("h1")?.TextContent != "Adres niet begrepen"))
                    {
                        wrong.Add($"{url} gaf {(int)page.Status} {page.Document.QuerySelector("h1")?.TextContent}");
                    }
                }
            }
        }
        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
    }

    [Theory]
    [InlineData("/dossiers?pagina=abc")]
    [InlineData("/dossiers?pagina=99999999999")]
    [InlineData("/dossiers?status=99")]
    public async Task A_case_manager_following_a_damaged_link_sees_the_page_or_a_Dutch_explanation(string url)
    {
        var email = await fixture.World.CreateUserAsync(fixture.World.A, Roles.CaseManager);
        using var client = fixture.NewClient();
        await client.SignInOrFailAsync(email);

        var page = await client.GetAsync(url);

        Assert.NotEqual(HttpStatusCode.InternalServerError, page.Status);
        Assert.True(page.Status == HttpStatusCode.OK || page.Document.QuerySelector("h1")?.TextContent == "Adres niet begrepen",
            $"{url} gaf {(int)page.Status}: {page.Document.QuerySelector("h1")?.TextContent}");
    }

    [Fact]
    public async Task A_plan_version_too_large_to_count_gives_a_Dutch_400()
    {
        var email = await fixture.World.CreateUserAsync(fixture.World.A, Roles.CaseManager);
        using var client = fixture.NewClient();
        await client.SignInOrFailAsync(email);

        var page = await client.GetAsync($"/dossiers/{fixture.World.A.NewcomerId}/plan?versie=99999999999");

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Equal("Adres niet begrepen", page.Document.QuerySelector("h1")?.TextContent);
        Assert.Equal("nl", page.Document.DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public async Task The_sign_in_page_with_a_damaged_signed_out_flag_explains_itself_in_Dutch()
    {
        using var client = fixture.NewClient();

        var page = await client.GetAsync("/account/inloggen?uitgelogd=x");

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Equal("Adres niet begrepen", page.Document.QuerySelector("h1")?.TextContent);
    }

    [Theory]
    [InlineData("/fout", HttpStatusCode.NotFound)]
    [InlineData("/fout/200", HttpStatusCode.NotFound)]
    [InlineData("/fout/0", HttpStatusCode.NotFound)]
    [InlineData("/fout/450", HttpStatusCode.NotFound)]
    [InlineData("/fout/99999", HttpStatusCode.NotFound)]
    [InlineData("/fout/99999999999", HttpStatusCode.NotFound)]
    [InlineData("/fout/403", HttpStatusCode.Forbidden)]
    [InlineData("/fout/503", HttpStatusCode.ServiceUnavailable)]
    public async Task The_error_page_answers_only_for_real_status_codes(string url, HttpStatusCode expected)
    {
        using var client = fixture.NewClient();

        var page = await client.GetAsync(url);

        Assert.Equal(expected, page.Status);
        Assert.Equal("nl", page.Document.DocumentElement.GetAttribute("lang"));
        Assert.NotNull(page.Document.QuerySelector("h1"));
    }

    [Theory]
    [InlineData(null, "application/x-www-form-urlencoded")]
    [InlineData("bestaat-niet", "application/x-www-form-urlencoded")]
    [InlineData("registreren", "application/json")]
    public async Task A_forged_form_post_with_a_valid_token_gets_the_Dutch_error_page_not_a_framework_sentence(string? handler, string contentType)
    {
        var email = await fixture.World.CreateUserAsync(fixture.World.A, Roles.CaseManager);
        using var client = fixture.NewClient();
        await client.SignInOrFailAsync(email);
        var form = await client.GetAsync("/dossiers/nieuw");
        var token = form.Document.QuerySelector("input[name='__RequestVerificationToken']")?.GetAttribute("value");
        Assert.NotNull(token);
        var body = handler is null ? $"__RequestVerificationToken={Uri.EscapeDataString(token)}"
            : $"__RequestVerificationToken={Uri.EscapeDataString(token)}&_handler={handler}";
        using var content = new StringContent(contentType == "application/json" ? "{\"a\":1}" : body, System.Text.Encoding.UTF8, contentType);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/dossiers/nieuw") { Content = content };
        request.Headers.Add("RequestVerificationToken", token);

        using var response = await client.Http.SendAsync(request);
        var page = await ThuisClient.Page.ReadAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Equal("Formulier niet verwerkt", page.Document.QuerySelector("h1")?.TextContent);
        Assert.DoesNotContain("The POST request", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Cannot submit", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Content-type", page.Text, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("PUT", "/dossiers")]
    [InlineData("DELETE", "/dossiers/nieuw")]
    [InlineData("PATCH", "/account/inloggen")]
    [InlineData("OPTIONS", "/")]
    public async Task Another_method_than_get_or_post_gets_the_Dutch_page_with_405_and_changes_nothing(string method, string url)
    {
        var email = await fixture.World.CreateUserAsync(fixture.World.A, Roles.CaseManager);
        using var client = fixture.NewClient();
        await client.SignInOrFailAsync(email);

        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        using var response = await client.Http.SendAsync(request);
        var page = await ThuisClient.Page.ReadAsync(response);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, page.Status);
        Assert.Equal(["GET", "HEAD", "POST"], response.Content.Headers.Allow.Concat(response.Headers.TryGetValues("Allow", out var allow) ? allow : []).SelectMany(a => a.Split(", ")).Distinct());
        Assert.Equal("Dit kan hier niet", page.Document.QuerySelector("h1")?.TextContent);
        Assert.Equal("nl", page.Document.DocumentElement.GetAttribute("lang"));
        // The page itself still answers as before.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url == "/" ? "/" : url)).Status);
    }

    internal static List<string> QueryParameterNames(Type page)
    {
        var names = new List<string>();
        for (var type = page; type is not null && type != typeof(ComponentBase); type = type.BaseType)
        {
            names.AddRange(type.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)
                .Select(p => (Property: p, Query: p.GetCustomAttribute<SupplyParameterFromQueryAttribute>()))
                .Where(p => p.Query is not null)
                .Select(p => p.Query!.Name ?? p.Property.Name));
        }
        return names;
    }
}
