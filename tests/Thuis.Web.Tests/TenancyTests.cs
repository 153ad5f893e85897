using System.Net;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Thuis.Web.Data;
using Thuis.Web.Platform.Security;
using Thuis.Web.Platform.Tenancy;
using Thuis.Web.Tests.Infrastructure;

namespace Thuis.Web.Tests;

[Collection(AppCollection.Name)]
public sealed class TenancyTests(AppFixture fixture)
{
    [Fact]
    public async Task Every_page_with_a_record_in_its_address_answers_404_for_a_record_of_another_municipality()
    {
        var b = fixture.World.B;
        // Each route parameter that names a record, with a record of municipality B.
        var recordsOfB = b.RouteIds();
        var email = await fixture.World.CreateUserAsync(fixture.World.A, Roles.All.ToArray());
        using var client = fixture.NewClient();
        await client.SignInOrFailAsync(email);

        var templates = RouteTemplatesWithParameters(fixture.App.Services);
        Assert.NotEmpty(templates);
        foreach (var template in templates)
        {
            var url = ReplaceParameters(template, recordsOfB);
            var page = await client.GetAsync(url);

            Assert.True(page.Status == HttpStatusCode.NotFound, $"{url} gaf {page.Status} in plaats van 404");
            Assert.DoesNotContain(b.NewcomerName, page.Text, StringComparison.Ordinal);
            Assert.DoesNotContain(b.NewcomerBsn, page.Text, StringComparison.Ordinal);
            Assert.DoesNotContain(b.VolunteerName, page.Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_dossier_list_shows_only_the_municipalitys_own_newcomers()
    {
        var email = await fixture.World.CreateUserAsync(fixture.World.A, Roles.CaseManager);
        using var client = fixture.NewClient();
        await client.SignInOrFailAsync(email);

        // Other tests add people to municipality A, so the list is searched rather than read from its first page.
        var own = await client.GetAsync("/dossiers?wie=alle&zoek=Haddad");
        var other = await client.GetAsync("/dossiers?wie=alle&zoek=Gebremedhin");
        var all = await client.GetAsync("/dossiers?wie=alle");

        Assert.Equal(HttpStatusCode.OK, own.Status);
        Assert.Contains("Haddad, Samira", own.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, other.Status);
        Assert.Contains("Niemand gevonden met deze filters.", other.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Gebremedhin", all.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_change_to_another_municipalitys_record_is_refused_by_the_database_layer()
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystemFor(fixture.World.A.Id);

        Assert.Null(await db.Newcomers.SingleOrDefaultAsync(n => n.Id == fixture.World.B.NewcomerId));

        var ofB = await db.Newcomers.IgnoreQueryFilters().SingleAsync(n => n.Id == fixture.World.B.NewcomerId);
        db.Entry(ofB).Property(n => n.FamilyName).CurrentValue = "Gewijzigd";
        await Assert.ThrowsAsync<CrossMunicipalityWriteException>(() => db.SaveChangesAsync());
        db.ChangeTracker.Clear();

        db.Newcomers.Add(People.Newcomer(fixture.World.B.Id, "Nieuw", "Persoon", new DateOnly(2000, 1, 1), null));
        await Assert.ThrowsAsync<CrossMunicipalityWriteException>(() => db.SaveChangesAsync());
        db.ChangeTracker.Clear();

        await using var check = fixture.App.Services.CreateAsyncScope();
        var unchanged = await check.ServiceProvider.GetRequiredService<AppDbContext>().Newcomers.IgnoreQueryFilters()
            .SingleAsync(n => n.Id == fixture.World.B.NewcomerId);
        Assert.Equal("Gebremedhin", unchanged.FamilyName);
    }

    [Fact]
    public async Task Without_a_signed_in_user_no_peoples_data_is_visible()
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        Assert.Equal(0, await db.Newcomers.CountAsync());
        Assert.True(await db.Newcomers.IgnoreQueryFilters().CountAsync() >= 2);
    }

    internal static List<string> RouteTemplatesWithParameters(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.Parameters.Count > 0 && e.RoutePattern.RawText is not null)
            .Where(e => !e.RoutePattern.RawText!.StartsWith("/fout", StringComparison.Ordinal) && !e.RoutePattern.RawText.Contains("_framework", StringComparison.Ordinal))
            .Where(e => !e.RoutePattern.RawText!.Contains("{**", StringComparison.Ordinal) && !e.RoutePattern.RawText.Contains("{*", StringComparison.Ordinal))
            // The newcomer's own pages take the person from the signed-in account, not the address; OwnAccessTests walks them.
            .Where(e => !e.RoutePattern.RawText!.StartsWith("/mijn", StringComparison.Ordinal))
            // The volunteer's own pages refuse staff by role; a volunteer asking another municipality's match gets 404
            // (the authorization matrix and VolunteerViewTests).
            .Where(e => !e.RoutePattern.RawText!.StartsWith("/vrijwilliger/", StringComparison.Ordinal))
            // The partner API takes a key, never a session; PartnerApiTests asks it for another municipality's records.
            .Where(e => !e.RoutePattern.RawText!.StartsWith("/api/", StringComparison.Ordinal))
            .Select(e => e.RoutePattern.RawText!)
            .Distinct()
            .ToList();

    internal static string ReplaceParameters(string template, IReadOnlyDictionary<string, string> values)
    {
        var pattern = Microsoft.AspNetCore.Routing.Patterns.RoutePatternFactory.Parse(template);
        var url = template;
        foreach (var parameter in pattern.Parameters)
        {
            Assert.True(values.TryGetValue(parameter.Name, out var value),
                $"De route {template} heeft parameter '{parameter.Name}'; voeg een record van een andere gemeente toe aan deze test.");
            url = System.Text.RegularExpressions.Regex.Replace(url, "\\{" + parameter.Name + "[^}]*\\}", value!,
                System.Text.RegularExpressions.RegexOptions.IgnoreCase);
        }
        return url;
    }
}
