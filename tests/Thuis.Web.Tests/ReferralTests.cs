using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Thuis.Web.Data;
using Thuis.Web.Features.Dossiers;
using Thuis.Web.Features.Organisations;
using Thuis.Web.Features.Referrals;
using Thuis.Web.Platform.Localization;
using Thuis.Web.Platform.Security;
using Thuis.Web.Tests.Infrastructure;

namespace Thuis.Web.Tests;

/// <summary>
/// From a proposal to a referral that a partner answers: only with the newcomer's recorded yes, and the partner sees
/// only what the referral needs, of referrals to their own organisation.
/// </summary>
public sealed partial class ReferralTests
{
    [Fact]
    public async Task A_referral_goes_out_only_after_a_recorded_yes_and_the_partner_answers_starts_and_ends_it()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 9, 1, 9, 0, 0, TimeSpan.Zero));
        await using var app = new ThuisAppFactory { ConfigureTestServices = s => s.AddSingleton<TimeProvider>(clock) };
        var world = await TestWorld.SeedAsync(app);
        var newcomer = await PlanFields.AddNewcomerAsync(app, world.A, "Tesfay Kidane", "Abraha", new DateOnly(1991, 2, 3));
        var caseManagerEmail = await world.CreateUserAsync(world.A, Roles.CaseManager);
        using var caseManager = new ThuisClient(app);
        await caseManager.SignInOrFailAsync(caseManagerEmail);
        var proposals = $"/dossiers/{newcomer}/voorstellen";

        var proposed = await caseManager.SubmitAsync(proposals, "voorstel", new Dictionary<string, string>
        {
            ["Input.What"] = "Meetrainen bij de atletiekclub",
            ["Input.OrganisationId"] = world.A.PartnerOrganisationId.ToString(),
            ["Input.Reasons"] = "Liep vroeger hard in Eritrea; kent twee leden.",
        });
        Assert.Equal($"{proposals}?klaar=voorgesteld", proposed.Location);
        var proposalUrl = (await caseManager.GetAsync(proposals)).Document.QuerySelector("tbody a[href*='/voorstellen/']")!.GetAttribute("href")!;

        // Before the newcomer's yes there is nothing to send, whatever is posted.
        var page = await caseManager.GetAsync(proposalUrl);
        Assert.DoesNotContain(page.Document.QuerySelectorAll("button"), b => b.TextContent.Contains("Verwijzing versturen", StringComparison.Ordinal));
        Assert.Equal(0, await CountReferralsAsync(app, world.A.Id, newcomer));

        var missingConsent = await caseManager.SubmitAsync(proposalUrl, "antwoord", new Dictionary<string, string>
        {
            ["Answer.Answer"] = nameof(NewcomerAnswer.Yes),
            ["Answer.Purpose"] = "",
        });
        Assert.Contains("Schrijf op waarvoor de persoon toestemming geeft.", missingConsent.Text, StringComparison.Ordinal);
        var answered = await caseManager.SubmitAsync(proposalUrl, "antwoord", new Dictionary<string, string> { ["Answer.Answer"] = nameof(NewcomerAnswer.Yes) });
        Assert.Equal(proposalUrl, answered.Location);
        var withYes = await caseManager.GetAsync(proposalUrl);
        Assert.Contains("geldig tot en met 1 september 2027", withYes.Text, StringComparison.Ordinal);
        Assert.Equal($"{proposals}?klaar=verstuurd", (await caseManager.SubmitAsync(proposalUrl, "doorverwijzen",
            new Dictionary<string, string> { ["Refer.NoteForPartner"] = "Hij spreekt een beetje Engels.", ["Refer.ContactNeeded"] = "false" })).Location);
        Assert.Equal(1, await CountReferralsAsync(app, world.A.Id, newcomer));

        // The partner sees the first name, contact and language — not the family name or any BSN.
        using var partner = new ThuisClient(app);
        var partnerEmail = await world.CreateUserAsync(world.A, Roles.PartnerWorker);
        await partner.SignInOrFailAsync(partnerEmail);
        var list = await partner.GetAsync("/verwijzingen");
        var row = list.Document.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains("atletiekclub", StringComparison.Ordinal));
        Assert.Contains("Tesfay", row.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Abraha", list.Text, StringComparison.Ordinal);
        var referralUrl = row.QuerySelector("a")!.GetAttribute("href")!;
        var detail = await partner.GetAsync(referralUrl);
        Assert.Contains("Hij spreekt een beetje Engels.", detail.Text, StringComparison.Ordinal);
        AssertNothingPrivate(detail, world.A.NewcomerBsn, "Abraha");
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.GetAsync($"/dossiers/{newcomer}")).Status);

        Assert.Equal($"{referralUrl}?opgeslagen=1", (await partner.SubmitAsync(referralUrl, "aannemen", new Dictionary<string, string>())).Location);
        clock.Advance(TimeSpan.FromDays(3));
        await partner.SignInOrFailAsync(partnerEmail);
        await caseManager.SignInOrFailAsync(caseManagerEmail);
        Assert.Equal($"{referralUrl}?opgeslagen=1", (await partner.SubmitAsync(referralUrl, "starten", new Dictionary<string, string> { ["Start.On"] = "2026-09-04" })).Location);
        await partner.SubmitAsync(referralUrl, "aanwezigheid", new Dictionary<string, string> { ["Attend.On"] = "2026-09-04", ["Attend.Present"] = "true" });
        await partner.SubmitAsync(referralUrl, "aanwezigheid", new Dictionary<string, string> { ["Attend.On"] = "2026-09-03", ["Attend.Present"] = "false" });
        var early = await partner.GetAsync(referralUrl);
        Assert.Contains("Aanwezigheid opslaan", early.Text, StringComparison.Ordinal);
        Assert.Contains("1 van 1 keer aanwezig", early.Text, StringComparison.Ordinal);
        Assert.Contains("Aanwezigheid telt vanaf de start", (await partner.SubmitAsync(referralUrl, "aanwezigheid",
            new Dictionary<string, string> { ["Attend.On"] = "2026-09-03", ["Attend.Present"] = "false" })).Text, StringComparison.Ordinal);

        var stoppedWithoutReason = await partner.SubmitAsync(referralUrl, "beeindigen", new Dictionary<string, string> { ["End.Outcome"] = nameof(ReferralOutcome.Stopped) });
        Assert.Contains("Schrijf op waarom het gestopt is.", stoppedWithoutReason.Text, StringComparison.Ordinal);
        await partner.SubmitAsync(referralUrl, "beeindigen", new Dictionary<string, string>
        {
            ["End.Outcome"] = nameof(ReferralOutcome.Stopped),
            ["End.Note"] = "Trainingstijd botst met de taalles.",
        });
        var ended = await caseManager.GetAsync(referralUrl);
        Assert.Contains("gestopt — Trainingstijd botst met de taalles.", ended.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_yes_nothing_can_be_referred_and_someone_who_asked_for_not_now_gets_no_proposals()
    {
        await using var app = new ThuisAppFactory();
        var world = await TestWorld.SeedAsync(app);
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystemFor(world.A.Id);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var newcomer = await db.Newcomers.SingleAsync(n => n.Id == world.A.NewcomerId);
        var partner = await db.Organisations.SingleAsync(o => o.Id == world.A.PartnerOrganisationId);
        var today = new DateOnly(2026, 9, 1);

        var pending = new Proposal(newcomer, TargetKind.Other, null, "Koor", partner.Id, null, "test", DateTimeOffset.UtcNow, today);
        Assert.Throws<InvalidOperationException>(() => new Consent(pending, "Doorverwijzing", today, today.AddYears(1), "test"));
        pending.RecordAnswer(NewcomerAnswer.No, today, "Zingt liever niet.");
        var yes = new Proposal(newcomer, TargetKind.Other, null, "Koor", partner.Id, null, "test", DateTimeOffset.UtcNow, today);
        yes.RecordAnswer(NewcomerAnswer.Yes, today, null);
        var consent = new Consent(yes, "Doorverwijzing", today, today.AddMonths(6), "test");
        Assert.Throws<InvalidOperationException>(() => new Referral(pending, consent, partner, null, today));
        Assert.Throws<InvalidOperationException>(() => new Referral(yes, consent, partner, null, today.AddMonths(7)));
        var notAPartner = new Organisation(world.A.Id, "Buurthuis", isPartner: false);
        Assert.Throws<InvalidOperationException>(() => new Referral(yes, consent, notAPartner, null, today));
        consent.Withdraw(today.AddDays(1));
        Assert.Throws<InvalidOperationException>(() => new Referral(yes, consent, partner, null, today.AddDays(2)));

        var now = TimeProvider.System.InTheNetherlands();
        newcomer.Pause(now.AddMonths(2), "Eerst het gezin laten aankomen.");
        Assert.Throws<InvalidOperationException>(() => new Proposal(newcomer, TargetKind.Other, null, "Koor", null, null, "test", DateTimeOffset.UtcNow, now));
        await db.SaveChangesAsync();

        using var client = new ThuisClient(app);
        await client.SignInOrFailAsync(await world.CreateUserAsync(world.A, Roles.CaseManager));
        var refused = await client.SubmitAsync($"/dossiers/{world.A.NewcomerId}/voorstellen", "voorstel", new Dictionary<string, string> { ["Input.What"] = "Koor" });
        Assert.Contains("heeft ‘niet nu’ gevraagd", refused.Text, StringComparison.Ordinal);
        Assert.False(await db.Proposals.AnyAsync(p => p.NewcomerId == world.A.NewcomerId && p.What == "Koor"));
    }

    [Fact]
    public async Task A_partner_sees_only_referrals_to_their_own_organisation()
    {
        await using var app = new ThuisAppFactory();
        var world = await TestWorld.SeedAsync(app);
        Guid otherPartner;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystemFor(world.A.Id);
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var club = new Organisation(world.A.Id, "Atletiekclub De Veluwe", isPartner: true);
            db.Organisations.Add(club);
            await db.SaveChangesAsync();
            otherPartner = club.Id;
        }
        using var own = new ThuisClient(app);
        await own.SignInOrFailAsync(await world.CreateUserAsync(world.A, Roles.PartnerWorker));
        using var other = new ThuisClient(app);
        await other.SignInOrFailAsync(await world.CreateUserAsync(world.A with { PartnerOrganisationId = otherPartner }, Roles.PartnerWorker));
        using var elsewhere = new ThuisClient(app);
        await elsewhere.SignInOrFailAsync(await world.CreateUserAsync(world.B, Roles.PartnerWorker));

        var mine = await own.GetAsync($"/verwijzingen/{world.A.ReferralId}");
        Assert.Equal(HttpStatusCode.OK, mine.Status);
        AssertNothingPrivate(mine, world.A.NewcomerBsn, "Haddad");
        Assert.Contains("Taalcafé in de bibliotheek", (await own.GetAsync("/verwijzingen")).Text, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/verwijzingen/{world.A.ReferralId}")).Status);
        Assert.DoesNotContain("Taalcafé", (await other.GetAsync("/verwijzingen")).Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await elsewhere.GetAsync($"/verwijzingen/{world.A.ReferralId}")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await own.GetAsync($"/dossiers/{world.A.NewcomerId}/voorstellen")).Status);
        var start = await own.GetAsync("/");
        Assert.NotNull(start.Document.QuerySelector("nav a[href='/verwijzingen']"));
        Assert.Null(start.Document.QuerySelector("nav a[href='/dossiers']"));
        Assert.Null(start.Document.QuerySelector("a[href='/sociale-kaart']"));

        // Another partner cannot answer it either: the post finds nothing to change.
        var token = (await other.GetAsync("/verwijzingen")).Document.QuerySelector("input[name='__RequestVerificationToken']")?.GetAttribute("value")
            ?? (await other.GetAsync("/")).Document.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["_handler"] = "aannemen" });
        using var response = await other.Http.PostAsync($"/verwijzingen/{world.A.ReferralId}", content);
        Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest, response.StatusCode.ToString());
        await using var check = app.Services.CreateAsyncScope();
        check.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystemFor(world.A.Id);
        Assert.Equal(ReferralState.Sent, (await check.ServiceProvider.GetRequiredService<AppDbContext>().Referrals.SingleAsync(r => r.Id == world.A.ReferralId)).State);
    }

    [Fact]
    public async Task A_referral_the_partner_leaves_unanswered_for_more_than_ten_days_is_shown_as_waiting_too_long()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = new ThuisAppFactory { ConfigureTestServices = s => s.AddSingleton<TimeProvider>(clock) };
        var world = await TestWorld.SeedAsync(app);
        using var coordinator = new ThuisClient(app);
        var email = await world.CreateUserAsync(world.A, Roles.Coordinator);
        await coordinator.SignInOrFailAsync(email);
        Assert.Contains("Geen verwijzingen die te lang wachten.", (await coordinator.GetAsync("/verwijzingen?wachtend=1")).Text, StringComparison.Ordinal);

        clock.Advance(TimeSpan.FromDays(Referral.AnswerWithinDays + 1));
        await coordinator.SignInOrFailAsync(email);
        var waiting = await coordinator.GetAsync("/verwijzingen?wachtend=1");
        var row = Assert.Single(waiting.Document.QuerySelectorAll("tbody tr"));
        Assert.Contains("Samira Haddad", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("wacht te lang", row.TextContent, StringComparison.Ordinal);
    }

    /// <summary>No response to a partner may hold a BSN (any 9-digit number passing the elfproef), health or money.</summary>
    private static void AssertNothingPrivate(ThuisClient.Page page, string bsn, string familyName)
    {
        var html = page.Document.DocumentElement.OuterHtml;
        Assert.DoesNotContain(bsn, html, StringComparison.Ordinal);
        Assert.DoesNotContain(familyName, page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(NineDigits().Matches(html).Select(m => m.Value), Bsn.IsValid);
        foreach (var word in new[] { "gezondheid:", "Schulden", "Inkomen", "Geboortedatum" })
        {
            Assert.DoesNotContain(word, page.Text, StringComparison.Ordinal);
        }
    }

    private static async Task<int> CountReferralsAsync(ThuisAppFactory app, Guid municipalityId, Guid newcomerId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystemFor(municipalityId);
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Referrals.CountAsync(r => r.NewcomerId == newcomerId);
    }

    [GeneratedRegex(@"(?<!\d)\d{9}(?!\d)")]
    private static partial Regex NineDigits();
}
