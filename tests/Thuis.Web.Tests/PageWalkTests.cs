using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Thuis.Web.Data;
using Thuis.Web.Platform.Auditing;
using Thuis.Web.Platform.Localization;
using Thuis.Web.Platform.Security;
using Thuis.Web.Tests.Infrastructure;

namespace Thuis.Web.Tests;

/// <summary>
/// Walks every page the app maps, read from its endpoints, so a new page is covered the day it is added: opening a
/// dossier page is one entry in the audit trail, and opening any page changes nothing.
/// </summary>
public sealed class PageWalkTests
{
    [Fact]
    public async Task Every_dossier_page_writes_one_view_entry_for_the_person_it_shows()
    {
        await using var app = new ThuisAppFactory();
        var world = await TestWorld.SeedAsync(app);
        var email = await world.CreateUserAsync(world.A, [.. Roles.All]);
        var userId = await world.UserIdOfAsync(email);
        using var client = new ThuisClient(app);
        await client.SignInOrFailAsync(email);

        var dossierPages = PageTemplates(app.Services)
            .Where(t => t.StartsWith("/dossiers/{NewcomerId", StringComparison.OrdinalIgnoreCase))
            // The person's whole data as a file reads the dossier, plan, milestones and lessons, each audited with the
            // request's purpose (PrivacyTests); it is a download, not a page.
            .Where(t => t != "/dossiers/{NewcomerId:guid}/inzage/bestand")
            // Nobody in the test world applied for a job; WorkRoadTests opens an application's page and counts its one view.
            .Where(t => t != "/dossiers/{NewcomerId:guid}/werk/sollicitaties/{ApplicationId:guid}")
            // Nobody in the test world is ontzorgd; MoneyTests opens a fixed cost's page.
            .Where(t => t != "/dossiers/{NewcomerId:guid}/geld/ontzorgen/{CostId:guid}")
            // The test world records no debts or early signals; DebtsTests opens those pages and counts their views.
            .Where(t => t != "/dossiers/{NewcomerId:guid}/geld/schulden/{DebtId:guid}" && t != "/dossiers/{NewcomerId:guid}/geld/vroegsignalen/{ReportId:guid}")
            .ToList();
        Assert.Contains("/dossiers/{NewcomerId:guid}/intake/financien", dossierPages);
        Assert.Contains("/dossiers/{NewcomerId:guid}/intake/leerbaarheid", dossierPages);
        var missing = new List<string>();
        foreach (var template in dossierPages)
        {
            var url = TenancyTests.ReplaceParameters(template, world.A.RouteIds());
            var before = await LastAuditIdAsync(app);
            var page = await client.GetAsync(url);
            Assert.True(page.Status is HttpStatusCode.OK or HttpStatusCode.Redirect, $"{url} gaf {page.Status}");

            // A page shown is one view; an address that only sends on to a page shows nothing itself.
            var views = await ViewsSinceAsync(app, before, userId, world.A.NewcomerId);
            if (page.Status == HttpStatusCode.OK ? views != 1 : views > 1)
            {
                missing.Add($"{url}: {views} inzage(s) vastgelegd");
            }
        }
        Assert.True(missing.Count == 0, "Niet precies één inzage per geopende dossierpagina:\n" + string.Join('\n', missing));
    }

    [Fact]
    public async Task Opening_a_page_changes_nothing_for_any_role()
    {
        var watch = new SaveWatch();
        await using var app = new ThuisAppFactory { ConfigureTestServices = s => s.AddSingleton<IInterceptor>(watch) };
        var world = await TestWorld.SeedAsync(app);
        using var staff = new ThuisClient(app);
        await staff.SignInOrFailAsync(await world.CreateUserAsync(world.A, [.. Roles.All]));
        using var newcomer = new ThuisClient(app);
        var newcomerSignIn = await newcomer.SignInAsync(await world.CreateNewcomerUserAsync(world.A, world.A.NewcomerId, "Samira"));
        Assert.Equal(HttpStatusCode.Redirect, newcomerSignIn.Status);
        using var volunteer = new ThuisClient(app);
        var (volunteerId, volunteerEmail) = await VolunteerWorld.VolunteerWithAccountAsync(app, world.A, "Vrijwilliger Wandeling");
        var today = TimeProvider.System.InTheNetherlands();
        var match = await VolunteerWorld.MatchAsync(app, world.A.Id, volunteerId, "Wandel", "Test", today.AddDays(-20), sharesPhone: true,
            lastMeeting: today.AddDays(-3), today: today);
        await volunteer.SignInOrFailAsync(volunteerEmail);

        var templates = PageTemplates(app.Services);
        Assert.Contains("/mijn/gegevens", templates);
        Assert.Contains("/dossiers/{NewcomerId:guid}", templates);
        watch.Clear();
        foreach (var template in templates)
        {
            var ids = world.A.RouteIds();
            ids["VolunteerMatchId"] = match.ToString();
            ids["key"] = "onbekend";
            ids["StatusCode"] = "404";
            // The newcomer's own pages with a record of theirs where the world has one, and an unknown one otherwise.
            foreach (var parameter in Microsoft.AspNetCore.Routing.Patterns.RoutePatternFactory.Parse(template).Parameters)
            {
                ids.TryAdd(parameter.Name, Guid.NewGuid().ToString());
            }
            var url = TenancyTests.ReplaceParameters(template, ids);
            var client = template.StartsWith("/mijn", StringComparison.Ordinal) ? newcomer
                : template.StartsWith(Thuis.Web.Features.Volunteering.VolunteeringSetup.StartPath, StringComparison.Ordinal) && !template.StartsWith("/vrijwilligers", StringComparison.Ordinal) ? volunteer
                : staff;
            var opened = await client.GetAsync(url);
            if (client == volunteer)
            {
                Assert.True(opened.Status == HttpStatusCode.OK, $"De vrijwilliger opent {url} en krijgt {(int)opened.Status}.");
            }
        }

        Assert.True(watch.Saves.IsEmpty, "Het openen van een pagina sloeg iets op:\n" + string.Join('\n', watch.Saves));
    }

    /// <summary>Every address a person can open (GET), with or without parameters.</summary>
    internal static List<string> PageTemplates(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>() is not { } methods || methods.HttpMethods.Contains(HttpMethods.Get))
            .Select(e => e.RoutePattern.RawText)
            .OfType<string>()
            .Where(t => !t.Contains("_framework", StringComparison.Ordinal) && !t.Contains("{*", StringComparison.Ordinal))
            // The readiness check writes a row and rolls it back, to prove the database takes writes.
            .Where(t => !t.StartsWith("/health", StringComparison.Ordinal))
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();

    private static async Task<long> LastAuditIdAsync(ThuisAppFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().AuditEntries.IgnoreQueryFilters().MaxAsync(a => (long?)a.Id) ?? 0;
    }

    private static async Task<int> ViewsSinceAsync(ThuisAppFactory app, long after, string userId, Guid personId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().AuditEntries.IgnoreQueryFilters()
            .CountAsync(a => a.Id > after && a.ActorId == userId && a.Action == AuditAction.View && a.PersonId == personId);
    }

    /// <summary>Every save of anything but the audit trail, with the request that made it.</summary>
    internal sealed class SaveWatch : SaveChangesInterceptor
    {
        private readonly HttpContextAccessor _http = new();

        public ConcurrentQueue<string> Saves { get; } = new();

        public void Clear() => Saves.Clear();

        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            var changed = eventData.Context!.ChangeTracker.Entries()
                .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && e.Entity is not AuditEntry)
                .Select(e => $"{e.State} {e.Metadata.ClrType.Name}")
                .ToList();
            if (changed.Count > 0)
            {
                var request = _http.HttpContext?.Request;
                Saves.Enqueue($"{request?.Method} {request?.Path}{request?.QueryString}: {string.Join(", ", changed)}");
            }
            return base.SavingChangesAsync(eventData, result, cancellationToken);
        }
    }
}
