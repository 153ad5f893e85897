using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Thuis.Web.Data;
using Thuis.Web.Features.Dossiers;
using Thuis.Web.Features.Intake;
using Thuis.Web.Features.Milestones;
using Thuis.Web.Features.Plans;
using Thuis.Web.Features.Referrals;
using Thuis.Web.Features.Transfers;
using Thuis.Web.Platform.Auditing;
using Thuis.Web.Platform.Localization;
using Thuis.Web.Platform.Security;
using Thuis.Web.Tests.Infrastructure;

namespace Thuis.Web.Tests;

/// <summary>
/// Warm hand-over between two municipalities on one installation: Dalfsen (A) exports a dossier as a transfer file,
/// Zoetermeer (B) previews and receives it, with the plan's decision dates — and so the term — unchanged.
/// Runs on an app of its own, because the newcomers it moves would change what other tests count.
/// </summary>
public sealed class TransferTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private const string ReceivePath = "/dossiers/overdracht-ontvangen";
    private static readonly DateOnly FirstDecision = new(2026, 10, 1);
    private static int _nextBsn = 1000;

    private TestWorld World => fixture.World;

    [Fact]
    public async Task A_hand_over_of_a_dossier_without_a_BSN_is_warned_before_the_file_is_made()
    {
        var (withBsn, _) = await SeedDossierInAAsync();
        using var client = fixture.NewClient();
        await client.SignInOrFailAsync(await World.CreateUserAsync(World.A, Roles.CaseManager));

        Assert.Null((await client.GetAsync($"/dossiers/{withBsn}/overdragen")).Document.QuerySelector("[data-testid='geen-bsn']"));
        var page = await client.GetAsync($"/dossiers/{await NewcomerWithoutBsnAsync()}/overdragen");
        var warning = page.Document.QuerySelector("[data-testid='geen-bsn']");
        Assert.NotNull(warning);
        Assert.Contains("In dit dossier staat geen BSN.", warning.TextContent, StringComparison.Ordinal);
    }

    private async Task<Guid> NewcomerWithoutBsnAsync()
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystemFor(World.A.Id);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var newcomer = People.Newcomer(World.A.Id, "Zonder", "Burgerservicenummer", new DateOnly(1991, 4, 4));
        db.Newcomers.Add(newcomer);
        await db.SaveChangesAsync();
        return newcomer.Id;
    }

    [Fact]
    public async Task Export_writes_the_whole_dossier_without_health_records_the_transfer_and_marks_the_dossier_moved()
    {
        var (newcomerId, bsn) = await SeedDossierInAAsync();
        using var client = fixture.NewClient();
        await client.SignInOrFailAsync(await World.CreateUserAsync(World.A, Roles.CaseManager));

        var dossier = await client.GetAsync($"/dossiers/{newcomerId}");
        Assert.NotNull(dossier.Document.QuerySelector($"a[href='/dossiers/{newcomerId}/overdragen']"));
        var (response, bytes) = await ExportAsync(client, newcomerId, includeHealth: false);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal($"overdracht-nour-{TimeProvider.System.InTheNetherlands():yyyy-MM-dd}.json", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        using var json = JsonDocument.Parse(bytes);
        var envelope = json.RootElement;
        Assert.Equal("thuis-overdracht", envelope.GetProperty("format").GetString());
        Assert.Equal(2, envelope.GetProperty("versie").GetInt32());
        Assert.Equal("0637", envelope.GetProperty("aan").GetString());
        Assert.Equal("0148", envelope.GetProperty("ondertekening").GetProperty("gemeente").GetString());
        var root = envelope.GetProperty("inhoud");
        Assert.Equal(2, root.GetProperty("versie").GetInt32());
        Assert.Equal("Dalfsen", root.GetProperty("from").GetProperty("name").GetString());
        Assert.Equal("0148", root.GetProperty("from").GetProperty("cbsCode").GetString());
        Assert.Equal("0637", root.GetProperty("to").GetProperty("cbsCode").GetString());
        Assert.Equal("Zoetermeer", root.GetProperty("to").GetProperty("name").GetString());
        Assert.Equal(bsn, root.GetProperty("person").GetProperty("bsn").GetString());
        var intake = root.GetProperty("intake");
        Assert.Equal("Brood bakken zoals thuis in Aleppo", intake.GetProperty("eigen-kracht").GetProperty("talents").GetString());
        Assert.Equal("Arabisch", intake.GetProperty("talen").GetProperty("languages")[0].GetProperty("language").GetString());
        Assert.False(intake.TryGetProperty("persoonlijke-omstandigheden", out _));
        Assert.DoesNotContain("Rugklachten", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
        Assert.False(root.GetProperty("healthIncluded").GetBoolean());
        var plans = root.GetProperty("plans");
        Assert.Equal(2, plans.GetArrayLength());
        Assert.Equal(1, plans[0].GetProperty("number").GetInt32());
        Assert.Equal("2026-10-01", plans[0].GetProperty("decisionDate").GetString());
        Assert.Equal("Superseded", plans[0].GetProperty("state").GetString());
        Assert.Equal("Fixed", plans[1].GetProperty("state").GetString());
        Assert.Equal(3, plans[1].GetProperty("steps").GetArrayLength());
        Assert.Equal("Taalcafé in de bibliotheek", root.GetProperty("proposals")[0].GetProperty("what").GetString());
        Assert.Equal("Yes", root.GetProperty("proposals")[0].GetProperty("answer").GetString());
        Assert.Equal("Taalcursus Dalfsen", root.GetProperty("lessons")[0].GetProperty("group").GetString());

        await using var scope = ScopeFor(World.A);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var transfer = await db.Transfers.SingleAsync(t => t.NewcomerId == newcomerId);
        Assert.Equal(TransferDirection.Outgoing, transfer.Direction);
        Assert.Equal(World.B.Id, transfer.OtherMunicipalityId);
        Assert.Equal(root.GetProperty("transferId").GetGuid(), transfer.TransferId);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), transfer.FileSha256);
        Assert.False(transfer.HealthIncluded);
        Assert.Equal(new DateOnly(2026, 11, 12), transfer.MovingDate);
        Assert.Equal(DossierStatus.MovedAway, (await db.Newcomers.SingleAsync(n => n.Id == newcomerId)).Status);
        var audit = await db.AuditEntries.Where(e => e.ObjectId == newcomerId.ToString() || e.ObjectId == transfer.Id.ToString()).ToListAsync();
        Assert.Contains(audit, e => e.Action == AuditAction.View && e.ObjectType == nameof(Newcomer) && e.Purpose == ExportDossier.Purpose);
        Assert.Contains(audit, e => e.Action == AuditAction.Create && e.ObjectType == nameof(Transfer) && e.Purpose == ExportDossier.Purpose);
        Assert.Contains(audit, e => e.Action == AuditAction.Update && e.ObjectType == nameof(Newcomer) && e.Purpose == ExportDossier.Purpose);
        Assert.DoesNotContain(audit, e => e.Action == AuditAction.View && e.ObjectType == nameof(CircumstancesSection));

        var page = await client.GetAsync($"/dossiers/{newcomerId}");
        Assert.Contains("Overgedragen aan Zoetermeer op", page.Text, StringComparison.Ordinal);
        Assert.Contains("verhuisd", page.Text, StringComparison.Ordinal);

        // A second export, now with the person's consent for health: a new file with its own transfer id.
        var (_, withHealth) = await ExportAsync(client, newcomerId, includeHealth: true);
        using var second = JsonDocument.Parse(withHealth);
        var secondContent = second.RootElement.GetProperty("inhoud");
        Assert.NotEqual(root.GetProperty("transferId").GetGuid(), secondContent.GetProperty("transferId").GetGuid());
        Assert.True(secondContent.GetProperty("healthIncluded").GetBoolean());
        Assert.Equal("Rugklachten", secondContent.GetProperty("intake").GetProperty("persoonlijke-omstandigheden").GetProperty("physicalHealth").GetString());
        await using var check = ScopeFor(World.A);
        var checkDb = check.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(2, await checkDb.Transfers.CountAsync(t => t.NewcomerId == newcomerId && t.Direction == TransferDirection.Outgoing));
        Assert.True(await checkDb.Transfers.AnyAsync(t => t.NewcomerId == newcomerId && t.HealthIncluded));
        Assert.True(await checkDb.AuditEntries.AnyAsync(e => e.Action == AuditAction.View && e.ObjectType == nameof(CircumstancesSection) && e.ObjectId == newcomerId.ToString()));
    }

    [Fact]
    public async Task The_receiving_municipality_previews_then_receives_the_dossier_with_its_plan_versions_and_the_same_term()
    {
        var (newcomerId, bsn) = await SeedDossierInAAsync();
        using var sender = fixture.NewClient();
        await sender.SignInOrFailAsync(await World.CreateUserAsync(World.A, Roles.CaseManager));
        var (_, bytes) = await ExportAsync(sender, newcomerId, includeHealth: false);
        var termInA = TermText((await sender.GetAsync($"/dossiers/{newcomerId}/plan")).Text);

        using var receiver = fixture.NewClient();
        var receiverEmail = await World.CreateUserAsync(World.B, Roles.CaseManager);
        await receiver.SignInOrFailAsync(receiverEmail);
        var preview = await Upload(receiver, bytes);

        Assert.Equal(HttpStatusCode.OK, preview.Status);
        Assert.Contains("Nour Al-Rashid", preview.Text, StringComparison.Ordinal);
        Assert.Contains("Dalfsen", preview.Text, StringComparison.Ordinal);
        Assert.Contains("3 onderdelen", preview.Text, StringComparison.Ordinal);
        Assert.Contains("2 versies; eerste dagtekening 1 oktober 2026", preview.Text, StringComparison.Ordinal);
        Assert.Equal(0, await CountInBAsync(bsn));

        var received = await receiver.PostFormAsync(preview, "overdracht-bevestigen", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, received.Status);
        Assert.StartsWith("/dossiers/", received.Location, StringComparison.Ordinal);
        var newId = Guid.Parse(received.Location!["/dossiers/".Length..].Split('?')[0]);
        var dossier = await receiver.GetAsync(received.Location!);
        Assert.Contains("Ontvangen van Dalfsen op", dossier.Text, StringComparison.Ordinal);
        Assert.Contains("Uit de vorige gemeente", dossier.Text, StringComparison.Ordinal);
        Assert.Contains("Taalcafé in de bibliotheek", dossier.Text, StringComparison.Ordinal);
        Assert.Contains("Brede intake: 3 van 12 onderdelen ingevuld", dossier.Text, StringComparison.Ordinal);
        Assert.Equal(termInA, TermText((await receiver.GetAsync($"/dossiers/{newId}/plan")).Text));
        Assert.Contains($"{DutchFormat.Date(IntegrationLaw.TermStarts(FirstDecision))} tot en met {DutchFormat.Date(IntegrationLaw.TermLastDay(FirstDecision))}", termInA, StringComparison.Ordinal);

        await using (var scope = ScopeFor(World.B))
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var newcomer = await db.Newcomers.SingleAsync(n => n.Id == newId);
            Assert.Equal(bsn, newcomer.Bsn);
            Assert.Equal(World.B.Id, newcomer.MunicipalityId);
            Assert.Equal(await World.UserIdOfAsync(receiverEmail), newcomer.CaseManagerId);
            Assert.Equal(DossierStatus.Active, newcomer.Status);
            var strengths = await db.Set<StrengthsSection>().SingleAsync(s => s.NewcomerId == newId);
            Assert.Equal("Brood bakken zoals thuis in Aleppo", strengths.Talents);
            Assert.Equal(["sport"], strengths.Interests);
            Assert.Equal("Karin Klantregisseur (Dalfsen)", strengths.RecordedBy);
            Assert.Equal(new DateTimeOffset(2026, 9, 15, 10, 0, 0, TimeSpan.Zero), strengths.RecordedAt);
            var household = await db.Set<HouseholdSection>().SingleAsync(s => s.NewcomerId == newId);
            Assert.Equal("Lina", Assert.Single(household.Children).Name);
            Assert.Equal(Literacy.Literate, (await db.Set<LanguagesSection>().SingleAsync(s => s.NewcomerId == newId)).LatinScript);
            Assert.Null(await db.Set<CircumstancesSection>().SingleOrDefaultAsync(s => s.NewcomerId == newId));
            var plans = await db.IntegrationPlans.Include(p => p.Steps).Where(p => p.NewcomerId == newId).OrderBy(p => p.Number).ToListAsync();
            Assert.Equal([1, 2], plans.Select(p => p.Number));
            Assert.Equal([PlanState.Superseded, PlanState.Fixed], plans.Select(p => p.State));
            Assert.Equal([FirstDecision, new DateOnly(2026, 11, 2)], plans.Select(p => p.DecisionDate!.Value));
            var done = plans[1].Steps.Single(s => s.What == "Cv maken");
            Assert.Equal(StepStatus.Done, done.Status);
            Assert.Equal(new DateOnly(2026, 11, 3), done.StatusSince);
            Assert.Equal(SettlingItemStatus.Done, (await db.SettlingChecklists.SingleAsync(c => c.NewcomerId == newId)).Item("bankrekening")!.Status);
            Assert.Equal(MilestoneState.Behind, (await db.Milestones.SingleAsync(m => m.NewcomerId == newId)).State);
            Assert.Empty(await db.Referrals.Where(r => r.NewcomerId == newId).ToListAsync());
            var incoming = await db.Transfers.SingleAsync(t => t.NewcomerId == newId);
            Assert.Equal(TransferDirection.Incoming, incoming.Direction);
            Assert.Equal(World.A.Id, incoming.OtherMunicipalityId);
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), incoming.FileSha256);
            Assert.Single(incoming.PreviousProposals);
            Assert.True(await db.AuditEntries.AnyAsync(e => e.ObjectType == nameof(Transfer) && e.ObjectId == incoming.Id.ToString()
                && e.Action == AuditAction.Create && e.Purpose == "Warme overdracht ontvangen van Dalfsen"));
        }
        await using (var scope = ScopeFor(World.A))
        {
            var outgoing = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Transfers.SingleAsync(t => t.NewcomerId == newcomerId);
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), outgoing.FileSha256);
        }

        // The same file again, by upload and by re-posting the old confirmation: refused, nothing created.
        var again = await Upload(receiver, bytes);
        Assert.Contains("Deze overdracht is al ontvangen.", again.Text, StringComparison.Ordinal);
        Assert.NotNull(again.Document.QuerySelector($"a[href='/dossiers/{newId}']"));
        Assert.Throws<InvalidOperationException>(() => again.Form("overdracht-bevestigen"));
        var reposted = await receiver.PostFormAsync(preview, "overdracht-bevestigen", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.OK, reposted.Status);
        Assert.Contains("Deze overdracht is al ontvangen.", reposted.Text, StringComparison.Ordinal);
        Assert.Equal(1, await CountInBAsync(bsn));
    }

    [Fact]
    public async Task DUOs_extension_of_the_term_moves_with_the_person_and_the_term_ends_on_the_same_day()
    {
        var (newcomerId, _) = await SeedDossierInAAsync();
        var extendedTo = IntegrationLaw.TermLastDay(FirstDecision).AddYears(1);
        await using (var scope = ScopeFor(World.A))
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var newcomer = await db.Newcomers.SingleAsync(n => n.Id == newcomerId);
            db.TermChanges.Add(TermChange.Record(newcomer, IntegrationLaw.TermLastDay(FirstDecision), TermChangeKind.Extension, new DateOnly(2026, 11, 20),
                extendedTo, TermChangeReason.NotToBlame, null, "DUO-2026-4711", "Karin Klantregisseur", new DateTimeOffset(2026, 11, 21, 9, 0, 0, TimeSpan.Zero)));
            await db.SaveChangesAsync();
        }
        using var sender = fixture.NewClient();
        await sender.SignInOrFailAsync(await World.CreateUserAsync(World.A, Roles.CaseManager));
        var termInA = TermText((await sender.GetAsync($"/dossiers/{newcomerId}/plan")).Text);
        Assert.Contains($"tot en met {DutchFormat.Date(extendedTo)}", termInA, StringComparison.Ordinal);
        var (_, bytes) = await ExportAsync(sender, newcomerId, includeHealth: false);

        using var receiver = fixture.NewClient();
        await receiver.SignInOrFailAsync(await World.CreateUserAsync(World.B, Roles.CaseManager));
        var received = await receiver.PostFormAsync(await Upload(receiver, bytes), "overdracht-bevestigen", new Dictionary<string, string>());
        var newId = Guid.Parse(received.Location!["/dossiers/".Length..].Split('?')[0]);

        Assert.Equal(termInA, TermText((await receiver.GetAsync($"/dossiers/{newId}/plan")).Text));
        await using (var scope = ScopeFor(World.B))
        {
            var change = await scope.ServiceProvider.GetRequiredService<AppDbContext>().TermChanges.SingleAsync(t => t.NewcomerId == newId);
            Assert.Equal((TermChangeKind.Extension, extendedTo, "DUO-2026-4711", "Karin Klantregisseur (Dalfsen)"),
                (change.Kind, change.NewLastDay, change.DocumentReference, change.RecordedBy));
        }
    }

    [Fact]
    public async Task Corrupt_foreign_and_wrong_files_are_refused_in_Dutch_and_nothing_is_created()
    {
        var (newcomerId, bsn) = await SeedDossierInAAsync();
        using var sender = fixture.NewClient();
        await sender.SignInOrFailAsync(await World.CreateUserAsync(World.A, Roles.CaseManager));
        var (_, bytes) = await ExportAsync(sender, newcomerId, includeHealth: false);
        var text = Encoding.UTF8.GetString(bytes);
        using var receiver = fixture.NewClient();
        await receiver.SignInOrFailAsync(await World.CreateUserAsync(World.B, Roles.CaseManager));
        var transfersBefore = await TransfersInBAsync();

        var cases = new (string File, string Message)[]
        {
            (text[..(text.Length / 2)], "de inhoud is geen geldige JSON"),
            ("{ dit is geen json", "de inhoud is geen geldige JSON"),
            (text.Replace("\"thuis-overdracht\"", "\"ander-formaat\"", StringComparison.Ordinal), "Dit is geen overdrachtsbestand van Thuis"),
            (text.Replace("\"versie\": 2", "\"versie\": 3", StringComparison.Ordinal), "Thuis leest versie 2"),
            // Signed again by Dalfsen after the change, so the checks after the signature's are reached.
            (await ResignedByAAsync(text, t => t.Replace($"\"{bsn}\"", "\"123456789\"", StringComparison.Ordinal)), "voldoet niet aan de elfproef"),
            (await ResignedByAAsync(text, t => t.Replace("\"person\":", "\"persoon\":", StringComparison.Ordinal)), "onvolledig of beschadigd"),
            (await ResignedByAAsync(text, t => t.Replace("\"plans\": [", "\"plans\": [ null,", StringComparison.Ordinal)), "een lijst bevat lege regels"),
        };
        foreach (var (file, message) in cases)
        {
            Assert.NotEqual(text, file);
            var page = await Upload(receiver, Encoding.UTF8.GetBytes(file));
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.Contains(message, page.Text, StringComparison.Ordinal);
            Assert.Contains("Er is niets ontvangen.", page.Text, StringComparison.Ordinal);
            Assert.Throws<InvalidOperationException>(() => page.Form("overdracht-bevestigen"));
        }
        Assert.Equal(0, await CountInBAsync(bsn));
        Assert.Equal(transfersBefore, await TransfersInBAsync());

        var empty = await receiver.SubmitFileAsync(ReceivePath, "overdracht-kiezen", "Input.File", null);
        Assert.Contains("Kies het overdrachtsbestand", empty.Text, StringComparison.Ordinal);

        // A file that was tampered with after the preview is checked again on confirmation.
        var preview = await Upload(receiver, bytes);
        var broken = Convert.ToBase64String(Encoding.UTF8.GetBytes(text.Replace($"\"{bsn}\"", "\"123456789\"", StringComparison.Ordinal)));
        var tampered = await receiver.PostFormAsync(preview, "overdracht-bevestigen", new Dictionary<string, string> { ["Confirm.Content"] = broken });
        Assert.Contains("De ondertekening klopt niet", tampered.Text, StringComparison.Ordinal);
        Assert.Equal(0, await CountInBAsync(bsn));
    }

    [Fact]
    public async Task A_person_who_already_has_a_dossier_here_is_refused_with_a_link_to_it()
    {
        using var sender = fixture.NewClient();
        await sender.SignInOrFailAsync(await World.CreateUserAsync(World.A, Roles.CaseManager));
        var (newcomerId, _) = await SeedDossierInAAsync(bsn: World.B.NewcomerBsn);
        var (_, bytes) = await ExportAsync(sender, newcomerId, includeHealth: false);
        using var receiver = fixture.NewClient();
        await receiver.SignInOrFailAsync(await World.CreateUserAsync(World.B, Roles.CaseManager));

        var page = await Upload(receiver, bytes);

        Assert.Contains("Er is in uw gemeente al een dossier van deze persoon", page.Text, StringComparison.Ordinal);
        Assert.NotNull(page.Document.QuerySelector($"a[href='/dossiers/{World.B.NewcomerId}']"));
        Assert.Equal(1, await CountInBAsync(World.B.NewcomerBsn));
    }

    [Fact]
    public async Task Another_municipalitys_dossier_cannot_be_exported_and_a_partner_worker_gets_no_file()
    {
        using var client = fixture.NewClient();
        await client.SignInOrFailAsync(await World.CreateUserAsync(World.A, Roles.CaseManager));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/dossiers/{World.B.NewcomerId}/overdragen")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/dossiers/{World.B.NewcomerId}/overdragen/bestand")).Status);

        // A confirmation for A's own dossier, posted to the address of B's: not found, and B's dossier untouched.
        var (ownId, _) = await SeedDossierInAAsync();
        var confirmation = await ConfirmAsync(client, ownId, includeHealth: false);
        var (_, fields) = ConfirmationForm(confirmation);
        using (var foreign = await client.Http.PostAsync($"/dossiers/{World.B.NewcomerId}/overdragen/bestand", new FormUrlEncodedContent(fields)))
        {
            Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
            Assert.Null(foreign.Content.Headers.ContentDisposition);
        }
        await using (var scope = ScopeFor(World.B))
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            Assert.Equal(DossierStatus.Active, (await db.Newcomers.SingleAsync(n => n.Id == World.B.NewcomerId)).Status);
            Assert.False(await db.Transfers.AnyAsync(t => t.NewcomerId == World.B.NewcomerId));
        }

        using var partner = fixture.NewClient();
        await partner.SignInOrFailAsync(await World.CreateUserAsync(World.A, Roles.PartnerWorker));
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.GetAsync($"/dossiers/{ownId}/overdragen")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.GetAsync(ReceivePath)).Status);
        var token = (await partner.GetAsync("/")).Document.QuerySelector("input[name='__RequestVerificationToken']")?.GetAttribute("value");
        Assert.NotNull(token);
        fields["__RequestVerificationToken"] = token;
        using (var refused = await partner.Http.PostAsync($"/dossiers/{ownId}/overdragen/bestand", new FormUrlEncodedContent(fields)))
        {
            Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
            Assert.Null(refused.Content.Headers.ContentDisposition);
            Assert.DoesNotContain("thuis-overdracht", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        await using (var scope = ScopeFor(World.A))
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            Assert.Equal(DossierStatus.Active, (await db.Newcomers.SingleAsync(n => n.Id == ownId)).Status);
            Assert.False(await db.Transfers.AnyAsync(t => t.NewcomerId == ownId));
        }
    }

    [Fact]
    public async Task The_export_form_keeps_the_input_and_explains_what_is_missing()
    {
        var (newcomerId, _) = await SeedDossierInAAsync();
        using var client = fixture.NewClient();
        await client.SignInOrFailAsync(await World.CreateUserAsync(World.A, Roles.CaseManager));

        var page = await client.SubmitAsync($"/dossiers/{newcomerId}/overdragen", "overdragen", new Dictionary<string, string>
        {
            ["Input.To"] = ExportDossier.ElsewhereChoice,
            ["Input.Reason"] = "Werk gevonden in Groningen",
        });

        Assert.Contains("Schrijf de naam van de gemeente", page.Text, StringComparison.Ordinal);
        Assert.Contains("Vul de verhuisdatum in.", page.Text, StringComparison.Ordinal);
        Assert.Equal("Werk gevonden in Groningen", page.Document.QuerySelector("textarea[name='Input.Reason']")?.TextContent);
        Assert.DoesNotContain(World.A.Name, page.Document.QuerySelectorAll("select[name='Input.To'] option").Select(o => o.TextContent));
        await using var scope = ScopeFor(World.A);
        Assert.False(await scope.ServiceProvider.GetRequiredService<AppDbContext>().Transfers.AnyAsync(t => t.NewcomerId == newcomerId));
    }

    /// <summary>The file's content changed by <paramref name="change"/> and signed again with Dalfsen's own key, for Zoetermeer.</summary>
    private async Task<string> ResignedByAAsync(string file, Func<string, string> change)
    {
        var bytes = Encoding.UTF8.GetBytes(file);
        var (envelope, _) = SignedTransferFile.Read(bytes);
        var content = change(Encoding.UTF8.GetString(bytes[envelope!.Content!.Value]));
        await using var scope = ScopeFor(World.A);
        var signed = await scope.ServiceProvider.GetRequiredService<TransferSigning>().SignAsync(Encoding.UTF8.GetBytes(content), "0637", CancellationToken.None);
        return Encoding.UTF8.GetString(signed);
    }

    private static string TermText(string planPage)
    {
        var start = planPage.IndexOf("Inburgeringstermijn", StringComparison.Ordinal);
        Assert.True(start >= 0, "Geen inburgeringstermijn op de planpagina.");
        var end = planPage.IndexOf("Leerroute wisselen", start, StringComparison.Ordinal);
        return planPage[start..end].Trim();
    }

    private static async Task<ThuisClient.Page> Upload(ThuisClient client, byte[] bytes) =>
        await client.SubmitFileAsync(ReceivePath, "overdracht-kiezen", "Input.File", new ThuisClient.Upload("overdracht.json", bytes, "application/json"));

    private static async Task<ThuisClient.Page> ConfirmAsync(ThuisClient client, Guid newcomerId, bool includeHealth)
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.To"] = "",
            ["Input.MovingDate"] = "2026-11-12",
            ["Input.Reason"] = "Woning gevonden dichter bij familie",
        };
        if (includeHealth)
        {
            fields["Input.IncludeHealth"] = "true";
        }
        var form = await client.GetAsync($"/dossiers/{newcomerId}/overdragen");
        fields["Input.To"] = form.Document.QuerySelectorAll("select[name='Input.To'] option").Single(o => o.TextContent == "Zoetermeer").GetAttribute("value")!;
        var confirmation = await client.PostFormAsync(form, "overdragen", fields);
        Assert.Contains("Controleer en bevestig", confirmation.Text, StringComparison.Ordinal);
        return confirmation;
    }

    private static (string Action, Dictionary<string, string> Fields) ConfirmationForm(ThuisClient.Page confirmation)
    {
        var form = confirmation.Document.Forms.Single(f => f.Action.EndsWith("/overdragen/bestand", StringComparison.Ordinal));
        return (form.GetAttribute("action")!, form.Elements.OfType<IHtmlInputElement>().Where(i => !string.IsNullOrEmpty(i.Name)).ToDictionary(i => i.Name!, i => i.Value));
    }

    private static async Task<(HttpResponseMessage Response, byte[] File)> ExportAsync(ThuisClient client, Guid newcomerId, bool includeHealth)
    {
        var (action, fields) = ConfirmationForm(await ConfirmAsync(client, newcomerId, includeHealth));
        var response = await client.Http.PostAsync(action, new FormUrlEncodedContent(fields));
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Export gaf {response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (response, await response.Content.ReadAsByteArrayAsync());
    }

    private AsyncServiceScope ScopeFor(TestMunicipality municipality)
    {
        var scope = fixture.App.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystemFor(municipality.Id);
        return scope;
    }

    private async Task<int> CountInBAsync(string bsn)
    {
        await using var scope = ScopeFor(World.B);
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Newcomers.CountAsync(n => n.Bsn == bsn);
    }

    private async Task<int> TransfersInBAsync()
    {
        await using var scope = ScopeFor(World.B);
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Transfers.CountAsync();
    }

    /// <summary>A BSN no other test uses: eight digits and the check digit that makes the 11-proef pass.</summary>
    private static string NewBsn()
    {
        while (true)
        {
            var stem = $"9999{Interlocked.Increment(ref _nextBsn):D4}";
            var sum = stem.Select((c, i) => (c - '0') * (9 - i)).Sum();
            if (sum % 11 <= 9)
            {
                return stem + (sum % 11);
            }
        }
    }

    /// <summary>
    /// Nour in Dalfsen with four intake parts (health among them), two plan versions — the first fixed on
    /// 1 October 2026 — a step done, the bank account arranged, a milestone behind and a proposal she said yes to.
    /// </summary>
    private async Task<(Guid Id, string Bsn)> SeedDossierInAAsync(string? bsn = null)
    {
        bsn ??= NewBsn();
        await using var scope = ScopeFor(World.A);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var recorded = new DateTimeOffset(2026, 9, 15, 10, 0, 0, TimeSpan.Zero);
        var newcomer = new Newcomer(World.A.Id,
            new PersonDetails("Nour", "Al-Rashid", new DateOnly(1988, 2, 3), Gender.Female, "Syrië", "Syrisch", "06 12345678", null, "Arabisch", true, bsn, null),
            new LegalFrame(TargetGroup.AsylumPermitHolder, new DateOnly(2026, 5, 1), new DateOnly(2026, 6, 1), new DateOnly(2026, 6, 1), "Kerkstraat", "12", "7721 AB", "Dalfsen"),
            recorded);
        db.Newcomers.Add(newcomer);

        var strengths = new StrengthsSection(newcomer.Id, World.A.Id);
        strengths.Update("Brood bakken zoals thuis in Aleppo", "Rekenen", "Voetbal", ["sport"], "Haar brood", "Mensen ontmoeten");
        var languages = new LanguagesSection(newcomer.Id, World.A.Id);
        languages.Update([new LanguageSkill { Language = "Arabisch", MotherTongue = true, Listening = CefrLevel.C2, Reading = CefrLevel.C2, Speaking = CefrLevel.C2, Writing = CefrLevel.C1 }], Literacy.Literate);
        var household = new HouseholdSection(newcomer.Id, World.A.Id);
        household.Update("Omar", true, [new Child { Name = "Lina", DateOfBirth = new DateOnly(2018, 4, 1), SchoolOrDayCare = "obs De Linde" }], FamilyReunificationStatus.NotApplicable, null);
        var circumstances = new CircumstancesSection(newcomer.Id, World.A.Id);
        circumstances.Update("Rugklachten", "Slaapt slecht sinds de vlucht", null, null, null);
        foreach (IntakeSection section in new IntakeSection[] { strengths, languages, household, circumstances })
        {
            section.MarkRecorded("Karin Klantregisseur", recorded);
            db.Add(section);
        }

        var terms = new PlanTerms(LearningRoute.B1, MainGoal.Work, "Weer bakken en vrienden maken", 4, null, null, null, null, null, 8, null, 1);
        var goals = new Dictionary<ParticipationDomain, string> { [ParticipationDomain.Meeting] = "Mensen ontmoeten", [ParticipationDomain.PaidWork] = "Werk als bakker" };
        var first = IntegrationPlan.FirstDraft(newcomer, "Karin Klantregisseur", recorded);
        first.Revise(terms, goals,
        [
            new StepContent(null, ParticipationDomain.Meeting, "Meetrainen bij de voetbalclub", StepOwner.Volunteer, "Sportclub DOS", new DateOnly(2026, 10, 15), true, null),
            new StepContent(null, ParticipationDomain.PaidWork, "Cv maken", StepOwner.Newcomer, null, new DateOnly(2026, 11, 1), false, null),
        ], new DateOnly(2026, 9, 20));
        first.Fix(FirstDecision, "Karin Klantregisseur", recorded);
        var second = first.NextVersion("Karin Klantregisseur", recorded.AddDays(30));
        second.Revise(terms, goals,
        [
            .. second.Steps.Select(s => new StepContent(s.Id, s.Domain, s.What, s.Owner, s.OwnerName, s.Due, s.LowThreshold, s.Offer)),
            new StepContent(null, ParticipationDomain.PaidWork, "Een dag meelopen bij een bakkerij", StepOwner.Partner, "Werkgeversservicepunt", new DateOnly(2026, 12, 1), false, null),
        ], new DateOnly(2026, 10, 20));
        second.Fix(new DateOnly(2026, 11, 2), "Karin Klantregisseur", recorded.AddDays(48));
        first.Supersede();
        second.RecordProgress(second.Steps.Single(s => s.What == "Cv maken").Id, StepStatus.Done, null, new DateOnly(2026, 11, 3));
        db.IntegrationPlans.AddRange(first, second);

        var checklist = new SettlingChecklist(newcomer.Id, World.A.Id);
        checklist.Record("bankrekening", SettlingItemStatus.Done, new DateOnly(2026, 6, 10), null, "Karin Klantregisseur", new DateOnly(2026, 6, 10));
        checklist.MarkUpdated("Karin Klantregisseur", recorded);
        db.SettlingChecklists.Add(checklist);
        var milestone = new Milestone(newcomer.Id, World.A.Id, MilestoneKind.Integrate);
        milestone.Record(MilestoneState.Behind, null, [], "Wacht op een plek in de taalcursus", "Karin Klantregisseur", recorded, new DateOnly(2026, 9, 15));
        db.Milestones.Add(milestone);

        var proposal = new Proposal(newcomer, TargetKind.Other, null, "Taalcafé in de bibliotheek", World.A.PartnerOrganisationId, null, "Karin Klantregisseur", recorded, new DateOnly(2026, 9, 15));
        proposal.RecordAnswer(NewcomerAnswer.Yes, new DateOnly(2026, 9, 16), null);
        db.Proposals.Add(proposal);
        var group = await db.CourseGroups.SingleAsync(g => g.Id == World.A.GroupId);
        db.Enrolments.Add(new Thuis.Web.Features.Trajectories.Enrolment(group, newcomer.Id, World.A.Id, group.StartDate, "test", recorded));
        await db.SaveChangesAsync();
        return (newcomer.Id, bsn);
    }
}
