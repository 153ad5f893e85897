using System.Text;
using Microsoft.Playwright;
using Thuis.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Thuis.Browser.Tests;

public sealed class ImportTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    // Another test signs the demo case manager out, which ends every session of that account; the
    // coordinator, who may import too, is used by no other test.
    private const string CoordinatorOfDalfsen = "coordinator@dalfsen.example";

    [Fact]
    public async Task A_coordinator_uploads_a_csv_from_the_caseload_and_sees_what_was_imported_and_what_was_refused()
    {
        await SignInAsync(CoordinatorOfDalfsen);
        await Page.GotoAsync("/dossiers");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Importeren uit CSV", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Statushouders importeren");

        // Excel in the Netherlands writes semicolons and, as "CSV UTF-8", a byte order mark.
        var csv = "\uFEFFvoornamen;achternaam;geboortedatum;land_van_herkomst;bsn;datum_inschrijving\r\n"
            + "Parwana;Noori;03-03-1993;Afghanistan;999970008;01-09-2025\r\n"
            + "Dawit;Berhane;31-02-1990;Eritrea;999970021;01-09-2025\r\n";
        await Page.GetByLabel("CSV-bestand").SetInputFilesAsync(new FilePayload
        {
            Name = "taakstelling.csv",
            MimeType = "text/csv",
            Buffer = Encoding.UTF8.GetBytes(csv),
        });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Importeren", Exact = true }).ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("1 statushouder geïmporteerd, 0 bestonden al, 1 regel afgewezen.");
        var refused = Page.GetByRole(AriaRole.Table, new() { Name = "Afgewezen regels" });
        await Expect(refused).ToContainTextAsync("Dawit Berhane");
        await Expect(refused).ToContainTextAsync("De geboortedatum ‘31-02-1990’ is geen datum");
        await SaveScreenshotAsync("resultaat");
        await Accessibility.AssertNoSeriousViolationsAsync(Page);

        await Page.GotoAsync("/dossiers?zoek=Noori&wie=alle");
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Noori, Parwana", Exact = true })).ToBeVisibleAsync();
    }
}
