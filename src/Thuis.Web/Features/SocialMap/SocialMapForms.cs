using System.ComponentModel.DataAnnotations;
using Thuis.Web.Features.Intake;
using Thuis.Web.Features.Occupations;
using Thuis.Web.Features.Organisations;
using Thuis.Web.Features.Plans;

using Thuis.Web.Features.Work;

namespace Thuis.Web.Features.SocialMap;

// The forms of the social map: what the pages bind and a CSV row is read into, checked with the same Dutch
// messages either way. Ticked boxes arrive as dictionaries of the ticked keys; unticked boxes send nothing, and a
// group with nothing ticked binds as null, so those properties turn null into empty.

internal static class ContactRules
{
    public const string PhonePattern = @"^[0-9+()\- ]{6,40}$";
    public const string PhoneMessage = "Vul een telefoonnummer in met cijfers, bijvoorbeeld 0529 123456.";
    public const string EmailPattern = @"^[^@\s]+@[^@\s]+\.[^@\s]+$";
    public const string EmailMessage = "Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl.";

    public static List<T> Ticked<T>(IReadOnlyDictionary<string, bool> choices) where T : struct, Enum =>
        [.. Enum.GetValues<T>().Where(v => choices.GetValueOrDefault(v.ToString()))];

    public static Dictionary<string, bool> Choices<T>(IEnumerable<T> values) where T : struct, Enum =>
        values.Distinct().ToDictionary(v => v.ToString(), _ => true);

    /// <summary>"Engels, Arabisch | Tigrinya": a list typed in one field.</summary>
    public static List<string> SplitList(string? text) =>
        string.IsNullOrWhiteSpace(text) ? [] : [.. text.Split([',', '|', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}

public sealed class OrganisationForm
{
    [Required(ErrorMessage = "Vul de naam van de organisatie in.")]
    [StringLength(200, ErrorMessage = "Een naam is hoogstens 200 tekens.")]
    public string? Name { get; set; }

    public OrganisationType Type { get; set; } = OrganisationType.Other;

    [StringLength(200, ErrorMessage = "Een straatnaam is hoogstens 200 tekens.")]
    public string? Street { get; set; }

    [StringLength(20, ErrorMessage = "Een huisnummer is hoogstens 20 tekens.")]
    public string? HouseNumber { get; set; }

    public string? Postcode { get; set; }

    [StringLength(100, ErrorMessage = "Een plaatsnaam is hoogstens 100 tekens.")]
    public string? City { get; set; }

    [StringLength(200, ErrorMessage = "Een naam is hoogstens 200 tekens.")]
    public string? ContactPerson { get; set; }

    [StringLength(40, ErrorMessage = "Een telefoonnummer is hoogstens 40 tekens.")]
    [RegularExpression(ContactRules.PhonePattern, ErrorMessage = ContactRules.PhoneMessage)]
    public string? Phone { get; set; }

    [StringLength(200, ErrorMessage = "Een e-mailadres is hoogstens 200 tekens.")]
    [RegularExpression(ContactRules.EmailPattern, ErrorMessage = ContactRules.EmailMessage)]
    public string? Email { get; set; }

    [StringLength(500, ErrorMessage = "Openingstijden zijn hoogstens 500 tekens.")]
    public string? OpeningHours { get; set; }

    public bool ByAppointment { get; set; }

    [StringLength(500, ErrorMessage = "Hoogstens 500 tekens.")]
    public string? Languages { get; set; }

    public Dictionary<string, bool> DomainChoices { get; set => field = value ?? []; } = [];

    public bool IsPartner { get; set; }

    [StringLength(2000, ErrorMessage = "Een omschrijving is hoogstens 2000 tekens.")]
    public string? Description { get; set; }

    public Guid Version { get; set; }

    public List<ParticipationDomain> Domains => ContactRules.Ticked<ParticipationDomain>(DomainChoices);

    /// <summary>The rules data annotations cannot express; messages keyed by property name.</summary>
    public Dictionary<string, string> Check()
    {
        var errors = new Dictionary<string, string>();
        if (!string.IsNullOrWhiteSpace(Postcode) && !Dossiers.Postcode.IsValid(Dossiers.Postcode.Normalise(Postcode)))
        {
            errors[nameof(Postcode)] = "Vul een Nederlandse postcode in, bijvoorbeeld 7721 AB.";
        }
        return errors;
    }

    public OrganisationDetails ToDetails() => new(Name!, Type, Street, HouseNumber,
        string.IsNullOrWhiteSpace(Postcode) ? null : Dossiers.Postcode.Normalise(Postcode), City, ContactPerson, Phone, Email,
        OpeningHours, ByAppointment, ContactRules.SplitList(Languages), Domains, IsPartner, Description);

    public static OrganisationForm From(Organisation o) => new()
    {
        Name = o.Name,
        Type = o.Type,
        Street = o.Street,
        HouseNumber = o.HouseNumber,
        Postcode = o.Postcode,
        City = o.City,
        ContactPerson = o.ContactPerson,
        Phone = o.Phone,
        Email = o.Email,
        OpeningHours = o.OpeningHours,
        ByAppointment = o.ByAppointment,
        Languages = string.Join(", ", o.Languages),
        DomainChoices = ContactRules.Choices(o.Domains),
        IsPartner = o.IsPartner,
        Description = o.Description,
        Version = o.Version,
    };
}

public sealed class OfferForm
{
    public Guid OrganisationId { get; set; }

    public OfferKind Kind { get; set; }

    [Required(ErrorMessage = "Geef het aanbod een titel.")]
    [StringLength(200, ErrorMessage = "Een titel is hoogstens 200 tekens.")]
    public string? Title { get; set; }

    [StringLength(2000, ErrorMessage = "Een omschrijving is hoogstens 2000 tekens.")]
    public string? Description { get; set; }

    [StringLength(500, ErrorMessage = "Hoogstens 500 tekens.")]
    public string? Schedule { get; set; }

    public Dictionary<string, bool> WhenChoices { get; set => field = value ?? []; } = [];

    [StringLength(200, ErrorMessage = "Een plaats is hoogstens 200 tekens.")]
    public string? Place { get; set; }

    [Required(ErrorMessage = "Vul de kosten in euro in; 0 als het gratis is.")]
    public decimal? Cost { get; set; }

    public int? Capacity { get; set; }

    public CefrLevel DutchLevelNeeded { get; set; }

    public bool LowThreshold { get; set; }

    /// <summary>For work: the ESCO occupation's Dutch name (or its URI).</summary>
    [StringLength(200, ErrorMessage = "Een beroep is hoogstens 200 tekens.")]
    public string? Occupation { get; set; }

    /// <summary>For work: the level it asks on the NLQF; empty means the occupation's level.</summary>
    public int? Nlqf { get; set; }

    /// <summary>For work, as a vacancy: the hours a week.</summary>
    public int? HoursPerWeek { get; set; }

    /// <summary>For a job, as a vacancy: the contract it offers.</summary>
    public ContractKind? Contract { get; set; }

    /// <summary>The occupation found in ESCO by <see cref="Check"/>.</summary>
    public string? EscoUri { get; private set; }

    public Dictionary<string, bool> DomainChoices { get; set => field = value ?? []; } = [];

    public Dictionary<string, bool> AudienceChoices { get; set => field = value ?? []; } = [];

    public Dictionary<string, bool> TagChoices { get; set => field = value ?? []; } = [];

    /// <remarks>False by default: a browser sends nothing for a box left unticked.</remarks>
    public bool Active { get; set; }

    [StringLength(1000, ErrorMessage = "Hoogstens 1000 tekens.")]
    public string? InactiveReason { get; set; }

    public Guid Version { get; set; }

    public List<ParticipationDomain> Domains => ContactRules.Ticked<ParticipationDomain>(DomainChoices);

    public List<TargetAudience> Audiences => ContactRules.Ticked<TargetAudience>(AudienceChoices);

    public List<string> Tags => [.. OfferTags.All.Where(t => TagChoices.GetValueOrDefault(t))];

    public static OfferForm New(Guid organisationId) => new() { OrganisationId = organisationId, Active = true, Cost = 0 };

    public Dictionary<string, string> Check(OccupationCatalogue occupations)
    {
        var errors = new Dictionary<string, string>();
        EscoUri = null;
        if (!string.IsNullOrWhiteSpace(Occupation))
        {
            if (occupations.FindByLabelOrUri(Occupation) is { } found)
            {
                EscoUri = found.Uri;
            }
            else
            {
                errors[nameof(Occupation)] = "Dit beroep staat niet in ESCO. Typ de Nederlandse ESCO-naam, bijvoorbeeld ‘onderwijsassistent basisonderwijs’, of laat het veld leeg.";
            }
        }
        if (Nlqf is < Offer.NlqfLowest or > Offer.NlqfHighest)
        {
            errors[nameof(Nlqf)] = "Kies een niveau van 1 tot en met 8, of laat het leeg.";
        }
        if (HoursPerWeek is < 1 or > Offer.MostHoursPerWeek)
        {
            errors[nameof(HoursPerWeek)] = Offer.HoursRefusal + " Laat het leeg als het niet vastligt.";
        }
        if (Cost < 0)
        {
            errors[nameof(Cost)] = "De kosten kunnen niet negatief zijn; vul 0 in als het gratis is.";
        }
        else if (Cost > 100_000)
        {
            errors[nameof(Cost)] = "De kosten zijn hoogstens € 100.000.";
        }
        if (Capacity < 0)
        {
            errors[nameof(Capacity)] = "De capaciteit kan niet negatief zijn; laat het veld leeg als er geen grens is.";
        }
        if (Domains.Count == 0)
        {
            errors[nameof(DomainChoices)] = "Kies minstens één participatiedomein waarbij dit aanbod hoort.";
        }
        if (!Active && string.IsNullOrWhiteSpace(InactiveReason))
        {
            errors[nameof(InactiveReason)] = "Schrijf op waarom het aanbod niet meer actief is.";
        }
        return errors;
    }

    public OfferDetails ToDetails() => new(Kind, Title!, Description, Schedule, WeekGrid.FromChoices(WhenChoices), Place,
        Cost ?? 0, Capacity, DutchLevelNeeded, LowThreshold, Domains, Audiences, Tags, EscoUri, Nlqf, HoursPerWeek, Contract);

    /// <summary>Sets whether the offer is active, with the reason when it is not.</summary>
    public void ApplyStatusTo(Offer offer)
    {
        if (Active && !offer.Active)
        {
            offer.Activate();
        }
        else if (!Active && (offer.Active || offer.InactiveReason != InactiveReason?.Trim()))
        {
            offer.Deactivate(InactiveReason!);
        }
    }

    public static OfferForm From(Offer o, OccupationCatalogue occupations) => new()
    {
        Occupation = o.EscoUri is { } uri ? occupations.Find(uri)?.LabelNl ?? uri : null,
        Nlqf = o.Nlqf,
        HoursPerWeek = o.HoursPerWeek,
        Contract = o.Contract,
        OrganisationId = o.OrganisationId,
        Kind = o.Kind,
        Title = o.Title,
        Description = o.Description,
        Schedule = o.Schedule,
        WhenChoices = o.When.ToChoices(),
        Place = o.Place,
        Cost = o.Cost,
        Capacity = o.Capacity,
        DutchLevelNeeded = o.DutchLevelNeeded,
        LowThreshold = o.LowThreshold,
        DomainChoices = ContactRules.Choices(o.Domains),
        AudienceChoices = ContactRules.Choices(o.Audiences),
        TagChoices = o.Tags.ToDictionary(t => t, _ => true),
        Active = o.Active,
        InactiveReason = o.InactiveReason,
        Version = o.Version,
    };
}

public sealed class VolunteerForm
{
    [Required(ErrorMessage = "Vul de naam van de vrijwilliger in.")]
    [StringLength(200, ErrorMessage = "Een naam is hoogstens 200 tekens.")]
    public string? Name { get; set; }

    public Dictionary<string, bool> RoleChoices { get; set => field = value ?? []; } = [];

    [StringLength(40, ErrorMessage = "Een telefoonnummer is hoogstens 40 tekens.")]
    [RegularExpression(ContactRules.PhonePattern, ErrorMessage = ContactRules.PhoneMessage)]
    public string? Phone { get; set; }

    [StringLength(200, ErrorMessage = "Een e-mailadres is hoogstens 200 tekens.")]
    [RegularExpression(ContactRules.EmailPattern, ErrorMessage = ContactRules.EmailMessage)]
    public string? Email { get; set; }

    public List<VolunteerLanguage> Languages { get; set => field = value ?? []; } = [];

    public Dictionary<string, bool> AvailabilityChoices { get; set => field = value ?? []; } = [];

    [Required(ErrorMessage = "Vul in hoeveel statushouders deze vrijwilliger tegelijk kan begeleiden.")]
    public int? Capacity { get; set; }

    [StringLength(200, ErrorMessage = "Hoogstens 200 tekens.")]
    public string? Area { get; set; }

    [StringLength(2000, ErrorMessage = "Hoogstens 2000 tekens.")]
    public string? Preferences { get; set; }

    public VogStatus Vog { get; set; }

    public DateOnly? VogDate { get; set; }

    [StringLength(1000, ErrorMessage = "Hoogstens 1000 tekens.")]
    public string? Training { get; set; }

    /// <summary>The organisation the volunteer works through; none when the municipality arranges it itself.</summary>
    public Guid? OrganisationId { get; set; }

    public Guid Version { get; set; }

    public List<VolunteerRole> Roles => ContactRules.Ticked<VolunteerRole>(RoleChoices);

    public static VolunteerForm New() => new() { Capacity = 1, Languages = WithEmptyRows([]) };

    public Dictionary<string, string> Check(DateOnly today)
    {
        var errors = new Dictionary<string, string>();
        if (Roles.Count == 0)
        {
            errors[nameof(RoleChoices)] = "Kies minstens één rol, bijvoorbeeld taalmaatje.";
        }
        if (Capacity < 0)
        {
            errors[nameof(Capacity)] = "De capaciteit kan niet negatief zijn; vul 0 in als de vrijwilliger even niemand kan begeleiden.";
        }
        else if (Capacity > 50)
        {
            errors[nameof(Capacity)] = "Een vrijwilliger begeleidt hoogstens 50 statushouders tegelijk.";
        }
        if (Vog != VogStatus.NotRequested && VogDate is null)
        {
            errors[nameof(VogDate)] = Vog == VogStatus.Received
                ? "Vul de datum van de ontvangen VOG in."
                : "Vul de datum in waarop de VOG is aangevraagd.";
        }
        else if (Vog != VogStatus.NotRequested && VogDate > today)
        {
            errors[nameof(VogDate)] = "De datum van de VOG ligt in de toekomst.";
        }
        var named = Languages.Select((l, i) => (l, i)).Where(x => !string.IsNullOrWhiteSpace(x.l.Language)).ToList();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (language, index) in named)
        {
            if (!seen.Add(language.Language.Trim()))
            {
                errors[$"{nameof(Languages)}[{index}].{nameof(VolunteerLanguage.Language)}"] = $"De taal {language.Language.Trim()} staat er al.";
            }
        }
        return errors;
    }

    public VolunteerDetails ToDetails() => new(Name!, Roles, Phone, Email, Languages, WeekGrid.FromChoices(AvailabilityChoices),
        Capacity ?? 0, Area, Preferences, Vog, VogDate, Training, OrganisationId);

    public static VolunteerForm From(Volunteer v) => new()
    {
        Name = v.Name,
        RoleChoices = ContactRules.Choices(v.Roles),
        Phone = v.Phone,
        Email = v.Email,
        Languages = WithEmptyRows(v.Languages),
        AvailabilityChoices = v.Availability.ToChoices(),
        Capacity = v.Capacity,
        Area = v.Area,
        Preferences = v.Preferences,
        Vog = v.Vog,
        VogDate = v.VogDate,
        Training = v.Training,
        OrganisationId = v.OrganisationId,
        Version = v.Version,
    };

    private static List<VolunteerLanguage> WithEmptyRows(IEnumerable<VolunteerLanguage> languages) =>
        [.. languages.Select(l => new VolunteerLanguage { Language = l.Language, Level = l.Level }), .. Enumerable.Range(0, 3).Select(_ => new VolunteerLanguage())];
}
