using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Thuis.Web.Features.Accounts;
using Thuis.Web.Features.Own;
using Thuis.Web.Platform.Auditing;
using Thuis.Web.Platform.Localization;
using Thuis.Web.Platform.Security;
using Thuis.Web.Tests.Infrastructure;
using static Thuis.Web.Tests.OwnAccessTests;

namespace Thuis.Web.Tests;

/// <summary>
/// The newcomer's own Thuis in their language, remembered with their account, and Mijn gegevens: their data as a page
/// and a download, and who looked at their dossier — roles and organisations, never staff names, never anyone else's.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class OwnLanguageAndDataTests(AppFixture fixture)
{
    private TestWorld World => fixture.World;

    [Fact]
    public async Task The_letter_comes_in_Dutch_and_in_the_persons_language_and_its_link_opens_the_activation_in_that_language()
    {
        var person = await PersonWithPlanAsync(fixture.App, World.A);
        using var caseManager = await SignedInAsync(World.A, Roles.CaseManager);
        var letter = await InviteAsync(caseManager, person.Id, "ar");

        var letters = letter.Page.Document.QuerySelectorAll("article.thuis-letter");
        Assert.Equal(2, letters.Length);
        Assert.Equal("nl", letters[0].GetAttribute("lang"));
        Assert.Equal(("ar", "rtl"), (letters[1].GetAttribute("lang"), letters[1].GetAttribute("dir")));
        Assert.Contains("Thuis الخاص بك على هاتفك", letters[1].TextContent, StringComparison.Ordinal);
        Assert.Contains(letter.Code, letters[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("ديسمبر", letters[1].TextContent + OwnWords.Date(new DateOnly(2026, 12, 1), Languages.Find("ar")), StringComparison.Ordinal);

        using var newcomer = fixture.NewClient();
        var page = await newcomer.GetAsync($"{AccountsSetup.ActivationPath}?taal=ar");
        Assert.Equal(("ar", "rtl"), (page.Document.DocumentElement.GetAttribute("lang"), page.Document.DocumentElement.GetAttribute("dir")));
        Assert.Contains("تفعيل Thuis الخاص بي", page.Document.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        // Every error in Arabic too, beside its field and in the summary.
        var empty = await newcomer.SubmitAsync($"{AccountsSetup.ActivationPath}?taal=ar", "activeren", new Dictionary<string, string>
        {
            ["Input.SignInName"] = "",
            ["Input.Code"] = "",
            ["Input.Password"] = "",
            ["Input.RepeatPassword"] = "",
        });
        Assert.Contains("اكتب اسم المستخدم", empty.Document.QuerySelector(".thuis-error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("اكتب الرمز الموجود في الرسالة", empty.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Vul", empty.Document.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_language_the_person_activates_in_and_later_chooses_follows_them_to_another_phone_and_only_to_their_pages()
    {
        var person = await PersonWithPlanAsync(fixture.App, World.A);
        using var caseManager = await SignedInAsync(World.A, Roles.CaseManager);
        var letter = await InviteAsync(caseManager, person.Id, "ti");
        using var phone = fixture.NewClient();
        var activated = await phone.SubmitAsync($"{AccountsSetup.ActivationPath}?taal=ti", "activeren", new Dictionary<string, string>
        {
            ["Input.SignInName"] = letter.SignInName,
            ["Input.Code"] = letter.Code,
            ["Input.Password"] = "mijn eigen lange wachtwoord",
            ["Input.RepeatPassword"] = "mijn eigen lange wachtwoord",
        });
        Assert.Equal(HttpStatusCode.Redirect, activated.Status);
        Assert.Equal("ti", await AccountLanguageAsync(person));

        var start = await phone.GetAsync("/mijn/plan");
        Assert.Equal(("ti", "ltr"), (start.Document.DocumentElement.GetAttribute("lang"), start.Document.DocumentElement.GetAttribute("dir")));
        Assert.Contains("መደበይ", start.Document.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        // The step's wording stays as the case manager wrote it.
        Assert.Contains(person.Step, start.Text, StringComparison.Ordinal);

        var chosen = await phone.SubmitAsync(OwnSetup.LanguagePath, "taal", new Dictionary<string, string> { ["Input.Culture"] = "fa-AF" });
        Assert.Equal($"{OwnSetup.LanguagePath}?opgeslagen=1", chosen.Location);
        Assert.Equal("fa-AF", await AccountLanguageAsync(person));
        var unknown = await phone.SubmitAsync(OwnSetup.LanguagePath, "taal", new Dictionary<string, string> { ["Input.Culture"] = "xx" });
        Assert.Contains("یکی از زبان‌های زیر را انتخاب کنید.", unknown.Text, StringComparison.Ordinal);
        Assert.Equal("fa-AF", await AccountLanguageAsync(person));

        using var otherPhone = fixture.NewClient();
        await otherPhone.SignInAsync(letter.SignInName, "mijn eigen lange wachtwoord");
        var plan = await otherPhone.GetAsync("/mijn/plan");
        Assert.Equal(("fa-AF", "rtl"), (plan.Document.DocumentElement.GetAttribute("lang"), plan.Document.DocumentElement.GetAttribute("dir")));
        Assert.Contains("پلان من", plan.Document.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        // Dates on the Gregorian calendar, with the Afghan month names.
        var due = Today.InTheNetherlands(TimeProvider.System).AddDays(30);
        Assert.Contains(OwnWords.Date(due, Languages.Find("fa-AF")), plan.Text, StringComparison.Ordinal);
        Assert.Contains(due.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), OwnWords.Date(due, Languages.Find("fa-AF")), StringComparison.Ordinal);

        // A page outside the person's own Thuis speaks only Dutch or English, whatever the browser remembers.
        var staffPage = await otherPhone.GetAsync("/over");
        Assert.Equal(("nl", "ltr"), (staffPage.Document.DocumentElement.GetAttribute("lang"), staffPage.Document.DocumentElement.GetAttribute("dir")));
    }

    [Fact]
    public async Task Mijn_gegevens_shows_the_persons_own_details_and_who_looked_at_their_dossier_without_names_or_other_people()
    {
        var own = await PersonWithPlanAsync(fixture.App, World.A);
        var neighbour = await PersonWithPlanAsync(fixture.App, World.A);
        using var caseManager = await SignedInAsync(World.A, Roles.CaseManager);
        await caseManager.GetAsync($"/dossiers/{own.Id}");
        await caseManager.GetAsync($"/dossiers/{own.Id}/intake/financien");
        await caseManager.GetAsync($"/dossiers/{neighbour.Id}");
        await caseManager.GetAsync($"/dossiers/{neighbour.Id}");
        using var newcomer = await ActivatedAsync(fixture, own);

        var page = await newcomer.GetAsync(OwnSetup.DataPath);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var details = page.Document.QuerySelector("[data-testid=own-details]")!.TextContent;
        Assert.Contains(own.Bsn, details, StringComparison.Ordinal);
        Assert.DoesNotContain(neighbour.Bsn, page.Text, StringComparison.Ordinal);

        var looks = page.Document.QuerySelector("[data-testid=own-looks]")!.TextContent;
        Assert.Contains($"Klantregisseur — {World.A.Name}", looks, StringComparison.Ordinal);
        Assert.Contains("bekeek uw dossier", looks, StringComparison.Ordinal);
        Assert.DoesNotContain("Test Klantregisseur", page.Text, StringComparison.Ordinal);
        // Exactly the staff's entries about this person: the case manager's two views (and the invitation's changes).
        var expected = await Groups.ReadAsync(fixture.App, World.A, db => db.AuditEntries
            .CountAsync(a => a.PersonId == own.Id && a.ActorId != CurrentUser.SystemActor && a.Result == AuditResult.Success
                && !db.Users.Any(u => u.Id == a.ActorId && u.NewcomerId != null)));
        var shown = page.Document.QuerySelectorAll("[data-testid=own-looks] li")
            .Sum(li => int.Parse(System.Text.RegularExpressions.Regex.Match(li.TextContent, @"\((\d+) keer\)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(expected, shown);
        Assert.True(shown >= 2, $"Verwacht minstens de twee blikken van de klantregisseur, maar zag {shown}");
    }

    [Fact]
    public async Task The_download_holds_the_whole_own_dossier_and_nothing_of_anyone_else()
    {
        var own = await PersonWithPlanAsync(fixture.App, World.A);
        var neighbour = await PersonWithPlanAsync(fixture.App, World.A);
        using var newcomer = await ActivatedAsync(fixture, own);

        using var response = await newcomer.Http.GetAsync(OwnSetup.DataDownloadPath, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("mijn-gegevens-", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName ?? "", StringComparison.Ordinal);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        using var json = JsonDocument.Parse(text);
        Assert.Equal("thuis-mijn-gegevens", json.RootElement.GetProperty("format").GetString());
        Assert.Equal(own.Bsn, json.RootElement.GetProperty("person").GetProperty("bsn").GetString());
        Assert.Contains(own.Step, text, StringComparison.Ordinal);
        Assert.True(json.RootElement.TryGetProperty("wieKeekInUwDossier", out _));
        Assert.DoesNotContain(neighbour.Bsn, text, StringComparison.Ordinal);
        Assert.DoesNotContain(neighbour.Step, text, StringComparison.Ordinal);
        // The person's own look is in the trail, with its purpose.
        Assert.True(await Groups.ReadAsync(fixture.App, World.A, db => db.AuditEntries.AnyAsync(a => a.PersonId == own.Id && a.Purpose == ViewOwnData.Purpose)));

        using var staff = await SignedInAsync(World.A, Roles.CaseManager);
        using var refused = await staff.Http.GetAsync(OwnSetup.DataDownloadPath, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    private Task<string?> AccountLanguageAsync(Person person) =>
        Groups.ReadAsync(fixture.App, person.Municipality, db => db.Users.Where(u => u.NewcomerId == person.Id).Select(u => u.OwnLanguage).SingleAsync());

    private async Task<ThuisClient> SignedInAsync(TestMunicipality municipality, string role)
    {
        var client = fixture.NewClient();
        await client.SignInOrFailAsync(await World.CreateUserAsync(municipality, role));
        return client;
    }
}
