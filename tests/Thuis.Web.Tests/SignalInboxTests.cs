using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Thuis.Web.Data;
using Thuis.Web.Features.Organisations;
using Thuis.Web.Features.Referrals;
using Thuis.Web.Features.Signals;
using Thuis.Web.Features.SocialMap;
using Thuis.Web.Platform.Auditing;
using Thuis.Web.Platform.Security;
using Thuis.Web.Tests.Infrastructure;

namespace Thuis.Web.Tests;

/// <summary>The case manager's inbox and what they do with a signal, over HTTP as a browser would.</summary>
public sealed class SignalInboxTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task The_start_page_lists_only_the_signed_in_case_managers_signals_most_urgent_first()
    {
        await using var app = NewApp();
        var world = await TestWorld.SeedAsync(app);
        var mine = await world.CreateUserAsync(world.A, Roles.CaseManager);
        var theirs = await world.CreateUserAsync(world.A, Roles.CaseManager);
        await PersonAsync(app, world.A.Id, "Yonas", await world.UserIdOfAsync(mine), new DateOnly(2026, 11, 30));
        await PersonAsync(app, world.A.Id, "Amina", await world.UserIdOfAsync(theirs), new DateOnly(2026, 11, 30));
        await EvaluateAsync(app);

        using var client = new ThuisClient(app);
        await client.SignInOrFailAsync(mine);
        var start = await client.GetAsync("/");
        var rows = start.Document.QuerySelectorAll("[data-testid=signal-row]");
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Contains("Yonas", r.TextContent, StringComparison.Ordinal));
        Assert.DoesNotContain("Amina", start.Text, StringComparison.Ordinal);
        Assert.Contains(rows, r => r.TextContent.Contains("De periode 'niet nu' liep tot en met 30 november 2026", StringComparison.Ordinal));
        var urgencies = rows.Select(r => r.QuerySelector("td")!.TextContent.Trim()).Select(t => Array.FindIndex(["vandaag", "deze week", "deze maand"], u => t.StartsWith(u, StringComparison.Ordinal))).ToList();
        Assert.DoesNotContain(-1, urgencies);
        Assert.Equal(urgencies.Order(), urgencies);

        // A case manager without people with signals sees the empty state.
        using var other = new ThuisClient(app);
        await other.SignInOrFailAsync(await world.CreateUserAsync(world.A, Roles.CaseManager));
        Assert.Contains("Geen signalen — niemand heeft nu extra aandacht nodig.", (await other.GetAsync("/")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_start_page_shows_the_ten_most_urgent_signals_and_leads_to_all_of_them()
    {
        await using var app = NewApp();
        var world = await TestWorld.SeedAsync(app);
        var email = await world.CreateUserAsync(world.A, Roles.CaseManager);
        var userId = await world.UserIdOfAsync(email);
        for (var i = 0; i < 12; i++)
        {
            await PersonAsync(app, world.A.Id, $"Persoon{i:00}", userId, new DateOnly(2026, 11, 30));
        }
        await EvaluateAsync(app);
        using var client = new ThuisClient(app);
        await client.SignInOrFailAsync(email);

        var start = await client.GetAsync("/");
        var all = await client.GetAsync("/signalen");

        var total = all.Document.QuerySelectorAll("[data-testid=signal-row]").Length;
        Assert.True(total >= 12, $"{total} signalen");
        Assert.Equal(10, start.Document.QuerySelectorAll("[data-testid=signal-row]").Length);
        Assert.Contains($"Alle {total} signalen bekijken", start.Text, StringComparison.Ordinal);
        Assert.NotNull(start.Document.QuerySelector("a[href='/signalen']"));
    }

    [Fact]
    public async Task A_signal_is_acknowledged_snoozed_resolved_with_a_note_or_escalated_and_every_change_is_audited()
    {
        await using var app = NewApp();
        var world = await TestWorld.SeedAsync(app);
        var email = await world.CreateUserAsync(world.A, Roles.CaseManager);
        var userId = await world.UserIdOfAsync(email);
        var yonas = await PersonAsync(app, world.A.Id, "Yonas", userId, new DateOnly(2026, 11, 30));
        var samir = await PersonAsync(app, world.A.Id, "Samir", userId, new DateOnly(2026, 11, 29));
        await EvaluateAsync(app);
        var first = await SignalOfAsync(app, world.A.Id, yonas);
        var second = await SignalOfAsync(app, world.A.Id, samir);
        using var client = new ThuisClient(app);
        await client.SignInOrFailAsync(email);
        var url = $"/signalen/{first}";

        Assert.Equal($"{url}?opgeslagen=1", (await client.SubmitAsync(url, "gezien", new Dictionary<string, string>())).Location);
        Assert.Equal("gezien", await StateTextAsync(client, url));

        var past = await client.SubmitAsync(url, "later", new Dictionary<string, string> { ["Snooze.Until"] = "2026-12-01" });
        Assert.Contains("Kies een datum na vandaag.", past.Text, StringComparison.Ordinal);
        Assert.Equal($"{url}?opgeslagen=1", (await client.SubmitAsync(url, "later", new Dictionary<string, string> { ["Snooze.Until"] = "2026-12-08" })).Location);
        Assert.Equal("wacht tot en met 8 december 2026", await StateTextAsync(client, url));
        Assert.DoesNotContain((await client.GetAsync("/")).Document.QuerySelectorAll("[data-testid=signal-row] a[href]"),
            a => a.GetAttribute("href") == url);

        var noNote = await client.SubmitAsync(url, "afhandelen", new Dictionary<string, string> { ["Resolve.Note"] = "", ["Resolve.Confirmed"] = "True" });
        Assert.Contains("Schrijf op wat er is gedaan.", noNote.Text, StringComparison.Ordinal);
        var unconfirmed = await client.SubmitAsync(url, "afhandelen", new Dictionary<string, string> { ["Resolve.Note"] = "Gebeld; verhuizing klaar, hij doet weer mee." });
        Assert.Contains("Bevestig dat dit signaal is afgehandeld.", unconfirmed.Text, StringComparison.Ordinal);
        Assert.Contains("Gebeld; verhuizing klaar, hij doet weer mee.", unconfirmed.Text, StringComparison.Ordinal);
        Assert.Equal($"{url}?opgeslagen=1", (await client.SubmitAsync(url, "afhandelen", new Dictionary<string, string>
        {
            ["Resolve.Note"] = "Gebeld; verhuizing klaar, hij doet weer mee.",
            ["Resolve.Confirmed"] = "True",
        })).Location);
        Assert.Equal("afgehandeld", await StateTextAsync(client, url));
        Assert.Empty((await client.GetAsync(url)).Document.QuerySelectorAll("input[name=_handler][value=afhandelen], input[name=_handler][value=gezien]"));

        // A page loaded before someone else acted is refused.
        var secondUrl = $"/signalen/{second}";
        var stale = await client.GetAsync(secondUrl);
        Assert.Equal($"{secondUrl}?opgeslagen=1", (await client.SubmitAsync(secondUrl, "gezien", new Dictionary<string, string>())).Location);
        var refused = await client.SubmitAsync(secondUrl, "doorgeven", new Dictionary<string, string>
        {
            ["Escalate.To"] = nameof(EscalatedTo.Coordinator),
            ["Escalate.Version"] = stale.Document.QuerySelector("input[name='Escalate.Version']")!.GetAttribute("value")!,
        });
        Assert.Contains("Dit signaal is intussen gewijzigd.", refused.Text, StringComparison.Ordinal);

        var noOrganisation = await client.SubmitAsync(secondUrl, "doorgeven", new Dictionary<string, string> { ["Escalate.To"] = nameof(EscalatedTo.ProfessionalHelp) });
        Assert.Contains("Kies de organisatie voor professionele hulp.", noOrganisation.Text, StringComparison.Ordinal);
        // The list of professional help holds only organisations that give it: social work, debt help, VluchtelingenWerk.
        Guid welfare;
        await using (var setup = app.Services.CreateAsyncScope())
        {
            setup.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystemFor(world.A.Id);
            var db0 = setup.ServiceProvider.GetRequiredService<AppDbContext>();
            var work = new Organisation(world.A.Id, new OrganisationDetails("Maatschappelijk werk Vechtdal", OrganisationType.SocialWork, null, null, null, null,
                null, null, null, null, false, [], [], false, null));
            db0.Organisations.Add(work);
            db0.Organisations.Add(new Organisation(world.A.Id, new OrganisationDetails("Voetbalclub Dalfsen", OrganisationType.SportsClub, null, null, null, null,
                null, null, null, null, false, [], [], true, null)));
            await db0.SaveChangesAsync();
            welfare = work.Id;
        }
        var choices = (await client.GetAsync(secondUrl)).Document.QuerySelectorAll("select[name='Escalate.OrganisationId'] option").Select(o => o.TextContent.Trim()).ToList();
        Assert.Contains("Maatschappelijk werk Vechtdal", choices);
        Assert.DoesNotContain("Voetbalclub Dalfsen", choices);
        Assert.DoesNotContain(choices, c => c.StartsWith("VluchtelingenWerk", StringComparison.Ordinal));
        var club = await client.SubmitAsync(secondUrl, "doorgeven", new Dictionary<string, string>
        {
            ["Escalate.To"] = nameof(EscalatedTo.ProfessionalHelp),
            ["Escalate.OrganisationId"] = world.A.PartnerOrganisationId.ToString(),
        });
        Assert.Contains("Kies de organisatie voor professionele hulp.", club.Text, StringComparison.Ordinal);
        Assert.Equal($"{secondUrl}?opgeslagen=1", (await client.SubmitAsync(secondUrl, "doorgeven", new Dictionary<string, string>
        {
            ["Escalate.To"] = nameof(EscalatedTo.ProfessionalHelp),
            ["Escalate.OrganisationId"] = welfare.ToString(),
        })).Location);
        Assert.Equal("doorgegeven aan professionele hulp", await StateTextAsync(client, secondUrl));

        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystemFor(world.A.Id);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var proposal = await db.Proposals.SingleAsync(p => p.NewcomerId == samir);
        Assert.Equal(welfare, proposal.OrganisationId);
        Assert.Equal(NewcomerAnswer.Pending, proposal.Answer);
        Assert.StartsWith("Signaal: De periode 'niet nu' liep tot en met", proposal.Reasons, StringComparison.Ordinal);
        var audit = await db.AuditEntries.Where(a => a.ObjectType == nameof(Signal) && a.ObjectId == first.ToString()).ToListAsync();
        Assert.Equal(3, audit.Count(a => a.Action == AuditAction.Update && a.ActorId == userId));
        Assert.Contains(audit, a => a.Action == AuditAction.View && a.ActorId == userId);
    }

    [Fact]
    public async Task Another_municipalitys_signal_is_not_found_and_a_coordinator_sees_all_signals_and_caseloads()
    {
        await using var app = NewApp();
        var world = await TestWorld.SeedAsync(app);
        var caseManager = await world.CreateUserAsync(world.A, Roles.CaseManager);
        var caseManagerId = await world.UserIdOfAsync(caseManager);
        await PersonAsync(app, world.A.Id, "Yonas", caseManagerId, new DateOnly(2026, 11, 30));
        await PersonAsync(app, world.A.Id, "Samir", caseManagerId, new DateOnly(2026, 11, 30));
        await EvaluateAsync(app);

        using var coordinator = new ThuisClient(app);
        await coordinator.SignInOrFailAsync(await world.CreateUserAsync(world.A, Roles.Coordinator));
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.GetAsync($"/signalen/{world.B.SignalId}")).Status);
        var all = await coordinator.GetAsync("/signalen");
        Assert.Contains("Yonas", all.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(world.B.NewcomerName, all.Text, StringComparison.Ordinal);
        var load = all.Document.QuerySelectorAll("[data-testid=caseload-row]").Single(r => r.TextContent.Contains("Test klantregisseur", StringComparison.Ordinal)
            && r.QuerySelectorAll("td")[0].TextContent.Trim() == "2");
        var openSignals = await OpenSignalCountAsync(app, world.A.Id, caseManagerId);
        Assert.Equal(openSignals.ToString(System.Globalization.CultureInfo.InvariantCulture), load.QuerySelectorAll("td")[1].TextContent.Trim());

        var filtered = await coordinator.GetAsync($"/signalen?soort={SignalKind.NotNowEnded}&klantregisseur={caseManagerId}");
        var rows = filtered.Document.QuerySelectorAll("[data-testid=signal-row]");
        Assert.Equal(2, rows.Length);
        Assert.All(rows, r => Assert.Contains("niet nu", r.TextContent, StringComparison.Ordinal));
    }

    private static ThuisAppFactory NewApp() => new() { ConfigureTestServices = s => s.AddSingleton<TimeProvider>(new FakeTimeProvider(Now)) };

    private static async Task<string> StateTextAsync(ThuisClient client, string url) =>
        (await client.GetAsync(url)).Document.QuerySelectorAll(".utrecht-data-list__item")
            .Single(i => i.QuerySelector("dt")!.TextContent == "Stand").QuerySelector("dd")!.TextContent.Trim();

    /// <summary>Someone whose "niet nu" ended on the given day, guided by the given case manager.</summary>
    private static async Task<Guid> PersonAsync(ThuisAppFactory app, Guid municipalityId, string name, string caseManagerId, DateOnly pausedUntil)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystemFor(municipalityId);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var newcomer = People.Newcomer(municipalityId, name, "Tesfay", new DateOnly(1992, 4, 4));
        newcomer.AssignCaseManager(caseManagerId);
        newcomer.Pause(pausedUntil, "Eerst de verhuizing");
        db.Newcomers.Add(newcomer);
        await db.SaveChangesAsync();
        return newcomer.Id;
    }

    private static async Task EvaluateAsync(ThuisAppFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<EvaluateSignals>().RunOnceAsync(Now);
    }

    private static async Task<Guid> SignalOfAsync(ThuisAppFactory app, Guid municipalityId, Guid newcomerId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystemFor(municipalityId);
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Signals
            .Where(s => s.NewcomerId == newcomerId && s.Kind == SignalKind.NotNowEnded).Select(s => s.Id).SingleAsync();
    }

    private static async Task<int> OpenSignalCountAsync(ThuisAppFactory app, Guid municipalityId, string caseManagerId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystemFor(municipalityId);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.Signals.CountAsync(s => s.ClosedOn == null && db.Newcomers.Any(n => n.Id == s.NewcomerId && n.CaseManagerId == caseManagerId));
    }
}
