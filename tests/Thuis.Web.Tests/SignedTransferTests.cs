using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Thuis.Web.Data;
using Thuis.Web.Features.Transfers;
using Thuis.Web.Platform.Auditing;
using Thuis.Web.Platform.Security;
using Thuis.Web.Tests.Infrastructure;

namespace Thuis.Web.Tests;

/// <summary>
/// Transfer files are signed with the sending municipality's key and addressed to one municipality: a file is
/// received only when it is meant for the receiving municipality, the sender's key is known (on the same installation,
/// or registered by the administrator) and the signature holds over the content as it was signed.
/// Runs on an app of its own, because the newcomers it moves would change what other tests count.
/// </summary>
public sealed class SignedTransferTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private const string ReceivePath = "/dossiers/overdracht-ontvangen";
    private static int _nextBsn = 3000;

    private TestWorld World => fixture.World;

    [Fact]
    public async Task A_file_addressed_to_another_municipality_is_refused_and_nothing_is_created()
    {
        var elsewhere = await World.AddMunicipalityAsync($"Hardenberg {Guid.NewGuid():N}"[..16]);
        var (newcomerId, bsn) = await SeedPersonAsync(World.A);
        using var sender = await SignedInAsync(World.A, Roles.CaseManager);
        var bytes = await ExportAsync(sender, newcomerId, to: elsewhere.Name);
        using var receiver = await SignedInAsync(World.B, Roles.CaseManager);

        var page = await Upload(receiver, bytes);

        Assert.Contains("is niet voor uw gemeente", page.Text, StringComparison.Ordinal);
        Assert.Contains(elsewhere.Name, page.Text, StringComparison.Ordinal);
        AssertNothingToConfirm(page);
        Assert.Equal(0, await CountAsync(World.B, bsn));
        Assert.True(await RefusalAuditedAsync(World.B, bytes, "is niet voor uw gemeente"));
    }

    [Fact]
    public async Task A_file_that_claims_another_sending_municipality_is_refused_and_nothing_is_created()
    {
        var claimed = await World.AddMunicipalityAsync($"Ommen {Guid.NewGuid():N}"[..12]);
        var (newcomerId, bsn) = await SeedPersonAsync(World.A);
        using var sender = await SignedInAsync(World.A, Roles.CaseManager);
        var bytes = await ExportAsync(sender, newcomerId);
        var forged = Encoding.UTF8.GetString(bytes)
            .Replace(World.A.Id.ToString(), claimed.Id.ToString(), StringComparison.Ordinal)
            .Replace("\"Dalfsen\"", $"\"{claimed.Name}\"", StringComparison.Ordinal);
        using var receiver = await SignedInAsync(World.B, Roles.CaseManager);

        var page = await Upload(receiver, Encoding.UTF8.GetBytes(forged));

        Assert.DoesNotContain(claimed.Name, page.Text, StringComparison.Ordinal);
        Assert.Contains("De ondertekening klopt niet", page.Text, StringComparison.Ordinal);
        AssertNothingToConfirm(page);
        Assert.Equal(0, await CountAsync(World.B, bsn));
    }

    [Fact]
    public async Task A_file_whose_content_was_changed_after_signing_is_refused_and_the_refusal_is_audited()
    {
        var (newcomerId, bsn) = await SeedPersonAsync(World.A);
        using var sender = await SignedInAsync(World.A, Roles.CaseManager);
        var bytes = await ExportAsync(sender, newcomerId);
        using var receiver = await SignedInAsync(World.B, Roles.CaseManager);

        // One letter of the name, and the same file with the envelope's addressee unchanged: only the content differs.
        var changed = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(bytes).Replace("\"Signe\"", "\"Signa\"", StringComparison.Ordinal));
        Assert.NotEqual(bytes, changed);
        var page = await Upload(receiver, changed);

        Assert.Contains("De ondertekening klopt niet: het bestand is na het ondertekenen gewijzigd", page.Text, StringComparison.Ordinal);
        AssertNothingToConfirm(page);
        Assert.Equal(0, await CountAsync(World.B, bsn));
        Assert.True(await RefusalAuditedAsync(World.B, changed, "De ondertekening klopt niet"));

        // The untouched file is still good.
        Assert.Contains("Wat er in het bestand staat", (await Upload(receiver, bytes)).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unsigned_file_of_version_1_is_refused_with_the_advice_to_ask_for_a_new_one()
    {
        var (newcomerId, bsn) = await SeedPersonAsync(World.A);
        using var sender = await SignedInAsync(World.A, Roles.CaseManager);
        var bytes = await ExportAsync(sender, newcomerId);
        var (envelope, _) = SignedTransferFile.Read(bytes);
        var unsigned = Encoding.UTF8.GetString(bytes[envelope!.Content!.Value]).Replace("\"versie\": 2", "\"versie\": 1", StringComparison.Ordinal);
        using var receiver = await SignedInAsync(World.B, Roles.CaseManager);

        var page = await Upload(receiver, Encoding.UTF8.GetBytes(unsigned));

        Assert.Contains("Dit overdrachtsbestand is niet ondertekend (versie 1).", page.Text, StringComparison.Ordinal);
        Assert.Contains("Vraag de vorige gemeente om een nieuw bestand.", page.Text, StringComparison.Ordinal);
        AssertNothingToConfirm(page);
        Assert.Equal(0, await CountAsync(World.B, bsn));
    }

    [Fact]
    public async Task A_file_signed_with_a_key_nobody_registered_is_refused()
    {
        var (newcomerId, bsn) = await SeedPersonAsync(World.A);
        using var sender = await SignedInAsync(World.A, Roles.CaseManager);
        var content = ContentOf(await ExportAsync(sender, newcomerId));
        using var stranger = TransferKeys.NewKey();
        using var receiver = await SignedInAsync(World.B, Roles.CaseManager);

        // In the name of a municipality nobody here knows, and in Dalfsen's name: both with a key of their own.
        var unknown = Sign(WithSender(content, null, "Verweggistan", "0999"), "0637", "0999", stranger);
        var page = await Upload(receiver, unknown);
        Assert.Contains("Thuis kent de sleutel van de afzender (de gemeente met CBS-code 0999) niet", page.Text, StringComparison.Ordinal);
        AssertNothingToConfirm(page);

        var inDalfsensName = Sign(content, "0637", "0148", stranger);
        page = await Upload(receiver, inDalfsensName);
        Assert.Contains("is ondertekend met een andere sleutel dan die van Dalfsen (0148)", page.Text, StringComparison.Ordinal);
        AssertNothingToConfirm(page);

        // The stranger's signature beside Dalfsen's fingerprint does not hold.
        string ownFingerprint;
        await using (var scope = ScopeFor(World.A))
        {
            ownFingerprint = (await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<TransferKey>().SingleAsync()).Fingerprint;
        }
        var borrowed = Sign(content, "0637", "0148", stranger, fingerprint: ownFingerprint);
        page = await Upload(receiver, borrowed);
        Assert.Contains("De ondertekening klopt niet", page.Text, StringComparison.Ordinal);
        AssertNothingToConfirm(page);
        Assert.Equal(0, await CountAsync(World.B, bsn));
    }

    [Fact]
    public async Task A_file_signed_with_the_registered_key_of_another_municipality_than_it_claims_is_refused()
    {
        var (newcomerId, bsn) = await SeedPersonAsync(World.A);
        using var sender = await SignedInAsync(World.A, Roles.CaseManager);
        var content = ContentOf(await ExportAsync(sender, newcomerId));
        using var ver = TransferKeys.NewKey();
        using var weg = TransferKeys.NewKey();
        var (verCode, wegCode) = (NewCode(), NewCode());
        using var admin = await SignedInAsync(World.B, Roles.Administrator);
        await RegisterAsync(admin, "Ver", verCode, ver.ExportSubjectPublicKeyInfoPem());
        await RegisterAsync(admin, "Weg", wegCode, weg.ExportSubjectPublicKeyInfoPem());
        using var receiver = await SignedInAsync(World.B, Roles.CaseManager);

        // Claims Ver, names and uses Weg's key.
        var page = await Upload(receiver, Sign(WithSender(content, null, "Ver", verCode), "0637", verCode, weg));
        Assert.Contains($"is ondertekend met een andere sleutel dan die van Ver ({verCode})", page.Text, StringComparison.Ordinal);
        AssertNothingToConfirm(page);
        // Claims Ver and names Ver's key, but is signed by Weg.
        page = await Upload(receiver, Sign(WithSender(content, null, "Ver", verCode), "0637", verCode, weg, fingerprint: TransferKeys.Fingerprint(ver)));
        Assert.Contains("De ondertekening klopt niet", page.Text, StringComparison.Ordinal);
        AssertNothingToConfirm(page);
        // Signed by Ver as Ver, but the content says it comes from Weg.
        page = await Upload(receiver, Sign(WithSender(content, null, "Weg", wegCode), "0637", verCode, ver));
        Assert.Contains("de afzender of de geadresseerde in de inhoud is een andere dan in de ondertekening", page.Text, StringComparison.Ordinal);
        AssertNothingToConfirm(page);
        Assert.Equal(0, await CountAsync(World.B, bsn));

        // Signed by Ver as Ver: accepted, and Ver's name comes from the registration.
        page = await Upload(receiver, Sign(WithSender(content, null, "Ver", verCode), "0637", verCode, ver));
        Assert.Contains("Wat er in het bestand staat", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_municipalities_of_one_installation_hand_over_without_registering_keys()
    {
        var (newcomerId, bsn) = await SeedPersonAsync(World.A);
        using var sender = await SignedInAsync(World.A, Roles.CaseManager);
        var bytes = await ExportAsync(sender, newcomerId);
        using var receiver = await SignedInAsync(World.B, Roles.CaseManager);

        var preview = await Upload(receiver, bytes);
        Assert.Contains("Wat er in het bestand staat", preview.Text, StringComparison.Ordinal);
        var received = await receiver.PostFormAsync(preview, "overdracht-bevestigen", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, received.Status);
        Assert.Equal(1, await CountAsync(World.B, bsn));
        await using var scope = ScopeFor(World.A);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var key = await db.Set<TransferKey>().SingleAsync();
        // The private key is not in the database as it is: only protected, and the public key verifies the file.
        Assert.DoesNotContain("PRIVATE", key.ProtectedPrivateKey, StringComparison.Ordinal);
        using var probe = ECDsa.Create();
        Assert.Throws<CryptographicException>(() => probe.ImportPkcs8PrivateKey(Convert.FromBase64String(key.ProtectedPrivateKey), out _));
        var (envelope, _) = SignedTransferFile.Read(bytes);
        using var verifier = ECDsa.Create();
        verifier.ImportFromPem(key.PublicKey);
        Assert.True(verifier.VerifyData(bytes[envelope!.Content!.Value], envelope.Signature!, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation));
        Assert.Equal(key.Fingerprint, envelope.Fingerprint);
        Assert.True(await db.AuditEntries.AnyAsync(e => e.ObjectType == nameof(TransferKey) && e.Action == AuditAction.Create && e.Purpose == TransferSigning.Purpose));
    }

    [Fact]
    public async Task A_municipality_on_another_installation_hands_over_once_its_public_key_is_registered()
    {
        // Near is on this installation only; Far on the other installation only: its own app and database.
        var near = await World.AddMunicipalityAsync($"Dichtbij{Guid.NewGuid():N}"[..14]);
        await using var other = new ThuisAppFactory();
        var otherWorld = await TestWorld.SeedAsync(other);
        var far = await otherWorld.AddMunicipalityAsync($"Verweg{Guid.NewGuid():N}"[..12]);
        var (farPerson, bsn) = await SeedPersonAsync(other, far);
        using var farAdmin = new ThuisClient(other);
        await farAdmin.SignInOrFailAsync(await otherWorld.CreateUserAsync(far, Roles.Administrator));
        var keysPage = await farAdmin.GetAsync(TransfersSetup.KeysPage);
        Assert.Null(keysPage.Document.QuerySelector("[data-testid='eigen-sleutel']"));
        Assert.Equal(HttpStatusCode.NotFound, (await farAdmin.GetAsync(TransfersSetup.OwnKeyFile)).Status);
        keysPage = await farAdmin.PostFormAsync(keysPage, "sleutel-maken", new Dictionary<string, string>());
        keysPage = await farAdmin.GetAsync(keysPage.Location!);
        Assert.Contains("De sleutel van uw gemeente is gemaakt.", keysPage.Text, StringComparison.Ordinal);
        var fingerprint = keysPage.Document.QuerySelectorAll("dt").Single(d => d.TextContent.Trim() == "Vingerafdruk").NextElementSibling!.TextContent.Trim();
        using var pemResponse = await farAdmin.Http.GetAsync(TransfersSetup.OwnKeyFile);
        Assert.Equal(HttpStatusCode.OK, pemResponse.StatusCode);
        var pem = await pemResponse.Content.ReadAsStringAsync();
        Assert.StartsWith("-----BEGIN PUBLIC KEY-----", pem, StringComparison.Ordinal);

        using var farCaseManager = new ThuisClient(other);
        await farCaseManager.SignInOrFailAsync(await otherWorld.CreateUserAsync(far, Roles.CaseManager));
        var bytes = await ExportAsync(farCaseManager, farPerson, elsewhere: (near.Name, await CodeOfAsync(fixture.App, near)));

        // Before Near's administrator registers Far's key, the file is refused.
        using var receiver = await SignedInAsync(near, Roles.CaseManager);
        var refused = await Upload(receiver, bytes);
        Assert.Contains("Thuis kent de sleutel van de afzender", refused.Text, StringComparison.Ordinal);
        AssertNothingToConfirm(refused);

        using var admin = await SignedInAsync(near, Roles.Administrator);
        var registered = await admin.SubmitFileAsync(TransfersSetup.KeysPage, "sleutel-vastleggen", "Input.KeyFile",
            new ThuisClient.Upload("verweg.pem", Encoding.ASCII.GetBytes(pem), "application/x-pem-file"),
            new Dictionary<string, string> { ["Input.Name"] = far.Name, ["Input.CbsCode"] = await CodeOfAsync(other, far) });
        Assert.Equal(HttpStatusCode.Redirect, registered.Status);
        var list = await admin.GetAsync(registered.Location!);
        Assert.Contains(fingerprint, list.Text, StringComparison.Ordinal);

        var preview = await Upload(receiver, bytes);
        Assert.Contains("Wat er in het bestand staat", preview.Text, StringComparison.Ordinal);
        Assert.Contains(far.Name, preview.Text, StringComparison.Ordinal);
        var received = await receiver.PostFormAsync(preview, "overdracht-bevestigen", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, received.Status);
        Assert.Contains($"Ontvangen van {far.Name} op", (await receiver.GetAsync(received.Location!)).Text, StringComparison.Ordinal);
        Assert.Equal(1, await CountAsync(near, bsn));
    }

    [Fact]
    public async Task The_administrator_registers_and_removes_other_municipalities_keys_with_clear_messages_and_an_audit_entry_each()
    {
        using var admin = await SignedInAsync(World.B, Roles.Administrator);
        using var key = TransferKeys.NewKey();
        using var rsa = RSA.Create(2048);
        var code = NewCode();

        var empty = await admin.SubmitFileAsync(TransfersSetup.KeysPage, "sleutel-vastleggen", "Input.KeyFile", null,
            new Dictionary<string, string> { ["Input.Name"] = "", ["Input.CbsCode"] = "148", ["Input.PublicKey"] = "" });
        Assert.Contains("Vul de naam van de gemeente in.", empty.Text, StringComparison.Ordinal);
        Assert.Contains("Vul de CBS-gemeentecode in: vier cijfers", empty.Text, StringComparison.Ordinal);
        Assert.Contains("Plak de openbare sleutel of kies het sleutelbestand (.pem).", empty.Text, StringComparison.Ordinal);
        Assert.Equal("148", (empty.Document.QuerySelector("input[name='Input.CbsCode']") as IHtmlInputElement)?.Value);

        var cases = new (string Name, string Code, string Pem, string Message)[]
        {
            ("Verweg", code, "geen sleutel", "Dit is geen geldige openbare sleutel."),
            ("Verweg", code, rsa.ExportSubjectPublicKeyInfoPem(), "Dit is geen geldige openbare sleutel."),
            ("Verweg", code, key.ExportPkcs8PrivateKeyPem(), "Dit is een geheime sleutel, geen openbare."),
            ("Dalfsen", "0148", key.ExportSubjectPublicKeyInfoPem(), "Dalfsen gebruikt dezelfde Thuis als u"),
            ("Zoetermeer", "0637", key.ExportSubjectPublicKeyInfoPem(), "Dat is de code van uw eigen gemeente."),
        };
        foreach (var (name, cbs, pem, message) in cases)
        {
            var page = await admin.SubmitFileAsync(TransfersSetup.KeysPage, "sleutel-vastleggen", "Input.KeyFile", null,
                new Dictionary<string, string> { ["Input.Name"] = name, ["Input.CbsCode"] = cbs, ["Input.PublicKey"] = pem });
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.Contains(message, page.Text, StringComparison.Ordinal);
            Assert.Contains(message, page.Document.QuerySelector(".utrecht-form-field--invalid")?.TextContent ?? "", StringComparison.Ordinal);
        }
        Assert.Empty(await RegisteredAsync(World.B, code));

        await RegisterAsync(admin, "Verweg", code, key.ExportSubjectPublicKeyInfoPem());
        var twice = await admin.SubmitFileAsync(TransfersSetup.KeysPage, "sleutel-vastleggen", "Input.KeyFile", null,
            new Dictionary<string, string> { ["Input.Name"] = "Verweg", ["Input.CbsCode"] = code, ["Input.PublicKey"] = key.ExportSubjectPublicKeyInfoPem() });
        Assert.Contains($"Voor CBS-code {code} is al een sleutel vastgelegd (Verweg).", twice.Text, StringComparison.Ordinal);
        var sameKey = await admin.SubmitFileAsync(TransfersSetup.KeysPage, "sleutel-vastleggen", "Input.KeyFile", null,
            new Dictionary<string, string> { ["Input.Name"] = "Anders", ["Input.CbsCode"] = NewCode(), ["Input.PublicKey"] = key.ExportSubjectPublicKeyInfoPem() });
        Assert.Contains($"Deze sleutel is al vastgelegd voor Verweg ({code}).", sameKey.Text, StringComparison.Ordinal);

        var list = await admin.GetAsync(TransfersSetup.KeysPage);
        var row = list.Document.QuerySelectorAll("tr").Single(r => r.TextContent.Contains($"Verweg ({code})", StringComparison.Ordinal));
        Assert.Contains(TransferKeys.Fingerprint(key), row.TextContent, StringComparison.Ordinal);
        var removeHref = row.QuerySelector("a")!.GetAttribute("href")!;

        // Another municipality's administrator cannot see or remove it; opening the confirmation removes nothing.
        using var otherAdmin = await SignedInAsync(World.A, Roles.Administrator);
        Assert.Equal(HttpStatusCode.NotFound, (await otherAdmin.GetAsync(removeHref)).Status);
        Assert.DoesNotContain($"Verweg ({code})", (await otherAdmin.GetAsync(TransfersSetup.KeysPage)).Text, StringComparison.Ordinal);
        var confirmation = await admin.GetAsync(removeHref);
        Assert.Contains("Sleutel verwijderen?", confirmation.Text, StringComparison.Ordinal);
        Assert.Single(await RegisteredAsync(World.B, code));

        var removed = await admin.PostFormAsync(confirmation, "sleutel-verwijderen", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, removed.Status);
        Assert.Contains("De sleutel is verwijderd.", (await admin.GetAsync(removed.Location!)).Text, StringComparison.Ordinal);
        Assert.Empty(await RegisteredAsync(World.B, code));

        await using var scope = ScopeFor(World.B);
        var audit = await scope.ServiceProvider.GetRequiredService<AppDbContext>().AuditEntries
            .Where(e => e.ObjectType == nameof(RegisteredTransferKey)).ToListAsync();
        Assert.Contains(audit, e => e.Action == AuditAction.Create && e.Purpose.Contains($"Verweg ({code}) vastgelegd", StringComparison.Ordinal));
        Assert.Contains(audit, e => e.Action == AuditAction.Delete && e.Purpose.Contains($"Verweg ({code}) verwijderd", StringComparison.Ordinal));
        Assert.True((await AuditTampering.VerifyAsync(fixture.App, World.B.Id)).IsIntact);
    }

    [Fact]
    public async Task Only_the_administrator_opens_the_keys()
    {
        using var caseManager = await SignedInAsync(World.A, Roles.CaseManager);
        Assert.Equal(HttpStatusCode.Forbidden, (await caseManager.GetAsync(TransfersSetup.KeysPage)).Status);
        using (var response = await caseManager.Http.GetAsync(TransfersSetup.OwnKeyFile))
        {
            Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        }
        using var admin = await SignedInAsync(World.A, Roles.Administrator);
        Assert.NotNull((await admin.GetAsync("/beheer")).Document.QuerySelector($"a[href='{TransfersSetup.KeysPage}']"));
    }

    // ----- helpers -----

    private static void AssertNothingToConfirm(ThuisClient.Page page)
    {
        Assert.Contains("Er is niets ontvangen.", page.Text, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => page.Form("overdracht-bevestigen"));
    }

    private static string ContentOf(byte[] file)
    {
        var (envelope, _) = SignedTransferFile.Read(file);
        return Encoding.UTF8.GetString(file[envelope!.Content!.Value]);
    }

    /// <summary>The content with another sender, as a municipality on another installation would write it.</summary>
    private static string WithSender(string content, Guid? id, string name, string cbsCode)
    {
        var node = JsonNode.Parse(content)!;
        node["from"] = JsonSerializer.SerializeToNode(new TransferMunicipality(id, name, cbsCode), TransferFile.Options);
        return node.ToJsonString(TransferFile.Options);
    }

    /// <summary>A file as another installation's Thuis writes it, signed with <paramref name="key"/>.</summary>
    private static byte[] Sign(string content, string to, string signer, ECDsa key, string? fingerprint = null)
    {
        var bytes = Encoding.UTF8.GetBytes(content);
        var signature = key.SignData(bytes, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        return SignedTransferFile.Write(bytes, to, signer, fingerprint ?? TransferKeys.Fingerprint(key), signature);
    }

    private static async Task RegisterAsync(ThuisClient admin, string name, string code, string pem)
    {
        var page = await admin.SubmitFileAsync(TransfersSetup.KeysPage, "sleutel-vastleggen", "Input.KeyFile", null,
            new Dictionary<string, string> { ["Input.Name"] = name, ["Input.CbsCode"] = code, ["Input.PublicKey"] = pem });
        Assert.True(page.Status == HttpStatusCode.Redirect, $"Vastleggen gaf {page.Status}: {page.Text}");
    }

    private static int _nextCode = 8000;

    private static string NewCode() => Interlocked.Increment(ref _nextCode).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<string> CodeOfAsync(ThuisAppFactory app, TestMunicipality municipality)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Municipalities.Where(m => m.Id == municipality.Id).Select(m => m.CbsCode).SingleAsync();
    }

    private async Task<List<RegisteredTransferKey>> RegisteredAsync(TestMunicipality municipality, string code)
    {
        await using var scope = ScopeFor(municipality);
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<RegisteredTransferKey>().Where(k => k.CbsCode == code).ToListAsync();
    }

    private async Task<bool> RefusalAuditedAsync(TestMunicipality municipality, byte[] file, string reason)
    {
        await using var scope = ScopeFor(municipality);
        var sha = ExportDossier.Sha256(file);
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().AuditEntries.AnyAsync(e =>
            e.ObjectType == nameof(Transfer) && e.ObjectId == sha && e.Result == AuditResult.Refused && e.Purpose.Contains(reason));
    }

    private async Task<ThuisClient> SignedInAsync(TestMunicipality municipality, string role)
    {
        var client = fixture.NewClient();
        await client.SignInOrFailAsync(await World.CreateUserAsync(municipality, role));
        return client;
    }

    private static async Task<ThuisClient.Page> Upload(ThuisClient client, byte[] bytes) =>
        await client.SubmitFileAsync(ReceivePath, "overdracht-kiezen", "Input.File", new ThuisClient.Upload("overdracht.json", bytes, "application/json"));

    /// <summary>The transfer file of a hand-over to a municipality of the list, or to one named by hand.</summary>
    private static async Task<byte[]> ExportAsync(ThuisClient client, Guid newcomerId, string to = "Zoetermeer", (string Name, string Code)? elsewhere = null)
    {
        var form = await client.GetAsync($"/dossiers/{newcomerId}/overdragen");
        var fields = new Dictionary<string, string>
        {
            ["Input.To"] = elsewhere is null
                ? form.Document.QuerySelectorAll("select[name='Input.To'] option").Single(o => o.TextContent == to).GetAttribute("value")!
                : ExportDossier.ElsewhereChoice,
            ["Input.ElsewhereName"] = elsewhere?.Name ?? "",
            ["Input.ElsewhereCbsCode"] = elsewhere?.Code ?? "",
            ["Input.MovingDate"] = "2026-11-12",
        };
        var confirmation = await client.PostFormAsync(form, "overdragen", fields);
        Assert.Contains("Controleer en bevestig", confirmation.Text, StringComparison.Ordinal);
        var download = confirmation.Document.Forms.Single(f => f.Action.EndsWith("/overdragen/bestand", StringComparison.Ordinal));
        var values = download.Elements.OfType<IHtmlInputElement>().Where(i => !string.IsNullOrEmpty(i.Name)).ToDictionary(i => i.Name!, i => i.Value);
        using var response = await client.Http.PostAsync(download.GetAttribute("action"), new FormUrlEncodedContent(values));
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Export gaf {response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadAsByteArrayAsync();
    }

    private AsyncServiceScope ScopeFor(TestMunicipality municipality)
    {
        var scope = fixture.App.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystemFor(municipality.Id);
        return scope;
    }

    private async Task<int> CountAsync(TestMunicipality municipality, string bsn)
    {
        await using var scope = ScopeFor(municipality);
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Newcomers.CountAsync(n => n.Bsn == bsn);
    }

    private Task<(Guid Id, string Bsn)> SeedPersonAsync(TestMunicipality municipality) => SeedPersonAsync(fixture.App, municipality);

    /// <summary>Signe, a person with a BSN no other test uses, in <paramref name="municipality"/> of <paramref name="app"/>.</summary>
    private static async Task<(Guid Id, string Bsn)> SeedPersonAsync(ThuisAppFactory app, TestMunicipality municipality)
    {
        var bsn = NewBsn();
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystemFor(municipality.Id);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var newcomer = People.Newcomer(municipality.Id, "Signe", "Ondertekend", new DateOnly(1992, 7, 7), bsn);
        db.Newcomers.Add(newcomer);
        await db.SaveChangesAsync();
        return (newcomer.Id, bsn);
    }

    private static string NewBsn()
    {
        while (true)
        {
            var stem = $"9998{Interlocked.Increment(ref _nextBsn):D4}";
            var sum = stem.Select((c, i) => (c - '0') * (9 - i)).Sum();
            if (sum % 11 <= 9)
            {
                return stem + (sum % 11);
            }
        }
    }
}
