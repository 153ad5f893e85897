using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Thuis.Web.Data;
using Thuis.Web.Features.Dossiers;
using Thuis.Web.Features.Referrals;
using Thuis.Web.Platform.Security;
using Thuis.Web.Tests.Infrastructure;

namespace Thuis.Web.Tests;

/// <summary>
/// Referrals keep their word: the partner chooses the outcome (none is chosen for them), "doet na drie maanden nog mee"
/// only from three calendar months after the start, contact details only with the person's consent to share them, and
/// attendance as a list per date in which a second entry for a day changes the first, visibly.
/// </summary>
public sealed class ReferralRulesTests
{
    private static readonly DateTimeOffset Morning = new(2026, 9, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task The_outcome_form_chooses_nothing_and_ending_without_a_choice_names_the_field_beside_it_and_at_the_top()
    {
        var clock = new FakeTimeProvider(Morning);
        await using var app = new ThuisAppFactory { ConfigureTestServices = s => s.AddSingleton<TimeProvider>(clock) };
        var world = await TestWorld.SeedAsync(app);
        var referral = await StartedReferralAsync(app, world.A, new DateOnly(2026, 8, 17));
        using var partner = new ThuisClient(app);
        await partner.SignInOrFailAsync(await world.CreateUserAsync(world.A, Roles.PartnerWorker));
        var url = $"/verwijzingen/{referral}";

        var page = await partner.GetAsync(url);
        var form = page.Form("beeindigen");
        Assert.Equal(2, form.QuerySelectorAll("input[type=radio][name='End.Outcome']").Length);
        Assert.Empty(form.QuerySelectorAll("input[type=radio][checked]"));
        Assert.Null(form.QuerySelector("select"));
        var stillGoing = form.QuerySelector($"input[value='{nameof(ReferralOutcome.StillGoingAtThreeMonths)}']")!;
        Assert.True(stillGoing.HasAttribute("disabled"));
        Assert.Contains("kan vanaf 17 november 2026", form.TextContent, StringComparison.Ordinal);
        Assert.Contains("uitkomst-fout", stillGoing.GetAttribute("aria-describedby"), StringComparison.Ordinal);

        var missing = await partner.PostFormAsync(page, "beeindigen", new Dictionary<string, string> { ["End.Note"] = "Gaat goed." });
        Assert.Equal(HttpStatusCode.OK, missing.Status);
        const string message = "Kies de uitkomst van de verwijzing.";
        Assert.Contains(message, missing.Document.QuerySelector("#uitkomst-fout")!.TextContent, StringComparison.Ordinal);
        var summary = missing.Document.QuerySelector(".thuis-error-summary")!;
        Assert.Contains(message, summary.TextContent, StringComparison.Ordinal);
        Assert.EndsWith("#uitkomst-Stopped", summary.QuerySelector("a")!.GetAttribute("href"), StringComparison.Ordinal);
        Assert.StartsWith("Fout:", missing.Document.Title, StringComparison.Ordinal);
        Assert.Equal(ReferralState.Started, (await LoadAsync(app, world.A, referral)).State);
    }

    [Theory]
    [InlineData("2026-09-04", "2026-12-04")]
    [InlineData("2026-11-30", "2027-02-28")]
    [InlineData("2027-05-31", "2027-08-31")]
    [InlineData("2027-11-30", "2028-02-29")]
    public async Task Still_going_at_three_months_is_refused_the_day_before_three_calendar_months_and_recorded_on_the_day_itself(string started, string from)
    {
        var startedOn = DateOnly.Parse(started, CultureInfo.InvariantCulture);
        var firstDay = DateOnly.Parse(from, CultureInfo.InvariantCulture);
        Assert.Equal(firstDay, startedOn.AddMonths(3));
        var clock = new FakeTimeProvider(new DateTimeOffset(firstDay.AddDays(-1).ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero));
        await using var app = new ThuisAppFactory { ConfigureTestServices = s => s.AddSingleton<TimeProvider>(clock) };
        var world = await TestWorld.SeedAsync(app);
        var referral = await StartedReferralAsync(app, world.A, startedOn);
        var email = await world.CreateUserAsync(world.A, Roles.PartnerWorker);
        using var partner = new ThuisClient(app);
        await partner.SignInOrFailAsync(email);
        var url = $"/verwijzingen/{referral}";
        var firstDayInWords = firstDay.ToString("d MMMM yyyy", new CultureInfo("nl-NL"));

        // Whatever is posted, the day before is refused, naming the first day it can.
        var early = await partner.SubmitAsync(url, "beeindigen", new Dictionary<string, string> { ["End.Outcome"] = nameof(ReferralOutcome.StillGoingAtThreeMonths) });
        Assert.Equal(HttpStatusCode.OK, early.Status);
        Assert.Contains($"kan pas vanaf {firstDayInWords}", early.Document.QuerySelector("#uitkomst-fout")!.TextContent, StringComparison.Ordinal);
        Assert.Contains($"kan pas vanaf {firstDayInWords}", early.Document.QuerySelector(".thuis-error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(ReferralState.Started, (await LoadAsync(app, world.A, referral)).State);

        // The entity refuses it too, whoever asks.
        var loaded = await LoadAsync(app, world.A, referral);
        Assert.Equal(firstDay, loaded.StillGoingPossibleFrom);
        Assert.NotNull(loaded.CannotRecordOutcome(ReferralOutcome.StillGoingAtThreeMonths, firstDay.AddDays(-1)));
        Assert.Null(loaded.CannotRecordOutcome(ReferralOutcome.Stopped, firstDay.AddDays(-1)));
        Assert.Throws<ArgumentException>(() => loaded.End(firstDay.AddDays(-1), ReferralOutcome.StillGoingAtThreeMonths, null));

        clock.Advance(TimeSpan.FromDays(1));
        await partner.SignInOrFailAsync(email);
        var page = await partner.GetAsync(url);
        Assert.False(page.Form("beeindigen").QuerySelector($"input[value='{nameof(ReferralOutcome.StillGoingAtThreeMonths)}']")!.HasAttribute("disabled"));
        var ended = await partner.PostFormAsync(page, "beeindigen", new Dictionary<string, string> { ["End.Outcome"] = nameof(ReferralOutcome.StillGoingAtThreeMonths) });
        Assert.Equal($"{url}?opgeslagen=1", ended.Location);
        var saved = await LoadAsync(app, world.A, referral);
        Assert.Equal(ReferralState.Ended, saved.State);
        Assert.Equal(ReferralOutcome.StillGoingAtThreeMonths, saved.Outcome);
        Assert.Equal(firstDay, saved.EndedOn);
    }

    [Fact]
    public async Task A_partner_sees_a_phone_number_or_email_address_only_when_the_person_agreed_to_share_it_and_never_a_BSN()
    {
        var clock = new FakeTimeProvider(Morning);
        await using var app = new ThuisAppFactory { ConfigureTestServices = s => s.AddSingleton<TimeProvider>(clock) };
        var world = await TestWorld.SeedAsync(app);
        const string bsn = "999990032";
        var amal = await NewcomerAsync(app, world.A, "Amal", "Yousef", "06-00004321", "amal@voorbeeld.example", bsn);
        var amalsProposal = await AnsweredYesAsync(app, world.A, amal, "Naailes in het buurthuis");
        using var caseManager = new ThuisClient(app);
        await caseManager.SignInOrFailAsync(await world.CreateUserAsync(world.A, Roles.CaseManager));
        var proposalUrl = $"/dossiers/{amal}/voorstellen/{amalsProposal}";

        var page = await caseManager.GetAsync(proposalUrl);
        Assert.Empty(page.Form("doorverwijzen").QuerySelectorAll("input[type=radio][checked], input[type=checkbox][checked]"));
        Assert.Contains("06-00004321", page.Form("doorverwijzen").TextContent, StringComparison.Ordinal);

        var unanswered = await caseManager.PostFormAsync(page, "doorverwijzen", new Dictionary<string, string>());
        Assert.Contains("Kies wie het eerste contact legt", unanswered.Document.QuerySelector("#contact-fout")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Kies wie het eerste contact legt", unanswered.Document.QuerySelector(".thuis-error-summary")!.TextContent, StringComparison.Ordinal);

        var unreachable = await caseManager.SubmitAsync(proposalUrl, "doorverwijzen", new Dictionary<string, string> { ["Refer.ContactNeeded"] = "true" });
        var refusal = unreachable.Document.QuerySelector("#contact-fout")!.TextContent;
        Assert.Contains("VluchtelingenWerk Dalfsen neemt contact op, maar kan de persoon dan nergens bereiken", refusal, StringComparison.Ordinal);
        Assert.Contains(refusal.Trim(), unreachable.Document.QuerySelector(".thuis-error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await CountReferralsAsync(app, world.A, amal));

        var sent = await caseManager.SubmitAsync(proposalUrl, "doorverwijzen", new Dictionary<string, string>
        {
            ["Refer.ContactNeeded"] = "true",
            ["Refer.SharePhone"] = "true",
        });
        Assert.Equal($"/dossiers/{amal}/voorstellen?klaar=verstuurd", sent.Location);

        // Someone without a phone number in the dossier cannot have it shared, nor be called.
        var bilal = await NewcomerAsync(app, world.A, "Bilal", "Osman", null, null, null);
        var bilalsProposal = await AnsweredYesAsync(app, world.A, bilal, "Fietsles voor volwassenen");
        var noPhone = await caseManager.SubmitAsync($"/dossiers/{bilal}/voorstellen/{bilalsProposal}", "doorverwijzen", new Dictionary<string, string>
        {
            ["Refer.ContactNeeded"] = "true",
            ["Refer.SharePhone"] = "true",
        });
        Assert.Contains("Er staat geen telefoonnummer in het dossier", noPhone.Document.QuerySelector("#deel-telefoon-fout")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("nergens bereiken", noPhone.Document.QuerySelector("#contact-fout")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await CountReferralsAsync(app, world.A, bilal));
        Assert.NotNull((await caseManager.SubmitAsync($"/dossiers/{bilal}/voorstellen/{bilalsProposal}", "doorverwijzen",
            new Dictionary<string, string> { ["Refer.ContactNeeded"] = "false" })).Location);

        using var partner = new ThuisClient(app);
        await partner.SignInOrFailAsync(await world.CreateUserAsync(world.A, Roles.PartnerWorker));
        var list = await partner.GetAsync("/verwijzingen");
        var amalsReferral = await partner.GetAsync(ReferralLink(list, "Naailes"));
        Assert.Contains("06-00004321", amalsReferral.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("amal@voorbeeld.example", amalsReferral.Text, StringComparison.Ordinal);
        Assert.Contains("telefoonnummer delen met VluchtelingenWerk Dalfsen", amalsReferral.Text, StringComparison.Ordinal);
        Assert.Contains("VluchtelingenWerk Dalfsen neemt contact op met de persoon", amalsReferral.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(bsn, amalsReferral.Document.DocumentElement.OuterHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("Yousef", amalsReferral.Text, StringComparison.Ordinal);
        var bilalsReferral = await partner.GetAsync(ReferralLink(list, "Fietsles"));
        Assert.Contains("geen telefoonnummer of e-mailadres delen", bilalsReferral.Text, StringComparison.Ordinal);
        Assert.Contains("De persoon of de klantregisseur neemt zelf contact op", bilalsReferral.Text, StringComparison.Ordinal);

        // Consent withdrawn: nothing to reach them by any more.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystemFor(world.A.Id);
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            (await db.Consents.SingleAsync(c => c.ProposalId == amalsProposal)).Withdraw(new DateOnly(2026, 9, 1));
            await db.SaveChangesAsync();
        }
        Assert.DoesNotContain("06-00004321", (await partner.GetAsync(ReferralLink(list, "Naailes"))).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Attendance_is_a_list_per_date_and_a_second_entry_for_a_day_changes_the_first_and_shows_what_it_said()
    {
        var clock = new FakeTimeProvider(Morning);
        await using var app = new ThuisAppFactory { ConfigureTestServices = s => s.AddSingleton<TimeProvider>(clock) };
        var world = await TestWorld.SeedAsync(app);
        var referral = await StartedReferralAsync(app, world.A, new DateOnly(2026, 8, 10));
        using var partner = new ThuisClient(app);
        await partner.SignInOrFailAsync(await world.CreateUserAsync(world.A, Roles.PartnerWorker));
        var url = $"/verwijzingen/{referral}";

        var form = (await partner.GetAsync(url)).Form("aanwezigheid");
        Assert.Empty(form.QuerySelectorAll("input[type=radio][checked]"));
        Assert.Contains("past opslaan die regel aan", form.TextContent, StringComparison.Ordinal);
        var unchosen = await partner.SubmitAsync(url, "aanwezigheid", new Dictionary<string, string> { ["Attend.On"] = "2026-08-24" });
        Assert.Contains("Kies of de persoon er was", unchosen.Document.QuerySelector("#aanwezig-fout")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Kies of de persoon er was", unchosen.Document.QuerySelector(".thuis-error-summary")!.TextContent, StringComparison.Ordinal);

        foreach (var (day, present) in new[] { ("2026-08-24", "true"), ("2026-08-10", "true"), ("2026-08-17", "false") })
        {
            Assert.Equal($"{url}?opgeslagen=1", (await partner.SubmitAsync(url, "aanwezigheid",
                new Dictionary<string, string> { ["Attend.On"] = day, ["Attend.Present"] = present })).Location);
        }
        Assert.Equal(
            [("10 augustus 2026", "aanwezig"), ("17 augustus 2026", "afwezig"), ("24 augustus 2026", "aanwezig")],
            Rows(await partner.GetAsync(url)));

        var corrected = await partner.SubmitAsync(url, "aanwezigheid", new Dictionary<string, string> { ["Attend.On"] = "2026-08-17", ["Attend.Present"] = "true" });
        Assert.Equal($"{url}?opgeslagen=1&aangepast=2026-08-17", corrected.Location);
        var after = await partner.GetAsync(corrected.Location!);
        Assert.Contains("Voor 17 augustus 2026 stond al aanwezigheid; die regel is aangepast.", after.Text, StringComparison.Ordinal);
        Assert.Equal(
            [("10 augustus 2026", "aanwezig"), ("17 augustus 2026", "aanwezig (aangepast; eerst afwezig)"), ("24 augustus 2026", "aanwezig")],
            Rows(after));
        Assert.Contains("3 van 3 keer aanwezig", after.Text, StringComparison.Ordinal);
    }

    private static (string, string)[] Rows(ThuisClient.Page page) =>
        [.. page.Document.QuerySelectorAll("#aanwezigheid-per-datum ~ tbody tr")
            .Select(r => (r.QuerySelector("th")!.TextContent.Trim(), r.QuerySelector("td")!.TextContent.Trim()))];

    private static string ReferralLink(ThuisClient.Page list, string what) =>
        list.Document.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains(what, StringComparison.Ordinal)).QuerySelector("a")!.GetAttribute("href")!;

    private static async Task<Guid> NewcomerAsync(ThuisAppFactory app, TestMunicipality municipality, string given, string family, string? phone, string? email, string? bsn)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystemFor(municipality.Id);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var newcomer = new Newcomer(municipality.Id,
            new PersonDetails(given, family, new DateOnly(1994, 4, 12), Gender.Unknown, "Syrië", null, phone, email, "Arabisch", false, bsn, null),
            new LegalFrame(TargetGroup.AsylumPermitHolder, new DateOnly(2026, 3, 1), new DateOnly(2026, 4, 1), new DateOnly(2026, 4, 1), null, null, null, null),
            Morning);
        db.Newcomers.Add(newcomer);
        await db.SaveChangesAsync();
        return newcomer.Id;
    }

    /// <summary>A proposal to the partner that the newcomer said yes to, with their consent for a year.</summary>
    private static async Task<Guid> AnsweredYesAsync(ThuisAppFactory app, TestMunicipality municipality, Guid newcomerId, string what)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystemFor(municipality.Id);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var newcomer = await db.Newcomers.SingleAsync(n => n.Id == newcomerId);
        var on = new DateOnly(2026, 8, 25);
        var proposal = new Proposal(newcomer, TargetKind.Other, null, what, municipality.PartnerOrganisationId, null, "test", Morning.AddDays(-7), on);
        proposal.RecordAnswer(NewcomerAnswer.Yes, on, null);
        db.Proposals.Add(proposal);
        db.Consents.Add(new Consent(proposal, $"Doorverwijzing voor: {what}", on, on.AddYears(1), "test"));
        await db.SaveChangesAsync();
        return proposal.Id;
    }

    /// <summary>A referral to the municipality's partner that was answered a week before it started on <paramref name="startedOn"/>.</summary>
    private static async Task<Guid> StartedReferralAsync(ThuisAppFactory app, TestMunicipality municipality, DateOnly startedOn)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystemFor(municipality.Id);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var newcomer = await db.Newcomers.SingleAsync(n => n.Id == municipality.NewcomerId);
        var partner = await db.Organisations.SingleAsync(o => o.Id == municipality.PartnerOrganisationId);
        var asked = startedOn.AddDays(-7);
        var proposal = new Proposal(newcomer, TargetKind.Other, null, "Wandelgroep op zaterdag", partner.Id, null, "test",
            new DateTimeOffset(asked.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero), asked);
        proposal.RecordAnswer(NewcomerAnswer.Yes, asked, null);
        var consent = new Consent(proposal, "Doorverwijzing naar de wandelgroep", asked, asked.AddYears(2), "test");
        var referral = new Referral(proposal, consent, partner, newcomer, null, ContactSharing.Nothing, asked);
        referral.Send(asked);
        referral.Accept(asked);
        referral.Start(startedOn);
        db.Proposals.Add(proposal);
        db.Consents.Add(consent);
        db.Referrals.Add(referral);
        await db.SaveChangesAsync();
        return referral.Id;
    }

    private static async Task<Referral> LoadAsync(ThuisAppFactory app, TestMunicipality municipality, Guid referralId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystemFor(municipality.Id);
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Referrals.AsNoTracking().SingleAsync(r => r.Id == referralId);
    }

    private static async Task<int> CountReferralsAsync(ThuisAppFactory app, TestMunicipality municipality, Guid newcomerId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystemFor(municipality.Id);
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Referrals.CountAsync(r => r.NewcomerId == newcomerId);
    }
}
