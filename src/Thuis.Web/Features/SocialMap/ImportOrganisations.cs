using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Features.Dossiers;
using Thuis.Web.Features.Organisations;
using Thuis.Web.Features.Plans;
using Thuis.Web.Platform.Security;

namespace Thuis.Web.Features.SocialMap;

/// <summary>
/// Imports organisations from a CSV file, such as an earlier export or a list from the welfare organisation.
/// The name is the key: a name the map already has updates that organisation, so the same file can be
/// imported again without making doubles. A row with an error saves nothing; the good rows are saved together.
/// </summary>
public sealed class ImportOrganisations(AppDbContext db, CurrentUser currentUser)
{
    public static IReadOnlyList<ImportColumn> Columns { get; } =
    [
        new("naam", true, "naam van de organisatie; herkent de organisatie bij een volgende import", "Voetbalvereniging Dalfsen"),
        new("soort", false, $"een van: {string.Join(", ", Enum.GetValues<OrganisationType>().Select(t => t.Dutch()))}", "sportvereniging"),
        new("straat", false, "straatnaam", "Sportlaan"),
        new("huisnummer", false, "met toevoeging", "3"),
        new("postcode", false, "1234 AB of 1234AB", "7721 AB"),
        new("plaats", false, "plaats", "Dalfsen"),
        new("contactpersoon", false, "naam", "Henk Jansen"),
        new("telefoon", false, "telefoonnummer", "0529 123456"),
        new("email", false, "e-mailadres", "info@vvdalfsen.example"),
        new("openingstijden", false, "in woorden; verplicht tenzij op afspraak", "di en do 18.00–22.00"),
        new("op_afspraak", false, "ja of nee", "nee"),
        new("talen", false, "gesproken talen, gescheiden door komma’s", "Nederlands, Engels"),
        new("domeinen", false, $"participatiedomeinen, gescheiden door komma’s: {string.Join(", ", ParticipationDomains.All.Select(d => d.Dutch()))}", "ontmoeten, bijdragen aan de samenleving"),
        new("partner", false, "ja als de organisatie verwijzingen mag ontvangen", "nee"),
        new("omschrijving", false, "korte omschrijving", "Voetbal voor jeugd en senioren"),
    ];

    public static IReadOnlyList<string> Row(Organisation o) =>
    [
        o.Name, o.Type.Dutch(), o.Street ?? "", o.HouseNumber ?? "", o.Postcode ?? "", o.City ?? "", o.ContactPerson ?? "", o.Phone ?? "",
        o.Email ?? "", o.OpeningHours ?? "", SocialMapCsv.YesNo(o.ByAppointment), string.Join(", ", o.Languages),
        SocialMapCsv.Domains(o.Domains), SocialMapCsv.YesNo(o.IsPartner), o.Description ?? "",
    ];

    public async Task<byte[]> ExportAsync(CancellationToken cancellationToken)
    {
        var organisations = await db.Organisations.AsNoTracking().OrderBy(o => o.Name).ToListAsync(cancellationToken);
        return SocialMapCsv.Write(Columns, organisations.Select(Row));
    }

    public async Task<SocialMapImportReport> HandleAsync(IBrowserFile? file, CancellationToken cancellationToken)
    {
        var (rows, ignored, refusal) = await SocialMapCsv.OpenAsync(file, Columns, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        var municipalityId = currentUser.MunicipalityId ?? throw new InvalidOperationException("Geen gemeente.");
        var known = await db.Organisations.ToListAsync(cancellationToken);
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var rejected = new List<ImportedRowError>();
        int created = 0, updated = 0, unchanged = 0;
        foreach (var row in rows)
        {
            var form = Read(row);
            var name = form.Name?.Trim() ?? "";
            if (name.Length > 0 && !seen.TryAdd(name, row.Line))
            {
                row.Reasons.Add($"Deze organisatie staat ook op regel {seen[name]}; één organisatie hoort maar één keer in het bestand.");
            }
            if (row.Reasons.Count > 0)
            {
                rejected.Add(new ImportedRowError(row.Line, name, row.Reasons));
                continue;
            }
            var details = form.ToDetails();
            var existing = known.FirstOrDefault(o => string.Equals(o.Name, name, StringComparison.OrdinalIgnoreCase));
            if (existing is null)
            {
                var organisation = new Organisation(municipalityId, details);
                db.Organisations.Add(organisation);
                known.Add(organisation);
                created++;
            }
            else if (Row(new Organisation(municipalityId, details)).SequenceEqual(Row(existing)))
            {
                unchanged++;
            }
            else
            {
                existing.Update(details);
                updated++;
            }
        }
        if (await SocialMapCsv.SaveAsync(db, created + updated > 0, "een van deze organisaties", cancellationToken) is { } failed)
        {
            return failed;
        }
        return new SocialMapImportReport(null, created, updated, unchanged, rejected, ignored);
    }

    private static OrganisationForm Read(ImportRow row)
    {
        var form = new OrganisationForm
        {
            Name = row.Value("naam"),
            Street = row.Value("straat"),
            HouseNumber = row.Value("huisnummer"),
            Postcode = row.Value("postcode"),
            City = row.Value("plaats"),
            ContactPerson = row.Value("contactpersoon"),
            Phone = row.Value("telefoon"),
            Email = row.Value("email"),
            OpeningHours = row.Value("openingstijden"),
            Languages = row.Value("talen"),
            Description = row.Value("omschrijving"),
        };
        if (!row.HasRightFieldCount)
        {
            return form;
        }
        form.Type = row.OneOf<OrganisationType>("soort", t => t.Dutch(), nameof(OrganisationForm.Type)) ?? OrganisationType.Other;
        form.ByAppointment = row.YesNo("op_afspraak", whenEmpty: false);
        form.IsPartner = row.YesNo("partner", whenEmpty: false);
        form.DomainChoices = row.Many<ParticipationDomain>("domeinen", d => d.Dutch(), nameof(OrganisationForm.DomainChoices));
        row.Validate(form, form.Check());
        return form;
    }
}
