using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Features.Dossiers;
using Thuis.Web.Features.Intake;
using Thuis.Web.Features.Occupations;
using Thuis.Web.Features.Plans;
using Thuis.Web.Features.Work;

namespace Thuis.Web.Features.SocialMap;

/// <summary>
/// Imports offers from a CSV file. An offer is known by its organisation's name and its title: the same pair
/// updates the offer already there. The organisation must already be on the municipality's map.
/// </summary>
public sealed class ImportOffers(AppDbContext db, OccupationCatalogue occupations)
{
    public static IReadOnlyList<ImportColumn> Columns { get; } =
    [
        new("organisatie", true, "naam van een organisatie op de sociale kaart", "Voetbalvereniging Dalfsen"),
        new("titel", true, "titel; herkent het aanbod bij een volgende import, samen met de organisatie", "Walking football"),
        new("soort", false, $"een van: {string.Join(", ", Enum.GetValues<OfferKind>().Select(k => k.Dutch()))}", "activiteit"),
        new("omschrijving", false, "korte omschrijving", "Rustig voetballen, zonder rennen"),
        new("rooster", false, "wanneer, in woorden", "elke woensdag 10.00–11.30"),
        new("dagdelen", false, "ma ochtend, wo middag, za avond; een dag zonder dagdeel is de hele dag", "wo ochtend"),
        new("plaats", false, "waar", "Sportpark Gerner"),
        new("kosten", false, "in euro; 0 of leeg is gratis", "0", IsNumber: true),
        new("capaciteit", false, "hoeveel statushouders kunnen meedoen; leeg is geen grens", "6", IsNumber: true),
        new("taalniveau", false, "Nederlands dat nodig is: geen, enkele woorden, A1, A2, B1, B2, C1 of C2", "geen"),
        new("laagdrempelig", false, "ja als het makkelijk en leuk is om mee te doen", "ja"),
        new("domeinen", true, "participatiedomeinen, gescheiden door komma’s", "ontmoeten"),
        new("doelgroepen", false, $"leeg voor iedereen, of: {string.Join(", ", Enum.GetValues<TargetAudience>().Select(a => a.Dutch()))}", "50-plussers"),
        new("tags", false, "interesses en talenten uit de lijst van de intake", "sport, voetbal"),
        new("actief", false, "ja of nee; leeg is ja", "ja"),
        new("reden_inactief", false, "waarom het aanbod niet meer actief is", ""),
        new("beroep", false, "voor een baan, stage of werkervaringsplaats: het beroep met zijn Nederlandse ESCO-naam", "onderwijsassistent basisonderwijs"),
        new("niveau", false, "voor werk: het NLQF-niveau dat het vraagt, 1 (entree) tot en met 8; leeg is het niveau van het beroep", "2", IsNumber: true),
        new("uren", false, "voor werk: uren per week, 1 tot en met 60", "24", IsNumber: true),
        new("contract", false, $"voor een baan: {string.Join(", ", Enum.GetValues<ContractKind>().Select(k => k.Dutch()))}", "tijdelijk contract"),
    ];

    private IReadOnlyList<string> Row(Offer o, string organisationName) =>
    [
        organisationName, o.Title, o.Kind.Dutch(), o.Description ?? "", o.Schedule ?? "", o.When.ToString(), o.Place ?? "",
        SocialMapCsv.Euro(o.Cost), o.Capacity?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "", SocialMapCsv.Level(o.DutchLevelNeeded),
        SocialMapCsv.YesNo(o.LowThreshold), SocialMapCsv.Domains(o.Domains), SocialMapCsv.List(o.Audiences, a => a.Dutch()),
        string.Join(", ", o.Tags), SocialMapCsv.YesNo(o.Active), o.InactiveReason ?? "",
        o.EscoUri is { } uri ? occupations.Find(uri)?.LabelNl ?? uri : "", o.Nlqf?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
        o.HoursPerWeek?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "", o.Contract?.Dutch() ?? "",
    ];

    public async Task<byte[]> ExportAsync(CancellationToken cancellationToken)
    {
        var offers = await db.Offers.AsNoTracking()
            .Join(db.Organisations, o => o.OrganisationId, g => g.Id, (o, g) => new { Offer = o, g.Name })
            .ToListAsync(cancellationToken);
        return SocialMapCsv.Write(Columns, offers.OrderBy(o => o.Name, StringComparer.CurrentCulture).ThenBy(o => o.Offer.Title, StringComparer.CurrentCulture)
            .Select(o => Row(o.Offer, o.Name)));
    }

    public async Task<SocialMapImportReport> HandleAsync(IBrowserFile? file, CancellationToken cancellationToken)
    {
        var (rows, ignored, refusal) = await SocialMapCsv.OpenAsync(file, Columns, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        // Only the municipality's own organisations are found: another municipality's is as unknown as one that does not exist.
        var organisations = await db.Organisations.ToListAsync(cancellationToken);
        var offers = await db.Offers.ToListAsync(cancellationToken);
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var rejected = new List<ImportedRowError>();
        int created = 0, updated = 0, unchanged = 0;
        foreach (var row in rows)
        {
            var organisationName = row.Value("organisatie") ?? "";
            var form = Read(row);
            var key = $"{organisationName} — {form.Title?.Trim()}";
            var organisation = organisations.FirstOrDefault(o => string.Equals(o.Name, organisationName, StringComparison.OrdinalIgnoreCase));
            if (organisationName.Length == 0)
            {
                row.Reasons.Add("Vul de naam van de organisatie in.");
            }
            else if (organisation is null)
            {
                row.Reasons.Add($"De organisatie ‘{organisationName}’ staat niet op de sociale kaart van uw gemeente. Importeer of maak eerst de organisatie.");
            }
            if (form.Title is { Length: > 0 } && !seen.TryAdd(key, row.Line))
            {
                row.Reasons.Add($"Dit aanbod staat ook op regel {seen[key]}; hetzelfde aanbod hoort maar één keer in het bestand.");
            }
            if (row.Reasons.Count > 0)
            {
                rejected.Add(new ImportedRowError(row.Line, key, row.Reasons));
                continue;
            }
            var details = form.ToDetails();
            var existing = offers.FirstOrDefault(o => o.OrganisationId == organisation!.Id && string.Equals(o.Title, form.Title!.Trim(), StringComparison.OrdinalIgnoreCase));
            var candidate = new Offer(organisation!, details);
            form.ApplyStatusTo(candidate);
            if (existing is null)
            {
                db.Offers.Add(candidate);
                offers.Add(candidate);
                created++;
            }
            else if (Row(candidate, organisation!.Name).SequenceEqual(Row(existing, organisation.Name)))
            {
                unchanged++;
            }
            else
            {
                existing.Update(details);
                form.ApplyStatusTo(existing);
                updated++;
            }
        }
        if (await SocialMapCsv.SaveAsync(db, created + updated > 0, "dit aanbod", cancellationToken) is { } failed)
        {
            return failed;
        }
        return new SocialMapImportReport(null, created, updated, unchanged, rejected, ignored);
    }

    private OfferForm Read(ImportRow row)
    {
        var form = new OfferForm
        {
            Title = row.Value("titel"),
            Description = row.Value("omschrijving"),
            Schedule = row.Value("rooster"),
            Place = row.Value("plaats"),
            InactiveReason = row.Value("reden_inactief"),
            Occupation = row.Value("beroep"),
            Cost = 0,
        };
        if (!row.HasRightFieldCount)
        {
            return form;
        }
        form.Kind = row.OneOf<OfferKind>("soort", k => k.Dutch(), nameof(OfferForm.Kind)) ?? OfferKind.Activity;
        form.WhenChoices = row.Week("dagdelen");
        form.Cost = row.Euro("kosten", nameof(OfferForm.Cost)) ?? 0;
        form.Capacity = row.Number("capaciteit", nameof(OfferForm.Capacity));
        form.DutchLevelNeeded = row.OneOf<CefrLevel>("taalniveau", l => l.Dutch(), nameof(OfferForm.DutchLevelNeeded)) ?? CefrLevel.None;
        form.LowThreshold = row.YesNo("laagdrempelig", whenEmpty: false);
        form.DomainChoices = row.Many<ParticipationDomain>("domeinen", d => d.Dutch(), nameof(OfferForm.DomainChoices));
        form.AudienceChoices = row.Many<TargetAudience>("doelgroepen", a => a.Dutch(), nameof(OfferForm.AudienceChoices));
        foreach (var tag in ContactRules.SplitList(row.Value("tags")))
        {
            if (OfferTags.Find(tag) is { } known)
            {
                form.TagChoices[known] = true;
            }
            else
            {
                row.Reasons.Add($"tags: ‘{tag}’ staat niet in de lijst van interesses en talenten.");
            }
        }
        form.Active = row.YesNo("actief", whenEmpty: true);
        form.Nlqf = row.Number("niveau", nameof(OfferForm.Nlqf));
        form.HoursPerWeek = row.Number("uren", nameof(OfferForm.HoursPerWeek));
        form.Contract = row.OneOf<ContractKind>("contract", k => k.Dutch(), nameof(OfferForm.Contract));
        row.Validate(form, form.Check(occupations));
        return form;
    }
}
