using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using Thuis.Web.Data;
using Thuis.Web.Platform.Editing;
using Thuis.Web.Platform.Files;
using Thuis.Web.Platform.Localization;
using Thuis.Web.Platform.Security;

namespace Thuis.Web.Features.Dossiers;

public sealed class ImportNewcomersForm
{
    public IBrowserFile? File { get; set; }
}

public sealed record RejectedRow(int Line, string Name, IReadOnlyList<string> Reasons);

public sealed record KnownRow(int Line, string Name, Guid DossierId, string Reason);

public sealed record ImportReport(string? FileError, int Imported, IReadOnlyList<KnownRow> AlreadyKnown, IReadOnlyList<RejectedRow> Rejected, IReadOnlyList<string> IgnoredColumns)
{
    public static ImportReport Refused(string error) => new(error, 0, [], [], []);
}

/// <summary>
/// Imports newcomers from a CSV file, such as an export of the housing allocation. Every row is checked
/// with the rules of registering by hand; someone whose BSN or V-number is already known is skipped, so the
/// same file can be imported again. All good rows are saved together, or none are.
/// </summary>
public sealed class ImportNewcomers(AppDbContext db, CurrentUser currentUser, TimeProvider clock)
{
    public const long MaxBytes = 2 * 1024 * 1024;

    private const string NothingImported = " Er is niets geïmporteerd.";
    private const string NotCsv = "Dit is geen CSV-bestand. Sla de lijst in Excel op met ‘Opslaan als’ en het type ‘CSV UTF-8 (door komma’s gescheiden)’ en kies dat bestand.";
    private static readonly string[] DateFormats = ["d-M-yyyy", "d/M/yyyy", "yyyy-M-d"];

    /// <summary>The columns of the file, in the order of the example on the page.</summary>
    public static IReadOnlyList<ImportColumn> Columns { get; } =
    [
        new("voornamen", true, "alle voornamen", "Samira"),
        new("achternaam", true, "achternaam, met tussenvoegsel", "Haddad"),
        new("geboortedatum", true, "dd-mm-jjjj of jjjj-mm-dd", "12-04-1991"),
        new("geslacht", false, "v, m, x of leeg (onbekend)", "v"),
        new("land_van_herkomst", true, "bijvoorbeeld Syrië, Eritrea, Afghanistan", "Syrië"),
        new("bsn", false, "negen cijfers; BSN of V-nummer is verplicht", "999990019"),
        new("v_nummer", false, "tien cijfers; BSN of V-nummer is verplicht", "1234567890"),
        new("doelgroep", false, "asielstatushouder (ook als leeg), gezinsmigrant of overige migrant", "asielstatushouder"),
        new("datum_vergunning", false, "datum verblijfsvergunning", "03-02-2025"),
        new("datum_inschrijving", true, "datum inschrijving in de gemeente", "17-03-2025"),
        new("datum_huisvesting", false, "datum huisvesting", "14-03-2025"),
        new("straat", false, "straatnaam", "Kerkstraat"),
        new("huisnummer", false, "met toevoeging", "12a"),
        new("postcode", false, "1234 AB of 1234AB", "7721 AB"),
        new("plaats", false, "woonplaats", "Dalfsen"),
        new("telefoon", false, "telefoonnummer, bijvoorbeeld 06 12345678", "06 12345678"),
    ];

    public async Task<ImportReport> HandleAsync(IBrowserFile? file, CancellationToken cancellationToken)
    {
        if (file is null || (file.Size == 0 && string.IsNullOrEmpty(file.Name)))
        {
            return ImportReport.Refused("Kies een CSV-bestand om te importeren.");
        }
        if (file.Size > MaxBytes)
        {
            return ImportReport.Refused("Het bestand is groter dan 2 MB. Splits de lijst in kleinere bestanden en importeer ze na elkaar.");
        }
        var extension = Path.GetExtension(file.Name).ToUpperInvariant();
        if (extension is not (".CSV" or ".TXT"))
        {
            return ImportReport.Refused(NotCsv);
        }
        using var content = new MemoryStream();
        await using (var stream = file.OpenReadStream(MaxBytes, cancellationToken))
        {
            await stream.CopyToAsync(content, cancellationToken);
        }
        var bytes = content.ToArray();
        if (bytes.Contains((byte)0))
        {
            // Spreadsheets (.xlsx, .xls) renamed to .csv: binary, never text.
            return ImportReport.Refused(NotCsv);
        }
        var table = CsvText.Read(bytes);
        if (table.Failed)
        {
            return ImportReport.Refused($"Het bestand kon niet worden gelezen. {table.Error}{NothingImported}");
        }
        return await ImportAsync(table, cancellationToken);
    }

    private async Task<ImportReport> ImportAsync(CsvTable table, CancellationToken cancellationToken)
    {
        var positions = new Dictionary<string, int>();
        var ignored = new List<string>();
        for (var i = 0; i < table.Header.Count; i++)
        {
            var key = Key(table.Header[i]);
            var column = Columns.FirstOrDefault(c => Key(c.Name) == key);
            if (column is null)
            {
                if (table.Header[i].Trim().Length > 0)
                {
                    ignored.Add(table.Header[i].Trim());
                }
                continue;
            }
            if (!positions.TryAdd(column.Name, i))
            {
                return ImportReport.Refused($"De kolom ‘{column.Name}’ staat twee keer in de kopregel.{NothingImported}");
            }
        }
        var missing = Columns.Where(c => c.Required && !positions.ContainsKey(c.Name)).Select(c => c.Name).ToList();
        if (!positions.ContainsKey("bsn") && !positions.ContainsKey("v_nummer"))
        {
            missing.Add("bsn of v_nummer");
        }
        if (missing.Count > 0)
        {
            return ImportReport.Refused(
                $"De kopregel mist {(missing.Count == 1 ? "de kolom" : "de kolommen")} {string.Join(", ", missing)}. Gebruik de kolomnamen uit het voorbeeld hieronder, gescheiden door puntkomma’s of komma’s.{NothingImported}");
        }
        if (table.Records.Count == 0)
        {
            return ImportReport.Refused($"Het bestand heeft een kopregel maar geen regels met statushouders.{NothingImported}");
        }

        var today = clock.InTheNetherlands();
        var rows = table.Records.Select(r => ReadRow(r, table.Header.Count, positions, today)).ToList();
        var known = await KnownPeopleAsync(rows.Where(r => r.Reasons.Count == 0).Select(r => r.Form).ToList(), cancellationToken);

        var municipalityId = currentUser.MunicipalityId ?? throw new InvalidOperationException("Geen gemeente.");
        var caseManagerId = currentUser.IsInRole(Roles.CaseManager) ? currentUser.UserId : null;
        var now = clock.GetUtcNow();
        var seenBsn = new Dictionary<string, int>();
        var seenVNumber = new Dictionary<string, int>();
        var rejected = new List<RejectedRow>();
        var alreadyKnown = new List<KnownRow>();
        var imported = 0;

        foreach (var row in rows)
        {
            var form = row.Form;
            var reasons = row.Reasons.ToList();
            var bsn = NewcomerForm.Digits(form.Bsn);
            var vNumber = NewcomerForm.Digits(form.VNumber);
            if (bsn is not null && !seenBsn.TryAdd(bsn, row.Line))
            {
                reasons.Add($"Dit BSN staat ook op regel {seenBsn[bsn]}; één persoon hoort maar één keer in het bestand.");
            }
            if (vNumber is not null && !seenVNumber.TryAdd(vNumber, row.Line))
            {
                reasons.Add($"Dit V-nummer staat ook op regel {seenVNumber[vNumber]}; één persoon hoort maar één keer in het bestand.");
            }
            if (reasons.Count > 0)
            {
                rejected.Add(new RejectedRow(row.Line, row.Name, reasons));
                continue;
            }

            var person = form.ToPerson();
            var same = known.FirstOrDefault(k => person.Bsn is not null && k.Bsn == person.Bsn)
                ?? known.FirstOrDefault(k => person.VNumber is not null && k.VNumber == person.VNumber);
            if (same is not null)
            {
                alreadyKnown.Add(new KnownRow(row.Line, row.Name, same.Id,
                    same.Bsn is not null && same.Bsn == person.Bsn ? "zelfde BSN" : "zelfde V-nummer"));
                continue;
            }
            var lookalike = known.FirstOrDefault(k => k.MayBe(person));
            if (lookalike is not null)
            {
                rejected.Add(new RejectedRow(row.Line, row.Name,
                    [$"Lijkt op het bestaande dossier van {lookalike.GivenNames} {lookalike.FamilyName} (zelfde geboortedatum, gelijkende naam), maar zonder hetzelfde BSN of V-nummer. Controleer het en registreer deze persoon zo nodig met de hand."]));
                continue;
            }

            var newcomer = new Newcomer(municipalityId, person, form.ToLegalFrame(), now);
            if (caseManagerId is not null)
            {
                newcomer.AssignCaseManager(caseManagerId);
            }
            db.Newcomers.Add(newcomer);
            imported++;
        }

        if (imported > 0)
        {
            // Someone registered or imported one of these people at the same moment; nothing of this file was saved.
            var saved = await SaveVersionedChange.SaveAsync(db,
                "Tijdens het importeren is een van deze personen door iemand anders geregistreerd. Er is niets geïmporteerd; importeer het bestand opnieuw.", cancellationToken);
            if (!saved.IsSaved)
            {
                return ImportReport.Refused(saved.Message!);
            }
        }
        return new ImportReport(null, imported, alreadyKnown, rejected, ignored);
    }

    private static ParsedRow ReadRow(CsvRecord record, int columnCount, Dictionary<string, int> positions, DateOnly today)
    {
        string? Value(string column) =>
            positions.TryGetValue(column, out var i) && i < record.Fields.Count && record.Fields[i].Trim() is { Length: > 0 } value ? value : null;

        var reasons = new List<string>();
        var unparsed = new HashSet<string>();
        var form = new NewcomerForm
        {
            GivenNames = Value("voornamen") ?? "",
            FamilyName = Value("achternaam") ?? "",
            CountryOfOrigin = Value("land_van_herkomst") ?? "",
            Bsn = WithLeadingZeros(Value("bsn"), 9),
            VNumber = WithLeadingZeros(Value("v_nummer"), 10),
            Street = Value("straat"),
            HouseNumber = Value("huisnummer"),
            Postcode = Value("postcode"),
            City = Value("plaats"),
            Phone = Value("telefoon"),
        };
        var name = $"{form.GivenNames} {form.FamilyName}".Trim();
        if (record.Fields.Count != columnCount)
        {
            reasons.Add($"Deze regel heeft {record.Fields.Count} velden en de kopregel {columnCount}. Staat er een scheidingsteken in een waarde zonder aanhalingstekens eromheen?");
            return new ParsedRow(record.Line, name, form, reasons);
        }

        form.DateOfBirth = ReadDate(Value("geboortedatum"), "De geboortedatum", nameof(NewcomerForm.DateOfBirth));
        form.PermitDate = ReadDate(Value("datum_vergunning"), "De datum van de verblijfsvergunning", nameof(NewcomerForm.PermitDate));
        form.RegistrationDate = ReadDate(Value("datum_inschrijving"), "De datum van inschrijving", nameof(NewcomerForm.RegistrationDate));
        form.HousingDate = ReadDate(Value("datum_huisvesting"), "De datum van huisvesting", nameof(NewcomerForm.HousingDate));
        if (Value("geslacht") is { } gender)
        {
            if (ReadGender(gender) is { } g)
            {
                form.Gender = g;
            }
            else
            {
                reasons.Add($"Geslacht ‘{gender}’ is onbekend: gebruik v, m of x, of laat het leeg.");
            }
        }
        if (Value("doelgroep") is { } group)
        {
            if (ReadTargetGroup(group) is { } t)
            {
                form.TargetGroup = t;
            }
            else
            {
                reasons.Add($"Doelgroep ‘{group}’ is onbekend: gebruik asielstatushouder, gezinsmigrant of overige migrant.");
            }
        }

        // The same checks, and so the same messages, as registering by hand; a date that could not be
        // read is reported once, not again as missing.
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(form, new ValidationContext(form), results, validateAllProperties: true);
        reasons.AddRange(results.Where(r => !r.MemberNames.Any(unparsed.Contains)).Select(r => r.ErrorMessage ?? ""));
        reasons.AddRange(form.Check(today).Where(e => !unparsed.Contains(e.Key)).Select(e => e.Value));
        if (NewcomerForm.Digits(form.Bsn) is null && NewcomerForm.Digits(form.VNumber) is null)
        {
            reasons.Add("Vul een BSN of een V-nummer in: daaraan herkent de import iemand bij een volgende keer.");
        }
        return new ParsedRow(record.Line, name, form, reasons);

        DateOnly? ReadDate(string? value, string what, string property)
        {
            if (value is null)
            {
                return null;
            }
            if (DateOnly.TryParseExact(value, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return date;
            }
            unparsed.Add(property);
            reasons.Add($"{what} ‘{value}’ is geen datum: schrijf dd-mm-jjjj, bijvoorbeeld 12-04-1991.");
            return null;
        }
    }

    private static Gender? ReadGender(string value) => value.ToUpperInvariant() switch
    {
        "V" or "VROUW" => Gender.Female,
        "M" or "MAN" => Gender.Male,
        "X" or "ANDERS" => Gender.Other,
        "O" or "ONBEKEND" => Gender.Unknown,
        _ => null,
    };

    private static TargetGroup? ReadTargetGroup(string value) => Key(value) switch
    {
        "asielstatushouder" or "statushouder" or "asiel" => TargetGroup.AsylumPermitHolder,
        "gezinsmigrant" or "gezinsmigratie" => TargetGroup.FamilyMigrant,
        "overigemigrant" or "overig" or "overige" => TargetGroup.OtherMigrant,
        _ => null,
    };

    /// <summary>Excel drops the leading zero of a number such as a BSN; the digits that are left get it back.</summary>
    private static string? WithLeadingZeros(string? value, int length)
    {
        var digits = NewcomerForm.Digits(value);
        return digits is not null && digits.Length == length - 1 && digits.All(char.IsAsciiDigit) ? "0" + digits : value;
    }

    /// <summary>"Land van herkomst", "land_van_herkomst" and "Land-van-herkomst" are the same column.</summary>
    private static string Key(string name) =>
        new(name.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());

    private async Task<List<KnownPerson>> KnownPeopleAsync(List<NewcomerForm> forms, CancellationToken cancellationToken)
    {
        var bsns = forms.Select(f => NewcomerForm.Digits(f.Bsn)).OfType<string>().Distinct().ToList();
        var vNumbers = forms.Select(f => NewcomerForm.Digits(f.VNumber)).OfType<string>().Distinct().ToList();
        var births = forms.Select(f => f.DateOfBirth).OfType<DateOnly>().Distinct().ToList();
        return await db.Newcomers.AsNoTracking()
            .Where(n => (n.Bsn != null && bsns.Contains(n.Bsn)) || (n.VNumber != null && vNumbers.Contains(n.VNumber)) || births.Contains(n.DateOfBirth))
            .Select(n => new KnownPerson(n.Id, n.GivenNames, n.FamilyName, n.DateOfBirth, n.Bsn, n.VNumber))
            .ToListAsync(cancellationToken);
    }

    private sealed record ParsedRow(int Line, string Name, NewcomerForm Form, List<string> Reasons);

    private sealed record KnownPerson(Guid Id, string GivenNames, string FamilyName, DateOnly DateOfBirth, string? Bsn, string? VNumber)
    {
        /// <summary>The same birth date and a similar name, and no number that tells them apart.</summary>
        public bool MayBe(PersonDetails person) =>
            DateOfBirth == person.DateOfBirth
            && !(Bsn is not null && person.Bsn is not null && Bsn != person.Bsn)
            && !(VNumber is not null && person.VNumber is not null && VNumber != person.VNumber)
            && NameMatching.AreSimilar(FamilyName, person.FamilyName)
            && NameMatching.AreSimilar(FirstName(GivenNames), FirstName(person.GivenNames));

        private static string FirstName(string givenNames) => givenNames.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";
    }
}

/// <summary>
/// A column of the import file: its header name, whether every row needs it, and what it holds; <paramref name="IsNumber"/>
/// when an export writes a number in it (see <see cref="Platform.Files.CsvFile"/>).
/// </summary>
public sealed record ImportColumn(string Name, bool Required, string Description, string Example, bool IsNumber = false);
