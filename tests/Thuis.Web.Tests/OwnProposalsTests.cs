using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Thuis.Web.Data;
using Thuis.Web.Features.Dossiers;
using Thuis.Web.Features.Referrals;
using Thuis.Web.Features.Signals;
using Thuis.Web.Platform.Localization;
using Thuis.Web.Platform.Security;
using Thuis.Web.Tests.Infrastructure;

namespace Thuis.Web.Tests;

/// <summary>
/// The person answers proposals in their own Thuis, gives consent themselves, and withdraws it; the case manager and the
/// partner see what follows from it.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class OwnProposalsTests(AppFixture fixture)
{
    private const string Phone = "06 1234 5678";
    private const string Email = "hana@voorbeeld.test";

    private TestWorld World => fixture.World;

    private static DateOnly Today => Groups.Today;

    [Fact]
    public async Task Saying_yes_with_consent_is_recorded_as_the_persons_own_and_the_case_manager_sees_who_answered()
    {
        var person = await PersonWithProposalAsync(World.A);
        using var newcomer = await SignedInAsync(person);

        var start = await newcomer.GetAsync("/mijn");
        Assert.Equal("Er wacht 1 voorstel op uw antwoord.", start.Document.QuerySelector("[data-testid=own-waiting-proposals]")!.TextContent.Trim());
        var list = await newcomer.GetAsync("/mijn/voorstellen");
        Assert.Contains(person.What, list.Document.QuerySelector("[data-testid=own-proposal]")!.TextContent, StringComparison.Ordinal);

        var page = await newcomer.GetAsync($"/mijn/voorstellen/{person.ProposalId}");
        var terms = Squeeze(page.Document.QuerySelector("[data-testid=own-consent-terms]")!.TextContent);
        Assert.Contains(Squeeze($"Met wie: VluchtelingenWerk {World.A.Name}"), terms, StringComparison.Ordinal);
        Assert.Contains(Squeeze("Uw voornaam: Hana"), terms, StringComparison.Ordinal);
        Assert.Contains(Squeeze("Nooit: uw BSN, uw achternaam, uw gezondheid of uw geld."), terms, StringComparison.Ordinal);
        Assert.Contains(Squeeze($"Tot en met {DutchFormat.Date(Today.AddMonths(12))}."), terms, StringComparison.Ordinal);
        Assert.DoesNotContain(person.FamilyName, page.Text, StringComparison.Ordinal);
        Assert.Contains(Phone, page.Document.QuerySelector("label[for=deel-telefoon]")!.TextContent, StringComparison.Ordinal);
        // Nothing is chosen for the person.
        Assert.Empty(page.Document.QuerySelectorAll("input[type=radio][checked], input[type=checkbox][checked]"));

        var before = DateTimeOffset.UtcNow;
        var saved = await newcomer.SubmitAsync($"/mijn/voorstellen/{person.ProposalId}", "antwoord", new Dictionary<string, string>
        {
            ["Input.Answer"] = nameof(NewcomerAnswer.Yes),
            ["Input.Consent"] = "true",
            ["Input.SharePhone"] = "true",
        });
        Assert.Equal("/mijn/voorstellen?beantwoord=1", saved.Location);

        var recorded = await ReadAsync(World.A, async db => new
        {
            Proposal = await db.Proposals.AsNoTracking().SingleAsync(p => p.Id == person.ProposalId),
            Consent = await db.Consents.AsNoTracking().SingleAsync(c => c.ProposalId == person.ProposalId),
        });
        Assert.Equal((NewcomerAnswer.Yes, true, "Hana", Today), (recorded.Proposal.Answer, recorded.Proposal.AnsweredThemselves, recorded.Proposal.AnsweredBy, recorded.Proposal.AnsweredOn));
        Assert.InRange(recorded.Proposal.AnsweredAt!.Value, before.AddSeconds(-1), DateTimeOffset.UtcNow.AddSeconds(1));
        Assert.Equal((true, "Hana", true, false), (recorded.Consent.GivenThemselves, recorded.Consent.RecordedBy, recorded.Consent.SharesPhone, recorded.Consent.SharesEmail));
        Assert.Equal((Today, Today.AddMonths(12)), (recorded.Consent.GivenOn, recorded.Consent.ExpiresOn));
        Assert.True(recorded.Consent.IsValidOn(Today));

        var after = await newcomer.GetAsync("/mijn/voorstellen?beantwoord=1");
        Assert.Contains("Uw antwoord is opgeslagen.", after.Text, StringComparison.Ordinal);
        Assert.Contains($"U zei: ja. Op {DutchFormat.Date(Today)}.", after.Document.QuerySelector("[data-testid=own-answered-proposal]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Er wacht geen voorstel op uw antwoord.", (await newcomer.GetAsync("/mijn")).Document.QuerySelector("[data-testid=own-waiting-proposals]")!.TextContent.Trim());
        var consents = await newcomer.GetAsync("/mijn/toestemmingen");
        var consent = Squeeze(consents.Document.QuerySelector("[data-testid=own-consent]")!.TextContent);
        Assert.Contains(Squeeze("Wat: uw voornaam, uw taal, uw telefoonnummer"), consent, StringComparison.Ordinal);
        Assert.Contains(Squeeze($"U gaf deze toestemming zelf op {DutchFormat.Date(Today)}."), consent, StringComparison.Ordinal);

        using var caseManager = await StaffAsync(World.A, Roles.CaseManager);
        var proposals = await caseManager.GetAsync($"/dossiers/{person.Id}/voorstellen");
        Assert.Contains($"beantwoord door Hana zelf op {DutchFormat.Date(Today)}", proposals.Text, StringComparison.Ordinal);
        var proposal = await caseManager.GetAsync($"/dossiers/{person.Id}/voorstellen/{person.ProposalId}");
        Assert.Contains($"beantwoord door Hana zelf op {DutchFormat.Date(Today)}", proposal.Text, StringComparison.Ordinal);
        Assert.Contains($"gegeven door Hana zelf op {DutchFormat.Date(Today)}", proposal.Text, StringComparison.Ordinal);
        Assert.Contains("telefoonnummer delen, e-mailadres niet", proposal.Text, StringComparison.Ordinal);
        Assert.Contains("(door Hana zelf)", (await caseManager.GetAsync($"/dossiers/{person.Id}/verloop")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Saying_no_or_not_now_until_a_later_day_is_recorded_as_the_persons_own_answer()
    {
        var person = await PersonWithProposalAsync(World.A);
        var second = await AddProposalAsync(World.A, person.Id, "Fietsles voor volwassenen");
        using var newcomer = await SignedInAsync(person);
        Assert.Equal("Er wachten 2 voorstellen op uw antwoord.", (await newcomer.GetAsync("/mijn")).Document.QuerySelector("[data-testid=own-waiting-proposals]")!.TextContent.Trim());

        var no = await newcomer.SubmitAsync($"/mijn/voorstellen/{person.ProposalId}", "antwoord", new Dictionary<string, string>
        {
            ["Input.Answer"] = nameof(NewcomerAnswer.No),
            ["Input.Note"] = "Ik werk op dinsdag.",
        });
        Assert.Equal("/mijn/voorstellen?beantwoord=1", no.Location);
        var until = Today.AddDays(60);
        var notNow = await newcomer.SubmitAsync($"/mijn/voorstellen/{second}", "antwoord", new Dictionary<string, string>
        {
            ["Input.Answer"] = nameof(NewcomerAnswer.NotNow),
            ["Input.NotNowUntil"] = until.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        });
        Assert.Equal("/mijn/voorstellen?beantwoord=1", notNow.Location);

        var answers = await ReadAsync(World.A, db => db.Proposals.AsNoTracking().Where(p => p.NewcomerId == person.Id).ToListAsync());
        var first = answers.Single(p => p.Id == person.ProposalId);
        Assert.Equal((NewcomerAnswer.No, "Ik werk op dinsdag.", true, (DateOnly?)null), (first.Answer, first.AnswerNote, first.AnsweredThemselves, first.NotNowUntil));
        var later = answers.Single(p => p.Id == second);
        Assert.Equal((NewcomerAnswer.NotNow, true, (DateOnly?)until, (string?)null), (later.Answer, later.AnsweredThemselves, later.NotNowUntil, later.NotNowKind));
        Assert.Empty(await ReadAsync(World.A, db => db.Consents.Where(c => c.NewcomerId == person.Id).ToListAsync()));

        var list = await newcomer.GetAsync("/mijn/voorstellen");
        Assert.NotNull(list.Document.QuerySelector("[data-testid=own-no-proposals]"));
        var answered = list.Document.QuerySelectorAll("[data-testid=own-answered-proposal]").Select(e => e.TextContent).ToList();
        Assert.Contains(answered, a => a.Contains("U zei: nee.", StringComparison.Ordinal));
        Assert.Contains(answered, a => a.Contains($"Niet nu, tot en met {DutchFormat.Date(until)}.", StringComparison.Ordinal));
        // Answered is answered: the page says so and has no form, and a second post is refused.
        var again = await newcomer.GetAsync($"/mijn/voorstellen/{second}");
        Assert.NotNull(again.Document.QuerySelector("[data-testid=own-answered]"));
        Assert.DoesNotContain(again.Document.Forms, f => f.Elements.OfType<IHtmlInputElement>().Any(i => i.Value == "antwoord"));

        using var caseManager = await StaffAsync(World.A, Roles.CaseManager);
        var page = await caseManager.GetAsync($"/dossiers/{person.Id}/voorstellen/{second}");
        Assert.Contains($"niet nu — beantwoord door Hana zelf op {DutchFormat.Date(Today)}", page.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "Kies tot wanneer: een dag na vandaag.")]
    [InlineData("-1", "Die dag is vandaag of al voorbij. Kies een dag na vandaag.")]
    [InlineData("0", "Die dag is vandaag of al voorbij. Kies een dag na vandaag.")]
    public async Task Not_now_without_a_day_after_today_shows_the_error_beside_the_field_and_in_the_summary_and_keeps_the_input(string daysFromToday, string message)
    {
        var person = await PersonWithProposalAsync(World.A);
        using var newcomer = await SignedInAsync(person);
        var until = daysFromToday.Length == 0 ? "" : Today.AddDays(int.Parse(daysFromToday, System.Globalization.CultureInfo.InvariantCulture))
            .ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var page = await newcomer.SubmitAsync($"/mijn/voorstellen/{person.ProposalId}", "antwoord", new Dictionary<string, string>
        {
            ["Input.Answer"] = nameof(NewcomerAnswer.NotNow),
            ["Input.NotNowUntil"] = until,
            ["Input.Note"] = "Eerst de verhuizing.",
        });

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.NotNull(page.Document.QuerySelector(".utrecht-form-field--invalid #niet-nu-tot"));
        Assert.Equal(message, page.Document.QuerySelector("#niet-nu-tot-fout")!.TextContent.Trim());
        var summary = page.Document.QuerySelector(".thuis-error-summary")!;
        Assert.Equal(message, summary.QuerySelector("a[href$='#niet-nu-tot']")!.TextContent.Trim());
        Assert.StartsWith("Fout:", page.Document.Title, StringComparison.Ordinal);
        Assert.True(((IHtmlInputElement)page.Document.QuerySelector("#antwoord-NotNow")!).IsChecked);
        Assert.Equal(until, ((IHtmlInputElement)page.Document.QuerySelector("#niet-nu-tot")!).Value);
        Assert.Equal("Eerst de verhuizing.", page.Document.QuerySelector("#toelichting")!.TextContent);
        Assert.Equal(NewcomerAnswer.Pending, await AnswerOfAsync(World.A, person.ProposalId));
    }

    [Fact]
    public async Task Without_a_choice_or_without_ticking_consent_nothing_is_saved_and_each_error_stands_beside_its_field()
    {
        var person = await PersonWithProposalAsync(World.A);
        using var newcomer = await SignedInAsync(person);

        var none = await newcomer.SubmitAsync($"/mijn/voorstellen/{person.ProposalId}", "antwoord", new Dictionary<string, string>());
        Assert.Equal("Kies ja, nee of niet nu.", none.Document.QuerySelector("#antwoord-fout")!.TextContent.Trim());
        Assert.Equal("Kies ja, nee of niet nu.", none.Document.QuerySelector(".thuis-error-summary a[href$='#antwoord-Yes']")!.TextContent.Trim());

        var withoutConsent = await newcomer.SubmitAsync($"/mijn/voorstellen/{person.ProposalId}", "antwoord", new Dictionary<string, string>
        {
            ["Input.Answer"] = nameof(NewcomerAnswer.Yes),
            ["Input.ShareEmail"] = "true",
        });
        var message = $"Zet een vinkje als u toestemming geeft om te delen met VluchtelingenWerk {World.A.Name}. Zonder toestemming kan het niet.";
        Assert.Equal(message, withoutConsent.Document.QuerySelector("#toestemming-fout")!.TextContent.Trim());
        Assert.NotNull(withoutConsent.Document.QuerySelector(".thuis-error-summary a[href$='#toestemming']"));
        Assert.True(((IHtmlInputElement)withoutConsent.Document.QuerySelector("#antwoord-Yes")!).IsChecked);
        Assert.True(((IHtmlInputElement)withoutConsent.Document.QuerySelector("#deel-email")!).IsChecked);
        Assert.Equal(NewcomerAnswer.Pending, await AnswerOfAsync(World.A, person.ProposalId));
        Assert.Empty(await ReadAsync(World.A, db => db.Consents.Where(c => c.NewcomerId == person.Id).ToListAsync()));
    }

    [Fact]
    public async Task Another_persons_proposal_or_consent_answers_404_in_the_same_and_another_municipality_and_a_forged_post_changes_nothing()
    {
        var own = await PersonWithProposalAsync(World.A);
        var neighbour = await PersonWithProposalAsync(World.A);
        var elsewhere = await PersonWithProposalAsync(World.B);
        var neighbours = await AddAnsweredYesAsync(fixture.App, World.A, neighbour.Id);
        var elsewheres = await AddAnsweredYesAsync(fixture.App, World.B, elsewhere.Id);
        using var newcomer = await SignedInAsync(own);

        foreach (var (other, consent) in new[] { (neighbour, neighbours), (elsewhere, elsewheres) })
        {
            var page = await newcomer.GetAsync($"/mijn/voorstellen/{other.ProposalId}");
            Assert.Equal(HttpStatusCode.NotFound, page.Status);
            Assert.DoesNotContain(other.What, page.Text, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.NotFound, (await newcomer.GetAsync($"/mijn/toestemmingen/{consent.ConsentId}/intrekken")).Status);
            Assert.DoesNotContain(other.What, (await newcomer.GetAsync("/mijn/voorstellen")).Text, StringComparison.Ordinal);
            Assert.DoesNotContain(consent.What, (await newcomer.GetAsync("/mijn/toestemmingen")).Text, StringComparison.Ordinal);
        }

        // A form of the person's own proposal, posted to another person's: nothing changes there.
        var form = await newcomer.GetAsync($"/mijn/voorstellen/{own.ProposalId}");
        foreach (var (other, consent) in new[] { (neighbour, neighbours), (elsewhere, elsewheres) })
        {
            using var answer = Forged(form, "antwoord", new Dictionary<string, string>
            {
                ["Input.Answer"] = nameof(NewcomerAnswer.No),
                ["Input.Version"] = form.ValueOf("Input.Version")!,
            });
            using var answered = await newcomer.Http.PostAsync($"/mijn/voorstellen/{other.ProposalId}", answer);
            // The page finds no proposal and shows no form, so the post is not placed: refused, never saved.
            Assert.Contains(answered.StatusCode, new[] { HttpStatusCode.NotFound, HttpStatusCode.BadRequest });
            Assert.Equal(NewcomerAnswer.Pending, await AnswerOfAsync(other.Municipality, other.ProposalId));

            using var withdraw = Forged(form, "intrekken", new Dictionary<string, string> { ["Input.Confirm"] = "true" });
            using var withdrawn = await newcomer.Http.PostAsync($"/mijn/toestemmingen/{consent.ConsentId}/intrekken", withdraw);
            Assert.Contains(withdrawn.StatusCode, new[] { HttpStatusCode.NotFound, HttpStatusCode.BadRequest });
            Assert.Null(await ReadAsync(other.Municipality, db => db.Consents.Where(c => c.Id == consent.ConsentId).Select(c => c.WithdrawnOn).SingleAsync()));
        }
    }

    [Fact]
    public async Task Withdrawing_a_consent_after_confirming_ends_the_partners_view_and_raises_a_signal_for_the_case_manager()
    {
        var person = await PersonWithProposalAsync(World.A);
        using var newcomer = await SignedInAsync(person);
        Assert.Equal("/mijn/voorstellen?beantwoord=1", (await newcomer.SubmitAsync($"/mijn/voorstellen/{person.ProposalId}", "antwoord", new Dictionary<string, string>
        {
            ["Input.Answer"] = nameof(NewcomerAnswer.Yes),
            ["Input.Consent"] = "true",
            ["Input.SharePhone"] = "true",
        })).Location);

        // The case manager refers, within what the person agreed themselves: the phone number, not the e-mail address.
        using var caseManager = await StaffAsync(World.A, Roles.CaseManager);
        var proposalPage = $"/dossiers/{person.Id}/voorstellen/{person.ProposalId}";
        var form = await caseManager.GetAsync(proposalPage);
        Assert.True(((IHtmlInputElement)form.Document.QuerySelector("#deel-telefoon")!).IsChecked);
        var tooMuch = await caseManager.PostFormAsync(form, "doorverwijzen", new Dictionary<string, string>
        {
            ["Refer.ContactNeeded"] = "True",
            ["Refer.ShareEmail"] = "true",
        });
        Assert.Contains("De persoon heeft zelf gekozen het e-mailadres niet te delen.", tooMuch.Document.QuerySelector("#deel-email-fout")!.TextContent, StringComparison.Ordinal);
        var referred = await caseManager.SubmitAsync(proposalPage, "doorverwijzen", new Dictionary<string, string>
        {
            ["Refer.ContactNeeded"] = "True",
            ["Refer.NoteForPartner"] = "Komt graag op dinsdag.",
        });
        Assert.Equal($"/dossiers/{person.Id}/voorstellen?klaar=verstuurd", referred.Location);
        var referral = await ReadAsync(World.A, db => db.Referrals.Where(r => r.ProposalId == person.ProposalId).Select(r => r.Id).SingleAsync());

        using var partner = await StaffAsync(World.A, Roles.PartnerWorker);
        Assert.Equal("Hana", PartnerRow(await partner.GetAsync("/verwijzingen"), referral));
        var seen = await partner.GetAsync($"/verwijzingen/{referral}");
        Assert.Contains(Phone, seen.Text, StringComparison.Ordinal);
        Assert.Contains("Komt graag op dinsdag.", seen.Text, StringComparison.Ordinal);

        var consentId = await ReadAsync(World.A, db => db.Consents.Where(c => c.ProposalId == person.ProposalId).Select(c => c.Id).SingleAsync());
        var withdrawPage = $"/mijn/toestemmingen/{consentId}/intrekken";
        Assert.NotNull((await newcomer.GetAsync("/mijn/toestemmingen")).Document.QuerySelector($"[data-testid=own-consent] a[href='{withdrawPage}']"));
        var unconfirmed = await newcomer.SubmitAsync(withdrawPage, "intrekken", new Dictionary<string, string>());
        Assert.Equal("Zet een vinkje als u de toestemming echt wilt intrekken.", unconfirmed.Document.QuerySelector("#bevestig-fout")!.TextContent.Trim());
        Assert.NotNull(unconfirmed.Document.QuerySelector(".thuis-error-summary a[href$='#bevestig']"));
        Assert.Contains(Phone, (await partner.GetAsync($"/verwijzingen/{referral}")).Text, StringComparison.Ordinal);

        var withdrawn = await newcomer.SubmitAsync(withdrawPage, "intrekken", new Dictionary<string, string> { ["Input.Confirm"] = "true" });
        Assert.Equal("/mijn/toestemmingen?ingetrokken=1", withdrawn.Location);

        // The partner's access ends at once: no first name in the list, no contact, no note about the person.
        Assert.Equal(ListReferrals.ConsentEnded, PartnerRow(await partner.GetAsync("/verwijzingen"), referral));
        var after = await partner.GetAsync($"/verwijzingen/{referral}");
        Assert.Equal(HttpStatusCode.OK, after.Status);
        Assert.DoesNotContain("Hana", after.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(Phone, after.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Komt graag op dinsdag.", after.Text, StringComparison.Ordinal);
        Assert.Contains("De toestemming van de persoon is verlopen of ingetrokken", after.Text, StringComparison.Ordinal);

        // The case manager hears it in the same request, and sees who withdrew it.
        var signal = await ReadAsync(World.A, db => db.Signals.AsNoTracking()
            .SingleAsync(s => s.NewcomerId == person.Id && s.Kind == SignalKind.ConsentWithdrawn && s.State == SignalState.Open));
        Assert.Equal(consentId, signal.SubjectId);
        Assert.Contains($"zelf ingetrokken op {DutchFormat.Date(Today)}", signal.Reason, StringComparison.Ordinal);
        Assert.Contains($"ingetrokken door Hana zelf op {DutchFormat.Date(Today)}", (await caseManager.GetAsync(proposalPage)).Text, StringComparison.Ordinal);
        Assert.Contains("ingetrokken (door Hana zelf)", (await caseManager.GetAsync($"/dossiers/{person.Id}/verloop")).Text, StringComparison.Ordinal);

        var list = await newcomer.GetAsync("/mijn/toestemmingen?ingetrokken=1");
        Assert.Contains("De toestemming is ingetrokken.", list.Text, StringComparison.Ordinal);
        Assert.Empty(list.Document.QuerySelectorAll("[data-testid=own-consent]"));
        Assert.Contains($"U heeft deze toestemming ingetrokken op {DutchFormat.Date(Today)}.", list.Document.QuerySelector("[data-testid=own-ended-consent]")!.TextContent, StringComparison.Ordinal);
        var ended = await newcomer.GetAsync(withdrawPage);
        Assert.Contains("Deze toestemming geldt al niet meer.", ended.Text, StringComparison.Ordinal);
        Assert.Null(ended.Document.Forms.FirstOrDefault(f => f.Elements.OfType<IHtmlInputElement>().Any(i => i.Value == "intrekken")));
    }

    // --- helpers ---

    internal sealed record Person(Guid Id, string FamilyName, Guid ProposalId, string What, TestMunicipality Municipality);

    internal sealed record AnsweredYes(Guid ProposalId, Guid ConsentId, string What);

    /// <summary>Hana, with a phone number and an e-mail address, and a proposal of the municipality's partner waiting for her answer.</summary>
    private async Task<Person> PersonWithProposalAsync(TestMunicipality municipality)
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystemFor(municipality.Id);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var family = $"Voorstel{Guid.NewGuid().ToString("N")[..6]}";
        var newcomer = new Newcomer(municipality.Id,
            new PersonDetails("Hana Maryam", family, new DateOnly(1992, 2, 2), Gender.Female, "Syrië", null, Phone, Email, "Arabisch", true, null, null),
            new LegalFrame(TargetGroup.AsylumPermitHolder, new DateOnly(2026, 3, 1), new DateOnly(2026, 6, 1), new DateOnly(2026, 6, 1), null, null, null, null),
            DateTimeOffset.UtcNow);
        var what = $"Wandelgroep op dinsdag {Guid.NewGuid().ToString("N")[..6]}";
        var proposal = new Proposal(newcomer, TargetKind.Other, null, what, municipality.PartnerOrganisationId,
            "U wandelt graag en leert zo mensen kennen.", "Karin Klantregisseur", DateTimeOffset.UtcNow.AddDays(-1), Today);
        db.Newcomers.Add(newcomer);
        db.Proposals.Add(proposal);
        await db.SaveChangesAsync();
        return new Person(newcomer.Id, family, proposal.Id, what, municipality);
    }

    private async Task<Guid> AddProposalAsync(TestMunicipality municipality, Guid newcomerId, string what)
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystemFor(municipality.Id);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var newcomer = await db.Newcomers.SingleAsync(n => n.Id == newcomerId);
        var proposal = new Proposal(newcomer, TargetKind.Other, null, what, municipality.PartnerOrganisationId, null, "Karin Klantregisseur", DateTimeOffset.UtcNow, Today);
        db.Proposals.Add(proposal);
        await db.SaveChangesAsync();
        return proposal.Id;
    }

    /// <summary>A proposal the person said yes to, with a consent the case manager recorded; for tests of who sees what.</summary>
    internal static async Task<AnsweredYes> AddAnsweredYesAsync(ThuisAppFactory app, TestMunicipality municipality, Guid newcomerId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystemFor(municipality.Id);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var newcomer = await db.Newcomers.SingleAsync(n => n.Id == newcomerId);
        var today = Groups.Today;
        var what = $"Naaiatelier {Guid.NewGuid().ToString("N")[..6]}";
        var proposal = new Proposal(newcomer, TargetKind.Other, null, what, municipality.PartnerOrganisationId, null, "Karin Klantregisseur", DateTimeOffset.UtcNow, today);
        var by = ByWhom.Staff("Karin Klantregisseur", DateTimeOffset.UtcNow);
        proposal.RecordAnswer(NewcomerAnswer.Yes, today, null, null, null, by);
        var consent = new Consent(proposal, $"Doorverwijzing voor: {what}", today, today.AddYears(1), by);
        db.Proposals.Add(proposal);
        db.Consents.Add(consent);
        await db.SaveChangesAsync();
        return new AnsweredYes(proposal.Id, consent.Id, what);
    }

    private async Task<ThuisClient> SignedInAsync(Person person)
    {
        var client = fixture.NewClient();
        await client.SignInOrFailAsync(await World.CreateNewcomerUserAsync(person.Municipality, person.Id, "Hana Maryam"));
        return client;
    }

    private async Task<ThuisClient> StaffAsync(TestMunicipality municipality, string role)
    {
        var client = fixture.NewClient();
        await client.SignInOrFailAsync(await World.CreateUserAsync(municipality, role));
        return client;
    }

    private Task<T> ReadAsync<T>(TestMunicipality municipality, Func<AppDbContext, Task<T>> read) => Groups.ReadAsync(fixture.App, municipality, read);

    private Task<NewcomerAnswer> AnswerOfAsync(TestMunicipality municipality, Guid proposalId) =>
        ReadAsync(municipality, db => db.Proposals.Where(p => p.Id == proposalId).Select(p => p.Answer).SingleAsync());

    /// <summary>The "Wie" of the referral's row in the partner's list.</summary>
    private static string PartnerRow(ThuisClient.Page list, Guid referral) =>
        list.Document.QuerySelector($"a[href='/verwijzingen/{referral}']")!.TextContent.Trim();

    /// <summary>A form post with another page's antiforgery token, as someone who changes the address of a form would send it.</summary>
    private static FormUrlEncodedContent Forged(ThuisClient.Page page, string handler, Dictionary<string, string> fields)
    {
        fields["_handler"] = handler;
        fields["__RequestVerificationToken"] = page.Document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        return new FormUrlEncodedContent(fields);
    }

    private static string Squeeze(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
}
