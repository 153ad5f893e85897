using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Thuis.Web.Data;
using Thuis.Web.Features.Dossiers;
using Thuis.Web.Features.Retention;
using Thuis.Web.Platform.Localization;
using Thuis.Web.Platform.Security;
using Thuis.Web.Tests.Infrastructure;

namespace Thuis.Web.Tests;

/// <summary>The retention terms: the daily run erases what is past its term, and only that.</summary>
[Collection(AppCollection.Name)]
public sealed class RetentionTests(AppFixture fixture)
{
    private TestWorld World => fixture.World;

    private static DateOnly Today => TimeProvider.System.InTheNetherlands();

    [Fact]
    public void Closing_a_dossier_starts_the_term_and_reopening_it_stops_it()
    {
        var newcomer = People.Newcomer(Guid.NewGuid(), "Amal", "Yousef", new DateOnly(1990, 1, 1));
        Assert.Null(newcomer.ClosedOn);

        newcomer.Complete("Inburgeringsplicht voldaan", new DateOnly(2026, 3, 1));
        newcomer.MarkMovedAway("Verhuisd", new DateOnly(2026, 4, 1));
        Assert.Equal(new DateOnly(2026, 3, 1), newcomer.ClosedOn);

        newcomer.Resume();
        Assert.Null(newcomer.ClosedOn);
        newcomer.MarkMovedAway("Verhuisd", new DateOnly(2026, 5, 1));
        newcomer.Pause(new DateOnly(2026, 12, 1), "Even rust");
        Assert.Null(newcomer.ClosedOn);
        Assert.Equal(new DateOnly(2031, 5, 1), RetentionRules.EraseOn(new DateOnly(2026, 5, 1)));
    }

    [Fact]
    public async Task The_daily_run_erases_a_dossier_five_years_after_it_closed_keeps_a_younger_one_and_reports_what_it_erased()
    {
        var municipality = await World.AddMunicipalityAsync("Bewaardorp");
        var (old, young) = (People.Newcomer(municipality.Id, "Oud", "Dossier", new DateOnly(1980, 2, 3), bsn: "123456782"),
            People.Newcomer(municipality.Id, "Jong", "Dossier", new DateOnly(1985, 4, 5)));
        old.Complete("Inburgeringsplicht voldaan", Today.AddYears(-5).AddDays(-1));
        young.Complete("Inburgeringsplicht voldaan", Today.AddYears(-5).AddDays(1));
        await using (var scope = ScopeOf(municipality))
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.Newcomers.AddRange(old, young);
            await db.SaveChangesAsync();
        }
        var ownAccount = await World.CreateNewcomerUserAsync(municipality, old.Id, old.GivenNames);

        await using (var scope = fixture.App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ApplyRetention>().RunOnceAsync(DateTimeOffset.UtcNow);
        }

        await using (var scope = ScopeOf(municipality))
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var erased = await db.Newcomers.AsNoTracking().SingleAsync(n => n.Id == old.Id);
            Assert.NotNull(erased.ErasedAt);
            Assert.Equal(("Gewist", erased.Reference, (string?)null), (erased.GivenNames, erased.FamilyName, erased.Bsn));
            Assert.Equal(new DateOnly(1980, 7, 1), erased.DateOfBirth);
            Assert.Equal(old.ClosedOn, erased.ClosedOn);
            var kept = await db.Newcomers.AsNoTracking().SingleAsync(n => n.Id == young.Id);
            Assert.Null(kept.ErasedAt);
            Assert.Equal("Jong", kept.GivenNames);
            Assert.False(await db.Users.AnyAsync(u => u.NewcomerId == old.Id));
            var erasure = await db.Erasures.AsNoTracking().SingleAsync();
            Assert.Equal((old.Id, ErasureReason.TermPassed, ErasureState.Done), (erasure.NewcomerId, erasure.Reason, erasure.State));
        }
        using var gone = fixture.NewClient();
        Assert.NotEqual("/", (await gone.SignInAsync(ownAccount, TestWorld.Password)).Location);

        using var administrator = await SignedInAsync(municipality, Roles.Administrator);
        var page = await administrator.GetAsync(RetentionSetup.Path);
        var row = page.Document.QuerySelector($"[data-testid=erasure][data-key='{old.Reference}']");
        Assert.NotNull(row);
        Assert.Contains("bewaartermijn verstreken", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("dagelijkse ronde", row.TextContent, StringComparison.Ordinal);
        Assert.Single(page.Document.QuerySelectorAll("[data-testid=erasure]"));
        Assert.DoesNotContain("Oud", page.Text, StringComparison.Ordinal);
        Assert.True((await AuditTampering.VerifyAsync(fixture.App, municipality.Id)).IsIntact);
    }

    [Fact]
    public async Task A_request_to_erase_takes_two_administrators_neither_of_them_once_more_and_the_second_erases()
    {
        var municipality = await World.AddMunicipalityAsync("Wisdorp");
        var person = await AddPersonAsync(municipality, "Rana", "Khalil");
        // Registered half a year ago without a plan: the PIP deadline's signal is open.
        Assert.True(await OpenSignalsAsync(municipality, person.Id) > 0);
        using var caseManager = await SignedInAsync(municipality, Roles.CaseManager);
        var address = $"/dossiers/{person.Id}/wissen";

        var empty = await caseManager.SubmitAsync(address, "wissen", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.OK, empty.Status);
        var summary = empty.Document.QuerySelector(".thuis-error-summary")!.TextContent;
        Assert.Contains("Kies waarom", summary, StringComparison.Ordinal);
        Assert.Contains("Vul de datum in", summary, StringComparison.Ordinal);
        var future = await caseManager.SubmitAsync(address, "wissen", Request(ErasureReason.PersonAsked, Today.AddDays(1)));
        Assert.Contains("niet na vandaag", future.Text, StringComparison.Ordinal);
        Assert.Equal(0, await ErasuresAsync(municipality));

        var recorded = await caseManager.SubmitAsync(address, "wissen", Request(ErasureReason.PersonAsked, Today.AddDays(-3)));
        Assert.Equal($"/dossiers/{person.Id}?gewijzigd=1", recorded.Location);
        Assert.NotNull((await caseManager.GetAsync(address)).Document.QuerySelector("[data-testid=open-request]"));

        using var first = await SignedInAsync(municipality, Roles.Administrator);
        using var second = await SignedInAsync(municipality, Roles.Administrator);
        var overview = await first.GetAsync(RetentionSetup.Path);
        var link = overview.Document.QuerySelector($"[data-testid=open-erasure][data-key='{person.Reference}'] a")!.GetAttribute("href")!;
        Assert.Contains(Today.AddDays(-3).AddMonths(1).Day.ToString(System.Globalization.CultureInfo.InvariantCulture), overview.Document.QuerySelector("[data-testid=open-erasure]")!.TextContent, StringComparison.Ordinal);

        Assert.StartsWith(RetentionSetup.Path, (await first.SubmitAsync(link, "akkoord", new Dictionary<string, string>())).Location, StringComparison.Ordinal);
        Assert.Null((await NewcomerAsync(municipality, person.Id)).ErasedAt);
        var again = await first.SubmitAsync(link, "akkoord", new Dictionary<string, string>());
        Assert.Contains("Een tweede functioneel beheerder", again.Text, StringComparison.Ordinal);
        Assert.Null((await NewcomerAsync(municipality, person.Id)).ErasedAt);

        Assert.StartsWith(RetentionSetup.Path, (await second.SubmitAsync(link, "akkoord", new Dictionary<string, string>())).Location, StringComparison.Ordinal);
        var erased = await NewcomerAsync(municipality, person.Id);
        Assert.NotNull(erased.ErasedAt);
        Assert.Equal(DossierStatus.Completed, erased.Status);
        Assert.Equal(0, await OpenSignalsAsync(municipality, person.Id));
        Assert.DoesNotContain("Rana", (await caseManager.GetAsync($"/dossiers/{person.Id}")).Text, StringComparison.Ordinal);
        var report = (await second.GetAsync(RetentionSetup.Path)).Document.QuerySelector($"[data-testid=erasure][data-key='{person.Reference}']")!.TextContent;
        Assert.Contains("op verzoek van de persoon", report, StringComparison.Ordinal);
        Assert.True((await AuditTampering.VerifyAsync(fixture.App, municipality.Id)).IsIntact);
    }

    [Fact]
    public async Task An_administrator_may_refuse_with_a_reason_and_whoever_recorded_it_cannot_approve_it()
    {
        var municipality = await World.AddMunicipalityAsync("Weigerdorp");
        var person = await AddPersonAsync(municipality, "Hiwet", "Tesfay");
        var requester = await World.CreateUserAsync(municipality, Roles.Administrator, Roles.CaseManager);
        using var both = fixture.NewClient();
        await both.SignInOrFailAsync(requester);
        await both.SubmitAsync($"/dossiers/{person.Id}/wissen", "wissen", Request(ErasureReason.Deceased, Today));
        var link = (await both.GetAsync(RetentionSetup.Path)).Document.QuerySelector("[data-testid=open-erasure] a")!.GetAttribute("href")!;

        Assert.Contains("Wie het verzoek vastlegde", (await both.SubmitAsync(link, "akkoord", new Dictionary<string, string>())).Text, StringComparison.Ordinal);

        using var administrator = await SignedInAsync(municipality, Roles.Administrator);
        var withoutReason = await administrator.SubmitAsync(link, "afwijzen", new Dictionary<string, string> { ["Refusal.Reason"] = " " });
        Assert.Contains("Schrijf op waarom", withoutReason.Text, StringComparison.Ordinal);
        var refused = await administrator.SubmitAsync(link, "afwijzen",
            new Dictionary<string, string> { ["Refusal.Reason"] = "Nog nodig voor de inburgeringsplicht (AVG art. 17 lid 3 sub b)." });
        Assert.StartsWith(RetentionSetup.Path, refused.Location, StringComparison.Ordinal);

        Assert.Equal("Hiwet", (await NewcomerAsync(municipality, person.Id)).GivenNames);
        var row = (await administrator.GetAsync(RetentionSetup.Path)).Document.QuerySelector("[data-testid=erasure]")!.TextContent;
        Assert.Contains("afgewezen: Nog nodig", row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_privacy_officer_reads_the_retention_page_without_deciding_and_dossier_roles_do_not_see_it()
    {
        var municipality = await World.AddMunicipalityAsync("Leesdorp");
        var person = await AddPersonAsync(municipality, "Sara", "Haile");
        using (var caseManager = await SignedInAsync(municipality, Roles.CaseManager))
        {
            await caseManager.SubmitAsync($"/dossiers/{person.Id}/wissen", "wissen", Request(ErasureReason.PersonAsked, Today));
            Assert.Equal(HttpStatusCode.Forbidden, (await caseManager.GetAsync(RetentionSetup.Path)).Status);
        }
        using var officer = await SignedInAsync(municipality, Roles.PrivacyOfficer);
        var page = await officer.GetAsync(RetentionSetup.Path);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.NotNull(page.Document.QuerySelector("[data-testid=open-erasure]"));
        Assert.Null(page.Document.QuerySelector("[data-testid=open-erasure] a"));
        Assert.NotNull(page.Document.QuerySelector("[data-testid=retention-rules] [data-key=dossier]"));
        Assert.Contains(RetentionRules.DossierSource, page.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync($"/dossiers/{person.Id}/wissen")).Status);
    }

    private static Dictionary<string, string> Request(ErasureReason reason, DateOnly receivedOn) => new()
    {
        ["Input.Reason"] = reason.ToString(),
        ["Input.ReceivedOn"] = receivedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
    };

    private async Task<Newcomer> AddPersonAsync(TestMunicipality municipality, string given, string family)
    {
        await using var scope = ScopeOf(municipality);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var person = People.Newcomer(municipality.Id, given, family, new DateOnly(1992, 8, 9));
        db.Newcomers.Add(person);
        await db.SaveChangesAsync();
        return person;
    }

    private async Task<Newcomer> NewcomerAsync(TestMunicipality municipality, Guid id)
    {
        await using var scope = ScopeOf(municipality);
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Newcomers.AsNoTracking().SingleAsync(n => n.Id == id);
    }

    private async Task<int> OpenSignalsAsync(TestMunicipality municipality, Guid personId)
    {
        await using var scope = ScopeOf(municipality);
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Signals.CountAsync(s => s.NewcomerId == personId && s.ClosedOn == null);
    }

    private async Task<int> ErasuresAsync(TestMunicipality municipality)
    {
        await using var scope = ScopeOf(municipality);
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Erasures.CountAsync();
    }

    private async Task<ThuisClient> SignedInAsync(TestMunicipality municipality, string role)
    {
        var email = await World.CreateUserAsync(municipality, role);
        var client = fixture.NewClient();
        await client.SignInOrFailAsync(email);
        return client;
    }

    private AsyncServiceScope ScopeOf(TestMunicipality municipality)
    {
        var scope = fixture.App.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystemFor(municipality.Id);
        return scope;
    }
}
