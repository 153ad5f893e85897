using System.Globalization;

namespace Thuis.Matching;

/// <summary>
/// Levels of people and work, so that nobody is offered work far below what they can: the ISCO-08 skill level of an
/// occupation (ILO, ISCO-08 volume 1, table 1: the major group decides it), of an education (ISCED), and of a person
/// (the higher of their education and their former occupations). Work more than one level below a person's level is
/// not suggested, unless it is in their own field or their plan chose it as a stepping stone.
/// </summary>
public static class WorkLevels
{
    /// <summary>The fields of work: sub-major and minor groups of ISCO-08 that belong to one trade at every level.</summary>
    /// <remarks>
    /// ISCO groups occupations by skill level first, so one field is spread over several sub-major groups: a primary
    /// school teacher is 2341 (level 4), a teaching assistant 5312 (level 2). Within one sub-major group every
    /// occupation has the same level, so "the same sub-major group" alone never makes work two levels below one's own
    /// field; these families name the groups that do.
    /// </remarks>
    private static readonly (string Name, string[] Groups)[] Families =
    [
        ("onderwijs", ["23", "531", "2635"]),
        ("zorg", ["22", "32", "532", "2634"]),
        ("bouw", ["2142", "216", "3112", "3123", "71", "931"]),
        ("techniek", ["214", "215", "311", "313", "72", "74", "81", "82", "932"]),
        ("ict", ["25", "35"]),
        ("bedrijf en administratie", ["12", "24", "33", "41", "42", "43", "44"]),
        ("recht, sociaal en cultuur", ["26", "34"]),
        ("horeca en handel", ["14", "3434", "51", "52", "751", "94", "95"]),
        ("landbouw", ["2132", "3142", "61", "62", "63", "92"]),
        ("vervoer en logistiek", ["1324", "315", "4321", "4323", "83", "933"]),
        ("textiel", ["2163", "753", "8153"]),
        ("veiligheid", ["01", "02", "03", "54"]),
        ("schoonmaak", ["515", "91", "96"]),
    ];

    // The families of every four-digit code, as bits (0000–9999).
    private static readonly uint[] FieldsByCode = BuildFields();

    /// <summary>The skill level of a four-digit ISCO-08 unit group ("2341"; armed forces start with 0: "0110"), or unknown.</summary>
    public static SkillLevel OfIsco(string? code) => OfIsco(MatchingIndex.ParseIsco(code));

    /// <summary>The skill level an education gives: ISCED 1 level one, ISCED 2–3 level two, post-secondary vocational three, bachelor and up four.</summary>
    public static SkillLevel OfEducation(EducationLevel education) => education switch
    {
        EducationLevel.Primary => SkillLevel.One,
        EducationLevel.LowerSecondary or EducationLevel.UpperSecondary => SkillLevel.Two,
        EducationLevel.Vocational => SkillLevel.Three,
        EducationLevel.Bachelor or EducationLevel.Master => SkillLevel.Four,
        _ => SkillLevel.Unknown,
    };

    /// <summary>The level of the NLQF (the Dutch qualifications framework, 1 entree … 8 doctor), or unknown outside 1–8.</summary>
    public static SkillLevel OfNlqf(int nlqf) => nlqf switch
    {
        1 => SkillLevel.One,
        >= 2 and <= 4 => SkillLevel.Two,
        5 => SkillLevel.Three,
        >= 6 and <= 8 => SkillLevel.Four,
        _ => SkillLevel.Unknown,
    };

    /// <summary>The level of a person's education: as valued in the Netherlands when known, else as recorded.</summary>
    public static SkillLevel OfSchooling(Person person)
    {
        ArgumentNullException.ThrowIfNull(person);
        return person.ValuedNlqf is { } nlqf && OfNlqf(nlqf) is var valued && valued != SkillLevel.Unknown ? valued : OfEducation(person.Education);
    }

    /// <summary>A person's level: the higher of their education and their former occupations.</summary>
    public static SkillLevel OfPerson(Person person)
    {
        ArgumentNullException.ThrowIfNull(person);
        var level = OfSchooling(person);
        foreach (var occupation in person.FormerOccupations)
        {
            var own = OfIsco(occupation.IscoCode);
            level = own > level ? own : level;
        }

        return level;
    }

    /// <summary>
    /// The level an offer's work asks for: its stated level, else its occupation's; unknown for offers that are not
    /// work (jobs, internships and work-experience places).
    /// </summary>
    public static SkillLevel OfOffer(Offer offer)
    {
        ArgumentNullException.ThrowIfNull(offer);
        if (offer.Kind is not (OfferKind.Job or OfferKind.Internship))
        {
            return SkillLevel.Unknown;
        }

        return offer.Level != SkillLevel.Unknown ? offer.Level : OfIsco(offer.Occupation?.IscoCode);
    }

    /// <summary>Work more than one level below the person's level: not suggested unless in their own field or chosen as a stepping stone.</summary>
    public static bool IsBelow(SkillLevel person, SkillLevel work) =>
        person != SkillLevel.Unknown && work != SkillLevel.Unknown && (int)person - (int)work > 1;

    /// <summary>Whether two occupations are in one field: the same ISCO sub-major group, or one of the same family of groups.</summary>
    public static bool SameField(string? a, string? b) =>
        SameField(MatchingIndex.ParseIsco(a), MatchingIndex.ParseIsco(b), FieldsOf(a), FieldsOf(b));

    /// <summary>The field families an ISCO code belongs to, by name (for the guide to the rule).</summary>
    public static IReadOnlyList<string> FieldNames(string? code)
    {
        var mask = FieldsOf(code);
        return [.. Families.Where((_, i) => (mask & (1u << i)) != 0).Select(f => f.Name)];
    }

    /// <summary>How a person's education is called in the Netherlands, short ("hbo", "mbo 3"), for reasons.</summary>
    public static string DutchName(Person person)
    {
        ArgumentNullException.ThrowIfNull(person);
        return person.ValuedNlqf is { } nlqf && OfNlqf(nlqf) != SkillLevel.Unknown ? NlqfName(nlqf) : DutchName(person.Education);
    }

    /// <summary>A level of the NLQF as it is called: "entree", "mbo 2" … "associate degree", "bachelor", "master", "doctoraat".</summary>
    public static string NlqfName(int nlqf) => nlqf switch
    {
        1 => "entree",
        >= 2 and <= 4 => string.Create(CultureInfo.InvariantCulture, $"mbo {nlqf}"),
        5 => "associate degree",
        6 => "bachelor",
        7 => "master",
        8 => "doctoraat",
        _ => "onbekend niveau",
    };

    /// <summary>How an education is called in the Netherlands, short ("hbo"), for reasons.</summary>
    public static string DutchName(EducationLevel education) => education switch
    {
        EducationLevel.Primary => "basisonderwijs",
        EducationLevel.LowerSecondary => "vmbo",
        EducationLevel.UpperSecondary => "havo/vwo",
        EducationLevel.Vocational => "mbo",
        EducationLevel.Bachelor => "hbo",
        EducationLevel.Master => "wo",
        _ => "geen diploma",
    };

    internal static bool SameField(int a, int b, uint fieldsA, uint fieldsB) =>
        a > 0 && b > 0 && (a / 100 == b / 100 || (fieldsA & fieldsB) != 0);

    internal static uint FieldsOf(string? code) => FieldsOf(MatchingIndex.ParseIsco(code));

    internal static uint FieldsOf(int code) => (uint)code < (uint)FieldsByCode.Length ? FieldsByCode[code] : 0;

    internal static SkillLevel OfIsco(int code)
    {
        if (code <= 0 || code > 9999)
        {
            return SkillLevel.Unknown;
        }

        var major = code / 1000;
        var subMajor = code / 100;
        return major switch
        {
            // Armed forces: commissioned officers four, non-commissioned officers two, other ranks one.
            0 => subMajor switch { 1 => SkillLevel.Four, 2 => SkillLevel.Two, 3 => SkillLevel.One, _ => SkillLevel.Unknown },

            // Managers are levels three and four: hospitality and retail managers (14) three, the others four.
            1 => subMajor == 14 ? SkillLevel.Three : SkillLevel.Four,
            2 => SkillLevel.Four,
            3 => SkillLevel.Three,
            >= 4 and <= 8 => SkillLevel.Two,
            _ => SkillLevel.One,
        };
    }

    private static uint[] BuildFields()
    {
        var fields = new uint[10_000];
        for (var code = 1; code < fields.Length; code++)
        {
            var text = code.ToString("0000", CultureInfo.InvariantCulture);
            for (var f = 0; f < Families.Length; f++)
            {
                if (Families[f].Groups.Any(g => text.StartsWith(g, StringComparison.Ordinal)))
                {
                    fields[code] |= 1u << f;
                }
            }
        }

        return fields;
    }
}
