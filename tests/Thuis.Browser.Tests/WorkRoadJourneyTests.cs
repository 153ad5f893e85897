using Microsoft.Playwright;
using Thuis.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Thuis.Browser.Tests;

public sealed class WorkRoadJourneyTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private const string Vacancy = "Helpende Zorg en Welzijn (leerwerkbaan)";

    [Fact]
    public async Task A_case_manager_builds_a_CV_with_a_candidate_proposes_the_vacancy_records_the_consent_and_follows_the_application()
    {
        await SignInAsync(CaseManagerOfDalfsen);

        // The vacancy on the social map, and the people it fits, with the reasons.
        await Page.GotoAsync($"/sociale-kaart/aanbod?zoek={Uri.EscapeDataString("Helpende Zorg")}");
        await Page.GetByRole(AriaRole.Link, new() { Name = $"Kandidaten voor {Vacancy}" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = $"Kandidaten voor {Vacancy}", Level = 1 })).ToBeVisibleAsync();
        await Expect(Page.GetByText("32 uur per week · tijdelijk contract")).ToBeVisibleAsync();
        var propose = Page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Voorstellen aan ") }).First;
        var name = (await propose.TextContentAsync())!.Trim()["Voorstellen aan ".Length..];
        await AccessibleAtBothWidthsAsync("01-kandidaten");
        var candidates = Page.Url;

        // First the CV, with the person: a few words about themselves.
        await Page.GetByRole(AriaRole.Link, new() { Name = name, Exact = true }).ClickAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "Cv", Exact = true }).ClickAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "Cv bewerken", Exact = true }).ClickAsync();
        await Page.GetByLabel("Over mij", new() { Exact = true }).FillAsync("Ik zorg graag voor mensen en wil werken in de zorg.");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Opslaan", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Het cv is opgeslagen.");

        // Proposed from the vacancy; the person says yes and consents to sharing the CV with the employer.
        await Page.GotoAsync(candidates);
        await Page.GetByRole(AriaRole.Button, new() { Name = $"Voorstellen aan {name}", Exact = true }).ClickAsync();
        await Expect(Page.GetByLabel("Bij ja: toestemming voor")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex($"^Cv en gegevens delen met .* voor een sollicitatie op: {System.Text.RegularExpressions.Regex.Escape(Vacancy)}"));
        await Page.GetByLabel("ja", new() { Exact = true }).CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Antwoord vastleggen" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Solliciteren", Level = 2 })).ToBeVisibleAsync();
        await AccessibleAtBothWidthsAsync("02-ja-met-toestemming");

        // The application, from the person's work page.
        await Page.GetByRole(AriaRole.Link, new() { Name = $"werk en sollicitaties van {name}" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^Werk: de weg van "));
        await AccessibleAtBothWidthsAsync("03-werk");
        await Page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex($"^Sollicitatie vastleggen.*{System.Text.RegularExpressions.Regex.Escape(Vacancy)}") }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(Vacancy);

        // Hired without the terms: the summary takes focus and names every missing part.
        await Page.GetByLabel("aangenomen", new() { Exact = true }).CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Stap opslaan" }).ClickAsync();
        var summary = Page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Kies het contract." });
        await Expect(summary).ToBeFocusedAsync();
        await Expect(summary).ToContainTextAsync("Kies wat het werk met de uitkering doet.");
        await AccessibleAtBothWidthsAsync("04-fouten");

        await Page.GetByLabel("op gesprek", new() { Exact = true }).CheckAsync();
        await Page.GetByLabel("Toelichting").FillAsync("Gesprek met de teamleider, samen met de jobcoach.");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Stap opslaan" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("De stap is opgeslagen.");
        await Expect(Page.GetByRole(AriaRole.List, new() { Name = "Verloop" })).ToContainTextAsync("op gesprek: Gesprek met de teamleider, samen met de jobcoach.");
        await AccessibleAtBothWidthsAsync("05-op-gesprek");

        // A job coach: nothing chosen is refused with every message at once, and what was typed stays.
        await Page.GetByRole(AriaRole.Link, new() { Name = $"← Werk van {name}" }).ClickAsync();
        await Page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("jobcoach kiezen$", System.Text.RegularExpressions.RegexOptions.IgnoreCase) }).ClickAsync();
        await Page.GetByLabel("Naam", new() { Exact = true }).FillAsync("");
        await Page.GetByLabel("Organisatie (optioneel)").FillAsync("Werkplein Vechtdal");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Jobcoach opslaan" }).ClickAsync();
        var missing = Page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Vul de naam van de jobcoach in." });
        await Expect(missing).ToBeFocusedAsync();
        await Expect(Page.GetByLabel("Organisatie (optioneel)")).ToHaveValueAsync("Werkplein Vechtdal");
        await AccessibleAtBothWidthsAsync("06-jobcoach-fout");
        await Page.GetByLabel("professional", new() { Exact = true }).CheckAsync();
        await Page.GetByLabel("Naam", new() { Exact = true }).FillAsync("Ruud Werkcoach");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Jobcoach opslaan" }).ClickAsync();
        await Expect(Page.GetByTestId("jobcoach")).ToContainTextAsync("Ruud Werkcoach (professional, Werkplein Vechtdal)");
        await Expect(Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("De jobcoach is opgeslagen.");
    }

    [Fact]
    public async Task A_coordinator_gives_a_vacancy_its_hours_and_contract_and_too_many_hours_are_refused_without_losing_the_rest()
    {
        await SignInAsync("coordinator@dalfsen.example");
        await Page.GotoAsync($"/sociale-kaart/aanbod?zoek={Uri.EscapeDataString("Timmerman")}");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Timmerman in opleiding wijzigen" }).ClickAsync();
        await Expect(Page.GetByLabel("Uren per week (optioneel)")).ToHaveValueAsync("38");
        await Page.GetByLabel("Uren per week (optioneel)").FillAsync("70");
        await Page.GetByLabel("Contract (alleen voor een baan)").SelectOptionAsync(new SelectOptionValue { Label = "vast contract" });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Opslaan", Exact = true }).ClickAsync();
        var summary = Page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Het aantal uren per week loopt van 1 tot en met 60." });
        await Expect(summary).ToBeFocusedAsync();
        await Expect(Page.GetByLabel("Contract (alleen voor een baan)")).ToHaveValueAsync("Permanent");
        await AccessibleAtBothWidthsAsync("01-vacature-fout");
        await Page.GetByLabel("Uren per week (optioneel)").FillAsync("32");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Opslaan", Exact = true }).ClickAsync();
        await Page.GotoAsync($"/sociale-kaart/aanbod?zoek={Uri.EscapeDataString("Timmerman")}");
        await Expect(Page.Locator("tr[id^=aanbod-]").Filter(new() { HasText = "Timmerman in opleiding" })).ToContainTextAsync("32 uur per week · vast contract");
        await AccessibleAtBothWidthsAsync("02-vacatures");
    }
}
