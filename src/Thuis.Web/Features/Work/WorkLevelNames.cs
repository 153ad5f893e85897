using Thuis.Matching;
using Thuis.Web.Features.Occupations;

namespace Thuis.Web.Features.Work;

/// <summary>The levels of work and education as a Dutch case manager names them.</summary>
public static class WorkLevelNames
{
    /// <summary>A level of the NLQF (Nederlands Kwalificatieraamwerk) with what it usually is.</summary>
    public static string Nlqf(int nlqf) => nlqf switch
    {
        1 => "NLQF 1 — entree",
        2 => "NLQF 2 — mbo 2",
        3 => "NLQF 3 — mbo 3",
        4 => "NLQF 4 — mbo 4, havo",
        5 => "NLQF 5 — associate degree",
        6 => "NLQF 6 — bachelor (hbo, wo)",
        7 => "NLQF 7 — master",
        8 => "NLQF 8 — doctor",
        _ => "onbekend",
    };

    /// <summary>"beroep: onderwijsassistent basisonderwijs · NLQF 2 — mbo 2": what a job, internship or work-experience place is and asks.</summary>
    public static string Work(OccupationCatalogue occupations, string? escoUri, int? nlqf)
    {
        var occupation = escoUri is null ? null : occupations.Find(escoUri)?.LabelNl ?? escoUri;
        return string.Join(" · ", new[] { occupation is null ? null : $"beroep: {occupation}", nlqf is { } n ? Nlqf(n) : null }.OfType<string>());
    }

    /// <summary>An ISCO-08 skill level in words.</summary>
    public static string Skill(SkillLevel level) => level switch
    {
        SkillLevel.One => "niveau 1 (eenvoudig werk, entree)",
        SkillLevel.Two => "niveau 2 (vakwerk, mbo 2–4)",
        SkillLevel.Three => "niveau 3 (middelbaar-hoger, mbo 4 specialist, associate degree)",
        SkillLevel.Four => "niveau 4 (hbo, wo)",
        _ => "niveau onbekend",
    };
}
