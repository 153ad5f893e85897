using DocumentFormat.OpenXml.Packaging;
using Microsoft.Playwright;
using Thuis.Browser.Tests.Infrastructure;
using Thuis.Web.Features.Own;
using Thuis.Web.Platform.Localization;
using static Microsoft.Playwright.Assertions;

namespace Thuis.Browser.Tests;

public sealed class CvJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private const string AboutMe = "Ik ben leerkracht basisonderwijs met veertien jaar ervaring. Ik leer elke dag Nederlands en wil weer met kinderen werken.";

    [Fact]
    public async Task A_case_manager_opens_the_CV_from_the_dossier_writes_about_me_with_the_person_and_downloads_it()
    {
        await SignInAsync(CaseManagerOfDalfsen);

        // Samira Haddad taught at a primary school for fourteen years; her CV starts from her intake.
        await Page.GotoAsync("/dossiers?wie=alle");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Haddad, Samira" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Samira Haddad", Level = 1 })).ToBeVisibleAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "Cv", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Cv van Samira Haddad", Level = 1 })).ToBeVisibleAsync();
        await Expect(Page.GetByTestId("cv-work")).ToContainTextAsync("Leraar basisonderwijs");
        await Expect(Page.GetByTestId("cv-languages")).ToContainTextAsync("moedertaal");
        await AccessibleAtBothWidthsAsync("01-cv");

        // Too long an "Over mij": the summary at the top takes focus and leads to the field.
        await Page.GetByRole(AriaRole.Link, new() { Name = "Cv bewerken", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Cv bewerken", Level = 1 })).ToBeVisibleAsync();
        await AccessibleAtBothWidthsAsync("02-bewerken");
        var aboutMe = Page.GetByLabel("Over mij", new() { Exact = true });
        await aboutMe.FillAsync(new string('a', 1201));
        await Page.GetByRole(AriaRole.Button, new() { Name = "Opslaan", Exact = true }).ClickAsync();
        var summary = Page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "hoogstens 1200 tekens" });
        await Expect(summary).ToBeFocusedAsync();
        await Expect(aboutMe).ToHaveAttributeAsync("aria-describedby", new System.Text.RegularExpressions.Regex("over-mij-fout"));
        await AccessibleAtBothWidthsAsync("03-te-lang");

        // Written with her, and without her contact details for now.
        await aboutMe.FillAsync(AboutMe);
        await Page.GetByLabel("Contactgegevens weglaten", new() { Exact = true }).CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Opslaan", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Het cv is opgeslagen.");
        await Expect(Page.GetByTestId("cv-profile")).ToHaveTextAsync(AboutMe);
        await Expect(Page.Locator(".thuis-cv__contact")).ToHaveCountAsync(0);
        await AccessibleAtBothWidthsAsync("04-opgeslagen");

        // On paper: only the CV, no menu or buttons.
        await Page.EmulateMediaAsync(new() { Media = Media.Print });
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Cv van Samira Haddad", Level = 1 })).ToBeHiddenAsync();
        await SaveScreenshotAsync("05-afdruk");
        await Page.EmulateMediaAsync(new() { Media = Media.Screen });

        var download = await Page.RunAndWaitForDownloadAsync(() =>
            Page.GetByRole(AriaRole.Link, new() { Name = "Downloaden als Word-bestand (.docx)", Exact = true }).ClickAsync());
        Assert.Equal("cv-samira-haddad.docx", download.SuggestedFilename);
        var file = Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}.docx");
        await download.SaveAsAsync(file);
        try
        {
            using var document = WordprocessingDocument.Open(file, false);
            var text = document.MainDocumentPart!.Document!.Body!.InnerText;
            Assert.Contains(AboutMe, text, StringComparison.Ordinal);
            Assert.Contains("Leraar basisonderwijs", text, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task The_newcomer_reads_their_own_CV_in_Dutch_on_a_page_in_their_language()
    {
        await SignInWithPasswordAsync(Page, "nieuwkomer@dalfsen.example");
        await Expect(Page).ToHaveURLAsync(new Uri(Fixture.BaseAddress, OwnSetup.StartPath).ToString());

        await Page.GotoAsync($"{OwnSetup.CvPath}?{LocalizationSetup.LanguageParameter}=ar");

        await Expect(Page.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(OwnTexts.In(Languages.Find("ar")!, "CvTitle"));
        await Expect(Page.GetByTestId("own-cv-in-dutch")).ToHaveTextAsync(OwnTexts.In(Languages.Find("ar")!, "CvInDutch"));
        var sheet = Page.GetByTestId("cv");
        await Expect(sheet).ToHaveAttributeAsync("lang", "nl");
        await Expect(sheet).ToHaveAttributeAsync("dir", "ltr");
        await AccessibleAtBothWidthsAsync("01-mijn-cv");
        var download = await Page.RunAndWaitForDownloadAsync(() => Page.GetByTestId("own-cv-download").ClickAsync());
        Assert.EndsWith(".docx", download.SuggestedFilename, StringComparison.Ordinal);
    }
}
