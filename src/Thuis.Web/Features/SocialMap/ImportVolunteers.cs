using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Features.Dossiers;
using Thuis.Web.Features.Intake;
using Thuis.Web.Platform.Localization;
using Thuis.Web.Platform.Security;

namespace Thuis.Web.Features.SocialMap;

/// <summary>
/// Imports volunteers from a CSV file. A volunteer is known by their name together with their e-mail
/// address or phone number (two people may share a name); the same person updates instead of doubling.
/// </summary>
public sealed class ImportVolunteers(AppDbContext db, CurrentUser currentUser, TimeProvider clock)
{
    public static IReadOnlyList<ImportColumn> Columns { get; } =
    [
        new("naam", true, "voor- en achternaam", "Els de Vries"),
        new("rollen", true, $"gescheiden door komma’s: {string.Join(", ", Enum.GetValues<VolunteerRole>().Select(r => r.Dutch()))}", "taalmaatje, buddy"),
        new("telefoon", false, "telefoonnummer; herkent de vrijwilliger, samen met de naam", "06 12345678"),
        new("email", false, "e-mailadres; herkent de vrijwilliger, samen met de naam", "els@voorbeeld.example"),
        new("talen", false, "taal: niveau, gescheiden door komma’s", "Engels: C1, Arabisch: A2"),
        new("beschikbaarheid", false, "dagdelen: ma ochtend, wo middag; een dag zonder dagdeel is de hele dag", "ma ochtend, do avond"),
        new("capaciteit", true, "hoeveel statushouders tegelijk", "2", IsNumber: true),
        new("wijk", false, "wijk, dorp of postcodegebied", "Dalfsen-Noord"),
        new("voorkeuren", false, "in woorden", "liefst een gezin met kinderen"),
        new("vog", false, "niet aangevraagd, aangevraagd of ontvangen", "ontvangen"),
        new("vog_datum", false, "datum van aanvraag of ontvangst, dd-mm-jjjj", "03-02-2025"),
        new("training", false, "gevolgde trainingen", "basistraining taalmaatje"),
        new(WorksThrough, false, "organisatie op de sociale kaart waar de vrijwilliger via werkt, zoals de vrijwilligerscentrale; leeg voor de gemeente zelf", "Vrijwilligerscentrale Dalfsen"),
    ];

    private const string WorksThrough = "werkt_via";

    public static IReadOnlyList<string> Row(Volunteer v, IReadOnlyDictionary<Guid, string> organisationNames) =>
    [
        v.Name, SocialMapCsv.List(v.Roles, r => r.Dutch()), v.Phone ?? "", v.Email ?? "",
        string.Join(", ", v.Languages.Select(l => $"{l.Language}: {l.Level.Dutch()}")), v.Availability.ToString(),
        v.Capacity.ToString(System.Globalization.CultureInfo.InvariantCulture), v.Area ?? "", v.Preferences ?? "", v.Vog.Dutch(),
        SocialMapCsv.Date(v.VogDate), v.Training ?? "",
        v.OrganisationId is { } id ? organisationNames.GetValueOrDefault(id, "") : "",
    ];

    public async Task<byte[]> ExportAsync(CancellationToken cancellationToken)
    {
        var volunteers = await db.Volunteers.AsNoTracking().OrderBy(v => v.Name).ToListAsync(cancellationToken);
        var names = await db.Organisations.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        return SocialMapCsv.Write(Columns, volunteers.Select(v => Row(v, names)));
    }

    public async Task<SocialMapImportReport> HandleAsync(IBrowserFile? file, CancellationToken cancellationToken)
    {
        var (rows, ignored, refusal) = await SocialMapCsv.OpenAsync(file, Columns, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        var municipalityId = currentUser.MunicipalityId ?? throw new InvalidOperationException("Geen gemeente.");
        var today = clock.InTheNetherlands();
        var known = await db.Volunteers.ToListAsync(cancellationToken);
        // Only the municipality's own organisations are found: another municipality's is as unknown as one that does not exist.
        var names = await db.Organisations.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        var seen = new List<(int Line, VolunteerForm Form)>();
        var rejected = new List<ImportedRowError>();
        int created = 0, updated = 0, unchanged = 0;
        foreach (var row in rows)
        {
            var form = Read(row, today);
            var name = form.Name?.Trim() ?? "";
            if (row.Has(WorksThrough) && row.Value(WorksThrough) is { } organisationName)
            {
                form.OrganisationId = names.Where(n => string.Equals(n.Value, organisationName, StringComparison.OrdinalIgnoreCase))
                    .Select(n => (Guid?)n.Key).FirstOrDefault();
                if (form.OrganisationId is null)
                {
                    row.Reasons.Add($"De organisatie ‘{organisationName}’ staat niet op de sociale kaart van uw gemeente. Importeer of maak eerst de organisatie.");
                }
            }
            if (seen.FirstOrDefault(s => SamePerson(s.Form.Name, s.Form.Email, s.Form.Phone, form)) is { Form: not null } earlier)
            {
                row.Reasons.Add($"Deze vrijwilliger staat ook op regel {earlier.Line}; één persoon hoort maar één keer in het bestand.");
            }
            if (row.Reasons.Count > 0)
            {
                rejected.Add(new ImportedRowError(row.Line, name, row.Reasons));
                continue;
            }
            seen.Add((row.Line, form));
            var existing = known.FirstOrDefault(v => SamePerson(v.Name, v.Email, v.Phone, form));
            if (!row.Has(WorksThrough))
            {
                form.OrganisationId = existing?.OrganisationId;
            }
            var details = form.ToDetails();
            var candidate = new Volunteer(municipalityId, details);
            if (existing is null)
            {
                db.Volunteers.Add(candidate);
                known.Add(candidate);
                created++;
            }
            else if (Row(candidate, names).SequenceEqual(Row(existing, names)))
            {
                unchanged++;
            }
            else
            {
                existing.Update(details);
                updated++;
            }
        }
        if (await SocialMapCsv.SaveAsync(db, created + updated > 0, "een van deze vrijwilligers", cancellationToken) is { } failed)
        {
            return failed;
        }
        return new SocialMapImportReport(null, created, updated, unchanged, rejected, ignored);
    }

    /// <summary>The same name, and the same e-mail address or phone number; or the same name and no contact details on either side.</summary>
    private static bool SamePerson(string? name, string? email, string? phone, VolunteerForm form)
    {
        if (!string.Equals(name?.Trim(), form.Name?.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        var sameEmail = email is not null && form.Email is not null && string.Equals(email.Trim(), form.Email.Trim(), StringComparison.OrdinalIgnoreCase);
        var samePhone = phone is not null && form.Phone is not null && Digits(phone) == Digits(form.Phone);
        var neitherReachable = email is null && phone is null && form.Email is null && form.Phone is null;
        return sameEmail || samePhone || neitherReachable;
    }

    private static string? Digits(string? phone) => phone is null ? null : new string([.. phone.Where(char.IsDigit)]);

    private static VolunteerForm Read(ImportRow row, DateOnly today)
    {
        var form = new VolunteerForm
        {
            Name = row.Value("naam"),
            Phone = row.Value("telefoon"),
            Email = row.Value("email"),
            Area = row.Value("wijk"),
            Preferences = row.Value("voorkeuren"),
            Training = row.Value("training"),
        };
        if (!row.HasRightFieldCount)
        {
            return form;
        }
        form.RoleChoices = row.Many<VolunteerRole>("rollen", r => r.Dutch(), nameof(VolunteerForm.RoleChoices));
        form.AvailabilityChoices = row.Week("beschikbaarheid");
        form.Capacity = row.Number("capaciteit", nameof(VolunteerForm.Capacity));
        form.Vog = row.OneOf<VogStatus>("vog", s => s.Dutch(), nameof(VolunteerForm.Vog)) ?? VogStatus.NotRequested;
        form.VogDate = row.Date("vog_datum", nameof(VolunteerForm.VogDate));
        foreach (var item in ContactRules.SplitList(row.Value("talen")))
        {
            // "Engels: C1", or "Engels C1"; a language without a level is recorded as spoken, level unknown.
            var parts = item.Split(':', 2, StringSplitOptions.TrimEntries);
            if (parts.Length == 1 && item.LastIndexOf(' ') is > 0 and var space)
            {
                parts = [item[..space].Trim(), item[(space + 1)..]];
            }
            var level = parts.Length == 2 ? SocialMapTexts.FromDutch<CefrLevel>(parts[1], l => l.Dutch()) : null;
            if (parts.Length == 2 && level is null && item.Contains(':', StringComparison.Ordinal))
            {
                row.Reasons.Add($"talen: ‘{parts[1]}’ is geen taalniveau; gebruik geen, enkele woorden, A1, A2, B1, B2, C1 of C2.");
                continue;
            }
            form.Languages.Add(new VolunteerLanguage { Language = level is null ? item : parts[0], Level = level ?? CefrLevel.None });
        }
        row.Validate(form, form.Check(today));
        return form;
    }
}
