using System.Text.Json;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Features.Dossiers;
using Thuis.Web.Features.Intake;
using Thuis.Web.Features.Milestones;
using Thuis.Web.Features.Plans;
using Thuis.Web.Platform.Auditing;
using Thuis.Web.Platform.Editing;
using Thuis.Web.Platform.Localization;
using Thuis.Web.Platform.Security;

namespace Thuis.Web.Features.Transfers;

public sealed class ReceiveTransferForm
{
    public IBrowserFile? File { get; set; }
}

public sealed class ConfirmTransferForm
{
    /// <summary>The file as uploaded, in base64 so it comes back byte for byte (a browser rewrites line breaks in form fields).</summary>
    public string? Content { get; set; }
}

/// <summary>What the case manager sees before receiving: whose dossier, from where, and what it holds.</summary>
public sealed record TransferPreview(
    string Content, string Sha256, string Name, DateOnly DateOfBirth, string From, string SentBy, DateTimeOffset CreatedAt, DateOnly MovingDate,
    string? Reason, IReadOnlyList<string> IntakeParts, bool HealthIncluded, int PlanVersions, DateOnly? FirstDecisionDate, int SettlingDone,
    int SettlingItems, int Milestones, int LessonGroups, int Proposals);

/// <summary>
/// What receiving shows next: the preview of a file that passed every check, or a dossier — the one just made, or,
/// beside a refusal, the one of the same person that already exists.
/// </summary>
public sealed record TransferReceipt(TransferPreview? Preview, Guid? DossierId);

/// <summary>
/// Warm hand-over, the receiving side: checks a transfer file — first its format, that it is addressed to this
/// municipality, that the sender's key is known and that the signature holds over the content; then size, BSN, not
/// received before, no dossier of the same person yet — shows what it holds, and on confirmation creates the newcomer
/// with every intake part, the plan versions with their numbers and decision dates, the settling checklist, the
/// milestones and an incoming transfer — in one save, or not at all. A refused file is recorded in the audit trail.
/// </summary>
public sealed class ReceiveTransfer(AppDbContext db, CurrentUser currentUser, TimeProvider clock, TransferSigning signing)
{
    public const long MaxBytes = 1024 * 1024;
    private const string NothingReceived = " Er is niets ontvangen.";

    public async Task<Outcome<TransferReceipt>> PreviewAsync(IBrowserFile? file, CancellationToken cancellationToken)
    {
        if (file is null || (file.Size == 0 && string.IsNullOrEmpty(file.Name)))
        {
            return Refused("Kies het overdrachtsbestand (.json) dat u van de vorige gemeente kreeg.");
        }
        if (file.Size > MaxBytes)
        {
            return Refused("Het bestand is groter dan 1 MB; zo groot is een overdrachtsbestand van Thuis niet." + NothingReceived);
        }
        using var content = new MemoryStream();
        await using (var stream = file.OpenReadStream(MaxBytes, cancellationToken))
        {
            await stream.CopyToAsync(content, cancellationToken);
        }
        var bytes = content.ToArray();
        return await AuditedAsync(await CheckAsync(bytes, cancellationToken), bytes, cancellationToken);
    }

    public async Task<Outcome<TransferReceipt>> ImportAsync(string? content, CancellationToken cancellationToken)
    {
        var bytes = Decode(content);
        if (bytes is null)
        {
            return Refused("Het bestand is onderweg niet goed overgekomen. Kies het bestand opnieuw." + NothingReceived);
        }
        var checkedFile = await CheckAsync(bytes, cancellationToken);
        if (checkedFile.Value?.Preview is not { } preview)
        {
            return await AuditedAsync(checkedFile, bytes, cancellationToken);
        }
        var file = (await ReadSignedAsync(bytes, cancellationToken)).File!;
        var received = Build(file, preview.Sha256);
        db.AuditPurpose = $"Warme overdracht ontvangen van {file.From.Name}";
        db.Newcomers.Add(received.Newcomer);
        foreach (var record in received.Records)
        {
            db.Add(record);
        }
        var saved = await SaveVersionedChange.SaveAsync(db, "De overdracht kon niet worden opgeslagen. Probeer het opnieuw." + NothingReceived, cancellationToken);
        if (!saved.IsSaved)
        {
            // Someone received the same file (or registered the same person) between the check and the save.
            var again = await CheckAsync(bytes, cancellationToken);
            return again.IsSaved ? saved : await AuditedAsync(again, bytes, cancellationToken);
        }
        return Outcome.Saved(new TransferReceipt(null, received.Newcomer.Id));
    }

    private async Task<Outcome<TransferReceipt>> CheckAsync(byte[] bytes, CancellationToken cancellationToken)
    {
        if (bytes.Length > MaxBytes)
        {
            return Refused("Het bestand is groter dan 1 MB; zo groot is een overdrachtsbestand van Thuis niet." + NothingReceived);
        }
        var (file, refusal) = await ReadSignedAsync(bytes, cancellationToken);
        if (file is null)
        {
            return Refused(refusal! + NothingReceived);
        }
        if (file.Person.Bsn is null && file.Person.VNumber is null)
        {
            return Refused("In het overdrachtsbestand staat geen BSN." + NothingReceived);
        }
        if (file.Person.Bsn is not null && !Bsn.IsValid(file.Person.Bsn))
        {
            return Refused("Het BSN in het overdrachtsbestand voldoet niet aan de elfproef. Vraag de vorige gemeente het BSN te controleren en het bestand opnieuw te sturen." + NothingReceived);
        }
        var received = await db.Set<Transfer>().Where(t => t.Direction == TransferDirection.Incoming && t.TransferId == file.TransferId)
            .Select(t => (Guid?)t.NewcomerId).FirstOrDefaultAsync(cancellationToken);
        if (received is not null)
        {
            return Refused("Deze overdracht is al ontvangen." + NothingReceived, received);
        }
        var bsn = file.Person.Bsn;
        var vNumber = file.Person.VNumber;
        var known = await db.Newcomers.Where(n => (bsn != null && n.Bsn == bsn) || (vNumber != null && n.VNumber == vNumber))
            .Select(n => new { n.Id, n.Status }).FirstOrDefaultAsync(cancellationToken);
        if (known is not null)
        {
            return Refused(
                $"Er is in uw gemeente al een dossier van deze persoon ({(known.Status == DossierStatus.Active ? "actief" : known.Status.Dutch())}, met hetzelfde {(bsn is not null ? "BSN" : "V-nummer")}). Werk dat dossier bij in plaats van de overdracht te ontvangen." + NothingReceived,
                known.Id);
        }

        if (ContentRefusal(file) is { } wrong)
        {
            return Refused($"Het overdrachtsbestand klopt niet: {wrong}" + NothingReceived);
        }
        var sha = ExportDossier.Sha256(bytes);
        try
        {
            // Built once without saving, so a file whose content breaks a rule of a part, the plan, the checklist or a
            // milestone is refused now rather than after "Overdracht ontvangen". The records obey the same rules as ones
            // typed in by hand; which rule was broken is theirs to know, the case manager gets one clear message.
            Build(file, sha);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or JsonException)
        {
            return Refused(BreaksARule + NothingReceived);
        }
        var settling = file.Settling?.Items ?? [];
        return Outcome.Saved(new TransferReceipt(new TransferPreview(
            Convert.ToBase64String(bytes), sha, $"{file.Person.GivenNames} {file.Person.FamilyName}", file.Person.DateOfBirth, file.From.Name,
            file.SentBy, file.CreatedAt, file.MovingDate, file.Reason,
            [.. IntakePart.All.Where(p => file.Intake.ContainsKey(p.Slug)).Select(p => p.Title)], file.HealthIncluded,
            file.Plans.Count, file.Plans.Where(p => p.DecisionDate is not null).OrderBy(p => p.Number).Select(p => p.DecisionDate).FirstOrDefault(),
            settling.Count(i => i.Status == SettlingItemStatus.Done), settling.Count(i => i.Status != SettlingItemStatus.NotApplicable),
            file.Milestones.Count, file.Lessons.Count, file.Proposals.Count), null));
    }

    /// <summary>A refused file leaves a line in the audit trail: which file (its SHA-256) and why, in the refusal's first sentence.</summary>
    private async Task<Outcome<TransferReceipt>> AuditedAsync(Outcome<TransferReceipt> outcome, byte[] bytes, CancellationToken cancellationToken)
    {
        if (outcome.Kind != OutcomeKind.Refused)
        {
            return outcome;
        }
        var reason = outcome.Message ?? "";
        var end = reason.IndexOf(". ", StringComparison.Ordinal);
        var purpose = $"Overdrachtsbestand geweigerd: {(end > 0 ? reason[..(end + 1)] : reason)}";
        db.RecordAudit(AuditAction.Create, nameof(Transfer), ExportDossier.Sha256(bytes), AuditResult.Refused, purpose.Length <= 200 ? purpose : purpose[..200]);
        await db.SaveChangesAsync(cancellationToken);
        return outcome;
    }

    /// <summary>
    /// The content of a signed transfer file, or why it is refused, checked in this order: the format and version; the
    /// addressee is this municipality; the sender's key is known (on this installation, or registered by the
    /// administrator) and is the key the file names; the signature holds over the exact bytes of the content; the
    /// content names the same sender and addressee. Only then is the content read. The sender's name is taken from the
    /// key, not from the content.
    /// </summary>
    private async Task<(TransferFile? File, string? Refusal)> ReadSignedAsync(byte[] bytes, CancellationToken cancellationToken)
    {
        var utf8 = bytes.AsMemory();
        if (utf8.Span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            utf8 = utf8[3..];
        }
        var (envelope, refusal) = SignedTransferFile.Read(utf8.Span);
        if (envelope is null)
        {
            return (null, refusal);
        }
        if (!envelope.IsComplete)
        {
            return (null, "Dit overdrachtsbestand is niet (volledig) ondertekend, dus is niet vast te stellen van welke gemeente het komt. Vraag de vorige gemeente om een nieuw bestand.");
        }
        if (envelope.Algorithm != SignedTransferFile.Algorithm256)
        {
            return (null, $"Dit overdrachtsbestand is ondertekend op een manier die Thuis niet kent ({envelope.Algorithm}). Vraag de vorige gemeente om een nieuw bestand.");
        }
        var municipalityId = currentUser.MunicipalityId ?? throw new InvalidOperationException("Zonder gemeente kan geen overdracht worden ontvangen.");
        var own = await db.Municipalities.Where(m => m.Id == municipalityId).Select(m => new { m.CbsCode, m.Name }).SingleAsync(cancellationToken);
        if (envelope.To != own.CbsCode)
        {
            var addressee = await db.Municipalities.Where(m => m.CbsCode == envelope.To).Select(m => m.Name).SingleOrDefaultAsync(cancellationToken);
            return (null, $"Dit overdrachtsbestand is niet voor uw gemeente: het is gericht aan {(addressee is null ? "" : $"{addressee}, ")}CBS-code {envelope.To}. "
                + $"Stuur het niet door; vraag de vorige gemeente een bestand te maken voor {own.Name} ({own.CbsCode}).");
        }
        if (envelope.Signer == own.CbsCode)
        {
            return (null, "Dit overdrachtsbestand komt van uw eigen gemeente; de gemeente waar de persoon gaat wonen ontvangt het.");
        }
        var key = await signing.SenderKeyAsync(envelope.Signer!, cancellationToken);
        if (key is null)
        {
            return (null, $"Thuis kent de sleutel van de afzender (de gemeente met CBS-code {envelope.Signer}) niet en kan dus niet vaststellen dat het bestand van die gemeente komt. "
                + "Vraag de functioneel beheerder de openbare sleutel van die gemeente vast te leggen (Beheer, Sleutels voor overdracht) en de vingerafdruk met de gemeente zelf na te gaan.");
        }
        if (key.Fingerprint != envelope.Fingerprint)
        {
            return (null, $"Dit overdrachtsbestand is ondertekend met een andere sleutel dan die van {key.Name} ({key.CbsCode}). Neem contact op met {key.Name} voordat u iets met het bestand doet.");
        }
        var content = utf8[envelope.Content!.Value];
        if (!TransferSigning.Verifies(key, content.Span, envelope.Signature!))
        {
            return (null, "De ondertekening klopt niet: het bestand is na het ondertekenen gewijzigd of beschadigd. Vraag de vorige gemeente het bestand opnieuw te sturen.");
        }
        var (file, wrong) = Parse(content);
        if (file is null)
        {
            return (null, wrong);
        }
        if (file.From.CbsCode != envelope.Signer || file.To.CbsCode != envelope.To)
        {
            return (null, "Het overdrachtsbestand klopt niet: de afzender of de geadresseerde in de inhoud is een andere dan in de ondertekening. Vraag de vorige gemeente om een nieuw bestand.");
        }
        var fromHere = key.OnThisInstallation
            ? await db.Municipalities.Where(m => m.CbsCode == key.CbsCode).Select(m => (Guid?)m.Id).SingleAsync(cancellationToken)
            : null;
        return (file with { From = new TransferMunicipality(fromHere, key.Name, key.CbsCode) }, null);
    }

    private static Outcome<TransferReceipt> Refused(string refusal, Guid? existingDossierId = null) =>
        Outcome.Refused(refusal).With(new TransferReceipt(null, existingDossierId));

    private const string BreaksARule = "Het overdrachtsbestand klopt niet: er staan gegevens in die Thuis niet kan overnemen, "
        + "bijvoorbeeld een datum in de toekomst, een ontbrekende reden of een onderdeel zonder naam van wie het invulde. "
        + "Vraag de vorige gemeente het bestand te controleren en opnieuw te sturen.";

    /// <summary>
    /// What in the file's own structure is not right — an unknown part of the intake, or a plan history that cannot
    /// have happened — in words that follow "Het overdrachtsbestand klopt niet:"; null when it is right.
    /// </summary>
    private static string? ContentRefusal(TransferFile file)
    {
        if (file.Intake.Keys.FirstOrDefault(slug => IntakeTransfer.Find(slug) is null) is { } unknown)
        {
            return $"onbekend onderdeel van de intake ‘{unknown}’.";
        }
        var ordered = file.Plans.OrderBy(v => v.Number).ToList();
        for (var i = 0; i < ordered.Count; i++)
        {
            var version = ordered[i];
            if (version.Number != i + 1)
            {
                return "de versies van het plan lopen niet op van 1 af.";
            }
            if (version.Goals.GroupBy(g => g.Domain).Any(g => g.Count() > 1))
            {
                return $"versie {version.Number} van het plan heeft twee doelen in hetzelfde domein.";
            }
            if (version.State != PlanState.Draft && version.DecisionDate is null)
            {
                return $"versie {version.Number} van het plan is vastgesteld maar heeft geen besluitdatum.";
            }
        }
        // Only the newest version can be a draft, the one before it (or the newest) is in force, and every older one was replaced.
        var last = ordered.Count - 1;
        var inForce = last >= 0 && ordered[last].State == PlanState.Draft ? last - 1 : last;
        for (var i = 0; i < ordered.Count; i++)
        {
            var expected = i > inForce ? PlanState.Draft : i == inForce ? PlanState.Fixed : PlanState.Superseded;
            if (ordered[i].State != expected)
            {
                return "de staat van de versies van het plan (concept, vastgesteld, vervangen) klopt niet.";
            }
        }
        return null;
    }

    /// <summary>The signed content, or why it cannot be read: format and version first, then the whole content.</summary>
    private static (TransferFile? File, string? Refusal) Parse(ReadOnlyMemory<byte> utf8)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8);
        }
        catch (JsonException)
        {
            return (null, "Dit bestand is geen leesbaar overdrachtsbestand: de inhoud is geen geldige JSON. Vraag de vorige gemeente het bestand opnieuw te sturen.");
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("format", out var format) || format.ValueKind != JsonValueKind.String || format.GetString() != TransferFile.FormatName
                || !root.TryGetProperty("versie", out var version) || version.ValueKind != JsonValueKind.Number
                || !version.TryGetInt32(out var number) || number != TransferFile.CurrentVersion)
            {
                return (null, "Het overdrachtsbestand klopt niet: de inhoud heeft een ander formaat of een andere versie dan de ondertekening. Vraag de vorige gemeente om een nieuw bestand.");
            }
            try
            {
                var file = root.Deserialize<TransferFile>(TransferFile.Options);
                return file is null || file.TransferId == Guid.Empty
                    ? (null, "Het overdrachtsbestand is onvolledig: het overdrachtsnummer ontbreekt.")
                    : HasGaps(file) ? (null, "Het overdrachtsbestand is onvolledig of beschadigd: een lijst bevat lege regels.")
                    : (file, null);
            }
            catch (JsonException e)
            {
                return (null, $"Het overdrachtsbestand is onvolledig of beschadigd{(e.Path is { Length: > 1 } path ? $" (bij {path})" : "")}.");
            }
        }
    }

    /// <summary>An empty entry in one of the file's lists; the reader fills lists but does not check their entries for null.</summary>
    private static bool HasGaps(TransferFile file) =>
        file.Intake.Values.Any(v => v is null)
        || file.Plans.Any(p => p is null || p.Terms is null || p.Goals.Any(g => g is null) || p.Steps.Any(s => s is null))
        || file.Settling?.Items.Any(i => i is null) == true
        || file.Milestones.Any(m => m is null || m.Signs.Any(s => s is null))
        || file.Lessons.Any(l => l is null)
        || file.Proposals.Any(p => p is null);

    private sealed record Received(Newcomer Newcomer, IReadOnlyList<object> Records);

    private Received Build(TransferFile file, string sha)
    {
        var municipalityId = currentUser.MunicipalityId ?? throw new InvalidOperationException("Zonder gemeente kan geen overdracht worden ontvangen.");
        var now = clock.GetUtcNow();
        var today = clock.InTheNetherlands();
        // Registered here on the moving day; the old address is no longer where the person lives.
        var frame = file.LegalFrame with { RegistrationDate = file.MovingDate, Street = null, HouseNumber = null, Postcode = null, City = null };
        var newcomer = new Newcomer(municipalityId, file.Person, frame, now);
        if (currentUser.IsInRole(Roles.CaseManager))
        {
            newcomer.AssignCaseManager(currentUser.UserId);
        }
        // Names that came with the file say where they worked, so nobody takes them for a colleague here; a name that
        // already says so (received before, from a third municipality) stays as it is.
        string FromElsewhere(string name)
        {
            var named = name.EndsWith(')') ? name : $"{name} ({file.From.Name})";
            return named.Length <= 200 ? named : named[..200];
        }
        var records = new List<object>();
        foreach (var (slug, content) in file.Intake)
        {
            var part = IntakeTransfer.Find(slug)!;
            records.Add(part.Import(content, newcomer.Id, municipalityId, FromElsewhere));
        }
        var plans = RebuildPlans(newcomer, file.Plans, FromElsewhere);
        records.AddRange(plans);
        // DUO's decisions on the term go with the person: the term keeps running to the day DUO set.
        if (plans.Where(p => p.DecisionDate is not null).MinBy(p => p.Number)?.DecisionDate is { } firstDecision)
        {
            var lastDay = IntegrationLaw.TermLastDay(firstDecision);
            foreach (var change in (file.TermChanges ?? []).OrderBy(c => c.DecidedOn).ThenBy(c => c.RecordedAt))
            {
                records.Add(TermChange.Record(newcomer, lastDay, change.Kind, change.DecidedOn, change.NewLastDay, change.Reason, change.ReasonText,
                    change.DocumentReference, FromElsewhere(change.RecordedBy), change.RecordedAt.ToUniversalTime()));
                lastDay = change.NewLastDay;
            }
        }
        if (file.Settling is { } settling)
        {
            var checklist = new SettlingChecklist(newcomer.Id, municipalityId);
            foreach (var item in settling.Items)
            {
                checklist.Record(item.Code, item.Status, item.DoneOn, item.Note, FromElsewhere(item.DoneBy ?? file.SentBy), today);
            }
            checklist.MarkUpdated(FromElsewhere(settling.UpdatedBy), settling.UpdatedAt.ToUniversalTime());
            records.Add(checklist);
        }
        foreach (var recorded in file.Milestones)
        {
            var milestone = new Milestone(newcomer.Id, municipalityId, recorded.Kind);
            milestone.Record(recorded.State, recorded.ReachedOn, recorded.Signs, recorded.Note, FromElsewhere(recorded.RecordedBy), recorded.RecordedAt.ToUniversalTime(), today);
            records.Add(milestone);
        }
        records.Add(Transfer.Incoming(newcomer, file.TransferId, file.From.Id, file.From.Name, file.MovingDate, file.Reason, currentUser.DisplayName, now,
            sha, file.HealthIncluded, file.Proposals, file.Lessons));
        return new Received(newcomer, records);
    }

    /// <summary>
    /// Replays the plan's history through its own rules — draft, fix, next version, supersede — so the received
    /// versions keep their numbers, states and decision dates, and the steps their status and the day it began.
    /// </summary>
    private static List<IntegrationPlan> RebuildPlans(Newcomer newcomer, IReadOnlyList<TransferPlan> versions, Func<string, string> fromElsewhere)
    {
        var plans = new List<IntegrationPlan>();
        var ordered = versions.OrderBy(v => v.Number).ToList();
        for (var i = 0; i < ordered.Count; i++)
        {
            var source = ordered[i];
            var drafter = fromElsewhere(source.DraftedBy);
            var plan = i == 0 ? IntegrationPlan.FirstDraft(newcomer, drafter, source.DraftedAt.ToUniversalTime()) : plans[^1].NextVersion(drafter, source.DraftedAt.ToUniversalTime());
            var goals = source.Goals.ToDictionary(g => g.Domain, g => g.Description);
            var steps = new List<StepContent>();
            plan.Revise(source.Terms, goals, steps, DateOnly.FromDateTime(source.DraftedAt.UtcDateTime));
            foreach (var step in source.Steps.OrderBy(s => s.Position))
            {
                var content = new StepContent(null, step.Domain, step.What, step.Owner, step.OwnerName, step.Due, step.LowThreshold, step.Offer);
                // One step at a time: a new step starts on the day it is given, which is the day its current status began.
                plan.Revise(source.Terms, goals, [.. steps, content], step.StatusSince);
                var id = plan.Steps[^1].Id;
                steps.Add(content with { Id = id });
                if (step.Status != StepStatus.Planned)
                {
                    plan.RecordProgress(id, step.Status, step.DroppedReason, step.StatusSince);
                }
            }
            if (source.State != PlanState.Draft)
            {
                plan.Fix(source.DecisionDate!.Value, fromElsewhere(source.FixedBy ?? source.DraftedBy), (source.FixedAt ?? source.DraftedAt).ToUniversalTime());
                if (i > 0)
                {
                    plans[^1].Supersede();
                }
            }
            plans.Add(plan);
        }
        return plans;
    }

    private static byte[]? Decode(string? content)
    {
        if (string.IsNullOrEmpty(content))
        {
            return null;
        }
        var bytes = new byte[content.Length];
        return Convert.TryFromBase64String(content, bytes, out var written) ? bytes[..written] : null;
    }
}
