using System.ComponentModel.DataAnnotations;

namespace Thuis.Web.Features.Dossiers;

/// <summary>What a case manager types to register a newcomer or correct their details.</summary>
public sealed class NewcomerForm
{
    [Required(ErrorMessage = "Vul de voornamen in.")]
    [StringLength(200, ErrorMessage = "Voornamen zijn hoogstens 200 tekens.")]
    public string GivenNames { get; set; } = "";

    [Required(ErrorMessage = "Vul de achternaam in.")]
    [StringLength(200, ErrorMessage = "Een achternaam is hoogstens 200 tekens.")]
    public string FamilyName { get; set; } = "";

    [Required(ErrorMessage = "Vul de geboortedatum in.")]
    public DateOnly? DateOfBirth { get; set; }

    public Gender Gender { get; set; }

    [Required(ErrorMessage = "Vul het land van herkomst in.")]
    [StringLength(100, ErrorMessage = "Een land van herkomst is hoogstens 100 tekens.")]
    public string CountryOfOrigin { get; set; } = "";

    [StringLength(100, ErrorMessage = "Een nationaliteit is hoogstens 100 tekens.")]
    public string? Nationality { get; set; }

    [StringLength(40, ErrorMessage = "Een telefoonnummer is hoogstens 40 tekens.")]
    [RegularExpression(@"^[0-9+()\- ]{6,40}$", ErrorMessage = "Vul een telefoonnummer in met cijfers, bijvoorbeeld 06 12345678.")]
    public string? Phone { get; set; }

    [StringLength(200, ErrorMessage = "Een e-mailadres is hoogstens 200 tekens.")]
    [RegularExpression(@"^[^@\s]+@[^@\s]+\.[^@\s]+$", ErrorMessage = "Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl.")]
    public string? Email { get; set; }

    [StringLength(100, ErrorMessage = "Een voorkeurstaal is hoogstens 100 tekens.")]
    public string? PreferredLanguage { get; set; }

    public bool InterpreterNeeded { get; set; }

    public string? Bsn { get; set; }

    public string? VNumber { get; set; }

    public TargetGroup TargetGroup { get; set; }

    public DateOnly? PermitDate { get; set; }

    [Required(ErrorMessage = "Vul de datum van inschrijving in de gemeente in.")]
    public DateOnly? RegistrationDate { get; set; }

    public DateOnly? HousingDate { get; set; }

    [StringLength(200, ErrorMessage = "Een straatnaam is hoogstens 200 tekens.")]
    public string? Street { get; set; }

    [StringLength(20, ErrorMessage = "Een huisnummer is hoogstens 20 tekens.")]
    public string? HouseNumber { get; set; }

    public string? Postcode { get; set; }

    [StringLength(100, ErrorMessage = "Een plaatsnaam is hoogstens 100 tekens.")]
    public string? City { get; set; }

    /// <summary>Set by the case manager after seeing a possible duplicate: "this is someone else".</summary>
    public bool ConfirmedNotDuplicate { get; set; }

    /// <summary>The version of the dossier the form was loaded from; empty when registering.</summary>
    public Guid Version { get; set; }

    /// <summary>The rules that need more than one field or today's date; messages keyed by property name.</summary>
    public Dictionary<string, string> Check(DateOnly today)
    {
        var errors = new Dictionary<string, string>();
        var bsn = Digits(Bsn);
        if (bsn is not null && !Dossiers.Bsn.IsValid(bsn))
        {
            errors[nameof(Bsn)] = "Dit BSN klopt niet: het moet uit negen cijfers bestaan en voldoen aan de elfproef. Controleer het op de verblijfsvergunning.";
        }
        var vNumber = Digits(VNumber);
        if (vNumber is not null && !Dossiers.VNumber.IsValid(vNumber))
        {
            errors[nameof(VNumber)] = "Een V-nummer bestaat uit tien cijfers.";
        }
        if (!string.IsNullOrWhiteSpace(Postcode) && !Dossiers.Postcode.IsValid(Dossiers.Postcode.Normalise(Postcode)))
        {
            errors[nameof(Postcode)] = "Vul een Nederlandse postcode in, bijvoorbeeld 7721 AB.";
        }
        if (DateOfBirth is { } born)
        {
            if (born > today)
            {
                errors[nameof(DateOfBirth)] = "De geboortedatum ligt in de toekomst.";
            }
            else if (born < today.AddYears(-120))
            {
                errors[nameof(DateOfBirth)] = "Deze geboortedatum ligt meer dan 120 jaar terug.";
            }
        }
        if (PermitDate is { } permit)
        {
            if (permit > today)
            {
                errors[nameof(PermitDate)] = "De datum van de verblijfsvergunning ligt in de toekomst.";
            }
            else if (DateOfBirth is { } birth && permit < birth)
            {
                errors[nameof(PermitDate)] = "De verblijfsvergunning kan niet vóór de geboortedatum liggen.";
            }
        }
        if (RegistrationDate is { } registered && registered > today.AddDays(90))
        {
            errors[nameof(RegistrationDate)] = "De inschrijving ligt meer dan drie maanden in de toekomst.";
        }
        else if (RegistrationDate is { } registeredOn && DateOfBirth is { } bornOn && registeredOn < bornOn)
        {
            errors[nameof(RegistrationDate)] = "De inschrijving kan niet vóór de geboortedatum liggen.";
        }
        if (HousingDate is { } housed)
        {
            if (PermitDate is { } p && housed < p)
            {
                errors[nameof(HousingDate)] = "De huisvesting kan niet vóór de verblijfsvergunning liggen.";
            }
            else if (housed > today.AddDays(180))
            {
                errors[nameof(HousingDate)] = "De huisvestingsdatum ligt meer dan een half jaar in de toekomst.";
            }
        }
        return errors;
    }

    public PersonDetails ToPerson() => new(GivenNames, FamilyName, DateOfBirth!.Value, Gender, CountryOfOrigin, Nationality,
        Phone, Email, PreferredLanguage, InterpreterNeeded, Digits(Bsn), Digits(VNumber));

    public LegalFrame ToLegalFrame() => new(TargetGroup, PermitDate, RegistrationDate!.Value, HousingDate,
        Street, HouseNumber, string.IsNullOrWhiteSpace(Postcode) ? null : Dossiers.Postcode.Normalise(Postcode), City);

    public static NewcomerForm From(Newcomer n) => new()
    {
        GivenNames = n.GivenNames,
        FamilyName = n.FamilyName,
        DateOfBirth = n.DateOfBirth,
        Gender = n.Gender,
        CountryOfOrigin = n.CountryOfOrigin,
        Nationality = n.Nationality,
        Phone = n.Phone,
        Email = n.Email,
        PreferredLanguage = n.PreferredLanguage,
        InterpreterNeeded = n.InterpreterNeeded,
        Bsn = n.Bsn,
        VNumber = n.VNumber,
        TargetGroup = n.TargetGroup,
        PermitDate = n.PermitDate,
        RegistrationDate = n.RegistrationDate,
        HousingDate = n.HousingDate,
        Street = n.Street,
        HouseNumber = n.HouseNumber,
        Postcode = n.Postcode,
        City = n.City,
        Version = n.Version,
    };

    /// <summary>Spaces, dots and dashes people type in numbers are dropped; empty means not given.</summary>
    internal static string? Digits(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        var cleaned = new string(value.Where(c => c is not (' ' or '.' or '-')).ToArray());
        return cleaned;
    }
}
